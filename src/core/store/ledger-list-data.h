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

/* After the common columns: the kind's fields marked as list columns in the
 * kinds table (ledger-kinds.c), in the table's order, then a few the list
 * computes or needs besides (villages: "region_kind", village or community;
 * "facility_down", "1" when a facility serving it is stopped or faulty;
 * "has_record", "1" when a village_sewage row exists; farms: "operator", for
 * searching and filtering). Each column is found by its key, once per kind,
 * with ledger_list_column(); the common ones have the keys "uid", "code",
 * "name", "village_code", "village_name", "township_code", "township_name". */
int             ledger_list_column     (LedgerKind      kind,
                                        const char     *key);
guint           ledger_list_n_columns  (LedgerKind      kind);
const char     *ledger_list_column_key (LedgerKind      kind,
                                        guint           column);

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
