/* ledger-list-data.h: the columns a list shows, loaded in one query per kind
 *
 * The Ledger page lists up to 100,000 items per kind. ledger_store_load()
 * builds a LedgerRecord per row with every field; this loader reads only the
 * columns a list shows, with the village and township names joined in, into
 * one string chunk. The result is reference counted and immutable, so row
 * objects can keep it alive while the list reloads.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

/* Columns of every kind */
typedef enum
{
  LEDGER_LIST_UID,            /* villages: the village code */
  LEDGER_LIST_CODE,
  LEDGER_LIST_NAME,
  LEDGER_LIST_VILLAGE_CODE,
  LEDGER_LIST_VILLAGE_NAME,
  LEDGER_LIST_TOWNSHIP_CODE,
  LEDGER_LIST_TOWNSHIP_NAME,
  LEDGER_LIST_N_COMMON,
} LedgerListCommonColumn;

/* Columns of one kind, after the common ones */
enum
{
  /* villages */
  LEDGER_LIST_V_REGION_KIND = LEDGER_LIST_N_COMMON, /* village or community */
  LEDGER_LIST_V_HOUSEHOLDS,
  LEDGER_LIST_V_MODE,
  LEDGER_LIST_V_COVERED,
  LEDGER_LIST_V_YEAR_DONE,
  LEDGER_LIST_V_FACILITY_DOWN,  /* "1": a facility serving it is stopped or faulty */
  LEDGER_LIST_V_HAS_RECORD,     /* "1": a village_sewage row exists */
  LEDGER_LIST_V_END,

  /* facilities */
  LEDGER_LIST_F_KIND = LEDGER_LIST_N_COMMON,
  LEDGER_LIST_F_STATUS,
  LEDGER_LIST_F_CAPACITY,
  LEDGER_LIST_F_OPERATOR,
  LEDGER_LIST_F_END,

  /* farms: the figures of the year asked, or the latest before */
  LEDGER_LIST_A_OPERATOR = LEDGER_LIST_N_COMMON,
  LEDGER_LIST_A_SPECIES,
  LEDGER_LIST_A_YEAR,
  LEDGER_LIST_A_STOCK,
  LEDGER_LIST_A_ANNUAL_OUTPUT,
  LEDGER_LIST_A_MATCHED,
  LEDGER_LIST_A_PRODUCED,
  LEDGER_LIST_A_UTILISED,
  LEDGER_LIST_A_END,

  /* water bodies */
  LEDGER_LIST_W_KIND = LEDGER_LIST_N_COMMON,
  LEDGER_LIST_W_AREA,
  LEDGER_LIST_W_STATUS,
  LEDGER_LIST_W_DUE,
  LEDGER_LIST_W_COMPLETED,
  LEDGER_LIST_W_END,
};

#define LEDGER_LIST_MAX_COLUMNS 16

typedef struct
{
  LedgerKind    kind;
  int           year;
  guint         n_rows;
  guint         n_columns;   /* stride of cells */
  const char  **cells;       /* n_rows × n_columns; NULL = blank; canonical text */
} LedgerListData;

/* @kind: villages, facilities, farms or water bodies; @year: farms' figures
 * (that year or the latest before; 0 = the latest of all). One query. */
LedgerListData *ledger_list_data_load  (LedgerDb       *db,
                                        LedgerKind      kind,
                                        int             year,
                                        GError        **error);
LedgerListData *ledger_list_data_ref   (LedgerListData *data);
void            ledger_list_data_unref (LedgerListData *data);

static inline const char *
ledger_list_data_get (const LedgerListData *data,
                      guint                 row,
                      guint                 column)
{
  return data->cells[(gsize) row * data->n_columns + column];
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerListData, ledger_list_data_unref)

G_END_DECLS
