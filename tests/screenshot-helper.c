/* screenshot-helper.c: renders the window's views to PNG for the README and
 * the metainfo (run by tools/screenshots.sh under Xvfb, in zh_CN)
 *
 * Usage: screenshot-helper LEDGER.db OUTDIR
 * Writes OUTDIR/map.png, ledger.png, progress.png, inspections.png (the window in each view,
 * a farm selected) and editor.png (the farm's editor over the dimmed window),
 * all WIDTH×HEIGHT. Renders the widgets themselves (no screen grab), so the
 * images do not depend on a window manager.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "ledger-application.h"
#include "ledger-editor.h"
#include "ledger-i18n.h"
#include "ledger-map-view.h"
#include "ledger-settings.h"
#include "ledger-window.h"
#include "ledger-test-util.h"

#define WIDTH  1280
#define HEIGHT 800

static void
append_window (GtkSnapshot *snapshot,
               GtkWidget   *window)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
}

static void
save_node (GtkWidget     *window,
           GskRenderNode *node,
           const char    *path)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window));
  g_autoptr (GdkTexture) texture = gsk_renderer_render_texture (renderer, node, &bounds);

  if (!gdk_texture_save_to_png (texture, path))
    g_error ("cannot write %s", path);
  g_print ("%s (%d×%d)\n", path, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
}

static void
save_window (GtkWidget  *window,
             const char *path)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;

  append_window (snapshot, window);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  save_node (window, node, path);
}

/* the dialog centred over the dimmed window, as a window manager shows it */
static void
save_dialog_over_window (GtkWidget  *window,
                         GtkWidget  *dialog,
                         const char *path)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  GdkRGBA dim = { 0, 0, 0, 0.35 };
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  graphene_point_t offset = GRAPHENE_POINT_INIT ((width - gtk_widget_get_width (dialog)) / 2.f,
                                                 (height - gtk_widget_get_height (dialog)) / 2.f);

  append_window (snapshot, window);
  gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_translate (snapshot, &offset);
  append_window (snapshot, dialog);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  save_node (window, node, path);
}

static const LedgerPoint *
first_point (LedgerWindow *window,
             LedgerKind    kind)
{
  LedgerMapView *map_view = LEDGER_MAP_VIEW (ledger_window_get_map_view (window));
  LedgerPointSet *points = ledger_point_layer_get_points (ledger_map_view_get_point_layer (map_view));

  for (guint i = 0; points != NULL && i < ledger_point_set_get_n (points); i++)
    if (ledger_point_set_get (points, i)->kind == kind)
      return ledger_point_set_get (points, i);
  g_error ("the ledger has no located point of kind %d", kind);
}

static LedgerWindow *
open_window (LedgerApplication *app,
             const char        *db_path)
{
  g_autoptr (GSettings) settings = ledger_settings_new ();
  g_autoptr (GError) error = NULL;
  LedgerWindow *window;

  g_settings_set_string (settings, "base-map", "none");
  g_settings_set_int (settings, "window-width", WIDTH);
  g_settings_set_int (settings, "window-height", HEIGHT);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  ledger_application_set_db_path (app, db_path);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_activate (G_APPLICATION (app));
  window = LEDGER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ledger_test_iterate (1000);
  /* the default size counts the frame the window draws around itself */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * WIDTH - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * HEIGHT - gtk_widget_get_height (GTK_WIDGET (window)));
  ledger_test_iterate (1000);
  return window;
}

/* LEDGER_SCREENSHOT_DIALOGS=1: also the preferences, shortcuts and About
 * windows (dialogs-*.png), to check their translation; not for the README */
static void
save_app_dialogs (LedgerApplication *app,
                  LedgerWindow      *window,
                  const char        *dir)
{
  const char *actions[] = { "preferences", "shortcuts", "about" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *file = g_strdup_printf ("dialogs-%s.png", actions[i]);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr (GList) toplevels = NULL;
      GtkWidget *dialog = NULL;

      g_action_group_activate_action (G_ACTION_GROUP (app), actions[i], NULL);
      ledger_test_iterate (1000);
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (l->data != (gpointer) window && gtk_widget_get_visible (l->data))
          dialog = l->data;
      if (dialog == NULL)
        g_error ("app.%s opened no window", actions[i]);
      save_window (dialog, path);
      gtk_window_destroy (GTK_WINDOW (dialog));
      ledger_test_iterate (200);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *views[] = { "map", "ledger", "progress", "inspections" };
  g_autoptr (LedgerApplication) app = NULL;
  LedgerWindow *window;
  const LedgerPoint *farm;
  LedgerEditor *editor;
  g_autofree char *farm_uid = NULL;

  if (argc != 3)
    {
      g_printerr ("Usage: %s LEDGER.db OUTDIR\n", argv[0]);
      return 2;
    }
  ledger_i18n_init ();
  gtk_init ();
  adw_init ();
  app = ledger_application_new ();
  window = open_window (app, argv[1]);
  farm = first_point (window, LEDGER_KIND_FARMS);
  farm_uid = g_strdup (farm->uid);
  ledger_window_select_item (window, LEDGER_KIND_FARMS, farm_uid);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.png", views[i]);
      g_autofree char *path = g_build_filename (argv[2], file, NULL);

      ledger_window_set_view (window, views[i]);
      ledger_test_iterate (1500);
      save_window (GTK_WIDGET (window), path);
    }

  ledger_window_set_view (window, "ledger");
  editor = ledger_editor_new (GTK_WINDOW (window), ledger_window_get_db (window), LEDGER_KIND_FARMS,
                              farm_uid, ledger_window_get_year (window));
  gtk_window_present (GTK_WINDOW (editor));
  ledger_test_iterate (1500);
  {
    g_autofree char *path = g_build_filename (argv[2], "editor.png", NULL);

    save_dialog_over_window (GTK_WIDGET (window), GTK_WIDGET (editor), path);
  }
  gtk_window_destroy (GTK_WINDOW (editor));
  if (g_getenv ("LEDGER_SCREENSHOT_DIALOGS") != NULL)
    save_app_dialogs (app, window, argv[2]);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
