/* ledger-item-facts.c: the computed figures of one item, worded for the UI */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-item-facts.h"
#include "ledger-rules-edit.h"
#include "ledger-store.h"

/* ---- auxiliary functions ---- */

/* takes @detail */
static void
add_fact (GPtrArray      *facts,
          LedgerFactTone  tone,
          const char     *label,
          const char     *value,
          char           *detail)
{
  LedgerFact *fact = g_new0 (LedgerFact, 1);

  fact->label = g_strdup (label);
  fact->value = g_strdup (value);
  fact->tone = tone;
  fact->detail = detail;
  g_ptr_array_add (facts, fact);
}

#define P(...) g_strdup_printf (__VA_ARGS__)

static int
record_int (const LedgerRecord *record,
            const char         *key)
{
  double value = ledger_record_get_double (record, key, NAN);

  return isnan (value) ? -1 : (int) value;
}

static char *
format_percent (double ratio)
{
  if (isnan (ratio))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %%", ratio * 100);
}

static LedgerRecord *
latest_sample (LedgerDb           *db,
               const LedgerRecord *subject,
               GError            **error)
{
  g_autoptr (GPtrArray) samples = ledger_store_load_for_subject (db, LEDGER_KIND_SAMPLES, subject->uid, error);

  if (samples == NULL || samples->len == 0)
    return NULL;
  /* oldest first */
  return ledger_record_copy (g_ptr_array_index (samples, samples->len - 1));
}

/* the level over the last three samples (oldest first), and the latest's date */
static LedgerBlackLevel
reference_level (LedgerDb           *db,
                 const LedgerRecord *subject,
                 char              **latest_date,
                 GError            **error)
{
  g_autoptr (GPtrArray) samples = ledger_store_load_for_subject (db, LEDGER_KIND_SAMPLES, subject->uid, error);
  LedgerMeasurements last[3];
  guint n = 0;

  if (samples == NULL || samples->len == 0)
    return LEDGER_BLACK_NO_SAMPLE;
  for (guint i = samples->len > 3 ? samples->len - 3 : 0; i < samples->len; i++)
    ledger_measurements_from_record (g_ptr_array_index (samples, i), &last[n++]);
  *latest_date = g_strdup (ledger_record_get (g_ptr_array_index (samples, samples->len - 1), "date"));
  return ledger_black_odorous_level_of_samples (last, n);
}

static gboolean
status_is_down (const LedgerRecord *facility)
{
  const char *status = ledger_record_get (facility, "status");

  return g_strcmp0 (status, "stopped") == 0 || g_strcmp0 (status, "faulty") == 0;
}

/* ---- villages ---- */

/**
 * ledger_village_reason:
 * @status: what the verdict was reached on
 * @verdict: ledger_village_verdict() of @status
 * @down: (nullable): for LEDGER_VILLAGE_FACILITY_DOWN, the facility
 *   (ledger_village_facility_down())
 *
 * Returns: (transfer full) (nullable): why, with the figures, translated
 */
char *
ledger_village_reason (const LedgerRules         *rules,
                       const LedgerVillageStatus *status,
                       LedgerVillageVerdict       verdict,
                       const LedgerRecord        *down,
                       int                        year)
{
  double percent = rules->coverage_threshold * 100;

  switch (verdict)
    {
    case LEDGER_VILLAGE_EFFECTIVE:
      return g_strdup_printf (_("%d / %d households covered ≥ %g %%"),
                              status->covered_households, status->households, percent);
    case LEDGER_VILLAGE_LOW_COVERAGE:
      if (status->covered_households < 0)
        return g_strdup_printf (_("Households covered not recorded (%d households; %g %% needed)"),
                                status->households, percent);
      return g_strdup_printf (_("%d / %d households covered < %g %%"),
                              status->covered_households, status->households, percent);
    case LEDGER_VILLAGE_NOT_YET:
      return g_strdup_printf (_("Done in %d, after %d"), status->year_done, year);
    case LEDGER_VILLAGE_FACILITY_DOWN:
      if (down == NULL)
        return NULL;
      return g_strdup_printf (_("%s (%s) is %s"), ledger_record_get (down, "name"),
                              ledger_record_get (down, "code"),
                              ledger_enum_display (ledger_enum_by_name ("facility_status"),
                                                   ledger_record_get (down, "status")));
    case LEDGER_VILLAGE_NO_RECORD:
      return g_strdup (_("No treatment mode is recorded"));
    default:
      return NULL;
    }
}

static gboolean
village_facts (LedgerDb           *db,
               const LedgerRecord *record,
               const LedgerRules  *rules,
               int                 year,
               GPtrArray          *facts,
               GError            **error)
{
  LedgerVillageStatus status = { 0 };
  g_autoptr (LedgerRecord) down = NULL;
  g_autofree char *label = g_strdup_printf (_("Sewage treatment in %d"), year);
  g_autofree char *reason = NULL;
  g_autoptr (GError) local_error = NULL;
  LedgerVillageVerdict verdict;
  const char *code = ledger_record_get (record, "village_code");

  if (ledger_code_is_community (code))
    {
      add_fact (facts, LEDGER_FACT_NEUTRAL, label, _("Community"),
                g_strdup (_("A community never counts in the village indicator")));
      return TRUE;
    }
  status.mode = ledger_record_get (record, "mode");
  status.households = record_int (record, "households");
  status.covered_households = record_int (record, "covered_households");
  status.year_done = MAX (record_int (record, "year_done"), 0);
  down = ledger_village_facility_down (db, code, status.mode, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* the verdict follows the schema's rule; "down" only names the facility */
  status.facility_down = ledger_store_village_facility_down (db, code);
  verdict = ledger_village_verdict (rules, &status, year);
  reason = ledger_village_reason (rules, &status, verdict, down, year);
  add_fact (facts,
            verdict == LEDGER_VILLAGE_EFFECTIVE ? LEDGER_FACT_GOOD
            : verdict == LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS ? LEDGER_FACT_WARNING : LEDGER_FACT_BAD,
            label, ledger_village_verdict_describe (verdict), g_steal_pointer (&reason));
  return TRUE;
}

/* ---- farms ---- */

static char *
scale_standard_name (LedgerDb          *db,
                     const LedgerRules *rules)
{
  g_autoptr (GPtrArray) standards = ledger_rules_list_scale_standards (db, NULL);

  for (guint i = 0; standards != NULL && i < standards->len; i++)
    {
      LedgerScaleStandard *standard = g_ptr_array_index (standards, i);
      if (g_strcmp0 (standard->key, rules->scale_standard) == 0)
        return g_strdup (standard->name);
    }
  return g_strdup (rules->scale_standard);
}

static void
farm_year_fact (const LedgerRecord *record,
                int                 year,
                GPtrArray          *facts)
{
  int figures_year = record_int (record, "year");
  g_autofree char *value = NULL;

  if (figures_year < 0)
    {
      add_fact (facts, LEDGER_FACT_WARNING, _("Figures from"), _("None"),
                P (_("No figures up to %d"), year));
      return;
    }
  value = g_strdup_printf ("%d", figures_year);
  add_fact (facts, LEDGER_FACT_NEUTRAL, _("Figures from"), value,
            figures_year == year ? NULL : P (_("The latest year before %d"), year));
}

static void
farm_scale_fact (LedgerDb           *db,
                 const LedgerRecord *record,
                 const LedgerRules  *rules,
                 LedgerSpecies       species,
                 GPtrArray          *facts)
{
  const LedgerScaleThreshold *threshold = &rules->scale[species];
  g_autofree char *standard = scale_standard_name (db, rules);
  gboolean scale = ledger_is_scale_farm (rules, species, ledger_record_get_double (record, "stock", NAN),
                                         ledger_record_get_double (record, "annual_output", NAN));
  gboolean matched = g_strcmp0 (ledger_record_get (record, "facilities_matched"), "1") == 0;
  LedgerFactTone tone = !scale ? LEDGER_FACT_NEUTRAL : matched ? LEDGER_FACT_GOOD : LEDGER_FACT_BAD;

  if (!threshold->defined)
    {
      add_fact (facts, tone, _("Scale farm"), _("No"), P (_("%s: no threshold for this species"), standard));
      return;
    }
  add_fact (facts, tone, _("Scale farm"),
            scale ? (matched ? _("Yes, facilities matched") : _("Yes, facilities NOT matched")) : _("No"),
            threshold->measure == LEDGER_SCALE_BY_STOCK ? P (_("%s: stock ≥ %g"), standard, threshold->threshold)
                                                        : P (_("%s: annual output ≥ %g"), standard, threshold->threshold));
}

static void
farm_manure_facts (const LedgerRecord *record,
                   const LedgerRules  *rules,
                   LedgerSpecies       species,
                   GPtrArray          *facts)
{
  double stock = ledger_record_get_double (record, "stock", NAN);
  double given = ledger_record_get_double (record, "manure_produced_t", NAN);
  double produced = ledger_manure_produced (rules, species, stock, given);
  double utilised = ledger_record_get_double (record, "manure_utilised_t", NAN);
  g_autofree char *value = NULL;
  g_autofree char *rate = NULL;

  if (isnan (produced))
    add_fact (facts, LEDGER_FACT_WARNING, _("Manure produced"), "—",
              g_strdup (_("Neither manure produced nor stock is recorded")));
  else
    {
      value = g_strdup_printf (_("%.1f t/year"), produced);
      if (isnan (given))
        add_fact (facts, LEDGER_FACT_NEUTRAL, _("Manure produced"), value,
                  P (_("Estimated: stock %g × %g t/head/year"), stock, rules->manure_t_per_head_year[species]));
      else
        add_fact (facts, LEDGER_FACT_NEUTRAL, _("Manure produced"), value, g_strdup (_("As recorded")));
    }
  if (isnan (utilised) || isnan (produced))
    return;
  rate = format_percent (ledger_rate (utilised, produced));
  add_fact (facts, LEDGER_FACT_NEUTRAL, _("Manure utilisation rate"), rate,
            P (_("%g / %.1f t"), utilised, produced));
}

static void
farm_facts (LedgerDb           *db,
            const LedgerRecord *record,
            const LedgerRules  *rules,
            int                 year,
            GPtrArray          *facts)
{
  LedgerSpecies species;
  double stock = ledger_record_get_double (record, "stock", NAN);
  g_autofree char *equivalents = NULL;

  farm_year_fact (record, year, facts);
  if (!ledger_species_from_key (ledger_record_get (record, "species"), &species))
    return;
  if (isnan (stock))
    equivalents = g_strdup ("—");
  else
    equivalents = g_strdup_printf ("%.1f", ledger_pig_equivalents_by (rules, species, stock));
  add_fact (facts, LEDGER_FACT_NEUTRAL, _("Pig equivalents"), equivalents,
            g_strdup (rules->pig_equivalent_ratios == LEDGER_PIG_EQUIVALENT_GB18596
                      ? _("GB 18596-2001: 30 layers, 60 broilers, 1 dairy cow = 10, 1 beef = 5, 3 sheep = 1 pig")
                      : _("100 pigs = 15 dairy cattle = 30 beef cattle = 250 sheep or goats = 2,500 poultry (source not confirmed)")));
  farm_scale_fact (db, record, rules, species, facts);
  farm_manure_facts (record, rules, species, facts);
}

/* ---- water bodies ---- */

static gboolean
water_body_facts (LedgerDb           *db,
                  const LedgerRecord *record,
                  const LedgerRules  *rules,
                  int                 year,
                  GPtrArray          *facts,
                  GError            **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *latest = NULL;
  LedgerBlackLevel level = reference_level (db, record, &latest, &local_error);
  const char *status = ledger_record_get (record, "status");
  double area = ledger_record_get_double (record, "area_m2", NAN);
  gboolean remediated = ledger_water_body_remediated (status, ledger_record_get (record, "completed_on"), year);
  g_autofree char *label = g_strdup_printf (_("Remediated by %d"), year);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  add_fact (facts, level == LEDGER_BLACK_LIGHT || level == LEDGER_BLACK_HEAVY ? LEDGER_FACT_BAD
                   : level == LEDGER_BLACK_NONE ? LEDGER_FACT_GOOD : LEDGER_FACT_NEUTRAL,
            _("Measured level"), ledger_black_level_describe (level),
            latest ? P (_("参考（城市黑臭水体分级）, last 3 samples to %s"), latest) : NULL);
  if ((g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "verified") == 0) &&
      (level == LEDGER_BLACK_LIGHT || level == LEDGER_BLACK_HEAVY))
    add_fact (facts, LEDGER_FACT_BAD, _("Remediation"), _("Still black-odorous after remediation"), NULL);
  add_fact (facts, remediated ? LEDGER_FACT_GOOD : LEDGER_FACT_NEUTRAL, label, remediated ? _("Yes") : _("No"), NULL);
  if (ledger_water_body_below_survey (rules, area))
    add_fact (facts, LEDGER_FACT_WARNING, _("Survey"), _("Outside the survey"),
              P (_("Area %g m² < %g m²"), area, rules->survey_min_area_m2));
  if (isnan (area))
    add_fact (facts, LEDGER_FACT_WARNING, _("Supervision list"), _("面积未填: counted on the national list"),
              g_strdup (_("The area is not recorded")));
  else
    add_fact (facts, LEDGER_FACT_NEUTRAL, _("Supervision list"),
              ledger_water_body_is_national (rules, area) ? _("National") : _("Provincial"),
              ledger_water_body_is_national (rules, area)
                ? P (_("Area %g m² ≥ %g m²"), area, rules->national_list_area_m2)
                : P (_("Area %g m² < %g m²"), area, rules->national_list_area_m2));
  return TRUE;
}

/* ---- facilities ---- */

static gboolean
facility_facts (LedgerDb           *db,
                const LedgerRecord *record,
                GPtrArray          *facts,
                GError            **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LedgerRecord) sample = latest_sample (db, record, &local_error);
  g_autoptr (GPtrArray) exceeded = g_ptr_array_new ();
  const char *name = ledger_record_get (record, "standard");
  const LedgerEffluentStandard *standard = ledger_effluent_standard_builtin (name);
  const char *label = _("Effluent");
  LedgerMeasurements m;
  g_autofree char *value = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (name == NULL)
    add_fact (facts, LEDGER_FACT_WARNING, label, _("Not judged"), g_strdup (_("No discharge standard is recorded")));
  else if (standard == NULL)
    add_fact (facts, LEDGER_FACT_WARNING, label, _("Not judged"),
              P (_("Unknown discharge standard “%s”: known are GB 18918-2002 一级A, 一级B, 二级"), name));
  else if (sample == NULL)
    add_fact (facts, LEDGER_FACT_NEUTRAL, label, _("No sample"), P (_("Standard: %s"), standard->name));
  else
    {
      ledger_measurements_from_record (sample, &m);
      if (ledger_effluent_complies (standard, &m, exceeded))
        value = g_strdup (_("Compliant"));
      else
        {
          g_autofree char *names = NULL;
          g_ptr_array_add (exceeded, NULL);
          names = g_strjoinv (", ", (char **) exceeded->pdata);
          value = g_strdup_printf (_("Exceeds limits: %s"), names);
        }
      add_fact (facts, exceeded->len == 0 ? LEDGER_FACT_GOOD : LEDGER_FACT_BAD, label, value,
                P (_("Latest sample of %s against %s"), ledger_record_get (sample, "date"), standard->name));
    }
  return TRUE;
}

/* ---- public API ---- */

void
ledger_fact_free (LedgerFact *fact)
{
  g_free (fact->label);
  g_free (fact->value);
  g_free (fact->detail);
  g_free (fact);
}

/**
 * ledger_measurements_from_record:
 * @sample: a LEDGER_KIND_SAMPLES record
 * @measurements: (out caller-allocates): its measurements, NAN when blank
 */
void
ledger_measurements_from_record (const LedgerRecord *sample,
                                 LedgerMeasurements *measurements)
{
  measurements->transparency_cm = ledger_record_get_double (sample, "transparency_cm", NAN);
  measurements->depth_cm = ledger_record_get_double (sample, "depth_cm", NAN);
  measurements->do_mgl = ledger_record_get_double (sample, "do_mgl", NAN);
  measurements->orp_mv = ledger_record_get_double (sample, "orp_mv", NAN);
  measurements->nh3n_mgl = ledger_record_get_double (sample, "nh3n_mgl", NAN);
  measurements->cod_mgl = ledger_record_get_double (sample, "cod_mgl", NAN);
  measurements->tp_mgl = ledger_record_get_double (sample, "tp_mgl", NAN);
  measurements->ss_mgl = ledger_record_get_double (sample, "ss_mgl", NAN);
  measurements->ph = ledger_record_get_double (sample, "ph", NAN);
}

/**
 * ledger_village_facility_down:
 * @village_code: a 12-digit village code
 * @mode: (nullable): the village's treatment mode key
 *
 * Returns: (transfer full) (nullable): a stopped or faulty facility the
 *   village depends on: a village station or household unit in the village,
 *   or (mode sewer) a plant of its township when none of them runs normally
 */
LedgerRecord *
ledger_village_facility_down (LedgerDb    *db,
                              const char  *village_code,
                              const char  *mode,
                              GError     **error)
{
  g_autofree char *township = g_strndup (village_code, 9);
  LedgerLoadOptions options = { .township = township };
  g_autoptr (GPtrArray) facilities = NULL;
  gboolean sewer = g_strcmp0 (mode, "sewer") == 0;
  LedgerRecord *station_down = NULL;
  LedgerRecord *plant_down = NULL;
  gboolean plant_normal = FALSE;

  if (mode == NULL || g_str_equal (mode, "none"))
    return NULL;
  facilities = ledger_store_load (db, LEDGER_KIND_FACILITIES, &options, error);
  for (guint i = 0; facilities != NULL && i < facilities->len; i++)
    {
      LedgerRecord *facility = g_ptr_array_index (facilities, i);
      gboolean plant = g_strcmp0 (ledger_record_get (facility, "kind"), "township_plant") == 0;

      /* as ledger-progress.c counts it: a station or unit of the village that
       * is down; for sewer, the township's plants all down (none normal) */
      if (plant)
        plant_normal = plant_normal || g_strcmp0 (ledger_record_get (facility, "status"), "normal") == 0;
      if (!status_is_down (facility))
        continue;
      if (plant && plant_down == NULL)
        plant_down = facility;
      else if (!plant && station_down == NULL &&
               g_strcmp0 (ledger_record_get (facility, "village_code"), village_code) == 0)
        station_down = facility;
    }
  if (station_down != NULL)
    return ledger_record_copy (station_down);
  if (sewer && plant_down != NULL && !plant_normal)
    return ledger_record_copy (plant_down);
  return NULL;
}

/**
 * ledger_item_facts:
 * @record: a village, facility, farm or water body (farms: with the figures
 *   of @year or the latest year before it, as ledger_store_get gives them)
 * @year: the year asked
 *
 * Returns: (transfer full) (element-type LedgerFact): the item's computed
 *   figures, or NULL on a database error
 */
GPtrArray *
ledger_item_facts (LedgerDb           *db,
                   const LedgerRecord *record,
                   int                 year,
                   GError            **error)
{
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_fact_free);
  g_autoptr (LedgerRules) rules = ledger_rules_load (db, NULL);
  gboolean ok = TRUE;

  if (rules == NULL)
    rules = ledger_rules_new_default ();
  switch (record->kind)
    {
    case LEDGER_KIND_VILLAGES:
      ok = village_facts (db, record, rules, year, facts, error);
      break;
    case LEDGER_KIND_FARMS:
      farm_facts (db, record, rules, year, facts);
      break;
    case LEDGER_KIND_WATER_BODIES:
      ok = water_body_facts (db, record, rules, year, facts, error);
      break;
    case LEDGER_KIND_FACILITIES:
      ok = facility_facts (db, record, facts, error);
      break;
    default:
      break;
    }
  return ok ? g_steal_pointer (&facts) : NULL;
}
