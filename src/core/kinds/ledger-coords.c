/* ledger-coords.c: WGS-84, GCJ-02 and BD-09 (docs/ARCHITECTURE.md, map)
 *
 * GCJ-02 is the published obfuscation of WGS-84 on the Krasovsky ellipsoid;
 * BD-09 is Baidu's further shift of GCJ-02. Neither has a closed-form
 * inverse, so the way back is found by fixed-point iteration on the forward
 * transform, which converges in a few steps because the shift varies slowly.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ledger-coords.h"

#define KRASOVSKY_A  6378245.0
#define KRASOVSKY_EE 0.00669342162296594323
#define BD_X_PI      (G_PI * 3000.0 / 180.0)
#define INVERSE_TOLERANCE 1e-9   /* degrees, well below the 1e-7 promised */
#define INVERSE_MAX_STEPS 50

typedef void (*Transform) (double lon, double lat, double *out_lon, double *out_lat);

/* ---- auxiliary functions ---- */

static double
shift_lat (double x,
           double y)
{
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt (fabs (x));

  r += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  r += (20.0 * sin (y * G_PI) + 40.0 * sin (y / 3.0 * G_PI)) * 2.0 / 3.0;
  r += (160.0 * sin (y / 12.0 * G_PI) + 320.0 * sin (y * G_PI / 30.0)) * 2.0 / 3.0;
  return r;
}

static double
shift_lon (double x,
           double y)
{
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt (fabs (x));

  r += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  r += (20.0 * sin (x * G_PI) + 40.0 * sin (x / 3.0 * G_PI)) * 2.0 / 3.0;
  r += (150.0 * sin (x / 12.0 * G_PI) + 300.0 * sin (x / 30.0 * G_PI)) * 2.0 / 3.0;
  return r;
}

static void
wgs84_to_gcj02 (double  lon,
                double  lat,
                double *out_lon,
                double *out_lat)
{
  double dlat, dlon, radlat, magic, sqrt_magic;

  if (!ledger_coords_in_china (lon, lat))
    {
      *out_lon = lon;
      *out_lat = lat;
      return;
    }
  dlat = shift_lat (lon - 105.0, lat - 35.0);
  dlon = shift_lon (lon - 105.0, lat - 35.0);
  radlat = lat / 180.0 * G_PI;
  magic = 1.0 - KRASOVSKY_EE * sin (radlat) * sin (radlat);
  sqrt_magic = sqrt (magic);
  dlat = (dlat * 180.0) / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrt_magic) * G_PI);
  dlon = (dlon * 180.0) / (KRASOVSKY_A / sqrt_magic * cos (radlat) * G_PI);
  *out_lon = lon + dlon;
  *out_lat = lat + dlat;
}

static void
gcj02_to_bd09 (double  lon,
               double  lat,
               double *out_lon,
               double *out_lat)
{
  double z = sqrt (lon * lon + lat * lat) + 0.00002 * sin (lat * BD_X_PI);
  double theta = atan2 (lat, lon) + 0.000003 * cos (lon * BD_X_PI);

  *out_lon = z * cos (theta) + 0.0065;
  *out_lat = z * sin (theta) + 0.006;
}

static void
wgs84_to_bd09 (double  lon,
               double  lat,
               double *out_lon,
               double *out_lat)
{
  double gcj_lon, gcj_lat;

  wgs84_to_gcj02 (lon, lat, &gcj_lon, &gcj_lat);
  gcj02_to_bd09 (gcj_lon, gcj_lat, out_lon, out_lat);
}

/* Finds (lon, lat) with forward (lon, lat) = (x, y), starting from (x, y)
 * itself: each step removes the remaining difference. */
static void
invert (Transform  forward,
        double     x,
        double     y,
        double    *out_lon,
        double    *out_lat)
{
  double lon = x;
  double lat = y;

  for (guint i = 0; i < INVERSE_MAX_STEPS; i++)
    {
      double fx, fy;

      forward (lon, lat, &fx, &fy);
      if (fabs (fx - x) < INVERSE_TOLERANCE && fabs (fy - y) < INVERSE_TOLERANCE)
        break;
      lon -= fx - x;
      lat -= fy - y;
    }
  *out_lon = lon;
  *out_lat = lat;
}

/* ---- public API ---- */

/**
 * ledger_coords_to_wgs84:
 * @from: the datum of @lon and @lat
 * @lon: longitude in degrees
 * @lat: latitude in degrees
 * @wgs_lon: (out): WGS-84 longitude
 * @wgs_lat: (out): WGS-84 latitude
 *
 * Converts a point copied from a Chinese web map to WGS-84, to within 1e-7°
 * of the point that the map's own transform sends to (@lon, @lat).
 */
void
ledger_coords_to_wgs84 (LedgerDatum  from,
                        double       lon,
                        double       lat,
                        double      *wgs_lon,
                        double      *wgs_lat)
{
  switch (from)
    {
    case LEDGER_DATUM_GCJ02:
      invert (wgs84_to_gcj02, lon, lat, wgs_lon, wgs_lat);
      break;
    case LEDGER_DATUM_BD09:
      invert (wgs84_to_bd09, lon, lat, wgs_lon, wgs_lat);
      break;
    case LEDGER_DATUM_WGS84:
    default:
      *wgs_lon = lon;
      *wgs_lat = lat;
      break;
    }
}

/**
 * ledger_coords_from_wgs84:
 * @to: the datum wanted
 * @lon: WGS-84 longitude in degrees
 * @lat: WGS-84 latitude in degrees
 * @out_lon: (out): longitude in @to
 * @out_lat: (out): latitude in @to
 */
void
ledger_coords_from_wgs84 (LedgerDatum  to,
                          double       lon,
                          double       lat,
                          double      *out_lon,
                          double      *out_lat)
{
  switch (to)
    {
    case LEDGER_DATUM_GCJ02:
      wgs84_to_gcj02 (lon, lat, out_lon, out_lat);
      break;
    case LEDGER_DATUM_BD09:
      wgs84_to_bd09 (lon, lat, out_lon, out_lat);
      break;
    case LEDGER_DATUM_WGS84:
    default:
      *out_lon = lon;
      *out_lat = lat;
      break;
    }
}

/**
 * ledger_coords_in_china:
 * @lon: longitude in degrees
 * @lat: latitude in degrees
 *
 * A rough box around China (lon 73–135.5, lat 3–54), the same as the range
 * of the lon and lat columns. Outside it GCJ-02 equals WGS-84.
 *
 * Returns: %TRUE inside the box
 */
gboolean
ledger_coords_in_china (double lon,
                        double lat)
{
  return lon >= 73.0 && lon <= 135.5 && lat >= 3.0 && lat <= 54.0;
}

/**
 * ledger_datum_from_key:
 * @key: "wgs84", "gcj02" or "bd09" (any case; "wgs-84" etc. too)
 * @datum: (out): the datum
 *
 * Returns: %TRUE when @key names a datum
 */
gboolean
ledger_datum_from_key (const char  *key,
                       LedgerDatum *datum)
{
  static const struct { const char *key; LedgerDatum datum; } keys[] = {
    { "wgs84", LEDGER_DATUM_WGS84 }, { "wgs-84", LEDGER_DATUM_WGS84 },
    { "gcj02", LEDGER_DATUM_GCJ02 }, { "gcj-02", LEDGER_DATUM_GCJ02 },
    { "bd09", LEDGER_DATUM_BD09 }, { "bd-09", LEDGER_DATUM_BD09 },
  };

  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (g_ascii_strcasecmp (key, keys[i].key) == 0)
        {
          *datum = keys[i].datum;
          return TRUE;
        }
    }
  return FALSE;
}
