/* ledger-map-view.h: the Map page — base map, county outline, every item */
#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "ledger-db.h"
#include "ledger-point-layer.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_MAP_VIEW (ledger_map_view_get_type ())
G_DECLARE_FINAL_TYPE (LedgerMapView, ledger_map_view, LEDGER, MAP_VIEW, GtkWidget)

GtkWidget        *ledger_map_view_new             (void);
/* NULL db clears; the points follow the db's "changed" signal */
void              ledger_map_view_set_db          (LedgerMapView *self,
                                                   LedgerDb      *db,
                                                   int            year);
/* the points and villages' marks of @year; the outline and shapes stay */
void              ledger_map_view_set_year        (LedgerMapView *self,
                                                   int            year);
void              ledger_map_view_set_township    (LedgerMapView *self,
                                                   const char    *code_or_null);
/* selects @uid (NULL: none) and, when @centre, centres the map on it */
void              ledger_map_view_select          (LedgerMapView *self,
                                                   const char    *uid,
                                                   gboolean       centre);
/* centres on the county's outline, else the points, else China */
void              ledger_map_view_centre_on_county (LedgerMapView *self);
/* loads the points now instead of at the next idle */
void              ledger_map_view_reload          (LedgerMapView *self);

ShumateMap       *ledger_map_view_get_map         (LedgerMapView *self);
ShumateViewport  *ledger_map_view_get_viewport    (LedgerMapView *self);
LedgerPointLayer *ledger_map_view_get_point_layer (LedgerMapView *self);

/* only the items and villages in @uids (uids or village codes; NULL: all) */
void              ledger_map_view_set_only        (LedgerMapView *self,
                                                   GHashTable    *uids);
/* selects @uid, centres on it and zooms in to see it on its own */
void              ledger_map_view_show_item       (LedgerMapView *self,
                                                   const char    *uid);

typedef void (*LedgerMapViewPickFunc) (double   lon,
                                       double   lat,
                                       gboolean picked,
                                       gpointer data);
void              ledger_map_view_pick_location   (LedgerMapView         *self,
                                                   LedgerMapViewPickFunc  callback,
                                                   gpointer               data);
void              ledger_map_view_cancel_pick     (LedgerMapView         *self);

/* properties "db", "year", "township", "selected-uid": what the window binds */
/* signal "item-activated" (int kind, const char *uid): the user picked a point */

G_END_DECLS
