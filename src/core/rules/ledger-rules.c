/* ledger-rules.c: the domain formulas of docs/RULES.md
 *
 * Everything here is a pure function of its arguments and a LedgerRules,
 * except ledger_rules_load(), which reads the coefficients from a ledger.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ledger-db.h"
#include "ledger-error.h"
#include "ledger-rules.h"

/* Tolerance for "≥ threshold" on computed products: 0.7 × 10 is
 * 7.000000000000001 in binary floating point, and 7 of 10 households must
 * still reach a threshold of 0.7. */
#define THRESHOLD_EPSILON 1e-9

static const char * const species_keys[LEDGER_N_SPECIES] = {
  "pig", "dairy", "beef", "sheep_goat", "layer", "broiler", "other_poultry",
  "goat", "meat_duck", "laying_duck", "goose", "rabbit",
};

/* feces + urine, t/head/year (docs/RULES.md): pig, beef, sheep_goat and
 * layer match a published table of daily excretion × 365; dairy, broiler,
 * other poultry and the species added in 2026 are unverified */
static const double default_manure[LEDGER_N_SPECIES] = {
  1.9, 16.4, 11.0, 0.95, 0.044, 0.03, 0.04,
  0.95, 0.047, 0.047, 0.047, 0.04,
};

/* national MARA scale standard, in force 2025-09-01 */
static const LedgerScaleThreshold default_scale[LEDGER_N_SPECIES] = {
  [LEDGER_SPECIES_PIG]           = { TRUE, LEDGER_SCALE_BY_ANNUAL_OUTPUT, 500 },
  [LEDGER_SPECIES_DAIRY]         = { TRUE, LEDGER_SCALE_BY_STOCK, 100 },
  [LEDGER_SPECIES_BEEF]          = { TRUE, LEDGER_SCALE_BY_ANNUAL_OUTPUT, 50 },
  [LEDGER_SPECIES_SHEEP_GOAT]    = { TRUE, LEDGER_SCALE_BY_ANNUAL_OUTPUT, 200 },
  [LEDGER_SPECIES_LAYER]         = { TRUE, LEDGER_SCALE_BY_STOCK, 2000 },
  [LEDGER_SPECIES_BROILER]       = { TRUE, LEDGER_SCALE_BY_ANNUAL_OUTPUT, 10000 },
  [LEDGER_SPECIES_OTHER_POULTRY] = { FALSE, LEDGER_SCALE_BY_STOCK, 0 },
  [LEDGER_SPECIES_GOAT]          = { TRUE, LEDGER_SCALE_BY_ANNUAL_OUTPUT, 200 },
  [LEDGER_SPECIES_MEAT_DUCK]     = { TRUE, LEDGER_SCALE_BY_ANNUAL_OUTPUT, 10000 },
  [LEDGER_SPECIES_LAYING_DUCK]   = { TRUE, LEDGER_SCALE_BY_STOCK, 2000 },
  [LEDGER_SPECIES_GOOSE]         = { TRUE, LEDGER_SCALE_BY_ANNUAL_OUTPUT, 5000 },
  [LEDGER_SPECIES_RABBIT]        = { TRUE, LEDGER_SCALE_BY_ANNUAL_OUTPUT, 5000 },
};

/* 猪当量: 100 pigs = 15 dairy = 30 beef = 250 sheep/goats = 2,500 poultry
 * (source not confirmed, docs/RULES.md); rabbits are not named: 0 */
static const double pigs_per_100_equivalent[LEDGER_N_SPECIES] = {
  100, 15, 30, 250, 2500, 2500, 2500,
  250, 2500, 2500, 2500, INFINITY,
};

static const LedgerEffluentStandard effluent_builtin[] = {
  { "gb18918_1a", "GB 18918-2002 一级A", 50, 5, 0.5, 10, 6, 9 },
  { "gb18918_1b", "GB 18918-2002 一级B", 60, 8, 1, 20, 6, 9 },
  { "gb18918_2", "GB 18918-2002 二级", 100, 25, 3, 30, 6, 9 },
  /* 三级: values unverified (docs/RULES.md); no NH3-N limit */
  { "gb18918_3", "GB 18918-2002 三级", 120, NAN, 5, 50, 6, 9 },
};

/* what officers type for each built-in standard, after normalize_standard_name() */
static const char * const effluent_aliases[][5] = {
  { "一级a", "1a", "ia", "1级a", NULL },
  { "一级b", "1b", "ib", "1级b", NULL },
  { "二级", "2", "ii", "2级", NULL },
  { "三级", "3", "iii", "3级", NULL },
};

/* Rules */

/**
 * ledger_rules_new_default:
 *
 * Returns: (transfer full): the rules of docs/RULES.md with their default values
 */
LedgerRules *
ledger_rules_new_default (void)
{
  LedgerRules *rules = g_new0 (LedgerRules, 1);

  rules->coverage_threshold = 0.5;
  memcpy (rules->manure_t_per_head_year, default_manure, sizeof default_manure);
  rules->scale_standard = g_strdup ("mara2025");
  memcpy (rules->scale, default_scale, sizeof default_scale);
  rules->national_list_area_m2 = 2000;
  rules->survey_min_area_m2 = 200;
  rules->pig_equivalent_ratios = LEDGER_PIG_EQUIVALENT_COMMON;

  return rules;
}

/**
 * ledger_rules_free:
 * @rules: (nullable): rules to free
 */
void
ledger_rules_free (LedgerRules *rules)
{
  if (rules == NULL)
    return;

  g_free (rules->scale_standard);
  g_free (rules);
}

static gboolean
set_invalid_rule_error (const char  *key,
                        const char  *value,
                        GError     **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("The rule “%s” has the invalid value “%s”. Correct it in Preferences."),
               key, value);
  return FALSE;
}

static gboolean
parse_rule_number (const char  *key,
                   const char  *value,
                   double       min,
                   double       max,
                   double      *out,
                   GError     **error)
{
  char *end = NULL;
  double d;

  d = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0' || !isfinite (d) || d < min || d > max)
    return set_invalid_rule_error (key, value, error);

  *out = d;
  return TRUE;
}

static gboolean
apply_rule (LedgerRules  *rules,
            const char   *key,
            const char   *value,
            GError      **error)
{
  LedgerSpecies species;

  if (g_str_equal (key, "coverage_threshold"))
    return parse_rule_number (key, value, 0, 1, &rules->coverage_threshold, error);

  if (g_str_equal (key, "national_list_area_m2"))
    return parse_rule_number (key, value, 0, G_MAXDOUBLE, &rules->national_list_area_m2, error);

  if (g_str_equal (key, "survey_min_area_m2"))
    return parse_rule_number (key, value, 0, G_MAXDOUBLE, &rules->survey_min_area_m2, error);

  if (g_str_equal (key, "pig_equivalent_ratios"))
    return ledger_pig_equivalent_ratios_from_key (value, &rules->pig_equivalent_ratios) ||
           set_invalid_rule_error (key, value, error);

  if (g_str_equal (key, "scale_standard"))
    {
      if (*value == '\0')
        return set_invalid_rule_error (key, value, error);
      g_free (rules->scale_standard);
      rules->scale_standard = g_strdup (value);
      return TRUE;
    }

  if (g_str_has_prefix (key, "manure_t_per_head_year.") &&
      ledger_species_from_key (key + strlen ("manure_t_per_head_year."), &species))
    return parse_rule_number (key, value, 0, G_MAXDOUBLE,
                              &rules->manure_t_per_head_year[species], error);

  /* a key of a newer version: not ours to judge */
  return TRUE;
}

static gboolean
load_rule_values (LedgerRules  *rules,
                  LedgerDb     *db,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ledger_db_prepare (db, "SELECT key, value FROM rules", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (key != NULL && value != NULL && !apply_rule (rules, key, value, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);

  return TRUE;
}

static gboolean
scale_standard_exists (LedgerDb    *db,
                       const char  *standard,
                       gboolean    *exists,
                       GError     **error)
{
  return ledger_db_has_row (db, "SELECT 1 FROM scale_standards WHERE key = ?1", standard, exists, error);
}

static gboolean
load_scale_thresholds (LedgerRules  *rules,
                       LedgerDb     *db,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean exists = FALSE;
  int rc;

  if (!scale_standard_exists (db, rules->scale_standard, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("The scale-farm standard “%s” is not in this ledger. Choose another one in Preferences."),
                   rules->scale_standard);
      return FALSE;
    }

  stmt = ledger_db_prepare (db,
                            "SELECT species, measure, threshold FROM scale_thresholds"
                            " WHERE standard = ?1", error);
  if (stmt == NULL)
    return FALSE;

  /* a species without a row in the chosen standard is never a scale farm */
  memset (rules->scale, 0, sizeof rules->scale);
  sqlite3_bind_text (stmt, 1, rules->scale_standard, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *species_key = (const char *) sqlite3_column_text (stmt, 0);
      const char *measure = (const char *) sqlite3_column_text (stmt, 1);
      LedgerSpecies species;

      if (!ledger_species_from_key (species_key, &species))
        continue;

      rules->scale[species].defined = TRUE;
      rules->scale[species].measure = g_strcmp0 (measure, "stock") == 0
                                      ? LEDGER_SCALE_BY_STOCK
                                      : LEDGER_SCALE_BY_ANNUAL_OUTPUT;
      rules->scale[species].threshold = sqlite3_column_double (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);

  return TRUE;
}

/* "auto": the standard of the ledger's province — Sichuan's (2017, made for
 * pollution control) for a 51xxxx ledger, the national one elsewhere */
static gboolean
resolve_scale_standard (LedgerRules *rules,
                        LedgerDb    *db)
{
  g_autofree char *region = NULL;

  if (!g_str_equal (rules->scale_standard, "auto"))
    return TRUE;
  region = ledger_db_dup_region_code (db);
  rules->scale_standard_by_province = TRUE;
  g_free (rules->scale_standard);
  rules->scale_standard = g_strdup (ledger_scale_standard_for_region (region));
  return TRUE;
}

/**
 * ledger_rules_load:
 * @db: an open ledger
 * @error: return location for an error
 *
 * Reads the rules table and the thresholds of the chosen scale-farm
 * standard. Keys missing from the table keep their defaults.
 *
 * Returns: (transfer full) (nullable): the rules, or %NULL with @error set
 *   when a stored value is invalid or the database cannot be read
 */
LedgerRules *
ledger_rules_load (LedgerDb  *db,
                   GError   **error)
{
  g_autoptr(LedgerRules) rules = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rules = ledger_rules_new_default ();

  if (!load_rule_values (rules, db, error) ||
      !resolve_scale_standard (rules, db) ||
      !load_scale_thresholds (rules, db, error))
    return NULL;

  return g_steal_pointer (&rules);
}

/* Species */

/**
 * ledger_species_from_key:
 * @key: (nullable): "pig", "dairy", "beef", "sheep_goat", "layer", "broiler"
 *   or "other_poultry"
 * @species: (out) (optional): the species
 *
 * Returns: %TRUE when @key names a species
 */
gboolean
ledger_species_from_key (const char    *key,
                         LedgerSpecies *species)
{
  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < LEDGER_N_SPECIES; i++)
    {
      if (g_str_equal (key, species_keys[i]))
        {
          if (species != NULL)
            *species = (LedgerSpecies) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * ledger_species_to_key:
 * @species: a species
 *
 * Returns: the English key of @species, or %NULL when out of range
 */
const char *
ledger_species_to_key (LedgerSpecies species)
{
  g_return_val_if_fail ((guint) species < LEDGER_N_SPECIES, NULL);

  return species_keys[species];
}

/**
 * ledger_rate:
 * @numerator: a count or a sum
 * @denominator: a count or a sum
 *
 * Returns: @numerator / @denominator, or NAN when @denominator is 0 or NAN
 */
double
ledger_rate (double numerator,
             double denominator)
{
  if (isnan (denominator) || denominator == 0)
    return NAN;

  return numerator / denominator;
}

/* 1. village sewage */

static gboolean
reaches_coverage (const LedgerRules         *rules,
                  const LedgerVillageStatus *status)
{
  double needed = rules->coverage_threshold * status->households;

  return status->covered_households >= needed - THRESHOLD_EPSILON;
}

/**
 * ledger_village_verdict:
 * @rules: the rules
 * @status: a village's sewage status
 * @year: the year asked (docs/RULES.md)
 *
 * Judges whether the village's sewage is effectively treated in @year. The
 * reasons are checked in the order of #LedgerVillageVerdict's description:
 * no record, mode none, done after @year, facility down, then coverage.
 * A household count of 0 is taken as unknown (a village of no households
 * is a missing figure, not a village that passes any threshold).
 *
 * Returns: the verdict
 */
LedgerVillageVerdict
ledger_village_verdict (const LedgerRules         *rules,
                        const LedgerVillageStatus *status,
                        int                        year)
{
  g_return_val_if_fail (rules != NULL, LEDGER_VILLAGE_NO_RECORD);
  g_return_val_if_fail (status != NULL, LEDGER_VILLAGE_NO_RECORD);

  if (status->mode == NULL || *status->mode == '\0')
    return LEDGER_VILLAGE_NO_RECORD;
  if (g_str_equal (status->mode, "none"))
    return LEDGER_VILLAGE_NOT_TREATED;
  if (status->year_done > year)
    return LEDGER_VILLAGE_NOT_YET;
  if (status->facility_down)
    return LEDGER_VILLAGE_FACILITY_DOWN;
  if (status->households <= 0)
    return LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS;
  if (status->covered_households < 0)
    return LEDGER_VILLAGE_LOW_COVERAGE;

  return reaches_coverage (rules, status) ? LEDGER_VILLAGE_EFFECTIVE
                                          : LEDGER_VILLAGE_LOW_COVERAGE;
}

/**
 * ledger_village_verdict_counts:
 * @verdict: a verdict
 *
 * Returns: %TRUE when the village counts in the numerator
 */
gboolean
ledger_village_verdict_counts (LedgerVillageVerdict verdict)
{
  return verdict == LEDGER_VILLAGE_EFFECTIVE ||
         verdict == LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS;
}

/**
 * ledger_village_verdict_describe:
 * @verdict: a verdict
 *
 * Returns: a short translated reason
 */
const char *
ledger_village_verdict_describe (LedgerVillageVerdict verdict)
{
  switch (verdict)
    {
    case LEDGER_VILLAGE_EFFECTIVE:
      return _("Effective");
    case LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS:
      return _("Effective (no household count: judged on mode alone)");
    case LEDGER_VILLAGE_NO_RECORD:
      return _("No sewage record");
    case LEDGER_VILLAGE_NOT_TREATED:
      return _("Not treated");
    case LEDGER_VILLAGE_NOT_YET:
      return _("Not done in this year");
    case LEDGER_VILLAGE_LOW_COVERAGE:
      return _("Coverage below threshold");
    case LEDGER_VILLAGE_FACILITY_DOWN:
      return _("A facility serving it is stopped or faulty");
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
village_code_suffix (const char *code12)
{
  if (code12 == NULL || strlen (code12) != 12)
    return -1;

  for (guint i = 0; i < 12; i++)
    if (!g_ascii_isdigit (code12[i]))
      return -1;

  return (code12[9] - '0') * 100 + (code12[10] - '0') * 10 + (code12[11] - '0');
}

/**
 * ledger_code_is_admin_village:
 * @code12: (nullable): a 12-digit village-level code
 *
 * Returns: %TRUE when the NBS code names an administrative village (200–399)
 */
gboolean
ledger_code_is_admin_village (const char *code12)
{
  int suffix = village_code_suffix (code12);

  return suffix >= 200 && suffix <= 399;
}

/**
 * ledger_code_is_community:
 * @code12: (nullable): a 12-digit village-level code
 *
 * Returns: %TRUE when the NBS code names a community (001–199)
 */
gboolean
ledger_code_is_community (const char *code12)
{
  int suffix = village_code_suffix (code12);

  return suffix >= 1 && suffix <= 199;
}

/* 2. manure */

/**
 * ledger_manure_estimate:
 * @rules: the rules
 * @species: the farm's species
 * @stock: head in stock (存栏), NAN when unknown
 *
 * Returns: the estimated manure in t/year, NAN when @stock is NAN
 */
double
ledger_manure_estimate (const LedgerRules *rules,
                        LedgerSpecies      species,
                        double             stock)
{
  g_return_val_if_fail (rules != NULL, NAN);
  g_return_val_if_fail ((guint) species < LEDGER_N_SPECIES, NAN);

  return stock * rules->manure_t_per_head_year[species];
}

/**
 * ledger_manure_produced:
 * @rules: the rules
 * @species: the farm's species
 * @stock: head in stock, NAN when unknown
 * @produced_or_nan: the recorded manure produced in t/year, or NAN
 *
 * Returns: @produced_or_nan when recorded, else the estimate from @stock
 */
double
ledger_manure_produced (const LedgerRules *rules,
                        LedgerSpecies      species,
                        double             stock,
                        double             produced_or_nan)
{
  if (!isnan (produced_or_nan))
    return produced_or_nan;

  return ledger_manure_estimate (rules, species, stock);
}

/* 3. scale farms */

/**
 * ledger_is_scale_farm:
 * @rules: the rules
 * @species: the farm's species
 * @stock: head in stock (存栏), NAN when unknown
 * @annual_output: head sold a year (年出栏), NAN when unknown
 *
 * Returns: %TRUE when the measure of the chosen standard reaches (≥) the
 *   species' threshold; an unknown measure is not a scale farm
 */
gboolean
ledger_is_scale_farm (const LedgerRules *rules,
                      LedgerSpecies      species,
                      double             stock,
                      double             annual_output)
{
  const LedgerScaleThreshold *t;
  double value;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail ((guint) species < LEDGER_N_SPECIES, FALSE);

  t = &rules->scale[species];
  if (!t->defined)
    return FALSE;

  value = t->measure == LEDGER_SCALE_BY_STOCK ? stock : annual_output;
  if (isnan (value))
    return FALSE;

  return value >= t->threshold;
}

/**
 * ledger_pig_equivalents:
 * @species: the farm's species
 * @stock: head in stock, NAN when unknown
 *
 * 猪当量: 100 pigs = 15 dairy cows = 30 beef cattle = 250 sheep/goats =
 * 2,500 poultry.
 *
 * Returns: the pig equivalents of @stock, NAN when @stock is NAN
 */
double
ledger_pig_equivalents (LedgerSpecies species,
                        double        stock)
{
  g_return_val_if_fail ((guint) species < LEDGER_N_SPECIES, NAN);

  return stock * 100 / pigs_per_100_equivalent[species];
}

/* 4. black-odorous water bodies */

/**
 * ledger_measurements_init_missing:
 * @m: measurements to clear
 *
 * Sets every measurement to NAN (missing).
 */
void
ledger_measurements_init_missing (LedgerMeasurements *m)
{
  g_return_if_fail (m != NULL);

  m->transparency_cm = NAN;
  m->depth_cm = NAN;
  m->do_mgl = NAN;
  m->orp_mv = NAN;
  m->nh3n_mgl = NAN;
  m->cod_mgl = NAN;
  m->tp_mgl = NAN;
  m->ss_mgl = NAN;
  m->ph = NAN;
}

/* Comparisons with NAN are false, so a missing value is never evidence. */
static gboolean
is_black_odorous (const LedgerMeasurements *m,
                  double                    transparency_limit)
{
  return m->transparency_cm < transparency_limit ||
         m->do_mgl < 2 ||
         m->nh3n_mgl > 15;
}

static gboolean
is_heavy (const LedgerMeasurements *m,
          double                    transparency_limit)
{
  return m->transparency_cm < MIN (10, transparency_limit) ||
         m->do_mgl < 0.2 ||
         m->orp_mv < -200 ||
         m->nh3n_mgl > 15;
}

/**
 * ledger_black_odorous_level:
 * @m: (nullable): the measurements of a sample, %NULL when never sampled
 *
 * Classifies a sample by docs/RULES.md. Black-odorous when any of
 * transparency < 25 cm (40 % of the depth when the depth is under 25 cm),
 * DO < 2 mg/L, NH3-N > 15 mg/L. Heavy, read literally, when any of
 * transparency < 10 cm, DO < 0.2 mg/L, ORP < −200 mV, NH3-N > 15 mg/L: so
 * ORP < −200 mV alone makes a sample heavy, provided one core measurement
 * is present. In water shallower than 25 cm the heavy transparency limit
 * is the lower of 10 cm and 40 % of the depth, so a transparency that is
 * not black-odorous is never heavy.
 *
 * Returns: the level
 */
LedgerBlackLevel
ledger_black_odorous_level (const LedgerMeasurements *m)
{
  double transparency_limit = 25;

  if (m == NULL)
    return LEDGER_BLACK_NO_SAMPLE;

  if (isnan (m->transparency_cm) && isnan (m->do_mgl) && isnan (m->nh3n_mgl))
    return LEDGER_BLACK_INSUFFICIENT;

  if (m->depth_cm < 25)
    transparency_limit = m->depth_cm * 40 / 100;

  if (is_heavy (m, transparency_limit))
    return LEDGER_BLACK_HEAVY;
  if (is_black_odorous (m, transparency_limit))
    return LEDGER_BLACK_LIGHT;

  return LEDGER_BLACK_NONE;
}

/**
 * ledger_black_level_describe:
 * @level: a level
 *
 * Returns: the translated name of @level
 */
const char *
ledger_black_level_describe (LedgerBlackLevel level)
{
  switch (level)
    {
    case LEDGER_BLACK_NO_SAMPLE:
      return _("No sample");
    case LEDGER_BLACK_INSUFFICIENT:
      return _("Insufficient data");
    case LEDGER_BLACK_NONE:
      return _("Not black-odorous");
    case LEDGER_BLACK_LIGHT:
      return _("Light black-odorous");
    case LEDGER_BLACK_HEAVY:
      return _("Heavy black-odorous");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* the year of a YYYY-MM-DD date, 0 when blank or unreadable */
static int
date_year (const char *date)
{
  int year = 0;

  if (date == NULL)
    return 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (date[i]))
        return 0;
      year = year * 10 + (date[i] - '0');
    }

  return year;
}

/**
 * ledger_water_body_remediated:
 * @status_key: (nullable): the body's status key
 * @completed_on: (nullable): its completion date, YYYY-MM-DD, %NULL or ""
 *   when blank
 * @year: the year asked
 *
 * Returns: %TRUE when the status is completed or verified and the body was
 *   completed in or before @year (a blank date counts, as docs/RULES.md says)
 */
gboolean
ledger_water_body_remediated (const char *status_key,
                              const char *completed_on,
                              int         year)
{
  const char *status = ledger_water_body_status_in_year (status_key, completed_on, year);

  return g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "verified") == 0;
}

/**
 * ledger_water_body_status_in_year:
 * @status_key: (nullable): the body's status key as stored (today's)
 * @completed_on: (nullable): its completion date, YYYY-MM-DD, %NULL or ""
 * @year: the year chosen in the window; 0 or less = today
 *
 * The one year rule of every view (list, detail, map, progress, export): a
 * body completed after @year was still "in_progress" in @year.
 *
 * Returns: the status key as of @year
 */
const char *
ledger_water_body_status_in_year (const char *status_key,
                                  const char *completed_on,
                                  int         year)
{
  if (year <= 0 ||
      (g_strcmp0 (status_key, "completed") != 0 && g_strcmp0 (status_key, "verified") != 0))
    return status_key;
  return date_year (completed_on) <= year ? status_key : "in_progress";
}

/**
 * ledger_water_body_is_national:
 * @rules: the rules
 * @area_m2: the body's area, NAN when unknown
 *
 * Returns: %TRUE when the body belongs on the national supervision list
 */
gboolean
ledger_water_body_is_national (const LedgerRules *rules,
                               double             area_m2)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  return !isnan (area_m2) && area_m2 >= rules->national_list_area_m2;
}

/* 5. effluent */

/* lower-case ASCII, no blanks, no "GB 18918-2002" prefix, no "标准" suffix */
static char *
normalize_standard_name (const char *name)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, g_ascii_tolower (*p));

  if (g_str_has_prefix (s->str, "gb18918-2002"))
    g_string_erase (s, 0, strlen ("gb18918-2002"));
  else if (g_str_has_prefix (s->str, "gb18918"))
    g_string_erase (s, 0, strlen ("gb18918"));

  if (g_str_has_suffix (s->str, "标准"))
    g_string_truncate (s, s->len - strlen ("标准"));

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * ledger_effluent_standard_builtin:
 * @key_or_name: a key ("gb18918_1a") or a name as officers write it
 *   ("一级A", "GB 18918-2002 一级A", "1A")
 *
 * Returns: (nullable): a built-in GB 18918-2002 standard, or %NULL
 */
const LedgerEffluentStandard *
ledger_effluent_standard_builtin (const char *key_or_name)
{
  g_autofree char *normal = NULL;

  if (key_or_name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (effluent_builtin); i++)
    if (g_ascii_strcasecmp (key_or_name, effluent_builtin[i].key) == 0)
      return &effluent_builtin[i];

  normal = normalize_standard_name (key_or_name);
  for (guint i = 0; i < G_N_ELEMENTS (effluent_builtin); i++)
    for (guint j = 0; effluent_aliases[i][j] != NULL; j++)
      if (g_str_equal (normal, effluent_aliases[i][j]))
        return &effluent_builtin[i];

  return NULL;
}

static gboolean
check_max (double      value,
           double      max,
           const char *name,
           GPtrArray  *exceeded)
{
  /* NAN limit: no limit; NAN value: not evidence */
  if (!(value > max))
    return TRUE;

  if (exceeded != NULL)
    g_ptr_array_add (exceeded, (gpointer) name);
  return FALSE;
}

/**
 * ledger_effluent_complies:
 * @standard: a discharge standard
 * @m: the measurements of a sample
 * @exceeded: (nullable) (element-type utf8) (transfer none): an array to
 *   which the names of the exceeded parameters are appended as static
 *   strings (create it without a free function)
 *
 * A missing measurement never exceeds; a limit of NAN is no limit.
 *
 * Returns: %TRUE when no limit is exceeded
 */
gboolean
ledger_effluent_complies (const LedgerEffluentStandard *standard,
                          const LedgerMeasurements     *m,
                          GPtrArray                    *exceeded)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (standard != NULL, FALSE);
  g_return_val_if_fail (m != NULL, FALSE);

  ok &= check_max (m->cod_mgl, standard->cod_max, "COD", exceeded);
  ok &= check_max (m->nh3n_mgl, standard->nh3n_max, "NH3-N", exceeded);
  ok &= check_max (m->tp_mgl, standard->tp_max, "TP", exceeded);
  ok &= check_max (m->ss_mgl, standard->ss_max, "SS", exceeded);

  if (m->ph < standard->ph_min || m->ph > standard->ph_max)
    {
      ok = FALSE;
      if (exceeded != NULL)
        g_ptr_array_add (exceeded, (gpointer) "pH");
    }

  return ok;
}
