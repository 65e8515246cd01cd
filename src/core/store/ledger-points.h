/* ledger-points.h: what the map draws, loaded in one query per kind
 *
 * A LedgerPointSet is an immutable snapshot of every located facility, farm
 * and water body, with the classification the map colours by. The point layer
 * draws from it without touching the database; after a "changed" signal the
 * app loads a new set.
 */
#pragma once

#include <glib-object.h>

#include "ledger-db.h"
#include "ledger-marks.h"
#include "ledger-rules.h"

G_BEGIN_DECLS

typedef struct
{
  const char      *uid;
  const char      *code;
  const char      *name;
  const char      *village_code;   /* first 9 digits: the township */
  const char      *status;         /* enum key: facility status, water body status; NULL for farms */
  LedgerKind       kind;           /* FACILITIES, FARMS or WATER_BODIES */
  LedgerMark       mark;
  LedgerBlackLevel level;          /* water bodies: from the latest sample */
  guint            is_scale : 1;   /* farms */
  guint            matched : 1;    /* farms */
  guint            still_black : 1;/* water bodies */
  double           lon;            /* WGS-84 */
  double           lat;
} LedgerPoint;

#define LEDGER_TYPE_POINT_SET (ledger_point_set_get_type ())
G_DECLARE_FINAL_TYPE (LedgerPointSet, ledger_point_set, LEDGER, POINT_SET, GObject)

LedgerPointSet    *ledger_point_set_load       (LedgerDb        *db,
                                                int              year,
                                                GError         **error);
LedgerPointSet    *ledger_point_set_new_empty  (void);
guint              ledger_point_set_get_n      (LedgerPointSet  *self);
const LedgerPoint *ledger_point_set_get        (LedgerPointSet  *self,
                                                guint            index);
const LedgerPoint *ledger_point_set_find       (LedgerPointSet  *self,
                                                const char      *uid);
/* for tests and benchmarks: add a point (strings are copied) */
void               ledger_point_set_add        (LedgerPointSet    *self,
                                                const LedgerPoint *point);

G_END_DECLS
