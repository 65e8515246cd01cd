/* test-list-view.c: the Ledger page's lists on the demo ledger (Xvfb) */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <string.h>

#include "ledger-app-resources.h"
#include "ledger-item.h"
#include "ledger-item-list.h"
#include "ledger-list-view.h"
#include "ledger-regions.h"
#include "ledger-store.h"

typedef struct
{
  char           *dir;
  LedgerDb       *db;
  GtkWindow      *window;
  LedgerListView *view;
  int             n_selected;
  char           *selected_uid;
  int             selected_kind;
} Fixture;

static void
run_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* runs the main loop until @check holds or 5 s pass */
static gboolean
wait_until (gboolean (*check) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!check (data) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return check (data);
}

static gboolean
is_scrolled_down (gpointer scrollable)
{
  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (scrollable)) > 0;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
on_item_selected (LedgerListView *view,
                  int             kind,
                  const char     *uid,
                  Fixture        *fixture)
{
  fixture->n_selected++;
  fixture->selected_kind = kind;
  g_free (fixture->selected_uid);
  fixture->selected_uid = g_strdup (uid);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-list-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->db = ledger_ledger_create (path, "512022", TRUE, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 700);
  fixture->view = LEDGER_LIST_VIEW (ledger_list_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  g_signal_connect (fixture->view, "item-selected", G_CALLBACK (on_item_selected), fixture);
  ledger_list_view_set_db (fixture->view, fixture->db, 2025);
  gtk_window_present (fixture->window);
  run_until (is_mapped, fixture->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.show-kind",
                                             "i", (int) LEDGER_KIND_FARMS));
  settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "demo.db", NULL);

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->db);
  g_free (fixture->selected_uid);
  g_unlink (path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* the widget of @type under @root that is mapped (the shown kind's) */
static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static GPtrArray *
load_farms (Fixture *fixture)
{
  LedgerLoadOptions options = { .year = 2025 };
  g_autoptr (GError) error = NULL;
  GPtrArray *farms = ledger_store_load (fixture->db, LEDGER_KIND_FARMS, &options, &error);

  g_assert_no_error (error);
  return farms;
}

static void
test_counts_and_search (Fixture       *fixture,
                        gconstpointer  data)
{
  guint total = ledger_store_count (fixture->db, LEDGER_KIND_FARMS);

  g_assert_cmpint (ledger_list_view_get_kind (fixture->view), ==, LEDGER_KIND_FARMS);
  g_assert_cmpuint (total, >, 10);
  g_assert_cmpuint (ledger_list_view_get_n_total (fixture->view), ==, total);
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, total);

  ledger_list_view_set_search (fixture->view, "圣美园");
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, 1);
  /* code, case-insensitive */
  ledger_list_view_set_search (fixture->view, "l512022102204-1");
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, 1);
  ledger_list_view_set_search (fixture->view, "no such farm anywhere");
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, 0);
  ledger_list_view_set_search (fixture->view, "");
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, total);
}

static void
test_township_and_status (Fixture       *fixture,
                          gconstpointer  data)
{
  guint total = ledger_list_view_get_n_total (fixture->view);
  g_autoptr (GPtrArray) farms = load_farms (fixture);
  guint unmatched = 0, in_township = 0;
  GtkDropDown *status;

  for (guint i = 0; i < farms->len; i++)
    {
      LedgerRecord *farm = g_ptr_array_index (farms, i);
      if (g_strcmp0 (ledger_record_get (farm, "facilities_matched"), "1") != 0)
        unmatched++;
      if (g_str_has_prefix (ledger_record_get (farm, "village_code"), "512022102"))
        in_township++;
    }

  ledger_list_view_set_township (fixture->view, "512022102");
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, in_township);
  g_assert_cmpuint (in_township, <, total);
  ledger_list_view_set_township (fixture->view, NULL);
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, total);

  status = GTK_DROP_DOWN (find_mapped (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (status);
  gtk_drop_down_set_selected (status, 3); /* Not matched */
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, unmatched);
  gtk_drop_down_set_selected (status, 0);
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, total);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_mapped (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr (GPtrArray) farms = load_farms (fixture);
  g_autoptr (GtkColumnViewColumn) stock = NULL;
  g_autoptr (LedgerItem) first = NULL;
  g_autofree char *text = NULL;
  double max_stock = -1, min_stock = G_MAXDOUBLE;

  for (guint i = 0; i < farms->len; i++)
    {
      double s = ledger_record_get_double (g_ptr_array_index (farms, i), "stock", NAN);
      if (!isnan (s))
        max_stock = MAX (max_stock, s), min_stock = MIN (min_stock, s);
    }
  for (guint i = 0; i < g_list_model_get_n_items (columns) && stock == NULL; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), _("Stock")) == 0)
        stock = g_steal_pointer (&column);
    }
  g_assert_nonnull (stock);

  gtk_column_view_sort_by_column (view, stock, GTK_SORT_DESCENDING);
  first = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);
  text = ledger_item_dup_text (first, ledger_item_field_column (LEDGER_KIND_FARMS, "stock"));
  g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, max_stock);
  g_clear_object (&first);
  g_clear_pointer (&text, g_free);

  gtk_column_view_sort_by_column (view, stock, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);
  text = ledger_item_dup_text (first, ledger_item_field_column (LEDGER_KIND_FARMS, "stock"));
  g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, min_stock);
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, farms->len);
  settle ();
}

static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_mapped (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autoptr (LedgerItem) item = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_autoptr (LedgerItem) last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
  g_autofree char *last_uid = g_strdup (ledger_item_get_uid (last));

  /* what a click does */
  gtk_selection_model_select_item (model, 2, TRUE);
  g_assert_cmpint (fixture->n_selected, ==, 1);
  g_assert_cmpint (fixture->selected_kind, ==, LEDGER_KIND_FARMS);
  g_assert_cmpstr (fixture->selected_uid, ==, ledger_item_get_uid (item));
  g_assert_true (gtk_selection_model_is_selected (model, 2));

  /* the selection follows its row through a filter */
  ledger_list_view_set_search (fixture->view, ledger_item_get_name (item));
  g_assert_true (gtk_selection_model_is_selected (model, 0));
  ledger_list_view_set_search (fixture->view, NULL);
  g_assert_true (gtk_selection_model_is_selected (model, 2));

  /* selecting from outside does not echo item-selected, and scrolls */
  ledger_list_view_select (fixture->view, LEDGER_KIND_VILLAGES, "512022102204");
  g_assert_cmpint (ledger_list_view_get_kind (fixture->view), ==, LEDGER_KIND_VILLAGES);
  ledger_list_view_select (fixture->view, LEDGER_KIND_FARMS, last_uid);
  settle ();
  g_assert_cmpint (fixture->n_selected, ==, 1);
  g_assert_true (gtk_selection_model_is_selected (model, n - 1));
  g_assert_false (gtk_selection_model_is_selected (model, 2));
  /* scrolled to the end (a slow machine may take more than one settle) */
  g_assert_true (wait_until (is_scrolled_down, view));
}

static gboolean
has_one_more (gpointer data)
{
  Fixture *fixture = data;

  return ledger_list_view_get_n_total (fixture->view) == ledger_store_count (fixture->db, LEDGER_KIND_FARMS);
}

static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (LedgerRecord) farm = ledger_record_new (LEDGER_KIND_FARMS);
  g_autoptr (GError) error = NULL;
  guint before = ledger_list_view_get_n_total (fixture->view);

  ledger_record_set (farm, "name", "测试新增养殖场");
  ledger_record_set (farm, "village_code", "512022102204");
  ledger_record_set (farm, "species", "pig");
  ledger_record_set (farm, "year", "2025");
  ledger_record_set (farm, "stock", "120");
  ledger_list_view_set_search (fixture->view, "测试新增");
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, 0);
  g_assert_true (ledger_store_save (fixture->db, farm, &error));
  g_assert_no_error (error);

  run_until (has_one_more, fixture);
  g_assert_cmpuint (ledger_list_view_get_n_total (fixture->view), ==, before + 1);
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, 1);
}

static void
test_villages (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GPtrArray) villages = ledger_regions_list (fixture->db, "village", NULL);
  g_autoptr (GPtrArray) communities = ledger_regions_list (fixture->db, "community", NULL);
  GtkDropDown *status;
  guint effective, not_effective, no_record;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.show-kind", "i", (int) LEDGER_KIND_VILLAGES);
  settle ();
  g_assert_cmpuint (ledger_list_view_get_n_total (fixture->view), ==, villages->len + communities->len);
  status = GTK_DROP_DOWN (find_mapped (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (status, 1);
  effective = ledger_list_view_get_n_shown (fixture->view);
  gtk_drop_down_set_selected (status, 2);
  not_effective = ledger_list_view_get_n_shown (fixture->view);
  gtk_drop_down_set_selected (status, 3);
  no_record = ledger_list_view_get_n_shown (fixture->view);
  /* the demo reproduces the 2020 baseline of about 75 %; every administrative village in one class */
  g_assert_cmpuint (effective, >, 0);
  g_assert_cmpuint (effective + not_effective + no_record, ==, villages->len);
}


/* ---- issue 16, item 3: lists like a spreadsheet ---- */

static GtkColumnView *
shown_column_view (Fixture *fixture)
{
  return GTK_COLUMN_VIEW (find_mapped (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  return NULL;
}

/* the inner GtkListView of a column view: it owns the list.* actions a click runs */
static GtkWidget *
inner_list_view (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  g_assert_not_reached ();
}

static char *read_clipboard (GtkWidget *widget);

/* the first label under @widget, depth first */
static GtkLabel *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = first_label (child);
      if (found)
        return found;
    }
  return NULL;
}

/* The rows drawn at the top of the list show the codes of the model's first
 * items: after a search the list moves its row widgets to other rows
 * instead of making new ones, and each must show its new row. */
static void
assert_drawn_rows_match (Fixture *fixture)
{
  GtkColumnView *view = shown_column_view (fixture);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GtkWidget *row = gtk_widget_get_first_child (inner_list_view (view));
  guint n = MIN (g_list_model_get_n_items (model), 8), checked = 0;

  for (guint i = 0; i < n && row != NULL; i++, row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr (LedgerItem) item = g_list_model_get_item (model, i);
      g_autofree char *code = ledger_item_dup_text (item, LEDGER_COLUMN_CODE);
      GtkLabel *label = first_label (row);

      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (label), ==, code);
      checked++;
    }
  g_assert_cmpuint (checked, ==, n);
}

static void
test_search_redraws_rows (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *const searches[] = { "", "养殖", "养殖场", "石佛", "l5120221", "", "猪", "" };

  GListModel *model;
  guint n_total;
  g_autofree char *copied = NULL;
  g_auto (GStrv) lines = NULL;

  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      ledger_list_view_set_search (fixture->view, searches[i]);
      settle ();
      assert_drawn_rows_match (fixture);
      /* the frames have handed every row on */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (shown_column_view (fixture)))),
                        ==, ledger_list_view_get_n_shown (fixture->view));
    }

  /* right after a widening search, before the frames hand the rows on:
   * Select All and Copy take every row */
  ledger_list_view_set_search (fixture->view, "圣美园");
  settle ();
  ledger_list_view_set_search (fixture->view, "");
  model = G_LIST_MODEL (gtk_column_view_get_model (shown_column_view (fixture)));
  n_total = ledger_list_view_get_n_shown (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_total);
  g_assert_true (gtk_widget_activate_action (inner_list_view (shown_column_view (fixture)), "list.select-all", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.copy", NULL));
  copied = read_clipboard (GTK_WIDGET (fixture->view));
  lines = g_strsplit (copied, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + n_total + 1);
  for (guint i = 1; i <= n_total; i++)
    g_assert_true (g_str_has_prefix (lines[i], "L512022"));
}

/* the rows of @view GTK has, and how many of them are drawn (not hidden:
 * opacity above 0) */
static guint
count_rows (GtkColumnView *view,
            guint         *drawn)
{
  guint n = 0;

  *drawn = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (inner_list_view (view)); row; row = gtk_widget_get_next_sibling (row))
    {
      n++;
      *drawn += gtk_widget_get_opacity (row) > 0;
    }
  return n;
}

/* A narrowing's positions past the new end are hidden at once (its rows
 * kept, not drawn) and dropped by the frames after; the rows drawn are the
 * shown ones */
static void
test_narrowing_hides_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkColumnView *view = shown_column_view (fixture);
  guint before, drawn, after;

  ledger_list_view_set_search (fixture->view, "");
  settle ();
  before = count_rows (view, &drawn);
  g_assert_cmpuint (before, >, 3);
  g_assert_cmpuint (drawn, ==, before);

  ledger_list_view_set_search (fixture->view, "圣美园");
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, 1);
  g_assert_cmpuint (count_rows (view, &drawn), ==, before);
  g_assert_cmpuint (drawn, ==, 1);
  {
    g_autoptr (LedgerItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);
    g_autofree char *code = ledger_item_dup_text (item, LEDGER_COLUMN_CODE);
    GtkLabel *label = first_label (gtk_widget_get_first_child (inner_list_view (view)));

    g_assert_cmpstr (gtk_label_get_text (label), ==, code);
    g_assert_cmpfloat (gtk_widget_get_opacity (gtk_widget_get_first_child (inner_list_view (view))), ==, 1);
  }

  settle ();
  after = count_rows (view, &drawn);
  g_assert_cmpuint (after, ==, 1);
  g_assert_cmpuint (drawn, ==, 1);
  assert_drawn_rows_match (fixture);

  /* widening again: the rows come back drawn, with their text */
  ledger_list_view_set_search (fixture->view, "");
  settle ();
  g_assert_cmpuint (count_rows (view, &drawn), ==, before);
  g_assert_cmpuint (drawn, ==, before);
  assert_drawn_rows_match (fixture);
}

static void
test_township_column (Fixture       *fixture,
                      gconstpointer  data)
{
  static const LedgerKind kinds[] = { LEDGER_KIND_FACILITIES, LEDGER_KIND_FARMS, LEDGER_KIND_WATER_BODIES, LEDGER_KIND_VILLAGES };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GtkColumnView *view;
      g_autoptr (LedgerItem) first = NULL;
      g_autofree char *township = NULL;

      gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.show-kind", "i", (int) kinds[k]);
      settle ();
      view = shown_column_view (fixture);
      g_assert_nonnull (column_titled (view, _("Township")));
      first = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);
      township = ledger_item_dup_text (first, LEDGER_COLUMN_TOWNSHIP);
      g_assert_true (g_str_has_suffix (township, "镇") || g_str_has_suffix (township, "乡") ||
                     g_str_has_suffix (township, "街道"));
    }
}

static void
on_filters_cleared (LedgerListView *view,
                    int            *count)
{
  (*count)++;
}

static gboolean
is_positive (gpointer count)
{
  return *(int *) count > 0;
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  guint total = ledger_list_view_get_n_total (fixture->view);
  GtkWidget *page, *button;
  GtkDropDown *status = GTK_DROP_DOWN (find_mapped (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN));
  int cleared = 0;

  g_signal_connect (fixture->view, "filters-cleared", G_CALLBACK (on_filters_cleared), &cleared);
  g_assert_null (find_mapped (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE));
  gtk_drop_down_set_selected (status, 3); /* Not matched */
  ledger_list_view_set_search (fixture->view, "no such farm anywhere");
  settle ();
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, 0);
  page = find_mapped (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, _("No farms match"));
  g_assert_null (find_mapped (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));

  /* the button clears the search and the filters */
  button = find_mapped (page, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (wait_until (is_positive, &cleared));
  settle ();
  g_assert_cmpint (cleared, ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 0);
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, total);
  g_assert_null (find_mapped (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (find_mapped (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW));
}

static gboolean
is_at_top (gpointer scrollable)
{
  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (scrollable)) == 0;
}

static void
test_sort_to_top (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkColumnView *view;
  GListModel *model;
  g_autoptr (LedgerItem) row = NULL;
  g_autofree char *uid = NULL;
  guint n, position;

  /* the villages: a list much longer than the window */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.show-kind", "i", (int) LEDGER_KIND_VILLAGES);
  settle ();
  view = shown_column_view (fixture);
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 100);
  position = n * 2 / 3;
  row = g_list_model_get_item (model, position);
  uid = g_strdup (ledger_item_get_uid (row));

  /* a row far down in view, clicked: selected and focused */
  ledger_list_view_select (fixture->view, LEDGER_KIND_VILLAGES, uid);
  g_assert_true (wait_until (is_scrolled_down, view));
  gtk_widget_activate_action (inner_list_view (view), "list.select-item", "(ubb)", position, FALSE, FALSE);
  settle ();
  /* a new order by name puts the view at its top, not on the selected row */
  gtk_column_view_sort_by_column (view, column_titled (view, _("Name")), GTK_SORT_ASCENDING);
  settle ();
  g_assert_true (wait_until (is_at_top, view));
  settle ();
  g_assert_true (is_at_top (view));
  g_assert_cmpstr (ledger_item_list_get_selected_uid (LEDGER_ITEM_LIST (gtk_column_view_get_model (view))), ==, uid);
}

typedef struct
{
  char *text;
} ClipboardRead;

static void
on_clipboard_read (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      data)
{
  ClipboardRead *read = data;
  g_autoptr (GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

static gboolean
has_text (gpointer data)
{
  return ((ClipboardRead *) data)->text != NULL;
}

static char *
read_clipboard (GtkWidget *widget)
{
  ClipboardRead read = { NULL };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_read, &read);
  g_assert_true (wait_until (has_text, &read));
  return read.text;
}

/* the TSV a person expects: the visible titles, then each row's cells */
static char *
expected_tsv (GtkColumnView *view,
              const guint   *positions,
              guint          n_positions)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GString *text = g_string_new (NULL);
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      GtkColumnViewColumn *column = g_list_model_get_item (columns, i);
      if (gtk_column_view_column_get_visible (column))
        {
          g_string_append_printf (text, "%s%s", shown->len ? "\t" : "", gtk_column_view_column_get_title (column));
          g_ptr_array_add (shown, column);
        }
      else
        g_object_unref (column);
    }
  g_string_append (text, "\r\n");
  for (guint p = 0; p < n_positions; p++)
    {
      g_autoptr (LedgerItem) item = g_list_model_get_item (model, positions[p]);
      for (guint c = 0; c < shown->len; c++)
        {
          LedgerColumnId id = GPOINTER_TO_UINT (g_object_get_data (g_ptr_array_index (shown, c), "ledger-column"));
          g_autofree char *cell = ledger_item_dup_text (item, id);
          g_string_append_printf (text, "%s%s", c ? "\t" : "", cell ? cell : "");
        }
      g_string_append (text, "\r\n");
    }
  return g_string_free (text, FALSE);
}

static void
test_multi_select_copy (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkColumnView *view = shown_column_view (fixture);
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  GtkWidget *list = inner_list_view (view);
  static const guint chosen[] = { 1, 3, 4, 5 };
  g_autofree char *copied = NULL;
  g_autofree char *expected = NULL;
  g_auto (GStrv) lines = NULL;

  /* nothing selected: Copy leaves the clipboard alone */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->view)), "unchanged");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.copy", NULL);
  copied = read_clipboard (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (copied, ==, "unchanged");
  g_clear_pointer (&copied, g_free);
  /* a click on row 1, Ctrl+click on row 3, Shift+click on row 5 */
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 1, FALSE, FALSE);
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 3, TRUE, FALSE);
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 5, TRUE, TRUE);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpint (gtk_selection_model_is_selected (model, i), ==, i == 1 || (i >= 3 && i <= 5));
  g_assert_cmpint (fixture->selected_kind, ==, LEDGER_KIND_FARMS);

  /* the species column hidden, the township shown */
  gtk_column_view_column_set_visible (column_titled (view, _("Species")), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.copy", NULL));
  copied = read_clipboard (GTK_WIDGET (fixture->view));
  expected = expected_tsv (view, chosen, G_N_ELEMENTS (chosen));
  g_assert_cmpstr (copied, ==, expected);
  lines = g_strsplit (copied, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + G_N_ELEMENTS (chosen) + 1);
  g_assert_true (g_str_has_prefix (lines[0], "Code\tName\tTownship\tVillage\t"));
  g_assert_null (strstr (lines[0], "Species"));
  g_assert_cmpuint (g_strv_length (g_strsplit (lines[1], "\t", -1)), ==,
                    g_strv_length (g_strsplit (lines[0], "\t", -1)));

  /* Ctrl+click on a selected row unselects it */
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 3, TRUE, FALSE);
  g_assert_false (gtk_selection_model_is_selected (model, 3));
  g_assert_true (gtk_selection_model_is_selected (model, 4));
  /* a plain click selects one row again */
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 7, FALSE, FALSE);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpint (gtk_selection_model_is_selected (model, i), ==, i == 7);
}

static void
test_pinyin_search (Fixture       *fixture,
                    gconstpointer  data)
{
  guint by_hanzi, by_initials, by_full;

  ledger_list_view_set_search (fixture->view, "劳动");
  by_hanzi = ledger_list_view_get_n_shown (fixture->view);
  ledger_list_view_set_search (fixture->view, "ldz");
  by_initials = ledger_list_view_get_n_shown (fixture->view);
  ledger_list_view_set_search (fixture->view, "laodong");
  by_full = ledger_list_view_get_n_shown (fixture->view);
  g_assert_cmpuint (by_hanzi, >, 0);
  g_assert_cmpuint (by_hanzi, <, ledger_list_view_get_n_total (fixture->view));
  g_assert_cmpuint (by_initials, >=, by_hanzi);
  g_assert_cmpuint (by_full, ==, by_hanzi);
  ledger_list_view_set_search (fixture->view, "qqxq");
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, 0);
}

static void
test_export_view (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkColumnView *view = shown_column_view (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "view.xlsx", NULL);
  g_autofree char *out = NULL, *err = NULL, *expected = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree guint *positions = NULL;
  guint n;
  int status;
  const char *python = g_getenv ("LEDGER_OPENPYXL_PYTHON");
  const char *argv[] = { python && *python ? python : "python3", "-c",
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
    "for row in ws.iter_rows(values_only=True):\n"
    "    sys.stdout.write('\\t'.join('' if v is None else (str(int(v)) if isinstance(v, float) and v == int(v) else str(v)) for v in row) + '\\r\\n')\n",
    path, NULL };

  /* filtered and sorted: a township, by stock from the largest */
  ledger_list_view_set_township (fixture->view, "512022102");
  gtk_column_view_sort_by_column (view, column_titled (view, _("Stock")), GTK_SORT_DESCENDING);
  gtk_column_view_column_set_visible (column_titled (view, _("Pig equivalents")), FALSE);
  g_assert_true (ledger_list_view_export_view_to (fixture->view, path, &error));
  g_assert_no_error (error);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("python3-openpyxl cannot read the file back");
      g_test_message ("%s", err ? err : "");
      return;
    }
  n = ledger_list_view_get_n_shown (fixture->view);
  g_assert_cmpuint (n, >, 1);
  g_assert_cmpuint (n, <, ledger_list_view_get_n_total (fixture->view));
  positions = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    positions[i] = i;
  expected = expected_tsv (view, positions, n);
  /* numbers come back as numbers: the stock column's integers print the same */
  g_assert_cmpstr (out, ==, expected);

  /* a folder that is not there: a message naming the file, nothing written */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "missing", "view.xlsx", NULL);
  g_assert_false (ledger_list_view_export_view_to (fixture->view, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "view.xlsx"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *uid;
  const char *status;
} StatusWait;

static gboolean
has_status (gpointer data)
{
  StatusWait *wait = data;
  g_autoptr (LedgerRecord) r = ledger_store_get (wait->fixture->db, LEDGER_KIND_FACILITIES, wait->uid, 0, NULL);

  return r && g_strcmp0 (ledger_record_get (r, "status"), wait->status) == 0;
}

static gboolean
dialog_is_gone (gpointer data)
{
  return find_message_dialog () == NULL;
}

static void
test_batch_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkColumnView *view;
  GtkWidget *list, *dialog, *apply;
  GtkDropDown *field, *value;
  g_autoptr (LedgerItem) first = NULL, second = NULL, third = NULL;
  const LedgerEnum *statuses = ledger_enum_by_name ("facility_status");
  guint stopped = 0;
  StatusWait wait = { fixture, NULL, "stopped" };

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.show-kind", "i", (int) LEDGER_KIND_FACILITIES);
  settle ();
  view = shown_column_view (fixture);
  list = inner_list_view (view);
  first = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);
  second = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 1);
  third = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 2);
  /* the demo's first facilities run: nothing stopped yet among the two */
  wait.uid = ledger_item_get_uid (first);
  g_assert_false (has_status (&wait));

  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 0, FALSE, FALSE);
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 1, TRUE, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.edit-selected", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Edit 2 Selected Rows");

  /* field: Status; value: Stopped */
  field = GTK_DROP_DOWN (find_mapped (dialog, GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (field);
  gtk_drop_down_set_selected (field, 1);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (field)), ==, _("Status"));
  settle ();
  /* the value's drop-down, in place of the text entry */
  value = GTK_DROP_DOWN (find_mapped (gtk_widget_get_next_sibling (GTK_WIDGET (field)), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (value);
  for (guint i = 0; i < statuses->n_values; i++)
    if (g_strcmp0 (statuses->values[i].key, "stopped") == 0)
      stopped = i;
  gtk_drop_down_set_selected (value, stopped);
  apply = find_button_labelled (dialog, "_Apply");
  g_assert_nonnull (apply);
  g_assert_true (gtk_widget_activate (apply));
  g_assert_true (wait_until (has_status, &wait));
  wait.uid = ledger_item_get_uid (second);
  g_assert_true (has_status (&wait));
  wait.uid = ledger_item_get_uid (third);
  g_assert_false (has_status (&wait));
  g_assert_true (wait_until (dialog_is_gone, NULL));
}

/* the drop-downs of the shown list's toolbar, in order: status, 村, 运维单位 */
static GtkDropDown *
toolbar_dropdown (Fixture *fixture,
                  guint    index)
{
  GtkWidget *status = find_mapped (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN);
  GtkWidget *filters = gtk_widget_get_next_sibling (gtk_widget_get_parent (status));
  GtkWidget *box = gtk_stack_get_visible_child (GTK_STACK (filters));
  GtkWidget *child = gtk_widget_get_first_child (box);

  if (index == 0)
    return GTK_DROP_DOWN (status);
  for (guint i = 1; child && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child ? GTK_DROP_DOWN (child) : NULL;
}

static guint
choice_index (GtkDropDown *dropdown,
              const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
test_column_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (shown_column_view (fixture)));
  g_autoptr (LedgerItem) item = g_list_model_get_item (model, 0);
  GtkDropDown *village = toolbar_dropdown (fixture, 1);
  GtkDropDown *entity = toolbar_dropdown (fixture, 2);
  GtkDropDown *operator;
  g_autofree char *village_name = ledger_item_dup_text (item, LEDGER_COLUMN_VILLAGE);
  g_autofree char *township = ledger_item_dup_text (item, LEDGER_COLUMN_CODE);
  guint in_village = 0, total = ledger_list_view_get_n_total (fixture->view);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) facilities = NULL;
  LedgerLoadOptions options = { .year = 2025 };
  guint by_operator = 0;
  const char *an_operator = NULL;

  g_assert_nonnull (village);
  g_assert_nonnull (entity);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (village)), ==, _("All villages"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LedgerItem) other = g_list_model_get_item (model, i);
      g_autofree char *name = ledger_item_dup_text (other, LEDGER_COLUMN_VILLAGE);
      in_village += g_strcmp0 (name, village_name) == 0;
    }
  g_assert_cmpuint (in_village, <, total);

  /* 村: a person picks the village from the drop-down */
  gtk_drop_down_set_selected (village, choice_index (village, village_name));
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, in_village);
  /* combined with the search: its name and a word no farm has */
  ledger_list_view_set_search (fixture->view, "no such farm anywhere");
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, 0);
  ledger_list_view_set_search (fixture->view, NULL);
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, in_village);
  /* another township: its villages only, the choice gone */
  /* farm codes are L + the village code: L512022102204-1 */
  ledger_list_view_set_township (fixture->view, g_str_has_prefix (township, "L512022101") ? "512022102" : "512022101");
  g_assert_cmpuint (choice_index (village, village_name), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (gtk_drop_down_get_selected (village), ==, 0);
  ledger_list_view_set_township (fixture->view, NULL);
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, total);

  /* 运维单位 of the facilities */
  facilities = ledger_store_load (fixture->db, LEDGER_KIND_FACILITIES, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < facilities->len && an_operator == NULL; i++)
    an_operator = ledger_record_get (g_ptr_array_index (facilities, i), "operator");
  g_assert_nonnull (an_operator);
  for (guint i = 0; i < facilities->len; i++)
    if (g_strcmp0 (ledger_record_get (g_ptr_array_index (facilities, i), "operator"), an_operator) == 0)
      by_operator++;
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.show-kind", "i", (int) LEDGER_KIND_FACILITIES);
  settle ();
  operator = toolbar_dropdown (fixture, 2);
  g_assert_nonnull (operator);
  gtk_drop_down_set_selected (operator, choice_index (operator, an_operator));
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, by_operator);
  g_assert_cmpuint (by_operator, <, ledger_list_view_get_n_total (fixture->view));
  /* the empty state's button clears it too */
  ledger_list_view_set_search (fixture->view, "no such facility anywhere");
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger-list.clear-filters", NULL));
  g_assert_cmpuint (gtk_drop_down_get_selected (operator), ==, 0);
  g_assert_cmpuint (ledger_list_view_get_n_shown (fixture->view), ==, ledger_list_view_get_n_total (fixture->view));
}

/* Every field the kinds table lists has one column, titled by its list_label,
 * numeric when the field is a number; the app's own columns show no field. */
static void
test_columns_from_kinds (void)
{
  for (LedgerKind kind = 0; kind <= LEDGER_KIND_WATER_BODIES; kind++)
    {
      guint n_fields, n_specs, n_listed = 0, n_field_columns = 0;
      const LedgerField *fields = ledger_kind_fields (kind, &n_fields);
      const LedgerColumnSpec *specs = ledger_item_columns (kind, &n_specs);

      for (guint i = 0; i < n_fields; i++)
        {
          LedgerColumnId id = ledger_item_field_column (kind, fields[i].key);
          const LedgerColumnSpec *spec = NULL;

          if (fields[i].list_label == NULL)
            {
              g_assert_cmpint (id, ==, LEDGER_N_COLUMNS);
              continue;
            }
          n_listed++;
          for (guint c = 0; c < n_specs; c++)
            if (specs[c].id == id)
              spec = &specs[c];
          g_assert_nonnull (spec);
          g_assert_true (spec->field == &fields[i]);
          g_assert_cmpstr (spec->title, ==, fields[i].list_label);
          g_assert_cmpint (spec->numeric, ==, fields[i].type == LEDGER_FIELD_INT
                           || fields[i].type == LEDGER_FIELD_REAL || fields[i].type == LEDGER_FIELD_YEAR);
        }
      for (guint c = 0; c < n_specs; c++)
        n_field_columns += specs[c].field != NULL;
      g_assert_cmpuint (n_field_columns, ==, n_listed);
      g_assert_cmpuint (n_listed, >, 0);
    }
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_resources_register (ledger_app_get_resource ());

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/list-view/counts-and-search", test_counts_and_search);
  ADD ("/list-view/township-and-status", test_township_and_status);
  ADD ("/list-view/sort", test_sort);
  ADD ("/list-view/select", test_select);
  ADD ("/list-view/reload", test_reload);
  ADD ("/list-view/villages", test_villages);
  ADD ("/list-view/township-column", test_township_column);
  ADD ("/list-view/empty-state", test_empty_state);
  ADD ("/list-view/sort-to-top", test_sort_to_top);
  ADD ("/list-view/multi-select-copy", test_multi_select_copy);
  ADD ("/list-view/pinyin-search", test_pinyin_search);
  ADD ("/list-view/search-redraws-rows", test_search_redraws_rows);
  ADD ("/list-view/narrowing-hides-rows", test_narrowing_hides_rows);
  ADD ("/list-view/export-view", test_export_view);
  ADD ("/list-view/batch-edit", test_batch_edit);
  ADD ("/list-view/column-filters", test_column_filters);
  g_test_add_func ("/list-view/columns-from-kinds", test_columns_from_kinds);
  return g_test_run ();
}
