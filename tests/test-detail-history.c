/* test-detail-history.c: the detail pane says which import changed an item (Xvfb) */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ledger-app-resources.h"
#include "ledger-db-private.h"
#include "ledger-detail-pane.h"
#include "ledger-import.h"
#include "ledger-store.h"
#include "ledger-test-util.h"

#define VILLAGE "512022101203"

static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static LedgerDb *
new_ledger (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  LedgerDb *db = ledger_db_open (path, LEDGER_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (ledger_db_exec (db,
    "INSERT INTO regions (code, name, kind, parent) VALUES ('512022', '乐至县', 'county', NULL),"
    " ('512022101', '中天镇', 'township', '512022'), ('" VILLAGE "', '试验村', 'village', '512022101')", &error));
  return db;
}

static void
import (LedgerDb *db, const char *text, const char *file_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerImportReport) report = ledger_import_text (db, LEDGER_KIND_FACILITIES, text, file_name, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->n_written, ==, 1);
}

static void
test_history_names_the_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-detail-history-XXXXXX", NULL);
  g_autoptr (LedgerDb) db = new_ledger (dir);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LedgerDetailPane *pane = LEDGER_DETAIL_PANE (ledger_detail_pane_new ());
  g_autoptr (GPtrArray) facilities = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after_edit = NULL;
  g_autofree char *subtitle = NULL;
  const char *edit;
  LedgerRecord *facility;

  import (db, "编号,名称,类型,行政村代码,运行状态\nF1,一号站,village_station," VILLAGE ",normal\n", "台账.csv");
  import (db, "编号,名称,类型,行政村代码,运行状态\nF1,一号站,village_station," VILLAGE ",stopped\n", "更新.csv");
  facilities = ledger_store_load (db, LEDGER_KIND_FACILITIES, NULL, NULL);
  facility = g_ptr_array_index (facilities, 0);

  gtk_window_set_child (window, GTK_WIDGET (pane));
  gtk_window_present (window);
  ledger_detail_pane_set_db (pane, db, 2025);
  ledger_detail_pane_show_item (pane, LEDGER_KIND_FACILITIES, facility->uid);
  settle ();
  text = ledger_detail_pane_dup_text (pane);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "imported from 更新.csv"));
  g_assert_nonnull (strstr (text, "imported from 台账.csv"));

  /* an edit by hand names no import */
  ledger_record_set (facility, "status", "faulty");
  g_assert_true (ledger_store_save (db, facility, NULL));
  ledger_detail_pane_show_item (pane, LEDGER_KIND_FACILITIES, facility->uid);
  settle ();
  after_edit = ledger_detail_pane_dup_text (pane);
  edit = strstr (after_edit, "Status: Stopped → Faulty\n");
  g_assert_nonnull (edit);
  subtitle = g_strndup (edit + strlen ("Status: Stopped → Faulty\n"),
                        strcspn (edit + strlen ("Status: Stopped → Faulty\n"), "\n"));
  g_assert_nonnull (strstr (subtitle, " · "));
  g_assert_null (strstr (subtitle, "imported from"));

  gtk_window_destroy (window);
  settle ();
  g_clear_object (&db);
  ledger_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_resources_register (ledger_app_get_resource ());
  g_test_add_func ("/detail-history/names-the-import", test_history_names_the_import);
  return g_test_run ();
}
