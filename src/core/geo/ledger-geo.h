/* ledger-geo.h: a county outline (GeoJSON Polygon/MultiPolygon) and point-in-outline */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LedgerOutline LedgerOutline;

LedgerOutline *ledger_outline_new_from_geojson (const char          *text,
                                                GError             **error);
void           ledger_outline_free             (LedgerOutline       *outline);
gboolean       ledger_outline_contains         (const LedgerOutline *outline,
                                                double               lon,
                                                double               lat);
void           ledger_outline_get_bounds       (const LedgerOutline *outline,
                                                double              *min_lon,
                                                double              *min_lat,
                                                double              *max_lon,
                                                double              *max_lat);
guint          ledger_outline_get_n_rings      (const LedgerOutline *outline);
/* lon, lat pairs */
const double  *ledger_outline_get_ring         (const LedgerOutline *outline,
                                                guint                index,
                                                guint               *n_points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerOutline, ledger_outline_free)

G_END_DECLS
