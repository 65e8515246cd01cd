/* test-window-state.c: the window's state and the views that bind to it
 * (issue 17, item 5; docs/ARCHITECTURE.md, "The window's state")
 *
 * On a Lezhi demo ledger, in the real window: the window's "year",
 * "township", "selected-kind" and "selected-uid" properties are followed by
 * every view bound to them, from the property and from the header's widgets
 * as an officer uses them; a change of year reloads the map's points once
 * (they are the year's figures) and leaves the Inspections page alone (it
 * has no year); a change of township filters the points in place, without
 * reloading them. Needs a display (Xvfb).
 */
#include "config.h"

#include "ledger-test-app.h"
#include "ledger-test-util.h"
#include "ledger-detail-pane.h"
#include "ledger-item-list.h"
#include "ledger-list-view.h"
#include "ledger-map-view.h"
#include "ledger-progress-page.h"
#include "ledger-regions.h"

static LedgerApplication *app;
static LedgerWindow *window;

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
int_property (gpointer    object,
              const char *name)
{
  int value;

  g_object_get (object, name, &value, NULL);
  return value;
}

static char *
string_property (gpointer    object,
                 const char *name)
{
  char *value;

  g_object_get (object, name, &value, NULL);
  return value;
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static LedgerPointLayer *
point_layer (void)
{
  return ledger_map_view_get_point_layer (LEDGER_MAP_VIEW (ledger_window_get_map_view (window)));
}

/* the rows the Inspections page shows, as a GListModel its column view reads */
static GListModel *
inspections_model (void)
{
  GtkWidget *view = find_widget (ledger_window_get_inspections_page (window), GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (view);
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
}

/* the township at @index of the ledger's list, as the header's drop-down lists them */
static char *
dup_township_code (guint index)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) townships = ledger_regions_list_stored (ledger_window_get_db (window), "township", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (townships->len, >, index);
  return g_strdup (((LedgerRegion *) g_ptr_array_index (townships, index))->code);
}

static void
assert_views_year (int year)
{
  g_assert_cmpint (int_property (ledger_window_get_map_view (window), "year"), ==, year);
  g_assert_cmpint (int_property (ledger_window_get_list_view (window), "year"), ==, year);
  g_assert_cmpint (int_property (ledger_window_get_detail_pane (window), "year"), ==, year);
  g_assert_cmpint (int_property (ledger_window_get_progress_page (window), "year"), ==, year);
}

/* the year from the property and from the header's spin button, typed */
static void
test_year_followed (void)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON));
  int year = ledger_window_get_year (window);

  g_assert_nonnull (spin);
  assert_views_year (year);

  g_object_set (window, "year", year - 2, NULL);
  ledger_test_iterate (20);
  assert_views_year (year - 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, year - 2);

  /* typed, then what Enter or leaving the field does */
  gtk_editable_set_text (GTK_EDITABLE (spin), "2021");
  gtk_spin_button_update (spin);
  ledger_test_iterate (20);
  g_assert_cmpint (ledger_window_get_year (window), ==, 2021);
  assert_views_year (2021);

  g_object_set (window, "year", year, NULL);
  ledger_test_iterate (20);
  assert_views_year (year);
}

/* The points are the year's figures (farms' herds, samples): loaded once a
 * change of year. The Inspections page lists every inspection whatever the
 * year: not reloaded. A change of township reloads the page, and filters
 * the points without loading them again. */
static void
test_year_reloads_only_year_figures (void)
{
  g_autofree char *township = dup_township_code (1);
  int year = ledger_window_get_year (window);
  guint points_loaded = 0, inspections_changed = 0;
  gulong points_id, inspections_id;

  g_assert_cmpuint (g_list_model_get_n_items (inspections_model ()), >, 0);
  points_id = g_signal_connect_swapped (point_layer (), "notify::points", G_CALLBACK (count_cb), &points_loaded);
  inspections_id = g_signal_connect_swapped (inspections_model (), "items-changed", G_CALLBACK (count_cb),
                                             &inspections_changed);

  g_object_set (window, "year", year - 1, NULL);
  ledger_test_iterate (50);
  g_assert_cmpuint (points_loaded, ==, 1);
  g_assert_cmpuint (inspections_changed, ==, 0);

  g_object_set (window, "township", township, NULL);
  ledger_test_iterate (50);
  g_assert_cmpuint (points_loaded, ==, 1);
  g_assert_cmpuint (inspections_changed, ==, 1);

  g_object_set (window, "township", NULL, "year", year, NULL);
  ledger_test_iterate (50);
  g_assert_cmpuint (points_loaded, ==, 2);
  g_assert_cmpuint (inspections_changed, ==, 2);

  g_signal_handler_disconnect (point_layer (), points_id);
  g_signal_handler_disconnect (inspections_model (), inspections_id);
}

static void
assert_views_township (const char *code)
{
  g_autofree char *map = string_property (ledger_window_get_map_view (window), "township");
  g_autofree char *list = string_property (ledger_window_get_list_view (window), "township");
  g_autofree char *inspections = string_property (ledger_window_get_inspections_page (window), "township");

  g_assert_cmpstr (ledger_window_get_township (window), ==, code);
  g_assert_cmpstr (map, ==, code);
  g_assert_cmpstr (list, ==, code);
  g_assert_cmpstr (inspections, ==, code);
  g_assert_cmpstr (ledger_point_layer_get_township (point_layer ()), ==, code);
}

/* the township from the property and from the header's drop-down, chosen */
static void
test_township_followed (void)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN));
  LedgerListView *list = LEDGER_LIST_VIEW (ledger_window_get_list_view (window));
  g_autofree char *first = dup_township_code (0);
  g_autofree char *second = dup_township_code (1);
  guint all;

  g_assert_nonnull (dropdown);
  ledger_window_set_view (window, "ledger");
  ledger_list_view_select (list, LEDGER_KIND_FACILITIES, NULL);
  ledger_test_iterate (50);
  all = ledger_list_view_get_n_shown (list);
  assert_views_township (NULL);

  g_object_set (window, "township", second, NULL);
  ledger_test_iterate (50);
  assert_views_township (second);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);
  g_assert_cmpuint (ledger_list_view_get_n_shown (list), <, all);

  /* the officer picks the first township in the header */
  gtk_drop_down_set_selected (dropdown, 1);
  ledger_test_iterate (50);
  assert_views_township (first);

  /* a code the ledger does not have shows every township */
  g_object_set (window, "township", "999999999", NULL);
  ledger_test_iterate (50);
  assert_views_township (NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpuint (ledger_list_view_get_n_shown (list), ==, all);
}

static void
assert_views_selection (int         kind,
                        const char *uid)
{
  g_autofree char *map = string_property (ledger_window_get_map_view (window), "selected-uid");
  g_autofree char *list = string_property (ledger_window_get_list_view (window), "selected-uid");
  GtkWidget *pane = ledger_window_get_detail_pane (window);

  g_assert_cmpstr (ledger_window_get_selected_uid (window), ==, uid);
  g_assert_cmpint (int_property (window, "selected-kind"), ==, kind);
  g_assert_cmpstr (map, ==, uid);
  g_assert_cmpstr (list, ==, uid);
  g_assert_cmpstr (ledger_detail_pane_get_uid (LEDGER_DETAIL_PANE (pane)), ==, uid);
  if (uid != NULL)
    g_assert_cmpint (ledger_detail_pane_get_kind (LEDGER_DETAIL_PANE (pane)), ==, kind);
}

static const LedgerPoint *
demo_point (LedgerKind kind)
{
  LedgerPointSet *points = ledger_point_layer_get_points (point_layer ());

  for (guint i = 0; i < ledger_point_set_get_n (points); i++)
    if (ledger_point_set_get (points, i)->kind == kind)
      return ledger_point_set_get (points, i);
  g_assert_not_reached ();
}

/* a row chosen in the list is the window's selection, and the map's and the
 * pane's; the window's selection is the list's row */
static void
test_selection_followed (void)
{
  LedgerListView *list = LEDGER_LIST_VIEW (ledger_window_get_list_view (window));
  GtkWidget *view;
  GtkSelectionModel *model;
  g_autofree char *farm = g_strdup (demo_point (LEDGER_KIND_FARMS)->uid);
  g_autofree char *water = g_strdup (demo_point (LEDGER_KIND_WATER_BODIES)->uid);
  g_autofree char *row_uid = NULL;

  ledger_window_set_view (window, "ledger");
  ledger_list_view_select (list, LEDGER_KIND_FACILITIES, NULL);
  ledger_test_iterate (50);
  view = find_mapped (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (view);
  model = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  gtk_selection_model_select_item (model, 1, TRUE);
  ledger_test_iterate (50);
  row_uid = g_strdup (ledger_window_get_selected_uid (window));
  g_assert_nonnull (row_uid);
  g_assert_cmpstr (ledger_item_list_get_selected_uid (LEDGER_ITEM_LIST (model)), ==, row_uid);
  assert_views_selection (LEDGER_KIND_FACILITIES, row_uid);

  ledger_window_select_item (window, LEDGER_KIND_FARMS, farm);
  ledger_test_iterate (50);
  assert_views_selection (LEDGER_KIND_FARMS, farm);
  g_assert_cmpint (ledger_list_view_get_kind (list), ==, LEDGER_KIND_FARMS);

  ledger_window_select_item (window, LEDGER_KIND_WATER_BODIES, water);
  ledger_test_iterate (50);
  assert_views_selection (LEDGER_KIND_WATER_BODIES, water);

  g_object_set (window, "selected-uid", NULL, NULL);
  ledger_test_iterate (50);
  assert_views_selection (LEDGER_KIND_WATER_BODIES, NULL);
}

/* the Progress page from its template: Ctrl+P, global to the window, is its print action */
static void
test_progress_template_shortcut (void)
{
  GtkWidget *page = ledger_window_get_progress_page (window);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (page);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      g_assert_cmpint (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)), ==,
                       GTK_SHORTCUT_SCOPE_GLOBAL);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          found |= g_str_equal (trigger, "<Control>p") && g_str_equal (action, "action(progress.print)");
        }
    }
  g_assert_true (found);
  /* the page's title and table came from the template and are filled */
  ledger_window_set_view (window, "progress");
  ledger_test_iterate (100);
  g_assert_nonnull (find_mapped (page, GTK_TYPE_LIST_VIEW));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      GTK_LIST_VIEW (find_mapped (page, GTK_TYPE_LIST_VIEW))))), >, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *db_path = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmp_dir = g_dir_make_tmp ("test-window-state-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);

  g_test_add_func ("/window-state/year-followed", test_year_followed);
  g_test_add_func ("/window-state/year-reloads-only-year-figures", test_year_reloads_only_year_figures);
  g_test_add_func ("/window-state/township-followed", test_township_followed);
  g_test_add_func ("/window-state/selection-followed", test_selection_followed);
  g_test_add_func ("/window-state/progress-template-shortcut", test_progress_template_shortcut);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  ledger_test_remove_dir (tmp_dir);
  return status;
}
