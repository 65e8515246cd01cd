/* ledger-field-slots.h: the fields the checks and writes name, as indices
 * resolved once from the kinds table (issue 17 item 2, issue 19) */
#pragma once

#include "ledger-kinds.h"
#include "ledger-record.h"

G_BEGIN_DECLS

/* Each an index into its kind's fields (ledger_kind_fields), or -1 when the
 * kind has no such field. */
typedef struct
{
  int code;
  int name;
  int village_code;
  int species;
  int lon;
  int lat;
  int year;
  int stock;
  int manure_produced_t;
  int manure_utilised_t;
  int households;
  int covered_households;
  int subject_code;
  int date;
  int inspector;
} LedgerFieldSlots;

const LedgerFieldSlots *ledger_field_slots       (LedgerKind          kind);

/* the value at @slot (NULL when blank or @slot is -1) */
const char             *ledger_record_slot       (const LedgerRecord *record,
                                                  int                 slot);
double                  ledger_record_slot_double (const LedgerRecord *record,
                                                  int                 slot,
                                                  double              if_blank);

G_END_DECLS
