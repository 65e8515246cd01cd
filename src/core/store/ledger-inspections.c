/* ledger-inspections.c: inspections and samples county-wide, rectification deadlines
 *
 * The migration of issue 16 (整改期限, 整改状态, where an inspection was made,
 * and the photos' thumbnails), the check that a deadline does not come before
 * its inspection, and the rows of the Inspections and Samples page.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-inspections.h"
#include "ledger-store-private.h"
#include "ledger-values.h"

/* the SQL below names the kinds by number */
G_STATIC_ASSERT (LEDGER_KIND_VILLAGES == 0 && LEDGER_KIND_FACILITIES == 1 && LEDGER_KIND_FARMS == 2 &&
                 LEDGER_KIND_WATER_BODIES == 3 && LEDGER_KIND_SAMPLES == 4 && LEDGER_KIND_INSPECTIONS == 5);


/* 本地口径 (docs/RULES.md): a sewage facility in operation — running
 * normally or faulty — is inspected at least once a calendar month. No
 * public source was found for the interval. */
#define NEEDS_MONTHLY_INSPECTION "f.status IN ('normal', 'faulty')"

/* not rectified: no follow-up, or pending, and not recorded as fixed */
#define NOT_RECTIFIED "(i.deadline IS NOT NULL AND i.deadline < ?2 AND coalesce (i.follow_up, 'pending') = 'pending'" \
                      " AND i.result <> 'fixed')"

#define PLACE_JOINS \
  " LEFT JOIN regions v ON v.code = %s" \
  " LEFT JOIN regions t ON t.code = substr (v.code, 1, 9)"

/* ?1 township or NULL, ?2 today, ?3 the first day of this month */
static const char inspections_sql[] =
  "SELECT 5, i.uid,"
  " CASE WHEN i.facility_uid IS NOT NULL THEN 1 WHEN i.farm_uid IS NOT NULL THEN 2"
  "      WHEN i.water_body_uid IS NOT NULL THEN 3 ELSE 0 END,"
  " coalesce (i.facility_uid, i.farm_uid, i.water_body_uid, i.village_code),"
  " coalesce (f.code, a.code, w.code, i.village_code), coalesce (f.name, a.name, w.name, v.name),"
  " t.name, v.name, i.date, i.result, i.deadline, i.follow_up,"
  " (SELECT count(*) FROM inspection_photos p WHERE p.inspection_uid = i.uid), " NOT_RECTIFIED
  " FROM inspections i"
  " LEFT JOIN facilities f ON f.uid = i.facility_uid"
  " LEFT JOIN farms a ON a.uid = i.farm_uid"
  " LEFT JOIN water_bodies w ON w.uid = i.water_body_uid";

static const char samples_sql[] =
  "SELECT 4, s.uid, CASE WHEN s.facility_uid IS NOT NULL THEN 1 ELSE 3 END,"
  " coalesce (s.facility_uid, s.water_body_uid), coalesce (f.code, w.code), coalesce (f.name, w.name),"
  " t.name, v.name, s.date, NULL, NULL, NULL, 0, 0"
  " FROM samples s"
  " LEFT JOIN facilities f ON f.uid = s.facility_uid"
  " LEFT JOIN water_bodies w ON w.uid = s.water_body_uid";

static const char not_inspected_sql[] =
  "SELECT 1, NULL, 1, f.uid, f.code, f.name, t.name, v.name,"
  " (SELECT max (date) FROM inspections i WHERE i.facility_uid = f.uid AND i.date <= ?2),"
  " NULL, NULL, NULL, 0, 0"
  " FROM facilities f"
  " LEFT JOIN regions v ON v.code = f.village_code"
  " LEFT JOIN regions t ON t.code = substr (f.village_code, 1, 9)"
  " WHERE " NEEDS_MONTHLY_INSPECTION " AND (?1 IS NULL OR substr (f.village_code, 1, 9) = ?1)"
  " AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.facility_uid = f.uid"
  "                 AND i.date >= ?3 AND i.date <= ?2)"
  " ORDER BY 9 NULLS FIRST, f.code";

/* ---- auxiliary functions ---- */

static char *
build_sql (LedgerObservationsFilter filter)
{
  g_autofree char *inspection_place = g_strdup_printf (PLACE_JOINS,
                                                       "coalesce (f.village_code, a.village_code, w.village_code, i.village_code)");
  g_autofree char *sample_place = g_strdup_printf (PLACE_JOINS, "coalesce (f.village_code, w.village_code)");
  const char *in_township = " WHERE (?1 IS NULL OR substr (v.code, 1, 9) = ?1)";

  if (filter == LEDGER_OBSERVATIONS_NOT_INSPECTED)
    return g_strdup (not_inspected_sql);
  if (filter == LEDGER_OBSERVATIONS_DEADLINE_PASSED)
    return g_strconcat (inspections_sql, inspection_place, in_township, " AND ", NOT_RECTIFIED,
                        " ORDER BY i.deadline, 5", NULL);
  return g_strconcat (inspections_sql, inspection_place, in_township, " UNION ALL ",
                      samples_sql, sample_place, in_township, " ORDER BY 9 DESC, 5", NULL);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static LedgerObservationRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  LedgerObservationRow *row = g_new0 (LedgerObservationRow, 1);

  row->kind = sqlite3_column_int (stmt, 0);
  row->uid = dup_column (stmt, 1);
  row->subject_kind = sqlite3_column_int (stmt, 2);
  row->subject_uid = dup_column (stmt, 3);
  row->subject_code = dup_column (stmt, 4);
  row->subject_name = dup_column (stmt, 5);
  row->township = dup_column (stmt, 6);
  row->village = dup_column (stmt, 7);
  row->date = dup_column (stmt, 8);
  row->result = dup_column (stmt, 9);
  row->deadline = dup_column (stmt, 10);
  row->follow_up = dup_column (stmt, 11);
  row->n_photos = sqlite3_column_int (stmt, 12);
  row->deadline_passed = sqlite3_column_int (stmt, 13) != 0;
  return row;
}

/* ---- public API ---- */

void
ledger_observation_row_free (LedgerObservationRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uid);
  g_free (row->subject_uid);
  g_free (row->subject_code);
  g_free (row->subject_name);
  g_free (row->township);
  g_free (row->village);
  g_free (row->date);
  g_free (row->result);
  g_free (row->deadline);
  g_free (row->follow_up);
  g_free (row);
}

char *
ledger_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * ledger_observations_load:
 * @filter: which rows
 * @township: (nullable): a 9-digit township code, or NULL for the county
 * @today: (nullable): "YYYY-MM-DD", the day "this month" and "passed" are
 *   measured from; NULL: the local date
 *
 * Returns: (transfer container) (element-type LedgerObservationRow): the rows
 */
GPtrArray *
ledger_observations_load (LedgerDb                 *db,
                          LedgerObservationsFilter  filter,
                          const char               *township,
                          const char               *today,
                          GError                  **error)
{
  g_autofree char *local_today = today ? g_strdup (today) : ledger_today ();
  g_autofree char *month_start = NULL;
  g_autofree char *sql = build_sql (filter);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_observation_row_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);
  if (!ledger_parse_date (local_today, &month_start))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("“%s” is not a date (use YYYY-MM-DD)"), local_today);
      return NULL;
    }
  memcpy (month_start + 8, "01", 2);
  if ((stmt = ledger_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, township, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, local_today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, month_start, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

void
ledger_inspection_check (const LedgerRecord *record,
                         GPtrArray          *problems)
{
  const char *date = ledger_record_get (record, "date");
  const char *deadline = ledger_record_get (record, "deadline");
  g_autofree char *message = NULL;

  if (record->kind != LEDGER_KIND_INSPECTIONS || date == NULL || deadline == NULL || strcmp (deadline, date) >= 0)
    return;
  message = g_strdup_printf (_("Rectification deadline %s is before the inspection (%s)."), deadline, date);
  g_ptr_array_add (problems, ledger_problem_new (0, ledger_kind_field_index (LEDGER_KIND_INSPECTIONS, "deadline"),
                                                 message));
}

