/* test-coords.c: WGS-84, GCJ-02 and BD-09 (docs/ARCHITECTURE.md, map) */
#include "config.h"

#include <math.h>

#include "ledger-coords.h"
#include "ledger-values.h"

static void
assert_near (double lon,
             double lat,
             double expected_lon,
             double expected_lat,
             double tolerance)
{
  g_assert_cmpfloat_with_epsilon (lon, expected_lon, tolerance);
  g_assert_cmpfloat_with_epsilon (lat, expected_lat, tolerance);
}

/* Tiananmen, Beijing, as commonly published for WGS-84, GCJ-02 (Gaode) and
 * BD-09 (Baidu: 116.404, 39.915). */
static void
test_known_points (void)
{
  static const struct {
    LedgerDatum datum;
    double wgs_lon, wgs_lat, lon, lat, tolerance;
  } cases[] = {
    { LEDGER_DATUM_GCJ02, 116.391349, 39.907375, 116.397590, 39.908776, 1e-4 },
    { LEDGER_DATUM_BD09, 116.391349, 39.907375, 116.404, 39.915, 1e-3 },
    { LEDGER_DATUM_WGS84, 116.391349, 39.907375, 116.391349, 39.907375, 1e-12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double lon, lat;

      ledger_coords_from_wgs84 (cases[i].datum, cases[i].wgs_lon, cases[i].wgs_lat, &lon, &lat);
      assert_near (lon, lat, cases[i].lon, cases[i].lat, cases[i].tolerance);
      ledger_coords_to_wgs84 (cases[i].datum, cases[i].lon, cases[i].lat, &lon, &lat);
      assert_near (lon, lat, cases[i].wgs_lon, cases[i].wgs_lat, cases[i].tolerance);
    }
}

/* WGS → datum → WGS gives the point back, all over China. */
static void
test_round_trip (void)
{
  static const LedgerDatum datums[] = { LEDGER_DATUM_GCJ02, LEDGER_DATUM_BD09 };

  for (guint d = 0; d < G_N_ELEMENTS (datums); d++)
    {
      double lon, lat, back_lon, back_lat;

      ledger_coords_from_wgs84 (datums[d], 105.0, 30.3, &lon, &lat);
      g_assert_true (fabs (lon - 105.0) > 1e-4 || fabs (lat - 30.3) > 1e-4);
      ledger_coords_to_wgs84 (datums[d], lon, lat, &back_lon, &back_lat);
      assert_near (back_lon, back_lat, 105.0, 30.3, 1e-6);

      for (double x = 74.0; x < 135.5; x += 2.5)
        for (double y = 4.0; y < 54.0; y += 2.5)
          {
            ledger_coords_from_wgs84 (datums[d], x, y, &lon, &lat);
            ledger_coords_to_wgs84 (datums[d], lon, lat, &back_lon, &back_lat);
            assert_near (back_lon, back_lat, x, y, 1e-7);
          }
    }
}

static void
test_outside_china (void)
{
  static const double points[][2] = {
    { 2.3522, 48.8566 },     /* Paris */
    { -74.006, 40.7128 },    /* New York */
    { 100.0, 60.0 },         /* north of the box */
  };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double lon, lat;

      ledger_coords_from_wgs84 (LEDGER_DATUM_GCJ02, points[i][0], points[i][1], &lon, &lat);
      assert_near (lon, lat, points[i][0], points[i][1], 1e-12);
      ledger_coords_to_wgs84 (LEDGER_DATUM_GCJ02, points[i][0], points[i][1], &lon, &lat);
      assert_near (lon, lat, points[i][0], points[i][1], 1e-12);
    }
}

static void
test_in_china (void)
{
  static const struct { double lon, lat; gboolean expected; } cases[] = {
    { 105.0, 30.3, TRUE },
    { 116.391349, 39.907375, TRUE },
    { 73.0, 3.0, TRUE },
    { 135.5, 54.0, TRUE },
    { 72.9, 30.0, FALSE },
    { 135.6, 30.0, FALSE },
    { 105.0, 2.9, FALSE },
    { 105.0, 54.1, FALSE },
    { 30.3, 105.0, FALSE },   /* swapped */
    { 0, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ledger_coords_in_china (cases[i].lon, cases[i].lat), ==, cases[i].expected);
}

static void
test_datum_keys (void)
{
  static const struct { const char *key; gboolean ok; LedgerDatum expected; } cases[] = {
    { "wgs84", TRUE, LEDGER_DATUM_WGS84 },
    { "gcj02", TRUE, LEDGER_DATUM_GCJ02 },
    { "bd09", TRUE, LEDGER_DATUM_BD09 },
    { "GCJ02", TRUE, LEDGER_DATUM_GCJ02 },
    { "WGS-84", TRUE, LEDGER_DATUM_WGS84 },
    { "bd-09", TRUE, LEDGER_DATUM_BD09 },
    { "", FALSE, 0 },
    { "gcj", FALSE, 0 },
    { "baidu", FALSE, 0 },
    { NULL, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LedgerDatum datum = 99;

      g_assert_cmpint (ledger_datum_from_key (cases[i].key, &datum), ==, cases[i].ok);
      g_assert_cmpint (datum, ==, cases[i].ok ? cases[i].expected : 99);
    }
}

/* Degrees, minutes and seconds as officers type them. */
static void
test_parse_degrees (void)
{
  static const struct { const char *text; gboolean ok; double degrees; char hemisphere; } cases[] = {
    { "104.55", TRUE, 104.55, 0 },
    { "-30.2", TRUE, -30.2, 0 },
    { "30°16'30\"N", TRUE, 30.275, 'N' },
    { "104°33'12.5\"E", TRUE, 104 + 33 / 60.0 + 12.5 / 3600.0, 'E' },
    { "30°16′30″", TRUE, 30.275, 0 },
    { "30度16分30秒", TRUE, 30.275, 0 },
    { "北纬30度16分30秒", TRUE, 30.275, 'N' },
    { "E 104 33 12.5", TRUE, 104 + 33 / 60.0 + 12.5 / 3600.0, 'E' },
    { "３０°１６′", TRUE, 30 + 16 / 60.0, 0 },             /* full-width digits */
    { "30°16'30\"S", TRUE, -30.275, 'S' },
    { "73°W", TRUE, -73.0, 'W' },
    { "30°16'30''N", TRUE, 30.275, 'N' },
    { "30°75'", FALSE, 0, 0 },                             /* minutes under 60 */
    { "30°16'75\"", FALSE, 0, 0 },
    { "30'16°", FALSE, 0, 0 },                             /* out of order */
    { "东边", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { "1 2 3 4", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double degrees = 0;
      char hemisphere = 'x';
      gboolean ok = ledger_parse_degrees (cases[i].text, &degrees, &hemisphere);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        continue;
      g_assert_cmpfloat_with_epsilon (degrees, cases[i].degrees, 1e-12);
      g_assert_cmpint (hemisphere, ==, cases[i].hemisphere);
    }
}

/* Chengdu's Tianfu Square: GCJ-02 → WGS-84 → GCJ-02 and BD-09 likewise
 * come back within 1e-5° (in fact far closer). */
static void
test_round_trip_landmark (void)
{
  static const LedgerDatum datums[] = { LEDGER_DATUM_GCJ02, LEDGER_DATUM_BD09 };

  for (guint d = 0; d < G_N_ELEMENTS (datums); d++)
    {
      double wgs_lon, wgs_lat, lon, lat;

      ledger_coords_to_wgs84 (datums[d], 104.065735, 30.657441, &wgs_lon, &wgs_lat);
      ledger_coords_from_wgs84 (datums[d], wgs_lon, wgs_lat, &lon, &lat);
      g_assert_cmpfloat_with_epsilon (lon, 104.065735, 1e-5);
      g_assert_cmpfloat_with_epsilon (lat, 30.657441, 1e-5);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/coords/known-points", test_known_points);
  g_test_add_func ("/coords/round-trip", test_round_trip);
  g_test_add_func ("/coords/outside-china", test_outside_china);
  g_test_add_func ("/coords/in-china", test_in_china);
  g_test_add_func ("/coords/datum-keys", test_datum_keys);
  g_test_add_func ("/coords/parse-degrees", test_parse_degrees);
  g_test_add_func ("/coords/round-trip-landmark", test_round_trip_landmark);

  return g_test_run ();
}
