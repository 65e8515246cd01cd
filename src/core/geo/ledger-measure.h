/* ledger-measure.h: distances and areas on the ground, for the map's
 * measuring tool (WGS-84 longitudes and latitudes, on a sphere) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* the mean Earth radius of WGS-84 (IUGG R1), metres */
#define LEDGER_EARTH_RADIUS_M 6371008.8

double ledger_distance_m    (double        lon1,
                             double        lat1,
                             double        lon2,
                             double        lat2);
/* the length of the line through @n lon, lat pairs */
double ledger_path_length_m (const double *lonlat,
                             guint         n);
/* the area enclosed by the ring of @n lon, lat pairs (closed implicitly) */
double ledger_area_m2       (const double *lonlat,
                             guint         n);
/* "850 m", "12.35 km" */
char  *ledger_format_distance (double      metres);
/* "850 m² (1.3 亩)", "2.36 ha (35.4 亩)", "12.35 km²" */
char  *ledger_format_area     (double      square_metres);

G_END_DECLS
