/* ledger-progress.c: the four indicators of docs/RULES.md for a year
 *
 * A handful of queries over the whole ledger, each row added to its
 * township's totals and the county's in C: no query per village or per farm.
 * The formulas themselves live in ledger-rules.c. At the scale of the nation
 * (620,573 village-level units, 41,352 townships) the cost is that of reading
 * the rows once: the villages whose facility is down are two small sets read
 * first (not the view per village), a township is looked up once per run of
 * its villages, and the targets once per scope that has any.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-progress.h"
#include "ledger-history-sql.h"
#include "ledger-rules.h"

/* one item's share of an indicator, kept when asked what holds a township back */
typedef struct
{
  char   *uid;
  double  numerator;
  double  denominator;
} ItemShare;

typedef struct
{
  LedgerProgress    *progress;
  GHashTable        *townships;  /* code → LedgerScopeProgress* (borrowed) */
  LedgerScopeProgress *last_township; /* the township of the last code asked */
  char               last_prefix[10];
  LedgerRules       *rules;
  /* village_facility_down, as two sets (see load_facilities_down) */
  GHashTable        *down_villages;
  GHashTable        *down_townships;
  int                year;
  /* for ledger_progress_holding_back(): the items of one indicator */
  GArray            *shares;     /* ItemShare, or NULL */
  LedgerIndicatorId  share_id;
  const char        *share_township;
} Computation;

typedef gboolean (*RowFunc) (Computation *c, sqlite3_stmt *stmt, gpointer data);

static const char *const indicator_keys[LEDGER_N_INDICATORS] = {
  "village_sewage", "manure_utilisation", "scale_farm_facilities", "black_odorous_remediated",
  "black_odorous_remediated_all",
};

/* ---- auxiliary functions ---- */

static void
scope_clear (LedgerScopeProgress *scope)
{
  g_clear_pointer (&scope->code, g_free);
  g_clear_pointer (&scope->name, g_free);
}

static void
scope_free (gpointer data)
{
  scope_clear (data);
  g_free (data);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static double
column_double (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

static int
column_int (sqlite3_stmt *stmt,
            int           column,
            int           if_null)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? if_null : sqlite3_column_int (stmt, column);
}

/* The township scope of a village-level code, or NULL when not shown. Rows
 * come by code, so the last answer is usually the next one too. */
static LedgerScopeProgress *
township_of (Computation *c,
             const char  *village_code)
{
  if (village_code == NULL || strnlen (village_code, 9) < 9)
    return NULL;
  if (memcmp (c->last_prefix, village_code, 9) != 0)
    {
      memcpy (c->last_prefix, village_code, 9);
      c->last_prefix[9] = '\0';
      c->last_township = g_hash_table_lookup (c->townships, c->last_prefix);
    }
  return c->last_township;
}

static void
keep_share (Computation       *c,
            const char        *village_code,
            const char        *uid,
            LedgerIndicatorId  id,
            double             numerator,
            double             denominator)
{
  ItemShare share = { NULL, numerator, denominator };

  if (c->shares == NULL || id != c->share_id || uid == NULL)
    return;
  if (c->share_township != NULL && !g_str_has_prefix (village_code ? village_code : "", c->share_township))
    return;
  share.uid = g_strdup (uid);
  g_array_append_val (c->shares, share);
}

/* Adds an item to the indicator of the county and of the item's township. */
static void
add (Computation       *c,
     const char        *village_code,
     const char        *uid,
     LedgerIndicatorId  id,
     double             numerator,
     double             denominator)
{
  LedgerScopeProgress *scopes[2] = { &c->progress->county, township_of (c, village_code) };

  keep_share (c, village_code, uid, id, numerator, denominator);

  for (guint i = 0; i < G_N_ELEMENTS (scopes) && scopes[i] != NULL; i++)
    {
      scopes[i]->indicators[id].numerator += numerator;
      scopes[i]->indicators[id].denominator += denominator;
    }
}

static gboolean
run_query (Computation  *c,
           LedgerDb     *db,
           const char   *sql,
           RowFunc       func,
           gpointer      data,
           GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int (stmt, 1, c->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (c, stmt, data))
      return FALSE;
  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);
  return TRUE;
}

/* ---- regions ---- */

static gboolean
add_township (Computation  *c,
              sqlite3_stmt *stmt,
              gpointer      only)
{
  LedgerScopeProgress *scope;

  if (only != NULL && !g_str_equal (only, column_text (stmt, 0)))
    return TRUE;
  scope = g_new0 (LedgerScopeProgress, 1);
  scope->code = g_strdup (column_text (stmt, 0));
  scope->name = g_strdup (column_text (stmt, 1));
  g_ptr_array_add (c->progress->townships, scope);
  g_hash_table_insert (c->townships, scope->code, scope);
  return TRUE;
}

static gboolean
load_regions (Computation  *c,
              LedgerDb     *db,
              const char   *only,
              GError      **error)
{
  g_autofree char *county = ledger_db_dup_region_code (db);

  c->progress->county.code = g_strdup (county ? county : "");
  c->progress->county.name = ledger_db_dup_region_name (db, county);
  /* a province or the nation is no row of regions: its name is the ledger's */
  if (c->progress->county.name == NULL)
    c->progress->county.name = ledger_db_get_meta (db, "region_name");
  if (c->progress->county.name == NULL)
    c->progress->county.name = g_strdup ("");
  /* the townships as the list stood at the end of the year (issue 18) */
  if (!run_query (c, db, "SELECT code, name FROM region_periods r WHERE kind = 'township'"
                         " AND " LEDGER_SQL_IN_FORCE ("r", "?1") " ORDER BY code",
                  add_township, (gpointer) only, error))
    return FALSE;
  /* a township of the ledger that did not exist that year has no figures */
  if (only != NULL && c->progress->townships->len == 0 &&
      !run_query (c, db, "SELECT code, name FROM regions WHERE kind = 'township' AND ?1 IS NOT NULL",
                  add_township, (gpointer) only, error))
    return FALSE;
  if (only != NULL && c->progress->townships->len == 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("No township with code %s in this ledger."), only);
      return FALSE;
    }
  return TRUE;
}

/* ---- 1. village sewage ---- */

static gboolean
add_to_set (Computation  *c,
            sqlite3_stmt *stmt,
            gpointer      set)
{
  g_hash_table_add (set, g_strdup (column_text (stmt, 0)));
  return TRUE;
}

/* The rule of the schema's view village_facility_down (docs/RULES.md), read
 * from the facilities side as two small sets instead of the view once per
 * village: the villages with a station or household unit stopped or faulty,
 * and the townships whose plants are down (some stopped or faulty, none
 * normal), which a village on the sewer drains to. */
static gboolean
load_facilities_down (Computation  *c,
                      LedgerDb     *db,
                      GError      **error)
{
  return run_query (c, db, "SELECT DISTINCT village_code FROM facilities"
                           " WHERE kind IN ('village_station', 'household_unit') AND status IN ('stopped', 'faulty')",
                    add_to_set, c->down_villages, error) &&
         run_query (c, db, "SELECT substr(village_code, 1, 9) FROM facilities WHERE kind = 'township_plant'"
                           " GROUP BY 1 HAVING sum(status IN ('stopped', 'faulty')) > 0 AND sum(status = 'normal') = 0",
                    add_to_set, c->down_townships, error);
}

/* whether a village with a sewage record is in village_facility_down */
static gboolean
facility_down (Computation *c,
               const char  *code,
               const char  *mode)
{
  char township[10];

  if (g_hash_table_contains (c->down_villages, code))
    return TRUE;
  if (g_strcmp0 (mode, "sewer") != 0 || g_hash_table_size (c->down_townships) == 0)
    return FALSE;
  g_strlcpy (township, code, sizeof township);
  return g_hash_table_contains (c->down_townships, township);
}

static gboolean
add_village (Computation  *c,
             sqlite3_stmt *stmt,
             gpointer      data)
{
  const char *code = column_text (stmt, 0);
  LedgerVillageStatus status = {
    .mode = column_text (stmt, 1),
    .households = column_int (stmt, 2, -1),
    .covered_households = column_int (stmt, 3, -1),
    .year_done = column_int (stmt, 4, 0),
  };
  LedgerVillageVerdict verdict;
  LedgerScopeProgress *township;

  /* a community's status may be recorded but never counts (README.md and ledger-kinds.c);
   * the kind is the list's, as of the year (a local code tells none) */
  if (g_strcmp0 (column_text (stmt, 5), "village") != 0)
    return TRUE;
  status.facility_down = facility_down (c, code, status.mode);
  verdict = ledger_village_verdict (c->rules, &status, c->year);
  add (c, code, code, LEDGER_INDICATOR_VILLAGE_SEWAGE, ledger_village_verdict_counts (verdict), 1);
  if (verdict == LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS)
    {
      c->progress->county.n_warnings++;
      if ((township = township_of (c, code)) != NULL)
        township->n_warnings++;
    }
  return TRUE;
}

static gboolean
compute_villages (Computation  *c,
                  LedgerDb     *db,
                  GError      **error)
{
  /* the villages, households and records as they stood at the end of the year (issue 18) */
  return load_facilities_down (c, db, error) &&
         run_query (c, db, "SELECT r.code, s.mode, r.households, s.covered_households, s.year_done, r.kind"
                           " FROM region_periods r LEFT JOIN village_sewage_periods s ON s.village_code = r.code"
                           "  AND " LEDGER_SQL_IN_FORCE ("s", "?1")
                           " WHERE r.kind = 'village' AND " LEDGER_SQL_IN_FORCE ("r", "?1"),
                    add_village, NULL, error);
}

/* ---- 2. manure and 3. scale farms ---- */

static gboolean
add_farm (Computation  *c,
          sqlite3_stmt *stmt,
          gpointer      data)
{
  const char *village = column_text (stmt, 0);
  double stock = column_double (stmt, 2);
  double output = column_double (stmt, 3);
  double produced, utilised, equivalents;
  LedgerScopeProgress *township = township_of (c, village);
  LedgerSpecies species;

  if (!ledger_species_from_key (column_text (stmt, 1), &species))
    return TRUE;
  produced = ledger_manure_produced (c->rules, species, stock, column_double (stmt, 5));
  utilised = column_double (stmt, 6);
  if (!isnan (produced))
    add (c, village, column_text (stmt, 7), LEDGER_INDICATOR_MANURE_UTILISATION, isnan (utilised) ? 0 : utilised, produced);
  if (ledger_is_scale_farm (c->rules, species, stock, output))
    add (c, village, column_text (stmt, 7), LEDGER_INDICATOR_SCALE_FARM_FACILITIES, column_int (stmt, 4, 0) == 1, 1);
  equivalents = isnan (stock) ? 0 : ledger_pig_equivalents_by (c->rules, species, stock);
  c->progress->county.pig_equivalents += equivalents;
  if (township != NULL)
    township->pig_equivalents += equivalents;
  return TRUE;
}

/* each farm with the figures of the year, or of the latest year before it */
static gboolean
compute_farms (Computation  *c,
               LedgerDb     *db,
               GError      **error)
{
  /* max() makes the bare columns those of the latest year's row (SQLite's
   * documented rule), in one pass over farm_years' primary key; each farm
   * counts for the village it was in that year (issue 18) */
  return run_query (c, db, "SELECT " LEDGER_SQL_ITEM_VILLAGE ("f", "?1") ", f.species, y.stock, y.annual_output,"
                           " y.facilities_matched, y.manure_produced_t, y.manure_utilised_t, f.uid"
                           " FROM (SELECT farm_uid, max(year), stock, annual_output, facilities_matched,"
                           "       manure_produced_t, manure_utilised_t"
                           "       FROM farm_years WHERE year <= ?1 GROUP BY farm_uid) y"
                           " JOIN farms f ON f.uid = y.farm_uid",
                    add_farm, NULL, error);
}

/* ---- 4. water bodies, and what is shown without a target ---- */

/* the flags of a body's area (面积未填, under the survey's 200 m²) */
static void
count_area_flags (Computation *c,
                  const char  *village_code,
                  double       area)
{
  LedgerScopeProgress *scopes[2] = { &c->progress->county, township_of (c, village_code) };

  for (guint i = 0; i < G_N_ELEMENTS (scopes) && scopes[i] != NULL; i++)
    {
      scopes[i]->n_water_area_unknown += isnan (area);
      scopes[i]->n_water_below_survey += ledger_water_body_below_survey (c->rules, area);
    }
}

/* the targeted indicator counts the national list (≥ 2,000 m² or area
 * unknown); _all every listed body (docs/RULES.md item 4) */
static gboolean
add_water_body (Computation  *c,
                sqlite3_stmt *stmt,
                gpointer      data)
{
  const char *village = column_text (stmt, 0);
  const char *uid = column_text (stmt, 3);
  double area = column_double (stmt, 4);
  gboolean done = ledger_water_body_remediated (column_text (stmt, 1), column_text (stmt, 2), c->year);

  if (ledger_water_body_in_target_scope (c->rules, area))
    add (c, village, uid, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED, done, 1);
  add (c, village, uid, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED_ALL, done, 1);
  count_area_flags (c, village, area);
  return TRUE;
}

static void
count_up (LedgerScopeProgress *scope,
          sqlite3_stmt        *stmt)
{
  int kind = sqlite3_column_int (stmt, 1);
  int n = sqlite3_column_int (stmt, 2);

  if (kind == 0)
    scope->n_facilities += n;
  else if (kind == 1)
    scope->n_facilities_normal += n;
  else
    scope->n_villages_inspected += n;
}

static gboolean
add_count (Computation  *c,
           sqlite3_stmt *stmt,
           gpointer      data)
{
  LedgerScopeProgress *township = g_hash_table_lookup (c->townships, column_text (stmt, 0));

  count_up (&c->progress->county, stmt);
  if (township != NULL)
    count_up (township, stmt);
  return TRUE;
}

static gboolean
compute_others (Computation  *c,
                LedgerDb     *db,
                GError      **error)
{
  return run_query (c, db, "SELECT " LEDGER_SQL_ITEM_VILLAGE ("w", "?1") ", status, completed_on, uid, area_m2"
                           " FROM water_bodies w",
                    add_water_body, NULL, error) &&
         run_query (c, db, "SELECT substr(" LEDGER_SQL_ITEM_VILLAGE ("f", "?1") ", 1, 9) AS t, 0, count(*)"
                           " FROM facilities f GROUP BY t"
                           " UNION ALL SELECT substr(" LEDGER_SQL_ITEM_VILLAGE ("f", "?1") ", 1, 9) AS t, 1, count(*)"
                           " FROM facilities f WHERE status = 'normal' GROUP BY t",
                    add_count, NULL, error) &&
         /* villages inspected: the village itself, or anything in it, during the year */
         run_query (c, db, "SELECT substr(v, 1, 9) AS t, 2, count(DISTINCT v) FROM ("
                           " SELECT coalesce(i.village_code, f.village_code, a.village_code, w.village_code) AS v"
                           " FROM inspections i LEFT JOIN facilities f ON f.uid = i.facility_uid"
                           " LEFT JOIN farms a ON a.uid = i.farm_uid"
                           " LEFT JOIN water_bodies w ON w.uid = i.water_body_uid"
                           " WHERE substr(i.date, 1, 4) = printf('%04d', ?1))"
                           " WHERE v IN (SELECT code FROM regions WHERE kind = 'village') GROUP BY t",
                    add_count, NULL, error);
}

/* ---- targets ---- */

/* the targets one scope ("county" or a township code) sets for the year
 * asked (this_year) and for every year (any_year); NAN when not set */
typedef struct
{
  double this_year[LEDGER_N_INDICATORS];
  double any_year[LEDGER_N_INDICATORS];
} ScopeTargets;

static ScopeTargets *
scope_targets_new (void)
{
  ScopeTargets *t = g_new (ScopeTargets, 1);

  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    t->this_year[i] = t->any_year[i] = NAN;
  return t;
}

static int
indicator_from_key (const char *key)
{
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    if (g_strcmp0 (key, indicator_keys[i]) == 0)
      return i;
  return -1;
}

static gboolean
collect_target (Computation  *c,
                sqlite3_stmt *stmt,
                gpointer      data)
{
  GHashTable *targets = data;
  int id = indicator_from_key (column_text (stmt, 0));
  const char *scope = column_text (stmt, 2);
  ScopeTargets *t;

  if (id < 0 || scope == NULL)
    return TRUE;
  if ((t = g_hash_table_lookup (targets, scope)) == NULL)
    g_hash_table_insert (targets, g_strdup (scope), (t = scope_targets_new ()));
  if (sqlite3_column_int (stmt, 1) == 0)
    t->any_year[id] = sqlite3_column_double (stmt, 3);
  else
    t->this_year[id] = sqlite3_column_double (stmt, 3);
  return TRUE;
}

/* a township's own row beats the county's; a row for the year beats year 0 */
static double
find_target (const ScopeTargets *own,
             const ScopeTargets *county,
             LedgerIndicatorId   id)
{
  const ScopeTargets *scopes[] = { own, county };

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      if (scopes[i] == NULL)
        continue;
      if (!isnan (scopes[i]->this_year[id]))
        return scopes[i]->this_year[id];
      if (!isnan (scopes[i]->any_year[id]))
        return scopes[i]->any_year[id];
    }
  return NAN;
}

static void
finish_scope (LedgerScopeProgress *scope,
              const ScopeTargets  *own,
              const ScopeTargets  *county)
{
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      LedgerIndicator *indicator = &scope->indicators[i];

      indicator->rate = ledger_rate (indicator->numerator, indicator->denominator);
      indicator->target = find_target (own, county, i);
      /* the epsilon forgives floating-point noise, never a real shortfall */
      indicator->met = !isnan (indicator->rate) && !isnan (indicator->target) &&
                       indicator->rate + 1e-9 >= indicator->target;
    }
}

static gboolean
apply_targets (Computation  *c,
               LedgerDb     *db,
               GError      **error)
{
  g_autoptr (GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const ScopeTargets *county;

  if (!run_query (c, db, "SELECT indicator, year, scope, value FROM targets WHERE year IN (0, ?1)",
                  collect_target, targets, error))
    return FALSE;
  county = g_hash_table_lookup (targets, "county");
  finish_scope (&c->progress->county, NULL, county);
  for (guint i = 0; i < c->progress->townships->len; i++)
    {
      LedgerScopeProgress *township = g_ptr_array_index (c->progress->townships, i);
      finish_scope (township, g_hash_table_lookup (targets, township->code), county);
    }
  return TRUE;
}

static LedgerProgress *
compute (Computation  *c,
         LedgerDb     *db,
         const char   *township,
         GError      **error)
{
  g_autoptr (LedgerProgress) progress = g_new0 (LedgerProgress, 1);
  g_autoptr (GHashTable) townships = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) down_villages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) down_townships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (LedgerRules) rules = NULL;

  progress->year = c->year;
  progress->townships = g_ptr_array_new_with_free_func (scope_free);
  c->progress = progress;
  c->townships = townships;
  c->down_villages = down_villages;
  c->down_townships = down_townships;
  if ((rules = ledger_rules_load (db, error)) == NULL)
    return NULL;
  c->rules = rules;
  if (!load_regions (c, db, township, error) ||
      !compute_villages (c, db, error) ||
      !compute_farms (c, db, error) ||
      !compute_others (c, db, error) ||
      !apply_targets (c, db, error))
    return NULL;
  return g_steal_pointer (&progress);
}

/* ---- public API ---- */

/**
 * ledger_progress_compute:
 * @db: a ledger
 * @year: the year asked, e.g. 2020 for the baseline
 * @township: (nullable): a 9-digit township code: only that township is
 *   listed (the county figures stay those of the whole county)
 * @error: LEDGER_ERROR_NOT_FOUND for an unknown township, or an SQL error
 *
 * Computes the four indicators of docs/RULES.md for the county and every
 * township as of @year: villages done in or before it, each farm's figures
 * of that year or the latest before, water bodies completed by its end.
 *
 * Returns: (transfer full) (nullable): the progress
 */
LedgerProgress *
ledger_progress_compute (LedgerDb    *db,
                         int          year,
                         const char  *township,
                         GError     **error)
{
  Computation c = { .year = year };

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);

  return compute (&c, db, township, error);
}

/**
 * ledger_progress_trend:
 * @db: a ledger
 * @township: (nullable): a township code, as for ledger_progress_compute()
 * @first_year: the first year, usually %LEDGER_BASELINE_YEAR
 * @last_year: the last year (≥ @first_year), usually the current one
 * @error: as for ledger_progress_compute()
 *
 * The progress of every year from @first_year to @last_year, each computed
 * by the rules of docs/RULES.md as of that year.
 *
 * Returns: (transfer full) (element-type LedgerProgress) (nullable): one
 *   progress per year, in order
 */
GPtrArray *
ledger_progress_trend (LedgerDb    *db,
                       const char  *township,
                       int          first_year,
                       int          last_year,
                       GError     **error)
{
  g_autoptr (GPtrArray) trend = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_progress_free);

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);
  g_return_val_if_fail (first_year <= last_year, NULL);

  for (int year = first_year; year <= last_year; year++)
    {
      LedgerProgress *progress = ledger_progress_compute (db, year, township, error);

      if (progress == NULL)
        return NULL;
      g_ptr_array_add (trend, progress);
    }
  return g_steal_pointer (&trend);
}

static void
item_share_clear (gpointer data)
{
  ItemShare *share = data;

  g_free (share->uid);
}

/* the target the township is held to: its own, else the county's */
static double
holding_back_target (const LedgerProgress *progress,
                     LedgerIndicatorId     id)
{
  if (progress->townships->len == 1)
    {
      const LedgerScopeProgress *scope = g_ptr_array_index (progress->townships, 0);

      if (!isnan (scope->indicators[id].target))
        return scope->indicators[id].target;
    }
  return progress->county.indicators[id].target;
}

/* an item holds back when it does not count in full; a farm's manure when
 * its own utilisation rate is below the target */
static gboolean
share_holds_back (const ItemShare   *share,
                  LedgerIndicatorId  id,
                  double             target)
{
  if (share->denominator <= 0)
    return FALSE;
  if (id == LEDGER_INDICATOR_MANURE_UTILISATION)
    return !isnan (target) && share->numerator / share->denominator + 1e-9 < target;
  return share->numerator < share->denominator;
}

/**
 * ledger_progress_holding_back:
 * @db: a ledger
 * @year: the year asked
 * @township: (nullable): a township code, or %NULL for the whole county
 * @indicator: the indicator
 * @error: as for ledger_progress_compute()
 *
 * What keeps @township from its target: the villages not effectively
 * treated, the farms whose manure utilisation rate is below the target, the
 * scale farms without matched facilities, or the water bodies not
 * remediated, as of @year. The same computation as the progress figures, so
 * for every indicator but manure the count is denominator − numerator.
 *
 * Returns: (transfer full) (nullable): a set of uids (villages: their
 *   12-digit codes, the uid of the villages list)
 */
GHashTable *
ledger_progress_holding_back (LedgerDb          *db,
                              int                year,
                              const char        *township,
                              LedgerIndicatorId  indicator,
                              GError           **error)
{
  g_autoptr (GArray) shares = g_array_new (FALSE, FALSE, sizeof (ItemShare));
  g_autoptr (LedgerProgress) progress = NULL;
  g_autoptr (GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Computation c = { .year = year, .shares = shares, .share_id = indicator, .share_township = township };
  double target;

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);
  g_return_val_if_fail ((guint) indicator < LEDGER_N_INDICATORS, NULL);

  g_array_set_clear_func (shares, item_share_clear);
  if ((progress = compute (&c, db, township, error)) == NULL)
    return NULL;
  target = holding_back_target (progress, indicator);
  for (guint i = 0; i < shares->len; i++)
    {
      ItemShare *share = &g_array_index (shares, ItemShare, i);

      if (share_holds_back (share, indicator, target))
        g_hash_table_add (uids, g_steal_pointer (&share->uid));
    }
  return g_steal_pointer (&uids);
}

/**
 * ledger_progress_free:
 * @progress: (transfer full) (nullable): progress
 */
void
ledger_progress_free (LedgerProgress *progress)
{
  if (progress == NULL)
    return;
  scope_clear (&progress->county);
  g_clear_pointer (&progress->townships, g_ptr_array_unref);
  g_free (progress);
}

/**
 * ledger_indicator_key:
 * @id: an indicator
 *
 * Returns: its key in JSON, the targets table and exports, e.g. "village_sewage"
 */
const char *
ledger_indicator_key (LedgerIndicatorId id)
{
  g_return_val_if_fail ((guint) id < LEDGER_N_INDICATORS, NULL);

  return indicator_keys[id];
}

/**
 * ledger_indicator_name:
 * @id: an indicator
 *
 * Returns: its translated name, as the county's plan words it
 */
const char *
ledger_indicator_name (LedgerIndicatorId id)
{
  static const char *const names[LEDGER_N_INDICATORS] = {
    N_("Administrative villages with effective domestic sewage treatment"),
    N_("Livestock and poultry manure utilisation rate"),
    N_("Scale farms with matched manure treatment facilities"),
    N_("Larger black-odorous water bodies remediated (national list)"),
    N_("Black-odorous water bodies remediated, all listed"),
  };

  g_return_val_if_fail ((guint) id < LEDGER_N_INDICATORS, NULL);

  return _(names[id]);
}

/**
 * ledger_format_rate:
 * @rate: a ratio (0..1), or NAN
 *
 * Returns: (transfer full): the rate as a percentage with one decimal,
 *   "75.1 %", or "—" when there is no denominator
 */
char *
ledger_format_rate (double rate)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (rate))
    return g_strdup ("—");
  g_ascii_formatd (buffer, sizeof buffer, "%.1f", rate * 100);
  return g_strdup_printf ("%s %%", buffer);
}

/**
 * ledger_current_year:
 *
 * Returns: the year of the local date, the default year of progress
 */
int
ledger_current_year (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}
