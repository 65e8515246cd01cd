/* test-map-export.c: File → Export Map… to PDF and PNG at A4 and A3
 *
 * The page sizes are read back with pdfinfo and the text with pdftotext
 * (poppler-utils); the PNG is read back and must hold the map, not a blank
 * page. */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-test-app.h"
#include "ledger-test-util.h"
#include "ledger-window-map-export.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  /* pdftotext FILE - prints to stdout; pdfinfo takes one argument */
  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (item)), heading) == 0)
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

static void
test_dialog (void)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-map", NULL));
  dialog = find_dialog ("Export Map");
  g_assert_nonnull (dialog);
  list = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (ADW_IS_COMBO_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)));
  g_assert_true (ADW_IS_COMBO_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1)));
  g_assert_true (adw_message_dialog_has_response (dialog, "export"));
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
assert_pdf (LedgerPaper paper, const char *size)
{
  g_autofree char *path = g_build_filename (tmp_dir, paper == LEDGER_PAPER_A3 ? "map-a3.pdf" : "map-a4.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  g_assert_true (ledger_window_export_map (window, path, paper, &error));
  g_assert_no_error (error);
  info = run_tool ("pdfinfo", path);
  if (strstr (info, size) == NULL)
    g_error ("pdfinfo does not say %s:\n%s", size, info);
  g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", info, G_REGEX_MULTILINE, 0));
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "乐至县"));
  g_assert_nonnull (strstr (text, "2025"));
  g_assert_nonnull (strstr (text, "Legend"));
  g_assert_nonnull (strstr (text, "Sewage facility"));
  g_assert_nonnull (strstr (text, "km"));
  g_assert_nonnull (strstr (text, "WGS-84"));
}

static void
test_pdf (void)
{
  assert_pdf (LEDGER_PAPER_A4, "842 x 595 pts (A4)");
  assert_pdf (LEDGER_PAPER_A3, "1191 x 842 pts (A3)");
}

/* how many pixels are not white, and whether the outline's blue is there */
static void
count_pixels (GdkTexture *texture, guint *n_inked, gboolean *has_outline)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint8 *pixels = g_malloc ((gsize) width * height * 4);

  *n_inked = 0;
  *has_outline = FALSE;
  gdk_texture_download (texture, pixels, width * 4);   /* B G R A */
  for (int i = 0; i < width * height; i++)
    {
      guint8 b = pixels[4 * i], g = pixels[4 * i + 1], r = pixels[4 * i + 2];

      *n_inked += r < 240 || g < 240 || b < 240;
      *has_outline |= b > 180 && r < 90 && g > 90 && g < 160;
    }
}

static void
test_png (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "map.png", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  guint n_inked;
  gboolean has_outline;

  g_assert_true (ledger_window_export_map (window, path, LEDGER_PAPER_A4, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  /* A4 landscape at 150 dpi */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1755);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1240);
  count_pixels (texture, &n_inked, &has_outline);
  g_assert_cmpuint (n_inked, >, 1755 * 1240 / 5);
  g_assert_true (has_outline);
  if (g_getenv ("LEDGER_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("LEDGER_SCREENSHOT_DIR"), "map-export-a4.png", NULL);
      g_assert_true (gdk_texture_save_to_png (texture, copy));
    }
}

/* the filters of the window are said on the page */
static void
test_filters_in_words (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "shifo.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  ledger_window_show_holding_back (window, "512022101", LEDGER_INDICATOR_VILLAGE_SEWAGE);
  g_assert_nonnull (ledger_window_get_holding_back_text (window));
  expected = g_strdup (ledger_window_get_holding_back_text (window));
  g_assert_true (ledger_window_export_map (window, path, LEDGER_PAPER_A4, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Area: 石佛镇"));
  /* pdftotext may wrap the sentence: its first words are enough */
  expected[MIN (strlen (expected), 12)] = '\0';
  g_assert_nonnull (strstr (text, expected));
  ledger_window_clear_holding_back (window);
}

static void
test_unwritable (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "missing", "map.pdf", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (ledger_window_export_map (window, path, LEDGER_PAPER_A4, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "map.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_autofree char *db_path = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("test-map-export-XXXXXX", NULL);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);
  ledger_window_set_year (window, 2025);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_test_add_func ("/map-export/dialog", test_dialog);
  g_test_add_func ("/map-export/pdf", test_pdf);
  g_test_add_func ("/map-export/png", test_png);
  g_test_add_func ("/map-export/filters-in-words", test_filters_in_words);
  g_test_add_func ("/map-export/unwritable", test_unwritable);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  ledger_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
