/* test-progress.c: the four indicators on a small hand-made ledger, worked by hand */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-db-private.h"
#include "ledger-progress.h"
#include "ledger-regions.h"
#include "ledger-rules-edit.h"
#include "ledger-store.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

#define ZHONGTIAN "512022111"  /* 中天镇: 8 administrative villages, 4 communities */
#define FOXING    "512022112"  /* 佛星镇 */

typedef struct
{
  char     *dir;
  LedgerDb *db;
  char     *villages[8];   /* 中天镇's administrative villages */
  char     *community;     /* one of its communities */
} Fixture;

static char *
nth_code (LedgerDb   *db,
          const char *kind,
          const char *township,
          int         n)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, "SELECT code FROM regions WHERE kind = ? AND parent = ?"
                                                         " ORDER BY code LIMIT 1 OFFSET ?", NULL);

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, township, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, n);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ledger_test_new_ledger ("test-progress", "512022", FALSE, &f->dir, NULL);
  for (int i = 0; i < 8; i++)
    f->villages[i] = nth_code (f->db, "village", ZHONGTIAN, i);
  f->community = nth_code (f->db, "community", ZHONGTIAN, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  for (int i = 0; i < 8; i++)
    g_free (f->villages[i]);
  g_free (f->community);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* save (db, kind, "key", "value", ..., NULL) through the store, as the editor would */
static void
save (LedgerDb   *db,
      LedgerKind  kind,
      ...)
{
  g_autoptr (LedgerRecord) record = ledger_record_new (kind);
  g_autoptr (GError) error = NULL;
  const char *key;
  va_list args;

  va_start (args, kind);
  while ((key = va_arg (args, const char *)) != NULL)
    ledger_record_set (record, key, va_arg (args, const char *));
  va_end (args);
  g_assert_true (ledger_store_save (db, record, &error));
  g_assert_no_error (error);
}

static LedgerProgress *
compute (LedgerDb   *db,
         int         year,
         const char *township)
{
  g_autoptr (GError) error = NULL;
  LedgerProgress *progress = ledger_progress_compute (db, year, township, &error);

  g_assert_no_error (error);
  g_assert_nonnull (progress);
  return progress;
}

static const LedgerScopeProgress *
township (const LedgerProgress *progress,
          const char           *code)
{
  for (guint i = 0; i < progress->townships->len; i++)
    {
      const LedgerScopeProgress *scope = g_ptr_array_index (progress->townships, i);
      if (g_str_equal (scope->code, code))
        return scope;
    }
  g_assert_not_reached ();
}

#define ASSERT_INDICATOR(scope, id, num, den) G_STMT_START { \
  g_assert_cmpfloat_with_epsilon ((scope)->indicators[id].numerator, (num), 1e-9); \
  g_assert_cmpfloat_with_epsilon ((scope)->indicators[id].denominator, (den), 1e-9); \
} G_STMT_END

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (LedgerProgress) progress = compute (f->db, 2020, NULL);
  const LedgerIndicator *village = &progress->county.indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE];

  g_assert_cmpuint (progress->townships->len, ==, 21);
  g_assert_cmpstr (progress->county.code, ==, "512022");
  /* every administrative village is in the denominator, recorded or not */
  ASSERT_INDICATOR (&progress->county, LEDGER_INDICATOR_VILLAGE_SEWAGE, 0, 234);
  g_assert_cmpfloat (village->rate, ==, 0);
  g_assert_false (village->met);
  for (guint i = LEDGER_INDICATOR_MANURE_UTILISATION; i < LEDGER_N_INDICATORS; i++)
    {
      g_assert_true (isnan (progress->county.indicators[i].rate));
      g_assert_false (progress->county.indicators[i].met);
    }
}

static void
record_villages (Fixture *f)
{
  char **v = f->villages;

  save (f->db, LEDGER_KIND_VILLAGES, "village_code", v[0], "households", "100", "mode", "centralised",
        "covered_households", "60", "year_done", "2019", NULL);
  save (f->db, LEDGER_KIND_VILLAGES, "village_code", v[1], "households", "100", "mode", "decentralised",
        "covered_households", "40", NULL);  /* 40 % < 50 %: low coverage */
  save (f->db, LEDGER_KIND_VILLAGES, "village_code", v[2], "households", "100", "mode", "reuse",
        "covered_households", "50", NULL);  /* exactly on the threshold */
  save (f->db, LEDGER_KIND_VILLAGES, "village_code", v[3], "mode", "sewer", NULL); /* no household count */
  save (f->db, LEDGER_KIND_VILLAGES, "village_code", v[4], "households", "80", "mode", "none", NULL);
  save (f->db, LEDGER_KIND_VILLAGES, "village_code", v[5], "households", "100", "mode", "centralised",
        "covered_households", "90", "year_done", "2022", NULL);
  save (f->db, LEDGER_KIND_VILLAGES, "village_code", v[6], "households", "100", "mode", "centralised",
        "covered_households", "90", "year_done", "2018", NULL);
  save (f->db, LEDGER_KIND_FACILITIES, "name", "站", "kind", "village_station", "village_code", v[6],
        "status", "faulty", NULL);
  /* a community's record never counts, in numerator or denominator */
  save (f->db, LEDGER_KIND_VILLAGES, "village_code", f->community, "households", "100", "mode", "sewer",
        "covered_households", "100", NULL);
}

static void
test_villages (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (LedgerProgress) in_2020 = NULL;
  g_autoptr (LedgerProgress) in_2022 = NULL;
  g_autoptr (LedgerProgress) plant_down = NULL;
  g_autoptr (LedgerProgress) plant_up = NULL;

  record_villages (f);
  in_2020 = compute (f->db, 2020, NULL);
  in_2022 = compute (f->db, 2022, NULL);
  /* 2020: v0, v2, v3 (with a warning); not v1 (coverage), v4 (none), v5 (2022), v6 (station faulty), v7 */
  ASSERT_INDICATOR (township (in_2020, ZHONGTIAN), LEDGER_INDICATOR_VILLAGE_SEWAGE, 3, 8);
  ASSERT_INDICATOR (&in_2020->county, LEDGER_INDICATOR_VILLAGE_SEWAGE, 3, 234);
  g_assert_cmpuint (township (in_2020, ZHONGTIAN)->n_warnings, ==, 1);
  g_assert_cmpuint (in_2020->county.n_warnings, ==, 1);
  ASSERT_INDICATOR (township (in_2022, ZHONGTIAN), LEDGER_INDICATOR_VILLAGE_SEWAGE, 4, 8);
  ASSERT_INDICATOR (township (in_2022, FOXING), LEDGER_INDICATOR_VILLAGE_SEWAGE, 0, 8);

  /* mode sewer depends on the township plant: faulty and none normal → not effective */
  save (f->db, LEDGER_KIND_FACILITIES, "name", "镇污水处理厂", "kind", "township_plant",
        "village_code", f->community, "status", "faulty", NULL);
  plant_down = compute (f->db, 2020, NULL);
  ASSERT_INDICATOR (township (plant_down, ZHONGTIAN), LEDGER_INDICATOR_VILLAGE_SEWAGE, 2, 8);
  save (f->db, LEDGER_KIND_FACILITIES, "name", "镇污水处理厂二期", "kind", "township_plant",
        "village_code", f->villages[7], "status", "normal", NULL);
  plant_up = compute (f->db, 2020, NULL);
  ASSERT_INDICATOR (township (plant_up, ZHONGTIAN), LEDGER_INDICATOR_VILLAGE_SEWAGE, 3, 8);
  g_assert_cmpuint (township (plant_up, ZHONGTIAN)->n_facilities, ==, 3);
  g_assert_cmpuint (township (plant_up, ZHONGTIAN)->n_facilities_normal, ==, 1);
}

static void
record_farms (Fixture *f)
{
  g_autofree char *v = nth_code (f->db, "village", FOXING, 0);
  const char *farm[] = { "code", "L1", "name", "猪场", "village_code", v, "species", "pig", NULL };

  save (f->db, LEDGER_KIND_FARMS, farm[0], farm[1], farm[2], farm[3], farm[4], farm[5], farm[6], farm[7],
        "year", "2019", "stock", "1000", "annual_output", "2000", "facilities_matched", "1",
        "manure_produced_t", "1900", "manure_utilised_t", "1800", NULL);
  save (f->db, LEDGER_KIND_FARMS, farm[0], farm[1], farm[2], farm[3], farm[4], farm[5], farm[6], farm[7],
        "year", "2021", "stock", "1000", "annual_output", "2000", "facilities_matched", "0",
        "manure_produced_t", "2000", "manure_utilised_t", "1950", NULL);
  /* not a scale farm (200 goats a year); produced blank: 200 × 0.95 t estimated */
  save (f->db, LEDGER_KIND_FARMS, "code", "L2", "name", "羊场", "village_code", v, "species", "sheep_goat",
        "year", "2020", "stock", "200", "annual_output", "100", "manure_utilised_t", "150", NULL);
  /* exactly on the pig threshold (annual output 500): a scale farm */
  save (f->db, LEDGER_KIND_FARMS, "code", "L3", "name", "小猪场", "village_code", v, "species", "pig",
        "year", "2020", "stock", "250", "annual_output", "500", "facilities_matched", "0",
        "manure_produced_t", "100", "manure_utilised_t", "100", NULL);
}

static void
test_farms (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (LedgerProgress) in_2018 = NULL;
  g_autoptr (LedgerProgress) in_2020 = NULL;
  g_autoptr (LedgerProgress) in_2021 = NULL;

  record_farms (f);
  in_2018 = compute (f->db, 2018, NULL);
  in_2020 = compute (f->db, 2020, NULL);
  in_2021 = compute (f->db, 2021, NULL);
  /* a year before any figures */
  g_assert_true (isnan (in_2018->county.indicators[LEDGER_INDICATOR_MANURE_UTILISATION].rate));
  g_assert_true (isnan (in_2018->county.indicators[LEDGER_INDICATOR_SCALE_FARM_FACILITIES].rate));
  /* 2020: L1 with its 2019 figures, L2, L3 */
  ASSERT_INDICATOR (&in_2020->county, LEDGER_INDICATOR_MANURE_UTILISATION, 1800 + 150 + 100, 1900 + 190 + 100);
  ASSERT_INDICATOR (township (in_2020, FOXING), LEDGER_INDICATOR_SCALE_FARM_FACILITIES, 1, 2);
  g_assert_cmpfloat_with_epsilon (in_2020->county.pig_equivalents, 1000 + 200 * 100.0 / 250 + 250, 1e-9);
  /* 2021: L1's own 2021 figures, unmatched */
  ASSERT_INDICATOR (&in_2021->county, LEDGER_INDICATOR_MANURE_UTILISATION, 1950 + 150 + 100, 2000 + 190 + 100);
  ASSERT_INDICATOR (&in_2021->county, LEDGER_INDICATOR_SCALE_FARM_FACILITIES, 0, 2);
  g_assert_false (in_2021->county.indicators[LEDGER_INDICATOR_SCALE_FARM_FACILITIES].met);
}

static void
test_water_bodies (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (LedgerProgress) in_2020 = NULL;
  g_autoptr (LedgerProgress) in_2021 = NULL;

  save (f->db, LEDGER_KIND_WATER_BODIES, "name", "塘一", "kind", "pond", "village_code", f->villages[0],
        "status", "completed", "completed_on", "2021-05-01", NULL);
  save (f->db, LEDGER_KIND_WATER_BODIES, "name", "塘二", "kind", "pond", "village_code", f->villages[1],
        "status", "verified", NULL);  /* no date: counts in any year */
  save (f->db, LEDGER_KIND_WATER_BODIES, "name", "沟三", "kind", "ditch", "village_code", f->villages[2],
        "status", "in_progress", "due", "2025-12-31", NULL);
  in_2020 = compute (f->db, 2020, NULL);
  in_2021 = compute (f->db, 2021, NULL);
  ASSERT_INDICATOR (&in_2020->county, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED, 1, 3);
  ASSERT_INDICATOR (township (in_2021, ZHONGTIAN), LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED, 2, 3);
  g_assert_true (isnan (township (in_2021, FOXING)->indicators[LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED].rate));
}

/* issue 12: the target counts the national list (≥ 2,000 m², or no area,
 * flagged 面积未填); _all every listed body; under 200 m² is flagged */
static void
test_water_body_scope (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (LedgerProgress) progress = NULL;
  const LedgerIndicator *national, *all;

  save (f->db, LEDGER_KIND_WATER_BODIES, "name", "大塘", "kind", "pond", "village_code", f->villages[0],
        "area_m2", "2000", "status", "completed", NULL);
  save (f->db, LEDGER_KIND_WATER_BODIES, "name", "无面积塘", "kind", "pond", "village_code", f->villages[1],
        "status", "in_progress", NULL);
  save (f->db, LEDGER_KIND_WATER_BODIES, "name", "小塘", "kind", "pond", "village_code", f->villages[2],
        "area_m2", "1999", "status", "verified", NULL);
  save (f->db, LEDGER_KIND_WATER_BODIES, "name", "水凼", "kind", "pond", "village_code", f->villages[3],
        "area_m2", "150", "status", "in_progress", NULL);
  progress = compute (f->db, 2025, NULL);
  national = &progress->county.indicators[LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED];
  all = &progress->county.indicators[LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED_ALL];
  ASSERT_INDICATOR (&progress->county, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED, 1, 2);
  ASSERT_INDICATOR (&progress->county, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED_ALL, 2, 4);
  g_assert_cmpfloat (national->target, ==, 1.0);
  g_assert_false (national->met);
  /* no default target: neither met nor missed */
  g_assert_true (isnan (all->target));
  g_assert_false (all->met);
  g_assert_cmpuint (progress->county.n_water_area_unknown, ==, 1);
  g_assert_cmpuint (progress->county.n_water_below_survey, ==, 1);
  g_assert_cmpuint (township (progress, ZHONGTIAN)->n_water_below_survey, ==, 1);
  /* the list's bound is a rule */
  g_assert_true (ledger_rules_set (f->db, "national_list_area_m2", "1000", NULL));
  g_clear_pointer (&progress, ledger_progress_free);
  progress = compute (f->db, 2025, NULL);
  ASSERT_INDICATOR (&progress->county, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED, 2, 3);
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) in_2020 = NULL;
  g_autoptr (LedgerProgress) in_2021 = NULL;

  record_villages (f);
  g_assert_true (ledger_db_exec (f->db, "INSERT INTO targets (indicator, year, scope, value) VALUES"
                                        " ('village_sewage', 0, '" ZHONGTIAN "', 0.3),"
                                        " ('village_sewage', 2020, 'county', 0.8)", &error));
  g_assert_no_error (error);
  in_2020 = compute (f->db, 2020, NULL);
  in_2021 = compute (f->db, 2021, NULL);
  /* the township's own row (any year) beats the county's row for the year */
  g_assert_cmpfloat (township (in_2020, ZHONGTIAN)->indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].target, ==, 0.3);
  g_assert_true (township (in_2020, ZHONGTIAN)->indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].met);
  g_assert_cmpfloat (township (in_2020, FOXING)->indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].target, ==, 0.8);
  g_assert_cmpfloat (in_2020->county.indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].target, ==, 0.8);
  g_assert_cmpfloat (in_2021->county.indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].target, ==, 0.75);
  g_assert_cmpfloat (in_2021->county.indicators[LEDGER_INDICATOR_MANURE_UTILISATION].target, ==, 0.93);
}

static void
test_one_township (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) progress = NULL;

  record_villages (f);
  progress = compute (f->db, 2020, ZHONGTIAN);
  g_assert_cmpuint (progress->townships->len, ==, 1);
  ASSERT_INDICATOR (township (progress, ZHONGTIAN), LEDGER_INDICATOR_VILLAGE_SEWAGE, 3, 8);
  ASSERT_INDICATOR (&progress->county, LEDGER_INDICATOR_VILLAGE_SEWAGE, 3, 234);

  g_assert_null (ledger_progress_compute (f->db, 2020, "512022999", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
}

static void
assert_indicator_shape (JsonObject *indicators,
                        const char *key,
                        gboolean    integers)
{
  JsonObject *indicator = json_object_get_object_member (indicators, key);
  JsonNode *numerator;

  g_assert_nonnull (indicator);
  g_assert_cmpuint (json_object_get_size (indicator), ==, 5);
  numerator = json_object_get_member (indicator, "numerator");
  g_assert_cmpint (json_node_get_value_type (numerator), ==, integers ? G_TYPE_INT64 : G_TYPE_DOUBLE);
  g_assert_true (json_object_has_member (indicator, "denominator"));
  g_assert_true (json_object_has_member (indicator, "rate"));
  g_assert_true (json_object_has_member (indicator, "target"));
  g_assert_true (json_object_has_member (indicator, "met"));
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (LedgerProgress) progress = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *root, *county, *village, *zhongtian;
  JsonArray *townships;

  record_villages (f);
  progress = compute (f->db, 2020, NULL);
  json = ledger_progress_to_json (progress);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "region"), "code"), ==, "512022");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "region"), "name"), ==, "乐至县");
  g_assert_cmpint (json_object_get_int_member (root, "year"), ==, 2020);
  county = json_object_get_object_member (root, "indicators");
  g_assert_cmpuint (json_object_get_size (county), ==, LEDGER_N_INDICATORS);
  assert_indicator_shape (county, "village_sewage", TRUE);
  assert_indicator_shape (county, "manure_utilisation", FALSE);
  assert_indicator_shape (county, "scale_farm_facilities", TRUE);
  assert_indicator_shape (county, "black_odorous_remediated", TRUE);
  assert_indicator_shape (county, "black_odorous_remediated_all", TRUE);
  /* no default target: target and met are null */
  g_assert_true (json_object_get_null_member (json_object_get_object_member (county, "black_odorous_remediated_all"),
                                              "target"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (county, "black_odorous_remediated_all"),
                                              "met"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "flags"), "water_area_unknown"), ==, 0);
  /* 3/234, rounded to 4 decimals; no denominator → null */
  village = json_object_get_object_member (county, "village_sewage");
  g_assert_cmpfloat (json_object_get_double_member (village, "rate"), ==, 0.0128);
  g_assert_cmpfloat (json_object_get_double_member (village, "target"), ==, 0.75);
  g_assert_false (json_object_get_boolean_member (village, "met"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (county, "manure_utilisation"), "rate"));
  townships = json_object_get_array_member (root, "townships");
  g_assert_cmpuint (json_array_get_length (townships), ==, 21);
  zhongtian = json_array_get_object_element (townships, 12);
  g_assert_cmpstr (json_object_get_string_member (zhongtian, "code"), ==, ZHONGTIAN);
  g_assert_cmpstr (json_object_get_string_member (zhongtian, "name"), ==, "中天镇");
  village = json_object_get_object_member (json_object_get_object_member (zhongtian, "indicators"), "village_sewage");
  g_assert_cmpfloat (json_object_get_double_member (village, "rate"), ==, 0.375);
  g_assert_cmpint (json_object_get_int_member (village, "numerator"), ==, 3);
}

static void
test_format (void)
{
  g_autofree char *a = ledger_format_rate (0.7512);
  g_autofree char *b = ledger_format_rate (NAN);
  g_autofree char *c = ledger_format_rate (1.0);
  g_autofree char *d = ledger_format_rate (0.0);

  g_assert_cmpstr (a, ==, "75.1 %");
  g_assert_cmpstr (b, ==, "—");
  g_assert_cmpstr (c, ==, "100.0 %");
  g_assert_cmpstr (d, ==, "0.0 %");
  g_assert_cmpint (ledger_current_year (), >=, 2024);
  g_assert_cmpstr (ledger_indicator_key (LEDGER_INDICATOR_MANURE_UTILISATION), ==, "manure_utilisation");
  g_assert_nonnull (ledger_indicator_name (LEDGER_INDICATOR_VILLAGE_SEWAGE));
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (LedgerProgress) progress = NULL;
  g_autofree char *table = NULL;

  record_villages (f);
  progress = compute (f->db, 2020, NULL);
  table = ledger_progress_to_table (progress);
  g_assert_nonnull (strstr (table, "乐至县"));
  g_assert_nonnull (strstr (table, "中天镇"));
  g_assert_nonnull (strstr (table, "37.5 % (3/8)"));
  g_assert_nonnull (strstr (table, "75.0 %"));
}

static void
test_gap (void)
{
  LedgerIndicator behind = { .numerator = 170, .denominator = 234, .rate = 170.0 / 234, .target = 0.75 };
  LedgerIndicator met = { .numerator = 176, .denominator = 234, .rate = 176.0 / 234, .target = 0.75, .met = TRUE };
  LedgerIndicator empty = { .numerator = 0, .denominator = 0, .rate = NAN, .target = 0.75 };
  LedgerIndicator manure = { .numerator = 900, .denominator = 1000, .rate = 0.9, .target = 0.93 };
  g_autofree char *text = ledger_format_gap (&behind, LEDGER_INDICATOR_VILLAGE_SEWAGE);

  /* 0.75 × 234 = 175.5 villages: 6 more, not 5.5 */
  g_assert_cmpfloat (ledger_indicator_gap (&behind, LEDGER_INDICATOR_VILLAGE_SEWAGE), ==, 6);
  g_assert_cmpstr (text, ==, "Needs 6 more villages");
  g_assert_cmpfloat (ledger_indicator_gap (&met, LEDGER_INDICATOR_VILLAGE_SEWAGE), ==, 0);
  g_assert_true (isnan (ledger_indicator_gap (&empty, LEDGER_INDICATOR_VILLAGE_SEWAGE)));
  g_assert_cmpfloat_with_epsilon (ledger_indicator_gap (&manure, LEDGER_INDICATOR_MANURE_UTILISATION), 30, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/progress/empty", test_empty);
  ADD ("/progress/villages", test_villages);
  ADD ("/progress/farms", test_farms);
  ADD ("/progress/water-bodies", test_water_bodies);
  ADD ("/progress/water-body-scope", test_water_body_scope);
  ADD ("/progress/targets", test_targets);
  ADD ("/progress/one-township", test_one_township);
  ADD ("/progress/json", test_json);
  ADD ("/progress/table", test_table);
  g_test_add_func ("/progress/format", test_format);
  g_test_add_func ("/progress/gap", test_gap);
  return g_test_run ();
}
