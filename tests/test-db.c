/* test-db.c: opening, refusing and migrating ledger files; transactions; audit */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ledger-db.h"
#include "ledger-db-private.h"
#include "ledger-error.h"
#include "ledger-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("test-db-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "ledger.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
raw_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
test_create (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_clear_object (&db);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, LEDGER_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f->path, "PRAGMA application_id"), ==, LEDGER_APPLICATION_ID);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM targets"), ==, 4);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM scale_thresholds WHERE standard = 'mara2025'"), ==, 6);

  db = ledger_db_open (f->path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
}

static void
test_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (f->path, LEDGER_DB_OPEN_DEFAULT, &error);

  g_assert_null (db);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CANNOT_OPEN);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_newer_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  g_clear_object (&db);
  raw_exec (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  before = file_bytes (f->path);
  db = ledger_db_open (f->path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
  after = file_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_not_a_ledger (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  g_assert_true (g_file_set_contents (f->path, "code,name\n1,2\n", -1, NULL));
  db = ledger_db_open (f->path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_A_LEDGER);
  g_clear_error (&error);

  g_unlink (f->path);
  raw_exec (f->path, "CREATE TABLE other (x); INSERT INTO other VALUES (1)");
  before = file_bytes (f->path);
  db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_A_LEDGER);
  after = file_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_corrupt (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_clear_object (&db);
  raw_exec (f->path, "PRAGMA journal_mode = DELETE");
  /* scribble over the schema table on page 1, past the 100-byte header */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  memset (contents + 100, 0x5a, 3000);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));
  g_free (contents);
  before = file_bytes (f->path);

  db = ledger_db_open (f->path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_true (error->code == LEDGER_ERROR_DAMAGED || error->code == LEDGER_ERROR_NOT_A_LEDGER);
  after = file_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);

  g_clear_object (&db);
  db = ledger_db_open (f->path, LEDGER_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_db_is_read_only (db));
  g_assert_false (ledger_db_begin (db, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_READ_ONLY);
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (ledger_db_begin (db, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_BUSY);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_clear_error (&error);
  g_assert_true (ledger_db_begin (db, &error));
  ledger_db_rollback (db);
}

static void
on_changed (LedgerDb *db, int kind, const char *uid, GString *log)
{
  g_string_append_printf (log, "%d:%s;", kind, uid ? uid : "*");
}

static void
test_transactions_and_signal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);
  g_autoptr (GString) log = g_string_new (NULL);

  g_signal_connect (db, "changed", G_CALLBACK (on_changed), log);
  g_assert_true (ledger_db_begin (db, &error));
  g_assert_true (ledger_db_exec (db, "UPDATE rules SET value = '0.6' WHERE key = 'coverage_threshold'", &error));
  ledger_db_note_change (db, LEDGER_KIND_FARMS, "a");
  g_assert_true (ledger_db_begin (db, &error));   /* a savepoint */
  g_assert_true (ledger_db_exec (db, "UPDATE rules SET value = '0.9' WHERE key = 'coverage_threshold'", &error));
  ledger_db_rollback (db);                         /* only the inner change goes */
  g_assert_cmpstr (log->str, ==, "");
  g_assert_true (ledger_db_commit (db, &error));
  g_assert_cmpstr (log->str, ==, "2:a;");
  g_assert_cmpint (raw_int (f->path, "SELECT value * 10 FROM rules WHERE key = 'coverage_threshold'"), ==, 6);
}

static void
test_audit_trigger (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);

  ledger_db_set_actor (db, "张三");
  g_assert_true (ledger_db_exec (db, "UPDATE rules SET value = '0.6' WHERE key = 'coverage_threshold'", &error));
  g_assert_true (ledger_db_exec (db, "UPDATE rules SET value = '0.6' WHERE key = 'coverage_threshold'", &error));
  g_clear_object (&db);
  /* one row: the second update changed nothing */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE entity = 'rules' AND field = 'value'"
                                     " AND old_value = '0.5' AND new_value = '0.6' AND actor = '张三'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE entity = 'rules'"), ==, 1);
}

static void
test_external_change (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);
  g_autoptr (GString) log = g_string_new (NULL);

  g_signal_connect (db, "changed", G_CALLBACK (on_changed), log);
  g_assert_false (ledger_db_poll_external_change (db));
  {
    /* another process: the CLI or a second window on the same file */
    g_autoptr (LedgerDb) other = ledger_db_open (f->path, LEDGER_DB_OPEN_DEFAULT, &error);
    g_assert_true (ledger_db_exec (other, "UPDATE rules SET value = '0.7' WHERE key = 'coverage_threshold'", &error));
  }
  g_assert_true (ledger_db_poll_external_change (db));
  g_assert_cmpstr (log->str, ==, "-1:*;");
  g_assert_false (ledger_db_poll_external_change (db));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/db/create", test_create);
  ADD ("/db/missing", test_missing);
  ADD ("/db/newer-refused", test_newer_refused);
  ADD ("/db/not-a-ledger", test_not_a_ledger);
  ADD ("/db/corrupt", test_corrupt);
  ADD ("/db/read-only", test_read_only);
  ADD ("/db/locked", test_locked);
  ADD ("/db/transactions", test_transactions_and_signal);
  ADD ("/db/audit", test_audit_trigger);
  ADD ("/db/external-change", test_external_change);
  return g_test_run ();
}
