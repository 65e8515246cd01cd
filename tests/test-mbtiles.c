/* test-mbtiles.c: reading tiles from an MBTiles file (no display) */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ledger-error.h"
#include "ledger-db-private.h"
#include "ledger-mbtiles.h"

static const guint8 fake_png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };

/* a file with tile 3/5/2 in XYZ, stored at TMS row 2^3 - 1 - 2 = 5 */
static char *
make_mbtiles (gboolean with_metadata)
{
  g_autofree char *dir = g_dir_make_tmp ("test-mbtiles-XXXXXX", NULL);
  char *path = g_build_filename (dir, "map.mbtiles", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE metadata (name TEXT, value TEXT);"
                                 "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
                                 " tile_row INTEGER, tile_data BLOB);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  if (with_metadata)
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO metadata VALUES ('name', 'Lezhi'), ('minzoom', '2'),"
                                   " ('maxzoom', '14'), ('format', 'png');",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (3, 5, 5, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, fake_png, sizeof fake_png, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return path;
}

static void
remove_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_tms_flip (void)
{
  g_autofree char *path = make_mbtiles (TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerMbtiles) mbtiles = ledger_mbtiles_open (path, &error);
  g_autoptr (GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ledger_mbtiles_get_name (mbtiles), ==, "Lezhi");
  g_assert_cmpuint (ledger_mbtiles_get_min_zoom (mbtiles), ==, 2);
  g_assert_cmpuint (ledger_mbtiles_get_max_zoom (mbtiles), ==, 14);

  bytes = ledger_mbtiles_get_tile (mbtiles, 3, 5, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), fake_png, sizeof fake_png);

  /* the unflipped row is another tile, which the file does not have */
  g_assert_null (ledger_mbtiles_get_tile (mbtiles, 3, 5, 5, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (ledger_mbtiles_get_tile (mbtiles, 3, 8, 0, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  remove_file (path);
}

static void
test_zoom_from_tiles (void)
{
  g_autofree char *path = make_mbtiles (FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerMbtiles) mbtiles = ledger_mbtiles_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ledger_mbtiles_get_name (mbtiles), ==, "map.mbtiles");
  g_assert_cmpuint (ledger_mbtiles_get_min_zoom (mbtiles), ==, 3);
  g_assert_cmpuint (ledger_mbtiles_get_max_zoom (mbtiles), ==, 3);
  remove_file (path);
}

static void
test_not_mbtiles (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-mbtiles-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_null (ledger_mbtiles_open ("/nonexistent/map.mbtiles", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CANNOT_OPEN);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "not a database, just some text that is long enough", -1, NULL));
  g_assert_null (ledger_mbtiles_open (path, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CANNOT_OPEN);
  remove_file (path);
}

static gpointer
read_many (gpointer data)
{
  LedgerMbtiles *mbtiles = data;

  for (guint i = 0; i < 500; i++)
    {
      g_autoptr (GBytes) bytes = ledger_mbtiles_get_tile (mbtiles, 3, 5, 2, NULL);

      g_assert_nonnull (bytes);
    }
  return NULL;
}

static void
test_threads (void)
{
  g_autofree char *path = make_mbtiles (TRUE);
  g_autoptr (LedgerMbtiles) mbtiles = ledger_mbtiles_open (path, NULL);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_many, mbtiles);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  remove_file (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mbtiles/tms-flip", test_tms_flip);
  g_test_add_func ("/mbtiles/zoom-from-tiles", test_zoom_from_tiles);
  g_test_add_func ("/mbtiles/not-mbtiles", test_not_mbtiles);
  g_test_add_func ("/mbtiles/threads", test_threads);
  return g_test_run ();
}
