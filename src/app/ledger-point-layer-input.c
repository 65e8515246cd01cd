/* ledger-point-layer-input.c: what a click, a right-click, a long-press, a
 * drag or a hover on the point layer means (hit-testing and gestures) */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ledger-point-layer-private.h"

/* hit-testing */


static void
consider (LedgerPointHit               *hit,
          const LedgerPoint *point,
          guint              size,
          double             mx,
          double             my,
          double             distance,
          double             radius)
{
  if (distance > radius || (hit->point != NULL && distance >= hit->distance))
    return;
  hit->point = point;
  hit->size = size;
  hit->distance = distance;
  hit->mx = mx;
  hit->my = my;
}

static void
pick_in_cell (LedgerPointLayer     *self,
              const View           *view,
              LedgerPointGrid      *grid,
              const LedgerGridCell *cell,
              double                x,
              double                y,
              LedgerPointHit                  *hit)
{
  const guint *members = ledger_point_grid_get_members (grid);
  double px, py;

  if (cell->count > 1 && ledger_point_grid_get_level (grid) < FIRST_UNCLUSTERED_LEVEL)
    {
      view_project (view, cell->mx, cell->my, &px, &py);
      consider (hit, ledger_point_set_get (self->points, members[cell->start]), cell->count,
                cell->mx, cell->my, hypot (px - x, py - y), ledger_point_sprites_cluster_radius (cell->count));
      return;
    }
  for (guint i = cell->start; i < cell->start + cell->count; i++)
    {
      double mx = self->mercator[2 * members[i]], my = self->mercator[2 * members[i] + 1];

      view_project (view, mx, my, &px, &py);
      consider (hit, ledger_point_set_get (self->points, members[i]), 1,
                mx, my, hypot (px - x, py - y), POINT_HIT_RADIUS);
    }
}

gboolean
ledger_point_layer_pick_hit (LedgerPointLayer *self,
                             double            x,
                             double            y,
                             LedgerPointHit   *hit)
{
  const LedgerPoint *selected = ledger_point_layer_get_selected_point (self);
  LedgerPointGrid *grid;
  View view;
  double mx, my;
  gint64 cx, cy;

  *hit = (LedgerPointHit) { NULL, 0, 0, 0, 0 };
  if (self->points == NULL || gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    return FALSE;
  view_init (&view, self);
  if (selected != NULL)
    {
      double px, py;

      ledger_mercator_from_lonlat (selected->lon, selected->lat, &mx, &my);
      view_project (&view, mx, my, &px, &py);
      consider (hit, selected, 1, mx, my, hypot (px - x, py - y), SELECTED_HIT_RADIUS);
      if (hit->point != NULL)
        return TRUE;
    }
  grid = ledger_point_layer_get_grid (self, view_level (&view));
  view_unproject (&view, x, y, &mx, &my);
  cx = ledger_point_grid_cell_index (grid, mx);
  cy = ledger_point_grid_cell_index (grid, my);
  for (gint64 j = cy - 1; j <= cy + 1; j++)
    for (gint64 i = cx - 1; i <= cx + 1; i++)
      {
        const LedgerGridCell *cell = ledger_point_grid_lookup (grid, i, j);

        if (cell != NULL)
          pick_in_cell (self, &view, grid, cell, x, y, hit);
      }
  return hit->point != NULL;
}

static void
widget_to_lonlat (LedgerPointLayer *self,
                  double            x,
                  double            y,
                  double           *lon,
                  double           *lat)
{
  View view;
  double mx, my;

  view_init (&view, self);
  view_unproject (&view, x, y, &mx, &my);
  ledger_mercator_to_lonlat (mx, my, lon, lat);
}

/* signal callbacks */

static void
on_primary_released_cb (GtkGestureClick  *gesture,
                        int               n_press,
                        double            x,
                        double            y,
                        LedgerPointLayer *self)
{
  LedgerPointHit hit;
  double lon, lat;

  if (n_press != 1 || self->dragging || !ledger_point_layer_pick_hit (self, x, y, &hit))
    return;
  if (hit.size > 1)
    {
      ledger_mercator_to_lonlat (hit.mx, hit.my, &lon, &lat);
      g_signal_emit (self, ledger_point_layer_signals[CLUSTER_ACTIVATED], 0, lon, lat);
    }
  else
    g_signal_emit (self, ledger_point_layer_signals[POINT_ACTIVATED], 0, hit.point->uid);
}

static void
emit_add_here (LedgerPointLayer *self,
               double            x,
               double            y)
{
  double lon, lat;

  widget_to_lonlat (self, x, y, &lon, &lat);
  g_signal_emit (self, ledger_point_layer_signals[ADD_HERE], 0, lon, lat);
}

static void
on_secondary_pressed_cb (GtkGestureClick  *gesture,
                         int               n_press,
                         double            x,
                         double            y,
                         LedgerPointLayer *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  emit_add_here (self, x, y);
}

static void
on_long_pressed_cb (GtkGestureLongPress *gesture,
                    double               x,
                    double               y,
                    LedgerPointLayer    *self)
{
  emit_add_here (self, x, y);
}

static void
on_drag_begin_cb (GtkGestureDrag   *gesture,
                  double            x,
                  double            y,
                  LedgerPointLayer *self)
{
  const LedgerPoint *selected = ledger_point_layer_get_selected_point (self);
  LedgerPointHit hit;

  if (selected == NULL || !ledger_point_layer_pick_hit (self, x, y, &hit) || hit.point != selected)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->dragging = TRUE;
  self->drag_x = x;
  self->drag_y = y;
}

static void
on_drag_update_cb (GtkGestureDrag   *gesture,
                   double            dx,
                   double            dy,
                   LedgerPointLayer *self)
{
  double x, y;

  if (!self->dragging || !gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  self->drag_x = x + dx;
  self->drag_y = y + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                LedgerPointLayer *self)
{
  double lon, lat;

  if (!self->dragging)
    return;
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (hypot (dx, dy) < 3 || self->selected_uid == NULL)
    return;
  widget_to_lonlat (self, self->drag_x, self->drag_y, &lon, &lat);
  g_signal_emit (self, ledger_point_layer_signals[POINT_MOVED], 0, self->selected_uid, lon, lat);
}

static gboolean
on_query_tooltip_cb (GtkWidget        *widget,
                     int               x,
                     int               y,
                     gboolean          keyboard_mode,
                     GtkTooltip       *tooltip,
                     LedgerPointLayer *self)
{
  g_autofree char *text = NULL;
  LedgerPointHit hit;

  if (keyboard_mode || !ledger_point_layer_pick_hit (self, x, y, &hit))
    return FALSE;
  if (hit.size > 1)
    text = g_strdup_printf (ngettext ("%u item: click to zoom in", "%u items: click to zoom in", hit.size),
                            hit.size);
  else if (hit.point->code != NULL && *hit.point->code != '\0')
    text = g_strdup_printf ("%s (%s)", hit.point->name, hit.point->code);
  else
    text = g_strdup (hit.point->name);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ShumateLayer's contains() is FALSE everywhere, so that clicks fall through
 * to the layers below: GTK then never picks a layer, and the gestures of this
 * one would never see an event (issue 11). The point layer is the one that
 * takes the map's input: a click anywhere may be a point, a right-click
 * anywhere is "Add here"; what it does not claim bubbles up to ShumateMap,
 * which pans and zooms. */
gboolean
ledger_point_layer_contains (GtkWidget *widget,
                             double     x,
                             double     y)
{
  return x >= 0 && y >= 0 && x < gtk_widget_get_width (widget) && y < gtk_widget_get_height (widget);
}

/* the gestures of the layer, added once at init */

void
ledger_point_layer_add_gestures (LedgerPointLayer *self)
{
  GtkGesture *primary = gtk_gesture_click_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect (primary, "released", G_CALLBACK (on_primary_released_cb), self);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed_cb), self);
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (primary));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
}
