/* test-window.c: the real window on a demo ledger, driven as an officer would
 *
 * Opens the window through the application (as `sanitation-ledger --db FILE`
 * does), then: picks a farm on the map, searches, edits a farm's figures,
 * tries an invalid value, deletes and undoes. Needs a display (Xvfb).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "ledger-test-app.h"
#include "ledger-settings.h"
#include "ledger-application.h"
#include "ledger-detail-pane.h"
#include "ledger-editor.h"
#include "ledger-import-assistant.h"
#include "ledger-list-view.h"
#include "ledger-map-view.h"
#include "ledger-progress-page.h"
#include "ledger-regions.h"
#include "ledger-store.h"
#include "ledger-window.h"
#include "ledger-test-util.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;
static char *db_path;

static LedgerDb *
db (void)
{
  return ledger_window_get_db (window);
}

/* the first located point of @kind in the demo ledger */
static const LedgerPoint *
find_demo_point (LedgerKind kind)
{
  LedgerMapView *map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  LedgerPointSet *points = ledger_point_layer_get_points (ledger_map_view_get_point_layer (map_view));

  for (guint i = 0; i < ledger_point_set_get_n (points); i++)
    {
      const LedgerPoint *point = ledger_point_set_get (points, i);

      if (point->kind == kind)
        return point;
    }
  g_assert_not_reached ();
}

static void
test_window_opens (void)
{
  const char *title = gtk_window_get_title (GTK_WINDOW (window));

  g_assert_nonnull (db ());
  g_assert_cmpstr (ledger_db_get_path (db ()), ==, db_path);
  /* the county's name, then the program's */
  g_assert_true (g_str_has_prefix (title, "乐至县 — "));
}

static gboolean
pane_width_between (gpointer bounds)
{
  int width = gtk_widget_get_width (ledger_window_get_detail_pane (window));
  const int *range = bounds;

  return width >= range[0] && width <= range[1];
}

/* a third of the window, 260 to 380 px: at 1024 px the list keeps its last
 * columns; once the divider is dragged, resizing leaves it */
static void
test_detail_pane_width (void)
{
  const int narrow[] = { 270, 320 }, wide[] = { 370, 390 };
  GtkWidget *pane = ledger_window_get_detail_pane (window);
  GtkWidget *paned = gtk_widget_get_parent (pane);
  int dragged;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  g_assert_true (ledger_test_wait_for (pane_width_between, (gpointer) narrow, 5));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  g_assert_true (ledger_test_wait_for (pane_width_between, (gpointer) wide, 5));

  g_assert_true (GTK_IS_PANED (paned));
  gtk_paned_set_position (GTK_PANED (paned), gtk_paned_get_position (GTK_PANED (paned)) - 100);
  ledger_test_iterate (100);
  dragged = gtk_widget_get_width (pane);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  ledger_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (pane), ==, dragged);
}

static gboolean
detail_shows_uid (gpointer uid)
{
  LedgerDetailPane *pane = LEDGER_DETAIL_PANE (ledger_window_get_detail_pane (window));

  return g_strcmp0 (ledger_detail_pane_get_uid (pane), uid) == 0;
}

static void
test_map_click_selects (void)
{
  LedgerMapView *map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (map_view);
  ShumateViewport *viewport = ledger_map_view_get_viewport (map_view);
  const LedgerPoint *farm = find_demo_point (LEDGER_KIND_FARMS);
  g_autofree char *uid = g_strdup (farm->uid);
  g_autofree char *name = g_strdup (farm->name);
  g_autofree char *text = NULL;
  const LedgerPoint *picked;
  guint cluster_size = 0;
  double x = 0, y = 0;

  ledger_window_set_view (window, "map");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (map_view));
  ledger_test_iterate (100);
  /* close enough that the farm stands alone, centred */
  shumate_viewport_set_zoom_level (viewport, 17);
  shumate_map_center_on (ledger_map_view_get_map (map_view), farm->lat, farm->lon);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ledger_test_iterate (100);

  /* where the officer clicks: the farm's place in the layer's coordinates */
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer), farm->lat, farm->lon, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, >, 0);
  picked = ledger_point_layer_pick (layer, x, y, &cluster_size);
  g_assert_nonnull (picked);
  g_assert_cmpuint (cluster_size, <=, 1);
  g_assert_cmpstr (picked->uid, ==, uid);

  /* what the layer's click gesture does with the pick */
  g_signal_emit_by_name (layer, "point-activated", picked->uid);
  g_assert_true (ledger_test_wait_for (detail_shows_uid, uid, 5));
  text = ledger_detail_pane_dup_text (LEDGER_DETAIL_PANE (ledger_window_get_detail_pane (window)));
  g_assert_nonnull (strstr (text, name));
  g_assert_cmpstr (ledger_point_layer_get_selected_uid (layer), ==, uid);
  g_assert_cmpint (ledger_list_view_get_kind (LEDGER_LIST_VIEW (ledger_window_get_list_view (window))), ==,
                   LEDGER_KIND_FARMS);
}

static GtkDropDown *
find_first_drop_down (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_first_drop_down (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* the detail pane follows the township filter: of all townships, only the
 * farm's own keeps it on show */
static void
test_detail_follows_township (void)
{
  LedgerMapView *map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (map_view);
  g_autofree char *uid = g_strdup (find_demo_point (LEDGER_KIND_FARMS)->uid);
  GtkDropDown *townships = find_first_drop_down (GTK_WIDGET (window));
  guint n_kept = 0, n;

  g_assert_nonnull (townships);
  n = g_list_model_get_n_items (gtk_drop_down_get_model (townships));
  g_assert_cmpuint (n, >, 3);
  for (guint i = 1; i < n; i++)
    {
      gtk_drop_down_set_selected (townships, 0);
      ledger_test_iterate (20);
      g_signal_emit_by_name (layer, "point-activated", uid);
      g_assert_true (ledger_test_wait_for (detail_shows_uid, uid, 5));
      gtk_drop_down_set_selected (townships, i);
      ledger_test_iterate (20);
      n_kept += detail_shows_uid (uid);
    }
  gtk_drop_down_set_selected (townships, 0);
  g_assert_cmpuint (n_kept, ==, 1);
}

static void
test_search_filters_list (void)
{
  LedgerListView *list = LEDGER_LIST_VIEW (ledger_window_get_list_view (window));
  guint total;

  ledger_list_view_select (list, LEDGER_KIND_FARMS, NULL);
  ledger_window_set_search (window, "");
  ledger_test_iterate (50);
  total = ledger_list_view_get_n_total (list);
  g_assert_cmpuint (total, >, 1);
  g_assert_cmpuint (ledger_list_view_get_n_shown (list), ==, total);

  /* part of a demo farm's name (四川圣美园农牧有限公司生猪养殖场) */
  ledger_window_set_search (window, "圣美园");
  ledger_test_iterate (50);
  g_assert_cmpuint (ledger_list_view_get_n_shown (list), >=, 1);
  g_assert_cmpuint (ledger_list_view_get_n_shown (list), <, total);

  ledger_window_set_search (window, "no such farm anywhere");
  ledger_test_iterate (50);
  g_assert_cmpuint (ledger_list_view_get_n_shown (list), ==, 0);

  ledger_window_set_search (window, "");
  ledger_test_iterate (50);
  g_assert_cmpuint (ledger_list_view_get_n_shown (list), ==, total);
}

static const char *
manure_rate (void)
{
  LedgerProgressPage *page = LEDGER_PROGRESS_PAGE (ledger_window_get_progress_page (window));

  return ledger_progress_page_get_rate_text (page, LEDGER_INDICATOR_MANURE_UTILISATION);
}

static gboolean
manure_rate_differs (gpointer before)
{
  return g_strcmp0 (manure_rate (), before) != 0;
}

static void
set_field (LedgerEditor *editor,
           const char   *key,
           const char   *text)
{
  GtkWidget *row = ledger_editor_get_field_row (editor, key);

  g_assert_true (GTK_IS_EDITABLE (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_edit_farm_updates_progress (void)
{
  const LedgerPoint *farm = find_demo_point (LEDGER_KIND_FARMS);
  int year = ledger_window_get_year (window);
  g_autofree char *uid = g_strdup (farm->uid);
  g_autofree char *before = NULL;
  g_autoptr (LedgerRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  LedgerEditor *editor;
  double produced;
  char utilised[G_ASCII_DTOSTR_BUF_SIZE];

  ledger_window_set_view (window, "progress");
  ledger_test_iterate (50);
  before = g_strdup (manure_rate ());
  g_assert_nonnull (strstr (before, "%"));

  record = ledger_store_get (db (), LEDGER_KIND_FARMS, uid, year, &error);
  g_assert_no_error (error);
  produced = ledger_record_get_double (record, "manure_produced_t", NAN);
  g_assert_false (isnan (produced));

  /* the farm now uses a tenth of its manure */
  editor = ledger_editor_new (GTK_WINDOW (window), db (), LEDGER_KIND_FARMS, uid, year);
  gtk_window_present (GTK_WINDOW (editor));
  g_ascii_formatd (utilised, sizeof utilised, "%.1f", produced / 10);
  set_field (editor, "manure_utilised_t", utilised);
  g_assert_true (ledger_editor_save (editor, &error));
  g_assert_no_error (error);

  g_assert_true (ledger_test_wait_for (manure_rate_differs, before, 5));
}

/* another program (a second connection) changes the ledger: the window's
 * poll notices within its 2 s period and every view reloads */
static void
test_external_change_refreshes (void)
{
  const LedgerPoint *farm = find_demo_point (LEDGER_KIND_FARMS);
  int year = ledger_window_get_year (window);
  g_autofree char *uid = g_strdup (farm->uid);
  g_autofree char *before = g_strdup (manure_rate ());
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) other = ledger_db_open (db_path, LEDGER_DB_OPEN_DEFAULT, &error);
  g_autoptr (LedgerRecord) record = NULL;

  g_assert_no_error (error);
  record = ledger_store_get (other, LEDGER_KIND_FARMS, uid, year, &error);
  g_assert_no_error (error);
  ledger_record_set (record, "manure_utilised_t", ledger_record_get (record, "manure_produced_t"));
  g_assert_true (ledger_store_save (other, record, &error));
  g_assert_no_error (error);

  g_assert_true (ledger_test_wait_for (manure_rate_differs, before, 5));
}

static void
test_invalid_value_not_saved (void)
{
  const LedgerPoint *farm = find_demo_point (LEDGER_KIND_FARMS);
  int year = ledger_window_get_year (window);
  g_autofree char *uid = g_strdup (farm->uid);
  g_autoptr (LedgerRecord) before = ledger_store_get (db (), LEDGER_KIND_FARMS, uid, year, NULL);
  g_autoptr (LedgerRecord) after = NULL;
  g_autoptr (GError) error = NULL;
  LedgerEditor *editor;

  g_assert_nonnull (before);
  editor = ledger_editor_new (GTK_WINDOW (window), db (), LEDGER_KIND_FARMS, uid, year);
  gtk_window_present (GTK_WINDOW (editor));

  /* not a number: said at the field, not saved */
  set_field (editor, "stock", "many");
  ledger_test_iterate (20);
  g_assert_nonnull (ledger_editor_get_field_message (editor, "stock"));
  g_assert_false (ledger_editor_save (editor, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* utilised more than produced: rejected by the same rule as import */
  set_field (editor, "stock", ledger_record_get (before, "stock") ? ledger_record_get (before, "stock") : "");
  set_field (editor, "manure_produced_t", "100");
  set_field (editor, "manure_utilised_t", "250");
  ledger_test_iterate (20);
  g_assert_false (ledger_editor_save (editor, &error));
  g_assert_nonnull (error);

  after = ledger_store_get (db (), LEDGER_KIND_FARMS, uid, year, NULL);
  g_assert_true (ledger_record_equal (before, after));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* a water body that has samples, so that Undo must bring them back too */
static char *
dup_sampled_water_body (guint *n_samples)
{
  g_autoptr (GPtrArray) bodies = ledger_store_load (db (), LEDGER_KIND_WATER_BODIES, NULL, NULL);

  g_assert_nonnull (bodies);
  for (guint i = 0; i < bodies->len; i++)
    {
      LedgerRecord *body = g_ptr_array_index (bodies, i);
      g_autoptr (GPtrArray) samples = ledger_store_load_for_subject (db (), LEDGER_KIND_SAMPLES, body->uid, NULL);

      if (samples != NULL && samples->len > 0)
        {
          *n_samples = samples->len;
          return g_strdup (body->uid);
        }
    }
  g_assert_not_reached ();
}

static void
test_delete_and_undo (void)
{
  LedgerDetailPane *pane = LEDGER_DETAIL_PANE (ledger_window_get_detail_pane (window));
  guint n_samples = 0;
  g_autofree char *uid = dup_sampled_water_body (&n_samples);
  g_autoptr (LedgerRecord) before = ledger_store_get (db (), LEDGER_KIND_WATER_BODIES, uid, 0, NULL);
  g_autoptr (LedgerRecord) gone = NULL;
  g_autoptr (LedgerRecord) back = NULL;
  g_autoptr (GPtrArray) samples = NULL;

  ledger_window_set_view (window, "ledger");
  ledger_window_select_item (window, LEDGER_KIND_WATER_BODIES, uid);
  ledger_test_iterate (50);

  /* what the pane's Delete button asks of the window */
  g_signal_emit_by_name (pane, "delete-requested", (int) LEDGER_KIND_WATER_BODIES, uid);
  ledger_test_iterate (50);
  gone = ledger_store_get (db (), LEDGER_KIND_WATER_BODIES, uid, 0, NULL);
  g_assert_null (gone);

  /* the toast's Undo button */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
  ledger_test_iterate (50);
  back = ledger_store_get (db (), LEDGER_KIND_WATER_BODIES, uid, 0, NULL);
  g_assert_nonnull (back);
  g_assert_true (ledger_record_equal (before, back));
  samples = ledger_store_load_for_subject (db (), LEDGER_KIND_SAMPLES, uid, NULL);
  g_assert_cmpuint (samples->len, ==, n_samples);
  g_assert_false (ledger_window_undo_last_delete (window));
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

/* dragging a point asks first; Cancel leaves it, Move saves it */
static void
test_move_point_asks (void)
{
  LedgerMapView *map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (map_view);
  const LedgerPoint *point = find_demo_point (LEDGER_KIND_FACILITIES);
  g_autofree char *uid = g_strdup (point->uid);
  double lon = point->lon, lat = point->lat;
  g_autoptr (LedgerRecord) kept = NULL;
  g_autoptr (LedgerRecord) moved = NULL;
  AdwMessageDialog *dialog;

  g_signal_emit_by_name (layer, "point-moved", uid, lon + 0.01, lat + 0.01);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ledger_test_iterate (50);
  kept = ledger_store_get (db (), LEDGER_KIND_FACILITIES, uid, 0, NULL);
  g_assert_cmpfloat_with_epsilon (ledger_record_get_double (kept, "lon", NAN), lon, 1e-6);

  g_signal_emit_by_name (layer, "point-moved", uid, lon + 0.01, lat + 0.01);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ledger_test_iterate (50);
  moved = ledger_store_get (db (), LEDGER_KIND_FACILITIES, uid, 0, NULL);
  g_assert_cmpfloat_with_epsilon (ledger_record_get_double (moved, "lon", NAN), lon + 0.01, 1e-6);
  g_assert_cmpfloat_with_epsilon (ledger_record_get_double (moved, "lat", NAN), lat + 0.01, 1e-6);
  g_assert_nonnull (ledger_point_set_find (ledger_point_layer_get_points (layer), uid));
  g_assert_cmpfloat_with_epsilon (ledger_point_set_find (ledger_point_layer_get_points (layer), uid)->lon,
                                  lon + 0.01, 1e-6);
}

/* "Add here" opens the editor of the chosen kind at that place */
static void
test_add_here_opens_editor (void)
{
  LedgerMapView *map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (map_view);
  g_autoptr (GList) toplevels = NULL;
  LedgerEditor *editor = NULL;
  GtkWidget *lon_row;

  ledger_window_set_view (window, "map");
  ledger_test_iterate (50);
  g_signal_emit_by_name (layer, "add-here", 105.01, 30.28);
  gtk_widget_activate_action (GTK_WIDGET (map_view), "map.add-here", "i", (int) LEDGER_KIND_FARMS);
  ledger_test_iterate (50);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LEDGER_IS_EDITOR (l->data) && gtk_widget_get_visible (l->data))
      editor = l->data;
  g_assert_nonnull (editor);
  lon_row = ledger_editor_get_field_row (editor, "lon");
  g_assert_true (GTK_IS_EDITABLE (lon_row));
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (lon_row)), "105.01"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* the app's dialogs build from their templates and open over the window */
static guint n_facilities_before;

static gboolean
facilities_grew (gpointer list)
{
  return ledger_list_view_get_n_total (list) > n_facilities_before;
}

static gboolean
assistant_on_page (LedgerImportAssistant *assistant,
                   const char            *page)
{
  return !ledger_import_assistant_is_busy (assistant) &&
         g_strcmp0 (ledger_import_assistant_get_page (assistant), page) == 0;
}

static gboolean
assistant_on_mapping (gpointer assistant)
{
  return assistant_on_page (assistant, "mapping");
}

static gboolean
assistant_on_check (gpointer assistant)
{
  return assistant_on_page (assistant, "check");
}

/* the one import path: the window opens the assistant on a file (as a drop does) */
static LedgerImportAssistant *
check_in_assistant (const char *csv)
{
  LedgerImportAssistant *assistant = LEDGER_IMPORT_ASSISTANT (ledger_window_open_import_assistant (window, csv));

  g_assert_true (ledger_test_wait_for (assistant_on_mapping, assistant, 10));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (assistant_on_check, assistant, 30));
  return assistant;
}

static void
test_import_in_background (void)
{
  LedgerListView *list = LEDGER_LIST_VIEW (ledger_window_get_list_view (window));
  g_autofree char *csv = g_build_filename (tmp_dir, "facilities.csv", NULL);
  const char *text =
    "\xef\xbb\xbf名称,类型,行政村代码,运行状态\r\n"
    "导入测试站一,村级集中处理站,512022102204,正常运行\r\n"
    "导入测试站二,village_station,512022102204,faulty\r\n";
  LedgerImportAssistant *assistant;

  g_assert_true (g_file_set_contents (csv, text, -1, NULL));
  ledger_window_set_search (window, "");
  ledger_list_view_select (list, LEDGER_KIND_FACILITIES, NULL);
  ledger_test_iterate (50);
  n_facilities_before = ledger_list_view_get_n_total (list);
  assistant = check_in_assistant (csv);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.import-all", NULL);
  /* the window stays responsive; the list follows once the thread is done */
  g_assert_true (ledger_test_wait_for (facilities_grew, list, 30));
  g_assert_cmpuint (ledger_list_view_get_n_total (list), ==, n_facilities_before + 2);
}

static gboolean
facilities_back (gpointer list)
{
  return ledger_list_view_get_n_total (list) == n_facilities_before;
}

/* the import just made is one undo step: Ctrl+Z takes both rows out, Ctrl+Shift+Z puts them back */
static void
test_import_undo_redo (void)
{
  LedgerListView *list = LEDGER_LIST_VIEW (ledger_window_get_list_view (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (ledger_test_wait_for (facilities_back, list, 10));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (ledger_test_wait_for (facilities_grew, list, 10));
  g_assert_cmpuint (ledger_list_view_get_n_total (list), ==, n_facilities_before + 2);
}

static void
test_import_rejected_writes_nothing (void)
{
  LedgerListView *list = LEDGER_LIST_VIEW (ledger_window_get_list_view (window));
  g_autofree char *csv = g_build_filename (tmp_dir, "bad-facilities.csv", NULL);
  const char *text =
    "名称,类型,行政村代码,运行状态\n"
    "好站,村级集中处理站,512022102204,正常运行\n"
    "坏站,村级集中处理站,512022999999,正常运行\n";
  LedgerImportAssistant *assistant;
  guint before;

  g_assert_true (g_file_set_contents (csv, text, -1, NULL));
  ledger_list_view_select (list, LEDGER_KIND_FACILITIES, NULL);
  ledger_test_iterate (50);
  before = ledger_list_view_get_n_total (list);
  assistant = check_in_assistant (csv);
  g_assert_cmpuint (ledger_import_assistant_get_preview (assistant)->n_rejected, ==, 1);
  /* all or nothing: with a rejected row, importing all stays on the check */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.import-all", NULL);
  ledger_test_iterate (200);
  g_assert_cmpstr (ledger_import_assistant_get_page (assistant), ==, "check");
  gtk_window_destroy (GTK_WINDOW (assistant));
  ledger_test_iterate (100);
  g_assert_cmpuint (ledger_list_view_get_n_total (list), ==, before);
  g_assert_cmpuint (ledger_store_count (db (), LEDGER_KIND_FACILITIES), ==, before);
}

static void
test_app_dialogs_open (void)
{
  const char *actions[] = { "preferences", "shortcuts", "about" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWindow *dialog = NULL;
      g_autoptr (GList) toplevels = NULL;

      g_action_group_activate_action (G_ACTION_GROUP (app), actions[i], NULL);
      ledger_test_iterate (50);
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (l->data != (gpointer) window && gtk_widget_get_visible (l->data)
            && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
          dialog = l->data;
      g_assert_nonnull (dialog);
      gtk_window_destroy (dialog);
      ledger_test_iterate (20);
    }
}

static void
test_bad_file_keeps_window (void)
{
  g_autofree char *bogus = g_build_filename (tmp_dir, "not-a-ledger.db", NULL);

  g_file_set_contents (bogus, "this is not SQLite", -1, NULL);
  g_assert_false (ledger_window_open_path (window, bogus, FALSE));
  /* the ledger that was open stays open */
  g_assert_cmpstr (ledger_db_get_path (db ()), ==, db_path);
  g_assert_false (ledger_window_open_path (window, "/nonexistent/ledger.db", FALSE));
  g_assert_cmpstr (ledger_db_get_path (db ()), ==, db_path);
  ledger_test_iterate (50);
}

static void
open_app (void)
{
  g_autoptr (GError) error = NULL;

  tmp_dir = g_dir_make_tmp ("test-window-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  open_app ();

  g_test_add_func ("/window/opens-the-ledger", test_window_opens);
  g_test_add_func ("/window/map-click-selects", test_map_click_selects);
  g_test_add_func ("/window/detail-follows-township", test_detail_follows_township);
  g_test_add_func ("/window/search-filters-list", test_search_filters_list);
  g_test_add_func ("/window/edit-farm-updates-progress", test_edit_farm_updates_progress);
  g_test_add_func ("/window/external-change-refreshes", test_external_change_refreshes);
  g_test_add_func ("/window/invalid-value-not-saved", test_invalid_value_not_saved);
  g_test_add_func ("/window/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/window/move-point-asks", test_move_point_asks);
  g_test_add_func ("/window/add-here-opens-editor", test_add_here_opens_editor);
  g_test_add_func ("/window/import-in-background", test_import_in_background);
  g_test_add_func ("/window/import-undo-redo", test_import_undo_redo);
  g_test_add_func ("/window/import-rejected-writes-nothing", test_import_rejected_writes_nothing);
  g_test_add_func ("/window/app-dialogs-open", test_app_dialogs_open);
  g_test_add_func ("/window/bad-file-keeps-window", test_bad_file_keeps_window);
  g_test_add_func ("/window/detail-pane-width", test_detail_pane_width);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
