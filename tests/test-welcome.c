/* test-welcome.c: the first start, the county picker and the demo badge
 *
 * Starts the application as a new user would (no --db, no ledger yet), then
 * goes through the welcome page: the demo in one click, the recent ledgers,
 * the county picker (search, keyboard choice, a ledger for a Xinjiang county
 * created in a worker thread), and importing a county outline. Needs a
 * display (Xvfb).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ledger-application.h"
#include "ledger-county-outline.h"
#include "ledger-county-picker.h"
#include "ledger-divisions.h"
#include "ledger-map-view.h"
#include "ledger-regions.h"
#include "ledger-settings.h"
#include "ledger-welcome-page.h"
#include "ledger-window.h"
#include "ledger-test-util.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType       type,
               const char *heading)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data) &&
        (heading == NULL || g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0))
      return l->data;
  return NULL;
}

static gboolean
has_db (gpointer data)
{
  LedgerDb *db = ledger_window_get_db (window);

  return db != NULL && (data == NULL || g_strcmp0 (ledger_db_get_path (db), data) == 0);
}

static gboolean
dialog_shown (gpointer heading)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, heading) != NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL;
}

static gboolean
picker_ready (gpointer picker)
{
  return ledger_county_picker_is_ready (picker);
}

static GtkWidget *
demo_badge (void)
{
  GtkWidget *badge = find_descendant (GTK_WIDGET (window), GTK_TYPE_BUTTON, "demo-badge");

  g_assert_nonnull (badge);
  return badge;
}

static LedgerWelcomePage *
welcome_page (void)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (window), LEDGER_TYPE_WELCOME_PAGE, NULL);

  g_assert_nonnull (page);
  return LEDGER_WELCOME_PAGE (page);
}

static LedgerCountyPicker *
open_picker (void)
{
  LedgerCountyPicker *picker;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-ledger", NULL);
  ledger_test_iterate (20);
  picker = LEDGER_COUNTY_PICKER (find_toplevel (LEDGER_TYPE_COUNTY_PICKER, NULL));
  g_assert_nonnull (picker);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (picker)) == GTK_WINDOW (window));
  g_assert_true (ledger_test_wait_for (picker_ready, picker, 10));
  return picker;
}

static void
close_dialog (const char *heading,
              const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, heading));

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ledger_test_iterate (20);
}

static void
test_first_start_shows_welcome (void)
{
  g_autofree char *silent_demo = g_build_filename (g_get_user_data_dir (), "sanitation-ledger", "ledger.db", NULL);
  LedgerWelcomePage *page = welcome_page ();

  g_assert_null (ledger_window_get_db (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_get_mapped (ledger_welcome_page_get_demo_button (page)));
  g_assert_cmpuint (ledger_welcome_page_get_n_recent (page), ==, 0);
  /* no ledger is made behind the user's back any more */
  g_assert_false (g_file_test (silent_demo, G_FILE_TEST_EXISTS));
  g_assert_false (gtk_widget_get_visible (demo_badge ()));
}

static void
test_demo_in_one_click (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sanitation-ledger", "lezhi-demo.db", NULL);
  LedgerMapView *map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  LedgerPointSet *points;

  gtk_widget_activate (ledger_welcome_page_get_demo_button (welcome_page ()));
  g_assert_true (ledger_test_wait_for (has_db, path, 10));
  ledger_test_iterate (100);
  points = ledger_point_layer_get_points (ledger_map_view_get_point_layer (map_view));
  g_assert_cmpuint (ledger_point_set_get_n (points), >, 50);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "乐至县"));
  g_assert_true (gtk_widget_get_visible (demo_badge ()));
  g_assert_nonnull (gtk_widget_get_tooltip_text (demo_badge ()));
}

static gboolean
map_empty (gpointer data)
{
  return ledger_point_set_get_n (ledger_point_layer_get_points (ledger_map_view_get_point_layer (
           LEDGER_MAP_VIEW (ledger_window_get_map_view (window))))) == 0;
}

static void
test_remove_demo_hides_badge (void)
{
  /* the badge is the way to the menu's "Remove Demo Data…" */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (demo_badge ())), ==, "win.remove-demo");
  gtk_widget_activate (demo_badge ());
  g_assert_true (ledger_test_wait_for (dialog_shown, "Remove the Demo Data?", 10));
  close_dialog ("Remove the Demo Data?", "remove");
  /* the map reloads when the change arrives; under load that takes a while */
  g_assert_true (ledger_test_wait_for (map_empty, NULL, 10));
  g_assert_false (gtk_widget_get_visible (demo_badge ()));
}

static void
test_recent_ledgers (void)
{
  g_autoptr (GSettings) settings = ledger_settings_new ();
  g_auto (GStrv) recent = g_settings_get_strv (settings, "recent-ledgers");
  g_autofree char *path = g_strdup (ledger_db_get_path (ledger_window_get_db (window)));

  g_assert_cmpstr (recent[0], ==, path);
  ledger_window_set_db (window, NULL);
  ledger_test_iterate (50);
  g_assert_cmpuint (ledger_welcome_page_get_n_recent (welcome_page ()), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", path);
  g_assert_true (has_db (path));
}

static void
test_picker_search (void)
{
  LedgerCountyPicker *picker = open_picker ();
  GtkWidget *entry = find_descendant (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  gint64 start;

  g_assert_null (ledger_county_picker_get_chosen_code (picker));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_root_get_focus (GTK_ROOT (picker)))));

  /* one match is chosen as it is typed */
  ledger_county_picker_set_search (picker, "乐至");
  g_assert_cmpstr (ledger_county_picker_get_chosen_code (picker), ==, "512022");

  /* several: Enter takes the first; Enter again goes on to where to save it */
  ledger_county_picker_set_search (picker, "5120");
  g_assert_cmpstr (ledger_county_picker_get_chosen_code (picker), ==, "512022");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (ledger_county_picker_get_chosen_code (picker), ==, "512002");
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
  g_signal_emit_by_name (entry, "activate");
  /* a button's activation shows it pressed for a moment before "clicked" */
  g_assert_true (ledger_test_wait_for (file_chooser_shown, NULL, 10));
  chooser = GTK_FILE_CHOOSER (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_prefix (name, "雁江区"));
  g_assert_true (g_str_has_suffix (name, ".db"));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  ledger_test_iterate (50);

  /* a figure, not an assertion: one keystroke with a full page of 100 results */
  start = g_get_monotonic_time ();
  ledger_county_picker_set_search (picker, "县");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (picker));
  g_test_message ("picker: search and show 100 results: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  /* nothing found: the choice stays */
  ledger_county_picker_set_search (picker, "不存在的县");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (ledger_county_picker_get_chosen_code (picker), ==, "512002");
  g_assert_false (ledger_county_picker_choose (picker, "999999"));
  g_assert_false (ledger_county_picker_choose (picker, "5120"));
  g_assert_cmpstr (ledger_county_picker_get_chosen_code (picker), ==, "512002");
  gtk_window_destroy (GTK_WINDOW (picker));
  ledger_test_iterate (20);
}

/* the row of the provinces column whose code label reads @code */
static GtkWidget *
province_row (GtkWidget  *list,
              const char *code)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), code) == 0)
        return row;
    }
  return NULL;
}

/* a whole province or the nation is a choice too (init --region 51 / all) */
static void
test_picker_province_and_nation (void)
{
  LedgerCountyPicker *picker = open_picker ();
  GtkWidget *provinces = find_descendant (GTK_WIDGET (picker), GTK_TYPE_LIST_BOX, "navigation-sidebar");
  GtkWidget *nation = gtk_widget_get_first_child (provinces);

  g_assert_true (province_row (provinces, "all") == nation);
  gtk_widget_activate (nation);
  g_assert_cmpstr (ledger_county_picker_get_chosen_code (picker), ==, "all");
  gtk_widget_activate (province_row (provinces, "51"));
  g_assert_cmpstr (ledger_county_picker_get_chosen_code (picker), ==, "51");
  /* a county chosen in it wins over the province */
  g_assert_true (ledger_county_picker_choose (picker, "512022"));
  g_assert_cmpstr (ledger_county_picker_get_chosen_code (picker), ==, "512022");
  gtk_window_destroy (GTK_WINDOW (picker));
  ledger_test_iterate (20);
}

static void
test_picker_refuses_open_ledger (void)
{
  LedgerCountyPicker *picker = open_picker ();
  LedgerDb *before = ledger_window_get_db (window);

  g_assert_true (ledger_county_picker_choose (picker, "110101"));
  ledger_county_picker_create_at (picker, ledger_db_get_path (before));
  g_assert_true (dialog_shown ("Cannot Create the Ledger"));
  close_dialog ("Cannot Create the Ledger", "close");
  g_assert_true (ledger_window_get_db (window) == before);
  gtk_window_destroy (GTK_WINDOW (picker));
  ledger_test_iterate (20);
}

static void
test_picker_bad_outline_writes_nothing (void)
{
  LedgerCountyPicker *picker = open_picker ();
  g_autofree char *outline = g_build_filename (tmp_dir, "point.geojson", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "dongcheng.db", NULL);
  LedgerDb *before = ledger_window_get_db (window);

  g_assert_true (g_file_set_contents (outline, "{\"type\":\"Point\",\"coordinates\":[116.4,39.9]}", -1, NULL));
  g_assert_true (ledger_county_picker_choose (picker, "110101"));
  ledger_county_picker_set_outline (picker, outline);
  ledger_county_picker_create_at (picker, path);
  g_assert_true (ledger_test_wait_for (dialog_shown, "Cannot Create the Ledger", 10));
  close_dialog ("Cannot Create the Ledger", "close");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (ledger_window_get_db (window) == before);
  gtk_window_destroy (GTK_WINDOW (picker));
  ledger_test_iterate (20);
}

static void
test_picker_creates_other_county (void)
{
  LedgerCountyPicker *picker = open_picker ();
  g_autofree char *path = g_build_filename (tmp_dir, "sub", "喀什市台账.db", NULL);
  g_autofree char *default_path = NULL;
  const LedgerDivision *kashgar = ledger_division_index_lookup (ledger_division_index_get (NULL), "653101");
  g_autoptr (GPtrArray) townships = NULL;

  ledger_county_picker_set_search (picker, "新疆 喀什");
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY, NULL), "activate");
  g_assert_cmpstr (ledger_county_picker_get_chosen_code (picker), ==, "653101");
  default_path = ledger_county_picker_dup_default_path (picker);
  g_assert_true (g_str_has_suffix (default_path, "喀什市台账.db") || g_str_has_suffix (default_path, "喀什市 Ledger.db"));

  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &picker);
  ledger_county_picker_create_at (picker, path);
  g_assert_true (ledger_test_wait_for (has_db, path, 10));
  ledger_test_iterate (50);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "喀什市"));
  townships = ledger_regions_list (ledger_window_get_db (window), "township", NULL);
  g_assert_cmpuint (townships->len, ==, kashgar->n_townships);
  g_assert_cmpuint (townships->len, >, 5);
  /* a new county has no demo data, and the map says how to place it */
  g_assert_false (gtk_widget_get_visible (demo_badge ()));
  g_assert_true (gtk_widget_get_visible (find_descendant (ledger_window_get_map_view (window), GTK_TYPE_BOX, "map-hint")));
  /* the picker closed itself */
  g_assert_true (picker == NULL || !gtk_widget_get_visible (GTK_WIDGET (picker)));
}

static void
test_import_outline (void)
{
  g_autofree char *square = g_build_filename (tmp_dir, "kashgar.geojson", NULL);
  g_autofree char *stored = NULL;
  ShumateLocation *location;

  g_assert_true (g_file_set_contents (square, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
                                      "\"coordinates\":[[[75.8,39.3],[76.1,39.3],[76.1,39.6],[75.8,39.6],[75.8,39.3]]]}}",
                                      -1, NULL));
  ledger_window_import_outline (window, square);
  ledger_test_iterate (50);
  stored = ledger_county_outline_dup_geojson (ledger_window_get_db (window));
  g_assert_nonnull (stored);
  g_assert_nonnull (strstr (stored, "75.8"));
  /* the map draws it, centred on it, and the hint goes */
  g_assert_false (gtk_widget_get_visible (find_descendant (ledger_window_get_map_view (window), GTK_TYPE_BOX, "map-hint")));
  location = SHUMATE_LOCATION (ledger_map_view_get_viewport (LEDGER_MAP_VIEW (ledger_window_get_map_view (window))));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (location), 75.95, 0.01);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (location), 39.45, 0.05);
}

static void
test_outline_mismatch_asks (void)
{
  g_autofree char *demo = g_build_filename (g_get_user_data_dir (), "sanitation-ledger", "lezhi-demo2.db", NULL);
  g_autofree char *far = g_build_filename (tmp_dir, "far.geojson", NULL);
  g_autofree char *outline = NULL;

  g_assert_true (ledger_window_create_ledger (window, demo, "512022", TRUE));
  g_assert_true (g_file_set_contents (far, "{\"type\":\"Polygon\",\"coordinates\":"
                                      "[[[80,40],[81,40],[81,41],[80,41],[80,40]]]}", -1, NULL));
  ledger_window_import_outline (window, far);
  g_assert_true (dialog_shown ("The Outline Does Not Fit the Townships"));
  close_dialog ("The Outline Does Not Fit the Townships", "cancel");
  /* still the shipped outline */
  outline = ledger_county_outline_dup_geojson (ledger_window_get_db (window));
  g_assert_null (strstr (outline, "[80,40]"));
  g_assert_null (strstr (outline, "80.0"));
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
start_app (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = ledger_settings_new ();

  g_settings_set_string (settings, "base-map", "none");
  app = ledger_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = LEDGER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (LEDGER_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  int status;

  /* a new user: empty data and config folders (before GLib caches them) */
  tmp_dir = g_dir_make_tmp ("test-welcome-XXXXXX", NULL);
  data_home = g_build_filename (tmp_dir, "data", NULL);
  config_home = g_build_filename (tmp_dir, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  start_app ();

  g_test_add_func ("/welcome/first-start", test_first_start_shows_welcome);
  g_test_add_func ("/welcome/demo-in-one-click", test_demo_in_one_click);
  g_test_add_func ("/welcome/remove-demo-hides-badge", test_remove_demo_hides_badge);
  g_test_add_func ("/welcome/recent-ledgers", test_recent_ledgers);
  g_test_add_func ("/welcome/picker-search", test_picker_search);
  g_test_add_func ("/welcome/picker-province-and-nation", test_picker_province_and_nation);
  g_test_add_func ("/welcome/picker-refuses-open-ledger", test_picker_refuses_open_ledger);
  g_test_add_func ("/welcome/picker-bad-outline-writes-nothing", test_picker_bad_outline_writes_nothing);
  g_test_add_func ("/welcome/picker-creates-other-county", test_picker_creates_other_county);
  g_test_add_func ("/welcome/import-outline", test_import_outline);
  g_test_add_func ("/welcome/outline-mismatch-asks", test_outline_mismatch_asks);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  remove_tree (tmp_dir);
  return status;
}
