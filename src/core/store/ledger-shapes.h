/* ledger-shapes.h: lines and areas of water bodies, for the map and export
 *
 * A water body imported from GeoJSON keeps its LineString, MultiLineString,
 * Polygon or MultiPolygon (WGS-84, water_bodies.geometry, schema v2); its
 * lon/lat stay a point on it for the point layer. Here the shapes come out
 * as plain arrays of lon/lat pairs, so the map draws them without JSON.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

typedef struct
{
  char      *uid;
  char      *status;    /* the water body's remediation status key */
  gboolean   is_area;   /* Polygon or MultiPolygon: parts are rings, filled even-odd */
  GPtrArray *parts;     /* GArray of double: lon, lat, lon, lat … */
} LedgerShape;

/* The water bodies that have a line or area: (element-type LedgerShape) */
GPtrArray  *ledger_shapes_load          (LedgerDb     *db,
                                         GError      **error);
/* The stored geometry of a water body as GeoJSON text, or NULL */
char       *ledger_shapes_dup_geometry  (LedgerDb     *db,
                                         const char   *uid);
LedgerShape *ledger_shape_new_from_geojson (const char *geometry);
void        ledger_shape_free           (LedgerShape  *shape);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerShape, ledger_shape_free)

G_END_DECLS
