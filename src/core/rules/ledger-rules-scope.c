/* ledger-rules-scope.c: which water bodies a target covers, the level over
 * the last samples, and the 猪当量 ratios a ledger chooses (issue 12)
 *
 * Pure functions over a LedgerRules, like ledger-rules.c; the values and
 * their sources are listed in docs/RULES.md.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ledger-rules.h"

/* pigs per 100 pig equivalents by GB 18596-2001 1.2.2 and 1.2.5: 30 layers,
 * 60 broilers, 1 dairy cow = 10 pigs, 1 beef = 5, 3 sheep = 1 pig; the
 * species it does not name have no equivalent (INFINITY: 0) */
static const double gb18596_per_100[LEDGER_N_SPECIES] = {
  [LEDGER_SPECIES_PIG] = 100,
  [LEDGER_SPECIES_DAIRY] = 10,
  [LEDGER_SPECIES_BEEF] = 20,
  [LEDGER_SPECIES_SHEEP_GOAT] = 300,
  [LEDGER_SPECIES_LAYER] = 3000,
  [LEDGER_SPECIES_BROILER] = 6000,
  [LEDGER_SPECIES_OTHER_POULTRY] = INFINITY,
  [LEDGER_SPECIES_GOAT] = 300,
  [LEDGER_SPECIES_MEAT_DUCK] = INFINITY,
  [LEDGER_SPECIES_LAYING_DUCK] = INFINITY,
  [LEDGER_SPECIES_GOOSE] = INFINITY,
  [LEDGER_SPECIES_RABBIT] = INFINITY,
};

static const char *const ratio_keys[] = { "common", "gb18596" };

/**
 * ledger_pig_equivalents_by:
 * @rules: the rules (their pig_equivalent_ratios)
 * @species: the farm's species
 * @stock: head in stock, NAN when unknown
 *
 * Returns: the pig equivalents of @stock by the chosen ratios; 0 for a
 *   species the ratios do not name, NAN when @stock is NAN
 */
double
ledger_pig_equivalents_by (const LedgerRules *rules,
                           LedgerSpecies      species,
                           double             stock)
{
  g_return_val_if_fail (rules != NULL, NAN);
  g_return_val_if_fail ((guint) species < LEDGER_N_SPECIES, NAN);

  if (rules->pig_equivalent_ratios == LEDGER_PIG_EQUIVALENT_GB18596)
    return stock * 100 / gb18596_per_100[species];
  return ledger_pig_equivalents (species, stock);
}

const char *
ledger_pig_equivalent_ratios_to_key (LedgerPigEquivalentRatios ratios)
{
  g_return_val_if_fail ((guint) ratios < G_N_ELEMENTS (ratio_keys), NULL);

  return ratio_keys[ratios];
}

gboolean
ledger_pig_equivalent_ratios_from_key (const char                *key,
                                       LedgerPigEquivalentRatios *ratios)
{
  for (guint i = 0; i < G_N_ELEMENTS (ratio_keys); i++)
    if (g_strcmp0 (key, ratio_keys[i]) == 0)
      {
        *ratios = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * ledger_water_body_in_target_scope:
 * @rules: the rules
 * @area_m2: the body's area, NAN when unknown
 *
 * The scope of `black_odorous_remediated`: the national supervision list
 * (area ≥ national_list_area_m2), and a body whose area is not recorded,
 * which is counted and flagged 面积未填 rather than left out.
 *
 * Returns: %TRUE when the body counts towards the targeted indicator
 */
gboolean
ledger_water_body_in_target_scope (const LedgerRules *rules,
                                   double             area_m2)
{
  return isnan (area_m2) || ledger_water_body_is_national (rules, area_m2);
}

/**
 * ledger_water_body_below_survey:
 * @rules: the rules
 * @area_m2: the body's area, NAN when unknown
 *
 * Returns: %TRUE when a recorded area is under survey_min_area_m2 (200 m²):
 *   the body is outside the survey and is flagged
 */
gboolean
ledger_water_body_below_survey (const LedgerRules *rules,
                                double             area_m2)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  return !isnan (area_m2) && area_m2 < rules->survey_min_area_m2;
}

static int
severity (LedgerBlackLevel level)
{
  switch (level)
    {
    case LEDGER_BLACK_HEAVY:
      return 3;
    case LEDGER_BLACK_LIGHT:
      return 2;
    case LEDGER_BLACK_NONE:
      return 1;
    default:
      return 0;
    }
}

/**
 * ledger_black_odorous_level_of_samples:
 * @samples: (array length=n_samples): the last samples of a body, up to three
 * @n_samples: how many
 *
 * The urban guide grades per detection point over at least three samples;
 * this reference level takes the worst graded level of the last three (or
 * fewer, when fewer were taken). Insufficient samples do not grade.
 *
 * Returns: the level, %LEDGER_BLACK_NO_SAMPLE when @n_samples is 0
 */
LedgerBlackLevel
ledger_black_odorous_level_of_samples (const LedgerMeasurements *samples,
                                       guint                     n_samples)
{
  LedgerBlackLevel worst = n_samples == 0 ? LEDGER_BLACK_NO_SAMPLE : LEDGER_BLACK_INSUFFICIENT;

  for (guint i = n_samples > 3 ? n_samples - 3 : 0; i < n_samples; i++)
    {
      LedgerBlackLevel level = ledger_black_odorous_level (&samples[i]);

      if (severity (level) > severity (worst))
        worst = level;
    }
  return worst;
}

/**
 * ledger_effluent_is_db51_2626:
 * @name: (nullable): a facility's discharge standard as written
 *
 * Returns: %TRUE when @name is a grade of DB51/2626-2019
 */
gboolean
ledger_effluent_is_db51_2626 (const char *name)
{
  g_autoptr (GString) compact = g_string_new (NULL);

  /* "DB51/ 2626—2019 二级", "db51/2626-2019": blanks and case do not matter */
  for (const char *p = name ? name : ""; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, g_ascii_tolower (*p));
  return strstr (compact->str, "db51/2626") != NULL;
}

/**
 * ledger_effluent_suggestion:
 * @region_code: (nullable): the ledger's region code
 * @capacity_m3d: the facility's design capacity, NAN when not recorded
 *
 * Returns: (transfer full): which standard applies, for the facility editor
 */
char *
ledger_effluent_suggestion (const char *region_code,
                            double      capacity_m3d)
{
  gboolean sichuan = region_code != NULL && g_str_has_prefix (region_code, "51");

  if (!sichuan || capacity_m3d >= 500)
    return g_strdup (_("Suggested: GB 18918-2002 (一级A, 一级B, 二级 or 三级 by the receiving water)"));
  if (isnan (capacity_m3d))
    return g_strdup (_("In Sichuan: under 500 m³/d DB51/2626-2019, from 500 m³/d GB 18918-2002. "
                       "Enter the design capacity for a suggestion."));
  if (capacity_m3d >= 20)
    return g_strdup (_("Suggested: DB51/2626-2019 (under 500 m³/d), grade by the receiving water; "
                       "in the 岷江/沱江 key areas one grade up (from 20 m³/d)"));
  return g_strdup (_("Suggested: DB51/2626-2019 (under 500 m³/d), grade by the receiving water"));
}

/**
 * ledger_scale_standard_for_region:
 * @region_code: (nullable): the ledger's region code
 *
 * Returns: the standard of the province: Sichuan's 2017 standard, made for
 *   pollution control, in Sichuan (51xxxx); the national one elsewhere
 */
const char *
ledger_scale_standard_for_region (const char *region_code)
{
  return region_code != NULL && g_str_has_prefix (region_code, "51") ? "sichuan2017" : "mara2025";
}
