/* bench-import.c: importing big spreadsheets
 *
 * Usage: bench-import [farms [N]] | [villages [FILE.csv.xz]]
 *   farms:    writes a CSV of N generated farm rows (default 100,000) with
 *             farm-year columns, all in Lezhi's villages, and imports it into
 *             a new Lezhi ledger.
 *   villages: the national list of village-level units (../shared/data/
 *             divisions/villages.csv.xz, 620,573 rows) into a nation-scale
 *             ledger (ledger_regions_init_scope "all").
 * Without arguments runs both. Prints `bench-import: N rows, X s (limit Y s:
 * 5 × sqlite3 .import Z s); CPU X s (limit Y s)` per import (read, check
 * and write; not the making of the file), the peer timed in the same run on
 * the same file, wall and CPU (user + system: the machine is shared, and
 * CPU time is what a busy machine does not inflate); details on stderr.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/resource.h>

#include "ledger-import.h"
#include "ledger-regions.h"
#include "ledger-regions-scope.h"
#include "../ledger-test-util.h"
#include "ledger-store.h"

static const char *const species[] = { "生猪", "奶牛", "肉牛", "羊", "蛋鸡", "肉鸡", "其他家禽" };
static const char *const utilisation[] = { "还田", "沼气", "有机肥", "" };

static char *
write_farms_csv (const char *dir,
                 LedgerDb   *db,
                 guint       n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = ledger_regions_list (db, "village", &error);
  g_autoptr (GString) csv = g_string_new ("\xEF\xBB\xBF" "名称,经营主体,行政村代码,畜种,经度,纬度,统计年度,存栏,年出栏,"
                                          "粪污处理设施配套,粪污产生量(吨/年),粪污利用量(吨/年),利用方式\r\n");
  char *path = g_build_filename (dir, "farms.csv", NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      guint produced = 100 + i % 900;

      g_string_append_printf (csv, "乐至%u号养殖场,经营主体%u,%s,%s,%.5f,%.5f,2025,%u,%u,%s,%u,%u,%s\r\n",
                              i, i % 5000, ((LedgerRegion *) g_ptr_array_index (villages, i % villages->len))->code,
                              species[i % G_N_ELEMENTS (species)], 105.0 + (i % 300) * 0.001,
                              30.2 + (i % 200) * 0.001, 50 + i * 37 % 5000, i * 13 % 9000,
                              i % 3 ? "是" : "否", produced, produced * 9 / 10,
                              utilisation[i % G_N_ELEMENTS (utilisation)]);
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return path;
}

/* The dry run (read and check: the assistant's preview) on stderr. */
static void
timed_dry_run (LedgerDb   *db,
               LedgerKind  kind,
               const char *path,
               const char *what)
{
  g_autoptr (GError) error = NULL;
  LedgerImportOptions options = { .dry_run = TRUE };
  gint64 start = g_get_monotonic_time ();
  g_autoptr (LedgerImportReport) report = ledger_import_file (db, kind, path, &options, &error);

  g_assert_no_error (error);
  g_printerr ("bench-import: %s: dry run (read and check) %.2f s\n", what,
              (g_get_monotonic_time () - start) / 1e6);
}

/* user + system CPU seconds of this process, or of its waited-for children */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* The peer, from the same run: `sqlite3 .import` of the same file into a
 * plain table of a new database (no checks, no audit), wall seconds; its
 * CPU seconds in @cpu. NAN without sqlite3. */
static double
sqlite3_import_seconds (const char *csv,
                        double     *cpu)
{
  g_autofree char *dir = g_path_get_dirname (csv);
  g_autofree char *db = g_build_filename (dir, "peer.db", NULL);
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *script = g_strdup_printf (".mode csv\n.import '%s' plain\n", csv);
  g_autofree char *script_path = g_build_filename (dir, "peer.sql", NULL);
  g_autofree char *input = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", "\"$0\" \"$1\" < \"$2\"", NULL, NULL, NULL, NULL };
  int status = 0;
  gint64 start;
  double cpu_before;

  *cpu = NAN;
  if (sqlite3 == NULL)
    return NAN;
  g_assert_true (g_file_set_contents (script_path, script, -1, NULL));
  argv[3] = sqlite3;
  argv[4] = db;
  argv[5] = script_path;
  cpu_before = cpu_seconds (RUSAGE_CHILDREN);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3 .import: %s", error->message);
  *cpu = cpu_seconds (RUSAGE_CHILDREN) - cpu_before;
  return (g_get_monotonic_time () - start) / 1e6;
}

static LedgerImportReport *
timed_import (LedgerDb   *db,
              LedgerKind  kind,
              const char *path,
              const char *what)
{
  g_autoptr (GError) error = NULL;
  gint64 start;
  LedgerImportReport *report;
  double seconds, peer, cpu, peer_cpu;

  timed_dry_run (db, kind, path, what);
  cpu = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  report = ledger_import_file (db, kind, path, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds (RUSAGE_SELF) - cpu;

  g_assert_no_error (error);
  if (report->n_rejected > 0)
    g_error ("%s: %u rows rejected, first: %s", what, report->n_rejected,
             ((LedgerProblem *) g_ptr_array_index (report->problems, 0))->message);
  peer = sqlite3_import_seconds (path, &peer_cpu);
  printf ("bench-import: %u rows, %.2f s (limit %.2f s: 5 × sqlite3 .import %.2f s); CPU %.2f s (limit %.2f s)\n",
          report->n_rows, seconds, 5 * peer, peer, cpu, 5 * peer_cpu);
  g_printerr ("bench-import: %s: %u rows read, %u written, %u problems, %.2f s\n",
              what, report->n_rows, report->n_written, report->problems->len, seconds);
  return report;
}

static void
bench_farms (const char *dir,
             guint       n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = g_build_filename (dir, "farms.db", NULL);
  g_autoptr (LedgerDb) db = ledger_ledger_create (db_path, "512022", FALSE, &error);
  g_autofree char *csv = NULL;
  g_autoptr (LedgerImportReport) first = NULL;

  g_assert_no_error (error);
  csv = write_farms_csv (dir, db, n);
  first = timed_import (db, LEDGER_KIND_FARMS, csv, "farms");
  g_assert_cmpuint (ledger_store_count (db, LEDGER_KIND_FARMS), ==, n);
}

static char *
unpack_villages (const char *dir,
                 const char *xz)
{
  g_autofree char *quoted = g_shell_quote (xz);
  g_autofree char *command = g_strdup_printf ("xz -dc %s", quoted);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, "villages.csv", NULL);
  int status = 0;

  if (!g_spawn_command_line_sync (command, &contents, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", command, error->message);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
bench_villages (const char *dir,
                const char *xz)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = g_build_filename (dir, "nation.db", NULL);
  g_autofree char *csv = unpack_villages (dir, xz);
  g_autoptr (LedgerDb) db = ledger_db_open (db_path, LEDGER_DB_OPEN_CREATE, &error);
  g_autoptr (LedgerImportReport) report = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  if (!ledger_regions_init_scope (db, "all", &error))
    g_error ("nation-scale ledger: %s", error->message);
  g_printerr ("bench-import: nation-scale ledger made in %.2f s\n", (g_get_monotonic_time () - start) / 1e6);
  report = timed_import (db, LEDGER_KIND_VILLAGES, csv, "villages");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-import-XXXXXX", NULL);
  const char *what = argc > 1 ? argv[1] : "all";
  g_autofree char *xz = g_build_filename (SOURCE_ROOT, "..", "shared", "data", "divisions",
                                          "villages.csv.xz", NULL);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_str_equal (what, "farms") || g_str_equal (what, "all"))
    bench_farms (dir, argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 100000);
  if (g_str_equal (what, "villages") || g_str_equal (what, "all"))
    bench_villages (dir, argc > 2 ? argv[2] : xz);
  ledger_test_remove_dir (dir);
  return 0;
}
