/* bench-progress.c: progress, the trend since 2020 and "what holds it back" over N farms
 *
 * Usage: bench-progress [N]
 * Builds a ledger of N generated farms (one transaction) and times
 * ledger_progress_compute for one year, ledger_progress_trend from the
 * baseline to the current year (what the Progress page runs in a thread),
 * and ledger_progress_holding_back for one township.
 * Prints `bench-progress: N farms, progress X ms, trend of Y years Z ms, holding back W ms`.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-progress.h"
#include "ledger-regions.h"
#include "ledger-store.h"

static const char *const species[] = { "pig", "dairy", "beef", "sheep_goat", "layer", "broiler", "other_poultry" };

static LedgerDb *
build_ledger (const char *path,
              guint       n)
{
  g_autoptr (GError) error = NULL;
  LedgerDb *db = ledger_ledger_create (path, "512022", FALSE, &error);
  g_autoptr (GPtrArray) villages = NULL;

  g_assert_no_error (error);
  villages = ledger_regions_list (db, "village", &error);
  g_assert_true (ledger_db_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LedgerRecord) farm = ledger_record_new (LEDGER_KIND_FARMS);
      g_autofree char *name = g_strdup_printf ("养殖场 %u", i);
      g_autofree char *stock = g_strdup_printf ("%u", 50 + (i * 37) % 5000);
      g_autofree char *year = g_strdup_printf ("%u", 2020 + i % 6);
      LedgerRegion *village = g_ptr_array_index (villages, i % villages->len);

      ledger_record_set (farm, "name", name);
      ledger_record_set (farm, "village_code", village->code);
      ledger_record_set (farm, "species", species[i % G_N_ELEMENTS (species)]);
      ledger_record_set (farm, "year", year);
      ledger_record_set (farm, "stock", stock);
      ledger_record_set (farm, "facilities_matched", i % 3 ? "1" : "0");
      if (!ledger_store_save (db, farm, &error))
        g_error ("farm %u: %s", i, error->message);
    }
  g_assert_true (ledger_db_commit (db, &error));
  return db;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autofree char *dir = g_dir_make_tmp ("bench-progress-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr (LedgerDb) db = build_ledger (path, n);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) progress = NULL;
  g_autoptr (GPtrArray) trend = NULL;
  g_autoptr (GHashTable) uids = NULL;
  int year = ledger_current_year ();
  double progress_ms, trend_ms, holding_ms;
  gint64 start;

  start = g_get_monotonic_time ();
  progress = ledger_progress_compute (db, year, NULL, &error);
  progress_ms = ms_since (start);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  trend = ledger_progress_trend (db, NULL, LEDGER_BASELINE_YEAR, year, &error);
  trend_ms = ms_since (start);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  uids = ledger_progress_holding_back (db, year, "512022111", LEDGER_INDICATOR_SCALE_FARM_FACILITIES, &error);
  holding_ms = ms_since (start);
  g_assert_no_error (error);

  g_print ("bench-progress: %u farms, progress %.0f ms, trend of %u years %.0f ms, holding back %.0f ms (%u farms)\n",
           n, progress_ms, trend->len, trend_ms, holding_ms, g_hash_table_size (uids));
  g_clear_object (&db);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
