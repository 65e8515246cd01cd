/* test-regions-page.c: Preferences → Townships and Villages, driven as a person would (issue 18)
 *
 * Ctrl+, opens Preferences; the page is chosen, the form filled by picking
 * in its combo rows and typing, Apply pressed; a county sheet is reviewed in
 * its dialog and applied with the dialog's button.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-progress.h"
#include "ledger-region-list.h"
#include "ledger-regions-page.h"
#include "ledger-test-app.h"
#include "ledger-test-util.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;
static char *db_path;

/* ---- finding and driving widgets ---- */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* picks the item of a combo row whose text starts with @prefix */
static void
pick (GtkWidget  *page,
      const char *row_name,
      const char *prefix)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_named (page, row_name));
  GListModel *model = adw_combo_row_get_model (row);

  g_assert_nonnull (model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      const char *text = gtk_string_list_get_string (GTK_STRING_LIST (model), i);
      if (g_str_has_prefix (text, prefix))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("no “%s” in %s", prefix, row_name);
}

static void
type_into (GtkWidget  *page,
           const char *row_name,
           const char *text)
{
  GtkWidget *row = find_named (page, row_name);

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static guint
n_changes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) changes = ledger_region_list_changes (ledger_window_get_db (window), &error);

  g_assert_no_error (error);
  return changes->len;
}

/* presses a button and waits for the ledger to record a change (or not) */
static void
press (GtkWidget *button,
       guint      n_expected)
{
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  while (n_changes () != n_expected && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  ledger_test_iterate (100);
  g_assert_cmpuint (n_changes (), ==, n_expected);
}

static GtkWidget *
open_regions_page (void)
{
  GtkWindow *prefs;
  GtkWidget *page;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ledger_test_iterate (300);
  prefs = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  page = find_named (GTK_WIDGET (prefs), "regions-page");
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (page));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  return page;
}

static double
shifo_villages (int year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) progress = ledger_progress_compute (ledger_window_get_db (window), year,
                                                                 "512022101", &error);

  g_assert_no_error (error);
  return ((LedgerScopeProgress *) g_ptr_array_index (progress->townships, 0))
           ->indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].denominator;
}

/* ---- tests ---- */

static void
test_rename_merge_and_refusal (void)
{
  GtkWidget *page = open_regions_page ();
  GtkWidget *apply = find_named (page, "regions-apply");
  GtkWindow *prefs = GTK_WINDOW (gtk_widget_get_root (page));

  /* rename 庆云庵村 from 2024-01-01 */
  pick (page, "regions-township", "石佛镇");
  pick (page, "regions-unit", "庆云庵村");
  pick (page, "regions-edit", "Rename");
  g_assert_true (gtk_widget_get_visible (find_named (page, "regions-name")));
  g_assert_false (gtk_widget_get_visible (find_named (page, "regions-into")));
  type_into (page, "regions-name", "庆云村");
  type_into (page, "regions-date", "2024-01-01");
  press (apply, 1);
  /* the unit list shows the new name */
  pick (page, "regions-unit", "庆云村");

  /* merge 磨盘村 into 高屋基村 from 2024-01-01: 16 villages in 2023, 15 in 2024 */
  pick (page, "regions-unit", "磨盘村");
  pick (page, "regions-edit", "Merge");
  g_assert_true (gtk_widget_get_visible (find_named (page, "regions-into")));
  pick (page, "regions-into", "高屋基村");
  press (apply, 2);
  g_assert_cmpfloat (shifo_villages (2023), ==, 16);
  g_assert_cmpfloat (shifo_villages (2024), ==, 15);

  /* a name already taken is refused: nothing changes */
  pick (page, "regions-unit", "高屋基村");
  pick (page, "regions-edit", "Rename");
  type_into (page, "regions-name", "庆云村");
  press (apply, 2);
  gtk_window_destroy (prefs);
  ledger_test_iterate (100);
}

static void
test_county_sheet_reviewed_then_applied (void)
{
  const char *sheet = g_getenv ("REGIONS_SHEET");
  GtkWidget *page;
  GtkWindow *dialog;
  GtkWidget *apply;
  GtkWindow *prefs;

  if (sheet == NULL)
    {
      g_test_skip ("REGIONS_SHEET not set");
      return;
    }
  page = open_regions_page ();
  prefs = GTK_WINDOW (gtk_widget_get_root (page));
  /* what the file chooser leads to: the review dialog, nothing written yet */
  ledger_regions_page_review_file (LEDGER_REGIONS_PAGE (page), sheet, FALSE);
  ledger_test_iterate (300);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "regions-review");
  /* the earlier test renamed and merged already: the sheet adds 石佛新村 only */
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "1 changes: 1 added, 0 renamed, 0 changed in kind, 0 merged, 0 split, 0 retired");
  g_assert_cmpuint (n_changes (), ==, 2);
  apply = find_button_labelled (GTK_WIDGET (dialog), "_Apply All");
  g_assert_nonnull (apply);
  press (apply, 3);
  gtk_window_destroy (prefs);
  ledger_test_iterate (100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmp_dir = g_dir_make_tmp ("test-regions-page-XXXXXX", NULL);
  db_path = g_build_filename (tmp_dir, "ledger.db", NULL);
  window = ledger_test_open_app (db_path, &app);

  g_test_add_func ("/regions-page/rename-merge-and-refusal", test_rename_merge_and_refusal);
  g_test_add_func ("/regions-page/county-sheet-reviewed-then-applied", test_county_sheet_reviewed_then_applied);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  ledger_test_remove_dir (tmp_dir);
  return status;
}
