/* test-template-ui.c: File → Download Import Template, as an officer uses it */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ledger-import.h"
#include "ledger-table.h"
#include "ledger-test-app.h"
#include "ledger-test-util.h"
#include "ledger-window.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;
static char *db_path;

static void
iterate (guint times)
{
  for (guint i = 0; i < times; i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkFileChooser *
find_chooser (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Runs the main loop until @path exists, 10 s at most (a button's clicked
 * arrives after a timeout). */
static gboolean
wait_for_file (const char *path)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!exists ((gpointer) path) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return exists ((gpointer) path);
}

/* The menu's farms item opens a save dialog named like the sheet; Save writes
 * the template, which then imports nothing. */
static void
test_download_farms_template (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "养殖场导入模板.xlsx", NULL);
  g_autoptr (GFile) target = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = NULL;
  g_autoptr (LedgerImportReport) report = NULL;
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.download-template", "s", "farms"));
  for (guint i = 0; i < 200 && (chooser = find_chooser ()) == NULL; i++)
    iterate (10);
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "养殖场 import template.xlsx");
  /* closing the dialog writes nothing; the file is chosen through the
   * window's API, as the dialog's Save does (a GTK file chooser cannot be
   * driven reliably under Xvfb) */
  gtk_window_close (GTK_WINDOW (chooser));
  iterate (50);
  g_assert_null (find_chooser ());
  g_assert_false (exists (path));
  g_assert_true (ledger_window_save_import_template (window, LEDGER_KIND_FARMS, target));
  g_assert_true (wait_for_file (path));
  table = ledger_table_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (table->sheet_name, ==, "养殖场");
  report = ledger_import_file (ledger_window_get_db (window), LEDGER_KIND_FARMS, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 0);
  g_assert_cmpuint (report->n_written, ==, 0);
}

/* A folder that cannot be written: the window says so, and writes nothing. */
static void
test_unwritable_folder (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "missing", "t.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_false (ledger_window_save_import_template (window, LEDGER_KIND_VILLAGES, file));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmp_dir = g_dir_make_tmp ("test-template-ui-XXXXXX", NULL);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);
  g_test_add_func ("/template-ui/download-farms", test_download_farms_template);
  g_test_add_func ("/template-ui/unwritable-folder", test_unwritable_folder);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  ledger_test_remove_dir (tmp_dir);
  return status;
}
