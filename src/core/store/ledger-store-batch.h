/* ledger-store-batch.h: one field set on many items at once (batch edit)
 *
 * The Ledger page's "Edit Selected Rows…": a value typed once (运维单位, a
 * status …) written to every chosen item in one transaction, audited with
 * one label, one undo step. A value the field refuses, or an item the
 * checks refuse, writes nothing.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

/* @field_key: a field of @kind other than its code; @text: as typed or as
 * shown (停用 or stopped; blank clears a field that is not required).
 * @n_changed: (out) (optional): how many items changed */
gboolean ledger_store_set_field (LedgerDb           *db,
                                 LedgerKind          kind,
                                 const char *const  *uids,
                                 const char         *field_key,
                                 const char         *text,
                                 guint              *n_changed,
                                 GError            **error);

G_END_DECLS
