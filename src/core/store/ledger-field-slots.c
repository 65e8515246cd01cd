/* ledger-field-slots.c: the named fields' indices, resolved once per kind
 *
 * The checks and writes of every import row used to find "lon", "year",
 * "code"… by comparing names along the kind's fields on every call
 * (ledger_record_get). The kinds table is fixed for the life of the
 * program, so each index is looked up once, the first time a kind's slots
 * are asked for, and then read as a number.
 */
#include "config.h"

#include <string.h>

#include "ledger-field-slots.h"
#include "ledger-values.h"

static int
key_index (LedgerKind  kind,
           const char *key)
{
  guint n;
  const LedgerField *fields = ledger_kind_fields (kind, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (fields[i].key, key) == 0)
      return i;
  return -1;
}

static void
resolve (LedgerKind        kind,
         LedgerFieldSlots *slots)
{
  slots->code = key_index (kind, "code");
  slots->name = key_index (kind, "name");
  slots->village_code = key_index (kind, "village_code");
  slots->species = key_index (kind, "species");
  slots->lon = key_index (kind, "lon");
  slots->lat = key_index (kind, "lat");
  slots->year = key_index (kind, "year");
  slots->stock = key_index (kind, "stock");
  slots->manure_produced_t = key_index (kind, "manure_produced_t");
  slots->manure_utilised_t = key_index (kind, "manure_utilised_t");
  slots->households = key_index (kind, "households");
  slots->covered_households = key_index (kind, "covered_households");
  slots->subject_code = key_index (kind, "subject_code");
  slots->date = key_index (kind, "date");
  slots->inspector = key_index (kind, "inspector");
}

/**
 * ledger_field_slots:
 *
 * Returns: (transfer none): @kind's named fields as indices, resolved once
 */
const LedgerFieldSlots *
ledger_field_slots (LedgerKind kind)
{
  static LedgerFieldSlots slots[LEDGER_N_KINDS];
  static gsize resolved = 0;

  g_return_val_if_fail (kind < LEDGER_N_KINDS, NULL);
  if (g_once_init_enter (&resolved))
    {
      for (guint k = 0; k < LEDGER_N_KINDS; k++)
        resolve (k, &slots[k]);
      g_once_init_leave (&resolved, 1);
    }
  return &slots[kind];
}

const char *
ledger_record_slot (const LedgerRecord *record,
                    int                 slot)
{
  return slot >= 0 && (guint) slot < record->n_values ? record->values[slot] : NULL;
}

double
ledger_record_slot_double (const LedgerRecord *record,
                           int                 slot,
                           double              if_blank)
{
  const char *text = ledger_record_slot (record, slot);

  return text ? ledger_strtod (text, NULL) : if_blank;
}
