/* ledger-targets.c: the targets of the indicators, per year and township
 *
 * One row of the targets table per indicator, year (0 = every year) and
 * scope ("county" or a township code). The schema's audit triggers record
 * every insert, change and removal; progress reads the table directly.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-error.h"
#include "ledger-targets.h"

#define FIRST_YEAR 2000
#define LAST_YEAR 2100

void
ledger_target_free (LedgerTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->scope);
  g_free (target);
}

static gboolean
indicator_from_key (const char        *key,
                    LedgerIndicatorId *id)
{
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    if (g_strcmp0 (key, ledger_indicator_key (i)) == 0)
      {
        *id = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
township_exists (LedgerDb    *db,
                 const char  *code,
                 GError     **error)
{
  gboolean found;

  if (!ledger_db_has_row (db, "SELECT 1 FROM regions WHERE kind = 'township' AND code = ?1", code, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                 _("Target: there is no township with code “%s” in this ledger."), code);
  return found;
}

static gboolean
validate_target (LedgerDb           *db,
                 LedgerIndicatorId   indicator,
                 int                 year,
                 const char         *scope,
                 double              value,
                 GError            **error)
{
  const char *name = ledger_indicator_name (indicator);

  if (!isfinite (value) || value < 0 || value > 1)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("Target of “%s”: the value must be between 0 %% and 100 %%."), name);
      return FALSE;
    }
  if (year != 0 && (year < FIRST_YEAR || year > LAST_YEAR))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("Target of “%s”: the year must be between %d and %d, not %d."),
                   name, FIRST_YEAR, LAST_YEAR, year);
      return FALSE;
    }
  if (g_strcmp0 (scope, LEDGER_TARGET_SCOPE_COUNTY) == 0)
    return TRUE;
  return township_exists (db, scope, error);
}

static gboolean
write_target (LedgerDb           *db,
              LedgerIndicatorId   indicator,
              int                 year,
              const char         *scope,
              double              value,
              GError            **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  /* an upsert: the audit trigger logs a change of value as an update */
  stmt = ledger_db_prepare (db, "INSERT INTO targets (indicator, year, scope, value) VALUES (?1, ?2, ?3, ?4)"
                                " ON CONFLICT (indicator, year, scope) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ledger_indicator_key (indicator), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_text (stmt, 3, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 4, value);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);
  return TRUE;
}

static gboolean
delete_target (LedgerDb           *db,
               LedgerIndicatorId   indicator,
               int                 year,
               const char         *scope,
               GError            **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ledger_db_prepare (db, "DELETE FROM targets WHERE indicator = ?1 AND year = ?2 AND scope = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ledger_indicator_key (indicator), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_text (stmt, 3, scope, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);
  if (sqlite3_changes (ledger_db_get_handle (db)) > 0)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
               _("Target of “%s”: there is no target for %s in %d to remove."),
               ledger_indicator_name (indicator), scope, year);
  return FALSE;
}

/* ---- public API ---- */

/**
 * ledger_targets_list:
 * @db: a ledger
 * @error: an SQL error
 *
 * Returns: (transfer full) (element-type LedgerTarget) (nullable): every
 *   target of a known indicator, by indicator, scope ("county" first), year
 */
GPtrArray *
ledger_targets_list (LedgerDb  *db,
                     GError   **error)
{
  g_autoptr (GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_target_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);

  stmt = ledger_db_prepare (db, "SELECT indicator, year, scope, value FROM targets"
                                " ORDER BY indicator, scope <> 'county', scope, year", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerTarget *target = g_new0 (LedgerTarget, 1);

      if (!indicator_from_key ((const char *) sqlite3_column_text (stmt, 0), &target->indicator))
        {
          ledger_target_free (target);
          continue;
        }
      target->year = sqlite3_column_int (stmt, 1);
      target->scope = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      target->value = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (targets, target);
    }
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&targets);
}

/**
 * ledger_targets_set:
 * @db: an open, writable ledger
 * @indicator: the indicator
 * @year: the year it applies to, or 0 for every year
 * @scope: "county" or a township code of the ledger
 * @value: the target rate, 0..1
 * @error: LEDGER_ERROR_INVALID or LEDGER_ERROR_NOT_FOUND naming the field
 *
 * Validates and stores one target in one transaction; the audit triggers
 * record it and "changed" is emitted with LEDGER_KIND_ALL.
 *
 * Returns: %TRUE when saved
 */
gboolean
ledger_targets_set (LedgerDb           *db,
                    LedgerIndicatorId   indicator,
                    int                 year,
                    const char         *scope,
                    double              value,
                    GError            **error)
{
  g_return_val_if_fail (LEDGER_IS_DB (db), FALSE);
  g_return_val_if_fail ((guint) indicator < LEDGER_N_INDICATORS, FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  if (!validate_target (db, indicator, year, scope, value, error) ||
      !ledger_db_begin (db, error))
    return FALSE;
  if (!write_target (db, indicator, year, scope, value, error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  return ledger_db_commit (db, error);
}

/**
 * ledger_targets_remove:
 * @db: an open, writable ledger
 * @indicator: the indicator
 * @year: the year of the target, or 0
 * @scope: "county" or a township code
 * @error: LEDGER_ERROR_NOT_FOUND when there is no such target,
 *   LEDGER_ERROR_INVALID for the county's every-year target
 *
 * Returns: %TRUE when removed (audited, one transaction)
 */
gboolean
ledger_targets_remove (LedgerDb           *db,
                       LedgerIndicatorId   indicator,
                       int                 year,
                       const char         *scope,
                       GError            **error)
{
  g_return_val_if_fail (LEDGER_IS_DB (db), FALSE);
  g_return_val_if_fail ((guint) indicator < LEDGER_N_INDICATORS, FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  if (year == 0 && g_str_equal (scope, LEDGER_TARGET_SCOPE_COUNTY))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("Target of “%s”: the county’s target for every year cannot be removed, only changed."),
                   ledger_indicator_name (indicator));
      return FALSE;
    }
  if (!ledger_db_begin (db, error))
    return FALSE;
  if (!delete_target (db, indicator, year, scope, error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  return ledger_db_commit (db, error);
}
