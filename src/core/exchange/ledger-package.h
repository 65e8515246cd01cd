/* ledger-package.h: the update package (台账更新包) file
 *
 * One line naming the format, one line of header JSON, then the body: the
 * sender's exchange-log entries the recipient has not acknowledged, each an
 * 8-byte log id, a 4-byte length and an SQLite changeset (big-endian). The
 * header carries the SHA-256 of the body, so a truncated or altered package
 * is refused before anything is applied.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDGER_PACKAGE_FORMAT 1

typedef struct
{
  int     format;
  int     schema;          /* the sender's LEDGER_SCHEMA_VERSION */
  char   *region;          /* the county code */
  char   *sender;          /* ledger ids */
  char   *sender_role;     /* "county" or "township" */
  char   *township;        /* the township the link is about */
  char   *recipient;
  gint64  seq;             /* the sender's package number to this recipient */
  gint64  ack;             /* the recipient's log ids the sender has applied */
  gint64  since;           /* the entries follow this log id of the sender's */
  gint64  through;         /* ... up to this one */
  char   *author;
  char   *created;         /* UTC, ISO 8601 */
} LedgerPackageHeader;

typedef struct
{
  gint64  log_id;
  GBytes *changeset;
} LedgerPackageEntry;

typedef struct
{
  LedgerPackageHeader  header;
  GPtrArray           *entries;   /* LedgerPackageEntry */
} LedgerPackage;

LedgerPackage *ledger_package_new        (void);
void           ledger_package_add        (LedgerPackage  *package,
                                          gint64          log_id,
                                          GBytes         *changeset);
GBytes        *ledger_package_to_bytes   (LedgerPackage  *package);
LedgerPackage *ledger_package_parse      (const guint8   *data,
                                          gsize           size,
                                          GError        **error);
LedgerPackage *ledger_package_read_file  (const char     *path,
                                          GError        **error);
void           ledger_package_free       (LedgerPackage  *package);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPackage, ledger_package_free)

G_END_DECLS
