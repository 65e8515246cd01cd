/* ledger-item-facts.h: the computed figures of one item (docs/RULES.md)
 *
 * What the detail pane shows under an item's own fields: a village's verdict
 * and why, a farm's pig equivalents, scale and manure, a water body's measured
 * level and list, a facility's effluent compliance. Every figure comes from
 * the formulas of ledger-rules.h; this file only gathers the inputs and words
 * the outcome.
 */
#pragma once

#include "ledger-db.h"
#include "ledger-record.h"
#include "ledger-rules.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_FACT_NEUTRAL,
  LEDGER_FACT_GOOD,
  LEDGER_FACT_BAD,
  LEDGER_FACT_WARNING,
} LedgerFactTone;

typedef struct
{
  char           *label;   /* translated, e.g. "Sewage treatment in 2025" */
  char           *value;   /* translated outcome, e.g. "Effective" */
  char           *detail;  /* the reason with its figures, or NULL */
  LedgerFactTone  tone;
} LedgerFact;

void       ledger_fact_free              (LedgerFact         *fact);

GPtrArray *ledger_item_facts             (LedgerDb           *db,
                                          const LedgerRecord *record,
                                          int                 year,
                                          GError            **error);

/* The facility that makes a village's treatment ineffective (stopped or
 * faulty), or NULL: for mode sewer, a township plant of its township. */
LedgerRecord *ledger_village_facility_down (LedgerDb         *db,
                                            const char       *village_code,
                                            const char       *mode,
                                            GError          **error);

char      *ledger_village_reason         (const LedgerRules         *rules,
                                          const LedgerVillageStatus *status,
                                          LedgerVillageVerdict       verdict,
                                          const LedgerRecord        *down,
                                          int                        year);

void       ledger_measurements_from_record (const LedgerRecord *sample,
                                            LedgerMeasurements *measurements);

G_END_DECLS
