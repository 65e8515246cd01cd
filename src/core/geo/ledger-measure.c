/* ledger-measure.c: distances and areas on the ground (issue 11 item 5)
 *
 * On a sphere of the mean radius: at a county's scale the error against the
 * ellipsoid is a few tenths of a percent, well under what a click can place.
 * Distance: the haversine formula. Area: the spherical polygon formula of
 * Chamberlain and Duquette, "Some algorithms for polygons on a sphere" (JPL,
 * 2007), which Turf and OpenLayers use too.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-measure.h"

/* 1 亩 = 10000/15 m² (市制, the unit officers count land in) */
#define SQUARE_METRES_PER_MU (10000.0 / 15.0)

static double
radians (double degrees)
{
  return degrees * G_PI / 180.0;
}

/**
 * ledger_distance_m:
 *
 * Returns: the great-circle distance between two points, in metres
 */
double
ledger_distance_m (double lon1,
                   double lat1,
                   double lon2,
                   double lat2)
{
  double dlat = radians (lat2 - lat1), dlon = radians (lon2 - lon1);
  double a = sin (dlat / 2) * sin (dlat / 2)
             + cos (radians (lat1)) * cos (radians (lat2)) * sin (dlon / 2) * sin (dlon / 2);

  return 2 * LEDGER_EARTH_RADIUS_M * atan2 (sqrt (a), sqrt (MAX (1 - a, 0)));
}

/**
 * ledger_path_length_m:
 * @lonlat: (array): @n lon, lat pairs
 * @n: the number of points
 *
 * Returns: the length of the line through them, in metres
 */
double
ledger_path_length_m (const double *lonlat,
                      guint         n)
{
  double total = 0;

  for (guint i = 1; i < n; i++)
    total += ledger_distance_m (lonlat[2 * i - 2], lonlat[2 * i - 1], lonlat[2 * i], lonlat[2 * i + 1]);
  return total;
}

/**
 * ledger_area_m2:
 * @lonlat: (array): @n lon, lat pairs, a ring (the last joins the first)
 * @n: the number of points
 *
 * Returns: the enclosed area in square metres; 0 under three points
 */
double
ledger_area_m2 (const double *lonlat,
                guint         n)
{
  double sum = 0;

  if (n < 3)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      guint prev = (i + n - 1) % n, next = (i + 1) % n;

      sum += radians (lonlat[2 * next] - lonlat[2 * prev]) * sin (radians (lonlat[2 * i + 1]));
    }
  return fabs (sum * LEDGER_EARTH_RADIUS_M * LEDGER_EARTH_RADIUS_M / 2);
}

/**
 * ledger_format_distance:
 * @metres: a distance
 *
 * Returns: (transfer full): it in m under a kilometre, else in km
 */
char *
ledger_format_distance (double metres)
{
  if (metres < 1000)
    return g_strdup_printf (_("%.0f m"), metres);
  return g_strdup_printf (_("%.2f km"), metres / 1000);
}

/**
 * ledger_format_area:
 * @square_metres: an area
 *
 * Returns: (transfer full): it in m² under a hectare, in ha and 亩 under
 *   a square kilometre, else in km²
 */
char *
ledger_format_area (double square_metres)
{
  if (square_metres < 10000)
    return g_strdup_printf (_("%.0f m² (%.1f mu)"), square_metres, square_metres / SQUARE_METRES_PER_MU);
  if (square_metres < 1e6)
    return g_strdup_printf (_("%.2f ha (%.1f mu)"), square_metres / 10000, square_metres / SQUARE_METRES_PER_MU);
  return g_strdup_printf (_("%.2f km²"), square_metres / 1e6);
}
