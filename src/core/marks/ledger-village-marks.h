/* ledger-village-marks.h: the villages on the map — where each is and how it
 * stands on the village sewage indicator in a year (docs/RULES.md item 1) */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_VILLAGE_STATE_EFFECTIVE,     /* an administrative village in the numerator */
  LEDGER_VILLAGE_STATE_NOT_EFFECTIVE, /* in the denominator only */
  LEDGER_VILLAGE_STATE_NOT_COUNTED,   /* a community: recorded, never counted */
  LEDGER_N_VILLAGE_STATES
} LedgerVillageState;

typedef struct
{
  char               *code;
  char               *name;
  double              lon;
  double              lat;
  LedgerVillageState  state;
  const char         *reason;   /* translated verdict, static */
} LedgerVillageMark;

typedef struct
{
  GPtrArray *marks;              /* LedgerVillageMark*, by code: those with a location */
  guint      n_without_location; /* village-level units with none */
} LedgerVillageMarks;

LedgerVillageMarks *ledger_village_marks_load  (LedgerDb            *db,
                                                int                  year,
                                                GError             **error);
void                ledger_village_marks_free  (LedgerVillageMarks  *marks);
const char         *ledger_village_state_name  (LedgerVillageState   state);
/* village-level units without a location: not on the map */
guint               ledger_villages_count_without_location (LedgerDb *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerVillageMarks, ledger_village_marks_free)

G_END_DECLS
