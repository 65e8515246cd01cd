/* ledger-exchange-private.h: what the exchange's files share (private to core)
 *
 * A linked ledger (a county that shared to townships, or a township) keeps a
 * log of its own changes in the ledger file itself: every committed
 * transaction's SQLite changeset (session extension) is one row of
 * exchange_log. An update package carries the log rows the partner has not
 * acknowledged, each filtered to what the partner may see.
 */
#pragma once

#include "ledger-db-private.h"

G_BEGIN_DECLS

/* the tables whose changes travel between linked ledgers (NULL-terminated) */
extern const char *const ledger_exchange_tables[];

/* the rows that name a batch of audit rows (an import, an exchange, an undo):
 * they travel with the audit rows and are the same row on both sides */
static inline gboolean
ledger_exchange_is_batch_table (const char *table)
{
  return g_str_equal (table, "audit_batches") || g_str_equal (table, "audit_labels");
}


sqlite3_session *ledger_exchange_log_start   (LedgerDb         *db);
gboolean         ledger_exchange_log_capture (LedgerDb         *db,
                                              sqlite3_session  *session,
                                              GError          **error);

/* SQLite's changeset format, one change at a time (ledger-changeset.c) */
typedef struct _LedgerChangesetFilter LedgerChangesetFilter;

typedef gboolean (*LedgerChangeKeep) (sqlite3_changeset_iter *iter,
                                      const char             *table,
                                      gpointer                user_data);

GBytes          *ledger_changeset_filter     (GBytes           *changeset,
                                              LedgerChangeKeep  keep,
                                              gpointer          user_data,
                                              GError          **error);

G_END_DECLS

G_BEGIN_DECLS

/* whose a changed row is (ledger-exchange-owner.c) */
typedef struct _LedgerOwner LedgerOwner;

LedgerOwner     *ledger_owner_new            (LedgerDb               *db);
void             ledger_owner_free           (LedgerOwner            *owner);
/* The township (9 digits) whose row @iter changes, "" for a county-wide row
 * (rules, targets, standards, the outline, the county's own region row),
 * NULL when it cannot be told. */
char            *ledger_owner_township       (LedgerOwner            *owner,
                                              sqlite3_changeset_iter *iter,
                                              const char             *table);
gboolean         ledger_owner_is_county_table (const char            *table);
/* the row's key as the audit log writes it: primary-key values joined by '/' */
char            *ledger_owner_row_key        (sqlite3_changeset_iter *iter);
char            *ledger_owner_pk_json        (sqlite3_changeset_iter *iter);
const char      *ledger_owner_column_name    (LedgerOwner            *owner,
                                              const char             *table,
                                              int                     column);
char            *ledger_value_dup_text       (sqlite3_value          *value);
/* the value of @column in the change: the new one, else the old one */
sqlite3_value   *ledger_change_value         (LedgerOwner            *owner,
                                              sqlite3_changeset_iter *iter,
                                              const char             *table,
                                              const char             *column);
/* whether a meta row may travel (only the county's outline does) */
gboolean         ledger_owner_meta_travels   (sqlite3_changeset_iter *iter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerOwner, ledger_owner_free)

G_END_DECLS
