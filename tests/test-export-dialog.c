/* test-export-dialog.c: the Export dialog of the real window (issue 4 item 2)
 *
 * Ctrl+E's action opens the dialog with the window's year and township; the
 * XLSX workbook (the default), a CSV of one kind and the GeoJSON points are
 * written in the background; a cancelled export and one into a folder that
 * does not exist leave no file; the failure is shown and the dialog stays.
 * Needs a display (Xvfb).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-test-app.h"
#include "ledger-application.h"
#include "ledger-export-dialog.h"
#include "ledger-table.h"
#include "ledger-i18n.h"
#include "ledger-regions.h"
#include "ledger-settings.h"
#include "ledger-test-util.h"
#include "ledger-window.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;
static char *out_dir;

typedef struct
{
  char     *path;     /* from "exported" */
  gboolean  destroyed;
} Outcome;

static void
on_exported (LedgerExportDialog *dialog,
             const char         *path,
             Outcome            *outcome)
{
  outcome->path = g_strdup (path);
}

static void
on_destroy (GtkWidget *dialog,
            Outcome   *outcome)
{
  outcome->destroyed = TRUE;
}

static gboolean
wait_for (gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return *flag;
}

static LedgerExportDialog *
find_export_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LEDGER_IS_EXPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      return l->data;
  return NULL;
}

/* With LEDGER_SCREENSHOT_DIR set, saves a PNG of @widget there: to look at. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("LEDGER_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;
  gtk_test_widget_wait_for_draw (widget);
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* opens the dialog as Ctrl+E does, and follows what comes out of it */
static LedgerExportDialog *
open_dialog (Outcome *outcome)
{
  LedgerExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), outcome);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), outcome);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_opens_with_the_window_settings (void)
{
  Outcome outcome = { 0 };
  LedgerExportDialog *dialog;

  ledger_window_set_year (window, 2020);
  dialog = open_dialog (&outcome);
  g_assert_cmpint (ledger_export_dialog_get_format (dialog), ==, LEDGER_EXPORT_FORMAT_XLSX);
  g_assert_cmpint (ledger_export_dialog_get_year (dialog), ==, 2020);
  g_assert_null (ledger_export_dialog_get_township (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  save_screenshot (GTK_WIDGET (dialog), "export-dialog.png");
  ledger_export_dialog_set_format (dialog, LEDGER_EXPORT_FORMAT_CSV);
  save_screenshot (GTK_WIDGET (dialog), "export-dialog-csv.png");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_for (&outcome.destroyed));
  g_assert_null (outcome.path);
  ledger_window_set_year (window, 2025);
}

static void
test_exports_workbook (void)
{
  g_autofree char *path = g_build_filename (out_dir, "台账.xlsx", NULL);
  g_autofree char *contents = NULL;
  Outcome outcome = { 0 };
  LedgerExportDialog *dialog = open_dialog (&outcome);

  ledger_export_dialog_export_to (dialog, path);
  g_assert_true (ledger_export_dialog_is_busy (dialog));
  save_screenshot (GTK_WIDGET (dialog), "export-dialog-progress.png");
  g_assert_true (wait_for (&outcome.destroyed));
  g_assert_cmpstr (outcome.path, ==, path);
  if (g_getenv ("LEDGER_SCREENSHOT_DIR") != NULL)
    {
      /* the toast slides in */
      gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;
      while (g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, FALSE);
      save_screenshot (GTK_WIDGET (window), "window-toast.png");
    }
  contents = read_file (path);
  g_assert_true (g_str_has_prefix (contents, "PK\3\4"));
  g_free (outcome.path);
}

static void
test_exports_csv_and_geojson (void)
{
  g_autofree char *csv_path = g_build_filename (out_dir, "farms.csv", NULL);
  g_autofree char *json_path = g_build_filename (out_dir, "points.geojson", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  Outcome outcome = { 0 };
  LedgerExportDialog *dialog = open_dialog (&outcome);

  ledger_export_dialog_set_format (dialog, LEDGER_EXPORT_FORMAT_CSV);
  ledger_export_dialog_set_kind (dialog, LEDGER_KIND_FARMS);
  ledger_export_dialog_export_to (dialog, csv_path);
  g_assert_true (wait_for (&outcome.destroyed));
  csv = read_file (csv_path);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF编号,名称,经营主体"));
  g_clear_pointer (&outcome.path, g_free);

  outcome.destroyed = FALSE;
  dialog = open_dialog (&outcome);
  ledger_export_dialog_set_format (dialog, LEDGER_EXPORT_FORMAT_GEOJSON);
  ledger_export_dialog_export_to (dialog, json_path);
  g_assert_true (wait_for (&outcome.destroyed));
  json = read_file (json_path);
  g_assert_nonnull (strstr (json, "\"FeatureCollection\""));
  g_assert_nonnull (strstr (json, "\"layer\":\"farms\""));
  g_free (outcome.path);
}

/* KML/KMZ for Google Earth and 奥维: a .kmz name gives a zip holding doc.kml */
static void
test_exports_kmz (void)
{
  g_autofree char *path = g_build_filename (out_dir, "养殖场.kmz", NULL);
  g_autoptr (LedgerTable) table = NULL;
  g_autoptr (GError) error = NULL;
  Outcome outcome = { 0 };
  LedgerExportDialog *dialog = open_dialog (&outcome);

  ledger_export_dialog_set_format (dialog, LEDGER_EXPORT_FORMAT_KML);
  save_screenshot (GTK_WIDGET (dialog), "export-dialog-kml.png");
  ledger_export_dialog_set_kind (dialog, LEDGER_KIND_FARMS);
  ledger_export_dialog_export_to (dialog, path);
  g_assert_true (wait_for (&outcome.destroyed));
  g_assert_cmpstr (outcome.path, ==, path);
  table = ledger_table_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (table->format, ==, LEDGER_TABLE_KML);
  g_assert_cmpstr (table->encoding, ==, "KMZ");
  g_assert_cmpuint (table->rows->len, >, 1);
  g_free (outcome.path);
}

static void
test_cancelled_writes_nothing (void)
{
  g_autofree char *path = g_build_filename (out_dir, "cancelled.xlsx", NULL);
  Outcome outcome = { 0 };
  LedgerExportDialog *dialog = open_dialog (&outcome);

  ledger_export_dialog_export_to (dialog, path);
  ledger_export_dialog_cancel (dialog);
  g_assert_true (wait_for (&outcome.destroyed));
  g_assert_null (outcome.path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_failure_is_shown (void)
{
  g_autofree char *path = g_build_filename (out_dir, "missing", "x.xlsx", NULL);
  Outcome outcome = { 0 };
  LedgerExportDialog *dialog = open_dialog (&outcome);
  AdwMessageDialog *message;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  ledger_export_dialog_export_to (dialog, path);
  while (ledger_export_dialog_is_busy (dialog) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (ledger_export_dialog_is_busy (dialog));
  g_assert_false (outcome.destroyed);
  g_assert_null (outcome.path);
  message = find_message_dialog ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "x.xlsx"));
  gtk_window_destroy (GTK_WINDOW (message));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_for (&outcome.destroyed));
}

/* ---- the toast's button: a stand-in file manager on the session bus ---- */

static const char file_manager_xml[] =
  "<node><interface name='org.freedesktop.FileManager1'>"
  "<method name='ShowItems'><arg type='as' direction='in'/><arg type='s' direction='in'/></method>"
  "</interface></node>";

static void
on_show_items_called (GDBusConnection       *bus,
                      const char            *sender,
                      const char            *object_path,
                      const char            *interface_name,
                      const char            *method_name,
                      GVariant              *parameters,
                      GDBusMethodInvocation *invocation,
                      gpointer               data)
{
  char **shown = data;
  g_autofree const char **uris = NULL;

  g_variant_get (parameters, "(^a&s&s)", &uris, NULL);
  *shown = g_strjoinv (" ", (char **) uris);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_name_acquired (GDBusConnection *bus,
                  const char      *name,
                  gpointer         data)
{
  *(gboolean *) data = TRUE;
}

static void
test_show_in_folder (void)
{
  static const GDBusInterfaceVTable vtable = { on_show_items_called, NULL, NULL, { 0 } };
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (file_manager_xml, NULL);
  g_autofree char *path = g_build_filename (out_dir, "台账.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *shown = NULL;
  gboolean owned = FALSE;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint registration, owner;

  if (bus == NULL)
    {
      g_test_skip ("no session bus (run under dbus-run-session)");
      return;
    }
  registration = g_dbus_connection_register_object (bus, "/org/freedesktop/FileManager1", info->interfaces[0],
                                                    &vtable, &shown, NULL, NULL);
  owner = g_bus_own_name_on_connection (bus, "org.freedesktop.FileManager1", G_BUS_NAME_OWNER_FLAGS_NONE,
                                        on_name_acquired, NULL, &owned, NULL);
  g_assert_true (wait_for (&owned));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-in-folder", "s", path));
  while (shown == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (shown, ==, uri);
  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
}

static void
open_app (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;

  tmp_dir = g_dir_make_tmp ("test-export-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  out_dir = g_build_filename (tmp_dir, "out", NULL);
  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init sets en_US; the tests run in C.UTF-8, screenshots may ask for zh_CN */
  ledger_i18n_init ();
  adw_init ();
  open_app ();

  g_test_add_func ("/export-dialog/opens-with-the-window-settings", test_opens_with_the_window_settings);
  g_test_add_func ("/export-dialog/workbook", test_exports_workbook);
  g_test_add_func ("/export-dialog/csv-and-geojson", test_exports_csv_and_geojson);
  g_test_add_func ("/export-dialog/kmz", test_exports_kmz);
  g_test_add_func ("/export-dialog/cancelled", test_cancelled_writes_nothing);
  g_test_add_func ("/export-dialog/failure-shown", test_failure_is_shown);
  g_test_add_func ("/export-dialog/show-in-folder", test_show_in_folder);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  ledger_test_remove_dir (out_dir);
  ledger_test_remove_dir (tmp_dir);
  return status;
}
