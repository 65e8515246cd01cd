/* test-list-view.c: the Ledger page's lists on the demo ledger (Xvfb) */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ledger-app-resources.h"
#include "ledger-item.h"
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
  text = ledger_item_dup_text (first, LEDGER_COLUMN_STOCK);
  g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, max_stock);
  g_clear_object (&first);
  g_clear_pointer (&text, g_free);

  gtk_column_view_sort_by_column (view, stock, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);
  text = ledger_item_dup_text (first, LEDGER_COLUMN_STOCK);
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

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_resources_register (ledger_app_get_resource ());

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/list-view/counts-and-search", test_counts_and_search);
  ADD ("/list-view/township-and-status", test_township_and_status);
  ADD ("/list-view/sort", test_sort);
  ADD ("/list-view/select", test_select);
  ADD ("/list-view/reload", test_reload);
  ADD ("/list-view/villages", test_villages);
  return g_test_run ();
}
