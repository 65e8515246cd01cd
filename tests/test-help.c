/* test-help.c: the help the window gives (issue 6)
 *
 * The keyboard-shortcuts window lists exactly the accelerators the program
 * sets (the application's, and those of the window's, list view's and
 * editor's shortcut controllers), so it cannot go stale; every icon-only
 * button of the window, detail pane, map, preferences and editor has a
 * tooltip and an accessible name. Needs a display (Xvfb).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "ledger-test-app.h"
#include "ledger-application.h"
#include "ledger-editor.h"
#include "ledger-map-view.h"
#include "ledger-preferences.h"
#include "ledger-regions.h"
#include "ledger-settings.h"
#include "ledger-store.h"
#include "ledger-test-util.h"
#include "ledger-window.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;

/* "<Primary>q" and "<Control>q" are the same key: compare canonical names */
static char *
canonical_accel (const char *accel)
{
  guint key = 0;
  GdkModifierType mods = 0;

  if (!gtk_accelerator_parse (accel, &key, &mods) || key == 0)
    return g_strdup_printf ("unparsable:%s", accel);
  return gtk_accelerator_name (key, mods);
}

static void
add_accel (GHashTable *set,
           const char *accel,
           const char *owner)
{
  g_hash_table_insert (set, canonical_accel (accel), g_strdup (owner));
}

static void
collect_application_accels (GHashTable *set)
{
  g_auto (GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        add_accel (set, accels[j], actions[i]);
    }
}

/* only the program's own actions: GTK's built-in bindings (Tab, the
 * inspector, …) are not ours to document */
static gboolean
is_own_action (const char *name)
{
  return g_str_has_prefix (name, "win.") || g_str_has_prefix (name, "app.")
         || g_str_has_prefix (name, "editor.") || g_str_has_prefix (name, "ledger-list.")
         || g_str_has_prefix (name, "map.") || g_str_has_prefix (name, "detail.")
         || g_str_has_prefix (name, "progress.");
}

static void
collect_controller_accels (GtkShortcutController *controller,
                           GHashTable            *set)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
      g_autofree char *trigger = NULL;

      if (!GTK_IS_NAMED_ACTION (action)
          || !is_own_action (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))))
        continue;
      trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
      add_accel (set, trigger, gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
    }
}

static void
collect_widget_accels (GtkWidget  *widget,
                       GHashTable *set)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        collect_controller_accels (GTK_SHORTCUT_CONTROLLER (controller), set);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widget_accels (child, set);
}

static void
collect_documented_accels (GtkWidget  *widget,
                           GHashTable *set)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_auto (GStrv) accels = NULL;

      g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
      accels = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        if (accels[i][0] != '\0')
          add_accel (set, accels[i], title);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_documented_accels (child, set);
}

static LedgerEditor *
open_editor (void)
{
  return ledger_editor_new (GTK_WINDOW (window), ledger_window_get_db (window), LEDGER_KIND_FARMS,
                            NULL, ledger_window_get_year (window));
}

static GHashTable *
new_accel_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
test_shortcuts_window_lists_every_accelerator (void)
{
  g_autoptr (GHashTable) used = new_accel_set ();
  g_autoptr (GHashTable) documented = new_accel_set ();
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/ruralsanitation/Ledger/ledger-shortcuts.ui");
  GtkWidget *shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "shortcuts"));
  LedgerEditor *editor = open_editor ();
  GHashTableIter iter;
  gpointer accel, owner;
  guint n_missing = 0, n_stale = 0;

  collect_application_accels (used);
  collect_widget_accels (GTK_WIDGET (window), used);
  collect_widget_accels (GTK_WIDGET (editor), used);
  collect_documented_accels (shortcuts, documented);
  g_assert_cmpuint (g_hash_table_size (used), >=, 10);

  g_hash_table_iter_init (&iter, used);
  while (g_hash_table_iter_next (&iter, &accel, &owner))
    if (!g_hash_table_contains (documented, accel))
      {
        g_test_message ("%s (%s) is missing from ledger-shortcuts.ui", (char *) accel, (char *) owner);
        n_missing++;
      }
  g_hash_table_iter_init (&iter, documented);
  while (g_hash_table_iter_next (&iter, &accel, &owner))
    if (!g_hash_table_contains (used, accel))
      {
        g_test_message ("ledger-shortcuts.ui lists %s (%s) but nothing uses it", (char *) accel, (char *) owner);
        n_stale++;
      }
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (shortcuts));
  g_assert_cmpuint (n_missing, ==, 0);
  g_assert_cmpuint (n_stale, ==, 0);
}

/* ---- icon-only buttons ---- */

static gboolean
child_is_only_an_image (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return GTK_IS_IMAGE (child) && gtk_widget_get_next_sibling (child) == NULL;
}

static gboolean
is_icon_only_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL;
  if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    return child_is_only_an_image (widget);
  return FALSE;
}

/* the button and its ancestors' types, to find it in the code */
static const char *
describe (GtkWidget *widget)
{
  g_autoptr (GString) path = g_string_new (NULL);
  const char *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : NULL;

  if (GTK_IS_MENU_BUTTON (widget))
    icon = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));
  g_string_append_printf (path, "%s (icon %s)", G_OBJECT_TYPE_NAME (widget), icon ? icon : "?");
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (!GTK_IS_BOX (w) && !GTK_IS_REVEALER (w))
      g_string_append_printf (path, " in %s", G_OBJECT_TYPE_NAME (w));
  return g_intern_string (path->str);
}

/* GTK's and libadwaita's own parts are labelled by them or are operated
 * otherwise (a spin button by its arrow keys, the window controls by the
 * window manager's keys) */
static gboolean
is_toolkit_part (GtkWidget *widget)
{
  return GTK_IS_SPIN_BUTTON (widget) || GTK_IS_WINDOW_CONTROLS (widget) || ADW_IS_ENTRY_ROW (widget);
}

static guint
check_icon_buttons (GtkWidget *widget)
{
  guint n_bad = 0;

  if (is_toolkit_part (widget))
    return 0;
  if (is_icon_only_button (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (tooltip == NULL || tooltip[0] == '\0')
        {
          g_test_message ("%s has no tooltip", describe (widget));
          n_bad++;
        }
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          g_test_message ("%s has no accessible name", describe (widget));
          n_bad++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_bad += check_icon_buttons (child);
  return n_bad;
}

static guint
count_icon_buttons (GtkWidget *widget)
{
  guint n = is_icon_only_button (widget) ? 1 : 0;

  if (is_toolkit_part (widget))
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_icon_buttons (child);
  return n;
}

static void
select_first_farm (void)
{
  LedgerMapView *map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  LedgerPointSet *points = ledger_point_layer_get_points (ledger_map_view_get_point_layer (map_view));

  for (guint i = 0; i < ledger_point_set_get_n (points); i++)
    {
      const LedgerPoint *point = ledger_point_set_get (points, i);

      if (point->kind == LEDGER_KIND_FARMS)
        {
          ledger_window_select_item (window, point->kind, point->uid);
          ledger_test_iterate (100);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_icon_buttons_are_named (void)
{
  GtkWindow *prefs = ledger_preferences_window_new (GTK_WINDOW (window), ledger_window_get_db (window));
  LedgerEditor *editor = open_editor ();
  GtkWidget *roots[] = { GTK_WIDGET (window), GTK_WIDGET (prefs), GTK_WIDGET (editor) };
  guint n_bad = 0, n_buttons = 0;

  select_first_farm ();
  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      n_buttons += count_icon_buttons (roots[i]);
      n_bad += check_icon_buttons (roots[i]);
    }
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (prefs);
  /* the header bar's menu, search and new-item buttons, the detail pane's, the map's zoom buttons */
  g_assert_cmpuint (n_buttons, >=, 6);
  g_assert_cmpuint (n_bad, ==, 0);
}

/* ---- keyboard: Tab reaches every control ---- */

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *icon_name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root)
      && (icon_name == NULL
          || (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
          || (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (root)), icon_name) == 0)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* presses Tab (up to 300 times) until the focus is in @target */
static gboolean
tab_reaches (GtkWidget *target)
{
  for (guint i = 0; i < 300; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target)))
        return TRUE;
    }
  return FALSE;
}

static void
assert_tab_reaches (GType       type,
                    const char *icon_name)
{
  GtkWidget *target = find_widget (GTK_WIDGET (window), type, icon_name);

  if (target == NULL)
    g_error ("no mapped %s%s%s in the window", g_type_name (type), icon_name ? " with icon " : "",
             icon_name ? icon_name : "");
  if (!tab_reaches (target))
    g_error ("Tab never reaches the %s%s%s", g_type_name (type), icon_name ? " with icon " : "",
             icon_name ? icon_name : "");
}

static void
test_keyboard_reaches_controls (void)
{
  ledger_window_set_view (window, "map");
  ledger_test_iterate (100);
  assert_tab_reaches (GTK_TYPE_DROP_DOWN, NULL);              /* township filter */
  assert_tab_reaches (GTK_TYPE_SPIN_BUTTON, NULL);            /* statistical year */
  assert_tab_reaches (ADW_TYPE_VIEW_SWITCHER, NULL);          /* map, ledger, progress */
  assert_tab_reaches (GTK_TYPE_MENU_BUTTON, "open-menu-symbolic");
  assert_tab_reaches (GTK_TYPE_BUTTON, "list-add-symbolic");  /* new item */
  assert_tab_reaches (GTK_TYPE_TOGGLE_BUTTON, "system-search-symbolic");
  assert_tab_reaches (GTK_TYPE_MENU_BUTTON, NULL);            /* the map's layers and legend */
  /* the map's zoom buttons */
  {
    GtkWidget *map = find_widget (GTK_WIDGET (window), SHUMATE_TYPE_SIMPLE_MAP, NULL);
    GtkWidget *zoom = map ? find_widget (map, GTK_TYPE_BUTTON, NULL) : NULL;

    g_assert_nonnull (zoom);
    g_assert_true (tab_reaches (zoom));
  }

  ledger_window_set_view (window, "ledger");
  ledger_test_iterate (200);
  assert_tab_reaches (GTK_TYPE_COLUMN_VIEW, NULL);            /* the list */
  ledger_window_set_view (window, "map");
  ledger_test_iterate (100);
}

/* the map's point layer tells a screen reader what it shows, and follows the filters */
static guint
count_points (LedgerPointSet *points,
              LedgerKind      kind)
{
  guint n = 0;

  for (guint i = 0; i < ledger_point_set_get_n (points); i++)
    n += ledger_point_set_get (points, i)->kind == kind;
  return n;
}

static void
assert_description_is_summary (LedgerPointLayer *layer)
{
  g_autofree char *summary = ledger_point_layer_dup_summary (layer);
  g_autofree char *mismatch =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (layer), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);

  g_assert_null (mismatch);
}

static void
test_map_points_are_described (void)
{
  LedgerMapView *map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (map_view);
  LedgerPointSet *points = ledger_point_layer_get_points (layer);
  g_autofree char *facilities = g_strdup_printf ("%u sewage facilities", count_points (points, LEDGER_KIND_FACILITIES));
  g_autofree char *farms = g_strdup_printf ("%u livestock farms", count_points (points, LEDGER_KIND_FARMS));
  g_autofree char *all = ledger_point_layer_dup_summary (layer);
  g_autofree char *without_farms = NULL;
  g_autofree char *nothing = NULL;

  g_assert_true (g_str_has_prefix (all, "Map: showing "));
  g_assert_nonnull (strstr (all, facilities));
  g_assert_nonnull (strstr (all, farms));
  assert_description_is_summary (layer);

  ledger_point_layer_set_kind_visible (layer, LEDGER_KIND_FARMS, FALSE);
  without_farms = ledger_point_layer_dup_summary (layer);
  g_assert_null (strstr (without_farms, "farm"));
  g_assert_nonnull (strstr (without_farms, facilities));
  assert_description_is_summary (layer);

  for (LedgerKind k = LEDGER_KIND_FACILITIES; k <= LEDGER_KIND_WATER_BODIES; k++)
    ledger_point_layer_set_kind_visible (layer, k, FALSE);
  nothing = ledger_point_layer_dup_summary (layer);
  g_assert_cmpstr (nothing, ==, "Map: no items shown");
  assert_description_is_summary (layer);
  for (LedgerKind k = LEDGER_KIND_FACILITIES; k <= LEDGER_KIND_WATER_BODIES; k++)
    ledger_point_layer_set_kind_visible (layer, k, TRUE);
}

static void
open_app (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;

  tmp_dir = g_dir_make_tmp ("test-help-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* the test AT context keeps the accessible properties where the test can read them */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  open_app ();

  g_test_add_func ("/help/shortcuts-window-lists-every-accelerator", test_shortcuts_window_lists_every_accelerator);
  g_test_add_func ("/help/icon-buttons-are-named", test_icon_buttons_are_named);
  g_test_add_func ("/help/keyboard-reaches-controls", test_keyboard_reaches_controls);
  g_test_add_func ("/help/map-points-are-described", test_map_points_are_described);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  ledger_test_remove_dir (tmp_dir);
  return status;
}
