/* test-inspections-window.c: inspections as an officer records them (issue 16, item 5)
 *
 * On a Lezhi demo ledger, in the real window: the Inspections and Samples
 * page and its overdue filters (toggle buttons), a row activated selects its
 * item; a new inspection's date is today, a typed "2026.12.4" is read as
 * 2026-12-04 and said so, a deadline before the inspection is refused under
 * its field; a photo attached from a file (ExifTool wrote its EXIF) shows as
 * a thumbnail that opens full size, and its time and place become the
 * inspection's when the officer says so. Needs a display (Xvfb).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ledger-test-app.h"
#include "ledger-test-util.h"
#include "ledger-detail-pane.h"
#include "ledger-editor.h"
#include "ledger-inspections-page.h"
#include "ledger-inspections.h"
#include "ledger-photos.h"
#include "ledger-store.h"
#include "ledger-window.h"

#define STATION "F512022101213-1"   /* 放生村污水处理站: an inspection past its deadline in the demo */

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static LedgerDb *
db (void)
{
  return ledger_window_get_db (window);
}

static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (label == NULL || (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
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

static GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *icon)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_clicked_cb (GtkButton *button,
               gboolean  *clicked)
{
  *clicked = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* GtkButton's activation clicks after a 250 ms timeout: waits for that
 * click (under load it came after a fixed 300 ms wait), then settles */
static void
click (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong id;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  id = g_signal_connect (button, "clicked", G_CALLBACK (on_clicked_cb), &clicked);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (ledger_test_wait_for (is_true, &clicked, 10));
  g_signal_handler_disconnect (button, id);
  iterate (100);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data) && l->data != (gpointer) window)
      return l->data;
  return NULL;
}

static char *
uid_of (LedgerKind  kind,
        const char *code)
{
  g_autoptr (GPtrArray) records = ledger_store_load (db (), kind, NULL, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      LedgerRecord *record = g_ptr_array_index (records, i);
      if (g_strcmp0 (ledger_record_get (record, "code"), code) == 0)
        return g_strdup (record->uid);
    }
  g_assert_not_reached ();
}

/* ---- the page ---- */

static void
test_page_filters (void)
{
  LedgerInspectionsPage *page = LEDGER_INSPECTIONS_PAGE (ledger_window_get_inspections_page (window));
  LedgerDetailPane *pane = LEDGER_DETAIL_PANE (ledger_window_get_detail_pane (window));
  g_autofree char *station = uid_of (LEDGER_KIND_FACILITIES, STATION);
  guint n_all, n_due;
  GtkWidget *list;
  g_autofree char *rectification = NULL;
  g_autofree char *name = NULL;

  ledger_window_set_view (window, "inspections");
  ledger_inspections_page_set_today (page, "2026-12-04");
  iterate (200);
  n_all = ledger_inspections_page_get_n_rows (page);
  g_assert_cmpuint (n_all, >=, 20);   /* the demo's inspections and samples */
  g_assert_true (gtk_widget_get_visible (ledger_window_get_detail_pane (window)));

  click (find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, "_Not Inspected This Month"));
  n_due = ledger_inspections_page_get_n_rows (page);
  g_assert_cmpuint (n_due, >, 0);
  g_assert_cmpuint (n_due, !=, n_all);
  {
    g_autofree char *type = ledger_inspections_page_dup_cell (page, 0, "type");
    g_assert_cmpstr (type, ==, "Not inspected");
  }

  click (find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, "_Deadline Passed"));
  g_assert_cmpuint (ledger_inspections_page_get_n_rows (page), ==, 3);
  rectification = ledger_inspections_page_dup_cell (page, 1, "rectification");
  g_assert_true (g_str_has_prefix (rectification, "⚠ "));
  g_assert_nonnull (strstr (rectification, "Pending"));
  name = ledger_inspections_page_dup_cell (page, 1, "subject");
  g_assert_cmpstr (name, ==, "放生村污水处理站");

  /* Enter or a double click on the row: the list's activate-item */
  list = find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, NULL);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 1));
  iterate (100);
  g_assert_cmpstr (ledger_detail_pane_get_uid (pane), ==, station);

  /* rectified: the row leaves the overdue list */
  {
    g_autoptr (GPtrArray) inspections = ledger_store_load_for_subject (db (), LEDGER_KIND_INSPECTIONS, station, NULL);
    LedgerRecord *inspection = ledger_record_copy (g_ptr_array_index (inspections, 0));
    g_autoptr (GError) error = NULL;

    ledger_record_set (inspection, "follow_up", "rectified");
    g_assert_true (ledger_store_save (db (), inspection, &error));
    g_assert_no_error (error);
    ledger_record_free (inspection);
  }
  iterate (200);
  g_assert_cmpuint (ledger_inspections_page_get_n_rows (page), ==, 2);

  click (find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, "_All"));
  g_assert_cmpuint (ledger_inspections_page_get_n_rows (page), ==, n_all);
  ledger_inspections_page_set_today (page, NULL);
}

/* ---- the editor ---- */

static LedgerEditor *
open_new_inspection (const char *code)
{
  LedgerDetailPane *pane = LEDGER_DETAIL_PANE (ledger_window_get_detail_pane (window));
  g_autofree char *uid = uid_of (LEDGER_KIND_FACILITIES, code);
  LedgerEditor *editor;

  ledger_window_select_item (window, LEDGER_KIND_FACILITIES, uid);
  iterate (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.add-inspection", NULL));
  iterate (100);
  editor = LEDGER_EDITOR (find_toplevel (LEDGER_TYPE_EDITOR));
  g_assert_nonnull (editor);
  return editor;
}

static void
type_into (LedgerEditor *editor,
           const char   *key,
           const char   *text)
{
  GtkWidget *row = ledger_editor_get_field_row (editor, key);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  iterate (50);
}

static void
test_editor_date (void)
{
  LedgerEditor *editor = open_new_inspection (STATION);
  g_autofree char *today = ledger_today ();
  GtkWidget *date_row = ledger_editor_get_field_row (editor, "date");
  GtkWidget *picker = find_widget (date_row, GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget *calendar;

  /* today is filled in, and saving needs nothing else but a result */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, today);
  g_assert_false (ledger_editor_is_modified (editor));

  /* the calendar button opens on the typed date */
  g_assert_nonnull (picker);
  gtk_menu_button_popup (GTK_MENU_BUTTON (picker));
  iterate (100);
  calendar = find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker))), GTK_TYPE_CALENDAR, NULL);
  g_assert_nonnull (calendar);
  g_assert_true (gtk_widget_get_mapped (calendar));
  {
    g_autoptr (GDateTime) shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
    g_autofree char *iso = g_date_time_format (shown, "%Y-%m-%d");
    g_assert_cmpstr (iso, ==, today);
  }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (picker));

  type_into (editor, "date", "2026.12.4");
  g_assert_cmpstr (ledger_editor_get_field_message (editor, "date"), ==, "Read as 2026-12-04");
  type_into (editor, "date", "2026.13.4");
  g_assert_nonnull (strstr (ledger_editor_get_field_message (editor, "date"), "not a date"));
  g_assert_false (ledger_editor_get_can_save (editor));

  type_into (editor, "date", "2026-12-04");
  g_assert_null (ledger_editor_get_field_message (editor, "date"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (ledger_editor_get_field_row (editor, "result")), 1);
  type_into (editor, "deadline", "2026-11-30");
  g_assert_nonnull (strstr (ledger_editor_get_field_message (editor, "deadline"), "before the inspection"));
  g_assert_false (ledger_editor_get_can_save (editor));
  type_into (editor, "deadline", "2026年12月20日");
  g_assert_true (ledger_editor_get_can_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate (100);
}

/* ---- photos ---- */

static GFile *
photo_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "photos", name, NULL);
  return g_file_new_for_path (path);
}

static char *
new_inspection_until (const char *deadline)
{
  g_autoptr (LedgerRecord) r = ledger_record_new (LEDGER_KIND_INSPECTIONS);
  g_autoptr (GError) error = NULL;

  ledger_record_set (r, "subject_code", STATION);
  ledger_record_set (r, "date", "2026-10-01");
  ledger_record_set (r, "result", "problem");
  ledger_record_set (r, "deadline", deadline);
  g_assert_true (ledger_store_save (db (), r, &error));
  g_assert_no_error (error);
  return g_strdup (r->uid);
}

static void
test_photo_attach_and_open (void)
{
  LedgerDetailPane *pane = LEDGER_DETAIL_PANE (ledger_window_get_detail_pane (window));
  g_autofree char *station = uid_of (LEDGER_KIND_FACILITIES, STATION);
  g_autofree char *inspection = new_inspection_until (NULL);
  g_autoptr (GFile) good = photo_file ("good.jpg");
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) stored = NULL;
  AdwMessageDialog *offer;
  GtkWidget *thumbnail;
  GtkWindow *viewer;
  GtkWidget *picture;
  g_autoptr (GPtrArray) remaining = NULL;

  ledger_window_set_view (window, "ledger");
  ledger_window_select_item (window, LEDGER_KIND_FACILITIES, station);
  iterate (100);
  g_assert_nonnull (find_actionable (GTK_WIDGET (pane), "pane.attach-photo"));
  g_assert_null (find_actionable (GTK_WIDGET (pane), "pane.open-photo"));

  /* what the file chooser's Open does */
  g_assert_true (ledger_detail_pane_attach_photo (pane, inspection, good, &error));
  g_assert_no_error (error);
  iterate (200);

  /* EXIF: 2026-11-28, 30.2756 N 105.0312 E — offered, then taken */
  offer = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (offer);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (offer), "2026-11-28 09:41:05"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (offer), "30.275600"));
  adw_message_dialog_response (offer, "use");
  gtk_window_destroy (GTK_WINDOW (offer));
  iterate (200);
  stored = ledger_store_get (db (), LEDGER_KIND_INSPECTIONS, inspection, 0, &error);
  g_assert_cmpstr (ledger_record_get (stored, "date"), ==, "2026-11-28");
  g_assert_cmpfloat_with_epsilon (ledger_record_get_double (stored, "lat", 0), 30.2756, 1e-6);
  g_assert_cmpfloat_with_epsilon (ledger_record_get_double (stored, "lon", 0), 105.0312, 1e-6);

  /* the thumbnail in the pane opens the photo full size */
  thumbnail = find_actionable (GTK_WIDGET (pane), "pane.open-photo");
  g_assert_nonnull (thumbnail);
  click (thumbnail);
  viewer = find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (viewer);
  picture = find_widget (GTK_WIDGET (viewer), GTK_TYPE_PICTURE, NULL);
  g_assert_nonnull (picture);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (GTK_PICTURE (picture))), ==, 320);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (gtk_picture_get_paintable (GTK_PICTURE (picture))), ==, 240);

  /* the viewer's Delete asks, then removes the photo; the pane follows */
  click (find_icon_button (GTK_WIDGET (viewer), "user-trash-symbolic"));
  offer = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (offer);
  adw_message_dialog_response (offer, "delete");
  iterate (300);
  remaining = ledger_photos_load (db (), inspection, NULL);
  g_assert_cmpuint (remaining->len, ==, 0);
  g_assert_null (find_actionable (GTK_WIDGET (pane), "pane.open-photo"));
  if (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL)
    gtk_window_destroy (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  if (find_toplevel (ADW_TYPE_WINDOW) != NULL)
    gtk_window_destroy (find_toplevel (ADW_TYPE_WINDOW));
  iterate (100);
}

static void
test_photo_refused (void)
{
  LedgerDetailPane *pane = LEDGER_DETAIL_PANE (ledger_window_get_detail_pane (window));
  g_autofree char *inspection = new_inspection_until (NULL);
  g_autofree char *fake_path = g_build_filename (tmp_dir, "not-a-photo.jpg", NULL);
  g_autoptr (GFile) fake = g_file_new_for_path (fake_path);
  g_autoptr (GFile) plain = photo_file ("no-exif.jpg");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) photos = NULL;

  g_assert_true (g_file_set_contents (fake_path, "对象编号,日期\n", -1, NULL));
  g_assert_false (ledger_detail_pane_attach_photo (pane, inspection, fake, &error));
  g_assert_nonnull (strstr (error->message, "not-a-photo.jpg"));
  g_clear_error (&error);

  /* a photo without EXIF is stored and offers nothing */
  g_assert_true (ledger_detail_pane_attach_photo (pane, inspection, plain, &error));
  g_assert_no_error (error);
  iterate (100);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  photos = ledger_photos_load (db (), inspection, &error);
  g_assert_cmpuint (photos->len, ==, 1);
  g_assert_nonnull (((LedgerPhoto *) g_ptr_array_index (photos, 0))->thumbnail);
}

/* a photo taken after the deadline shows the rectification: only its place is offered */
static void
test_photo_after_deadline (void)
{
  LedgerDetailPane *pane = LEDGER_DETAIL_PANE (ledger_window_get_detail_pane (window));
  g_autofree char *inspection = new_inspection_until ("2026-11-01");
  g_autoptr (GFile) good = photo_file ("good.jpg");
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) stored = NULL;
  AdwMessageDialog *offer;

  g_assert_true (ledger_detail_pane_attach_photo (pane, inspection, good, &error));
  g_assert_no_error (error);
  iterate (100);
  offer = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (offer);
  g_assert_null (strstr (adw_message_dialog_get_body (offer), "2026-11-28"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (offer), "105.031200"));
  adw_message_dialog_response (offer, "use");
  gtk_window_destroy (GTK_WINDOW (offer));
  iterate (100);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));   /* no "cannot" message */
  stored = ledger_store_get (db (), LEDGER_KIND_INSPECTIONS, inspection, 0, &error);
  g_assert_cmpstr (ledger_record_get (stored, "date"), ==, "2026-10-01");
  g_assert_cmpfloat_with_epsilon (ledger_record_get_double (stored, "lon", 0), 105.0312, 1e-6);
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
  tmp_dir = g_dir_make_tmp ("test-inspections-window-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);

  g_test_add_func ("/inspections-window/page-filters", test_page_filters);
  g_test_add_func ("/inspections-window/editor-date", test_editor_date);
  g_test_add_func ("/inspections-window/photo-attach-and-open", test_photo_attach_and_open);
  g_test_add_func ("/inspections-window/photo-refused", test_photo_refused);
  g_test_add_func ("/inspections-window/photo-after-deadline", test_photo_after_deadline);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
