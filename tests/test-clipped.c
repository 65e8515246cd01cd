/* test-clipped.c: no label cut short with "…" where the text should read in
 * full: the preference pages, the progress page and the detail pane, at
 * 1280×800, in the language the test runs in (meson runs it in English and
 * in zh_CN). The lists' long names ellipsize on purpose (with a tooltip)
 * and are not checked here. Needs a display (Xvfb).
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ledger-detail-pane.h"
#include "ledger-editor.h"
#include "ledger-i18n.h"
#include "ledger-store.h"
#include "ledger-test-app.h"
#include "ledger-test-util.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;

/* the visible labels whose text ends in an ellipsis the label made */
static void
collect_clipped (GtkWidget *widget,
                 GString   *clipped)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_string_append_printf (clipped, "  “%s” (%d px wide)\n", gtk_label_get_text (GTK_LABEL (widget)),
                            gtk_widget_get_width (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_clipped (child, clipped);
}

static void
assert_nothing_clipped (GtkWidget  *widget,
                        const char *where)
{
  g_autoptr (GString) clipped = g_string_new (NULL);

  collect_clipped (widget, clipped);
  if (clipped->len > 0)
    g_error ("%s: labels cut short:\n%s", where, clipped->str);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

static void
collect_pages (GtkWidget *widget,
               GPtrArray *pages)
{
  if (ADW_IS_PREFERENCES_PAGE (widget))
    {
      if (ADW_IS_VIEW_STACK (gtk_widget_get_parent (widget)))
        g_ptr_array_add (pages, widget);
      return;   /* a page inside a page is not one of the window's */
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_pages (child, pages);
}

static void
test_preferences (void)
{
  g_autoptr (GSettings) settings = ledger_settings_new ();
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();
  GtkWindow *prefs;

  /* the default, and the longest choice's text */
  g_settings_set_string (settings, "base-map", "osm");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  ledger_test_iterate (300);
  prefs = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  collect_pages (GTK_WIDGET (prefs), pages);
  g_assert_cmpuint (pages->len, >=, 4);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwPreferencesPage *page = g_ptr_array_index (pages, i);
      g_autofree char *where = g_strdup_printf ("preferences, page %s", adw_preferences_page_get_title (page));

      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), page);
      ledger_test_iterate (200);
      assert_nothing_clipped (GTK_WIDGET (prefs), where);
    }
  gtk_window_destroy (prefs);
  g_settings_set_string (settings, "base-map", "none");
}

static void
test_progress_page (void)
{
  ledger_window_set_view (window, "progress");
  ledger_test_iterate (300);
  assert_nothing_clipped (ledger_window_get_progress_page (window), "progress page");
}

/* the demo's facility with the longest name in the detail pane */
static void
test_detail_pane (void)
{
  g_autoptr (GPtrArray) facilities = ledger_store_load (ledger_window_get_db (window), LEDGER_KIND_FACILITIES,
                                                        NULL, NULL);
  LedgerDetailPane *pane = LEDGER_DETAIL_PANE (ledger_window_get_detail_pane (window));
  const LedgerRecord *longest = NULL;

  for (guint i = 0; facilities != NULL && i < facilities->len; i++)
    {
      const LedgerRecord *record = g_ptr_array_index (facilities, i);
      if (longest == NULL || strlen (ledger_record_get (record, "name")) > strlen (ledger_record_get (longest, "name")))
        longest = record;
    }
  g_assert_nonnull (longest);
  ledger_window_set_view (window, "ledger");
  ledger_detail_pane_show_item (pane, LEDGER_KIND_FACILITIES, longest->uid);
  ledger_test_iterate (300);
  assert_nothing_clipped (GTK_WIDGET (pane), "detail pane");
}

/* the editor of a facility: its fields and the coordinate-system choice */
static void
test_editor (void)
{
  g_autoptr (GPtrArray) facilities = ledger_store_load (ledger_window_get_db (window), LEDGER_KIND_FACILITIES,
                                                        NULL, NULL);
  const LedgerRecord *first;
  LedgerEditor *editor;

  g_assert_nonnull (facilities);
  g_assert_cmpuint (facilities->len, >, 0);
  first = g_ptr_array_index (facilities, 0);
  editor = ledger_editor_new (GTK_WINDOW (window), ledger_window_get_db (window), LEDGER_KIND_FACILITIES,
                              first->uid, ledger_window_get_year (window));
  gtk_window_present (GTK_WINDOW (editor));
  ledger_test_iterate (300);
  assert_nothing_clipped (GTK_WIDGET (editor), "facility editor");
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init sets en_US; meson asks for zh_CN in one run */
  if (g_getenv ("LEDGER_TEST_LOCALE") != NULL)
    g_assert_nonnull (setlocale (LC_ALL, g_getenv ("LEDGER_TEST_LOCALE")));
  ledger_i18n_init ();
  adw_init ();
  tmp_dir = g_dir_make_tmp ("test-clipped-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ledger_test_iterate (300);

  g_test_add_func ("/clipped/preferences", test_preferences);
  g_test_add_func ("/clipped/progress-page", test_progress_page);
  g_test_add_func ("/clipped/detail-pane", test_detail_pane);
  g_test_add_func ("/clipped/editor", test_editor);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
