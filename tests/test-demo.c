/* test-demo.c: the Lezhi demo inventory reproduces the plan's 2020 baseline */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ledger-test-db.h"
#include "ledger-db-private.h"
#include "ledger-demo.h"
#include "ledger-error.h"
#include "ledger-geo.h"
#include "ledger-progress.h"
#include "ledger-regions.h"
#include "ledger-rules.h"
#include "ledger-rules-edit.h"
#include "ledger-store.h"
#include "ledger-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  LedgerDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-demo-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "ledger.db", NULL);
  f->db = ledger_ledger_create (f->path, "512022", TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LedgerProgress *
compute (LedgerDb *db,
         int       year)
{
  g_autoptr (GError) error = NULL;
  LedgerProgress *progress = ledger_progress_compute (db, year, NULL, &error);

  g_assert_no_error (error);
  return progress;
}

static double
round_to (double value,
          double unit)
{
  return round (value / unit) * unit;
}

static void
test_baseline_2020 (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (LedgerProgress) progress = compute (f->db, 2020);
  const LedgerIndicator *village = &progress->county.indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE];
  const LedgerIndicator *manure = &progress->county.indicators[LEDGER_INDICATOR_MANURE_UTILISATION];
  const LedgerIndicator *scale = &progress->county.indicators[LEDGER_INDICATOR_SCALE_FARM_FACILITIES];
  g_autofree char *json = ledger_progress_to_json (progress);
  g_autofree char *manure_text = ledger_format_rate (manure->rate);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;

  g_test_message ("%s", json);
  /* 234 administrative villages: 176 effective is the nearest to 75 % from above */
  g_assert_cmpfloat (village->denominator, ==, 234);
  g_assert_cmpfloat (round_to (village->rate, 0.01), ==, 0.75);
  g_assert_cmpfloat (village->rate, >=, 0.75);
  g_assert_true (village->met);
  g_assert_cmpfloat (manure->rate, >=, 0.93);
  g_assert_cmpstr (manure_text, ==, "93.0 %");
  g_assert_true (manure->met);
  g_assert_cmpfloat (scale->denominator, >, 0);
  g_assert_cmpfloat (scale->rate, ==, 1.0);
  g_assert_true (scale->met);

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "townships")), ==, 21);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "region"), "name"),
                   ==, "乐至县");
}

static void
test_progress_2025 (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (LedgerProgress) before = NULL;
  g_autoptr (LedgerProgress) after = NULL;
  g_autoptr (LedgerProgress) in_2024 = NULL;
  g_autoptr (LedgerProgress) sichuan = compute (f->db, 2024);
  g_autoptr (LedgerRules) rules = ledger_rules_load (f->db, NULL);

  /* Lezhi is in Sichuan: by province, Sichuan's standard, under which the
   * growing broiler farm (12,600 output) is no scale farm (35,000) */
  g_assert_true (rules->scale_standard_by_province);
  g_assert_cmpstr (rules->scale_standard, ==, "sichuan2017");
  g_assert_true (sichuan->county.indicators[LEDGER_INDICATOR_SCALE_FARM_FACILITIES].met);
  /* the demo's farms are laid out for the national standard (10,000) */
  g_assert_true (ledger_rules_set (f->db, "scale_standard", "mara2025", NULL));
  before = compute (f->db, 2020);
  after = compute (f->db, 2025);
  in_2024 = compute (f->db, 2024);

  g_assert_cmpfloat (after->county.indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].rate, >,
                     before->county.indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].rate + 0.05);
  g_assert_cmpfloat (after->county.indicators[LEDGER_INDICATOR_MANURE_UTILISATION].rate, >,
                     before->county.indicators[LEDGER_INDICATOR_MANURE_UTILISATION].rate + 0.02);
  g_assert_cmpfloat (after->county.indicators[LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED].numerator, >,
                     before->county.indicators[LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED].numerator);
  /* a broiler farm grew to scale in 2024 before its facilities were matched */
  g_assert_false (in_2024->county.indicators[LEDGER_INDICATOR_SCALE_FARM_FACILITIES].met);
  g_assert_true (after->county.indicators[LEDGER_INDICATOR_SCALE_FARM_FACILITIES].met);
  g_assert_cmpuint (after->townships->len, ==, 21);
}

static void
test_points_inside (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *geojson = ledger_regions_boundary_geojson ("512022");
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerOutline) outline = ledger_outline_new_from_geojson (geojson, &error);
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (f->db,
    "SELECT 'facility ' || code, lon, lat FROM facilities WHERE lon IS NOT NULL"
    " UNION ALL SELECT 'farm ' || code, lon, lat FROM farms WHERE lon IS NOT NULL"
    " UNION ALL SELECT 'water body ' || code, lon, lat FROM water_bodies WHERE lon IS NOT NULL"
    " UNION ALL SELECT 'region ' || code, lon, lat FROM regions WHERE lon IS NOT NULL", NULL);
  guint n = 0;

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *what = (const char *) sqlite3_column_text (stmt, 0);
      double lon = sqlite3_column_double (stmt, 1), lat = sqlite3_column_double (stmt, 2);

      if (!ledger_outline_contains (outline, lon, lat))
        g_error ("%s at %f, %f is outside the county outline", what, lon, lat);
      n++;
    }
  /* every item, village and township seat of the demo has a location */
  g_assert_cmpuint (n, ==, ledger_test_count (f->db, "SELECT (SELECT count(*) FROM facilities) + (SELECT count(*) FROM farms)"
                                         " + (SELECT count(*) FROM water_bodies)"
                                         " + (SELECT count(*) FROM regions WHERE kind <> 'county')"));
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  static const char *const tables[] = { "facilities", "farms", "farm_years", "water_bodies", "samples",
                                        "inspections", "village_sewage" };
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) progress = NULL;
  guint n_removed = 0;

  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM samples"), >, 0);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM inspections"), >, 0);
  g_assert_cmpuint (ledger_demo_count (f->db), ==,
                    ledger_test_count (f->db, "SELECT (SELECT count(*) FROM facilities) + (SELECT count(*) FROM farms)"
                                  " + (SELECT count(*) FROM water_bodies) + (SELECT count(*) FROM village_sewage)"
                                  " + (SELECT count(*) FROM samples) + (SELECT count(*) FROM inspections)"));
  g_assert_cmpuint (ledger_demo_count (f->db), >, 100);
  g_assert_true (ledger_store_remove_demo (f->db, &n_removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_assert_cmpint (ledger_test_count (f->db, sql), ==, 0);
    }
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM regions WHERE lon IS NOT NULL OR households IS NOT NULL"), ==, 0);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM regions"), ==, 1 + 21 + 315);
  g_assert_cmpuint (ledger_demo_count (f->db), ==, 0);

  progress = compute (f->db, 2020);
  g_assert_cmpfloat (progress->county.indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].numerator, ==, 0);
  g_assert_true (isnan (progress->county.indicators[LEDGER_INDICATOR_MANURE_UTILISATION].rate));
  g_assert_true (isnan (progress->county.indicators[LEDGER_INDICATOR_SCALE_FARM_FACILITIES].rate));
  g_assert_true (isnan (progress->county.indicators[LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED].rate));
}

static void
test_other_county (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_ledger_create (path, "110101", TRUE, &error);

  g_assert_null (db);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ledger_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/demo/baseline-2020", Fixture, NULL, fixture_set_up, test_baseline_2020, fixture_tear_down);
  g_test_add ("/demo/progress-2025", Fixture, NULL, fixture_set_up, test_progress_2025, fixture_tear_down);
  g_test_add ("/demo/points-inside", Fixture, NULL, fixture_set_up, test_points_inside, fixture_tear_down);
  g_test_add ("/demo/remove", Fixture, NULL, fixture_set_up, test_remove, fixture_tear_down);
  g_test_add_func ("/demo/other-county", test_other_county);
  return g_test_run ();
}
