/* ledger-item-private.h: the rows behind LedgerItemList and LedgerItem
 *
 * LedgerRows is one load of one kind: the core's LedgerListData plus what the
 * list computes once per load (status mark, filter category, village verdict,
 * scale farm, pig equivalents, a lowercase search haystack per row) and, per
 * column, sort keys computed the first time the list is sorted by it. It is
 * reference counted: row objects keep the load they came from alive.
 */
#pragma once

#include "ledger-item.h"
#include "ledger-list-data.h"
#include "ledger-rules.h"

G_BEGIN_DECLS

enum
{
  ROW_COMMUNITY          = 1 << 0, /* villages: a community, never counted */
  ROW_SCALE              = 1 << 1, /* farms: a scale farm */
  ROW_PRODUCED_ESTIMATED = 1 << 2, /* farms: produced estimated from stock */
  ROW_MARKED             = 1 << 3, /* mark is meaningful */
};

typedef struct
{
  guint32 hay;       /* offset of the row's lowercase haystack in LedgerRows.haystack */
  guint8  mark;      /* LedgerMark of the row's status */
  guint8  category;  /* status-filter bits: option i matches bit i - 1 */
  guint8  verdict;   /* villages: LedgerVillageVerdict */
  guint8  flags;
  double  pig_eq;    /* farms */
  double  produced;  /* farms: t/year, given or estimated; NAN unknown */
} LedgerRowInfo;

/* The list data's columns the rules read, found by key once per kind; -1
 * where the kind has none. */
typedef struct
{
  int mode, households, covered, year_done, facility_down, region_kind;
  int status, species, stock, output, matched, produced, area, operator;
} LedgerRuleColumns;

/* A kind's columns, made once from its places and the kinds table */
typedef struct
{
  GArray            *specs;                     /* LedgerColumnSpec */
  int                data[LEDGER_N_COLUMNS];    /* each column's list data column, or -1 */
  const LedgerField *field[LEDGER_N_COLUMNS];   /* the field of each field column */
  LedgerRuleColumns  rules;
  const char        *verdict_text[LEDGER_VILLAGE_FACILITY_DOWN + 1];   /* translated */
} LedgerItemColumns;

typedef struct
{
  LedgerKind               kind;
  const LedgerItemColumns *columns;
  LedgerListData          *data;
  guint           n_rows;
  LedgerRowInfo  *info;
  char           *haystack;
  double         *num_keys[LEDGER_N_COLUMNS];   /* lazily, numeric columns */
  char          **text_keys[LEDGER_N_COLUMNS];  /* lazily, text columns: collation keys */
} LedgerRows;

/* A row's cell: ledger_list_data_get() spelled out, as the cells are read
 * for every row drawn */
#define LEDGER_ROWS_CELL(rows, row, col) \
  ((rows)->data->cells[(gsize) (row) * (rows)->data->n_columns + (col)])
/* a cell of a column the kind may lack (-1): NULL there */
#define LEDGER_ROWS_CELL_AT(rows, row, col) ((col) < 0 ? NULL : LEDGER_ROWS_CELL ((rows), (row), (col)))

LedgerRows *ledger_rows_new           (LedgerListData    *data,
                                       const LedgerRules *rules,
                                       int                year);
LedgerRows *ledger_rows_ref           (LedgerRows        *rows);
void        ledger_rows_unref         (LedgerRows        *rows);
char       *ledger_rows_dup_text      (LedgerRows        *rows,
                                       guint              row,
                                       LedgerColumnId     column);
/* NAN when blank */
double      ledger_rows_number        (LedgerRows        *rows,
                                       guint              row,
                                       LedgerColumnId     column);

LedgerItem *ledger_item_new_slot      (LedgerRows        *rows,
                                       guint              row);
void        ledger_item_set_row       (LedgerItem        *self,
                                       guint              row);
void        ledger_item_vacate        (LedgerItem        *self);
void        ledger_item_defer_row     (LedgerItem        *self,
                                       guint              row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerRows, ledger_rows_unref)

G_END_DECLS
