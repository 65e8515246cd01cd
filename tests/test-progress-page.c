/* test-progress-page.c: the Progress page of the real window on the demo ledger
 *
 * The figures shown are core's, the charts list townships worst first, a
 * township chosen in a chart filters the list to what holds it back (and
 * the bar says so until closed), the help explains the rules in use, and
 * the page prints to a PDF. Needs a display (Xvfb).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ledger-test-app.h"
#include "ledger-application.h"
#include "ledger-bar-chart.h"
#include "ledger-indicator-help.h"
#include "ledger-list-view.h"
#include "ledger-map-view.h"
#include "ledger-progress-page.h"
#include "ledger-regions.h"
#include "ledger-rules-edit.h"
#include "ledger-settings.h"
#include "ledger-store.h"
#include "ledger-targets.h"
#include "ledger-targets-page.h"
#include "ledger-window.h"
#include "ledger-test-util.h"

static LedgerApplication *app;
static LedgerWindow *window;
static char *tmp_dir;
static char *db_path;

static LedgerProgressPage *
page (void)
{
  return LEDGER_PROGRESS_PAGE (ledger_window_get_progress_page (window));
}

static gboolean
trend_ready (gpointer data)
{
  return ledger_progress_page_get_trend (page ()) != NULL;
}

static void
test_rates_are_cores (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) progress = NULL;

  ledger_window_set_view (window, "progress");
  progress = ledger_progress_compute (ledger_window_get_db (window), ledger_window_get_year (window), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      g_autofree char *expected = ledger_format_rate (progress->county.indicators[i].rate);

      g_assert_cmpstr (ledger_progress_page_get_rate_text (page (), i), ==, expected);
    }
}

static void
test_trend_from_baseline (void)
{
  GPtrArray *trend;
  int year = ledger_window_get_year (window);

  g_assert_true (ledger_test_wait_for (trend_ready, NULL, 10));
  trend = ledger_progress_page_get_trend (page ());
  g_assert_cmpuint (trend->len, ==, year - LEDGER_BASELINE_YEAR + 1);
  g_assert_cmpint (((LedgerProgress *) g_ptr_array_index (trend, 0))->year, ==, LEDGER_BASELINE_YEAR);
  g_assert_cmpint (((LedgerProgress *) g_ptr_array_index (trend, trend->len - 1))->year, ==, year);
}

/* the first row button a chart shows (its rows are made for the townships
 * on screen, in a GtkListView) */
static GtkWidget *
find_bar_row (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "bar-row") && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_bar_row (child);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
has_bar_row (gpointer chart)
{
  return find_bar_row (chart) != NULL;
}

static GtkWidget *
first_bar_row (LedgerIndicatorId id)
{
  GtkWidget *chart = ledger_progress_page_get_bar_chart (page (), id);

  g_assert_true (ledger_test_wait_for (has_bar_row, chart, 10));
  return find_bar_row (chart);
}

static void
test_bars_worst_first (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) progress = ledger_progress_compute (ledger_window_get_db (window),
                                                                 ledger_window_get_year (window), NULL, &error);
  g_autoptr (GPtrArray) bars = ledger_bars_from_progress (progress, LEDGER_INDICATOR_VILLAGE_SEWAGE);
  GtkWidget *row = first_bar_row (LEDGER_INDICATOR_VILLAGE_SEWAGE);
  const LedgerBar *first = g_ptr_array_index (bars, 0);
  const char *tooltip;

  g_assert_cmpuint (bars->len, ==, progress->townships->len);
  for (guint i = 1; i < bars->len; i++)
    {
      const LedgerBar *before = g_ptr_array_index (bars, i - 1), *bar = g_ptr_array_index (bars, i);

      if (!isnan (bar->rate) && !isnan (before->rate))
        g_assert_cmpfloat (before->target - before->rate, >=, bar->target - bar->rate);
    }
  /* the first row is the worst township, says so in words, and takes the focus */
  g_assert_true (GTK_IS_BUTTON (row));
  g_assert_true (gtk_widget_get_focusable (row));
  tooltip = gtk_widget_get_tooltip_text (row);
  g_assert_true (g_str_has_prefix (tooltip, first->name));
  if (!first->met)
    g_assert_nonnull (strstr (tooltip, first->gap));
}

static void
test_township_shows_what_holds_it_back (void)
{
  LedgerListView *list = LEDGER_LIST_VIEW (ledger_window_get_list_view (window));
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) progress = ledger_progress_compute (ledger_window_get_db (window),
                                                                 ledger_window_get_year (window), NULL, &error);
  g_autoptr (GPtrArray) bars = ledger_bars_from_progress (progress, LEDGER_INDICATOR_VILLAGE_SEWAGE);
  const LedgerBar *worst = g_ptr_array_index (bars, 0);
  g_autoptr (GHashTable) expected = ledger_progress_holding_back (ledger_window_get_db (window),
                                                                  ledger_window_get_year (window), worst->code,
                                                                  LEDGER_INDICATOR_VILLAGE_SEWAGE, &error);
  guint n_township;

  g_assert_no_error (error);
  g_assert_null (ledger_window_get_holding_back_text (window));
  g_signal_emit_by_name (first_bar_row (LEDGER_INDICATOR_VILLAGE_SEWAGE), "clicked");

  /* the list of villages, only those not effectively treated */
  g_assert_cmpint (ledger_list_view_get_kind (list), ==, LEDGER_KIND_VILLAGES);
  g_assert_cmpuint (ledger_list_view_get_n_shown (list), ==, g_hash_table_size (expected));
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);
  g_assert_nonnull (strstr (ledger_window_get_holding_back_text (window), worst->name));

  /* ✕ shows the township's villages again, the bar goes */
  ledger_window_clear_holding_back (window);
  g_assert_null (ledger_window_get_holding_back_text (window));
  n_township = ledger_list_view_get_n_shown (list);
  g_assert_cmpuint (n_township, >, g_hash_table_size (expected));

  /* a change of year ends the filter */
  ledger_window_show_holding_back (window, worst->code, LEDGER_INDICATOR_VILLAGE_SEWAGE);
  g_assert_nonnull (ledger_window_get_holding_back_text (window));
  ledger_window_set_year (window, ledger_window_get_year (window) - 1);
  g_assert_null (ledger_window_get_holding_back_text (window));
  ledger_window_set_year (window, ledger_window_get_year (window) + 1);
}

/* the map too shows only what holds the township back */
static void
test_map_shows_what_holds_it_back (void)
{
  LedgerMapView *map = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (map);
  LedgerPointSet *points = ledger_point_layer_get_points (layer);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) progress = ledger_progress_compute (ledger_window_get_db (window),
                                                                 ledger_window_get_year (window), NULL, &error);
  g_autoptr (GPtrArray) bars = ledger_bars_from_progress (progress, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED);
  const LedgerBar *worst = g_ptr_array_index (bars, 0);
  g_autoptr (GHashTable) uids = NULL;
  GHashTableIter iter;
  const char *uid;
  guint n_located = 0, n_all;

  g_assert_false (worst->met);
  uids = ledger_progress_holding_back (ledger_window_get_db (window), ledger_window_get_year (window),
                                       worst->code, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED, &error);
  g_hash_table_iter_init (&iter, uids);
  while (g_hash_table_iter_next (&iter, (gpointer *) &uid, NULL))
    n_located += ledger_point_set_find (points, uid) != NULL;
  g_assert_cmpuint (n_located, >, 0);

  ledger_window_show_holding_back (window, worst->code, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED);
  g_assert_cmpuint (ledger_point_layer_get_n_visible (layer), ==, n_located);

  /* remediating one of them takes it off the list once the edit is saved */
  {
    g_autoptr (LedgerRecord) body = NULL;
    g_autofree char *before = g_strdup (ledger_window_get_holding_back_text (window));
    gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

    g_hash_table_iter_init (&iter, uids);
    g_assert_true (g_hash_table_iter_next (&iter, (gpointer *) &uid, NULL));
    body = ledger_store_get (ledger_window_get_db (window), LEDGER_KIND_WATER_BODIES, uid, 0, &error);
    g_assert_no_error (error);
    ledger_record_set (body, "status", "completed");
    ledger_record_set (body, "completed_on", "2020-06-30");
    g_assert_true (ledger_store_save (ledger_window_get_db (window), body, &error));
    g_assert_no_error (error);
    while (g_strcmp0 (before, ledger_window_get_holding_back_text (window)) == 0 && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpstr (before, !=, ledger_window_get_holding_back_text (window));
    g_assert_cmpuint (ledger_list_view_get_n_shown (LEDGER_LIST_VIEW (ledger_window_get_list_view (window))), ==,
                      g_hash_table_size (uids) - 1);
  }
  ledger_window_clear_holding_back (window);
  n_all = ledger_point_layer_get_n_visible (layer);
  g_assert_cmpuint (n_all, >, n_located);
}

static void
test_help_says_rules_in_use (void)
{
  LedgerDb *db = ledger_window_get_db (window);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = ledger_indicator_explain (db, LEDGER_INDICATOR_VILLAGE_SEWAGE);
  g_autofree char *after = NULL;
  g_autofree char *scale = ledger_indicator_explain (db, LEDGER_INDICATOR_SCALE_FARM_FACILITIES);

  g_assert_nonnull (strstr (before, "50 %"));
  g_assert_true (ledger_rules_set (db, "coverage_threshold", "0.6", &error));
  g_assert_no_error (error);
  after = ledger_indicator_explain (db, LEDGER_INDICATOR_VILLAGE_SEWAGE);
  g_assert_nonnull (strstr (after, "60 %"));
  g_assert_null (strstr (after, "50 %"));
  /* the scale standard in use is named */
  g_assert_true (ledger_rules_set (db, "scale_standard", "sichuan2017", &error));
  g_clear_pointer (&scale, g_free);
  scale = ledger_indicator_explain (db, LEDGER_INDICATOR_SCALE_FARM_FACILITIES);
  g_assert_null (strstr (scale, "mara2025"));
  g_assert_true (ledger_rules_set (db, "coverage_threshold", "0.5", &error));
  g_assert_true (ledger_rules_set (db, "scale_standard", "mara2025", &error));
}

/* issue 12: the help cites what the rules use, or says it is unverified or
 * 本地口径, as docs/RULES.md does */
static void
test_help_cites_sources (void)
{
  LedgerDb *db = ledger_window_get_db (window);
  g_autofree char *sewage = ledger_indicator_explain (db, LEDGER_INDICATOR_VILLAGE_SEWAGE);
  g_autofree char *manure = ledger_indicator_explain (db, LEDGER_INDICATOR_MANURE_UTILISATION);
  g_autofree char *scale = ledger_indicator_explain (db, LEDGER_INDICATOR_SCALE_FARM_FACILITIES);
  g_autofree char *national = ledger_indicator_explain (db, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED);
  g_autofree char *all = ledger_indicator_explain (db, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED_ALL);
  g_autofree char *gb18596 = NULL;

  g_assert_nonnull (strstr (sewage, "本地口径"));
  g_assert_nonnull (strstr (sewage, "专栏1 (9)"));
  g_assert_nonnull (strstr (manure, "unverified"));
  g_assert_null (strstr (manure, "畜禽粪污土地承载力测算技术指南"));
  g_assert_nonnull (strstr (scale, "2017-07-24"));
  g_assert_nonnull (strstr (scale, "source not confirmed"));
  g_assert_nonnull (strstr (national, "面积未填"));
  g_assert_nonnull (strstr (national, "2023/2024"));
  g_assert_nonnull (strstr (national, "参考（城市黑臭水体分级）"));
  g_assert_nonnull (strstr (all, "no default target"));
  g_assert_true (ledger_rules_set (db, "pig_equivalent_ratios", "gb18596", NULL));
  gb18596 = ledger_indicator_explain (db, LEDGER_INDICATOR_SCALE_FARM_FACILITIES);
  g_assert_nonnull (strstr (gb18596, "GB 18596-2001 (1.2.2, 1.2.5)"));
  g_assert_true (ledger_rules_set (db, "pig_equivalent_ratios", "common", NULL));
}

/* every indicator has a default county target but black_odorous_remediated_all */
#define N_DEFAULT_TARGETS (LEDGER_N_INDICATORS - 1)

static void
test_targets_page_adds_and_removes (void)
{
  LedgerDb *db = ledger_window_get_db (window);
  g_autoptr (GError) error = NULL;
  LedgerTargetsPage *targets = LEDGER_TARGETS_PAGE (g_object_ref_sink (ledger_targets_page_new (db)));
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (LedgerProgress) progress = NULL;
  guint last;

  /* the four county targets for every year, which cannot be removed
   * (black_odorous_remediated_all has none) */
  g_assert_cmpuint (ledger_targets_page_get_n_rows (targets), ==, N_DEFAULT_TARGETS);
  for (guint i = 0; i < N_DEFAULT_TARGETS; i++)
    g_assert_null (ledger_targets_page_get_remove_button (targets, i));

  /* 中天镇 held to 90 % in 2025: a new row, and progress uses it */
  ledger_targets_page_fill_form (targets, LEDGER_INDICATOR_VILLAGE_SEWAGE, 2025, "512022111", 90);
  g_signal_emit_by_name (ledger_targets_page_get_add_button (targets), "clicked");
  g_assert_cmpuint (ledger_targets_page_get_n_rows (targets), ==, N_DEFAULT_TARGETS + 1);
  progress = ledger_progress_compute (db, 2025, "512022111", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (((LedgerScopeProgress *) g_ptr_array_index (progress->townships, 0))
                                    ->indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE].target, 0.9, 1e-9);

  /* a year out of range is refused: nothing written */
  ledger_targets_page_fill_form (targets, LEDGER_INDICATOR_MANURE_UTILISATION, 1999, "county", 95);
  g_signal_emit_by_name (ledger_targets_page_get_add_button (targets), "clicked");
  g_assert_cmpuint (ledger_targets_page_get_n_rows (targets), ==, N_DEFAULT_TARGETS + 1);
  stored = ledger_targets_list (db, &error);
  g_assert_cmpuint (stored->len, ==, N_DEFAULT_TARGETS + 1);

  /* the township's row has a Remove button that removes it */
  for (last = 0; last < ledger_targets_page_get_n_rows (targets); last++)
    if (ledger_targets_page_get_remove_button (targets, last) != NULL)
      break;
  g_assert_cmpuint (last, <, ledger_targets_page_get_n_rows (targets));
  g_signal_emit_by_name (ledger_targets_page_get_remove_button (targets, last), "clicked");
  g_assert_cmpuint (ledger_targets_page_get_n_rows (targets), ==, N_DEFAULT_TARGETS);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = ledger_targets_list (db, &error);
  g_assert_cmpuint (stored->len, ==, N_DEFAULT_TARGETS);
  g_object_unref (targets);
}

static guint
count_pages (const char *pdf,
             gsize       length)
{
  static const char needle[] = "/Type /Page";
  gsize size = sizeof needle - 1;
  guint n = 0;

  /* a PDF holds binary streams: compare bytes, not C strings */
  for (gsize i = 0; i + size < length; i++)
    if (memcmp (pdf + i, needle, size) == 0 && pdf[i + size] != 's')
      n++;
  return n;
}

static void
test_prints_to_pdf (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "progress.pdf", NULL);
  g_autofree char *contents = NULL;
  const char *keep = g_getenv ("LEDGER_TEST_KEEP_PDF");
  gsize length = 0;

  g_assert_true (ledger_test_wait_for (trend_ready, NULL, 10));
  g_assert_cmpint (ledger_progress_page_export_pdf (page (), path, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (count_pages (contents, length), ==, 2);
  if (keep != NULL)
    g_assert_true (g_file_set_contents (keep, contents, length, NULL));
  g_unlink (path);
}

static void
open_app (void)
{
  g_autoptr (GError) error = NULL;

  tmp_dir = g_dir_make_tmp ("test-progress-page-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "lezhi.db", NULL);
  window = ledger_test_open_app (db_path, &app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  open_app ();

  g_test_add_func ("/progress-page/rates-are-cores", test_rates_are_cores);
  g_test_add_func ("/progress-page/trend-from-baseline", test_trend_from_baseline);
  g_test_add_func ("/progress-page/bars-worst-first", test_bars_worst_first);
  g_test_add_func ("/progress-page/township-shows-what-holds-it-back", test_township_shows_what_holds_it_back);
  g_test_add_func ("/progress-page/map-shows-what-holds-it-back", test_map_shows_what_holds_it_back);
  g_test_add_func ("/progress-page/help-says-rules-in-use", test_help_says_rules_in_use);
  g_test_add_func ("/progress-page/help-cites-sources", test_help_cites_sources);
  g_test_add_func ("/progress-page/prints-to-pdf", test_prints_to_pdf);
  g_test_add_func ("/progress-page/targets-page", test_targets_page_adds_and_removes);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  g_unlink (db_path);
  return status;
}
