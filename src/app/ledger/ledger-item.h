/* ledger-item.h: one row of a Ledger-page list, created when a view asks */
#pragma once

#include <glib-object.h>

#include "ledger-kinds.h"
#include "ledger-palette.h"
#include "ledger-points.h"

G_BEGIN_DECLS

/* What a list column shows: the app's own columns (the common ones and those
 * computed by the rules), or a field the kinds table marks as a list column
 * (its list_label in ledger-kinds.c), LEDGER_COLUMN_FIELD + its index in the
 * kind's table. */
typedef enum
{
  LEDGER_COLUMN_CODE,
  LEDGER_COLUMN_NAME,
  LEDGER_COLUMN_TOWNSHIP,
  LEDGER_COLUMN_VILLAGE,
  LEDGER_COLUMN_VERDICT,
  LEDGER_COLUMN_SCALE,
  LEDGER_COLUMN_PRODUCED,      /* farms: given, or estimated from the stock */
  LEDGER_COLUMN_PIG_EQ,
  LEDGER_COLUMN_LIST_LEVEL,    /* national or provincial supervision list */
  LEDGER_COLUMN_FIELD,
  LEDGER_N_COLUMNS = LEDGER_COLUMN_FIELD + 32
} LedgerColumnId;

typedef struct
{
  LedgerColumnId     id;
  const char        *title;    /* msgid */
  gboolean           numeric;  /* right-aligned, sorted by value */
  gboolean           marked;   /* shows the row's status mark */
  gboolean           expand;
  const LedgerField *field;    /* the kind's field it shows, or NULL */
} LedgerColumnSpec;

const LedgerColumnSpec *ledger_item_columns      (LedgerKind  kind,
                                                  guint      *n_columns);
/* the column of a kind's listed field, or LEDGER_N_COLUMNS */
LedgerColumnId          ledger_item_field_column (LedgerKind  kind,
                                                  const char *key);

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
gboolean    ledger_item_is_vacated   (LedgerItem     *self);

G_END_DECLS
