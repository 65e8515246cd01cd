/* ledger-kinds.h: the kinds of ledger records and their columns (README.md and ledger-kinds.c)
 *
 * One table describes every column of every kind: its English key, its Chinese
 * header, its type and its range, and whether the Ledger page lists it.
 * Import, export, the editor forms, the store's reads and writes and the list
 * columns are all driven by it, so a column is added in one place.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LEDGER_KIND_VILLAGES,
  LEDGER_KIND_FACILITIES,
  LEDGER_KIND_FARMS,
  LEDGER_KIND_WATER_BODIES,
  LEDGER_KIND_SAMPLES,
  LEDGER_KIND_INSPECTIONS,
  LEDGER_N_KINDS
} LedgerKind;

typedef enum
{
  LEDGER_FIELD_TEXT,
  LEDGER_FIELD_CODE,      /* an item's own code (blank = assigned by core) */
  LEDGER_FIELD_REGION,    /* a village-level region code that must exist */
  LEDGER_FIELD_SUBJECT,   /* code of a facility, farm, water body or village */
  LEDGER_FIELD_INT,
  LEDGER_FIELD_REAL,
  LEDGER_FIELD_YEAR,
  LEDGER_FIELD_DATE,      /* canonical YYYY-MM-DD */
  LEDGER_FIELD_ENUM,      /* canonical: the English key */
  LEDGER_FIELD_BOOL,      /* canonical: "1" or "0" */
  LEDGER_FIELD_LON,
  LEDGER_FIELD_LAT,
} LedgerFieldType;

typedef struct
{
  const char *key;        /* English key, e.g. "pig" */
  const char *label;      /* Chinese label as in spreadsheets, e.g. "生猪" (msgid) */
  const char *label_en;   /* English label shown in an English UI */
  const char *aliases;    /* other words officers write for it, "|"-separated, or NULL */
} LedgerEnumValue;

typedef struct
{
  const char            *name;      /* "species" */
  const LedgerEnumValue *values;
  guint                  n_values;
} LedgerEnum;

typedef struct
{
  const char       *key;        /* English key, e.g. "capacity_m3d" */
  const char       *header;     /* Chinese header, e.g. "设计规模(吨/日)" */
  const char       *label_en;   /* English label for an English UI */
  LedgerFieldType   type;
  const LedgerEnum *enumeration; /* for LEDGER_FIELD_ENUM */
  gboolean          required;
  double            min;        /* inclusive range for numbers; ignored when min > max */
  double            max;
  const char       *list_label; /* the Ledger page's column title (msgid): the field is a
                                 * list column, loaded by ledger-list-data in the table's
                                 * order; NULL: not a list column */
} LedgerField;

const char        *ledger_kind_to_key        (LedgerKind   kind);
gboolean           ledger_kind_from_key      (const char  *key,
                                              LedgerKind  *kind);
const char        *ledger_kind_display_name  (LedgerKind   kind);
const char        *ledger_kind_table         (LedgerKind   kind);

const LedgerField *ledger_kind_fields        (LedgerKind   kind,
                                              guint       *n_fields);
int                ledger_kind_field_index   (LedgerKind   kind,
                                              const char  *key_or_header);
const char        *ledger_field_display_name (const LedgerField *field);

const LedgerEnum  *ledger_enum_by_name       (const char  *name);
const LedgerEnumValue *ledger_enum_lookup    (const LedgerEnum *enumeration,
                                              const char       *key_or_label);
const char        *ledger_enum_label         (const LedgerEnum *enumeration,
                                              const char       *key);
const char        *ledger_enum_display       (const LedgerEnum *enumeration,
                                              const char       *key);

G_END_DECLS
