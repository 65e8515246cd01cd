/* ledger-rules-edit.c: changing the ledger's rules (docs/RULES.md)
 *
 * A rule is one row of the rules table; the schema's audit trigger records
 * every change of its value. A change can move every indicator, so views are
 * told LEDGER_KIND_ALL.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-rules.h"
#include "ledger-rules-edit.h"

#define MANURE_PREFIX "manure_t_per_head_year."

void
ledger_scale_standard_free (LedgerScaleStandard *standard)
{
  if (standard == NULL)
    return;
  g_free (standard->key);
  g_free (standard->name);
  g_free (standard->source);
  g_free (standard->effective);
  g_free (standard);
}

static gboolean
parse_positive (const char  *key,
                const char  *value,
                double       max,
                GError     **error)
{
  char *end = NULL;
  double d = g_ascii_strtod (value, &end);

  if (end == value || *end != '\0' || !isfinite (d) || d <= 0 || d > max)
    {
      if (max < G_MAXDOUBLE)
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                     _("The rule “%s” must be a number greater than 0 and at most %g, not “%s”."),
                     key, max, value);
      else
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                     _("The rule “%s” must be a number greater than 0, not “%s”."),
                     key, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
scale_standard_known (LedgerDb    *db,
                      const char  *key,
                      GError     **error)
{
  gboolean found;

  if (!ledger_db_has_row (db, "SELECT 1 FROM scale_standards WHERE key = ?1", key, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                 _("The scale-farm standard “%s” is not in this ledger."), key);
  return found;
}

static gboolean
validate_rule (LedgerDb    *db,
               const char  *key,
               const char  *value,
               GError     **error)
{
  LedgerSpecies species;

  if (g_str_equal (key, "coverage_threshold"))
    return parse_positive (key, value, 1.0, error);
  if (g_str_equal (key, "national_list_area_m2"))
    return parse_positive (key, value, G_MAXDOUBLE, error);
  if (g_str_equal (key, "scale_standard"))
    return g_str_equal (value, "auto") || scale_standard_known (db, value, error);
  if (g_str_equal (key, "survey_min_area_m2"))
    return parse_positive (key, value, G_MAXDOUBLE, error);
  if (g_str_equal (key, "pig_equivalent_ratios"))
    {
      LedgerPigEquivalentRatios ratios;

      if (ledger_pig_equivalent_ratios_from_key (value, &ratios))
        return TRUE;
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("“%s” is not a choice of pig-equivalent ratios (common or gb18596)."), value);
      return FALSE;
    }
  if (g_str_has_prefix (key, MANURE_PREFIX) &&
      ledger_species_from_key (key + strlen (MANURE_PREFIX), &species))
    return parse_positive (key, value, G_MAXDOUBLE, error);

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("There is no rule “%s”."), key);
  return FALSE;
}

static gboolean
write_rule (LedgerDb    *db,
            const char  *key,
            const char  *value,
            GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  /* UPDATE first so that the audit trigger logs it as a change of value */
  stmt = ledger_db_prepare (db, "UPDATE rules SET value = ?2 WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);
  if (sqlite3_changes (ledger_db_get_handle (db)) > 0)
    return TRUE;

  g_clear_pointer (&stmt, sqlite3_reset);
  stmt = ledger_db_prepare (db, "INSERT INTO rules (key, value) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);
  return TRUE;
}

/**
 * ledger_rules_set:
 * @db: an open, writable ledger
 * @key: a rule key: coverage_threshold, scale_standard, national_list_area_m2
 *   or manure_t_per_head_year.<species>
 * @value: the new value, canonical text (C-locale number or a standard key)
 * @error: return location for an error
 *
 * Validates and stores one rule in one transaction; the audit trigger records
 * the old and new value, and "changed" is emitted with LEDGER_KIND_ALL.
 *
 * Returns: %TRUE when saved
 */
gboolean
ledger_rules_set (LedgerDb    *db,
                  const char  *key,
                  const char  *value,
                  GError     **error)
{
  g_return_val_if_fail (LEDGER_IS_DB (db), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!validate_rule (db, key, value, error))
    return FALSE;
  if (!ledger_db_begin (db, error))
    return FALSE;
  if (!write_rule (db, key, value, error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  return ledger_db_commit (db, error);
}

/**
 * ledger_rules_get:
 *
 * Returns: (transfer full) (nullable): the stored value of @key, or %NULL
 *   when it is not stored (the default applies) or on an error
 */
char *
ledger_rules_get (LedgerDb    *db,
                  const char  *key,
                  GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ledger_db_prepare (db, "SELECT value FROM rules WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    ledger_db_set_sqlite_error (db, rc, error);
  return NULL;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * ledger_rules_list_scale_standards:
 *
 * Returns: (transfer full) (element-type LedgerScaleStandard): the scale-farm
 *   standards of the ledger, by effective date, newest first
 */
GPtrArray *
ledger_rules_list_scale_standards (LedgerDb  *db,
                                   GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) list = NULL;
  int rc;

  stmt = ledger_db_prepare (db,
                            "SELECT key, name, source, effective FROM scale_standards"
                            " ORDER BY effective DESC, key", error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_scale_standard_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerScaleStandard *standard = g_new0 (LedgerScaleStandard, 1);

      standard->key = dup_column (stmt, 0);
      standard->name = dup_column (stmt, 1);
      standard->source = dup_column (stmt, 2);
      standard->effective = dup_column (stmt, 3);
      g_ptr_array_add (list, standard);
    }
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
