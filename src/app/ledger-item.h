/* ledger-item.h: one row of a Ledger-page list, created when a view asks */
#pragma once

#include <glib-object.h>

#include "ledger-kinds.h"
#include "ledger-palette.h"
#include "ledger-points.h"

G_BEGIN_DECLS

/* What a list column shows */
typedef enum
{
  LEDGER_COLUMN_CODE,
  LEDGER_COLUMN_NAME,
  LEDGER_COLUMN_TOWNSHIP,
  LEDGER_COLUMN_VILLAGE,
  LEDGER_COLUMN_HOUSEHOLDS,
  LEDGER_COLUMN_MODE,
  LEDGER_COLUMN_COVERED,
  LEDGER_COLUMN_YEAR_DONE,
  LEDGER_COLUMN_VERDICT,
  LEDGER_COLUMN_TYPE,          /* facility or water body kind */
  LEDGER_COLUMN_STATUS,        /* facility or water body status */
  LEDGER_COLUMN_CAPACITY,
  LEDGER_COLUMN_OPERATOR,
  LEDGER_COLUMN_SPECIES,
  LEDGER_COLUMN_STOCK,
  LEDGER_COLUMN_ANNUAL_OUTPUT,
  LEDGER_COLUMN_SCALE,
  LEDGER_COLUMN_MATCHED,
  LEDGER_COLUMN_PRODUCED,
  LEDGER_COLUMN_UTILISED,
  LEDGER_COLUMN_PIG_EQ,
  LEDGER_COLUMN_AREA,
  LEDGER_COLUMN_LIST_LEVEL,    /* national or provincial supervision list */
  LEDGER_COLUMN_DUE,
  LEDGER_COLUMN_COMPLETED,
  LEDGER_N_COLUMNS
} LedgerColumnId;

typedef struct
{
  LedgerColumnId id;
  const char    *title;    /* msgid */
  gboolean       numeric;  /* right-aligned, sorted by value */
  gboolean       marked;   /* shows the row's status mark */
  gboolean       expand;
} LedgerColumnSpec;

const LedgerColumnSpec *ledger_item_columns (LedgerKind kind,
                                             guint     *n_columns);

#define LEDGER_TYPE_ITEM (ledger_item_get_type ())
G_DECLARE_FINAL_TYPE (LedgerItem, ledger_item, LEDGER, ITEM, GObject)

LedgerKind  ledger_item_get_kind     (LedgerItem     *self);
const char *ledger_item_get_uid      (LedgerItem     *self);
const char *ledger_item_get_name     (LedgerItem     *self);
/* the text of a column in the user's language */
char       *ledger_item_dup_text     (LedgerItem     *self,
                                      LedgerColumnId  column);
/* the CSS class of the row's status (mark-good, …), or NULL */
const char *ledger_item_get_mark_class (LedgerItem   *self);

G_END_DECLS
