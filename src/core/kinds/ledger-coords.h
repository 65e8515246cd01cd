/* ledger-coords.h: the coordinate systems of Chinese web maps (docs/ARCHITECTURE.md, map)
 *
 * The ledger stores WGS-84 (GPS, Tianditu). Officers also copy points from
 * Gaode and Tencent (GCJ-02) and Baidu (BD-09), which are converted here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LEDGER_DATUM_WGS84,
  LEDGER_DATUM_GCJ02,
  LEDGER_DATUM_BD09,
} LedgerDatum;

void     ledger_coords_to_wgs84   (LedgerDatum  from,
                                   double       lon,
                                   double       lat,
                                   double      *wgs_lon,
                                   double      *wgs_lat);
void     ledger_coords_from_wgs84 (LedgerDatum  to,
                                   double       lon,
                                   double       lat,
                                   double      *out_lon,
                                   double      *out_lat);
gboolean ledger_coords_in_china   (double       lon,
                                   double       lat);
gboolean ledger_datum_from_key    (const char  *key,
                                   LedgerDatum *datum);

G_END_DECLS
