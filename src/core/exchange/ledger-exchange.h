/* ledger-exchange.h: townships and the county keep one ledger together
 *
 * The county shares a township ledger (share); each side sends update
 * packages of its changes the other has not acknowledged (send) and applies
 * the other's (receive): one transaction and one audit batch each,
 * idempotent, ordered, refusing what belongs to someone else. A township owns
 * the rows of its villages, the county the rules, standards, targets, outline
 * and regions; when both changed the same field, the owner's value wins and
 * the other is kept in the conflicts list.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

typedef struct
{
  guint   seq;            /* the package's number */
  guint   n_entries;      /* transactions carried (send) or applied (receive) */
  guint   n_changes;      /* rows changed */
  guint   n_conflicts;    /* values kept for review */
  guint   n_refused;      /* changes refused (not the sender's to make) */
  gboolean nothing_new;   /* receive: every change was applied before */
  gint64  through, ack;   /* send: the package's last change and acknowledgement */
  char   *partner_name;
  GPtrArray *refused;     /* char*: one line per refused change */
} LedgerExchangeSummary;

typedef struct
{
  gint64  id;
  char   *partner;
  char   *entity;
  char   *entity_uid;
  char   *item;            /* the row as an officer knows it: code and name, or NULL */
  char   *field;
  char   *kept_value, *kept_author, *kept_at;
  char   *other_value, *other_author, *other_at;
  char   *kept_side;       /* "ours" or "theirs" */
  char   *resolved_at;     /* NULL while open */
} LedgerConflict;

typedef struct
{
  char   *ledger_id;
  char   *role;            /* the partner's: "county" or "township" */
  char   *township;
  char   *name;
  guint   pending;         /* our changes (transactions) it has not acknowledged */
  char   *last_sent_at;
  char   *last_received_at;
  guint   last_seq;
  guint   last_rows;
} LedgerPartner;

gboolean    ledger_exchange_share             (LedgerDb               *county,
                                               const char             *township,
                                               const char             *output,
                                               GError                **error);
gboolean    ledger_exchange_send              (LedgerDb               *db,
                                               const char             *to_township,
                                               const char             *output,
                                               LedgerExchangeSummary  *summary,
                                               GError                **error);
gboolean    ledger_exchange_send_bytes        (LedgerDb               *db,
                                               const char             *to_township,
                                               GBytes                **bytes,
                                               LedgerExchangeSummary  *summary,
                                               GError                **error);
gboolean    ledger_exchange_receive_bytes     (LedgerDb               *db,
                                               const guint8           *data,
                                               gsize                   size,
                                               LedgerExchangeSummary  *summary,
                                               GError                **error);
gboolean    ledger_exchange_receive           (LedgerDb               *db,
                                               const char             *package,
                                               LedgerExchangeSummary  *summary,
                                               GError                **error);
char       *ledger_exchange_dup_role          (LedgerDb               *db);
GPtrArray  *ledger_exchange_list_partners     (LedgerDb               *db,
                                               GError                **error);
GPtrArray  *ledger_exchange_list_conflicts    (LedgerDb               *db,
                                               gboolean                open_only,
                                               GError                **error);
gboolean    ledger_exchange_resolve_conflict  (LedgerDb               *db,
                                               gint64                  id,
                                               gboolean                take_other,
                                               GError                **error);
void        ledger_exchange_summary_clear     (LedgerExchangeSummary  *summary);
void        ledger_conflict_free              (LedgerConflict         *conflict);
void        ledger_partner_free               (LedgerPartner          *partner);

G_END_DECLS
