/* ledger-point-layer-input.c: what a click, a right-click, a long-press, a
 * drag or a hover on the point layer means (hit-testing and gestures) */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ledger-point-layer-private.h"
#include "ledger-tooltip.h"

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

static gboolean
circle_hits_rect (double                 x,
                  double                 y,
                  double                 radius,
                  const graphene_rect_t *rect)
{
  double nx = CLAMP (x, rect->origin.x, rect->origin.x + rect->size.width);
  double ny = CLAMP (y, rect->origin.y, rect->origin.y + rect->size.height);

  return hypot (x - nx, y - ny) < radius;
}

/* the township labels of the outline layer keep clear of the rings */
gboolean
ledger_point_layer_rect_hits_cluster (LedgerPointLayer      *self,
                                      const graphene_rect_t *rect)
{
  LedgerPointGrid *grid;
  gint64 x0, y0, x1, y1;
  double mx0, my0, mx1, my1;
  View view;

  g_return_val_if_fail (LEDGER_IS_POINT_LAYER (self), FALSE);

  if (self->points == NULL || self->visible->len == 0 || gtk_widget_get_width (GTK_WIDGET (self)) == 0 ||
      !gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;
  view_init (&view, self);
  if (view_level (&view) >= FIRST_UNCLUSTERED_LEVEL)
    return FALSE;
  grid = ledger_point_layer_get_grid (self, view_level (&view));
  view_unproject (&view, rect->origin.x, rect->origin.y, &mx0, &my0);
  view_unproject (&view, rect->origin.x + rect->size.width, rect->origin.y + rect->size.height, &mx1, &my1);
  /* a ring's centroid may sit in a neighbouring cell */
  x0 = ledger_point_grid_cell_index (grid, MIN (mx0, mx1)) - 1;
  y0 = ledger_point_grid_cell_index (grid, MIN (my0, my1)) - 1;
  x1 = ledger_point_grid_cell_index (grid, MAX (mx0, mx1)) + 1;
  y1 = ledger_point_grid_cell_index (grid, MAX (my0, my1)) + 1;
  for (gint64 j = y0; j <= y1; j++)
    for (gint64 i = x0; i <= x1; i++)
      {
        const LedgerGridCell *cell = ledger_point_grid_lookup (grid, i, j);
        double x, y;

        if (cell == NULL || cell->count < 2)
          continue;
        view_project (&view, cell->mx, cell->my, &x, &y);
        if (circle_hits_rect (x, y, ledger_point_sprites_cluster_radius (cell->count), rect))
          return TRUE;
      }
  return FALSE;
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
  ledger_tooltip_set_text (tooltip, text);
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

/* keyboard: Tab reaches what is drawn in view, in reading order */

typedef struct
{
  const LedgerPoint *point;   /* a cluster: its first member */
  guint              size;
  double             x;
  double             y;
  double             mx;
  double             my;
} Target;

#define READING_ROW_PX 48.0

static int
compare_targets (gconstpointer a,
                 gconstpointer b)
{
  const Target *ta = a, *tb = b;
  double row_a = floor (ta->y / READING_ROW_PX), row_b = floor (tb->y / READING_ROW_PX);

  if (row_a != row_b)
    return row_a < row_b ? -1 : 1;
  return (ta->x > tb->x) - (ta->x < tb->x);
}

static void
add_target (GArray            *targets,
            const View        *view,
            const LedgerPoint *point,
            guint              size,
            double             mx,
            double             my)
{
  Target target = { point, size, 0, 0, mx, my };

  view_project (view, mx, my, &target.x, &target.y);
  if (target.x >= 0 && target.y >= 0 && target.x < view->width && target.y < view->height)
    g_array_append_val (targets, target);
}

/* the clusters and points in view, as drawn, in reading order */
static GArray *
collect_targets (LedgerPointLayer *self,
                 const View       *view)
{
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (Target));
  LedgerPointGrid *grid;
  const guint *members;

  if (self->points == NULL || view->width == 0)
    return targets;
  grid = ledger_point_layer_get_grid (self, view_level (view));
  members = ledger_point_grid_get_members (grid);
  for (guint c = 0; c < ledger_point_grid_get_n_cells (grid); c++)
    {
      const LedgerGridCell *cell = ledger_point_grid_get_cell (grid, c);

      if (cell->count > 1 && ledger_point_grid_get_level (grid) < FIRST_UNCLUSTERED_LEVEL)
        add_target (targets, view, ledger_point_set_get (self->points, members[cell->start]), cell->count,
                    cell->mx, cell->my);
      else
        for (guint i = cell->start; i < cell->start + cell->count; i++)
          add_target (targets, view, ledger_point_set_get (self->points, members[i]), 1,
                      self->mercator[2 * members[i]], self->mercator[2 * members[i] + 1]);
    }
  g_array_sort (targets, compare_targets);
  return targets;
}

static int
find_focus (LedgerPointLayer *self,
            GArray           *targets)
{
  for (guint i = 0; self->focus_uid != NULL && i < targets->len; i++)
    if (g_strcmp0 (g_array_index (targets, Target, i).point->uid, self->focus_uid) == 0)
      return (int) i;
  return -1;
}

static void
announce_target (LedgerPointLayer *self,
                 const Target     *target)
{
  g_autofree char *text = NULL;

  if (target->size > 1)
    text = g_strdup_printf (ngettext ("%u item: press Enter to zoom in", "%u items: press Enter to zoom in",
                                      target->size), target->size);
  else
    text = g_strdup_printf (_("%s: press Enter to select"), target->point->name);
  /* the label names what Tab reached; the description stays the summary */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

gboolean
ledger_point_layer_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  LedgerPointLayer *self = LEDGER_POINT_LAYER (widget);
  gboolean backward = direction == GTK_DIR_TAB_BACKWARD;
  g_autoptr (GArray) targets = NULL;
  View view;
  int index;

  if (direction != GTK_DIR_TAB_FORWARD && !backward)
    return gtk_widget_has_focus (widget);
  view_init (&view, self);
  targets = collect_targets (self, &view);
  index = gtk_widget_has_focus (widget) ? find_focus (self, targets) : -1;
  if (index < 0)
    index = backward ? (int) targets->len - 1 : 0;
  else
    index += backward ? -1 : 1;
  g_clear_pointer (&self->focus_uid, g_free);
  gtk_widget_queue_draw (widget);
  if (index < 0 || index >= (int) targets->len)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map points"), -1);
      return FALSE;   /* on to the next widget */
    }
  self->focus_uid = g_strdup (g_array_index (targets, Target, index).point->uid);
  announce_target (self, &g_array_index (targets, Target, index));
  gtk_widget_grab_focus (widget);
  return TRUE;
}

static void
activate_focus (LedgerPointLayer *self)
{
  g_autoptr (GArray) targets = NULL;
  const Target *target;
  double lon, lat;
  View view;
  int index;

  view_init (&view, self);
  targets = collect_targets (self, &view);
  if ((index = find_focus (self, targets)) < 0)
    return;
  target = &g_array_index (targets, Target, index);
  if (target->size > 1)
    {
      ledger_mercator_to_lonlat (target->mx, target->my, &lon, &lat);
      g_clear_pointer (&self->focus_uid, g_free);
      g_signal_emit (self, ledger_point_layer_signals[CLUSTER_ACTIVATED], 0, lon, lat);
    }
  else
    g_signal_emit (self, ledger_point_layer_signals[POINT_ACTIVATED], 0, target->point->uid);
}

void
ledger_point_layer_draw_focus (LedgerPointLayer *self,
                               GtkSnapshot      *snapshot,
                               const View       *view)
{
  const LedgerPoint *point;
  GskRoundedRect ring;
  double mx, my, x, y;
  float radius = 16;
  GdkRGBA blue = { 0.21, 0.52, 0.89, 1 };

  if (self->focus_uid == NULL || !gtk_widget_has_focus (GTK_WIDGET (self)) ||
      (point = ledger_point_set_find (self->points, self->focus_uid)) == NULL)
    return;
  ledger_mercator_from_lonlat (point->lon, point->lat, &mx, &my);
  view_project (view, mx, my, &x, &y);
  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_append_border (snapshot, &ring, (float[4]) { 3, 3, 3, 3 },
                              (GdkRGBA[4]) { blue, blue, blue, blue });
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   LedgerPointLayer      *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter &&
      keyval != GDK_KEY_space)
    return FALSE;
  activate_focus (self);
  return TRUE;
}

/* the gestures of the layer, added once at init */

void
ledger_point_layer_add_gestures (LedgerPointLayer *self)
{
  GtkGesture *primary = gtk_gesture_click_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *key;

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
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}
