/* test-import-assistant-layout.c: an officer's own sheet in the import assistant
 *
 * LibreOffice's .ods and .xls of tests/readers/officer-farms (填报说明 first,
 * then 养殖场 with a title, a two-row merged header, 合计 and a footer): the
 * assistant reads the sheet that holds farms, shows every column of the
 * header, the header rows and the skipped rows, and the officer changes the
 * header rows and the year with the spin buttons and imports.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ledger-i18n.h"
#include "ledger-import-assistant.h"
#include "ledger-store.h"
#include "ledger-test-app.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"
#include "ledger-window.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;

static gboolean
page_is (LedgerImportAssistant *assistant,
         const char            *page)
{
  return !ledger_import_assistant_is_busy (assistant)
         && g_strcmp0 (ledger_import_assistant_get_page (assistant), page) == 0;
}

static gboolean
shows_mapping (gpointer assistant)
{
  return page_is (assistant, "mapping");
}

static gboolean
shows_check (gpointer assistant)
{
  return page_is (assistant, "check");
}

static gboolean
pointer_is_null (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

/* The widget of @type under @root whose tooltip is @tooltip (translated), as a person finds it. */
static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 GType       type,
                 const char *tooltip)
{
  const char *text = g_dgettext (GETTEXT_PACKAGE, tooltip);

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && g_strcmp0 (gtk_widget_get_tooltip_text (root), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, type, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types @value into the spin button and presses Enter. */
static void
type_into_spin (GtkWidget *spin,
                int        value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));   /* what Enter or leaving the field does */
  ledger_test_iterate (100);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, value);
}

static guint
count_header_labels (GtkWidget *root)
{
  guint n = GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "import-header-row");

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_header_labels (child);
  return n;
}

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

  if (dir == NULL)
    return;
  ledger_test_iterate (300);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gdk_paintable_get_intrinsic_width (paintable),
                          gdk_paintable_get_intrinsic_height (paintable));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gdk_paintable_get_intrinsic_width (paintable),
                                                              gdk_paintable_get_intrinsic_height (paintable)));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static void
test_officer_sheet (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "readers", name, NULL);
  LedgerImportAssistant *assistant = LEDGER_IMPORT_ASSISTANT (ledger_window_open_import_assistant (window, path));
  LedgerDb *db = ledger_window_get_db (window);
  guint n_farms = ledger_store_count (db, LEDGER_KIND_FARMS);
  const LedgerTableLayout *layout;
  guint n_new;
  GtkWidget *header_spin, *count_spin, *year_spin;
  g_autofree char *shot = g_strdup_printf ("assistant-%s", name);
  g_autofree char *rejected = g_strdup_printf ("%s/rejected-%s.csv", tmp_dir, name);

  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 20));
  /* the second sheet, whose header names farms' columns */
  g_assert_cmpint (ledger_import_assistant_get_guessed_kind (assistant), ==, LEDGER_KIND_FARMS);
  layout = ledger_import_assistant_get_layout (assistant);
  g_assert_cmpstr (layout->sheet_name, ==, "养殖场");
  g_assert_cmpuint (layout->header_line_first, ==, 3);
  g_assert_cmpuint (layout->header_line_last, ==, 4);
  /* every column of the header, not only column A of the title row */
  g_assert_cmpuint (layout->n_columns, >=, 15);
  g_assert_cmpint (ledger_import_assistant_get_column_field (assistant, 14), ==, LEDGER_TARGET_IGNORE);
  /* the header rows highlighted: the cells of rows 3 and 4 */
  g_assert_cmpuint (count_header_labels (GTK_WIDGET (assistant)), >=, 15);
  g_assert_null (ledger_import_assistant_get_missing_text (assistant));
  save_screenshot (GTK_WIDGET (assistant), shot);
  /* 序号 is found as the row number; the officer ignores it (below, for the .ods),
   * and the .xls, with the same headers, comes mapped the same way */
  g_assert_cmpint (ledger_import_assistant_get_column_field (assistant, 0), ==,
                   g_str_has_suffix (name, ".ods") ? LEDGER_TARGET_SERIAL : LEDGER_TARGET_IGNORE);

  /* the header set by hand to row 4 alone: the group names are gone, 名称 … are still there */
  header_spin = find_by_tooltip (GTK_WIDGET (assistant), GTK_TYPE_SPIN_BUTTON, "The row the header ends on");
  count_spin = find_by_tooltip (GTK_WIDGET (assistant), GTK_TYPE_SPIN_BUTTON,
                                "How many rows the header spans (a merged group row above the names: 2)");
  year_spin = find_by_tooltip (GTK_WIDGET (assistant), GTK_TYPE_SPIN_BUTTON, "Year of the figures");
  g_assert_nonnull (header_spin);
  g_assert_nonnull (count_spin);
  g_assert_nonnull (year_spin);
  type_into_spin (count_spin, 1);
  layout = ledger_import_assistant_get_layout (assistant);
  g_assert_cmpuint (layout->header_line_first, ==, 4);
  g_assert_nonnull (ledger_import_assistant_get_missing_text (assistant));
  type_into_spin (count_spin, 2);
  layout = ledger_import_assistant_get_layout (assistant);
  g_assert_cmpuint (layout->header_line_first, ==, 3);
  g_assert_null (ledger_import_assistant_get_missing_text (assistant));

  /* the year typed wins over the title's 2025 */
  type_into_spin (year_spin, 2024);
  layout = ledger_import_assistant_get_layout (assistant);
  g_assert_cmpuint (layout->year, ==, 2024);
  g_assert_cmpint (layout->year_source, ==, LEDGER_YEAR_OPTION);

  ledger_import_assistant_set_column_field (assistant, 0, LEDGER_TARGET_IGNORE);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 30));
  g_assert_cmpuint (ledger_import_assistant_get_preview (assistant)->n_rows, ==, 4);
  /* rows 6 and 7 are one codeless farm written twice: row 7 is refused */
  g_assert_cmpuint (ledger_import_assistant_get_preview (assistant)->n_rejected, ==, 1);
  n_new = ledger_import_assistant_get_preview (assistant)->n_new;
  /* three the first time; the .xls then updates the two with codes and the
   * codeless one, found by village, name and species */
  g_assert_cmpuint (n_new, ==, g_str_has_suffix (name, ".ods") ? 3 : 0);
  /* 只导入有效行 (the save chooser is the native one: the path given as it would) */
  ledger_import_assistant_import_valid_to (assistant, rejected);
  g_assert_true (ledger_test_wait_for (pointer_is_null, &assistant, 30));
  g_assert_cmpuint (ledger_store_count (db, LEDGER_KIND_FARMS), ==, n_farms + n_new);
  /* remembered in the ledger, audited once (the second import changes no mapping) */
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM audit WHERE entity = 'meta'"
                                          " AND entity_uid LIKE 'import_mapping/farms/%'"), ==, 1);
}

/* The combo row whose title names @text, as a person finds it on the page. */
static AdwComboRow *
find_unknown_row (GtkWidget  *root,
                  const char *text)
{
  if (ADW_IS_COMBO_ROW (root) && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), text) != NULL)
    return ADW_COMBO_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_unknown_row (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An officer's own word for a species: chosen once, every row reads it so. */
static void
test_treat_every_value (void)
{
  g_autofree char *csv = g_build_filename (tmp_dir, "own-words.csv", NULL);
  LedgerImportAssistant *assistant;
  LedgerDb *db = ledger_window_get_db (window);
  const LedgerImportReport *report;
  AdwComboRow *row;

  g_assert_true (g_file_set_contents (csv, "编号,名称,行政村代码,畜种,统计年度,存栏\n"
                                      "YZ-1,大肥猪场,512022112203,大肥猪,2025,100\n"
                                      "YZ-2,小肥猪场,512022112203,大肥猪,2025,50\n", -1, NULL));
  assistant = LEDGER_IMPORT_ASSISTANT (ledger_window_open_import_assistant (window, csv));
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 20));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 30));
  report = ledger_import_assistant_get_preview (assistant);
  g_assert_cmpuint (report->n_rejected, ==, 2);
  g_assert_cmpuint (report->unknown_values->len, ==, 1);
  row = find_unknown_row (GTK_WIDGET (assistant), "大肥猪");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  adw_combo_row_set_selected (row, 1);   /* the first species: 生猪 */
  save_screenshot (GTK_WIDGET (assistant), "assistant-treat-every");
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 30));
  report = ledger_import_assistant_get_preview (assistant);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_new, ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.import-all", NULL);
  g_assert_true (ledger_test_wait_for (pointer_is_null, &assistant, 30));
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM farms WHERE code IN ('YZ-1', 'YZ-2')"
                                          " AND species = 'pig'"), ==, 2);

  /* recorded in the mapping: the same file next time reads 大肥猪 as 生猪 at once */
  assistant = LEDGER_IMPORT_ASSISTANT (ledger_window_open_import_assistant (window, csv));
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 20));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 30));
  report = ledger_import_assistant_get_preview (assistant);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_unchanged, ==, 2);
  gtk_window_destroy (GTK_WINDOW (assistant));
  ledger_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db_path = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  ledger_i18n_init ();
  adw_init ();
  tmp_dir = g_dir_make_tmp ("test-import-layout-XXXXXX", NULL);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);
  g_test_add_data_func ("/import-assistant-layout/ods", "officer-farms.ods", test_officer_sheet);
  g_test_add_data_func ("/import-assistant-layout/xls", "officer-farms.xls", test_officer_sheet);
  g_test_add_func ("/import-assistant-layout/treat-every-value", test_treat_every_value);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  ledger_test_remove_dir (tmp_dir);
  return status;
}
