/* bench-progress.c: progress, the trend since 2020 and "what holds it back",
 * against one SQL aggregate over the same rows
 *
 * Usage: bench-progress [N] [REGION]
 * Builds a ledger of REGION (default 512022, Lezhi; "51" a province, "all"
 * the nation: 487,144 administrative villages in 41,352 townships) with a
 * sewage record for every third administrative village and N generated
 * farms (default 10,000), in one transaction, then times, as CPU time of
 * this process (the machine is shared), the median of three runs of:
 * ledger_progress_compute for one year; the peer, one SQL aggregate per
 * township over the same rows (villages with their sewage record, farms
 * with their years, water bodies); ledger_progress_trend from the baseline
 * to the current year; and ledger_progress_holding_back for one township.
 * Prints `bench-progress: REGION, N farms, progress X ms (peer: one SQL
 * aggregate Y ms, ratio R, limit 3), trend …, holding back …`.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <time.h>

#include "ledger-db-private.h"  /* the peer: one SQL aggregate */
#include "ledger-progress.h"
#include "ledger-regions.h"
#include "ledger-store.h"
#include "../ledger-test-util.h"

#define N_RUNS 3

static const char *const species[] = { "pig", "dairy", "beef", "sheep_goat", "layer", "broiler", "other_poultry" };
static const char *const modes[] = { "none", "sewer", "centralised", "decentralised", "reuse" };

static void
save (LedgerDb     *db,
      LedgerRecord *record,
      guint         i)
{
  g_autoptr (GError) error = NULL;

  if (!ledger_store_save (db, record, &error))
    g_error ("record %u: %s", i, error->message);
}

static void
add_village_records (LedgerDb  *db,
                     GPtrArray *villages)
{
  for (guint i = 0; i < villages->len; i += 3)
    {
      g_autoptr (LedgerRecord) village = ledger_record_new (LEDGER_KIND_VILLAGES);
      LedgerRegion *region = g_ptr_array_index (villages, i);
      g_autofree char *households = g_strdup_printf ("%u", 100 + (i * 37) % 900);
      g_autofree char *covered = g_strdup_printf ("%u", (i * 53) % (100 + (i * 37) % 900));
      g_autofree char *year = g_strdup_printf ("%u", 2018 + i % 9);

      ledger_record_set (village, "village_code", region->code);
      ledger_record_set (village, "name", region->name);
      if (i % 10 != 0)
        ledger_record_set (village, "households", households);
      ledger_record_set (village, "mode", modes[i % G_N_ELEMENTS (modes)]);
      ledger_record_set (village, "covered_households", covered);
      if (i % 7 != 0)
        ledger_record_set (village, "year_done", year);
      save (db, village, i);
    }
}

static void
add_farms (LedgerDb  *db,
           GPtrArray *villages,
           guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LedgerRecord) farm = ledger_record_new (LEDGER_KIND_FARMS);
      g_autofree char *name = g_strdup_printf ("养殖场 %u", i);
      g_autofree char *stock = g_strdup_printf ("%u", 50 + (i * 37) % 5000);
      g_autofree char *year = g_strdup_printf ("%u", 2020 + i % 6);
      LedgerRegion *village = g_ptr_array_index (villages, (i * 7919u) % villages->len);

      ledger_record_set (farm, "name", name);
      ledger_record_set (farm, "village_code", village->code);
      ledger_record_set (farm, "species", species[i % G_N_ELEMENTS (species)]);
      ledger_record_set (farm, "year", year);
      ledger_record_set (farm, "stock", stock);
      ledger_record_set (farm, "facilities_matched", i % 3 ? "1" : "0");
      save (db, farm, i);
    }
}

static LedgerDb *
build_ledger (const char *path,
              const char *region,
              guint       n)
{
  g_autoptr (GError) error = NULL;
  LedgerDb *db = ledger_ledger_create (path, region, FALSE, &error);
  g_autoptr (GPtrArray) villages = NULL;

  if (db == NULL)
    g_error ("%s: %s", region, error->message);
  villages = ledger_regions_list (db, "village", &error);
  g_assert_true (ledger_db_begin (db, &error));
  add_village_records (db, villages);
  add_farms (db, villages, n);
  g_assert_true (ledger_db_commit (db, &error));
  return db;
}

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef void (*BenchFunc) (LedgerDb *db, int year, gpointer data);

/* the median CPU time of N_RUNS calls */
static double
median_ms (BenchFunc  func,
           LedgerDb  *db,
           int        year,
           gpointer   data)
{
  double runs[N_RUNS];

  for (guint i = 0; i < N_RUNS; i++)
    {
      double start = cpu_ms ();
      func (db, year, data);
      runs[i] = cpu_ms () - start;
    }
  qsort (runs, N_RUNS, sizeof runs[0], compare_doubles);
  return runs[N_RUNS / 2];
}

static void
run_progress (LedgerDb *db,
              int       year,
              gpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) progress = ledger_progress_compute (db, year, NULL, &error);

  g_assert_no_error (error);
  *(guint *) data = progress->townships->len;
}

/* the peer: one aggregate per township over the rows progress reads */
static void
run_peer (LedgerDb *db,
          int       year,
          gpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT t, sum(a), sum(b), count(*) FROM ("
    " SELECT substr(r.code, 1, 9) AS t, s.covered_households >= 0.5 * r.households AS a, s.year_done <= ?1 AS b"
    "  FROM regions r LEFT JOIN village_sewage s ON s.village_code = r.code WHERE r.kind = 'village'"
    " UNION ALL SELECT substr(f.village_code, 1, 9), y.manure_utilised_t, y.stock"
    "  FROM farms f JOIN farm_years y ON y.farm_uid = f.uid AND y.year <= ?1"
    " UNION ALL SELECT substr(village_code, 1, 9), status IN ('completed', 'verified'), 1 FROM water_bodies)"
    " GROUP BY t", &error);
  guint n = 0;

  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  *(guint *) data = n;
}

static void
run_trend (LedgerDb *db,
           int       year,
           gpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) trend = ledger_progress_trend (db, NULL, LEDGER_BASELINE_YEAR, year, &error);

  g_assert_no_error (error);
  *(guint *) data = trend->len;
}

static void
run_holding_back (LedgerDb *db,
                  int       year,
                  gpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) uids = ledger_progress_holding_back (db, year, data, LEDGER_INDICATOR_SCALE_FARM_FACILITIES,
                                                              &error);

  g_assert_no_error (error);
}

static char *
first_township (LedgerDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) townships = ledger_regions_list (db, "township", &error);

  g_assert_no_error (error);
  return g_strdup (((LedgerRegion *) g_ptr_array_index (townships, 0))->code);
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  const char *region = argc > 2 ? argv[2] : "512022";
  g_autofree char *dir = g_dir_make_tmp ("bench-progress-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr (LedgerDb) db = build_ledger (path, region, n);
  g_autofree char *township = first_township (db);
  int year = ledger_current_year ();
  guint n_townships = 0, n_groups = 0, n_years = 0;
  double progress_ms, peer_ms, trend_ms, holding_ms;

  progress_ms = median_ms (run_progress, db, year, &n_townships);
  peer_ms = median_ms (run_peer, db, year, &n_groups);
  trend_ms = median_ms (run_trend, db, year, &n_years);
  holding_ms = median_ms (run_holding_back, db, year, township);

  g_print ("bench-progress: %s, %u townships, %u farms: progress %.0f ms (peer: one SQL aggregate %.0f ms; "
           "ratio %.1f, limit 3.0), trend of %u years %.0f ms, holding back %.0f ms (CPU time, median of %d)\n",
           region, n_townships, n, progress_ms, peer_ms, progress_ms / peer_ms, n_years, trend_ms,
           holding_ms, N_RUNS);
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
  return 0;
}
