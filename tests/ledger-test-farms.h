/* ledger-test-farms.h: many generated farms, for the export test and bench */
#pragma once

#include <stdio.h>
#include <string.h>

#include "ledger-regions.h"
#include "ledger-store.h"

G_BEGIN_DECLS

static inline LedgerRecord *
ledger_test_new_farm (guint       i,
                      const char *village_code,
                      GRand      *rand)
{
  static const char *const species[] = { "pig", "dairy", "beef", "sheep_goat", "layer", "broiler" };
  LedgerRecord *record = ledger_record_new (LEDGER_KIND_FARMS);
  g_autofree char *name = g_strdup_printf ("测试养殖场 %u", i);
  g_autofree char *stock = g_strdup_printf ("%d", g_rand_int_range (rand, 10, 5000));
  g_autofree char *output = g_strdup_printf ("%d", g_rand_int_range (rand, 10, 10000));
  char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];

  ledger_record_set (record, "name", name);
  ledger_record_set (record, "operator", "=cmd|' /C calc'!A0");
  ledger_record_set (record, "village_code", village_code);
  ledger_record_set (record, "species", species[i % G_N_ELEMENTS (species)]);
  ledger_record_set (record, "lon", g_ascii_formatd (lon, sizeof lon, "%.6f", g_rand_double_range (rand, 104.85, 105.35)));
  ledger_record_set (record, "lat", g_ascii_formatd (lat, sizeof lat, "%.6f", g_rand_double_range (rand, 30.0, 30.5)));
  ledger_record_set (record, "year", "2024");
  ledger_record_set (record, "stock", stock);
  ledger_record_set (record, "annual_output", output);
  ledger_record_set (record, "facilities_matched", i % 7 == 0 ? "0" : "1");
  ledger_record_set (record, "utilisation", "field");
  return record;
}

/* Adds @n farms spread over the ledger's villages, in one transaction. */
static inline void
ledger_test_add_farms (LedgerDb *db,
                       guint     n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = ledger_regions_list (db, "village", &error);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20251);

  g_assert_no_error (error);
  g_assert_cmpuint (villages->len, >, 0);
  g_assert_true (ledger_db_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      LedgerRegion *village = g_ptr_array_index (villages, i % villages->len);
      g_autoptr (LedgerRecord) record = ledger_test_new_farm (i, village->code, rand);

      if (!ledger_store_save (db, record, &error))
        g_error ("cannot save farm %u: %s", i, error->message);
    }
  g_assert_true (ledger_db_commit (db, &error));
}

/* Peak resident memory of this process in KiB (VmHWM), reset with
 * ledger_test_reset_peak_memory() where the kernel allows it. */
static inline guint64
ledger_test_peak_memory_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

static inline gboolean
ledger_test_reset_peak_memory (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (file == NULL)
    return FALSE;
  ok = fputs ("5", file) >= 0;
  return fclose (file) == 0 && ok;
}

G_END_DECLS
