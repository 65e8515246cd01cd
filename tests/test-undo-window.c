/* test-undo-window.c: Ctrl+Z and Ctrl+Shift+Z in the window, as an officer uses them
 *
 * Edits a facility through its editor form (typing into the field, the
 * editor's Save), presses the window's Ctrl+Z (the action its shortcut is
 * bound to), sees the value come back and the history say "Undo: …"; then
 * Ctrl+Shift+Z, and a delete from the detail pane undone the same way.
 * Needs a display (Xvfb).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-test-app.h"
#include "ledger-detail-pane.h"
#include "ledger-editor.h"
#include "ledger-list-data.h"
#include "ledger-rules.h"
#include "ledger-store.h"
#include "ledger-window.h"
#include "ledger-test-util.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;

static LedgerDb *
db (void)
{
  return ledger_window_get_db (window);
}

/* What pressing @keyval with @modifiers in the window does: the window's
 * shortcut for that key, activated as GTK would. FALSE when none matches. */
static gboolean
press_shortcut (guint           keyval,
                GdkModifierType modifiers)
{
  g_autoptr (GtkShortcutTrigger) pressed = gtk_keyval_trigger_new (keyval, modifiers);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), pressed))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (window), gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static LedgerEditor *
find_editor (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LEDGER_IS_EDITOR (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* every row title, subtitle and label under @widget, one a line */
static void
collect_titles (GtkWidget *widget,
                GString   *titles)
{
  if (ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (titles, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (titles, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)))
    g_string_append_printf (titles, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_titles (child, titles);
}

static char *
dup_pane_titles (void)
{
  GString *titles = g_string_new (NULL);

  collect_titles (ledger_window_get_detail_pane (window), titles);
  return g_string_free (titles, FALSE);
}

static char *
first_facility_uid (void)
{
  g_autoptr (GPtrArray) facilities = ledger_store_load (db (), LEDGER_KIND_FACILITIES, NULL, NULL);

  g_assert_cmpuint (facilities->len, >, 0);
  return g_strdup (((LedgerRecord *) g_ptr_array_index (facilities, 0))->uid);
}

static char *
stored_name (const char *uid)
{
  g_autoptr (LedgerRecord) record = ledger_store_get (db (), LEDGER_KIND_FACILITIES, uid, 0, NULL);

  return record ? g_strdup (ledger_record_get (record, "name")) : NULL;
}

static void
test_edit_then_ctrl_z (void)
{
  GtkWidget *pane = ledger_window_get_detail_pane (window);
  g_autofree char *uid = first_facility_uid ();
  g_autofree char *name = stored_name (uid);
  g_autofree char *expected = g_strdup_printf ("Undo: Edit “%s（新）”", name);
  g_autofree char *edited = g_strdup_printf ("%s（新）", name);
  g_autofree char *now = NULL;
  g_autofree char *titles = NULL;
  LedgerEditor *editor;
  GtkWidget *row;

  /* nothing done yet in this window: Ctrl+Z is disabled and changes nothing */
  g_assert_false (press_shortcut (GDK_KEY_z, GDK_CONTROL_MASK));
  ledger_test_iterate (20);
  now = stored_name (uid);
  g_assert_cmpstr (now, ==, name);

  ledger_window_set_view (window, "ledger");
  ledger_window_select_item (window, LEDGER_KIND_FACILITIES, uid);
  ledger_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (pane, "pane.edit", NULL));
  ledger_test_iterate (50);
  editor = find_editor ();
  g_assert_nonnull (editor);
  row = ledger_editor_get_field_row (editor, "name");
  gtk_editable_set_text (GTK_EDITABLE (row), edited);
  ledger_test_iterate (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  ledger_test_iterate (50);
  g_free (now);
  now = stored_name (uid);
  g_assert_cmpstr (now, ==, edited);

  /* Ctrl+Z: the name comes back, the history says what was undone */
  g_assert_true (press_shortcut (GDK_KEY_z, GDK_CONTROL_MASK));
  ledger_test_iterate (50);
  g_free (now);
  now = stored_name (uid);
  g_assert_cmpstr (now, ==, name);
  g_assert_cmpstr (ledger_detail_pane_get_uid (LEDGER_DETAIL_PANE (pane)), ==, uid);
  titles = dup_pane_titles ();
  g_assert_nonnull (strstr (titles, expected));

  /* Ctrl+Shift+Z: the edit again */
  g_assert_true (press_shortcut (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  ledger_test_iterate (50);
  g_free (now);
  now = stored_name (uid);
  g_assert_cmpstr (now, ==, edited);
  /* nothing more to redo: disabled */
  g_assert_false (press_shortcut (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  ledger_test_iterate (20);
  g_free (now);
  now = stored_name (uid);
  g_assert_cmpstr (now, ==, edited);
}

/* a delete from the pane, undone with Ctrl+Z: one entry each in the history */
static void
test_delete_then_ctrl_z (void)
{
  GtkWidget *pane = ledger_window_get_detail_pane (window);
  g_autofree char *uid = first_facility_uid ();
  g_autofree char *name = stored_name (uid);
  g_autofree char *deleted = g_strdup_printf ("Delete “%s”", name);
  g_autofree char *undone = g_strdup_printf ("Undo: Delete “%s”", name);
  g_autofree char *titles = NULL;
  g_autofree char *back = NULL;

  ledger_window_select_item (window, LEDGER_KIND_FACILITIES, uid);
  ledger_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (pane, "pane.delete", NULL));
  ledger_test_iterate (50);
  g_assert_null (stored_name (uid));
  g_assert_true (press_shortcut (GDK_KEY_z, GDK_CONTROL_MASK));
  ledger_test_iterate (50);
  back = stored_name (uid);
  g_assert_cmpstr (back, ==, name);
  titles = dup_pane_titles ();
  g_assert_nonnull (strstr (titles, deleted));
  g_assert_nonnull (strstr (titles, undone));
  /* the delete and its undo are one entry each, not a bare row per table */
  g_assert_null (strstr (titles, "\nDeleted\n"));
}

/* with a year before a body's completion, the list and the detail pane both
 * say it was in progress (one core rule, ledger_water_body_status_in_year) */
static void
test_year_rule_list_and_detail (void)
{
  g_autoptr (GPtrArray) bodies = ledger_store_load (db (), LEDGER_KIND_WATER_BODIES, NULL, NULL);
  g_autoptr (LedgerListData) list = NULL;
  LedgerRecord *done = NULL;
  g_autofree char *titles = NULL;
  int year;

  for (guint i = 0; i < bodies->len && done == NULL; i++)
    {
      LedgerRecord *body = g_ptr_array_index (bodies, i);
      if (g_strcmp0 (ledger_record_get (body, "status"), "completed") == 0 && ledger_record_get (body, "completed_on"))
        done = body;
    }
  g_assert_nonnull (done);
  year = (int) g_ascii_strtoll (ledger_record_get (done, "completed_on"), NULL, 10) - 1;

  ledger_window_set_year (window, year);
  ledger_window_select_item (window, LEDGER_KIND_WATER_BODIES, done->uid);
  ledger_test_iterate (50);
  titles = dup_pane_titles ();
  g_assert_nonnull (strstr (titles, "\nIn progress\n"));
  g_assert_null (strstr (titles, "\nCompleted\n"));

  list = ledger_list_data_load (db (), LEDGER_KIND_WATER_BODIES, year, NULL);
  for (guint r = 0; r < list->n_rows; r++)
    if (g_strcmp0 (ledger_list_data_get (list, r, LEDGER_LIST_UID), done->uid) == 0)
      g_assert_cmpstr (ledger_list_data_get (list, r, ledger_list_column (LEDGER_KIND_WATER_BODIES, "status")), ==, "in_progress");
  ledger_window_set_year (window, year + 1);
}

static GtkScrolledWindow *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scroller (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* scrolled down on one item, the next item shows from its title */
static void
test_detail_scroll_resets (void)
{
  g_autoptr (GPtrArray) facilities = ledger_store_load (db (), LEDGER_KIND_FACILITIES, NULL, NULL);
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;

  g_assert_cmpuint (facilities->len, >, 1);
  /* a laptop-sized window, so that an item's fields run below the fold */
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 500);
  ledger_window_select_item (window, LEDGER_KIND_FACILITIES, ((LedgerRecord *) facilities->pdata[0])->uid);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ledger_test_iterate (200);
  /* found again each time: while the pane's stack still fades from its empty
   * page, that page's scroller is mapped too and comes first */
  for (int i = 0; i < 100; i++)
    {
      scroller = find_scroller (ledger_window_get_detail_pane (window));
      g_assert_nonnull (scroller);
      adjustment = gtk_scrolled_window_get_vadjustment (scroller);
      if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment))
        break;
      ledger_test_iterate (30);
    }
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  /* the officer scrolls to the bottom of the pane */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  ledger_window_select_item (window, LEDGER_KIND_FACILITIES, ((LedgerRecord *) facilities->pdata[1])->uid);
  ledger_test_iterate (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

/* + on the villages tab opens no sewage-facility editor; on the farms tab a farm editor */
static void
test_plus_adds_the_tabs_kind (void)
{
  GtkWidget *list = ledger_window_get_list_view (window);
  LedgerEditor *editor;

  ledger_window_set_view (window, "ledger");
  g_assert_true (gtk_widget_activate_action (list, "ledger-list.show-kind", "i", (int) LEDGER_KIND_VILLAGES));
  ledger_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL));
  ledger_test_iterate (50);
  g_assert_null (find_editor ());

  g_assert_true (gtk_widget_activate_action (list, "ledger-list.show-kind", "i", (int) LEDGER_KIND_FARMS));
  ledger_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL));
  ledger_test_iterate (50);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_nonnull (ledger_editor_get_field_row (editor, "species"));
  gtk_window_destroy (GTK_WINDOW (editor));
  ledger_test_iterate (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmp_dir = g_dir_make_tmp ("test-undo-window-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);

  g_test_add_func ("/undo-window/edit-then-ctrl-z", test_edit_then_ctrl_z);
  g_test_add_func ("/undo-window/delete-then-ctrl-z", test_delete_then_ctrl_z);
  g_test_add_func ("/undo-window/year-rule-list-and-detail", test_year_rule_list_and_detail);
  g_test_add_func ("/undo-window/detail-scroll-resets", test_detail_scroll_resets);
  g_test_add_func ("/undo-window/plus-adds-the-tabs-kind", test_plus_adds_the_tabs_kind);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
