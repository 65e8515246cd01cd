/* ledger-map-view-tools.c: what officers do on a map besides looking
 * (issue 11 item 5) — the keyboard, the coordinates under the pointer and
 * "copy coordinates", measuring, and picking a location for the editor */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-map-view-private.h"

/* a quarter of the view per arrow key */
#define PAN_FRACTION 0.25

/* ---- auxiliary ---- */

static GtkWidget *
map_widget (LedgerMapView *self)
{
  return GTK_WIDGET (shumate_simple_map_get_map (self->simple_map));
}

static char *
format_lonlat (double lon,
               double lat)
{
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

  /* lon, lat: the order of the 经度, 纬度 columns of every sheet */
  return g_strdup_printf ("%s, %s", g_ascii_formatd (x, sizeof x, "%.6f", lon),
                          g_ascii_formatd (y, sizeof y, "%.6f", lat));
}

static void
pan_by (LedgerMapView *self,
        double         dx,
        double         dy)
{
  GtkWidget *map = map_widget (self);
  ShumateViewport *viewport = ledger_map_view_get_viewport (self);
  double width = gtk_widget_get_width (map), height = gtk_widget_get_height (map);
  double lat, lon;

  shumate_viewport_widget_coords_to_location (viewport, map, width / 2 + dx * width * PAN_FRACTION,
                                              height / 2 + dy * height * PAN_FRACTION, &lat, &lon);
  shumate_map_center_on (SHUMATE_MAP (map), lat, lon);
}

static void
zoom_by (LedgerMapView *self,
         double         delta)
{
  ShumateViewport *viewport = ledger_map_view_get_viewport (self);
  double zoom = shumate_viewport_get_zoom_level (viewport) + delta;

  shumate_viewport_set_zoom_level (viewport, CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                                                    shumate_viewport_get_max_zoom_level (viewport)));
}

/* keys for the map, not for a popover's buttons */
static gboolean
focus_on_map (LedgerMapView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL;
}

static gboolean
handle_measure_key (LedgerMapView *self,
                    guint          keyval)
{
  if (!ledger_measure_layer_get_active (self->measure_layer))
    return FALSE;
  if (keyval == GDK_KEY_Escape)
    gtk_toggle_button_set_active (self->measure_button, FALSE);
  else if (keyval == GDK_KEY_BackSpace)
    ledger_measure_layer_undo (self->measure_layer);
  else
    return FALSE;
  return TRUE;
}

/* ---- signal callbacks ---- */

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   LedgerMapView         *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || !focus_on_map (self))
    return FALSE;
  if (handle_measure_key (self, keyval))
    return TRUE;
  if (keyval == GDK_KEY_Escape && self->pick_callback != NULL)
    {
      ledger_map_view_cancel_pick (self);
      return TRUE;
    }
  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      zoom_by (self, 1);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_underscore: case GDK_KEY_KP_Subtract:
      zoom_by (self, -1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      pan_by (self, -1, 0);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      pan_by (self, 1, 0);
      return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      pan_by (self, 0, -1);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      pan_by (self, 0, 1);
      return TRUE;
    default:
      /* typed on the map, a letter stays on the map: it does not start a
       * search on the Ledger page (the window's key capture) */
      return g_unichar_isgraph (gdk_keyval_to_unicode (keyval));
    }
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              LedgerMapView            *self)
{
  g_autofree char *text = NULL;
  double lat, lon;

  shumate_viewport_widget_coords_to_location (ledger_map_view_get_viewport (self), map_widget (self),
                                              x, y, &lat, &lon);
  self->pointer_lon = lon;
  self->pointer_lat = lat;
  text = g_strdup_printf (_("Longitude %.6f, latitude %.6f (WGS-84)"), lon, lat);
  gtk_label_set_label (self->pointer_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->pointer_label), TRUE);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             LedgerMapView            *self)
{
  self->pointer_lon = self->pointer_lat = NAN;
  gtk_widget_set_visible (GTK_WIDGET (self->pointer_label), FALSE);
}

/* a click on the map gives it the keyboard: + − and the arrows then work */
static void
on_map_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   LedgerMapView   *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->point_layer));
}

static void
on_pick_released_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     LedgerMapView   *self)
{
  LedgerMapViewPickFunc callback = self->pick_callback;
  gpointer data = self->pick_data;
  double lat, lon;

  if (callback == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  shumate_viewport_widget_coords_to_location (ledger_map_view_get_viewport (self), map_widget (self),
                                              x, y, &lat, &lon);
  self->pick_callback = NULL;
  self->pick_data = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->pick_banner), FALSE);
  callback (lon, lat, TRUE, data);
}

static void
on_measure_changed_cb (LedgerMapView *self)
{
  g_autofree char *summary = ledger_measure_layer_dup_summary (self->measure_layer);

  gtk_label_set_label (self->measure_label, summary);
}

static void
on_measure_toggled_cb (LedgerMapView   *self,
                       GtkToggleButton *button)
{
  gboolean active = gtk_toggle_button_get_active (button);

  ledger_measure_layer_set_active (self->measure_layer, active);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->measure_label)), active);
  on_measure_changed_cb (self);
  if (active)
    gtk_widget_grab_focus (GTK_WIDGET (self->point_layer));
}

/* ---- actions ---- */

static void
copy_coordinates_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LedgerMapView *self = LEDGER_MAP_VIEW (widget);
  g_autofree char *text = format_lonlat (self->context_lon, self->context_lat);
  g_autofree char *done = g_strdup_printf (_("Copied: %s"), text);

  gtk_popover_popdown (self->add_popover);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  gtk_label_set_label (self->pointer_label, done);
  gtk_widget_set_visible (GTK_WIDGET (self->pointer_label), TRUE);
}

static void
measure_clear_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ledger_measure_layer_clear (LEDGER_MAP_VIEW (widget)->measure_layer);
}

/* ---- set-up ---- */

void
ledger_map_view_class_add_tools (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_measure_toggled_cb);
  gtk_widget_class_install_action (widget_class, "map.copy-coordinates", NULL, copy_coordinates_activated);
  gtk_widget_class_install_action (widget_class, "map.measure-clear", NULL, measure_clear_activated);
}

void
ledger_map_view_init_tools (LedgerMapView *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *press = gtk_gesture_click_new ();
  GtkGesture *pick = gtk_gesture_click_new ();

  self->pointer_lon = self->pointer_lat = NAN;
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (map_widget (self), motion);
  /* capture: before the layers, and without claiming anything */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (press), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_map_pressed_cb), self);
  gtk_widget_add_controller (map_widget (self), GTK_EVENT_CONTROLLER (press));
  /* picking a location for the editor: the click is the pick's alone */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (pick), GTK_PHASE_CAPTURE);
  g_signal_connect (pick, "released", G_CALLBACK (on_pick_released_cb), self);
  gtk_widget_add_controller (map_widget (self), GTK_EVENT_CONTROLLER (pick));
  g_signal_connect_object (self->measure_layer, "changed", G_CALLBACK (on_measure_changed_cb), self,
                           G_CONNECT_SWAPPED);
  shumate_scale_set_unit (shumate_simple_map_get_scale (self->simple_map), SHUMATE_UNIT_METRIC);
}

/* ---- public ---- */

/**
 * ledger_map_view_pick_location:
 * @self: the map
 * @callback: called once, with the location clicked, or with @picked FALSE
 *   when the pick is cancelled (Escape, or another pick)
 * @data: for @callback
 *
 * The next click on the map is a location, not a selection: the editor's
 * "Pick on Map" uses it.
 */
void
ledger_map_view_pick_location (LedgerMapView         *self,
                               LedgerMapViewPickFunc  callback,
                               gpointer               data)
{
  g_return_if_fail (LEDGER_IS_MAP_VIEW (self));

  ledger_map_view_cancel_pick (self);
  gtk_toggle_button_set_active (self->measure_button, FALSE);
  self->pick_callback = callback;
  self->pick_data = data;
  gtk_widget_set_visible (GTK_WIDGET (self->pick_banner), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->point_layer));
}

void
ledger_map_view_cancel_pick (LedgerMapView *self)
{
  LedgerMapViewPickFunc callback = self->pick_callback;
  gpointer data = self->pick_data;

  g_return_if_fail (LEDGER_IS_MAP_VIEW (self));

  self->pick_callback = NULL;
  self->pick_data = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->pick_banner), FALSE);
  if (callback != NULL)
    callback (NAN, NAN, FALSE, data);
}
