/* ledger-village-marks.c: the villages on the map (issue 11 item 3)
 *
 * The same verdict as the progress figures (ledger_village_verdict() over the
 * same join), so a village drawn "effective" is one the indicator counts.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-db-private.h"
#include "ledger-rules.h"
#include "ledger-village-marks.h"

static void
mark_free (gpointer data)
{
  LedgerVillageMark *mark = data;

  g_free (mark->code);
  g_free (mark->name);
  g_free (mark);
}

static int
column_int (sqlite3_stmt *stmt,
            int           column,
            int           if_null)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? if_null : sqlite3_column_int (stmt, column);
}

static LedgerVillageMark *
mark_from_row (const LedgerRules *rules,
               sqlite3_stmt      *stmt,
               int                year)
{
  LedgerVillageMark *mark = g_new0 (LedgerVillageMark, 1);
  LedgerVillageStatus status = {
    .mode = (const char *) sqlite3_column_text (stmt, 4),
    .households = column_int (stmt, 5, -1),
    .covered_households = column_int (stmt, 6, -1),
    .year_done = column_int (stmt, 7, 0),
    .facility_down = column_int (stmt, 8, 0) != 0,
  };
  LedgerVillageVerdict verdict = ledger_village_verdict (rules, &status, year);

  mark->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  mark->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  mark->lon = sqlite3_column_double (stmt, 2);
  mark->lat = sqlite3_column_double (stmt, 3);
  mark->reason = ledger_village_verdict_describe (verdict);
  if (!ledger_code_is_admin_village (mark->code))
    mark->state = LEDGER_VILLAGE_STATE_NOT_COUNTED;
  else if (ledger_village_verdict_counts (verdict))
    mark->state = LEDGER_VILLAGE_STATE_EFFECTIVE;
  else
    mark->state = LEDGER_VILLAGE_STATE_NOT_EFFECTIVE;
  return mark;
}

/**
 * ledger_village_marks_load:
 * @db: a ledger
 * @year: the year asked (the year selector)
 * @error: an SQL error
 *
 * Every village-level unit with a location, with its standing on the
 * village sewage indicator in @year, and how many have no location.
 *
 * Returns: (transfer full) (nullable): the marks
 */
LedgerVillageMarks *
ledger_village_marks_load (LedgerDb  *db,
                           int        year,
                           GError   **error)
{
  g_autoptr (LedgerVillageMarks) marks = g_new0 (LedgerVillageMarks, 1);
  g_autoptr (LedgerRules) rules = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);

  marks->marks = g_ptr_array_new_with_free_func (mark_free);
  if ((rules = ledger_rules_load (db, error)) == NULL)
    return NULL;
  stmt = ledger_db_prepare (db, "SELECT r.code, r.name, r.lon, r.lat, s.mode, r.households,"
                                " s.covered_households, s.year_done,"
                                " r.code IN (SELECT village_code FROM village_facility_down)"
                                " FROM regions r LEFT JOIN village_sewage s ON s.village_code = r.code"
                                " WHERE r.kind IN ('village', 'community') ORDER BY r.code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL || sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        marks->n_without_location++;
      else
        g_ptr_array_add (marks->marks, mark_from_row (rules, stmt, year));
    }
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&marks);
}

/**
 * ledger_village_marks_free:
 * @marks: (transfer full) (nullable): marks
 */
void
ledger_village_marks_free (LedgerVillageMarks *marks)
{
  if (marks == NULL)
    return;
  g_clear_pointer (&marks->marks, g_ptr_array_unref);
  g_free (marks);
}

/**
 * ledger_villages_count_without_location:
 * @db: a ledger
 *
 * Returns: how many village-level units have no location; 0 on an SQL error
 */
guint
ledger_villages_count_without_location (LedgerDb *db)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LEDGER_IS_DB (db), 0);

  stmt = ledger_db_prepare (db, "SELECT count(*) FROM regions WHERE kind IN ('village', 'community')"
                                " AND (lon IS NULL OR lat IS NULL)", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

/**
 * ledger_village_state_name:
 * @state: a state
 *
 * Returns: its translated name, for the legend
 */
const char *
ledger_village_state_name (LedgerVillageState state)
{
  switch (state)
    {
    case LEDGER_VILLAGE_STATE_EFFECTIVE:
      return _("Administrative village, effectively treated");
    case LEDGER_VILLAGE_STATE_NOT_EFFECTIVE:
      return _("Administrative village, not effectively treated");
    case LEDGER_VILLAGE_STATE_NOT_COUNTED:
    case LEDGER_N_VILLAGE_STATES:
    default:
      return _("Community: recorded, not counted");
    }
}
