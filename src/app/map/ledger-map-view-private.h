/* ledger-map-view-private.h: what the Map page's files share */
#pragma once

#include <adwaita.h>

#include "ledger-map-view.h"
#include "ledger-measure-layer.h"
#include "ledger-outline-layer.h"
#include "ledger-point-sprites.h"
#include "ledger-shape-layer.h"
#include "ledger-tile-banner.h"
#include "ledger-village-layer.h"

G_BEGIN_DECLS

struct _LedgerMapView
{
  GtkWidget                 parent_instance;

  GSettings                *settings;
  LedgerTileBanner         *tile_banner;   /* says when base-map tiles fail */
  LedgerDb                 *db;
  GSignalGroup             *db_signals;
  int                       year;
  guint                     reload_id;
  guint                     recentre_id;
  /* the view the county centring chose, followed on resize until the user moves */
  gboolean                  auto_centred;
  double                    auto_zoom;
  double                    auto_lat;
  double                    auto_lon;
  int                       last_width;
  int                       last_height;
  LedgerPointLayer         *point_layer;
  LedgerOutlineLayer       *outline_layer;
  LedgerOutlineLayer       *land_layer;    /* only its background: the land when no tiles come */
  LedgerShapeLayer         *shape_layer;   /* water bodies' lines and areas, under the points */
  LedgerVillageLayer       *village_layer;
  LedgerMeasureLayer       *measure_layer;
  LedgerPointSprites       *sprites;
  double                    add_lon;
  double                    add_lat;
  double                    seats[4];      /* bounds of the located township seats */
  gboolean                  has_seats;

  /* template children */
  GtkOverlay               *overlay;
  ShumateSimpleMap         *simple_map;
  GtkCheckButton           *facilities_check;
  GtkCheckButton           *farms_check;
  GtkCheckButton           *water_bodies_check;
  GtkGrid                  *legend_grid;
  GtkLabel                 *status_label;
  GtkWidget                *no_outline_hint;
  GtkPopover               *add_popover;
  GtkCheckButton           *villages_check;
  GtkLabel                 *pointer_label;
  GtkToggleButton          *measure_button;
  GtkLabel                 *measure_label;
  GtkLabel                 *context_label;
  GtkPopover               *context_popover;

  GtkWidget                *pick_banner;
  LedgerMapViewPickFunc     pick_callback;
  gpointer                  pick_data;

  double                    pointer_lon;   /* NAN when the pointer is off the map */
  double                    pointer_lat;
  double                    context_lon;   /* where the context menu was asked */
  double                    context_lat;
};

/* ledger-map-view-tools.c: keyboard, the pointer's coordinates, measuring */
void ledger_map_view_class_add_tools (GtkWidgetClass *widget_class);
void ledger_map_view_init_tools      (LedgerMapView  *self);
void ledger_map_view_zoom_to_bounds  (LedgerMapView  *self,
                                      double          min_lon,
                                      double          min_lat,
                                      double          max_lon,
                                      double          max_lat);

G_END_DECLS
