/* test-store-caches.c: what the import's speed rests on stays correct
 *
 * The store caches the rules and the highest code number per village, the
 * outline sorts its edges into bands, uids are ordered by time: each is
 * checked against the slow way it replaced, including changes made by this
 * connection and by another one.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "ledger-error.h"
#include "ledger-db-private.h"
#include "ledger-geo.h"
#include "ledger-rules-edit.h"
#include "ledger-store.h"
#include "ledger-store-bulk.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

#define VILLAGE "512022101203"

typedef struct
{
  char     *dir;
  char     *path;
  LedgerDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->db = ledger_test_new_ledger ("test-store-caches", NULL, FALSE, &f->dir, &f->path);
  g_assert_true (ledger_db_exec (f->db,
    "INSERT INTO regions (code, name, kind, parent) VALUES"
    " ('512022', '乐至县', 'county', NULL),"
    " ('512022101', '中天镇', 'township', '512022'),"
    " ('" VILLAGE "', '试验村', 'village', '512022101')", &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LedgerRecord *
new_farm (const char *code)
{
  LedgerRecord *r = ledger_record_new (LEDGER_KIND_FARMS);

  ledger_record_set (r, "code", code);
  ledger_record_set (r, "name", "试验猪场");
  ledger_record_set (r, "village_code", VILLAGE);
  ledger_record_set (r, "species", "pig");
  ledger_record_set (r, "year", "2025");
  ledger_record_set (r, "stock", "100");
  ledger_record_set (r, "manure_utilised_t", "150");
  return r;
}

static gboolean
farm_passes (Fixture *f)
{
  g_autoptr (LedgerRecord) farm = new_farm (NULL);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);

  return ledger_store_check (f->db, farm, problems);
}

/* 100 pigs at 1.9 t a head make 190 t: 150 t utilised is possible; at 1.0 t it is not. */
static void
test_rules_follow_changes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (farm_passes (f));
  g_assert_true (farm_passes (f));   /* from the cache */
  /* this connection */
  g_assert_true (ledger_rules_set (f->db, "manure_t_per_head_year.pig", "1.0", &error));
  g_assert_no_error (error);
  g_assert_false (farm_passes (f));
  /* inside a transaction of this connection, then rolled back */
  g_assert_true (ledger_db_begin (f->db, &error));
  g_assert_true (ledger_db_exec (f->db, "UPDATE rules SET value = '2.0' WHERE key = 'manure_t_per_head_year.pig'", &error));
  g_assert_true (farm_passes (f));
  ledger_db_rollback (f->db);
  g_assert_false (farm_passes (f));
  /* another connection (a second window, the command line) */
  {
    g_autoptr (LedgerDb) other = ledger_db_open (f->path, LEDGER_DB_OPEN_DEFAULT, &error);
    g_assert_true (ledger_db_exec (other, "UPDATE rules SET value = '1.9' WHERE key = 'manure_t_per_head_year.pig'", &error));
  }
  g_assert_true (farm_passes (f));
}

static char *
save_farm (LedgerDb   *db,
           const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) farm = new_farm (code);

  ledger_record_set (farm, "manure_utilised_t", NULL);
  g_assert_true (ledger_store_save (db, farm, &error));
  g_assert_no_error (error);
  return g_strdup (ledger_record_get (farm, "code"));
}

static void
assert_next_code (LedgerDb   *db,
                  const char *expected)
{
  g_autofree char *code = save_farm (db, NULL);

  g_assert_cmpstr (code, ==, expected);
}

/* New codes follow the highest in use, whoever wrote it. */
static void
test_codes_follow_changes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *given = NULL;

  assert_next_code (f->db, "L" VILLAGE "-1");
  assert_next_code (f->db, "L" VILLAGE "-2");
  given = save_farm (f->db, "L" VILLAGE "-40");   /* typed by hand */
  assert_next_code (f->db, "L" VILLAGE "-41");
  {
    g_autoptr (LedgerDb) other = ledger_db_open (f->path, LEDGER_DB_OPEN_DEFAULT, &error);
    g_autofree char *elsewhere = save_farm (other, "L" VILLAGE "-90");
  }
  assert_next_code (f->db, "L" VILLAGE "-91");
  /* -92 is taken behind the cache's back (raw SQL): the next free one is used */
  g_assert_true (ledger_db_exec (f->db, "INSERT INTO farms (uid, code, name, village_code, species)"
                                        " VALUES ('x', 'L" VILLAGE "-92', 'x', '" VILLAGE "', 'pig')", &error));
  assert_next_code (f->db, "L" VILLAGE "-93");
}

static void
test_uids_are_ordered (void)
{
  g_autofree char *previous = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 20000; i++)
    {
      char *uid = ledger_uid_new ();

      g_assert_true (g_uuid_string_is_valid (uid));
      g_assert_cmpint (uid[14], ==, '7');                          /* version 7 */
      g_assert_nonnull (strchr ("89ab", uid[19]));                 /* RFC 9562 variant */
      g_assert_true (previous == NULL || strcmp (previous, uid) < 0);
      g_assert_true (g_hash_table_add (seen, uid));
      g_free (previous);
      previous = g_strdup (uid);
    }
}

/* The even-odd rule ring by ring, as ledger_outline_contains did before bands. */
static gboolean
contains_slowly (const LedgerOutline *outline,
                 double               x,
                 double               y)
{
  gboolean inside = FALSE;

  for (guint r = 0; r < ledger_outline_get_n_rings (outline); r++)
    {
      guint n;
      const double *p = ledger_outline_get_ring (outline, r, &n);

      for (guint i = 0, j = n - 1; n >= 3 && i < n; j = i++)
        if ((p[2 * i + 1] > y) != (p[2 * j + 1] > y) &&
            x < (p[2 * j] - p[2 * i]) * (y - p[2 * i + 1]) / (p[2 * j + 1] - p[2 * i + 1]) + p[2 * i])
          inside = !inside;
    }
  return inside;
}

static void
test_outline_bands (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "boundaries", "512022.geojson", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerOutline) outline = NULL;
  double min_lon, min_lat, max_lon, max_lat;
  guint n_inside = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  outline = ledger_outline_new_from_geojson (text, &error);
  g_assert_no_error (error);
  ledger_outline_get_bounds (outline, &min_lon, &min_lat, &max_lon, &max_lat);
  for (guint i = 0; i <= 300; i++)
    for (guint j = 0; j <= 300; j++)
      {
        double lon = min_lon - 0.01 + (max_lon - min_lon + 0.02) * i / 300;
        double lat = min_lat - 0.01 + (max_lat - min_lat + 0.02) * j / 300;
        gboolean inside = ledger_outline_contains (outline, lon, lat);

        g_assert_cmpint (inside, ==, contains_slowly (outline, lon, lat));
        n_inside += inside;
      }
  /* the county fills a good part of its bounding box */
  g_assert_cmpuint (n_inside, >, 301 * 301 / 4);
}

static gboolean
farm_in_passes (Fixture    *f,
                const char *village)
{
  g_autoptr (LedgerRecord) farm = new_farm (NULL);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);

  ledger_record_set (farm, "village_code", village);
  ledger_record_set (farm, "manure_utilised_t", NULL);
  return ledger_store_check (f->db, farm, problems);
}

/* Under an import's pin the kind of each village code is asked once: the
 * answers stay right, repeated, and a region retired between two imports
 * is seen by the next one. */
static void
test_region_kinds_under_pin (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ledger_db_begin (f->db, &error));
  ledger_store_caches_pin (f->db, TRUE);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (farm_in_passes (f, VILLAGE));
      g_assert_false (farm_in_passes (f, "512022101"));      /* a township */
      g_assert_false (farm_in_passes (f, "512022101999"));   /* none */
    }
  ledger_store_caches_pin (f->db, FALSE);
  ledger_db_rollback (f->db);
  g_assert_true (ledger_db_exec (f->db, "UPDATE regions SET valid_to = '2026-01-01' WHERE code = '" VILLAGE "'", &error));
  g_assert_false (farm_in_passes (f, VILLAGE));
  g_assert_true (ledger_db_begin (f->db, &error));
  ledger_store_caches_pin (f->db, TRUE);
  g_assert_false (farm_in_passes (f, VILLAGE));
  ledger_store_caches_pin (f->db, FALSE);
  ledger_db_rollback (f->db);
}

/* A dry run's read transaction: one snapshot, whatever another connection
 * commits meanwhile; the next check after it sees the change. */
static void
test_read_snapshot (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gboolean began = ledger_store_caches_read_begin (f->db);

  g_assert_true (began);
  g_assert_true (farm_passes (f));
  {
    g_autoptr (LedgerDb) other = ledger_db_open (f->path, LEDGER_DB_OPEN_DEFAULT, &error);
    g_assert_true (ledger_db_exec (other, "UPDATE rules SET value = '1.0' WHERE key = 'manure_t_per_head_year.pig'", &error));
    g_assert_true (ledger_db_exec (other, "UPDATE regions SET valid_to = '2026-01-01' WHERE code = '" VILLAGE "'", &error));
  }
  g_assert_true (farm_passes (f));
  g_assert_false (ledger_store_caches_read_begin (f->db));   /* already in one */
  ledger_store_caches_read_end (f->db, began);
  g_assert_false (farm_passes (f));
  g_assert_false (farm_in_passes (f, VILLAGE));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store-caches/rules", test_rules_follow_changes);
  ADD ("/store-caches/codes", test_codes_follow_changes);
  ADD ("/store-caches/region-kinds", test_region_kinds_under_pin);
  ADD ("/store-caches/read-snapshot", test_read_snapshot);
  g_test_add_func ("/store-caches/uids", test_uids_are_ordered);
  g_test_add_func ("/store-caches/outline-bands", test_outline_bands);
  return g_test_run ();
}
