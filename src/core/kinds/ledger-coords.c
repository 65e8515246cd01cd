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
#include "ledger-values.h"

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

/* ---- degrees, minutes, seconds ---- */

/* The hemisphere a word names: N, S, E, W (also 北纬, 南纬, 东经, 西经), or 0. */
static char
hemisphere_of (const char *word)
{
  static const struct { const char *word; char hemisphere; } words[] = {
    { "北纬", 'N' }, { "南纬", 'S' }, { "东经", 'E' }, { "西经", 'W' },
    { "北", 'N' }, { "南", 'S' }, { "东", 'E' }, { "西", 'W' },
    { "N", 'N' }, { "S", 'S' }, { "E", 'E' }, { "W", 'W' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (word, words[i].word))
      return words[i].hemisphere;
  return 0;
}

static gsize
hemisphere_len (const char *word)
{
  return g_str_has_prefix (word, "北纬") || g_str_has_prefix (word, "南纬") ||
         g_str_has_prefix (word, "东经") || g_str_has_prefix (word, "西经") ? strlen ("北纬")
         : (guchar) *word >= 0x80 ? strlen ("北") : 1;
}

/* The marks after degrees, minutes and seconds as people type them. */
static int
unit_of (const char *p,
         gsize      *len)
{
  static const struct { const char *mark; int unit; } marks[] = {
    { "°", 0 }, { "度", 0 },
    { "′", 1 }, { "’", 1 }, { "'", 1 }, { "分", 1 },
    { "″", 2 }, { "′′", 2 }, { "”", 2 }, { "\"", 2 }, { "''", 2 }, { "’’", 2 }, { "秒", 2 },
  };
  int found = -1;

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_has_prefix (p, marks[i].mark) && (found < 0 || strlen (marks[i].mark) > *len))
      {
        found = marks[i].unit;
        *len = strlen (marks[i].mark);
      }
  return found;
}

/* "30°16'30"" or "30 16 30" into degrees; FALSE on anything else. */
static gboolean
parse_dms_body (const char *text,
                double     *degrees)
{
  double parts[3] = { 0, 0, 0 };
  int next = 0;
  const char *p = text;

  while (*p != '\0')
    {
      char *end;
      gsize len = 0;
      int unit;
      double value;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      value = g_ascii_strtod (p, &end);
      if (end == p || next > 2 || !isfinite (value) || value < 0)
        return FALSE;
      p = end;
      while (*p == ' ')
        p++;
      unit = unit_of (p, &len);
      if (unit < 0)
        unit = next;         /* "30 16 30": by position */
      else
        p += len;
      if (unit < next)
        return FALSE;
      parts[unit] = value;
      next = unit + 1;
    }
  if (next == 0 || parts[1] >= 60 || parts[2] >= 60)
    return FALSE;
  *degrees = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
  return TRUE;
}

/**
 * ledger_coords_parse_degrees:
 * @text: decimal degrees ("104.55", "-30.2") or degrees, minutes and
 *   seconds ("30°16'30\"N", "104°33'12.5\"E", "北纬30度16分30秒", "E 104 33 12.5")
 * @degrees: (out): the value, negative for S and W
 * @hemisphere: (out) (optional): 'N', 'S', 'E', 'W' when @text names one, else 0
 *
 * Full-width digits and marks are accepted.
 *
 * Returns: %TRUE when @text is a coordinate
 */
gboolean
ledger_coords_parse_degrees (const char *text,
                             double     *degrees,
                             char       *hemisphere)
{
  g_autofree char *folded = NULL;
  g_autofree char *body = NULL;
  char found = 0;
  double value;
  gboolean negative = FALSE;
  gsize len;

  if (hemisphere)
    *hemisphere = 0;
  if (text == NULL)
    return FALSE;
  if (ledger_parse_number (text, degrees))
    return TRUE;
  folded = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    return FALSE;
  body = g_strstrip (g_strdup (folded));
  if ((found = hemisphere_of (body)) != 0)
    memmove (body, body + hemisphere_len (body), strlen (body + hemisphere_len (body)) + 1);
  g_strstrip (body);
  len = strlen (body);
  if (found == 0 && len > 0 && (found = hemisphere_of (body + len - 1)) != 0)
    body[len - 1] = '\0';
  else if (found == 0 && len >= 3 && (found = hemisphere_of (body + len - 3)) != 0)
    body[len - 3] = '\0';
  g_strstrip (body);
  if (body[0] == '-')
    negative = TRUE, body[0] = ' ';
  if (!parse_dms_body (body, &value))
    return FALSE;
  if (found == 'S' || found == 'W')
    negative = !negative;
  *degrees = negative ? -value : value;
  if (hemisphere)
    *hemisphere = found;
  return TRUE;
}
