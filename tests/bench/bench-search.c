/* bench-search.c: typing in the Ledger page's search over N farms
 *
 * Usage: bench-search [N] [--screenshot FILE.png [K]]
 * Builds a ledger of N generated farms (one transaction), shows the real
 * LedgerListView in a window, types the characters of one farm's name one by
 * one and deletes them again through ledger_list_view_set_search, and after
 * each keystroke runs the main loop until the list has been painted again.
 * "filter" is the time from the keystroke until that paint: what a user sees
 * (the list hands GTK a screenful of new rows in that frame and the rest a
 * step a frame after; the time until every row is handed on is printed
 * too).
 * Prints `bench-search: N rows, worst keystroke X ms, median Y ms (narrowing:
 * worst …; widening: worst …; limit 50 ms; peer: a plain scan …)`, typing
 * being the narrowing and deleting the widening, the peer strstr over the N
 * names in C; details go to stderr.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>
#include <gtk/gtk.h>

#include "ledger-app-resources.h"
#include "ledger-list-view.h"
#include "ledger-regions.h"
#include "ledger-store.h"

static const char *const first[] = { "金", "顺", "宝", "林", "石", "佛", "回", "澜", "童", "家", "良", "安", "天", "池", "南", "塔" };
static const char *const second[] = { "丰", "盛", "兴", "旺", "福", "康", "瑞", "祥", "和", "泰", "鑫", "源", "达", "华", "乐", "美" };
static const char *const trades[] = { "生猪养殖场", "奶牛场", "肉牛养殖场", "养羊场", "蛋鸡场", "肉鸡场", "家禽养殖场" };
static const char *const species[] = { "pig", "dairy", "beef", "sheep_goat", "layer", "broiler", "other_poultry" };

static char *
farm_name (guint i)
{
  guint a = i % G_N_ELEMENTS (first), b = (i / 16) % G_N_ELEMENTS (second);
  guint c = (i / 256) % G_N_ELEMENTS (first), d = (i / 4096) % G_N_ELEMENTS (second);

  return g_strdup_printf ("乐至%s%s%s%s%s%u", first[a], second[b], first[c], second[d],
                          trades[i % G_N_ELEMENTS (trades)], i);
}

static LedgerDb *
build_ledger (const char *path,
              guint       n)
{
  g_autoptr (GError) error = NULL;
  LedgerDb *db = ledger_ledger_create (path, "512022", FALSE, &error);
  g_autoptr (GPtrArray) villages = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  villages = ledger_regions_list (db, "village", &error);
  g_assert_no_error (error);
  g_assert_true (ledger_db_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LedgerRecord) farm = ledger_record_new (LEDGER_KIND_FARMS);
      g_autofree char *name = farm_name (i);
      g_autofree char *op = g_strdup_printf ("%s%s农牧有限公司", second[i % 16], first[(i / 7) % 16]);
      g_autofree char *stock = g_strdup_printf ("%u", 50 + (i * 37) % 5000);
      LedgerRegion *village = g_ptr_array_index (villages, i % villages->len);

      ledger_record_set (farm, "name", name);
      ledger_record_set (farm, "operator", op);
      ledger_record_set (farm, "village_code", village->code);
      ledger_record_set (farm, "species", species[i % G_N_ELEMENTS (species)]);
      ledger_record_set (farm, "year", "2025");
      ledger_record_set (farm, "stock", stock);
      ledger_record_set (farm, "facilities_matched", i % 3 ? "1" : "0");
      if (!ledger_store_save (db, farm, &error))
        g_error ("farm %u: %s", i, error->message);
    }
  g_assert_true (ledger_db_commit (db, &error));
  g_printerr ("bench-search: built %u farms in %.1f s\n", n,
              (g_get_monotonic_time () - start) / 1e6);
  return db;
}

static double cpu_ms (void);

static guint n_paints;
static gint64 first_paint_at, last_paint_at;
static double first_paint_cpu;
/* the end of each phase of the keystroke's first frame (GdkFrameClock:
 * update runs the tick callbacks, layout measures and allocates, paint
 * snapshots and renders); [3] its start. Until the frame, GDK's X11 backend
 * measures the window in an idle of its own (the cells whose text changed). */
static gint64 phase_end[4];

static void
on_phase_done (GdkFrameClock *clock,
               gpointer       phase)
{
  if (first_paint_at == 0)
    phase_end[GPOINTER_TO_UINT (phase)] = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  n_paints++;
  last_paint_at = g_get_monotonic_time ();
  if (first_paint_at == 0)
    {
      first_paint_at = last_paint_at;
      first_paint_cpu = cpu_ms ();
    }
}

/* runs the main loop until 50 ms pass without a paint or other work: a
 * paced list has handed GTK all its rows, a step a frame */
static void
settle_all (void)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  gint64 quiet_since = g_get_monotonic_time ();

  while (g_get_monotonic_time () < end && g_get_monotonic_time () - MAX (quiet_since, last_paint_at) < 50000)
    {
      if (g_main_context_iteration (NULL, FALSE))
        quiet_since = g_get_monotonic_time ();
      else
        g_usleep (200);
    }
}

/* runs the main loop until a paint happened and nothing else is pending */
static void
settle (void)
{
  guint paints = n_paints;
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      gboolean busy = g_main_context_iteration (NULL, FALSE);
      if (n_paints > paints && !busy)
        break;
      if (!busy)
        g_usleep (200);
    }
}

/* the process's CPU time: a keystroke's cost on a shared machine, where the
 * wall time also counts the time other processes had the CPU */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/* the peer: the filter's own work, strstr over every name, without GTK */
static double
plain_scan_ms (guint       n,
               const char *needle)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint found = 0;
  gint64 start;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, farm_name (i));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    found += strstr (g_ptr_array_index (names, i), needle) != NULL;
  g_assert_cmpuint (found, >, 0);
  return (g_get_monotonic_time () - start) / 1e3;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *file)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_save_to_png (texture, file);
  g_object_unref (paintable);
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  const char *shot = argc > 3 && g_str_equal (argv[2], "--screenshot") ? argv[3] : NULL;
  glong shot_at = argc > 4 ? g_ascii_strtoll (argv[4], NULL, 10) : 3;   /* characters typed */
  g_autofree char *dir = g_dir_make_tmp ("bench-search-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *name = farm_name (n / 2);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  double worst[2] = { 0, 0 }, worst_cpu[2] = { 0, 0 };   /* narrowing, widening */
  double worst_settled = 0, worst_settled_cpu = 0;
  g_autoptr (LedgerDb) db = NULL;
  GtkWindow *window;
  GtkWidget *view;
  glong len;
  gint64 t0;

  gtk_init ();
  g_resources_register (ledger_app_get_resource ());
  db = build_ledger (path, n);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  view = ledger_list_view_new ();
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (view), "after-paint", G_CALLBACK (on_after_paint), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (view), "before-paint", G_CALLBACK (on_phase_done), GUINT_TO_POINTER (3));
  g_signal_connect_after (gtk_widget_get_frame_clock (view), "update", G_CALLBACK (on_phase_done), GUINT_TO_POINTER (0));
  g_signal_connect_after (gtk_widget_get_frame_clock (view), "layout", G_CALLBACK (on_phase_done), GUINT_TO_POINTER (1));
  g_signal_connect_after (gtk_widget_get_frame_clock (view), "paint", G_CALLBACK (on_phase_done), GUINT_TO_POINTER (2));

  t0 = g_get_monotonic_time ();
  ledger_list_view_set_db (LEDGER_LIST_VIEW (view), db, 2025);
  gtk_widget_activate_action (view, "ledger-list.show-kind", "i", (int) LEDGER_KIND_FARMS);
  settle ();
  g_printerr ("bench-search: loaded and shown in %.1f ms\n", (g_get_monotonic_time () - t0) / 1e3);

  /* type the name, then delete it */
  len = g_utf8_strlen (name, -1);
  for (glong i = 1; i <= 2 * len; i++)
    {
      glong k = i <= len ? i : 2 * len - i;
      g_autofree char *text = g_utf8_substring (name, 0, k);
      double ms, model_ms, cpu, cpu0, settled_ms, settled_cpu;
      gint64 model_end;

      settle_all ();
      first_paint_at = 0;
      t0 = g_get_monotonic_time ();
      cpu0 = cpu_ms ();
      ledger_list_view_set_search (LEDGER_LIST_VIEW (view), text);
      model_end = g_get_monotonic_time ();
      model_ms = (model_end - t0) / 1e3;
      memset (phase_end, 0, sizeof phase_end);
      gtk_widget_queue_draw (view);   /* a paint even when nothing changed */
      settle ();
      ms = (first_paint_at - t0) / 1e3;
      cpu = first_paint_cpu - cpu0;
      settle_all ();
      settled_ms = (last_paint_at - t0) / 1e3;
      settled_cpu = cpu_ms () - cpu0;
      worst_settled = MAX (worst_settled, settled_ms);
      worst_settled_cpu = MAX (worst_settled_cpu, settled_cpu);
      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu);
      worst[i > len] = MAX (worst[i > len], ms);
      worst_cpu[i > len] = MAX (worst_cpu[i > len], cpu);
      g_printerr ("  \"%s\": %u shown, %.1f ms (model %.1f ms, then until the frame %.1f, tick %.1f, layout %.1f, paint %.1f ms; "
                  "CPU %.1f ms; every row handed on %.1f ms)\n", text,
                  ledger_list_view_get_n_shown (LEDGER_LIST_VIEW (view)), ms, model_ms,
                  phase_end[3] ? (phase_end[3] - model_end) / 1e3 : 0,
                  phase_end[0] && phase_end[3] ? (phase_end[0] - phase_end[3]) / 1e3 : 0,
                  phase_end[1] && phase_end[0] ? (phase_end[1] - phase_end[0]) / 1e3 : 0,
                  phase_end[2] && phase_end[1] ? (phase_end[2] - phase_end[1]) / 1e3 : 0,
                  cpu, settled_ms);
      if (shot && k == shot_at && i <= len)
        save_screenshot (GTK_WIDGET (window), shot);
    }
  g_array_sort (times, compare_double);
  g_array_sort (cpu_times, compare_double);
  g_print ("bench-search: %u rows, worst keystroke %.1f ms, median %.1f ms (narrowing: worst %.1f ms, CPU %.1f ms; "
           "widening: worst %.1f ms, CPU %.1f ms; CPU: worst %.1f ms, median %.1f ms; "
           "limit 50 ms; peer: a plain scan of the %u names for the whole name %.1f ms); "
           "until every row is handed on, a screenful a frame: worst %.1f ms, CPU %.1f ms\n", n,
           g_array_index (times, double, times->len - 1), g_array_index (times, double, times->len / 2),
           worst[0], worst_cpu[0], worst[1], worst_cpu[1],
           g_array_index (cpu_times, double, cpu_times->len - 1), g_array_index (cpu_times, double, cpu_times->len / 2),
           n, plain_scan_ms (n, name), worst_settled, worst_settled_cpu);

  gtk_window_destroy (window);
  g_clear_object (&db);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
