/* ledger-point-layer.c: every inventory point, drawn in one snapshot (docs/ARCHITECTURE.md, map)
 *
 * Like libshumate's path layer, the layer draws from the viewport's state and
 * redraws on its notify. The Mercator position of every point is computed once
 * per point set, and a grid index per zoom level (ledger-point-grid.c) is
 * built the first time that level is drawn; a frame then only looks up the
 * cells in view and appends one texture node per cluster or point.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ledger-point-grid.h"
#include "ledger-point-layer.h"
#include "ledger-point-sprites.h"

#include "ledger-point-layer-private.h"

G_DEFINE_FINAL_TYPE (LedgerPointLayer, ledger_point_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_POINTS,
  PROP_TOWNSHIP,
  PROP_SELECTED_UID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint ledger_point_layer_signals[N_SIGNALS];

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
clear_grids (LedgerPointLayer *self)
{
  for (guint i = 0; i <= MAX_LEVEL; i++)
    g_clear_pointer (&self->grids[i], ledger_point_grid_free);
}

static gboolean
passes_filters (LedgerPointLayer  *self,
                const LedgerPoint *point)
{
  if (point->kind >= LEDGER_N_KINDS || !self->kind_visible[point->kind])
    return FALSE;
  if (self->only != NULL && !g_hash_table_contains (self->only, point->uid) &&
      !g_hash_table_contains (self->only, point->village_code ? point->village_code : ""))
    return FALSE;
  return self->township == NULL || g_str_has_prefix (point->village_code ? point->village_code : "",
                                                     self->township);
}

/* what the layer shows, for screen readers: "Map: showing 113 sewage facilities, …" */
static char *
describe_kind_count (LedgerKind kind,
                     guint      n)
{
  switch (kind)
    {
    case LEDGER_KIND_FACILITIES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sewage facility", "%u sewage facilities", n), n);
    case LEDGER_KIND_FARMS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u livestock farm", "%u livestock farms", n), n);
    case LEDGER_KIND_WATER_BODIES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u black-odorous water body", "%u black-odorous water bodies", n), n);
    default:
      return NULL;
    }
}

static void
update_accessible_summary (LedgerPointLayer *self)
{
  g_autofree char *summary = ledger_point_layer_dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

static void
update_visible (LedgerPointLayer *self)
{
  guint n = self->points != NULL ? ledger_point_set_get_n (self->points) : 0;

  clear_grids (self);
  g_array_set_size (self->visible, 0);
  for (guint i = 0; i < n; i++)
    if (passes_filters (self, ledger_point_set_get (self->points, i)))
      g_array_append_val (self->visible, i);
  update_accessible_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LedgerPointGrid *
ledger_point_layer_get_grid (LedgerPointLayer *self,
                             guint             level)
{
  if (self->grids[level] == NULL)
    self->grids[level] = ledger_point_grid_new (self->mercator, self->marks,
                                                (const guint *) (gpointer) self->visible->data,
                                                self->visible->len, level);
  return self->grids[level];
}

const LedgerPoint *
ledger_point_layer_get_selected_point (LedgerPointLayer *self)
{
  const LedgerPoint *point;

  if (self->points == NULL || self->selected_uid == NULL)
    return NULL;
  point = ledger_point_set_find (self->points, self->selected_uid);
  return point != NULL && passes_filters (self, point) ? point : NULL;
}

static void
point_position (LedgerPointLayer  *self,
                const View        *view,
                const LedgerPoint *point,
                double            *x,
                double            *y)
{
  double mx, my;

  ledger_mercator_from_lonlat (point->lon, point->lat, &mx, &my);
  view_project (view, mx, my, x, y);
}

/* Texture nodes, measured: under the cairo renderer one cairo node for the
 * whole layer painting the same surfaces takes 4× longer per frame */
typedef struct
{
  GtkSnapshot *snapshot;
} Painter;

static inline void
paint_sprite (Painter      *painter,
              LedgerSprite *sprite,
              double        x,
              double        y)
{
  /* whole pixels: a plain copy instead of a filtered one */
  double left = round (x - sprite->size / 2), top = round (y - sprite->size / 2);

  gtk_snapshot_append_texture (painter->snapshot, ledger_sprite_get_texture (sprite),
                               &GRAPHENE_RECT_INIT (left, top, sprite->size, sprite->size));
}

static inline gboolean
in_view (const View *view,
         double      x,
         double      y,
         double      margin)
{
  return x > -margin && y > -margin && x < view->width + margin && y < view->height + margin;
}

static void
draw_cell (LedgerPointLayer     *self,
           Painter              *painter,
           const View           *view,
           LedgerPointGrid      *grid,
           const LedgerGridCell *cell,
           const LedgerPoint    *selected)
{
  const guint *members = ledger_point_grid_get_members (grid);
  double x, y;

  if (cell->count > 1 && ledger_point_grid_get_level (grid) < FIRST_UNCLUSTERED_LEVEL)
    {
      view_project (view, cell->mx, cell->my, &x, &y);
      if (in_view (view, x, y, 40))
        paint_sprite (painter, ledger_point_sprites_cluster (self->sprites, cell->count, cell->worst), x, y);
      return;
    }
  for (guint i = cell->start; i < cell->start + cell->count; i++)
    {
      const LedgerPoint *point = ledger_point_set_get (self->points, members[i]);

      if (point == selected)
        continue;
      view_project (view, self->mercator[2 * members[i]], self->mercator[2 * members[i] + 1], &x, &y);
      if (in_view (view, x, y, 20))
        paint_sprite (painter, ledger_point_sprites_point (self->sprites, point->kind, point->mark, FALSE), x, y);
    }
}

/* the range of cells in view, one cell of margin for clusters near the edges */
static gboolean
visible_cells (const View      *view,
               LedgerPointGrid *grid,
               gint64          *x0,
               gint64          *y0,
               gint64          *x1,
               gint64          *y1)
{
  double corners[4][2] = { { 0, 0 }, { view->width, 0 }, { 0, view->height }, { view->width, view->height } };
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  for (guint i = 0; i < 4; i++)
    {
      double mx, my;

      view_unproject (view, corners[i][0], corners[i][1], &mx, &my);
      min_x = MIN (min_x, mx);
      min_y = MIN (min_y, my);
      max_x = MAX (max_x, mx);
      max_y = MAX (max_y, my);
    }
  *x0 = ledger_point_grid_cell_index (grid, MAX (min_x, 0)) - 1;
  *y0 = ledger_point_grid_cell_index (grid, MAX (min_y, 0)) - 1;
  *x1 = ledger_point_grid_cell_index (grid, MIN (max_x, 1)) + 1;
  *y1 = ledger_point_grid_cell_index (grid, MIN (max_y, 1)) + 1;
  /* cheaper to walk the cells than to probe an empty screen of them */
  return (*x1 - *x0 + 1) * (*y1 - *y0 + 1) < 2 * (gint64) ledger_point_grid_get_n_cells (grid);
}

static void
draw_points (LedgerPointLayer  *self,
             Painter           *painter,
             const View        *view,
             const LedgerPoint *selected)
{
  LedgerPointGrid *grid = ledger_point_layer_get_grid (self, view_level (view));
  gint64 x0, y0, x1, y1;

  if (visible_cells (view, grid, &x0, &y0, &x1, &y1))
    {
      for (gint64 cy = y0; cy <= y1; cy++)
        for (gint64 cx = x0; cx <= x1; cx++)
          {
            const LedgerGridCell *cell = ledger_point_grid_lookup (grid, cx, cy);

            if (cell != NULL)
              draw_cell (self, painter, view, grid, cell, selected);
          }
      return;
    }
  for (guint i = 0; i < ledger_point_grid_get_n_cells (grid); i++)
    draw_cell (self, painter, view, grid, ledger_point_grid_get_cell (grid, i), selected);
}

static void
draw_selected (LedgerPointLayer  *self,
               Painter           *painter,
               const View        *view,
               const LedgerPoint *selected)
{
  double x, y;

  if (selected == NULL)
    return;
  if (self->dragging)
    {
      x = self->drag_x;
      y = self->drag_y;
    }
  else
    point_position (self, view, selected, &x, &y);
  paint_sprite (painter, ledger_point_sprites_point (self->sprites, selected->kind, selected->mark, TRUE), x, y);
}

/* parent class overrides */

static void
ledger_point_layer_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  LedgerPointLayer *self = LEDGER_POINT_LAYER (widget);
  gint64 start = g_get_monotonic_time ();
  const LedgerPoint *selected;
  graphene_rect_t bounds;
  Painter painter;
  View view;

  if (self->points == NULL || self->visible->len == 0 || gtk_widget_get_width (widget) == 0)
    {
      self->last_snapshot_ms = 0;
      return;
    }
  view_init (&view, self);
  selected = ledger_point_layer_get_selected_point (self);
  bounds = GRAPHENE_RECT_INIT (0, 0, view.width, view.height);
  painter.snapshot = snapshot;
  gtk_snapshot_push_clip (snapshot, &bounds);
  draw_points (self, &painter, &view, selected);
  draw_selected (self, &painter, &view, selected);
  ledger_point_layer_draw_focus (self, snapshot, &view);
  gtk_snapshot_pop (snapshot);
  self->last_snapshot_ms = (g_get_monotonic_time () - start) / 1000.0;
}

static void
ledger_point_layer_constructed (GObject *object)
{
  LedgerPointLayer *self = LEDGER_POINT_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (ledger_point_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

static void
ledger_point_layer_dispose (GObject *object)
{
  LedgerPointLayer *self = LEDGER_POINT_LAYER (object);

  clear_grids (self);
  g_clear_object (&self->points);

  G_OBJECT_CLASS (ledger_point_layer_parent_class)->dispose (object);
}

static void
ledger_point_layer_finalize (GObject *object)
{
  LedgerPointLayer *self = LEDGER_POINT_LAYER (object);

  g_clear_pointer (&self->mercator, g_free);
  g_clear_pointer (&self->marks, g_free);
  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->sprites, ledger_point_sprites_free);
  g_clear_pointer (&self->township, g_free);
  g_clear_pointer (&self->only, g_hash_table_unref);
  g_clear_pointer (&self->selected_uid, g_free);
  g_clear_pointer (&self->focus_uid, g_free);

  G_OBJECT_CLASS (ledger_point_layer_parent_class)->finalize (object);
}

static void
ledger_point_layer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LedgerPointLayer *self = LEDGER_POINT_LAYER (object);

  switch (prop_id)
    {
    case PROP_POINTS:
      g_value_set_object (value, self->points);
      break;
    case PROP_TOWNSHIP:
      g_value_set_string (value, self->township);
      break;
    case PROP_SELECTED_UID:
      g_value_set_string (value, self->selected_uid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_point_layer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LedgerPointLayer *self = LEDGER_POINT_LAYER (object);

  switch (prop_id)
    {
    case PROP_POINTS:
      ledger_point_layer_set_points (self, g_value_get_object (value));
      break;
    case PROP_TOWNSHIP:
      ledger_point_layer_set_township (self, g_value_get_string (value));
      break;
    case PROP_SELECTED_UID:
      ledger_point_layer_set_selected_uid (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_signals (GObjectClass *object_class)
{
  GType type = G_TYPE_FROM_CLASS (object_class);

  ledger_point_layer_signals[POINT_ACTIVATED] =
    g_signal_new ("point-activated", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  ledger_point_layer_signals[CLUSTER_ACTIVATED] =
    g_signal_new ("cluster-activated", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  ledger_point_layer_signals[ADD_HERE] =
    g_signal_new ("add-here", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  ledger_point_layer_signals[POINT_MOVED] =
    g_signal_new ("point-moved", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
}

static void
ledger_point_layer_class_init (LedgerPointLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ledger_point_layer_constructed;
  object_class->dispose = ledger_point_layer_dispose;
  object_class->finalize = ledger_point_layer_finalize;
  object_class->get_property = ledger_point_layer_get_property;
  object_class->set_property = ledger_point_layer_set_property;
  widget_class->snapshot = ledger_point_layer_snapshot;
  widget_class->contains = ledger_point_layer_contains;
  widget_class->focus = ledger_point_layer_focus;

  properties[PROP_POINTS] =
    g_param_spec_object ("points", NULL, NULL, LEDGER_TYPE_POINT_SET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOWNSHIP] =
    g_param_spec_string ("township", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_UID] =
    g_param_spec_string ("selected-uid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  install_signals (object_class);
}


static void
ledger_point_layer_init (LedgerPointLayer *self)
{
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sprites = ledger_point_sprites_new (GTK_WIDGET (self));
  for (guint k = 0; k < LEDGER_N_KINDS; k++)
    self->kind_visible[k] = TRUE;
  ledger_point_layer_add_gestures (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map points"), -1);
  update_accessible_summary (self);
  g_signal_connect_swapped (self, "notify::scale-factor", G_CALLBACK (ledger_point_sprites_clear), self->sprites);
}

/* public API */

/**
 * ledger_point_layer_new:
 * @viewport: the viewport of the map the layer is added to
 *
 * Returns: (transfer floating): a layer without points
 */
LedgerPointLayer *
ledger_point_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (LEDGER_TYPE_POINT_LAYER, "viewport", viewport, NULL);
}

/**
 * ledger_point_layer_set_points:
 * @points: (nullable): the points to draw; the layer keeps a reference
 *
 * Replaces the points (after a "changed" of the ledger, a new set is loaded).
 */
void
ledger_point_layer_set_points (LedgerPointLayer *self,
                               LedgerPointSet   *points)
{
  guint n;

  g_return_if_fail (LEDGER_IS_POINT_LAYER (self));
  g_return_if_fail (points == NULL || LEDGER_IS_POINT_SET (points));

  if (!g_set_object (&self->points, points))
    return;
  n = points != NULL ? ledger_point_set_get_n (points) : 0;
  g_free (self->mercator);
  g_free (self->marks);
  self->mercator = g_new (double, 2 * MAX (n, 1));
  self->marks = g_new (guint8, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const LedgerPoint *point = ledger_point_set_get (points, i);

      ledger_mercator_from_lonlat (point->lon, point->lat, &self->mercator[2 * i], &self->mercator[2 * i + 1]);
      self->marks[i] = (guint8) point->mark;
    }
  self->dragging = FALSE;
  update_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINTS]);
}

/**
 * ledger_point_layer_dup_summary:
 *
 * Returns: (transfer full): what the layer shows, in words: the number of
 * points of each kind that passes the filters; also its accessible description
 */
char *
ledger_point_layer_dup_summary (LedgerPointLayer *self)
{
  guint counts[LEDGER_N_KINDS] = { 0 };
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  g_return_val_if_fail (LEDGER_IS_POINT_LAYER (self), NULL);

  for (guint i = 0; i < self->visible->len; i++)
    counts[ledger_point_set_get (self->points, g_array_index (self->visible, guint, i))->kind]++;
  for (guint k = 0; k < LEDGER_N_KINDS; k++)
    if (counts[k] > 0)
      g_ptr_array_add (parts, describe_kind_count (k, counts[k]));
  if (parts->len == 0)
    return g_strdup (_("Map: no items shown"));
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: between the items of a list, "113 sewage facilities, 18 livestock farms" */
  list = g_strjoinv (C_("list separator", ", "), (char **) parts->pdata);
  /* TRANSLATORS: %s is a list such as "113 sewage facilities, 18 livestock farms" */
  return g_strdup_printf (_("Map: showing %s"), list);
}

/**
 * ledger_point_layer_get_points:
 *
 * Returns: (transfer none) (nullable): the points drawn
 */
LedgerPointSet *
ledger_point_layer_get_points (LedgerPointLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_POINT_LAYER (self), NULL);

  return self->points;
}

void
ledger_point_layer_set_kind_visible (LedgerPointLayer *self,
                                     LedgerKind        kind,
                                     gboolean          visible)
{
  g_return_if_fail (LEDGER_IS_POINT_LAYER (self));
  g_return_if_fail (kind < LEDGER_N_KINDS);

  if (self->kind_visible[kind] == !!visible)
    return;
  self->kind_visible[kind] = !!visible;
  update_visible (self);
}

gboolean
ledger_point_layer_get_kind_visible (LedgerPointLayer *self,
                                     LedgerKind        kind)
{
  g_return_val_if_fail (LEDGER_IS_POINT_LAYER (self), FALSE);
  g_return_val_if_fail (kind < LEDGER_N_KINDS, FALSE);

  return self->kind_visible[kind];
}

/**
 * ledger_point_layer_set_township:
 * @township_code: (nullable): a township code, the prefix of the village codes
 *   shown, or %NULL to show the whole county
 */
void
ledger_point_layer_set_township (LedgerPointLayer *self,
                                 const char       *township_code)
{
  g_return_if_fail (LEDGER_IS_POINT_LAYER (self));

  if (township_code != NULL && *township_code == '\0')
    township_code = NULL;
  if (!replace_string (&self->township, township_code))
    return;
  update_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOWNSHIP]);
}

/**
 * ledger_point_layer_set_only:
 * @keys: (nullable): the uids, or village codes, of the points shown;
 *   %NULL shows every point
 */
void
ledger_point_layer_set_only (LedgerPointLayer *self,
                             GHashTable       *keys)
{
  g_return_if_fail (LEDGER_IS_POINT_LAYER (self));

  if (self->only == keys)
    return;
  g_clear_pointer (&self->only, g_hash_table_unref);
  self->only = keys ? g_hash_table_ref (keys) : NULL;
  update_visible (self);
}

guint
ledger_point_layer_get_n_visible (LedgerPointLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_POINT_LAYER (self), 0);

  return self->visible->len;
}

const char *
ledger_point_layer_get_township (LedgerPointLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_POINT_LAYER (self), NULL);

  return self->township;
}

/**
 * ledger_point_layer_set_selected_uid:
 * @uid: (nullable): the uid of the point to draw larger, with a ring; the
 *   selected point can be dragged
 */
void
ledger_point_layer_set_selected_uid (LedgerPointLayer *self,
                                     const char       *uid)
{
  g_return_if_fail (LEDGER_IS_POINT_LAYER (self));

  if (!replace_string (&self->selected_uid, uid))
    return;
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UID]);
}

const char *
ledger_point_layer_get_selected_uid (LedgerPointLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_POINT_LAYER (self), NULL);

  return self->selected_uid;
}

/**
 * ledger_point_layer_pick:
 * @x: x in widget coordinates
 * @y: y in widget coordinates
 * @cluster_size: (out) (optional): 1 for a point, the number of points of a cluster
 *
 * Returns: (transfer none) (nullable): the point drawn at (@x, @y), the first
 *   point of the cluster drawn there, or %NULL
 */
const LedgerPoint *
ledger_point_layer_pick (LedgerPointLayer *self,
                         double            x,
                         double            y,
                         guint            *cluster_size)
{
  LedgerPointHit hit;

  g_return_val_if_fail (LEDGER_IS_POINT_LAYER (self), NULL);

  ledger_point_layer_pick_hit (self, x, y, &hit);
  if (cluster_size != NULL)
    *cluster_size = hit.size;
  return hit.point;
}

/**
 * ledger_point_layer_get_last_snapshot_ms:
 *
 * Returns: the time the last snapshot() took, in milliseconds
 */
double
ledger_point_layer_get_last_snapshot_ms (LedgerPointLayer *self)
{
  g_return_val_if_fail (LEDGER_IS_POINT_LAYER (self), 0);

  return self->last_snapshot_ms;
}
