/* bench-export.c: the XLSX workbook of a ledger with N farms
 *
 *   bench-export [N]        (default 100000)
 *
 * Builds a Lezhi ledger with N generated farms (one year of figures each),
 * exports the workbook and prints
 *   bench-export: N rows, X s, peak Y MiB
 * where X is the export's wall time and Y the process's peak resident memory
 * during the export (VmHWM, reset before it where the kernel allows).
 * A benchmark, not a test: run it on purpose.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "ledger-export-xlsx.h"
#include "../ledger-test-farms.h"
#include "../ledger-test-util.h"

int
main (int argc, char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *xlsx_path = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_ledger_create (db_path, "512022", FALSE, &error);
  gint64 start;
  double seconds;
  gboolean reset;
  GStatBuf st;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  ledger_test_add_farms (db, n);
  g_printerr ("bench-export: generated %u farms in %.1f s\n", n, (g_get_monotonic_time () - start) / 1e6);

  reset = ledger_test_reset_peak_memory ();
  start = g_get_monotonic_time ();
  if (!ledger_export_xlsx (db, xlsx_path, 2025, NULL, NULL, NULL, NULL, &error))
    g_error ("export failed: %s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_stat (xlsx_path, &st);
  g_printerr ("bench-export: workbook of %.1f MiB%s\n", st.st_size / 1048576.0,
              reset ? "" : " (peak memory not reset: it includes the generation)");
  g_print ("bench-export: %u rows, %.2f s, peak %.1f MiB\n", n, seconds,
           ledger_test_peak_memory_kib () / 1024.0);
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
  return 0;
}
