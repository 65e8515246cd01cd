/* test-geo.c: the county outline and point-in-outline */
#include "config.h"

#include "ledger-geo.h"

static void
test_square_with_hole (void)
{
  const char *geojson =
    "{\"type\": \"Polygon\", \"coordinates\": ["
    " [[0,0],[10,0],[10,10],[0,10],[0,0]],"
    " [[4,4],[6,4],[6,6],[4,6],[4,4]]]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerOutline) outline = ledger_outline_new_from_geojson (geojson, &error);
  static const struct { double lon, lat; gboolean inside; } cases[] = {
    { 1, 1, TRUE }, { 9.9, 5, TRUE }, { 5, 5, FALSE } /* the hole */, { 11, 5, FALSE }, { -1, -1, FALSE },
  };
  double a, b, c, d;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ledger_outline_contains (outline, cases[i].lon, cases[i].lat), ==, cases[i].inside);
  ledger_outline_get_bounds (outline, &a, &b, &c, &d);
  g_assert_cmpfloat (a, ==, 0);
  g_assert_cmpfloat (d, ==, 10);
  g_assert_cmpuint (ledger_outline_get_n_rings (outline), ==, 2);
}

static void
test_lezhi (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "boundaries", "512022.geojson", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerOutline) outline = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  outline = ledger_outline_new_from_geojson (text, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_outline_contains (outline, 105.03, 30.28));    /* county seat 天池街道 */
  g_assert_false (ledger_outline_contains (outline, 104.07, 30.67));   /* Chengdu */
  g_assert_false (ledger_outline_contains (outline, 105.6, 30.3));
}

static void
test_not_an_outline (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (ledger_outline_new_from_geojson ("{\"type\": \"Point\", \"coordinates\": [1, 2]}", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (ledger_outline_new_from_geojson ("not json", &error));
  g_assert_nonnull (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geo/square-with-hole", test_square_with_hole);
  g_test_add_func ("/geo/lezhi", test_lezhi);
  g_test_add_func ("/geo/not-an-outline", test_not_an_outline);
  return g_test_run ();
}
