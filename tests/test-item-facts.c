/* test-item-facts.c: the detail pane's figures agree with the progress indicators */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-item-facts.h"
#include "ledger-progress.h"
#include "ledger-regions.h"
#include "ledger-store.h"

static LedgerDb *
demo_ledger (char **dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  LedgerDb *db;

  *dir = g_dir_make_tmp ("test-item-facts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "ledger.db", NULL);
  db = ledger_ledger_create (path, "512022", TRUE, &error);
  g_assert_no_error (error);
  return db;
}

static void
remove_ledger (LedgerDb *db,
               char     *dir)
{
  g_autofree char *path = g_strdup (ledger_db_get_path (db));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_object_unref (db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  g_free (dir);
}

/* the first fact of a village is its verdict: good or warning = it counts */
static guint
count_effective (LedgerDb *db,
                 int       year)
{
  g_autoptr (GPtrArray) villages = ledger_store_load (db, LEDGER_KIND_VILLAGES, NULL, NULL);
  guint n = 0;

  for (guint i = 0; i < villages->len; i++)
    {
      LedgerRecord *village = g_ptr_array_index (villages, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) facts = ledger_item_facts (db, village, year, &error);
      LedgerFact *verdict;

      g_assert_no_error (error);
      g_assert_cmpuint (facts->len, >=, 1);
      verdict = g_ptr_array_index (facts, 0);
      n += verdict->tone == LEDGER_FACT_GOOD || verdict->tone == LEDGER_FACT_WARNING;
    }
  return n;
}

static void
test_villages_agree_with_progress (void)
{
  char *dir;
  LedgerDb *db = demo_ledger (&dir);
  g_autoptr (GPtrArray) facilities = ledger_store_load (db, LEDGER_KIND_FACILITIES, NULL, NULL);

  for (int year = 2020; year <= 2025; year++)
    {
      g_autoptr (LedgerProgress) progress = ledger_progress_compute (db, year, NULL, NULL);
      g_assert_cmpfloat (count_effective (db, year), ==,
                         progress->county.indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].numerator);
    }

  /* stop every facility: the verdicts follow, as the indicator does */
  for (guint i = 0; i < facilities->len; i++)
    {
      LedgerRecord *facility = g_ptr_array_index (facilities, i);
      ledger_record_set (facility, "status", "stopped");
      g_assert_true (ledger_store_save (db, facility, NULL));
    }
  {
    g_autoptr (LedgerProgress) progress = ledger_progress_compute (db, 2025, NULL, NULL);
    g_assert_cmpfloat (count_effective (db, 2025), ==,
                       progress->county.indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].numerator);
  }
  remove_ledger (db, dir);
}

static const char *
fact_value (GPtrArray  *facts,
            const char *label)
{
  for (guint i = 0; i < facts->len; i++)
    {
      LedgerFact *fact = g_ptr_array_index (facts, i);
      if (g_str_equal (fact->label, label))
        return fact->value;
    }
  return NULL;
}

static void
test_farm_and_facility (void)
{
  char *dir;
  LedgerDb *db = demo_ledger (&dir);
  g_autoptr (LedgerRecord) farm = ledger_record_new (LEDGER_KIND_FARMS);
  g_autoptr (LedgerRecord) facility = ledger_record_new (LEDGER_KIND_FACILITIES);
  g_autoptr (GPtrArray) facts = NULL;

  ledger_record_set (farm, "name", "Test farm");
  ledger_record_set (farm, "village_code", "512022102204");
  ledger_record_set (farm, "species", "dairy");
  ledger_record_set (farm, "year", "2025");
  ledger_record_set (farm, "stock", "150");
  g_assert_true (ledger_store_save (db, farm, NULL));
  facts = ledger_item_facts (db, farm, 2025, NULL);
  g_assert_cmpstr (fact_value (facts, "Pig equivalents"), ==, "1000.0");   /* 15 dairy = 100 pigs */
  g_assert_cmpstr (fact_value (facts, "Scale farm"), ==, "Yes, facilities NOT matched");
  g_assert_cmpstr (fact_value (facts, "Manure produced"), ==, "2460.0 t/year");  /* 150 × 16.4 */
  g_clear_pointer (&facts, g_ptr_array_unref);

  ledger_record_set (facility, "name", "Test station");
  ledger_record_set (facility, "kind", "village_station");
  ledger_record_set (facility, "village_code", "512022102204");
  ledger_record_set (facility, "status", "normal");
  ledger_record_set (facility, "standard", "DB 99/1-2099");
  g_assert_true (ledger_store_save (db, facility, NULL));
  facts = ledger_item_facts (db, facility, 2025, NULL);
  g_assert_cmpstr (fact_value (facts, "Effluent"), ==, "Not judged");
  remove_ledger (db, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/item-facts/villages-agree-with-progress", test_villages_agree_with_progress);
  g_test_add_func ("/item-facts/farm-and-facility", test_farm_and_facility);
  return g_test_run ();
}
