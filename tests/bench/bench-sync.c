/* bench-sync.c: an update package of N changed rows, sent by a township and
 * received by the county (issue 13), beside the limit: SQLite's own
 * sqlite3changeset_apply of the same changeset into the same county ledger,
 * with no ownership check, conflicts table or audit batch.
 *
 *   bench-sync [N_FARMS]   (default 5,000 farms = 10,000 rows: a farm and its year figures)
 * prints: bench-sync: N rows, send X s, receive Y s (limit: sqlite3changeset_apply Z s)
 * With LEDGER_BENCH_SERVER="<libpq conninfo of a superuser>" it also syncs the same
 * rows through that server (a scratch database: the schema is made there) and prints
 *   bench-sync: N rows via server, push X s, pull Y s (the county's pull includes its PostGIS mirror)
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-exchange.h"
#include "ledger-exchange-private.h"
#include "ledger-import.h"
#include "ledger-package.h"
#include "ledger-regions.h"
#include "ledger-server.h"
#include "../ledger-test-util.h"

static char *
farm_csv (guint n)
{
  GString *csv = g_string_new ("code,name,village_code,species,year,stock,annual_output,"
                               "facilities_matched,manure_produced_t,manure_utilised_t\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "B%u,猪场%u,512022101213,pig,2025,%u,%u,1,%u,%u\n",
                            i, i, 100 + i % 800, 200 + i % 1600, 1000 + i % 50, 900 + i % 50);
  return g_string_free (csv, FALSE);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
apply_all (void *ctx, int type, sqlite3_changeset_iter *iter)
{
  return SQLITE_CHANGESET_REPLACE;
}

static double
limit_apply (const char *county_copy,
             const char *package_path)
{
  g_autoptr (LedgerPackage) package = ledger_package_read_file (package_path, NULL);
  g_autoptr (LedgerDb) db = ledger_db_open (county_copy, LEDGER_DB_OPEN_DEFAULT, NULL);
  sqlite3 *handle = ledger_db_get_handle (db);
  gint64 start = g_get_monotonic_time ();

  ledger_db_set_applying (db, TRUE);
  sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  for (guint i = 0; i < package->entries->len; i++)
    {
      LedgerPackageEntry *entry = g_ptr_array_index (package->entries, i);
      gsize size;
      const void *data = g_bytes_get_data (entry->changeset, &size);
      sqlite3changeset_apply (handle, (int) size, (void *) data, NULL, apply_all, NULL);
    }
  sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  return seconds_since (start);
}

/* a township pushes the rows, the county pulls them: both through the server.
 * The township connects as the same superuser here: row-level security is
 * test-server.sh's business, the figure is the transport's. */
static void
via_server (const char *dir,
            const char *csv,
            const char *conninfo)
{
  g_autofree char *county_path = g_build_filename (dir, "server-county.db", NULL);
  g_autofree char *town_path = g_build_filename (dir, "server-town.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) county = ledger_ledger_create (county_path, "512022", FALSE, &error);
  g_autoptr (LedgerDb) town = NULL;
  g_autoptr (LedgerImportReport) report = NULL;
  LedgerImportOptions options = { 0 };
  LedgerSyncReport pushed, pulled;
  double push_s, pull_s;
  gint64 start;

  if (county == NULL || !ledger_exchange_share (county, "512022101", town_path, &error) ||
      !(town = ledger_db_open (town_path, LEDGER_DB_OPEN_DEFAULT, &error)) ||
      !ledger_server_init (county, conninfo, NULL, &error))
    g_error ("%s", error->message);
  report = ledger_import_text (town, LEDGER_KIND_FARMS, csv, "farms.csv", &options, &error);
  start = g_get_monotonic_time ();
  if (!ledger_server_sync (town, conninfo, NULL, &pushed, &error))
    g_error ("%s", error->message);
  push_s = seconds_since (start);
  start = g_get_monotonic_time ();
  if (!ledger_server_sync (county, conninfo, NULL, &pulled, &error))
    g_error ("%s", error->message);
  pull_s = seconds_since (start);
  g_print ("bench-sync: %u rows via server, push %.2f s, pull %.2f s (the pull includes the PostGIS mirror)\n",
           pulled.applied_rows, push_s, pull_s);
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5000;
  g_autofree char *dir = g_dir_make_tmp ("bench-sync-XXXXXX", NULL);
  g_autofree char *county_path = g_build_filename (dir, "county.db", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *town_path = g_build_filename (dir, "town.db", NULL);
  g_autofree char *package = g_build_filename (dir, "p.pkg", NULL);
  g_autofree char *csv = farm_csv (n);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) county = ledger_ledger_create (county_path, "512022", FALSE, &error);
  g_autoptr (LedgerDb) town = NULL;
  LedgerImportOptions options = { 0 };
  LedgerExchangeSummary sent = { 0 }, received = { 0 };
  g_autoptr (LedgerImportReport) report = NULL;
  double send_s, receive_s, limit_s;
  gint64 start;

  if (county == NULL || !ledger_exchange_share (county, "512022101", town_path, &error) ||
      !(town = ledger_db_open (town_path, LEDGER_DB_OPEN_DEFAULT, &error)))
    g_error ("%s", error->message);
  report = ledger_import_text (town, LEDGER_KIND_FARMS, csv, "farms.csv", &options, &error);
  if (report == NULL)
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  if (!ledger_exchange_send (town, NULL, package, &sent, &error))
    g_error ("%s", error->message);
  send_s = seconds_since (start);
  /* the limit runs on a copy of the county as it was before receiving */
  ledger_db_exec (county, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  {
    g_autofree char *bytes = NULL;
    gsize size;
    g_file_get_contents (county_path, &bytes, &size, NULL);
    g_file_set_contents (copy_path, bytes, size, NULL);
  }
  start = g_get_monotonic_time ();
  if (!ledger_exchange_receive (county, package, &received, &error))
    g_error ("%s", error->message);
  receive_s = seconds_since (start);
  limit_s = limit_apply (copy_path, package);
  g_print ("bench-sync: %u rows, send %.2f s, receive %.2f s (limit: sqlite3changeset_apply %.2f s)\n",
           received.n_changes, send_s, receive_s, limit_s);
  ledger_exchange_summary_clear (&sent);
  ledger_exchange_summary_clear (&received);
  if (g_getenv ("LEDGER_BENCH_SERVER") != NULL)
    via_server (dir, csv, g_getenv ("LEDGER_BENCH_SERVER"));
  else
    g_print ("bench-sync: via server skipped (set LEDGER_BENCH_SERVER to a PostgreSQL with PostGIS)\n");
  ledger_test_remove_dir (dir);
  return 0;
}
