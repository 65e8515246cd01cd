/* test-import-assistant.c: the import assistant over the real window, as an officer uses it
 *
 * A farm sheet saved by Excel/WPS in GBK with two bad rows goes through every
 * page: the kind is guessed, one column is mapped by hand, the check lists
 * both problems by row and column, "import all" refuses, "import the valid
 * rows" writes the good ones and saves the rejected ones as CSV. A large
 * import stopped half-way writes nothing; a dropped file opens the assistant;
 * a file that is no spreadsheet is refused on the first page. Needs a display
 * (Xvfb). With LEDGER_SCREENSHOT_DIR set, each page is saved there as a PNG.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <xlsxwriter.h>

#include "ledger-test-app.h"
#include "ledger-application.h"
#include "ledger-export-xlsx.h"
#include "ledger-i18n.h"
#include "ledger-import-assistant.h"
#include "ledger-regions.h"
#include "ledger-settings.h"
#include "ledger-store.h"
#include "ledger-test-util.h"
#include "ledger-window.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;
static char *db_path;

/* ---- helpers ---- */

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
is_idle (gpointer assistant)
{
  return !ledger_import_assistant_is_busy (assistant);
}

static gboolean
import_under_way (gpointer assistant)
{
  return ledger_import_assistant_get_fraction (assistant) > 0.01
         || !ledger_import_assistant_is_busy (assistant);
}

static gboolean
pointer_is_null (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static char *
write_fixture (const char *name,
               const char *utf8,
               const char *encoding)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *bytes = NULL;
  gsize len = strlen (utf8);
  g_autoptr (GError) error = NULL;

  if (encoding != NULL)
    {
      bytes = g_convert (utf8, -1, encoding, "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
    }
  g_assert_true (g_file_set_contents (path, bytes ? bytes : utf8, len, NULL));
  return g_steal_pointer (&path);
}

/* With LEDGER_SCREENSHOT_DIR set: the window as drawn, to look at. */
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
  int width, height;

  if (dir == NULL)
    return;
  ledger_test_iterate (300);
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/import-%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static LedgerImportAssistant *
open_assistant (const char *path)
{
  GtkWindow *assistant = ledger_window_open_import_assistant (window, path);

  g_assert_true (LEDGER_IS_IMPORT_ASSISTANT (assistant));
  g_assert_true (gtk_window_get_transient_for (assistant) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (assistant));
  return LEDGER_IMPORT_ASSISTANT (assistant);
}

/* the texts are compared in the language the test runs in (C or zh_CN) */
static const char *
tr (const char *msgid)
{
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

/* a problem listed with its row and the column as the file heads it */
static gboolean
lists_problem_at (LedgerImportAssistant *assistant,
                  guint                  row,
                  const char            *column)
{
  g_autofree char *prefix = g_strdup_printf (tr ("Row %u, column “%s”: %s"), row, column, "");

  for (guint i = 0; i < ledger_import_assistant_get_n_listed (assistant); i++)
    if (g_str_has_prefix (ledger_import_assistant_get_listed (assistant, i), prefix))
      return TRUE;
  return FALSE;
}

static int
field_index (const char *key)
{
  return ledger_kind_field_index (LEDGER_KIND_FARMS, key);
}

/* a farm field's name as the assistant shows it */
static const char *
field_name (const char *key)
{
  return ledger_field_display_name (&ledger_kind_fields (LEDGER_KIND_FARMS, NULL)[field_index (key)]);
}

/* ---- the officer's GBK sheet with two bad rows ---- */

/* 经办人 (the clerk in charge) is no header the ledger knows: the officer maps
 * it to the operating entity by hand. Row 3 has a stock that is no number,
 * row 5 a village code not in the county. */
static const char gbk_farms[] =
  "编号,名称,经办人,行政村代码,畜种,存栏量(头),年出栏,经度,纬度,统计年度\r\n"
  "TA-1,测试猪场一,张三,512022102204,生猪,300,600,105.03,30.27,2024\r\n"
  "TA-2,测试猪场二,李四,512022102204,生猪,很多,100,105.03,30.28,2024\r\n"
  "TA-3,测试牛场,王五,512022102204,肉牛,40,20,105.04,30.27,2024\r\n"
  "TA-4,测试羊场,赵六,512022999999,羊,100,200,105.05,30.27,2024\r\n"
  "TA-5,测试鸡场,钱七,512022102204,蛋鸡,5000,,105.06,30.27,2024\r\n";

static void
map_by_hand (LedgerImportAssistant *assistant)
{
  g_assert_cmpint (ledger_import_assistant_get_column_field (assistant, 2), ==, -1);
  ledger_import_assistant_set_column_field (assistant, 2, field_index ("operator"));
  g_assert_cmpint (ledger_import_assistant_get_column_field (assistant, 2), ==, field_index ("operator"));

  /* the name column ignored: a required field is missing, and said so */
  ledger_import_assistant_set_column_field (assistant, 1, -1);
  g_assert_nonnull (ledger_import_assistant_get_missing_text (assistant));
  g_assert_nonnull (strstr (ledger_import_assistant_get_missing_text (assistant), field_name ("name")));
  ledger_import_assistant_set_column_field (assistant, 1, field_index ("name"));
  g_assert_null (ledger_import_assistant_get_missing_text (assistant));
}

static void
check_lists_problems (LedgerImportAssistant *assistant)
{
  const LedgerImportReport *report;

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 30));
  save_screenshot (GTK_WIDGET (assistant), "3-check");
  report = ledger_import_assistant_get_preview (assistant);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_rows, ==, 5);
  g_assert_cmpuint (report->n_rejected, ==, 2);
  g_assert_cmpuint (report->n_new, ==, 3);
  g_assert_true (lists_problem_at (assistant, 3, "存栏量(头)"));
  g_assert_true (lists_problem_at (assistant, 5, "行政村代码"));
}

static void
import_all_refused (LedgerImportAssistant *assistant,
                    guint                  n_farms)
{
  g_assert_cmpuint (strlen (ledger_import_assistant_get_choice_text (assistant)), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.import-all", NULL);
  ledger_test_iterate (200);
  g_assert_false (ledger_import_assistant_is_busy (assistant));
  g_assert_cmpstr (ledger_import_assistant_get_page (assistant), ==, "check");
  g_assert_cmpuint (ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_FARMS), ==, n_farms);
}

static void
assert_rejected_csv (const char *path)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  const char *encoding = NULL;
  LedgerCsvRow *header, *row;

  rows = ledger_csv_read_file (path, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->n_cells, ==, 11);
  g_assert_cmpstr (header->cells[0], ==, "编号");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->cells[0], ==, "TA-2");
  g_assert_cmpstr (row->cells[5], ==, "很多");
  g_assert_cmpuint (row->n_cells, ==, 11);
  g_assert_nonnull (strstr (row->cells[10], "很多"));
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->cells[0], ==, "TA-4");
  g_assert_nonnull (strstr (row->cells[10], "512022999999"));
}

/* the farm as imported, its change recorded with the file and the officer */
static void
assert_farm_imported (const char *code,
                      const char *operator,
                      const char *file_name)
{
  LedgerDb *db = ledger_window_get_db (window);
  g_autoptr (GPtrArray) farms = ledger_store_load (db, LEDGER_KIND_FARMS, NULL, NULL);

  for (guint i = 0; i < farms->len; i++)
    {
      LedgerRecord *farm = g_ptr_array_index (farms, i);
      g_autoptr (GPtrArray) history = NULL;
      LedgerAuditEntry *entry;

      if (g_strcmp0 (ledger_record_get (farm, "code"), code) != 0)
        continue;
      g_assert_cmpstr (ledger_record_get (farm, "operator"), ==, operator);
      history = ledger_store_history (db, farm->uid, NULL);
      g_assert_nonnull (history);
      g_assert_cmpuint (history->len, >, 0);
      entry = g_ptr_array_index (history, 0);
      g_assert_nonnull (entry->import_file);
      g_assert_true (g_str_has_suffix (entry->import_file, file_name));
      g_assert_cmpstr (entry->actor, ==, ledger_db_get_actor (db));
      return;
    }
  g_assert_not_reached ();
}

static void
on_imported_cb (LedgerImportAssistant *assistant,
                const char            *message,
                char                 **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static void
test_gbk_sheet_with_bad_rows (void)
{
  g_autofree char *csv = write_fixture ("养殖场台账.csv", gbk_farms, "GB18030");
  g_autofree char *rejected = g_build_filename (tmp_dir, "养殖场台账-rejected-rows.csv", NULL);
  guint n_farms = ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_FARMS);
  LedgerImportAssistant *assistant = open_assistant (csv);
  g_autofree char *toast = NULL;
  g_autofree char *expected = NULL;

  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_signal_connect (assistant, "imported", G_CALLBACK (on_imported_cb), &toast);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 10));
  g_assert_cmpint (ledger_import_assistant_get_guessed_kind (assistant), ==, LEDGER_KIND_FARMS);
  g_assert_cmpint (ledger_import_assistant_get_kind (assistant), ==, LEDGER_KIND_FARMS);
  g_assert_cmpint (ledger_import_assistant_get_column_field (assistant, 5), ==, field_index ("stock"));
  g_assert_cmpint (ledger_import_assistant_get_column_field (assistant, 3), ==, field_index ("village_code"));
  map_by_hand (assistant);
  save_screenshot (GTK_WIDGET (assistant), "2-mapping");

  check_lists_problems (assistant);
  import_all_refused (assistant, n_farms);

  ledger_import_assistant_import_valid_to (assistant, rejected);
  g_assert_true (ledger_test_wait_for (pointer_is_null, &assistant, 30));
  g_assert_cmpuint (ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_FARMS), ==, n_farms + 3);
  assert_farm_imported ("TA-1", "张三", "养殖场台账.csv");
  assert_rejected_csv (rejected);
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Imported %u row: %u new, %u updated; rejected rows saved in “%s”",
                                           "Imported %u rows: %u new, %u updated; rejected rows saved in “%s”", 3),
                              3, 3, 0, "养殖场台账-rejected-rows.csv");
  g_assert_cmpstr (toast, ==, expected);
}

/* ---- the same through an Excel workbook, as WPS saves it ---- */

/* numbers stay numbers (the village code too, as a sheet typed by hand has
 * it); row 3's stock is text, row 4's species is no species */
static char *
write_farm_workbook (void)
{
  char *path = g_build_filename (tmp_dir, "养殖场台账.xlsx", NULL);
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, "养殖场");
  const char *headers[] = { "养殖场编号", "养殖场名称", "行政村代码", "畜种", "存栏数", "统计年度" };
  const char *codes[] = { "TX-1", "TX-2", "TX-3", "TX-4" };
  const char *species[] = { "生猪", "生猪", "骆驼", "肉牛" };

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, c, headers[c], NULL);
  for (guint r = 0; r < G_N_ELEMENTS (codes); r++)
    {
      g_autofree char *name = g_strdup_printf ("表格养殖场%u", r + 1);

      worksheet_write_string (sheet, r + 1, 0, codes[r], NULL);
      worksheet_write_string (sheet, r + 1, 1, name, NULL);
      worksheet_write_number (sheet, r + 1, 2, 512022102204.0, NULL);
      worksheet_write_string (sheet, r + 1, 3, species[r], NULL);
      if (r == 1)
        worksheet_write_string (sheet, r + 1, 4, "三百头", NULL);
      else
        worksheet_write_number (sheet, r + 1, 4, 120 + r, NULL);
      worksheet_write_number (sheet, r + 1, 5, 2024, NULL);
    }
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
  return path;
}

static void
test_xlsx_sheet_with_bad_rows (void)
{
  g_autofree char *xlsx = write_farm_workbook ();
  g_autofree char *rejected = g_build_filename (tmp_dir, "xlsx-rejected.csv", NULL);
  guint n_farms = ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_FARMS);
  LedgerImportAssistant *assistant = open_assistant (xlsx);
  const LedgerImportReport *report;

  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 10));
  g_assert_cmpint (ledger_import_assistant_get_guessed_kind (assistant), ==, LEDGER_KIND_FARMS);
  g_assert_cmpint (ledger_import_assistant_get_column_field (assistant, 4), ==, field_index ("stock"));
  g_assert_null (ledger_import_assistant_get_missing_text (assistant));
  save_screenshot (GTK_WIDGET (assistant), "2-mapping-xlsx");

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 30));
  save_screenshot (GTK_WIDGET (assistant), "3-check-xlsx");
  report = ledger_import_assistant_get_preview (assistant);
  g_assert_cmpuint (report->n_rows, ==, 4);
  g_assert_cmpuint (report->n_rejected, ==, 2);
  g_assert_true (lists_problem_at (assistant, 3, "存栏数"));
  g_assert_true (lists_problem_at (assistant, 4, "畜种"));

  ledger_import_assistant_import_valid_to (assistant, rejected);
  g_assert_true (ledger_test_wait_for (pointer_is_null, &assistant, 30));
  g_assert_cmpuint (ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_FARMS), ==, n_farms + 2);
  g_assert_true (g_file_test (rejected, G_FILE_TEST_EXISTS));
}

/* ---- GeoJSON copied from Gaode: a line and a point ---- */

static const char water_geojson[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"properties\":{\"编号\":\"WG-1\",\"名称\":\"测试沟渠\",\"类型\":\"沟渠\","
  "\"行政村代码\":\"512022102204\",\"治理状态\":\"治理中\"},"
  "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[105.03,30.27],[105.04,30.28]]}},"
  "{\"type\":\"Feature\",\"properties\":{\"编号\":\"WG-2\",\"名称\":\"测试坑塘\",\"类型\":\"坑塘\","
  "\"行政村代码\":\"512022102204\",\"治理状态\":\"未启动\"},"
  "\"geometry\":{\"type\":\"Point\",\"coordinates\":[105.05,30.27]}}]}";

static LedgerRecord *
find_record (LedgerKind  kind,
             const char *code)
{
  g_autoptr (GPtrArray) records = ledger_store_load (ledger_window_get_db (window), kind, NULL, NULL);

  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (ledger_record_get (g_ptr_array_index (records, i), "code"), code) == 0)
      return ledger_record_copy (g_ptr_array_index (records, i));
  return NULL;
}

static void
test_geojson_in_gcj02 (void)
{
  g_autofree char *path = write_fixture ("水体.geojson", water_geojson, NULL);
  guint n_bodies = ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_WATER_BODIES);
  LedgerImportAssistant *assistant = open_assistant (path);
  g_autoptr (LedgerRecord) pond = NULL;
  double lon, lat;

  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 10));
  g_assert_cmpint (ledger_import_assistant_get_guessed_kind (assistant), ==, LEDGER_KIND_WATER_BODIES);
  ledger_import_assistant_set_crs (assistant, LEDGER_DATUM_GCJ02);
  save_screenshot (GTK_WIDGET (assistant), "2-mapping-geojson");
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 30));
  g_assert_cmpuint (ledger_import_assistant_get_preview (assistant)->n_new, ==, 2);
  g_assert_cmpuint (ledger_import_assistant_get_preview (assistant)->n_rejected, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.import-all", NULL);
  g_assert_true (ledger_test_wait_for (pointer_is_null, &assistant, 30));
  g_assert_cmpuint (ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_WATER_BODIES), ==, n_bodies + 2);
  /* stored as WGS-84: the Gaode point, converted */
  pond = find_record (LEDGER_KIND_WATER_BODIES, "WG-2");
  g_assert_nonnull (pond);
  ledger_coords_to_wgs84 (LEDGER_DATUM_GCJ02, 105.05, 30.27, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (ledger_record_get_double (pond, "lon", 0), lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (ledger_record_get_double (pond, "lat", 0), lat, 1e-6);
  g_assert_cmpfloat (fabs (lon - 105.05), >, 1e-3);
}

/* ---- KMZ as Google Earth saves it: Folders, Data, a description table ---- */

static void
test_google_earth_kmz (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "kml", "farms.kmz", NULL);
  guint n_farms = ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_FARMS);
  LedgerImportAssistant *assistant = open_assistant (path);
  g_autoptr (LedgerRecord) sheep = NULL;

  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 10));
  g_assert_cmpint (ledger_import_assistant_get_guessed_kind (assistant), ==, LEDGER_KIND_FARMS);
  save_screenshot (GTK_WIDGET (assistant), "2-mapping-kmz");
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 30));
  g_assert_cmpuint (ledger_import_assistant_get_preview (assistant)->n_new, ==, 2);
  g_assert_cmpuint (ledger_import_assistant_get_preview (assistant)->n_rejected, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.import-all", NULL);
  g_assert_true (ledger_test_wait_for (pointer_is_null, &assistant, 30));
  g_assert_cmpuint (ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_FARMS), ==, n_farms + 2);
  sheep = find_record (LEDGER_KIND_FARMS, "L102");
  g_assert_nonnull (sheep);
  g_assert_cmpstr (ledger_record_get (sheep, "name"), ==, "二村肉羊养殖场");
  g_assert_cmpstr (ledger_record_get (sheep, "species"), ==, "sheep_goat");
}

/* ---- re-importing: updates, not duplicates ---- */

static gboolean
lists_line (LedgerImportAssistant *assistant,
            const char            *text)
{
  for (guint i = 0; i < ledger_import_assistant_get_n_listed (assistant); i++)
    if (g_strcmp0 (ledger_import_assistant_get_listed (assistant, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* after the GBK sheet: TA-1 again with another stock, TA-3 as it is */
static void
test_update_lists_changed_fields (void)
{
  g_autofree char *csv = write_fixture ("更新.csv",
                                        "\xef\xbb\xbf编号,名称,经营主体,行政村代码,畜种,存栏,年出栏,经度,纬度,统计年度\n"
                                        "TA-1,测试猪场一,张三,512022102204,生猪,350,600,105.03,30.27,2024\n"
                                        "TA-3,测试牛场,王五,512022102204,肉牛,40,20,105.04,30.27,2024\n", NULL);
  g_autofree char *update = g_strdup_printf (tr ("Row %u: updates %s, changing %s"), 2, "TA-1",
                                             field_name ("stock"));
  guint n_farms = ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_FARMS);
  LedgerImportAssistant *assistant = open_assistant (csv);
  const LedgerImportReport *report;

  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 10));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 30));
  report = ledger_import_assistant_get_preview (assistant);
  g_assert_cmpuint (report->n_new, ==, 0);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (report->n_unchanged, ==, 1);
  g_assert_true (lists_line (assistant, update));
  /* the unchanged row is counted, not listed */
  g_assert_cmpuint (ledger_import_assistant_get_n_listed (assistant), ==, 1);

  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.import-all", NULL);
  g_assert_true (ledger_test_wait_for (pointer_is_null, &assistant, 30));
  g_assert_cmpuint (ledger_store_count (ledger_window_get_db (window), LEDGER_KIND_FARMS), ==, n_farms);
}

/* ---- a sheet where every row is wrong ---- */

/* 30,000 rejected rows: the page lists the first 20,000 problems and says
 * how many more there are; nothing can be imported */
static void
test_many_problems_listed_bounded (void)
{
  g_autoptr (GString) text = g_string_new ("编号,名称,行政村代码,畜种\n");
  g_autofree char *csv = NULL;
  g_autofree char *more = NULL;
  LedgerImportAssistant *assistant;
  guint n_listed;

  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (text, "BAD-%u,坏场%u,512022102204,骆驼\n", i, i);
  csv = write_fixture ("all-bad.csv", text->str, NULL);
  assistant = open_assistant (csv);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 30));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 60));
  g_assert_cmpuint (ledger_import_assistant_get_preview (assistant)->n_rejected, ==, 30000);

  n_listed = ledger_import_assistant_get_n_listed (assistant);
  g_assert_cmpuint (n_listed, ==, 20001);
  more = g_strdup_printf (tr ("… and %u more problems, not listed here: the rejected rows’ CSV names every one."),
                          10000);
  g_assert_cmpstr (ledger_import_assistant_get_listed (assistant, n_listed - 1), ==, more);
  g_assert_true (lists_problem_at (assistant, 2, "畜种"));
  g_assert_cmpstr (ledger_import_assistant_get_choice_text (assistant), ==,
                   tr ("Every row is rejected: correct the file and check it again."));
  gtk_window_destroy (GTK_WINDOW (assistant));
  ledger_test_iterate (50);
}

/* ---- stopping a large import ---- */

static char *
write_large_farms (guint n_rows)
{
  g_autoptr (GString) text = g_string_new ("编号,名称,行政村代码,畜种,存栏,经度,纬度,统计年度\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "BIG-%u,大场%u,512022102204,生猪,%u,105.0%u,30.2%u,2024\n",
                            i, i, 100 + i % 900, i % 10, i % 10);
  return write_fixture ("large-farms.csv", text->str, NULL);
}

static AdwMessageDialog *
find_dialog_over (GtkWindow *parent)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == parent)
      return l->data;
  return NULL;
}

/* closing (Escape, the close button) while writing asks first */
static void
close_asks_while_importing (LedgerImportAssistant *assistant)
{
  AdwMessageDialog *dialog;

  gtk_window_close (GTK_WINDOW (assistant));
  dialog = find_dialog_over (GTK_WINDOW (assistant));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (assistant)));
  adw_message_dialog_response (dialog, "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ledger_import_assistant_is_busy (assistant));
}

static void
test_stop_large_import (void)
{
  g_autofree char *csv = write_large_farms (100000);
  LedgerDb *db = ledger_window_get_db (window);
  guint n_farms = ledger_store_count (db, LEDGER_KIND_FARMS);
  LedgerImportAssistant *assistant = open_assistant (csv);

  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 30));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 120));
  g_assert_cmpuint (ledger_import_assistant_get_preview (assistant)->n_new, ==, 100000);

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.import-all", NULL);
  g_assert_cmpstr (ledger_import_assistant_get_page (assistant), ==, "import");
  g_assert_true (ledger_test_wait_for (import_under_way, assistant, 60));
  save_screenshot (GTK_WIDGET (assistant), "4-import");
  g_assert_true (ledger_import_assistant_is_busy (assistant));
  close_asks_while_importing (assistant);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.stop", NULL);
  g_assert_true (ledger_test_wait_for (is_idle, assistant, 60));

  g_assert_cmpstr (ledger_import_assistant_get_page (assistant), ==, "check");
  save_screenshot (GTK_WIDGET (assistant), "3-check-stopped");
  g_assert_cmpstr (ledger_import_assistant_get_status_text (assistant), ==,
                   tr ("The import was stopped: nothing was written to the ledger."));
  g_assert_cmpuint (ledger_store_count (db, LEDGER_KIND_FARMS), ==, n_farms);
  gtk_window_destroy (GTK_WINDOW (assistant));
  ledger_test_iterate (50);
}

/* ---- the first page ---- */

static gboolean
shows_read_error (gpointer assistant)
{
  return !ledger_import_assistant_is_busy (assistant) && ledger_import_assistant_get_read_error (assistant) != NULL;
}

static void
test_junk_file_refused (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "junk.csv", NULL);
  const char junk[] = "\x00\x01\x02PK\xff\xfe\x00garbage\x00\x00";
  g_autofree char *good = write_fixture ("good.csv",
                                         "名称,类型,行政村代码,运行状态\n"
                                         "站,村级集中处理站,512022102204,正常运行\n", NULL);
  LedgerImportAssistant *assistant;

  g_assert_true (g_file_set_contents (path, junk, sizeof junk, NULL));
  assistant = open_assistant (NULL);
  save_screenshot (GTK_WIDGET (assistant), "1-file");
  g_assert_cmpstr (ledger_import_assistant_get_page (assistant), ==, "file");
  ledger_import_assistant_open_file (assistant, path);
  g_assert_true (ledger_test_wait_for (shows_read_error, assistant, 10));
  g_assert_cmpstr (ledger_import_assistant_get_page (assistant), ==, "file");
  g_assert_cmpuint (strlen (ledger_import_assistant_get_read_error (assistant)), >, 0);
  save_screenshot (GTK_WIDGET (assistant), "1-file-error");

  /* reading stopped: back to choosing, no error, nothing read */
  ledger_import_assistant_open_file (assistant, good);
  g_assert_true (ledger_import_assistant_is_busy (assistant));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.stop", NULL);
  g_assert_true (ledger_test_wait_for (is_idle, assistant, 10));
  g_assert_cmpstr (ledger_import_assistant_get_page (assistant), ==, "file");
  g_assert_null (ledger_import_assistant_get_read_error (assistant));
  gtk_window_destroy (GTK_WINDOW (assistant));
  ledger_test_iterate (50);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static LedgerImportAssistant *
find_assistant (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LEDGER_IS_IMPORT_ASSISTANT (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_drop_opens_assistant (void)
{
  g_autofree char *csv = write_fixture ("dropped.csv",
                                        "名称,类型,行政村代码,运行状态\n"
                                        "站,村级集中处理站,512022102204,正常运行\n", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (csv);
  GtkDropTarget *drop = find_drop_target (GTK_WIDGET (window));
  g_auto (GValue) value = G_VALUE_INIT;
  GSList files = { file, NULL };
  LedgerImportAssistant *assistant;
  gboolean accepted = FALSE;

  g_assert_nonnull (drop);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (&files));
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  assistant = find_assistant ();
  g_assert_nonnull (assistant);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 10));
  g_assert_cmpint (ledger_import_assistant_get_kind (assistant), ==, LEDGER_KIND_FACILITIES);
  g_assert_null (ledger_import_assistant_get_missing_text (assistant));

  /* told it is a farm sheet, the columns are matched again and the
   * species is missing: the check waits for it */
  ledger_import_assistant_set_kind (assistant, LEDGER_KIND_FARMS);
  g_assert_cmpint (ledger_import_assistant_get_column_field (assistant, 0), ==, field_index ("name"));
  g_assert_nonnull (ledger_import_assistant_get_missing_text (assistant));
  g_assert_nonnull (strstr (ledger_import_assistant_get_missing_text (assistant), field_name ("species")));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  ledger_test_iterate (100);
  g_assert_cmpstr (ledger_import_assistant_get_page (assistant), ==, "mapping");
  g_assert_null (ledger_import_assistant_get_preview (assistant));
  gtk_window_destroy (GTK_WINDOW (assistant));
  ledger_test_iterate (50);
}

/* headers that name nothing the ledger keeps: the officer chooses */
static void
test_unknown_headers (void)
{
  g_autofree char *csv = write_fixture ("unknown.csv", "甲,乙,丙\n1,2,3\n", NULL);
  LedgerImportAssistant *assistant = open_assistant (csv);

  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 10));
  g_assert_cmpint (ledger_import_assistant_get_guessed_kind (assistant), ==, LEDGER_N_KINDS);
  g_assert_cmpint (ledger_import_assistant_get_kind (assistant), <, LEDGER_N_KINDS);
  for (guint c = 0; c < 3; c++)
    g_assert_cmpint (ledger_import_assistant_get_column_field (assistant, c), ==, -1);
  g_assert_nonnull (ledger_import_assistant_get_missing_text (assistant));
  save_screenshot (GTK_WIDGET (assistant), "2-mapping-unknown");
  gtk_window_destroy (GTK_WINDOW (assistant));
  ledger_test_iterate (50);
}

/* ---- the keyboard ---- */

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller)
                        && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (g_strcmp0 (text, trigger) == 0 && GTK_IS_NAMED_ACTION (named)
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Escape closes the assistant (it asks only while writing: see above);
 * Ctrl+I opens it from the window */
static void
test_escape_closes (void)
{
  LedgerImportAssistant *assistant = open_assistant (NULL);

  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  g_assert_true (has_shortcut (GTK_WIDGET (assistant), "Escape", "window.close"));
  g_assert_true (has_shortcut (GTK_WIDGET (window), "<Control>i", "win.import"));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "window.close", NULL);
  g_assert_true (ledger_test_wait_for (pointer_is_null, &assistant, 5));
}

/* ---- set-up ---- */

static void
open_app (void)
{
  g_autoptr (GError) error = NULL;

  tmp_dir = g_dir_make_tmp ("test-import-assistant-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);
}

/* ---- the workbook this program exports, edited and brought back ---- */

static void
test_own_workbook_kind_sheet (void)
{
  g_autofree char *xlsx = g_build_filename (tmp_dir, "exported.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  LedgerImportAssistant *assistant;
  const LedgerImportReport *report;

  g_assert_true (ledger_export_xlsx (ledger_window_get_db (window), xlsx, 2025, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assistant = open_assistant (xlsx);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 10));
  /* the first sheet is the summary, with no kind in its headers: the first
   * sheet that tells one is read instead (行政村) */
  g_assert_cmpint (ledger_import_assistant_get_guessed_kind (assistant), ==, LEDGER_KIND_VILLAGES);

  /* choosing the kind reads its sheet, 养殖场, and finds its columns */
  ledger_import_assistant_set_kind (assistant, LEDGER_KIND_FARMS);
  g_assert_true (ledger_test_wait_for (shows_mapping, assistant, 10));
  g_assert_cmpint (ledger_import_assistant_get_guessed_kind (assistant), ==, LEDGER_KIND_FARMS);
  g_assert_null (ledger_import_assistant_get_missing_text (assistant));

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.check", NULL);
  g_assert_true (ledger_test_wait_for (shows_check, assistant, 30));
  report = ledger_import_assistant_get_preview (assistant);
  g_assert_cmpuint (report->n_rows, >, 0);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_unchanged, ==, report->n_rows);
  gtk_window_destroy (GTK_WINDOW (assistant));
  ledger_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  ledger_i18n_init ();
  adw_init ();
  open_app ();

  g_test_add_func ("/import-assistant/junk-file-refused", test_junk_file_refused);
  g_test_add_func ("/import-assistant/own-workbook-kind-sheet", test_own_workbook_kind_sheet);
  g_test_add_func ("/import-assistant/drop-opens-assistant", test_drop_opens_assistant);
  g_test_add_func ("/import-assistant/unknown-headers", test_unknown_headers);
  g_test_add_func ("/import-assistant/escape-closes", test_escape_closes);
  g_test_add_func ("/import-assistant/gbk-sheet-with-bad-rows", test_gbk_sheet_with_bad_rows);
  g_test_add_func ("/import-assistant/xlsx-sheet-with-bad-rows", test_xlsx_sheet_with_bad_rows);
  g_test_add_func ("/import-assistant/geojson-in-gcj02", test_geojson_in_gcj02);
  g_test_add_func ("/import-assistant/google-earth-kmz", test_google_earth_kmz);
  g_test_add_func ("/import-assistant/update-lists-changed-fields", test_update_lists_changed_fields);
  g_test_add_func ("/import-assistant/many-problems-listed-bounded", test_many_problems_listed_bounded);
  g_test_add_func ("/import-assistant/stop-large-import", test_stop_large_import);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  ledger_test_remove_dir (tmp_dir);
  return status;
}
