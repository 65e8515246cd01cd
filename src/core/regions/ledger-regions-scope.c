/* ledger-regions-scope.c: a ledger for a whole province, or the whole nation
 *
 * A county ledger (ledger_regions_init) is what officers keep. A province
 * keeps the same ledger one level up, and the province-scale test imports
 * the national village list (620,573 units): that needs every county of the
 * scope, their townships and village-level units in the ledger first, since
 * an import only ever updates the units the division list defines — a
 * spreadsheet never invents a village. The regions table holds the county
 * level and below (no province or city rows): counties have no parent.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-divisions.h"
#include "ledger-error.h"
#include "ledger-regions-scope.h"
#include "ledger-rules.h"

#define NATION "all"

/* ---- auxiliary functions ---- */

/**
 * ledger_regions_is_scope:
 * @code: (nullable): a region code
 *
 * Returns: whether @code names a scope above the county: a 2-digit
 *   province code or "all"
 */
gboolean
ledger_regions_is_scope (const char *scope)
{
  return g_strcmp0 (scope, NATION) == 0 ||
         (scope != NULL && strlen (scope) == 2 && g_ascii_isdigit (scope[0]) && g_ascii_isdigit (scope[1]));
}

/* county, township, village or community by the code's length; NULL for a
 * province or city (not stored) */
static const char *
unit_kind (const char *code,
           gsize       len)
{
  switch (len)
    {
    case 6:
      return "county";
    case 9:
      return "township";
    case 12:
      return ledger_code_is_admin_village (code) ? "village" : "community";
    default:
      return NULL;
    }
}

static gboolean
insert_unit (LedgerDb      *db,
             sqlite3_stmt  *insert,
             const char    *code,
             const char    *name,
             GError       **error)
{
  gsize len = strlen (code);
  const char *kind = unit_kind (code, len);

  if (kind == NULL)
    return TRUE;
  sqlite3_reset (insert);
  sqlite3_bind_text (insert, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, kind, -1, SQLITE_STATIC);
  if (len > 6)
    sqlite3_bind_text (insert, 4, code, len - 3, SQLITE_STATIC);
  else
    sqlite3_bind_null (insert, 4);
  if (sqlite3_step (insert) != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, sqlite3_errcode (ledger_db_get_handle (db)), error);
  return TRUE;
}

/* Inserts the units under @scope; sets *@name to the province's name. */
static gboolean
insert_scope (LedgerDb    *db,
              const char  *scope,
              char       **name,
              guint       *n_units,
              GError     **error)
{
  g_autoptr (GDataInputStream) in = ledger_divisions_open (error);
  g_autoptr (sqlite3_stmt) insert =
    ledger_db_prepare (db, "INSERT INTO regions (code, name, kind, parent) VALUES (?1, ?2, ?3, ?4)", error);
  gboolean nation = g_str_equal (scope, NATION);
  char *line;

  if (in == NULL || insert == NULL)
    return FALSE;
  while ((line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, error)) != NULL)
    {
      g_autofree char *owned = line;
      char *tab = strchr (line, '\t');

      if (tab == NULL || (!nation && strncmp (line, scope, 2) != 0))
        continue;
      *tab = '\0';
      if (g_str_equal (line, scope))
        *name = g_strdup (tab + 1);
      if (!insert_unit (db, insert, line, tab + 1, error))
        return FALSE;
      *n_units += unit_kind (line, strlen (line)) != NULL;
    }
  return error == NULL || *error == NULL;
}

static gboolean
refuse_empty_scope (const char  *scope,
                    guint        n_units,
                    GError     **error)
{
  if (n_units > 0)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
               _("No province with code %s in the national division list."), scope);
  return FALSE;
}

/* ---- public API ---- */

/**
 * ledger_regions_init_scope:
 * @db: a ledger without a region
 * @scope: a 2-digit province code ("51" for Sichuan) or "all" for the nation
 * @error: LEDGER_ERROR_NOT_FOUND for an unknown province
 *
 * Inserts every county, township and village-level unit of the scope from
 * the national division list, in one transaction, and sets region_code to
 * @scope and region_name to the province's name (全国 for the nation).
 *
 * Returns: %TRUE on success; on failure the ledger is left as it was
 */
gboolean
ledger_regions_init_scope (LedgerDb    *db,
                           const char  *scope,
                           GError     **error)
{
  g_autofree char *existing = ledger_db_dup_region_code (db);
  g_autofree char *name = NULL;
  guint n_units = 0;

  g_return_val_if_fail (LEDGER_IS_DB (db), FALSE);

  if (existing != NULL && *existing != '\0')
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The ledger already has its region (%s); it was left unchanged."), existing);
      return FALSE;
    }
  if (!ledger_regions_is_scope (scope))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("“%s” is neither a 2-digit province code nor “all”."), scope ? scope : "");
      return FALSE;
    }
  if (!ledger_db_begin (db, error))
    return FALSE;
  if (!insert_scope (db, scope, &name, &n_units, error) ||
      !refuse_empty_scope (scope, n_units, error) ||
      !ledger_db_set_meta (db, "region_code", scope, error) ||
      !ledger_db_set_meta (db, "region_name", name ? name : "全国", error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  return ledger_db_commit (db, error);
}
