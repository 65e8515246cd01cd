/* test-open-errors.c: ledgers the window cannot open (issue 15)
 *
 * A damaged, a 0-byte, a newer and a locked ledger, opened from the window
 * as a person opens a recent file (win.open-recent): each shows the dialog
 * that names its problem, and nothing changes — neither the file nor the
 * ledger the window shows.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ledger-db.h"
#include "ledger-test-app.h"
#include "ledger-test-util.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *dir;
static char *demo_path;

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static char *
copy_demo (const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GBytes) bytes = file_bytes (demo_path);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return path;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* Opens @path from the window; the dialog must carry @heading and @words,
 * and the file, its companions and the window's ledger stay as they were. */
static void
assert_refused (const char *path,
                const char *heading,
                const char *words)
{
  g_autoptr (GBytes) before = file_bytes (path);
  g_autoptr (GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  LedgerDb *shown = ledger_window_get_db (window);
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", path);
  iterate (20);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), words));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (20);

  g_assert_true (ledger_window_get_db (window) == shown);
  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS) == had_wal);
}

static void
test_damaged (void)
{
  g_autofree char *path = copy_demo ("damaged.db");
  g_autoptr (GBytes) good = file_bytes (path);
  gsize len = g_bytes_get_size (good);
  g_autofree guint8 *bytes = g_memdup2 (g_bytes_get_data (good, NULL), len);

  /* a page of the regions table in the middle of the file, scribbled over */
  memset (bytes + len / 2, 0xa5, 64);
  memset (bytes + len / 3, 0xa5, 64);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, len, NULL));
  assert_refused (path, "The Ledger Is Damaged", "backup");
}

static void
test_empty (void)
{
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  GStatBuf info;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused (path, "This Is Not a Ledger", "empty");
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, ==, 0);
}

static void
test_newer (void)
{
  g_autofree char *path = copy_demo ("newer.db");
  g_autofree char *bump = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                                           LEDGER_SCHEMA_VERSION + 1);

  raw_exec (path, bump);
  assert_refused (path, "The Ledger Is from a Newer Version", "newer version");
}

static void
test_locked (void)
{
  g_autofree char *path = copy_demo ("locked.db");
  sqlite3 *other = NULL;

  /* another program holds the file exclusively, in the middle of a change */
  raw_exec (path, "PRAGMA journal_mode = DELETE");
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                                        " UPDATE meta SET value = value WHERE key = 'region_code'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  assert_refused (path, "The Ledger Is in Use", "another program");
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dir = g_dir_make_tmp ("test-open-errors-XXXXXX", NULL);
  demo_path = g_build_filename (dir, "demo.db", NULL);
  window = ledger_test_open_app (demo_path, &app);

  g_test_add_func ("/open-errors/damaged", test_damaged);
  g_test_add_func ("/open-errors/empty", test_empty);
  g_test_add_func ("/open-errors/newer", test_newer);
  g_test_add_func ("/open-errors/locked", test_locked);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  ledger_test_remove_dir (dir);
  return status;
}
