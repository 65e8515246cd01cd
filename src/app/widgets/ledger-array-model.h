/* ledger-array-model.h: a GListModel over a GPtrArray, items made on demand */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* one element of the array; holds a reference to the array, so the element
 * stays valid as long as the item lives */
#define LEDGER_TYPE_ARRAY_ITEM (ledger_array_item_get_type ())
G_DECLARE_FINAL_TYPE (LedgerArrayItem, ledger_array_item, LEDGER, ARRAY_ITEM, GObject)

gpointer    ledger_array_item_get       (LedgerArrayItem  *self);
guint       ledger_array_item_get_index (LedgerArrayItem  *self);

#define LEDGER_TYPE_ARRAY_MODEL (ledger_array_model_get_type ())
G_DECLARE_FINAL_TYPE (LedgerArrayModel, ledger_array_model, LEDGER, ARRAY_MODEL, GObject)

LedgerArrayModel *ledger_array_model_new       (void);
/* replaces the elements (@array is referenced, not copied; NULL: none) with
 * one items-changed */
void              ledger_array_model_set_array (LedgerArrayModel *self,
                                                GPtrArray        *array);

G_END_DECLS
