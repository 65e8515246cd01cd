/* ledger-inspections.h: inspections and samples county-wide, rectification deadlines
 *
 * The Inspections and Samples page and the `inspections` command read the
 * rows from here; "overdue" means one of two things, both decided here:
 * an item that needs a monthly inspection has none this month (本地口径,
 * docs/RULES.md), or an inspection's 整改期限 passed and it is not rectified.
 */
#pragma once

#include "ledger-db.h"
#include "ledger-kinds.h"
#include "ledger-record.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_OBSERVATIONS_ALL,             /* every inspection and sample, newest first */
  LEDGER_OBSERVATIONS_NOT_INSPECTED,   /* items due a monthly inspection without one this month */
  LEDGER_OBSERVATIONS_DEADLINE_PASSED, /* inspections past their deadline, not rectified */
} LedgerObservationsFilter;

typedef struct
{
  LedgerKind  kind;          /* SAMPLES or INSPECTIONS; NOT_INSPECTED: the item's kind */
  char       *uid;           /* the sample or inspection; NULL for an item not inspected */
  LedgerKind  subject_kind;  /* facility, farm, water body, or VILLAGES */
  char       *subject_uid;   /* its uid (a village: its code) */
  char       *subject_code;
  char       *subject_name;
  char       *township;      /* names, NULL when unknown */
  char       *village;
  char       *date;          /* YYYY-MM-DD; NOT_INSPECTED: the last inspection, or NULL */
  char       *result;        /* inspections: the result key */
  char       *deadline;      /* inspections: 整改期限 */
  char       *follow_up;     /* inspections: pending | rectified | not_needed */
  guint       n_photos;
  gboolean    deadline_passed; /* the deadline is before today and it is not rectified */
} LedgerObservationRow;

void       ledger_observation_row_free (LedgerObservationRow *row);

/* @today: "YYYY-MM-DD" (NULL: the local date); @township: a 9-digit code or NULL
 * Returns: (element-type LedgerObservationRow) (transfer container): the rows, or NULL with @error */
GPtrArray *ledger_observations_load    (LedgerDb                 *db,
                                        LedgerObservationsFilter  filter,
                                        const char               *township,
                                        const char               *today,
                                        GError                  **error);
/* today's local date as YYYY-MM-DD (the default of a new inspection's date) */
char      *ledger_today                (void);

#ifdef LEDGER_COMPILATION
/* ledger_store_check: the deadline is not before the inspection */
void        ledger_inspection_check      (const LedgerRecord *record,
                                          GPtrArray          *problems);
#endif

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerObservationRow, ledger_observation_row_free)

G_END_DECLS
