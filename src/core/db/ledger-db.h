/* ledger-db.h: one ledger file (docs/ARCHITECTURE.md, schema)
 *
 * LedgerDb owns the SQLite connection. Core modules use its handle and its
 * statement cache through ledger-db-private.h; nothing outside src/core sees
 * SQL (app and cli are compiled without LEDGER_COMPILATION, so the SQL entry
 * points are not even declared there; tools/check-layers.sh fails the build
 * when they include sqlite3.h or the private header). Every change runs inside
 * ledger_db_begin()/ledger_db_commit(); audit rows are written by triggers in
 * the schema, with the actor set by ledger_db_set_actor(). After the outermost
 * commit the "changed" signal is emitted once per (kind, uid) that was noted
 * with ledger_db_note_change().
 */
#pragma once

#include <gio/gio.h>

#include "ledger-kinds.h"

G_BEGIN_DECLS

#define LEDGER_SCHEMA_VERSION 9
#define LEDGER_APPLICATION_ID 0x4C444752 /* "LDGR" in PRAGMA application_id */
#define LEDGER_DEFAULT_REGION "512022"

/* kind passed by "changed" when the change came from another process or
 * touched everything (an import, the demo removal): views reload it all */
#define LEDGER_KIND_ALL (-1)

typedef enum
{
  LEDGER_DB_OPEN_DEFAULT   = 0,
  LEDGER_DB_OPEN_CREATE    = 1 << 0,  /* create the file when missing */
  LEDGER_DB_OPEN_READ_ONLY = 1 << 1,
} LedgerDbOpenFlags;

#define LEDGER_TYPE_DB (ledger_db_get_type ())
G_DECLARE_FINAL_TYPE (LedgerDb, ledger_db, LEDGER, DB, GObject)

LedgerDb     *ledger_db_open             (const char         *path,
                                          LedgerDbOpenFlags   flags,
                                          GError            **error);
const char   *ledger_db_get_path         (LedgerDb           *self);
gboolean      ledger_db_path_is_ledger_file (const char     *db_path,
                                             const char     *path);
gboolean      ledger_db_refuse_own_file  (LedgerDb           *self,
                                          const char         *path,
                                          GError            **error);
gboolean      ledger_db_is_read_only     (LedgerDb           *self);
gboolean      ledger_db_begin            (LedgerDb           *self,
                                          GError            **error);
gboolean      ledger_db_commit           (LedgerDb           *self,
                                          GError            **error);
void          ledger_db_rollback         (LedgerDb           *self);
gboolean      ledger_db_in_transaction   (LedgerDb           *self);
void          ledger_db_note_change      (LedgerDb           *self,
                                          int                 kind,
                                          const char         *uid);
gboolean      ledger_db_poll_external_change (LedgerDb       *self);

void          ledger_db_set_actor        (LedgerDb           *self,
                                          const char         *actor);
void          ledger_db_set_cache_kib    (LedgerDb           *self,
                                          int                 kib);
const char   *ledger_db_get_actor        (LedgerDb           *self);
void          ledger_db_set_audit_batch  (LedgerDb           *self,
                                          const char         *batch);

char         *ledger_db_get_meta         (LedgerDb           *self,
                                          const char         *key);
gboolean      ledger_db_set_meta         (LedgerDb           *self,
                                          const char         *key,
                                          const char         *value,
                                          GError            **error);
char         *ledger_db_dup_region_code  (LedgerDb           *self);
char         *ledger_db_dup_region_name  (LedgerDb           *self,
                                          const char         *code);

char         *ledger_uid_new             (void);
char         *ledger_now_utc             (void);

G_END_DECLS

#ifdef LEDGER_COMPILATION
#include "ledger-db-private.h"
#endif
