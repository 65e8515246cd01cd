/* test-county-outline.c: a ledger's own county outline: check, convert, store */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ledger-test-db.h"
#include "ledger-county-outline.h"
#include "ledger-error.h"
#include "ledger-geo.h"
#include "ledger-regions.h"
#include "ledger-test-util.h"

/* a square around Lezhi (104.85–105.35 E, 30.05–30.6 N) and one far away in Xinjiang */
#define LEZHI_SQUARE "[[[104.85,30.05],[105.35,30.05],[105.35,30.6],[104.85,30.6],[104.85,30.05]]]"
#define XINJIANG_SQUARE "[[[80,40],[81,40],[81,41],[80,41],[80,40]]]"

typedef struct
{
  char     *dir;
  char     *path;
  LedgerDb *lezhi;   /* with the demo: its township seats are located */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-county-outline-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "lezhi.db", NULL);
  f->lezhi = ledger_ledger_create (f->path, "512022", TRUE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->lezhi);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static LedgerDb *
other_county (Fixture    *f,
              const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.db", f->dir, code);
  LedgerDb *db = ledger_ledger_create (path, code, FALSE, &error);

  g_assert_no_error (error);
  return db;
}

static void
test_shipped_or_own (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (LedgerDb) dongcheng = other_county (f, "110101");
  g_autoptr (GError) error = NULL;
  g_autofree char *shipped = ledger_county_outline_dup_geojson (f->lezhi);
  g_autofree char *none = ledger_county_outline_dup_geojson (dongcheng);
  g_autofree char *own = NULL;
  g_autofree char *back = NULL;
  const char *square = "{\"type\":\"Polygon\",\"coordinates\":[[[116.40,39.90],[116.44,39.90],[116.44,39.95],[116.40,39.90]]]}";

  g_assert_nonnull (strstr (shipped, "MultiPolygon"));
  g_assert_null (none);

  g_assert_true (ledger_county_outline_store (dongcheng, square, &error));
  g_assert_no_error (error);
  own = ledger_county_outline_dup_geojson (dongcheng);
  g_assert_cmpstr (own, ==, square);
  g_assert_cmpint (ledger_test_count (dongcheng, "SELECT count(*) FROM audit WHERE entity = 'meta'"
                                     " AND entity_uid = 'boundary_geojson' AND action = 'insert'"), ==, 1);

  /* clearing it goes back to what ships (nothing for 东城区), audited as a change */
  g_assert_true (ledger_county_outline_store (dongcheng, NULL, &error));
  back = ledger_county_outline_dup_geojson (dongcheng);
  g_assert_null (back);
  g_assert_cmpint (ledger_test_count (dongcheng, "SELECT count(*) FROM audit WHERE entity = 'meta' AND action = 'update'"
                                     " AND old_value LIKE '%Polygon%' AND new_value = ''"), ==, 1);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  const char *wrappers[] = {
    "{\"type\":\"Polygon\",\"coordinates\":" LEZHI_SQUARE "}",
    "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[" LEZHI_SQUARE "]}}",
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" LEZHI_SQUARE "}}]}",
  };
  g_autoptr (GError) error = NULL;
  LedgerOutlineCheck check;

  for (guint i = 0; i < G_N_ELEMENTS (wrappers); i++)
    {
      g_assert_true (ledger_county_outline_check (f->lezhi, wrappers[i], &check, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (check.n_seats, ==, 21);
      g_assert_cmpuint (check.n_inside, ==, 21);
      g_assert_true (ledger_county_outline_fits (&check));
    }

  g_assert_true (ledger_county_outline_check (f->lezhi, "{\"type\":\"Polygon\",\"coordinates\":" XINJIANG_SQUARE "}",
                                              &check, &error));
  g_assert_cmpuint (check.n_inside, ==, 0);
  g_assert_false (ledger_county_outline_fits (&check));

  /* no polygon, not JSON, projected metres */
  g_assert_false (ledger_county_outline_check (f->lezhi, "{\"type\":\"Point\",\"coordinates\":[105,30]}", &check, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_county_outline_check (f->lezhi, "{\"type\":", &check, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (ledger_county_outline_check (f->lezhi, "{\"type\":\"Polygon\",\"coordinates\":"
                                               "[[[500000,3300000],[510000,3300000],[510000,3310000],[500000,3300000]]]}",
                                               &check, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "WGS-84"));
}

static void
test_to_wgs84 (void)
{
  g_autoptr (GError) error = NULL;
  double gcj_lon, gcj_lat;
  g_autofree char *text = NULL;
  g_autofree char *converted = NULL;
  g_autoptr (LedgerOutline) outline = NULL;
  guint n;
  const double *ring;

  /* a point of the outline as Gaode shows it comes back to WGS-84 within a metre */
  ledger_coords_from_wgs84 (LEDGER_DATUM_GCJ02, 105.03, 30.27, &gcj_lon, &gcj_lat);
  text = g_strdup_printf ("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                          "[[[%.8f,%.8f],[105.2,30.2],[105.1,30.4],[%.8f,%.8f]]]}}", gcj_lon, gcj_lat, gcj_lon, gcj_lat);
  g_assert_cmpfloat (fabs (gcj_lon - 105.03), >, 1e-3);
  converted = ledger_county_outline_to_wgs84 (text, LEDGER_DATUM_GCJ02, &error);
  g_assert_no_error (error);
  outline = ledger_outline_new_from_geojson (converted, &error);
  g_assert_no_error (error);
  ring = ledger_outline_get_ring (outline, 0, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat_with_epsilon (ring[0], 105.03, 1e-5);
  g_assert_cmpfloat_with_epsilon (ring[1], 30.27, 1e-5);
  /* every point moved, not only the first */
  g_assert_cmpfloat (fabs (ring[2] - 105.2), >, 1e-4);

  g_assert_null (ledger_county_outline_to_wgs84 ("not json", LEDGER_DATUM_BD09, &error));
  g_assert_nonnull (error);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *far = write_file (f, "far.geojson", "{\"type\":\"Polygon\",\"coordinates\":" XINJIANG_SQUARE "}");
  g_autofree char *near = write_file (f, "near.geojson", "{\"type\":\"Polygon\",\"coordinates\":" LEZHI_SQUARE "}");
  g_autofree char *missing = g_build_filename (f->dir, "missing.geojson", NULL);
  g_autofree char *own = NULL;
  gint64 audit_before = ledger_test_count (f->lezhi, "SELECT count(*) FROM audit");

  /* most seats outside: refused with the numbers and the way out; nothing written */
  g_assert_false (ledger_county_outline_import (f->lezhi, far, LEDGER_DATUM_WGS84, FALSE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "0 of the ledger’s 21"));
  g_assert_nonnull (strstr (error->message, "GCJ-02"));
  g_clear_error (&error);
  g_assert_cmpint (ledger_test_count (f->lezhi, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_cmpint (ledger_test_count (f->lezhi, "SELECT count(*) FROM meta WHERE key = 'boundary_geojson'"), ==, 0);

  g_assert_false (ledger_county_outline_import (f->lezhi, missing, LEDGER_DATUM_WGS84, TRUE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE);
  g_clear_error (&error);

  /* forced, or fitting */
  g_assert_true (ledger_county_outline_import (f->lezhi, far, LEDGER_DATUM_WGS84, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_county_outline_import (f->lezhi, near, LEDGER_DATUM_WGS84, FALSE, &error));
  g_assert_no_error (error);
  own = ledger_county_outline_dup_geojson (f->lezhi);
  g_assert_nonnull (strstr (own, "104.85"));
  g_assert_cmpint (ledger_test_count (f->lezhi, "SELECT count(*) FROM audit WHERE entity = 'meta'"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/county-outline/shipped-or-own", Fixture, NULL, fixture_set_up, test_shipped_or_own, fixture_tear_down);
  g_test_add ("/county-outline/check", Fixture, NULL, fixture_set_up, test_check, fixture_tear_down);
  g_test_add_func ("/county-outline/to-wgs84", test_to_wgs84);
  g_test_add ("/county-outline/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  return g_test_run ();
}
