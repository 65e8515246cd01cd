/* ledger-map-view.c: the Map page
 *
 * One ShumateSimpleMap with the base map chosen in Preferences, helper
 * layers for the county outline (never a blank map) and for every item
 * (one LedgerPointLayer, drawn in a single snapshot). The points are a
 * LedgerPointSet loaded from the ledger, once per main-loop idle after any
 * number of "changed" signals.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ledger-settings.h"
#include "ledger-base-map.h"
#include "ledger-blank-map-source.h"
#include "ledger-county-outline.h"
#include "ledger-editor.h"
#include "ledger-map-layers.h"
#include "ledger-map-view-private.h"
#include "ledger-mbtiles-source.h"
#include "ledger-outline-layer.h"
#include "ledger-point-sprites.h"
#include "ledger-regions.h"
#include "ledger-shape-layer.h"
#include "ledger-shapes.h"
#include "ledger-store.h"
#include "ledger-village-marks.h"
#include "ledger-tile-banner.h"
#include "ledger-tooltip.h"

G_DEFINE_FINAL_TYPE (LedgerMapView, ledger_map_view, GTK_TYPE_WIDGET)

enum { ITEM_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* what the window binds (docs/ARCHITECTURE.md, "The window's state") */
enum { PROP_0, PROP_DB, PROP_YEAR, PROP_TOWNSHIP, PROP_SELECTED_UID, N_PROPS };
static GParamSpec *properties[N_PROPS];

#define CHINA_LON 104.0
#define CHINA_LAT 35.0
#define CHINA_ZOOM 4.0

/* ---- auxiliary ---- */

static void
show_status (LedgerMapView *self,
             const char    *message)
{
  gtk_label_set_label (self->status_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

/* the rule of ledger-map-layers.h, after any change of the map's layers */
static void
restack (LedgerMapView *self)
{
  ShumateLayer *const tiers[LEDGER_MAP_N_TIERS] = {
    [LEDGER_MAP_TIER_LAND] = SHUMATE_LAYER (self->land_layer),
    [LEDGER_MAP_TIER_VILLAGES] = SHUMATE_LAYER (self->village_layer),
    [LEDGER_MAP_TIER_WATER_SHAPES] = SHUMATE_LAYER (self->shape_layer),
    [LEDGER_MAP_TIER_OUTLINE] = SHUMATE_LAYER (self->outline_layer),
    [LEDGER_MAP_TIER_POINTS] = SHUMATE_LAYER (self->point_layer),
    [LEDGER_MAP_TIER_MEASURE] = SHUMATE_LAYER (self->measure_layer),
  };

  ledger_map_layers_restack (shumate_simple_map_get_map (self->simple_map), tiers);
}

static void
apply_base_map (LedgerMapView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTileSource) tiles = NULL;
  g_autoptr (ShumateMapSource) source = ledger_base_map_new_source (self->settings, &tiles, &error);
  gboolean blank;

  if (source == NULL)
    source = ledger_blank_map_source_new ();
  blank = LEDGER_IS_BLANK_MAP_SOURCE (source);
  shumate_simple_map_set_map_source (self->simple_map, source);
  restack (self);
  ledger_tile_banner_watch (self->tile_banner, tiles);
  /* the land layer paints the land itself when no tiles come: under the
   * villages and shapes, not over them (the outline's tier is above them) */
  ledger_outline_layer_set_draw_background (self->land_layer, blank);
  gtk_widget_set_visible (GTK_WIDGET (shumate_simple_map_get_license (self->simple_map)), !blank);
  show_status (self, error ? error->message : NULL);
}

/* Without an outline, the township seats are what the map centres on. */
static void
remember_seats (LedgerMapView *self,
                GPtrArray     *townships)
{
  self->has_seats = FALSE;
  self->seats[0] = self->seats[1] = G_MAXDOUBLE;
  self->seats[2] = self->seats[3] = -G_MAXDOUBLE;
  for (guint i = 0; townships != NULL && i < townships->len; i++)
    {
      LedgerRegion *region = g_ptr_array_index (townships, i);

      if (isnan (region->lon) || isnan (region->lat))
        continue;
      self->has_seats = TRUE;
      self->seats[0] = MIN (self->seats[0], region->lon);
      self->seats[1] = MIN (self->seats[1], region->lat);
      self->seats[2] = MAX (self->seats[2], region->lon);
      self->seats[3] = MAX (self->seats[3], region->lat);
    }
}

static gboolean
seats_bounds (LedgerMapView *self,
              double        *min_lon,
              double        *min_lat,
              double        *max_lon,
              double        *max_lat)
{
  *min_lon = self->seats[0];
  *min_lat = self->seats[1];
  *max_lon = self->seats[2];
  *max_lat = self->seats[3];
  return self->has_seats;
}

static void
load_outline (LedgerMapView *self)
{
  g_autofree char *geojson = self->db ? ledger_county_outline_dup_geojson (self->db) : NULL;
  g_autoptr (GPtrArray) townships = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_outline_label_free);

  if (!ledger_outline_layer_set_geojson (self->outline_layer, geojson ? geojson : "", -1, NULL))
    ledger_outline_layer_set_geojson (self->outline_layer, "", -1, NULL);

  if (self->db != NULL)
    townships = ledger_regions_list (self->db, "township", NULL);
  for (guint i = 0; townships != NULL && i < townships->len; i++)
    {
      LedgerRegion *region = g_ptr_array_index (townships, i);

      if (!isnan (region->lon) && !isnan (region->lat))
        g_ptr_array_add (labels, ledger_outline_label_new (region->name, region->lon, region->lat));
    }
  ledger_outline_layer_set_labels (self->outline_layer, labels);
  remember_seats (self, townships);
  /* a county other than Lezhi starts with neither outline nor locations: say how to get them */
  gtk_widget_set_visible (self->no_outline_hint, self->db != NULL && geojson == NULL && !self->has_seats);
}

static gboolean
points_bounds (LedgerPointSet *points,
               double         *min_lon,
               double         *min_lat,
               double         *max_lon,
               double         *max_lat)
{
  guint n = points ? ledger_point_set_get_n (points) : 0;

  *min_lon = *min_lat = G_MAXDOUBLE;
  *max_lon = *max_lat = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      const LedgerPoint *point = ledger_point_set_get (points, i);

      *min_lon = MIN (*min_lon, point->lon);
      *max_lon = MAX (*max_lon, point->lon);
      *min_lat = MIN (*min_lat, point->lat);
      *max_lat = MAX (*max_lat, point->lat);
    }
  return n > 0;
}

static double
mercator_y (double lat)
{
  double rad = lat * G_PI / 180.0;

  return log (tan (G_PI / 4 + rad / 2)) / (2 * G_PI); /* in world widths */
}

/* the zoom level at which the bounds fill the widget, with a margin */
static double
zoom_for_bounds (double width,
                 double height,
                 double min_lon,
                 double min_lat,
                 double max_lon,
                 double max_lat)
{
  double dx = MAX ((max_lon - min_lon) / 360.0, 1e-6);
  double dy = MAX (mercator_y (max_lat) - mercator_y (min_lat), 1e-6);
  double zoom = log2 (MIN (width / (256.0 * dx), height / (256.0 * dy)) * 0.9);

  return CLAMP (floor (zoom * 4) / 4, 2.0, 17.0);
}

static void
centre_now (LedgerMapView *self)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 400);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 300);
  double min_lon, min_lat, max_lon, max_lat;

  if (ledger_outline_layer_get_bounds (self->outline_layer, &min_lon, &min_lat, &max_lon, &max_lat)
      || seats_bounds (self, &min_lon, &min_lat, &max_lon, &max_lat)
      || points_bounds (ledger_point_layer_get_points (self->point_layer),
                        &min_lon, &min_lat, &max_lon, &max_lat))
    {
      self->auto_zoom = zoom_for_bounds (width, height, min_lon, min_lat, max_lon, max_lat);
      self->auto_lat = (min_lat + max_lat) / 2;
      self->auto_lon = (min_lon + max_lon) / 2;
    }
  else
    {
      self->auto_zoom = CHINA_ZOOM;
      self->auto_lat = CHINA_LAT;
      self->auto_lon = CHINA_LON;
    }
  shumate_viewport_set_zoom_level (viewport, self->auto_zoom);
  shumate_map_center_on (map, self->auto_lat, self->auto_lon);
  self->auto_centred = TRUE;
}

/* TRUE while the map still shows what centre_now() chose */
static gboolean
still_auto_centred (LedgerMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (shumate_simple_map_get_map (self->simple_map));
  ShumateLocation *location = SHUMATE_LOCATION (viewport);

  return self->auto_centred
         && fabs (shumate_viewport_get_zoom_level (viewport) - self->auto_zoom) < 1e-6
         && fabs (shumate_location_get_latitude (location) - self->auto_lat) < 1e-6
         && fabs (shumate_location_get_longitude (location) - self->auto_lon) < 1e-6;
}

static gboolean
recentre_idle_cb (gpointer user_data)
{
  LedgerMapView *self = user_data;

  self->recentre_id = 0;
  if (still_auto_centred (self))
    centre_now (self);
  return G_SOURCE_REMOVE;
}

static void
load_shapes (LedgerMapView *self)
{
  g_autoptr (GPtrArray) shapes = self->db != NULL ? ledger_shapes_load (self->db, NULL) : NULL;

  ledger_shape_layer_set_shapes (self->shape_layer, shapes);
}

static void
load_villages (LedgerMapView *self)
{
  LedgerVillageMarks *marks = self->db != NULL ? ledger_village_marks_load (self->db, self->year, NULL) : NULL;

  ledger_village_layer_take_marks (self->village_layer, marks);
}

/* what depends on the year: the points (farm figures, samples) and the villages' marks */
static void
load_year_figures (LedgerMapView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerPointSet) points = NULL;

  if (self->db != NULL)
    points = ledger_point_set_load (self->db, self->year, &error);
  if (points == NULL)
    points = ledger_point_set_new_empty ();
  if (error != NULL)
    show_status (self, error->message);
  ledger_point_layer_set_points (self->point_layer, points);
  load_villages (self);
}

static void
load_points (LedgerMapView *self)
{
  load_year_figures (self);
  load_shapes (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LedgerMapView *self = user_data;

  self->reload_id = 0;
  load_points (self);
  return G_SOURCE_REMOVE;
}

static const LedgerPoint *
find_point (LedgerMapView *self,
            const char    *uid)
{
  LedgerPointSet *points = ledger_point_layer_get_points (self->point_layer);

  return points && uid ? ledger_point_set_find (points, uid) : NULL;
}

static gboolean
find_village (LedgerMapView *self,
              const char    *code,
              double        *lon,
              double        *lat)
{
  LedgerVillageMarks *marks = ledger_village_layer_get_marks (self->village_layer);

  for (guint i = 0; marks != NULL && code != NULL && i < marks->marks->len; i++)
    {
      const LedgerVillageMark *mark = g_ptr_array_index (marks->marks, i);

      if (g_str_equal (mark->code, code))
        {
          *lon = mark->lon;
          *lat = mark->lat;
          return TRUE;
        }
    }
  return FALSE;
}

static char *
format_coordinate (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
}

static gboolean
save_location (LedgerMapView  *self,
               int             kind,
               const char     *uid,
               double          lon,
               double          lat,
               GError        **error)
{
  g_autoptr (LedgerRecord) record = ledger_store_get (self->db, kind, uid, self->year, error);

  if (record == NULL)
    return FALSE;
  ledger_record_take (record, ledger_kind_field_index (kind, "lon"), format_coordinate (lon));
  ledger_record_take (record, ledger_kind_field_index (kind, "lat"), format_coordinate (lat));
  return ledger_store_save (self->db, record, error);
}

/* the township's villages fill the map (its seat alone: a township's scale) */
static void
zoom_to_township (LedgerMapView *self,
                  const char    *code)
{
  double min_lon, min_lat, max_lon, max_lat;
  g_autoptr (GPtrArray) townships = NULL;

  if (ledger_village_layer_get_bounds (self->village_layer, &min_lon, &min_lat, &max_lon, &max_lat))
    {
      ledger_map_view_zoom_to_bounds (self, min_lon, min_lat, max_lon, max_lat);
      return;
    }
  townships = self->db ? ledger_regions_list (self->db, "township", NULL) : NULL;
  for (guint i = 0; townships != NULL && i < townships->len; i++)
    {
      LedgerRegion *region = g_ptr_array_index (townships, i);

      if (g_str_equal (region->code, code) && !isnan (region->lon) && !isnan (region->lat))
        ledger_map_view_zoom_to_bounds (self, region->lon - 0.05, region->lat - 0.05,
                                        region->lon + 0.05, region->lat + 0.05);
    }
}

/* ---- signal callbacks ---- */

static void
on_db_changed_cb (LedgerMapView *self,
                  int            kind,
                  const char    *uid,
                  LedgerDb      *db)
{
  if (kind == LEDGER_KIND_ALL)
    {
      load_outline (self);
      /* a new outline shows at once, unless the user has moved the map */
      if (still_auto_centred (self))
        centre_now (self);
    }
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
on_settings_changed_cb (LedgerMapView *self,
                        const char    *key,
                        GSettings     *settings)
{
  if (g_str_equal (key, "base-map") || g_str_equal (key, "url-template")
      || g_str_equal (key, "mbtiles-file") || g_str_has_prefix (key, "tianditu-"))
    apply_base_map (self);
}

static void
on_point_activated_cb (LedgerMapView    *self,
                       const char       *uid,
                       LedgerPointLayer *layer)
{
  const LedgerPoint *point = find_point (self, uid);

  if (point == NULL)
    return;
  ledger_point_layer_set_selected_uid (self->point_layer, uid);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (int) point->kind, uid);
}

static void
on_cluster_activated_cb (LedgerMapView    *self,
                         double            lon,
                         double            lat,
                         LedgerPointLayer *layer)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  double zoom = shumate_viewport_get_zoom_level (shumate_map_get_viewport (map));

  shumate_map_go_to_full (map, lat, lon, zoom + 2);
}

static void
on_add_here_cb (LedgerMapView    *self,
                double            lon,
                double            lat,
                LedgerPointLayer *layer)
{
  ShumateViewport *viewport = ledger_map_view_get_viewport (self);
  GtkWidget *map = GTK_WIDGET (shumate_simple_map_get_map (self->simple_map));
  double x = 0, y = 0;
  graphene_point_t point;

  gboolean writable = self->db != NULL && !ledger_db_is_read_only (self->db);
  g_autofree char *heading = g_strdup_printf (_("Longitude %.6f, latitude %.6f"), lon, lat);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.add-here", writable);
  gtk_label_set_label (self->context_label, heading);
  self->context_lon = lon;
  self->context_lat = lat;
  self->add_lon = lon;
  self->add_lat = lat;
  shumate_viewport_location_to_widget_coords (viewport, map, lat, lon, &x, &y);
  if (!gtk_widget_compute_point (map, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (x, y);
  /* a popover pointing off the map would have no monitor to open on */
  point.x = CLAMP (point.x, 0, MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 1, 0));
  point.y = CLAMP (point.y, 0, MAX (gtk_widget_get_height (GTK_WIDGET (self)) - 1, 0));
  gtk_popover_set_pointing_to (self->add_popover, &(GdkRectangle) { point.x, point.y, 1, 1 });
  gtk_popover_popup (self->add_popover);
}

static void
on_editor_saved_cb (LedgerMapView *self,
                    int            kind,
                    const char    *uid)
{
  ledger_map_view_reload (self);
  ledger_point_layer_set_selected_uid (self->point_layer, uid);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, kind, uid);
}

static void
add_here_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedgerMapView *self = LEDGER_MAP_VIEW (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  LedgerKind kind = g_variant_get_int32 (parameter);
  LedgerEditor *editor;

  gtk_popover_popdown (self->add_popover);
  editor = ledger_editor_new (parent, self->db, kind, NULL, self->year);
  ledger_editor_set_location (editor, self->add_lon, self->add_lat);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

typedef struct
{
  LedgerMapView *self;
  char          *uid;
  int            kind;
  double         lon;
  double         lat;
} PendingMove;

static void
pending_move_free (gpointer  data,
                   GClosure *closure)
{
  PendingMove *move = data;

  g_object_unref (move->self);
  g_free (move->uid);
  g_free (move);
}

static void
on_move_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PendingMove      *move)
{
  LedgerMapView *self = move->self;
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "move")
      && !save_location (self, move->kind, move->uid, move->lon, move->lat, &error))
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                 _("Cannot Move the Item"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
  /* a saved move comes back through "changed"; anything else goes back */
  ledger_map_view_reload (self);
}

static void
on_point_moved_cb (LedgerMapView    *self,
                   const char       *uid,
                   double            lon,
                   double            lat,
                   LedgerPointLayer *layer)
{
  const LedgerPoint *point = find_point (self, uid);
  g_autofree char *heading = NULL;
  PendingMove *move;
  GtkWidget *dialog;

  if (point == NULL || self->db == NULL)
    return;
  heading = g_strdup_printf (_("Move “%s” Here?"), point->name ? point->name : point->code);
  move = g_new0 (PendingMove, 1);
  move->self = g_object_ref (self);
  move->uid = g_strdup (uid);
  move->kind = point->kind;
  move->lon = lon;
  move->lat = lat;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("New location: %.6f, %.6f (WGS-84)"), lon, lat);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "move", _("_Move"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_move_response_cb), move,
                         pending_move_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_layer_toggled_cb (LedgerMapView  *self,
                     GtkCheckButton *check)
{
  ledger_point_layer_set_kind_visible (self->point_layer, LEDGER_KIND_FACILITIES,
                                       gtk_check_button_get_active (self->facilities_check));
  ledger_point_layer_set_kind_visible (self->point_layer, LEDGER_KIND_FARMS,
                                       gtk_check_button_get_active (self->farms_check));
  ledger_point_layer_set_kind_visible (self->point_layer, LEDGER_KIND_WATER_BODIES,
                                       gtk_check_button_get_active (self->water_bodies_check));
  gtk_widget_set_visible (GTK_WIDGET (self->shape_layer), gtk_check_button_get_active (self->water_bodies_check));
  gtk_widget_set_visible (GTK_WIDGET (self->village_layer), gtk_check_button_get_active (self->villages_check));
}

/* a village under the pointer, when no item is */
static gboolean
on_point_layer_query_tooltip_cb (LedgerMapView *self,
                                 int            x,
                                 int            y,
                                 gboolean       keyboard_mode,
                                 GtkTooltip    *tooltip,
                                 GtkWidget     *layer)
{
  const LedgerVillageMark *mark;
  g_autofree char *text = NULL;

  if (keyboard_mode || (mark = ledger_village_layer_pick (self->village_layer, x, y)) == NULL)
    return FALSE;
  text = g_strdup_printf ("%s (%s)\n%s", mark->name, mark->code, mark->reason);
  ledger_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- legend ---- */

static void
legend_add_row (LedgerMapView *self,
                int            row,
                GtkWidget     *symbol,
                const char    *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_halign (symbol, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (symbol, GTK_ALIGN_CENTER);
  gtk_grid_attach (self->legend_grid, symbol, 0, row, 1, 1);
  gtk_grid_attach (self->legend_grid, label, 1, row, 1, 1);
}

static void
draw_village_symbol (GtkDrawingArea *area,
                     cairo_t        *cr,
                     int             width,
                     int             height,
                     gpointer        state)
{
  ledger_village_symbol_draw (cr, GPOINTER_TO_UINT (state), width / 2.0, height / 2.0);
}

static GtkWidget *
new_village_symbol (LedgerVillageState state)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 16);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_village_symbol, GUINT_TO_POINTER (state), NULL);
  return area;
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
build_legend (LedgerMapView *self)
{
  static const struct { LedgerKind kind; const char *name; } kinds[] = {
    { LEDGER_KIND_FACILITIES, N_("Sewage facility") },
    { LEDGER_KIND_FARMS, N_("Livestock farm") },
    { LEDGER_KIND_WATER_BODIES, N_("Black-odorous water body") },
  };
  int row = 0;

  gtk_grid_attach (self->legend_grid, new_heading (_("Symbol: kind of item")), 0, row++, 2, 1);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      LedgerSprite *sprite = ledger_point_sprites_point (self->sprites, kinds[i].kind, LEDGER_MARK_GOOD, FALSE);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (ledger_sprite_get_texture (sprite)));

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_size_request (picture, (int) ceil (sprite->size), (int) ceil (sprite->size));
      legend_add_row (self, row++, picture, _(kinds[i].name));
    }
  gtk_grid_attach (self->legend_grid, new_heading (_("Colour: status")), 0, row++, 2, 1);
  for (guint mark = 0; mark < LEDGER_N_MARKS; mark++)
    {
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (swatch, "mark-swatch");
      gtk_widget_add_css_class (swatch, ledger_mark_css_class (mark));
      legend_add_row (self, row++, swatch, ledger_mark_legend (mark));
    }
  gtk_grid_attach (self->legend_grid, new_heading (_("A number in a circle: several items; click to zoom in")),
                   0, row++, 2, 1);
  gtk_grid_attach (self->legend_grid, new_heading (_("Villages: village sewage treatment in the year shown")),
                   0, row++, 2, 1);
  for (guint state = 0; state < LEDGER_N_VILLAGE_STATES; state++)
    legend_add_row (self, row++, new_village_symbol (state), ledger_village_state_name (state));
}

/* ---- GtkWidget ---- */

static void
ledger_map_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LedgerMapView *self = LEDGER_MAP_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->overlay), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
ledger_map_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LedgerMapView *self = LEDGER_MAP_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->overlay), width, height, baseline, NULL);
  gtk_popover_present (self->add_popover);

  /* the county keeps filling the map as the window finds its size */
  if ((width != self->last_width || height != self->last_height) && self->recentre_id == 0
      && still_auto_centred (self))
    self->recentre_id = g_idle_add (recentre_idle_cb, self);
  self->last_width = width;
  self->last_height = height;
}

/* ---- GObject ---- */

static void
ledger_map_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LedgerMapView *self = LEDGER_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_TOWNSHIP:
      g_value_set_string (value, ledger_point_layer_get_township (self->point_layer));
      break;
    case PROP_SELECTED_UID:
      g_value_set_string (value, ledger_point_layer_get_selected_uid (self->point_layer));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_map_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LedgerMapView *self = LEDGER_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      ledger_map_view_set_db (self, g_value_get_object (value), self->year);
      break;
    case PROP_YEAR:
      ledger_map_view_set_year (self, g_value_get_int (value));
      break;
    case PROP_TOWNSHIP:
      ledger_map_view_set_township (self, g_value_get_string (value));
      break;
    case PROP_SELECTED_UID:
      /* the point the user clicked is already selected: the map stays where it is */
      if (g_strcmp0 (g_value_get_string (value), ledger_point_layer_get_selected_uid (self->point_layer)) != 0)
        ledger_map_view_select (self, g_value_get_string (value), TRUE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_map_view_dispose (GObject *object)
{
  LedgerMapView *self = LEDGER_MAP_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->recentre_id, g_source_remove);
  g_clear_object (&self->db_signals);
  g_clear_object (&self->db);
  if (self->pick_callback != NULL)
    ledger_map_view_cancel_pick (self);
  if (self->add_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->add_popover));
  self->add_popover = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_MAP_VIEW);
  G_OBJECT_CLASS (ledger_map_view_parent_class)->dispose (object);
}

static void
ledger_map_view_finalize (GObject *object)
{
  LedgerMapView *self = LEDGER_MAP_VIEW (object);

  g_clear_pointer (&self->sprites, ledger_point_sprites_free);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (ledger_map_view_parent_class)->finalize (object);
}

static void
ledger_map_view_class_init (LedgerMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_map_view_dispose;
  object_class->finalize = ledger_map_view_finalize;
  object_class->get_property = ledger_map_view_get_property;
  object_class->set_property = ledger_map_view_set_property;
  widget_class->measure = ledger_map_view_measure;
  widget_class->size_allocate = ledger_map_view_size_allocate;

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, LEDGER_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOWNSHIP] = g_param_spec_string ("township", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_UID] = g_param_spec_string ("selected-uid", NULL, NULL, NULL,
                                                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, simple_map);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, facilities_check);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, farms_check);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, water_bodies_check);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, legend_grid);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, status_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, no_outline_hint);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, add_popover);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, villages_check);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, pointer_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, measure_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, measure_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, context_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerMapView, pick_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_layer_toggled_cb);
  ledger_map_view_class_add_tools (widget_class);
  gtk_widget_class_install_action (widget_class, "map.add-here", "i", add_here_activated);
}

static gboolean
label_hits_cluster (const graphene_rect_t *rect,
                    gpointer               point_layer)
{
  return ledger_point_layer_rect_hits_cluster (point_layer, rect);
}

static void
add_layers (LedgerMapView *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);

  self->land_layer = ledger_outline_layer_new (viewport);
  self->village_layer = ledger_village_layer_new (viewport);
  self->outline_layer = ledger_outline_layer_new (viewport);
  self->shape_layer = ledger_shape_layer_new (viewport);
  self->point_layer = ledger_point_layer_new (viewport);
  self->measure_layer = ledger_measure_layer_new (viewport);
  /* in any order: restack() puts them in the order of the rule */
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->land_layer));
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->village_layer));
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->outline_layer));
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->shape_layer));
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->point_layer));
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->measure_layer));
  restack (self);
  ledger_outline_layer_set_label_obstacles (self->outline_layer, label_hits_cluster, self->point_layer);
  g_signal_connect_object (self->point_layer, "query-tooltip", G_CALLBACK (on_point_layer_query_tooltip_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->point_layer, "point-activated", G_CALLBACK (on_point_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->point_layer, "cluster-activated", G_CALLBACK (on_cluster_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->point_layer, "add-here", G_CALLBACK (on_add_here_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->point_layer, "point-moved", G_CALLBACK (on_point_moved_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
ledger_map_view_init (LedgerMapView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->add_popover), GTK_WIDGET (self));

  /* the ledger's "changed", whichever ledger is shown (set_db sets the target) */
  self->db_signals = g_signal_group_new (LEDGER_TYPE_DB);
  g_signal_group_connect_object (self->db_signals, "changed", G_CALLBACK (on_db_changed_cb), self, G_CONNECT_SWAPPED);
  self->settings = ledger_settings_new ();
  self->sprites = ledger_point_sprites_new (GTK_WIDGET (self));
  self->year = 0;
  self->tile_banner = LEDGER_TILE_BANNER (ledger_tile_banner_new ());
  gtk_overlay_add_overlay (self->overlay, GTK_WIDGET (self->tile_banner));
  add_layers (self);
  apply_base_map (self);
  build_legend (self);
  ledger_map_view_init_tools (self);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/* ---- public ---- */

GtkWidget *
ledger_map_view_new (void)
{
  return g_object_new (LEDGER_TYPE_MAP_VIEW, NULL);
}

void
ledger_map_view_set_db (LedgerMapView *self,
                        LedgerDb      *db,
                        int            year)
{
  gboolean new_db;

  g_return_if_fail (LEDGER_IS_MAP_VIEW (self));

  new_db = self->db != db;
  if (!new_db)
    {
      ledger_map_view_set_year (self, year);
      return;
    }
  if (self->year != year)
    {
      self->year = year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
  if (new_db)
    {
      g_set_object (&self->db, db);
      g_signal_group_set_target (self->db_signals, db);
      load_outline (self);
    }
  ledger_map_view_reload (self);
  if (new_db)
    ledger_map_view_centre_on_county (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

/* The points and villages' marks are figures of the year; the outline and
 * the water bodies' shapes are not, and stay. */
void
ledger_map_view_set_year (LedgerMapView *self,
                          int            year)
{
  g_return_if_fail (LEDGER_IS_MAP_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  if (self->db != NULL)
    load_year_figures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

void
ledger_map_view_set_township (LedgerMapView *self,
                              const char    *code_or_null)
{
  g_return_if_fail (LEDGER_IS_MAP_VIEW (self));
  if (g_strcmp0 (code_or_null, ledger_point_layer_get_township (self->point_layer)) == 0)
    return;
  ledger_point_layer_set_township (self->point_layer, code_or_null);
  ledger_village_layer_set_township (self->village_layer, code_or_null);
  if (code_or_null != NULL)
    zoom_to_township (self, code_or_null);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOWNSHIP]);
}

void
ledger_map_view_set_only (LedgerMapView *self,
                          GHashTable    *uids)
{
  g_return_if_fail (LEDGER_IS_MAP_VIEW (self));
  ledger_point_layer_set_only (self->point_layer, uids);
  ledger_village_layer_set_only (self->village_layer, uids);
}

void
ledger_map_view_show_item (LedgerMapView *self,
                           const char    *uid)
{
  ShumateViewport *viewport;
  const LedgerPoint *point;

  g_return_if_fail (LEDGER_IS_MAP_VIEW (self));

  double lon, lat;

  ledger_map_view_select (self, uid, FALSE);
  if ((point = find_point (self, uid)) != NULL)
    {
      lon = point->lon;
      lat = point->lat;
    }
  else if (!find_village (self, uid, &lon, &lat))
    return;
  viewport = ledger_map_view_get_viewport (self);
  /* close enough to tell it from its neighbours */
  if (shumate_viewport_get_zoom_level (viewport) < 16)
    shumate_viewport_set_zoom_level (viewport, 16);
  shumate_map_center_on (shumate_simple_map_get_map (self->simple_map), lat, lon);
  self->auto_centred = FALSE;
}

void
ledger_map_view_zoom_to_bounds (LedgerMapView *self,
                                double         min_lon,
                                double         min_lat,
                                double         max_lon,
                                double         max_lat)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 400);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 300);

  shumate_viewport_set_zoom_level (shumate_map_get_viewport (map),
                                   MIN (zoom_for_bounds (width, height, min_lon, min_lat, max_lon, max_lat), 15));
  shumate_map_center_on (map, (min_lat + max_lat) / 2, (min_lon + max_lon) / 2);
  self->auto_centred = FALSE;
}

void
ledger_map_view_select (LedgerMapView *self,
                        const char    *uid,
                        gboolean       centre)
{
  const LedgerPoint *point;

  g_return_if_fail (LEDGER_IS_MAP_VIEW (self));

  ledger_point_layer_set_selected_uid (self->point_layer, uid);
  point = find_point (self, uid);
  if (centre && point != NULL)
    shumate_map_center_on (shumate_simple_map_get_map (self->simple_map), point->lat, point->lon);
}

void
ledger_map_view_centre_on_county (LedgerMapView *self)
{
  g_return_if_fail (LEDGER_IS_MAP_VIEW (self));

  /* with a provisional size now; size_allocate() follows with the real one */
  centre_now (self);
}

void
ledger_map_view_reload (LedgerMapView *self)
{
  g_return_if_fail (LEDGER_IS_MAP_VIEW (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  load_points (self);
}

ShumateMap *
ledger_map_view_get_map (LedgerMapView *self)
{
  return shumate_simple_map_get_map (self->simple_map);
}

ShumateViewport *
ledger_map_view_get_viewport (LedgerMapView *self)
{
  return shumate_simple_map_get_viewport (self->simple_map);
}

LedgerPointLayer *
ledger_map_view_get_point_layer (LedgerMapView *self)
{
  return self->point_layer;
}
