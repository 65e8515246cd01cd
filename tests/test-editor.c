/* test-editor.c: the editor's validation as the user types, and the detail pane
 *
 * On a demo ledger: edits a farm's figures through the form's rows, refuses
 * invalid input without writing, converts GCJ-02 coordinates, and checks that
 * the detail pane shows the figures, follows edits and deletes a sample
 * through its confirmation dialog. Needs a display (Xvfb).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ledger-app-resources.h"
#include "ledger-coords.h"
#include "ledger-detail-pane.h"
#include "ledger-editor.h"
#include "ledger-error.h"
#include "ledger-regions.h"
#include "ledger-rules.h"
#include "ledger-store.h"

#define FARM_CODE "L512022102204-1"
#define WATER_CODE "W512022111209-1"
#define YEAR 2025

static LedgerDb *db;
static char *tmp_dir;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  do
    g_main_context_iteration (NULL, FALSE);
  while (g_get_monotonic_time () < end);
}

static char *
uid_of (LedgerKind  kind,
        const char *code)
{
  g_autoptr (GPtrArray) records = ledger_store_load (db, kind, NULL, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      LedgerRecord *record = g_ptr_array_index (records, i);
      if (g_strcmp0 (ledger_record_get (record, "code"), code) == 0)
        return g_strdup (record->uid);
    }
  g_assert_not_reached ();
}

static void
set_field (LedgerEditor *editor,
           const char   *key,
           const char   *text)
{
  GtkWidget *row = ledger_editor_get_field_row (editor, key);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
save_button_sensitive (LedgerEditor *editor)
{
  GtkWidget *button = find_actionable (GTK_WIDGET (editor), "editor.save");

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static AdwMessageDialog *find_message_dialog (void);

static LedgerEditor *
open_farm_editor (const char *uid)
{
  LedgerEditor *editor = ledger_editor_new (NULL, db, LEDGER_KIND_FARMS, uid, YEAR);

  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate (50);
  return editor;
}

static gboolean
history_has (const char *uid,
             const char *field,
             const char *new_value)
{
  g_autoptr (GPtrArray) entries = ledger_store_history (db, uid, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      LedgerAuditEntry *entry = g_ptr_array_index (entries, i);
      if (g_strcmp0 (entry->field, field) == 0 && g_strcmp0 (entry->new_value, new_value) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
on_saved_cb (LedgerEditor *editor,
             int           kind,
             const char   *uid,
             guint        *count)
{
  g_assert_cmpint (kind, ==, LEDGER_KIND_FARMS);
  g_assert_nonnull (uid);
  (*count)++;
}

static void
test_editor_farm_figures (void)
{
  g_autofree char *uid = uid_of (LEDGER_KIND_FARMS, FARM_CODE);
  g_autoptr (LedgerEditor) editor = open_farm_editor (uid);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) stored = NULL;
  guint saved = 0;

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), &saved);
  g_assert_false (ledger_editor_is_modified (editor));
  set_field (editor, "stock", "6000");
  set_field (editor, "manure_produced_t", "12000");
  set_field (editor, "manure_utilised_t", "11500.5");
  g_assert_true (ledger_editor_is_modified (editor));
  g_assert_true (ledger_editor_get_can_save (editor));
  g_assert_true (save_button_sensitive (editor));
  g_assert_true (ledger_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (saved, ==, 1);

  stored = ledger_store_get (db, LEDGER_KIND_FARMS, uid, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ledger_record_get (stored, "year"), ==, "2025");
  g_assert_cmpstr (ledger_record_get (stored, "stock"), ==, "6000");
  g_assert_cmpstr (ledger_record_get (stored, "manure_utilised_t"), ==, "11500.5");
  g_assert_true (history_has (uid, "stock", "6000"));
  g_assert_true (history_has (uid, "manure_utilised_t", "11500.5"));
}

/* Save in a year without figures: asked, and only a "Record" answer writes a
 * year row; the form's carried figures are never copied silently */
static void
save_in_new_year (const char *uid,
                  const char *name,
                  const char *answer)
{
  g_autoptr (LedgerEditor) editor = ledger_editor_new (NULL, db, LEDGER_KIND_FARMS, uid, YEAR + 1);
  AdwMessageDialog *dialog;

  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate (50);
  set_field (editor, "name", name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate (50);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Record 2026 Figures?");
  adw_message_dialog_response (dialog, answer);
  iterate (50);
}

static void
test_editor_farm_new_year (void)
{
  g_autofree char *uid = uid_of (LEDGER_KIND_FARMS, FARM_CODE);
  g_autoptr (LedgerRecord) stored = NULL;
  g_autoptr (GError) error = NULL;

  save_in_new_year (uid, "新年度养殖场", "farm");
  stored = ledger_store_get (db, LEDGER_KIND_FARMS, uid, YEAR + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ledger_record_get (stored, "name"), ==, "新年度养殖场");
  g_assert_cmpstr (ledger_record_get (stored, "year"), ==, "2025");
  g_clear_pointer (&stored, ledger_record_free);

  save_in_new_year (uid, "新年度养殖场二", "record");
  stored = ledger_store_get (db, LEDGER_KIND_FARMS, uid, YEAR + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ledger_record_get (stored, "name"), ==, "新年度养殖场二");
  g_assert_cmpstr (ledger_record_get (stored, "year"), ==, "2026");
}

static void
test_editor_invalid (void)
{
  g_autofree char *uid = uid_of (LEDGER_KIND_FARMS, FARM_CODE);
  g_autoptr (LedgerEditor) editor = open_farm_editor (uid);
  g_autoptr (LedgerRecord) before = ledger_store_get (db, LEDGER_KIND_FARMS, uid, YEAR, NULL);
  g_autoptr (LedgerRecord) after = NULL;
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (ledger_editor_get_can_save (editor));
  set_field (editor, "stock", "abc");
  g_assert_false (ledger_editor_get_can_save (editor));
  g_assert_false (save_button_sensitive (editor));
  g_assert_nonnull (ledger_editor_get_field_message (editor, "stock"));
  g_assert_true (gtk_widget_has_css_class (ledger_editor_get_field_row (editor, "stock"), "error"));
  g_assert_false (ledger_editor_save (editor, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);

  /* valid again, then utilised > produced: refused by the same check as import */
  set_field (editor, "stock", "6100");
  g_assert_true (ledger_editor_get_can_save (editor));
  g_assert_null (ledger_editor_get_field_message (editor, "stock"));
  set_field (editor, "manure_produced_t", "100");
  set_field (editor, "manure_utilised_t", "200");
  g_assert_false (ledger_editor_get_can_save (editor));
  g_assert_false (save_button_sensitive (editor));
  g_assert_nonnull (ledger_editor_get_field_message (editor, "manure_utilised_t"));
  g_assert_false (ledger_editor_save (editor, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);

  after = ledger_store_get (db, LEDGER_KIND_FARMS, uid, YEAR, NULL);
  g_assert_true (ledger_record_equal (before, after));
  g_assert_true (ledger_editor_is_modified (editor));

  /* Escape asks before discarding: Keep Editing keeps the form, Discard closes it */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
}

/* another process changes the farm while the form is open: the save is
 * refused, nothing is overwritten, and the form keeps the user's input */
static void
test_editor_conflict (void)
{
  g_autofree char *uid = uid_of (LEDGER_KIND_FARMS, FARM_CODE);
  g_autoptr (LedgerEditor) editor = open_farm_editor (uid);
  g_autoptr (LedgerRecord) other = ledger_store_get (db, LEDGER_KIND_FARMS, uid, YEAR, NULL);
  g_autoptr (LedgerRecord) after = NULL;
  g_autoptr (GError) error = NULL;

  ledger_record_set (other, "annual_output", "13000");
  g_assert_true (ledger_store_save (db, other, NULL));
  set_field (editor, "annual_output", "14000");
  g_assert_false (ledger_editor_save (editor, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  after = ledger_store_get (db, LEDGER_KIND_FARMS, uid, YEAR, NULL);
  g_assert_cmpstr (ledger_record_get (after, "annual_output"), ==, "13000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ledger_editor_get_field_row (editor, "annual_output"))), ==, "14000");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* a read-only file: the Save button's error shows in the window, which stays */
static void
test_editor_read_only (void)
{
  g_autofree char *uid = uid_of (LEDGER_KIND_FARMS, FARM_CODE);
  g_autoptr (LedgerDb) ro = ledger_db_open (ledger_db_get_path (db), LEDGER_DB_OPEN_READ_ONLY, NULL);
  g_autoptr (LedgerEditor) editor = NULL;

  g_assert_nonnull (ro);
  editor = g_object_ref_sink (ledger_editor_new (NULL, ro, LEDGER_KIND_FARMS, uid, YEAR));
  gtk_window_present (GTK_WINDOW (editor));
  set_field (editor, "stock", "6500");
  g_assert_true (ledger_editor_get_can_save (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ledger_editor_get_field_row (editor, "stock"))), ==, "6500");
  g_assert_true (ledger_editor_is_modified (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
select_village (LedgerEditor *editor,
                const char   *code)
{
  GtkWidget *row = ledger_editor_get_field_row (editor, "village_code");
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autofree char *suffix = g_strdup_printf ("(%s)", code);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_suffix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), suffix))
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_assert_not_reached ();
}

static void
test_editor_new_facility_gcj02 (void)
{
  g_autoptr (LedgerEditor) editor = g_object_ref_sink (ledger_editor_new (NULL, db, LEDGER_KIND_FACILITIES, NULL, YEAR));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) facilities = NULL;
  LedgerRecord *found = NULL;
  double lon, lat;

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (ledger_editor_get_can_save (editor));
  g_assert_nonnull (ledger_editor_get_field_message (editor, "code"));   /* blank: numbered automatically */
  set_field (editor, "name", "测试村污水处理站");
  select_village (editor, "512022102204");
  ledger_editor_set_datum (editor, LEDGER_DATUM_GCJ02);
  set_field (editor, "lon", "105.0");
  set_field (editor, "lat", "30.2");
  g_assert_true (ledger_editor_get_can_save (editor));
  g_assert_nonnull (ledger_editor_get_field_message (editor, "lat"));    /* the WGS-84 values */
  g_assert_true (ledger_editor_save (editor, &error));
  g_assert_no_error (error);

  facilities = ledger_store_load (db, LEDGER_KIND_FACILITIES, NULL, NULL);
  for (guint i = 0; i < facilities->len; i++)
    if (g_strcmp0 (ledger_record_get (g_ptr_array_index (facilities, i), "name"), "测试村污水处理站") == 0)
      found = g_ptr_array_index (facilities, i);
  g_assert_nonnull (found);
  g_assert_true (g_str_has_prefix (ledger_record_get (found, "code"), "F512022102204-"));
  ledger_coords_to_wgs84 (LEDGER_DATUM_GCJ02, 105.0, 30.2, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (ledger_record_get_double (found, "lon", NAN), lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (ledger_record_get_double (found, "lat", NAN), lat, 1e-6);
  g_assert_cmpfloat (fabs (lon - 105.0), >, 1e-4);
}

static GtkWidget *
pane_in_window (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = ledger_detail_pane_new ();

  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_set_default_size (GTK_WINDOW (window), 380, 800);
  gtk_window_present (GTK_WINDOW (window));
  ledger_detail_pane_set_db (LEDGER_DETAIL_PANE (pane), db, YEAR);
  return pane;
}

static void
assert_pane_shows (GtkWidget  *pane,
                   const char *text)
{
  g_autofree char *shown = ledger_detail_pane_dup_text (LEDGER_DETAIL_PANE (pane));

  if (strstr (shown, text) == NULL)
    g_error ("the pane does not show “%s”:\n%s", text, shown);
}

static void
test_pane_farm (void)
{
  g_autofree char *uid = uid_of (LEDGER_KIND_FARMS, FARM_CODE);
  GtkWidget *pane = pane_in_window ();
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (pane));
  g_autoptr (LedgerRecord) farm = NULL;
  g_autoptr (LedgerEditor) editor = NULL;
  g_autoptr (LedgerRules) rules = ledger_rules_new_default ();
  g_autofree char *equivalents = NULL;

  ledger_detail_pane_show_item (LEDGER_DETAIL_PANE (pane), LEDGER_KIND_FARMS, uid);
  iterate (50);
  farm = ledger_store_get (db, LEDGER_KIND_FARMS, uid, YEAR, NULL);
  equivalents = g_strdup_printf ("%.1f", ledger_pig_equivalents (LEDGER_SPECIES_PIG,
                                                                 ledger_record_get_double (farm, "stock", NAN)));
  assert_pane_shows (pane, ledger_record_get (farm, "name"));
  assert_pane_shows (pane, FARM_CODE);
  assert_pane_shows (pane, "Pig equivalents");
  assert_pane_shows (pane, equivalents);
  assert_pane_shows (pane, "Scale farm");
  g_assert_true (ledger_is_scale_farm (rules, LEDGER_SPECIES_PIG, ledger_record_get_double (farm, "stock", NAN),
                                       ledger_record_get_double (farm, "annual_output", NAN)));
  assert_pane_shows (pane, "Yes, facilities matched");

  /* an edit through the editor shows at once, and in the history */
  editor = open_farm_editor (uid);
  set_field (editor, "stock", "7000");
  g_assert_true (ledger_editor_save (editor, NULL));
  iterate (50);
  assert_pane_shows (pane, "7000.0");
  assert_pane_shows (pane, "Stock: 6000 → 7000");
  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_pane_delete_sample (void)
{
  g_autofree char *uid = uid_of (LEDGER_KIND_WATER_BODIES, WATER_CODE);
  GtkWidget *pane = pane_in_window ();
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (pane));
  g_autoptr (GPtrArray) samples = ledger_store_load_for_subject (db, LEDGER_KIND_SAMPLES, uid, NULL);
  g_autoptr (GPtrArray) left = NULL;
  g_autofree char *sample_uid = NULL;
  g_autofree char *shown = NULL;
  AdwMessageDialog *dialog;
  guint n = samples->len;

  g_assert_cmpuint (n, >=, 2);
  sample_uid = g_strdup (((LedgerRecord *) g_ptr_array_index (samples, 0))->uid);
  ledger_detail_pane_show_item (LEDGER_DETAIL_PANE (pane), LEDGER_KIND_WATER_BODIES, uid);
  assert_pane_shows (pane, "Measured level");
  assert_pane_shows (pane, "Supervision list");
  assert_pane_shows (pane, "2020-08-12");

  /* the row's Delete asks first; Cancel keeps it, Delete removes it */
  gtk_widget_activate_action (pane, "pane.delete-observation", "(is)", LEDGER_KIND_SAMPLES, sample_uid);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  left = ledger_store_load_for_subject (db, LEDGER_KIND_SAMPLES, uid, NULL);
  g_assert_cmpuint (left->len, ==, n);
  g_clear_pointer (&left, g_ptr_array_unref);

  gtk_widget_activate_action (pane, "pane.delete-observation", "(is)", LEDGER_KIND_SAMPLES, sample_uid);
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  left = ledger_store_load_for_subject (db, LEDGER_KIND_SAMPLES, uid, NULL);
  g_assert_cmpuint (left->len, ==, n - 1);
  shown = ledger_detail_pane_dup_text (LEDGER_DETAIL_PANE (pane));
  g_assert_null (strstr (shown, "2020-08-12"));

  /* the item deleted elsewhere: the placeholder */
  g_ptr_array_unref (ledger_store_delete (db, LEDGER_KIND_WATER_BODIES, uid, NULL));
  g_assert_null (ledger_detail_pane_get_uid (LEDGER_DETAIL_PANE (pane)));
  assert_pane_shows (pane, "Select an Item");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_pane_village (void)
{
  GtkWidget *pane = pane_in_window ();
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (pane));

  ledger_detail_pane_show_item (LEDGER_DETAIL_PANE (pane), LEDGER_KIND_VILLAGES, "512022102204");
  assert_pane_shows (pane, "Sewage treatment in 2025");
  assert_pane_shows (pane, "512022102204");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_resources_register (ledger_app_get_resource ());
  tmp_dir = g_dir_make_tmp ("test-editor-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmp_dir, "ledger.db", NULL);
  db = ledger_ledger_create (path, "512022", TRUE, &error);
  g_assert_no_error (error);
  ledger_db_set_actor (db, "tester");

  g_test_add_func ("/editor/farm-figures", test_editor_farm_figures);
  g_test_add_func ("/editor/farm-new-year", test_editor_farm_new_year);
  g_test_add_func ("/editor/invalid", test_editor_invalid);
  g_test_add_func ("/editor/new-facility-gcj02", test_editor_new_facility_gcj02);
  g_test_add_func ("/editor/conflict", test_editor_conflict);
  g_test_add_func ("/editor/read-only", test_editor_read_only);
  g_test_add_func ("/detail-pane/farm", test_pane_farm);
  g_test_add_func ("/detail-pane/village", test_pane_village);
  g_test_add_func ("/detail-pane/delete-sample", test_pane_delete_sample);
  status = g_test_run ();

  g_clear_object (&db);
  g_unlink (path);
  g_rmdir (tmp_dir);
  return status;
}
