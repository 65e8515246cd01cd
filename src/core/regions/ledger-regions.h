/* ledger-regions.h: the county, its townships and village-level units (README.md and ledger-kinds.c, README.md, Data)
 *
 * The national division list ships compressed in the core GResource; a new
 * ledger takes its county's block from it. Township seats (lon/lat) are what
 * the map labels and the township filter use.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

typedef struct
{
  char   *code;
  char   *name;
  char   *kind;   /* county, township, village, community */
  double  lon;    /* NAN when unknown */
  double  lat;
} LedgerRegion;

void          ledger_region_free               (LedgerRegion  *region);

gboolean      ledger_regions_init              (LedgerDb      *db,
                                                const char    *county_code,
                                                GError       **error);
LedgerDb     *ledger_ledger_create             (const char    *path,
                                                const char    *county_code,
                                                gboolean       demo,
                                                GError       **error);
typedef gboolean (*LedgerLedgerFillFunc) (LedgerDb *db, gpointer user_data, GError **error);
LedgerDb     *ledger_ledger_create_full        (const char          *path,
                                                const char          *county_code,
                                                gboolean             demo,
                                                LedgerLedgerFillFunc fill,
                                                gpointer             user_data,
                                                GError             **error);
GPtrArray    *ledger_regions_list              (LedgerDb      *db,
                                                const char    *kind,
                                                GError       **error);
GPtrArray    *ledger_regions_list_stored       (LedgerDb      *db,
                                                const char    *kind,
                                                GError       **error);
char         *ledger_regions_county_name       (LedgerDb      *db);
gboolean      ledger_regions_set_location      (LedgerDb      *db,
                                                const char    *code,
                                                double         lon,
                                                double         lat,
                                                gboolean       is_demo,
                                                GError       **error);
char         *ledger_regions_boundary_geojson  (const char    *county_code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerRegion, ledger_region_free)

G_END_DECLS
