/* test-measure.c: distances and areas of the map's measuring tool, with
 * worked examples on the sphere of radius 6,371,008.8 m */
#include "config.h"

#include <math.h>

#include "ledger-measure.h"

static void
test_distance (void)
{
  /* one degree of a great circle: 6371008.8 × π / 180 = 111195.08 m */
  g_assert_cmpfloat_with_epsilon (ledger_distance_m (0, 0, 1, 0), 111195.08, 0.01);
  g_assert_cmpfloat_with_epsilon (ledger_distance_m (105, 30, 105, 31), 111195.08, 0.01);
  /* at 60°: the parallel's arc is 111195.08 × cos 60° = 55597.54 m; the
   * great circle between its ends is a little shorter */
  g_assert_cmpfloat_with_epsilon (ledger_distance_m (0, 60, 1, 60), 55597.01, 0.01);
  g_assert_cmpfloat (ledger_distance_m (105.03, 30.28, 105.03, 30.28), ==, 0);
}

static void
test_path (void)
{
  const double path[] = { 0, 0, 1, 0, 1, 1 };

  g_assert_cmpfloat_with_epsilon (ledger_path_length_m (path, 3), 2 * 111195.08, 0.02);
  g_assert_cmpfloat (ledger_path_length_m (path, 1), ==, 0);
  g_assert_cmpfloat (ledger_path_length_m (NULL, 0), ==, 0);
}

static void
test_area (void)
{
  /* the 1° × 1° box at the equator: R² × Δλ × sin 1° = 12,363.7 km² */
  const double box[] = { 0, 0, 1, 0, 1, 1, 0, 1 };
  const double reversed[] = { 0, 1, 1, 1, 1, 0, 0, 0 };
  double expected = LEDGER_EARTH_RADIUS_M * LEDGER_EARTH_RADIUS_M * (G_PI / 180) * sin (G_PI / 180);

  g_assert_cmpfloat_with_epsilon (ledger_area_m2 (box, 4), expected, 1.0);
  g_assert_cmpfloat_with_epsilon (expected / 1e6, 12363.7, 0.1);
  /* the direction of the ring does not matter */
  g_assert_cmpfloat_with_epsilon (ledger_area_m2 (reversed, 4), expected, 1.0);
  /* fewer than three points enclose nothing */
  g_assert_cmpfloat (ledger_area_m2 (box, 2), ==, 0);
}

static void
test_format (void)
{
  g_autofree char *m = ledger_format_distance (850.4);
  g_autofree char *km = ledger_format_distance (12345);
  g_autofree char *small = ledger_format_area (666.67);
  g_autofree char *ha = ledger_format_area (23600);
  g_autofree char *big = ledger_format_area (12.345e6);

  g_assert_cmpstr (m, ==, "850 m");
  g_assert_cmpstr (km, ==, "12.35 km");
  g_assert_cmpstr (small, ==, "667 m² (1.0 mu)");
  g_assert_cmpstr (ha, ==, "2.36 ha (35.4 mu)");
  g_assert_cmpstr (big, ==, "12.35 km²");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/measure/distance", test_distance);
  g_test_add_func ("/measure/path", test_path);
  g_test_add_func ("/measure/area", test_area);
  g_test_add_func ("/measure/format", test_format);
  return g_test_run ();
}
