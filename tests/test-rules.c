/* test-rules.c: the domain formulas of docs/RULES.md–5.4, by worked example */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ledger-db.h"
#include "ledger-db-private.h"
#include "ledger-error.h"
#include "ledger-rules.h"
#include "ledger-test-util.h"

#define N NAN

static void
assert_same_double (double got,
                    double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (got));
  else
    g_assert_cmpfloat_with_epsilon (got, expected, 1e-9);
}

static void
test_rate (void)
{
  static const struct { double num, den, expected; } cases[] = {
    { 3, 4, 0.75 },
    { 0, 5, 0 },
    { 1, 0, N },        /* never a division by zero */
    { 0, 0, N },
    { 1, N, N },
    { 93, 100, 0.93 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_same_double (ledger_rate (cases[i].num, cases[i].den), cases[i].expected);
}

static void
test_species_keys (void)
{
  static const char * const keys[] = {
    "pig", "dairy", "beef", "sheep_goat", "layer", "broiler", "other_poultry",
    "goat", "meat_duck", "laying_duck", "goose", "rabbit",
  };
  LedgerSpecies species;

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == LEDGER_N_SPECIES);

  for (guint i = 0; i < LEDGER_N_SPECIES; i++)
    {
      g_assert_true (ledger_species_from_key (keys[i], &species));
      g_assert_cmpint (species, ==, i);
      g_assert_cmpstr (ledger_species_to_key (species), ==, keys[i]);
    }

  g_assert_false (ledger_species_from_key ("生猪", &species));
  g_assert_false (ledger_species_from_key ("Pig", &species));
  g_assert_false (ledger_species_from_key ("", &species));
  g_assert_false (ledger_species_from_key (NULL, &species));
}

static void
test_default_rules (void)
{
  g_autoptr(LedgerRules) rules = ledger_rules_new_default ();

  g_assert_cmpfloat (rules->coverage_threshold, ==, 0.5);
  g_assert_cmpstr (rules->scale_standard, ==, "mara2025");
  g_assert_cmpfloat (rules->national_list_area_m2, ==, 2000);
  g_assert_cmpfloat (rules->manure_t_per_head_year[LEDGER_SPECIES_DAIRY], ==, 16.4);
  g_assert_false (rules->scale[LEDGER_SPECIES_OTHER_POULTRY].defined);
}

/* 1. village sewage */

typedef struct
{
  const char          *what;
  const char          *mode;
  int                  households;
  int                  covered;
  int                  year_done;
  gboolean             facility_down;
  int                  year;
  LedgerVillageVerdict expected;
} VillageCase;

static const VillageCase village_cases[] = {
  { "no record", NULL, 100, 80, 2020, FALSE, 2024, LEDGER_VILLAGE_NO_RECORD },
  { "empty mode = no record", "", 100, 80, 2020, FALSE, 2024, LEDGER_VILLAGE_NO_RECORD },
  { "mode none", "none", 100, 80, 2020, FALSE, 2024, LEDGER_VILLAGE_NOT_TREATED },
  { "mode none beats year", "none", 100, 80, 2030, FALSE, 2024, LEDGER_VILLAGE_NOT_TREATED },
  { "80 of 100 at 0.5", "centralised", 100, 80, 2020, FALSE, 2024, LEDGER_VILLAGE_EFFECTIVE },
  { "exactly 50 of 100 at 0.5", "decentralised", 100, 50, 2020, FALSE, 2024, LEDGER_VILLAGE_EFFECTIVE },
  { "49 of 100 at 0.5", "decentralised", 100, 49, 2020, FALSE, 2024, LEDGER_VILLAGE_LOW_COVERAGE },
  { "3 of 5 (0.6) at 0.5", "reuse", 5, 3, 2020, FALSE, 2024, LEDGER_VILLAGE_EFFECTIVE },
  { "2 of 5 (0.4) at 0.5", "reuse", 5, 2, 2020, FALSE, 2024, LEDGER_VILLAGE_LOW_COVERAGE },
  { "done in the year asked", "sewer", 100, 60, 2024, FALSE, 2024, LEDGER_VILLAGE_EFFECTIVE },
  { "done the year after", "sewer", 100, 60, 2025, FALSE, 2024, LEDGER_VILLAGE_NOT_YET },
  { "blank year_done = done before any year", "sewer", 100, 60, 0, FALSE, 1990, LEDGER_VILLAGE_EFFECTIVE },
  { "facility down", "centralised", 100, 100, 2020, TRUE, 2024, LEDGER_VILLAGE_FACILITY_DOWN },
  { "not yet beats facility down", "centralised", 100, 100, 2025, TRUE, 2024, LEDGER_VILLAGE_NOT_YET },
  { "households unknown", "centralised", -1, -1, 2020, FALSE, 2024, LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS },
  { "households unknown, covered given", "centralised", -1, 10, 2020, FALSE, 2024, LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS },
  { "households 0 = unknown", "centralised", 0, 0, 2020, FALSE, 2024, LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS },
  { "households unknown, facility down", "centralised", -1, -1, 2020, TRUE, 2024, LEDGER_VILLAGE_FACILITY_DOWN },
  { "covered unknown", "centralised", 100, -1, 2020, FALSE, 2024, LEDGER_VILLAGE_LOW_COVERAGE },
  { "covered 0", "centralised", 100, 0, 2020, FALSE, 2024, LEDGER_VILLAGE_LOW_COVERAGE },
};

static void
test_village_verdict (void)
{
  g_autoptr(LedgerRules) rules = ledger_rules_new_default ();

  for (guint i = 0; i < G_N_ELEMENTS (village_cases); i++)
    {
      const VillageCase *c = &village_cases[i];
      LedgerVillageStatus status = { c->mode, c->households, c->covered, c->year_done, c->facility_down };
      LedgerVillageVerdict got = ledger_village_verdict (rules, &status, c->year);

      if (got != c->expected)
        g_error ("%s: got verdict %d, expected %d", c->what, got, c->expected);
    }
}

static void
test_village_threshold_rule (void)
{
  g_autoptr(LedgerRules) rules = ledger_rules_new_default ();
  static const struct { double threshold; int households, covered; LedgerVillageVerdict expected; } cases[] = {
    /* 0.7 × 10 is 7.000000000000001 in binary: 7 of 10 still reaches 0.7 */
    { 0.7, 10, 7, LEDGER_VILLAGE_EFFECTIVE },
    { 0.7, 10, 6, LEDGER_VILLAGE_LOW_COVERAGE },
    { 0.6, 100, 60, LEDGER_VILLAGE_EFFECTIVE },
    { 0.6, 100, 59, LEDGER_VILLAGE_LOW_COVERAGE },
    { 0.6, 100, 50, LEDGER_VILLAGE_LOW_COVERAGE },
    { 1.0, 37, 37, LEDGER_VILLAGE_EFFECTIVE },
    { 1.0, 37, 36, LEDGER_VILLAGE_LOW_COVERAGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LedgerVillageStatus status = { "centralised", cases[i].households, cases[i].covered, 0, FALSE };

      rules->coverage_threshold = cases[i].threshold;
      g_assert_cmpint (ledger_village_verdict (rules, &status, 2024), ==, cases[i].expected);
    }
}

static void
test_village_verdict_counts (void)
{
  static const struct { LedgerVillageVerdict verdict; gboolean counts; const char *text; } cases[] = {
    { LEDGER_VILLAGE_EFFECTIVE, TRUE, "Effective" },
    { LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS, TRUE, "Effective (no household count: judged on mode alone)" },
    { LEDGER_VILLAGE_NO_RECORD, FALSE, "No sewage record" },
    { LEDGER_VILLAGE_NOT_TREATED, FALSE, "Not treated" },
    { LEDGER_VILLAGE_NOT_YET, FALSE, "Not done in this year" },
    { LEDGER_VILLAGE_LOW_COVERAGE, FALSE, "Coverage below threshold" },
    { LEDGER_VILLAGE_FACILITY_DOWN, FALSE, "A facility serving it is stopped or faulty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (ledger_village_verdict_counts (cases[i].verdict), ==, cases[i].counts);
      g_assert_cmpstr (ledger_village_verdict_describe (cases[i].verdict), ==, cases[i].text);
    }
}

static void
test_village_codes (void)
{
  static const struct { const char *code; gboolean admin, community; } cases[] = {
    { "512022101203", TRUE, FALSE },
    { "512022101200", TRUE, FALSE },
    { "512022101399", TRUE, FALSE },
    { "512022101001", FALSE, TRUE },
    { "512022101199", FALSE, TRUE },
    { "512022101000", FALSE, FALSE },
    { "512022101400", FALSE, FALSE },
    { "51202210120", FALSE, FALSE },    /* 11 digits */
    { "5120221012033", FALSE, FALSE },  /* 13 digits */
    { "51202210120a", FALSE, FALSE },
    { "512022101 03", FALSE, FALSE },
    { "", FALSE, FALSE },
    { NULL, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (ledger_code_is_admin_village (cases[i].code), ==, cases[i].admin);
      g_assert_cmpint (ledger_code_is_community (cases[i].code), ==, cases[i].community);
    }
}

/* 2. manure */

static void
test_manure_estimate (void)
{
  g_autoptr(LedgerRules) rules = ledger_rules_new_default ();
  static const struct { LedgerSpecies species; double stock, expected_t; } cases[] = {
    { LEDGER_SPECIES_PIG, 100, 190 },             /* 100 × 1.9 */
    { LEDGER_SPECIES_DAIRY, 100, 1640 },          /* 100 × 16.4 */
    { LEDGER_SPECIES_BEEF, 100, 1100 },           /* 100 × 11.0 */
    { LEDGER_SPECIES_SHEEP_GOAT, 100, 95 },       /* 100 × 0.95 */
    { LEDGER_SPECIES_LAYER, 10000, 440 },         /* 10,000 × 0.044 */
    { LEDGER_SPECIES_BROILER, 10000, 300 },       /* 10,000 × 0.03 */
    { LEDGER_SPECIES_OTHER_POULTRY, 10000, 400 }, /* 10,000 × 0.04 */
    { LEDGER_SPECIES_PIG, 0, 0 },
    { LEDGER_SPECIES_PIG, N, N },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_same_double (ledger_manure_estimate (rules, cases[i].species, cases[i].stock),
                        cases[i].expected_t);
}

static void
test_manure_produced (void)
{
  g_autoptr(LedgerRules) rules = ledger_rules_new_default ();
  static const struct { LedgerSpecies species; double stock, produced, expected_t; } cases[] = {
    { LEDGER_SPECIES_PIG, 100, 250, 250 },  /* recorded wins over 190 estimated */
    { LEDGER_SPECIES_PIG, 100, 0, 0 },      /* a recorded 0 is a value, not blank */
    { LEDGER_SPECIES_PIG, 100, N, 190 },
    { LEDGER_SPECIES_PIG, N, 250, 250 },
    { LEDGER_SPECIES_PIG, N, N, N },
  };
  double produced = 0, utilised = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_same_double (ledger_manure_produced (rules, cases[i].species, cases[i].stock,
                                                cases[i].produced),
                        cases[i].expected_t);

  /* Worked example of indicator 2: a pig farm of 200 head with produced blank
   * (200 × 1.9 = 380 t estimated), 300 t utilised; a dairy farm that recorded
   * 1,000 t produced, 920 t utilised: (300 + 920) / (380 + 1000) = 0.8841 */
  produced += ledger_manure_produced (rules, LEDGER_SPECIES_PIG, 200, N);
  utilised += 300;
  produced += ledger_manure_produced (rules, LEDGER_SPECIES_DAIRY, 50, 1000);
  utilised += 920;
  g_assert_cmpfloat_with_epsilon (produced, 1380, 1e-9);
  g_assert_cmpfloat_with_epsilon (ledger_rate (utilised, produced), 1220.0 / 1380.0, 1e-12);
}

/* 3. scale farms */

static void
test_scale_farm (void)
{
  g_autoptr(LedgerRules) rules = ledger_rules_new_default ();
  static const struct { LedgerSpecies species; double stock, annual_output; gboolean expected; } cases[] = {
    { LEDGER_SPECIES_PIG, N, 500, TRUE },         /* annual output ≥ 500 */
    { LEDGER_SPECIES_PIG, N, 499, FALSE },
    { LEDGER_SPECIES_PIG, 10000, N, FALSE },      /* stock is not the pig measure */
    { LEDGER_SPECIES_PIG, 300, 800, TRUE },
    { LEDGER_SPECIES_DAIRY, 100, N, TRUE },       /* stock ≥ 100 */
    { LEDGER_SPECIES_DAIRY, 99, 1000, FALSE },
    { LEDGER_SPECIES_BEEF, N, 50, TRUE },         /* annual output ≥ 50 */
    { LEDGER_SPECIES_BEEF, N, 49, FALSE },
    { LEDGER_SPECIES_SHEEP_GOAT, N, 200, TRUE },  /* annual output ≥ 200 */
    { LEDGER_SPECIES_SHEEP_GOAT, N, 199, FALSE },
    { LEDGER_SPECIES_LAYER, 2000, N, TRUE },      /* stock ≥ 2,000 */
    { LEDGER_SPECIES_LAYER, 1999, N, FALSE },
    { LEDGER_SPECIES_BROILER, N, 10000, TRUE },   /* annual output ≥ 10,000 */
    { LEDGER_SPECIES_BROILER, N, 9999, FALSE },
    { LEDGER_SPECIES_OTHER_POULTRY, 1e6, 1e6, FALSE }, /* no threshold */
    { LEDGER_SPECIES_DAIRY, N, N, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ledger_is_scale_farm (rules, cases[i].species, cases[i].stock,
                                           cases[i].annual_output), ==, cases[i].expected);
}

static void
test_scale_farm_other_standard (void)
{
  g_autoptr(LedgerRules) rules = ledger_rules_new_default ();

  /* Sichuan 2017: layer stock ≥ 25,000 */
  rules->scale[LEDGER_SPECIES_LAYER].threshold = 25000;
  g_assert_false (ledger_is_scale_farm (rules, LEDGER_SPECIES_LAYER, 24999, N));
  g_assert_true (ledger_is_scale_farm (rules, LEDGER_SPECIES_LAYER, 25000, N));

  rules->scale[LEDGER_SPECIES_PIG].defined = FALSE;
  g_assert_false (ledger_is_scale_farm (rules, LEDGER_SPECIES_PIG, 1e6, 1e6));
}

static void
test_pig_equivalents (void)
{
  static const struct { LedgerSpecies species; double stock, expected; } cases[] = {
    { LEDGER_SPECIES_PIG, 100, 100 },
    { LEDGER_SPECIES_DAIRY, 15, 100 },
    { LEDGER_SPECIES_DAIRY, 30, 200 },            /* 30 × 100 / 15 */
    { LEDGER_SPECIES_BEEF, 30, 100 },
    { LEDGER_SPECIES_BEEF, 45, 150 },             /* 45 × 100 / 30 */
    { LEDGER_SPECIES_SHEEP_GOAT, 500, 200 },      /* 500 × 100 / 250 */
    { LEDGER_SPECIES_LAYER, 5000, 200 },          /* 5,000 × 100 / 2,500 */
    { LEDGER_SPECIES_BROILER, 2500, 100 },
    { LEDGER_SPECIES_OTHER_POULTRY, 250, 10 },
    { LEDGER_SPECIES_PIG, 0, 0 },
    { LEDGER_SPECIES_DAIRY, N, N },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_same_double (ledger_pig_equivalents (cases[i].species, cases[i].stock),
                        cases[i].expected);
}

/* 4. black-odorous water bodies */

static void
test_measurements_missing (void)
{
  LedgerMeasurements m;

  memset (&m, 0, sizeof m);
  ledger_measurements_init_missing (&m);
  g_assert_true (isnan (m.transparency_cm) && isnan (m.depth_cm) && isnan (m.do_mgl));
  g_assert_true (isnan (m.orp_mv) && isnan (m.nh3n_mgl) && isnan (m.cod_mgl));
  g_assert_true (isnan (m.tp_mgl) && isnan (m.ss_mgl) && isnan (m.ph));
}

typedef struct
{
  const char      *what;
  double           transparency_cm, depth_cm, do_mgl, orp_mv, nh3n_mgl;
  LedgerBlackLevel expected;
} BlackCase;

/* "clean" values: transparency 30, DO 5, NH3-N 1 */
static const BlackCase black_cases[] = {
  { "nothing measured", N, N, N, N, N, LEDGER_BLACK_INSUFFICIENT },
  { "ORP only is not a core measurement", N, 50, N, -300, N, LEDGER_BLACK_INSUFFICIENT },
  { "clean", 30, N, 5, 100, 1, LEDGER_BLACK_NONE },
  /* transparency: black < 25, heavy < 10 */
  { "transparency 25: on the limit", 25, N, 5, N, 1, LEDGER_BLACK_NONE },
  { "transparency 24.9", 24.9, N, 5, N, 1, LEDGER_BLACK_LIGHT },
  { "transparency 10: still light", 10, N, 5, N, 1, LEDGER_BLACK_LIGHT },
  { "transparency 9.9", 9.9, N, 5, N, 1, LEDGER_BLACK_HEAVY },
  /* DO: black < 2, heavy < 0.2 */
  { "DO 2: on the limit", 30, N, 2, N, 1, LEDGER_BLACK_NONE },
  { "DO 1.9", 30, N, 1.9, N, 1, LEDGER_BLACK_LIGHT },
  { "DO 0.2: still light", 30, N, 0.2, N, 1, LEDGER_BLACK_LIGHT },
  { "DO 0.19", 30, N, 0.19, N, 1, LEDGER_BLACK_HEAVY },
  /* NH3-N > 15 is both black-odorous and heavy */
  { "NH3-N 15: on the limit", 30, N, 5, N, 15, LEDGER_BLACK_NONE },
  { "NH3-N 15.1", 30, N, 5, N, 15.1, LEDGER_BLACK_HEAVY },
  /* ORP < −200 makes a sample heavy on its own (docs/RULES.md read literally) */
  { "ORP -200: on the limit", 30, N, 5, -200, 1, LEDGER_BLACK_NONE },
  { "ORP -201, all else clean", 30, N, 5, -201, 1, LEDGER_BLACK_HEAVY },
  { "ORP -250 with DO only", N, N, 5, -250, N, LEDGER_BLACK_HEAVY },
  { "ORP -150 and DO 1.5", 30, N, 1.5, -150, 1, LEDGER_BLACK_LIGHT },
  /* depth under 25 cm: the transparency limit is 0.4 × depth */
  { "depth 20, transparency 9 (limit 8)", 9, 20, 5, N, 1, LEDGER_BLACK_NONE },
  { "depth 20, transparency 8 (on the limit)", 8, 20, 5, N, 1, LEDGER_BLACK_NONE },
  { "depth 20, transparency 7.9", 7.9, 20, 5, N, 1, LEDGER_BLACK_HEAVY },
  { "depth 10, transparency 4 (limit 4)", 4, 10, 5, N, 1, LEDGER_BLACK_NONE },
  { "depth 10, transparency 3.9", 3.9, 10, 5, N, 1, LEDGER_BLACK_HEAVY },
  { "depth 20, transparency 9, DO 1", 9, 20, 1, N, 1, LEDGER_BLACK_LIGHT },
  { "depth 25 is not shallow", 24, 25, 5, N, 1, LEDGER_BLACK_LIGHT },
  { "depth 30, transparency 24", 24, 30, 5, N, 1, LEDGER_BLACK_LIGHT },
  /* a missing measurement is not evidence either way */
  { "transparency only, 20", 20, N, N, N, N, LEDGER_BLACK_LIGHT },
  { "transparency only, 30", 30, N, N, N, N, LEDGER_BLACK_NONE },
  { "DO only, 3", N, N, 3, N, N, LEDGER_BLACK_NONE },
  { "NH3-N only, 20", N, N, N, N, 20, LEDGER_BLACK_HEAVY },
  { "depth only", N, 20, N, N, N, LEDGER_BLACK_INSUFFICIENT },
};

static void
test_black_odorous (void)
{
  g_assert_cmpint (ledger_black_odorous_level (NULL), ==, LEDGER_BLACK_NO_SAMPLE);

  for (guint i = 0; i < G_N_ELEMENTS (black_cases); i++)
    {
      const BlackCase *c = &black_cases[i];
      LedgerMeasurements m;
      LedgerBlackLevel got;

      ledger_measurements_init_missing (&m);
      m.transparency_cm = c->transparency_cm;
      m.depth_cm = c->depth_cm;
      m.do_mgl = c->do_mgl;
      m.orp_mv = c->orp_mv;
      m.nh3n_mgl = c->nh3n_mgl;
      got = ledger_black_odorous_level (&m);

      if (got != c->expected)
        g_error ("%s: got level %d, expected %d", c->what, got, c->expected);
    }
}

static void
test_black_level_describe (void)
{
  static const struct { LedgerBlackLevel level; const char *text; } cases[] = {
    { LEDGER_BLACK_NO_SAMPLE, "No sample" },
    { LEDGER_BLACK_INSUFFICIENT, "Insufficient data" },
    { LEDGER_BLACK_NONE, "Not black-odorous" },
    { LEDGER_BLACK_LIGHT, "Light black-odorous" },
    { LEDGER_BLACK_HEAVY, "Heavy black-odorous" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (ledger_black_level_describe (cases[i].level), ==, cases[i].text);
}

static void
test_water_body_remediated (void)
{
  static const struct { const char *status, *completed_on; int year; gboolean expected; } cases[] = {
    { "completed", NULL, 2020, TRUE },     /* blank date counts */
    { "completed", "", 2020, TRUE },
    { "verified", NULL, 2020, TRUE },
    { "completed", "2021-03-01", 2020, FALSE },
    { "completed", "2021-03-01", 2021, TRUE },
    { "verified", "2019-12-31", 2020, TRUE },
    { "in_progress", NULL, 2030, FALSE },
    { "in_progress", "2019-12-31", 2030, FALSE },
    { "not_started", NULL, 2030, FALSE },
    { NULL, "2019-01-01", 2030, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ledger_water_body_remediated (cases[i].status, cases[i].completed_on,
                                                   cases[i].year), ==, cases[i].expected);
}

static void
test_water_body_national (void)
{
  g_autoptr(LedgerRules) rules = ledger_rules_new_default ();
  static const struct { double area_m2; gboolean national; } cases[] = {
    { 2000, TRUE },
    { 15000, TRUE },
    { 1999.9, FALSE },
    { 0, FALSE },
    { N, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ledger_water_body_is_national (rules, cases[i].area_m2), ==, cases[i].national);
}

/* 5. effluent */

static void
test_effluent_lookup (void)
{
  static const struct { const char *key_or_name, *expected_key; } cases[] = {
    { "gb18918_1a", "gb18918_1a" },
    { "GB18918_1A", "gb18918_1a" },
    { "GB 18918-2002 一级A", "gb18918_1a" },
    { "GB18918-2002一级A标准", "gb18918_1a" },
    { "一级A", "gb18918_1a" },
    { "一级a", "gb18918_1a" },
    { "1A", "gb18918_1a" },
    { "1a", "gb18918_1a" },
    { "gb18918_1b", "gb18918_1b" },
    { "一级 B", "gb18918_1b" },
    { "1B", "gb18918_1b" },
    { "GB 18918-2002 二级", "gb18918_2" },
    { "二级", "gb18918_2" },
    { "gb18918_2", "gb18918_2" },
    { "一级", NULL },
    { "三级", "gb18918_3" },
    { "DB51/2626-2019", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LedgerEffluentStandard *s = ledger_effluent_standard_builtin (cases[i].key_or_name);

      g_assert_cmpstr (s ? s->key : NULL, ==, cases[i].expected_key);
    }

  g_assert_cmpstr (ledger_effluent_standard_builtin ("1A")->name, ==, "GB 18918-2002 一级A");
}

typedef struct
{
  const char *standard;
  double      cod, nh3n, tp, ss, ph;
  const char *exceeded;   /* joined with ",", "" when compliant */
} EffluentCase;

static const EffluentCase effluent_cases[] = {
  /* 一级A: COD 50, NH3-N 5, TP 0.5, SS 10, pH 6–9 */
  { "1A", 50, 5, 0.5, 10, 6, "" },              /* every value on its limit */
  { "1A", 50.1, 5, 0.5, 10, 7, "COD" },
  { "1A", 40, 5.1, 0.5, 10, 7, "NH3-N" },
  { "1A", 40, 4, 0.6, 10, 7, "TP" },
  { "1A", 40, 4, 0.4, 11, 7, "SS" },
  { "1A", 40, 4, 0.4, 9, 9, "" },
  { "1A", 40, 4, 0.4, 9, 5.9, "pH" },
  { "1A", 40, 4, 0.4, 9, 9.1, "pH" },
  { "1A", 60, 8, 1, 20, 7, "COD,NH3-N,TP,SS" }, /* 一级B values fail 一级A */
  { "1A", N, N, N, N, N, "" },                  /* nothing measured: nothing exceeded */
  { "1A", 80, N, N, N, N, "COD" },
  /* 一级B: COD 60, NH3-N 8, TP 1, SS 20 */
  { "1B", 60, 8, 1, 20, 7, "" },
  { "1B", 70, 8, 1.2, 20, 7, "COD,TP" },
  /* 二级: COD 100, NH3-N 25, TP 3, SS 30 */
  { "二级", 100, 25, 3, 30, 7, "" },
  { "二级", 100, 26, 3, 31, 10, "NH3-N,SS,pH" },
};

static void
test_effluent_complies (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (effluent_cases); i++)
    {
      const EffluentCase *c = &effluent_cases[i];
      const LedgerEffluentStandard *standard = ledger_effluent_standard_builtin (c->standard);
      g_autoptr(GPtrArray) exceeded = g_ptr_array_new ();
      g_autofree char *joined = NULL;
      LedgerMeasurements m;
      gboolean ok;

      g_assert_nonnull (standard);
      ledger_measurements_init_missing (&m);
      m.cod_mgl = c->cod;
      m.nh3n_mgl = c->nh3n;
      m.tp_mgl = c->tp;
      m.ss_mgl = c->ss;
      m.ph = c->ph;

      ok = ledger_effluent_complies (standard, &m, exceeded);
      g_ptr_array_add (exceeded, NULL);
      joined = g_strjoinv (",", (char **) exceeded->pdata);

      g_assert_cmpstr (joined, ==, c->exceeded);
      g_assert_cmpint (ok, ==, c->exceeded[0] == '\0');
      g_assert_cmpint (ledger_effluent_complies (standard, &m, NULL), ==, ok);
    }
}

static void
test_effluent_no_limit (void)
{
  LedgerEffluentStandard cod_only = { "cod_only", "COD only", 100, N, N, N, N, N };
  LedgerMeasurements m;

  ledger_measurements_init_missing (&m);
  m.nh3n_mgl = 500;
  m.ph = 2;
  g_assert_true (ledger_effluent_complies (&cod_only, &m, NULL));
  m.cod_mgl = 101;
  g_assert_false (ledger_effluent_complies (&cod_only, &m, NULL));
}

/* loading from a ledger */

typedef struct
{
  char     *dir;
  LedgerDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-rules-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "ledger.sqlite", NULL);
  f->db = ledger_db_open (path, LEDGER_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_load_defaults (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerRules) loaded = ledger_rules_load (f->db, &error);
  g_autoptr(LedgerRules) defaults = ledger_rules_new_default ();

  g_assert_no_error (error);
  g_assert_cmpfloat (loaded->coverage_threshold, ==, defaults->coverage_threshold);
  g_assert_cmpstr (loaded->scale_standard, ==, "mara2025");
  g_assert_cmpfloat (loaded->national_list_area_m2, ==, defaults->national_list_area_m2);
  for (guint i = 0; i < LEDGER_N_SPECIES; i++)
    {
      g_assert_cmpfloat (loaded->manure_t_per_head_year[i], ==, defaults->manure_t_per_head_year[i]);
      g_assert_cmpint (loaded->scale[i].defined, ==, defaults->scale[i].defined);
      g_assert_cmpint (loaded->scale[i].measure, ==, defaults->scale[i].measure);
      g_assert_cmpfloat (loaded->scale[i].threshold, ==, defaults->scale[i].threshold);
    }
}

static void
test_load_changed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerRules) rules = NULL;
  LedgerVillageStatus status = { "centralised", 100, 55, 0, FALSE };

  ledger_db_exec (f->db,
                  "UPDATE rules SET value = '0.6' WHERE key = 'coverage_threshold';"
                  "UPDATE rules SET value = 'sichuan2017' WHERE key = 'scale_standard';"
                  "UPDATE rules SET value = '20' WHERE key = 'manure_t_per_head_year.dairy';"
                  "DELETE FROM rules WHERE key = 'manure_t_per_head_year.pig';", &error);
  g_assert_no_error (error);

  rules = ledger_rules_load (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (rules->coverage_threshold, ==, 0.6);
  g_assert_cmpstr (rules->scale_standard, ==, "sichuan2017");
  g_assert_cmpfloat (rules->manure_t_per_head_year[LEDGER_SPECIES_DAIRY], ==, 20);
  g_assert_cmpfloat (rules->manure_t_per_head_year[LEDGER_SPECIES_PIG], ==, 1.9); /* default kept */

  /* 55 of 100 households: effective at 0.5, not at 0.6 */
  g_assert_cmpint (ledger_village_verdict (rules, &status, 2024), ==, LEDGER_VILLAGE_LOW_COVERAGE);

  /* Sichuan 2017: beef annual output ≥ 100 (50 nationally), layer stock ≥ 25,000 */
  g_assert_false (ledger_is_scale_farm (rules, LEDGER_SPECIES_BEEF, N, 99));
  g_assert_true (ledger_is_scale_farm (rules, LEDGER_SPECIES_BEEF, N, 100));
  g_assert_false (ledger_is_scale_farm (rules, LEDGER_SPECIES_LAYER, 24999, N));
  g_assert_true (ledger_is_scale_farm (rules, LEDGER_SPECIES_LAYER, 25000, N));
  g_assert_false (ledger_is_scale_farm (rules, LEDGER_SPECIES_OTHER_POULTRY, 1e6, 1e6));
}

static void
test_load_invalid (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *sql; int code; } cases[] = {
    { "UPDATE rules SET value = 'half' WHERE key = 'coverage_threshold'", LEDGER_ERROR_INVALID },
    { "UPDATE rules SET value = '1.5' WHERE key = 'coverage_threshold'", LEDGER_ERROR_INVALID },
    { "UPDATE rules SET value = '-1' WHERE key = 'manure_t_per_head_year.beef'", LEDGER_ERROR_INVALID },
    { "UPDATE rules SET value = 'guangdong2030' WHERE key = 'scale_standard'", LEDGER_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerRules) rules = NULL;

      ledger_db_exec (f->db, "SAVEPOINT t", &error);
      g_assert_no_error (error);
      ledger_db_exec (f->db, cases[i].sql, &error);
      g_assert_no_error (error);

      rules = ledger_rules_load (f->db, &error);
      g_assert_error (error, LEDGER_ERROR, cases[i].code);
      g_assert_null (rules);

      g_clear_error (&error);
      ledger_db_exec (f->db, "ROLLBACK TO t; RELEASE t", &error);
      g_assert_no_error (error);
    }
}

/* one year rule (issue 16): a body completed after the chosen year was in progress then */
static void
test_water_status_in_year (void)
{
  g_assert_cmpstr (ledger_water_body_status_in_year ("completed", "2023-06-30", 2020), ==, "in_progress");
  g_assert_cmpstr (ledger_water_body_status_in_year ("verified", "2023-06-30", 2023), ==, "verified");
  g_assert_cmpstr (ledger_water_body_status_in_year ("completed", NULL, 2020), ==, "completed");
  g_assert_cmpstr (ledger_water_body_status_in_year ("not_started", "2023-06-30", 2020), ==, "not_started");
  g_assert_cmpstr (ledger_water_body_status_in_year ("completed", "2023-06-30", 0), ==, "completed");
  g_assert_false (ledger_water_body_remediated ("completed", "2023-06-30", 2020));
  g_assert_true (ledger_water_body_remediated ("completed", "2023-06-30", 2024));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/rate", test_rate);
  g_test_add_func ("/rules/species-keys", test_species_keys);
  g_test_add_func ("/rules/defaults", test_default_rules);
  g_test_add_func ("/rules/village/verdict", test_village_verdict);
  g_test_add_func ("/rules/village/threshold", test_village_threshold_rule);
  g_test_add_func ("/rules/village/counts", test_village_verdict_counts);
  g_test_add_func ("/rules/village/codes", test_village_codes);
  g_test_add_func ("/rules/manure/estimate", test_manure_estimate);
  g_test_add_func ("/rules/manure/produced", test_manure_produced);
  g_test_add_func ("/rules/scale-farm/mara2025", test_scale_farm);
  g_test_add_func ("/rules/scale-farm/other-standard", test_scale_farm_other_standard);
  g_test_add_func ("/rules/scale-farm/pig-equivalents", test_pig_equivalents);
  g_test_add_func ("/rules/black-odorous/missing", test_measurements_missing);
  g_test_add_func ("/rules/black-odorous/level", test_black_odorous);
  g_test_add_func ("/rules/black-odorous/describe", test_black_level_describe);
  g_test_add_func ("/rules/water-body/remediated", test_water_body_remediated);
  g_test_add_func ("/rules/water-body/national", test_water_body_national);
  g_test_add_func ("/rules/effluent/lookup", test_effluent_lookup);
  g_test_add_func ("/rules/effluent/complies", test_effluent_complies);
  g_test_add_func ("/rules/effluent/no-limit", test_effluent_no_limit);
  g_test_add_func ("/rules/water-status-in-year", test_water_status_in_year);

  g_test_add ("/rules/load/defaults", Fixture, NULL, fixture_set_up, test_load_defaults, fixture_tear_down);
  g_test_add ("/rules/load/changed", Fixture, NULL, fixture_set_up, test_load_changed, fixture_tear_down);
  g_test_add ("/rules/load/invalid", Fixture, NULL, fixture_set_up, test_load_invalid, fixture_tear_down);

  return g_test_run ();
}
