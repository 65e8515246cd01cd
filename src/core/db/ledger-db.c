/* ledger-db.c: opening, checking and migrating a ledger file (docs/ARCHITECTURE.md, schema) */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ledger-db.h"
#include "ledger-error.h"
#include "ledger-replace.h"
#include "ledger-exchange-private.h"
#include "ledger-schema.h"

struct _LedgerDb
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  char       *actor;
  char       *audit_batch;   /* the import whose changes are being logged, or NULL */
  GHashTable *statements;    /* SQL text -> sqlite3_stmt, owned */
  GArray     *pending;       /* PendingChange noted in the open transaction */
  guint       depth;         /* transaction nesting: 1 = BEGIN, > 1 = savepoints */
  gint64      data_version;
  gboolean    read_only;
  gboolean    create;        /* opened to create a ledger: an empty file is welcome */
  gboolean    applying;      /* a partner's package is being applied: no audit triggers */
  sqlite3_session *session;  /* records the open transaction for the exchange log */
  GThread    *integrity_check; /* a big ledger's quick_check, run beside the first reads */
  int         integrity;     /* INTEGRITY_*: what that check found, once joined */
};

enum { INTEGRITY_OK, INTEGRITY_DAMAGED, INTEGRITY_UNKNOWN };

/* quick_check reads the whole file: about 1 s for a nation-scale ledger
 * (222 MB) on the machines this runs on, most of the time to the first
 * frame. Above this size it runs in a thread of its own, and the first
 * write waits for it (ledger_db_begin). LEDGER_INTEGRITY_ASYNC_BYTES
 * overrides it (tests). */
#define INTEGRITY_ASYNC_BYTES (32 * 1024 * 1024)

typedef struct
{
  int   kind;
  char *uid;
} PendingChange;

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LedgerDb, ledger_db, G_TYPE_OBJECT)

/* ---- auxiliary functions ---- */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
clear_pending_change (gpointer data)
{
  PendingChange *change = data;

  g_free (change->uid);
}

static void
sql_uid_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_text (ctx, ledger_uid_new (), -1, g_free);
}

static void
sql_actor_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  LedgerDb *self = sqlite3_user_data (ctx);

  sqlite3_result_text (ctx, self->actor, -1, SQLITE_TRANSIENT);
}

/* v2 audit triggers stamp each row with the open audit batch (an import) */
static void
sql_audit_batch_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  LedgerDb *self = sqlite3_user_data (ctx);

  if (self->audit_batch != NULL)
    sqlite3_result_text (ctx, self->audit_batch, -1, SQLITE_TRANSIENT);
  else
    sqlite3_result_null (ctx);
}

/* the audit triggers stay silent while a partner's changes are applied: the
 * package carries the partner's own audit rows */
static void
sql_applying_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  LedgerDb *self = sqlite3_user_data (ctx);

  sqlite3_result_int (ctx, self->applying);
}

static char *
default_actor (void)
{
  const char *real = g_get_real_name ();
  const char *user = g_get_user_name ();

  if (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0 && g_strcmp0 (real, user) != 0)
    return g_strdup_printf ("%s (%s)", real, user);
  return g_strdup (user);
}

static gboolean
set_open_error (LedgerDb   *self,
                int         rc,
                GError    **error)
{
  g_autofree char *name = g_filename_display_name (self->path);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_A_LEDGER,
                   _("“%s” is not a ledger file."), name);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_DAMAGED,
                   _("The ledger “%s” is damaged and cannot be opened. Open a backup copy instead."), name);
      break;
    case SQLITE_FULL:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CANNOT_WRITE,
                   _("The disk holding the ledger “%s” is full: nothing was written. Free some space and try again."),
                   name);
      break;
    case SQLITE_IOERR:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CANNOT_WRITE,
                   _("The ledger “%s” could not be written (%s): nothing was written. Check the disk and try again."),
                   name, sqlite3_errstr (rc));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_BUSY,
                   _("The ledger “%s” is in use by another program. Close it there and try again."), name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_READ_ONLY,
                   _("The ledger “%s” is read-only: changes cannot be saved."), name);
      break;
    default:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CANNOT_OPEN,
                   _("The ledger “%s” cannot be opened: %s."), name,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
    }
  return FALSE;
}

static gboolean
query_int (LedgerDb    *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return set_open_error (self, rc, error);
  return TRUE;
}

static gboolean
count_tables (LedgerDb  *self,
              gint64    *n_tables,
              GError   **error)
{
  return query_int (self, "SELECT count(*) FROM sqlite_schema", n_tables, error);
}

/* A copy of the file beside it, taken before a migration changes it. */
static gboolean
backup_before_migration (LedgerDb  *self,
                         gint64     version,
                         GError   **error)
{
  g_autofree char *copy_path = g_strdup_printf ("%s.v%" G_GINT64_FORMAT ".bak", self->path, version);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open (copy_path, &copy);

  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (copy, "main", self->handle, "main")))
    {
      sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }
  rc = sqlite3_errcode (copy);
  sqlite3_close (copy);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED,
                   _("Could not save a backup copy before upgrading the ledger: %s."), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate_to_v1 (LedgerDb  *self,
               GError   **error)
{
  g_autofree char *sql = ledger_schema_v1_sql ();
  g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d", LEDGER_APPLICATION_ID);

  return ledger_db_exec (self, sql, error) && ledger_db_exec (self, pragma, error);
}

static gboolean
migrate_to_v2 (LedgerDb  *self,
               GError   **error)
{
  g_autofree char *sql = ledger_schema_v2_sql ();

  return ledger_db_exec (self, sql, error);
}

/* v3 (issue 13): the exchange between linked ledgers (ledger-exchange-log.c) */
static gboolean
migrate_to_exchange (LedgerDb  *self,
                     GError   **error)
{
  return ledger_db_exec (self, ledger_schema_exchange_sql (), error);
}

/* issue 18: the list of townships and villages with its history */
static gboolean
migrate_to_region_history (LedgerDb  *self,
                           GError   **error)
{
  return ledger_db_exec (self, ledger_schema_region_history_sql (), error);
}

/* v5 (issue 12): fields and rule values by the public texts */
static gboolean
migrate_to_sources (LedgerDb  *self,
                    GError   **error)
{
  g_autofree char *sql = ledger_schema_sources_sql ();

  return ledger_schema_widen_species (self, error) && ledger_db_exec (self, sql, error);
}

/* issue 16: the labels of undo, redo and delete in the change history (ledger-undo.c) */
static gboolean
migrate_to_undo_labels (LedgerDb  *self,
                        GError   **error)
{
  return ledger_db_exec (self, ledger_schema_undo_sql (), error);
}

/* issue 16: 整改期限 and 整改状态 of an inspection, its place, photo thumbnails (ledger-inspections.c) */
static gboolean
migrate_to_inspection_follow_up (LedgerDb  *self,
                                 GError   **error)
{
  return ledger_db_exec (self, ledger_schema_inspections_sql (), error);
}

/* issue 19: CHECK constraints an import runs per row, without constant IN
 * lists (ledger-schema-checks.c) */
static gboolean
migrate_to_checks_without_lists (LedgerDb  *self,
                                 GError   **error)
{
  return ledger_schema_checks_without_lists (self, error);
}

/* v9: a codeless row of an officers' sheet is the item of the same name in
 * the same village (ledger_import_match_by_name); by village alone SQLite
 * read every item of the village for each row (re-importing 100,000 farms:
 * 18 s). The index by village and name also serves every lookup by village,
 * so it replaces the one by village: no more writing per new item. */
static const char village_name_indexes_sql[] =
  "DROP INDEX IF EXISTS facilities_village;\n"
  "CREATE INDEX facilities_village_name ON facilities(village_code, name);\n"
  "DROP INDEX IF EXISTS farms_village;\n"
  "CREATE INDEX farms_village_name ON farms(village_code, name);\n"
  "DROP INDEX IF EXISTS water_bodies_village;\n"
  "CREATE INDEX water_bodies_village_name ON water_bodies(village_code, name);\n";

static gboolean
migrate_to_village_name_indexes (LedgerDb  *self,
                                 GError   **error)
{
  return ledger_db_exec (self, village_name_indexes_sql, error);
}

typedef gboolean (*MigrateFunc) (LedgerDb *self, GError **error);

/* migrations[i] takes the schema from version i to i + 1. A migration after
 * v2 adds tables and columns only; the audit triggers are remade from
 * ledger-schema.c's table once the last one ran (refresh_triggers). */
static const MigrateFunc migrations[] = {
  migrate_to_v1,
  migrate_to_v2,
  migrate_to_exchange,
  migrate_to_region_history,
  migrate_to_sources,
  migrate_to_undo_labels,
  migrate_to_inspection_follow_up,
  migrate_to_checks_without_lists,
  migrate_to_village_name_indexes,
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LEDGER_SCHEMA_VERSION);

static gboolean
refresh_triggers (LedgerDb  *self,
                  GError   **error)
{
  g_autofree char *sql = ledger_schema_refresh_triggers_sql ();

  return ledger_db_exec (self, sql, error);
}

static gboolean
migrate (LedgerDb  *self,
         gint64     from,
         GError   **error)
{
  /* a file that held a ledger before; a new one has nothing to lose */
  if (from > 0 && !backup_before_migration (self, from, error))
    return FALSE;
  if (!ledger_db_begin (self, error))
    return FALSE;
  for (gint64 v = from; v < LEDGER_SCHEMA_VERSION; v++)
    {
      if (!migrations[v] (self, error))
        {
          ledger_db_rollback (self);
          return FALSE;
        }
    }
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", LEDGER_SCHEMA_VERSION);
  if (!refresh_triggers (self, error) || !ledger_db_exec (self, bump, error))
    {
      ledger_db_rollback (self);
      return FALSE;
    }
  return ledger_db_commit (self, error);
}

static char *open_uri (const char *path,
                       gboolean    read_only);

static int
quick_check_code (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  int code;

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    code = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 ? INTEGRITY_OK : INTEGRITY_DAMAGED;
  else
    code = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ? INTEGRITY_DAMAGED : INTEGRITY_UNKNOWN;
  sqlite3_finalize (stmt);
  return code;
}

/* on a read-only connection of its own */
/* Before writing to a ledger: damaged pages take an import with them, and
 * the officer should go to a backup now, not after another month of work. */
static gboolean
check_integrity (LedgerDb  *self,
                 GError   **error)
{
  g_autofree char *name = g_filename_display_name (self->path);

  switch (quick_check_code (self->handle))
    {
    case INTEGRITY_OK:
      return TRUE;
    case INTEGRITY_UNKNOWN:
      return set_open_error (self, sqlite3_extended_errcode (self->handle), error);
    default:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_DAMAGED,
                   _("The ledger “%s” is damaged and cannot be opened. Open a backup copy instead."), name);
      return FALSE;
    }
}

static gpointer
integrity_thread (gpointer data)
{
  g_autofree char *uri = data;
  sqlite3 *handle = NULL;
  int code = INTEGRITY_UNKNOWN;

  if (sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (handle, 3000);
      code = quick_check_code (handle);
    }
  sqlite3_close_v2 (handle);
  return GINT_TO_POINTER (code);
}

static gboolean
check_integrity_later (LedgerDb *self)
{
  const char *limit_text = g_getenv ("LEDGER_INTEGRITY_ASYNC_BYTES");
  gint64 limit = limit_text ? g_ascii_strtoll (limit_text, NULL, 10) : INTEGRITY_ASYNC_BYTES;
  GStatBuf st;

  if (g_stat (self->path, &st) != 0 || (gint64) st.st_size <= limit)
    return FALSE;
  self->integrity = INTEGRITY_UNKNOWN;
  self->integrity_check = g_thread_new ("ledger-quick-check", integrity_thread, open_uri (self->path, TRUE));
  return TRUE;
}

static void
join_integrity_check (LedgerDb *self)
{
  if (self->integrity_check != NULL)
    self->integrity = GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&self->integrity_check)));
}

/* Refuses what is not ours or is newer, before writing a single byte. */
static gboolean
check_and_upgrade (LedgerDb  *self,
                   GError   **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  gint64 app_id = 0, version = 0, n_tables = 0;

  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !count_tables (self, &n_tables, error))
    return FALSE;

  if (n_tables > 0 && app_id != LEDGER_APPLICATION_ID)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_A_LEDGER,
                   _("“%s” is not a ledger file."), name);
      return FALSE;
    }
  /* an empty file (or an SQLite file without tables) becomes a ledger only
   * when asked to create one, never by an import into the wrong name */
  if (n_tables == 0 && !self->create)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_A_LEDGER,
                   _("“%s” is empty: it is not a ledger. Create a new ledger, or choose another file."), name);
      return FALSE;
    }
  /* a ledger that needs no migration is read at once, checked beside */
  if (n_tables > 0 && !self->read_only && !(version == LEDGER_SCHEMA_VERSION && check_integrity_later (self)) &&
      !check_integrity (self, error))
    return FALSE;
  if (version > LEDGER_SCHEMA_VERSION)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_TOO_NEW,
                   _("The ledger “%s” was written by a newer version of Sanitation Ledger (format %d; this version reads up to %d). Update the program to open it."),
                   name, (int) version, LEDGER_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == LEDGER_SCHEMA_VERSION)
    return TRUE;
  if (self->read_only)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_READ_ONLY,
                   _("The ledger “%s” is read-only and needs an upgrade before it can be opened."), name);
      return FALSE;
    }
  return ledger_db_exec (self, "PRAGMA journal_mode = WAL", error) && migrate (self, version, error);
}

static gboolean
configure_connection (LedgerDb  *self,
                      GError   **error)
{
  sqlite3_busy_timeout (self->handle, 3000);
  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_create_function (self->handle, "ledger_uid", 0, SQLITE_UTF8, NULL, sql_uid_func, NULL, NULL);
  sqlite3_create_function (self->handle, "ledger_actor", 0, SQLITE_UTF8, self, sql_actor_func, NULL, NULL);
  sqlite3_create_function (self->handle, "ledger_audit_batch", 0, SQLITE_UTF8, self, sql_audit_batch_func,
                           NULL, NULL);
  sqlite3_create_function (self->handle, "ledger_applying", 0, SQLITE_UTF8, self, sql_applying_func,
                           NULL, NULL);
  /* A big import is one transaction of savepoints: a small page cache
   * spills its pages to the WAL again and again, and statement journals in
   * temporary files are written for every row; keep both in memory */
  return ledger_db_exec (self, "PRAGMA foreign_keys = ON", error) &&
         ledger_db_exec (self, "PRAGMA synchronous = FULL", error) &&
         ledger_db_exec (self, "PRAGMA cache_size = -" G_STRINGIFY (LEDGER_DB_CACHE_KIB), error) &&
         ledger_db_exec (self, "PRAGMA temp_store = MEMORY", error);
}

static gboolean
folder_is_writable (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (folder, W_OK) == 0;
}

/* A WAL ledger is read through its -shm file, which a read-only folder
 * cannot hold: a ledger closed cleanly there is read as immutable (no
 * program can write it either), so that a CD or a shared folder still shows
 * progress. Paths go through a URI, so % and ? in names are escaped. */
static char *
open_uri (const char *path,
          gboolean    read_only)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gboolean immutable = read_only && !folder_is_writable (path) &&
                       !g_file_test (shm, G_FILE_TEST_EXISTS) && !g_file_test (wal, G_FILE_TEST_EXISTS);

  return g_strconcat ("file:", escaped, immutable ? "?immutable=1" : "", NULL);
}

static gboolean
check_file (const char         *path,
            LedgerDbOpenFlags   flags,
            GError            **error)
{
  g_autofree char *name = g_filename_display_name (path);
  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!exists && !(flags & LEDGER_DB_OPEN_CREATE))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CANNOT_OPEN,
                   _("The ledger “%s” does not exist."), name);
      return FALSE;
    }
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_A_LEDGER,
                   _("“%s” is a folder, not a ledger file."), name);
      return FALSE;
    }
  /* a FIFO would block the open forever, a device never ends */
  if (exists && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_A_LEDGER,
                   _("“%s” is not a ledger file."), name);
      return FALSE;
    }
  if (exists && !(flags & LEDGER_DB_OPEN_READ_ONLY) && g_access (path, W_OK) != 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_READ_ONLY,
                   _("The ledger “%s” is read-only: changes cannot be saved."), name);
      return FALSE;
    }
  /* the journal beside it must be writable too, or a change fails halfway */
  if (!(flags & LEDGER_DB_OPEN_READ_ONLY) && !folder_is_writable (path))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_READ_ONLY,
                   _("The ledger “%s” is in a read-only folder: changes cannot be saved. Copy it to a folder you can write to."),
                   name);
      return FALSE;
    }
  return TRUE;
}

/* ---- GObject ---- */

static void
ledger_db_finalize (GObject *object)
{
  LedgerDb *self = LEDGER_DB (object);

  join_integrity_check (self);
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle)
    sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->pending, g_array_unref);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->audit_batch);
  G_OBJECT_CLASS (ledger_db_parent_class)->finalize (object);
}

static void
ledger_db_class_init (LedgerDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_db_finalize;


  /**
   * LedgerDb::changed:
   * @kind: a LedgerKind, or LEDGER_KIND_ALL
   * @uid: (nullable): the item changed, NULL for many
   *
   * Emitted after a commit, once per item noted in the transaction.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);
}

static void
ledger_db_init (LedgerDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, clear_pending_change);
  self->actor = default_actor ();
}

/* ---- public API ---- */

/**
 * ledger_db_open:
 * @path: the ledger file
 * @flags: whether to create it, or open it read-only
 * @error: a LEDGER_ERROR saying why it cannot be opened
 *
 * Opens a ledger, creating or upgrading its schema. A file that is not a
 * ledger, is damaged, locked, read-only or newer than this program is refused
 * with a clear message and left exactly as it was.
 *
 * Returns: (transfer full) (nullable): the ledger
 */
LedgerDb *
ledger_db_open (const char         *path,
                LedgerDbOpenFlags   flags,
                GError            **error)
{
  g_autoptr (LedgerDb) self = NULL;
  g_autofree char *uri = NULL;
  int sqlite_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  if (!check_file (path, flags, error))
    return NULL;

  self = g_object_new (LEDGER_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & LEDGER_DB_OPEN_READ_ONLY) != 0;
  self->create = (flags & LEDGER_DB_OPEN_CREATE) != 0;
  sqlite_flags = self->read_only ? SQLITE_OPEN_READONLY
                                 : SQLITE_OPEN_READWRITE | (self->create ? SQLITE_OPEN_CREATE : 0);
  uri = open_uri (path, self->read_only);
  rc = sqlite3_open_v2 (uri, &self->handle, sqlite_flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (self, rc, error);
      return NULL;
    }
  if (!configure_connection (self, error) || !check_and_upgrade (self, error))
    return NULL;
  if (!self->read_only)
    ledger_replace_clean_strays (path);   /* a killed init's half-made ledger */
  query_int (self, "PRAGMA data_version", &self->data_version, NULL);
  return g_steal_pointer (&self);
}

/**
 * ledger_db_path_is_ledger_file:
 * @db_path: a ledger's file
 * @path: a file about to be written
 *
 * Whether @path names the ledger or one of its companion files (-wal, -shm,
 * -journal), by name or by inode (another spelling of the same file).
 * An export never overwrites the ledger it reads.
 */
gboolean
ledger_db_path_is_ledger_file (const char *db_path,
                               const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  GStatBuf out_info;
  gboolean exists = g_stat (path, &out_info) == 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *file_canonical = g_canonicalize_filename (file, NULL);
      GStatBuf info;

      if (g_str_equal (file_canonical, canonical) ||
          (exists && g_stat (file, &info) == 0 && info.st_dev == out_info.st_dev && info.st_ino == out_info.st_ino))
        return TRUE;
    }
  return FALSE;
}

/**
 * ledger_db_refuse_own_file:
 * @path: a file about to be written
 *
 * Returns: %FALSE with @error when @path is this ledger's file
 */
gboolean
ledger_db_refuse_own_file (LedgerDb    *self,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *name = NULL;

  if (!ledger_db_path_is_ledger_file (self->path, path))
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("“%s” is the ledger itself: choose another file name."), name);
  return FALSE;
}

const char *
ledger_db_get_path (LedgerDb *self)
{
  return self->path;
}

gboolean
ledger_db_is_read_only (LedgerDb *self)
{
  return self->read_only;
}

sqlite3 *
ledger_db_get_handle (LedgerDb *self)
{
  return self->handle;
}

/**
 * ledger_db_has_row:
 * @sql: a query with one parameter, ?1
 * @param: its value
 * @found: (out): whether the query returned a row
 *
 * Returns: FALSE with @error when the query fails
 */
gboolean
ledger_db_has_row (LedgerDb    *self,
                   const char  *sql,
                   const char  *param,
                   gboolean    *found,
                   GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (self, rc, error);
  *found = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * ledger_db_set_sqlite_error:
 *
 * Turns an SQLite result code into a LEDGER_ERROR a user can act on.
 * Returns: FALSE, always, for `return ledger_db_set_sqlite_error (...)`
 */
gboolean
ledger_db_set_sqlite_error (LedgerDb  *self,
                            int        rc,
                            GError   **error)
{
  return set_open_error (self, rc, error);
}

/**
 * ledger_db_prepare:
 *
 * Returns: (transfer none) (nullable): a cached statement, reset, with its
 *   bindings cleared; use it with g_autoptr (sqlite3_stmt), which resets it
 */
sqlite3_stmt *
ledger_db_prepare (LedgerDb    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED, "SQL error: %s (%s)",
                   sqlite3_errmsg (self->handle), sql);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
ledger_db_exec (LedgerDb    *self,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      int code = rc & 0xff;
      sqlite3_free (message);
      if (code == SQLITE_CONSTRAINT || code == SQLITE_ERROR)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED, "%s", sqlite3_errmsg (self->handle));
          return FALSE;
        }
      return set_open_error (self, rc, error);
    }
  return TRUE;
}

/* A savepoint per saved record: prepared once, not parsed every time. */
static gboolean
exec_cached (LedgerDb    *self,
             const char  *sql,
             GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CORRUPT)
    return set_open_error (self, rc, error);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED, "%s", sqlite3_errmsg (self->handle));
  return FALSE;
}

/**
 * ledger_db_begin:
 *
 * Starts a transaction (BEGIN IMMEDIATE, so a second writer waits or fails
 * here, not halfway), or a savepoint inside one.
 */
/* the first write waits for a big ledger's integrity check, and none is
 * made on a damaged one */
static gboolean
integrity_allows_writing (LedgerDb  *self,
                          GError   **error)
{
  g_autofree char *name = NULL;

  join_integrity_check (self);
  if (self->integrity != INTEGRITY_DAMAGED)
    return TRUE;
  name = g_filename_display_name (self->path);
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_DAMAGED,
               _("The ledger “%s” is damaged: nothing can be saved in it. Open a backup copy instead."), name);
  return FALSE;
}

gboolean
ledger_db_begin (LedgerDb  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  if (self->read_only)
    {
      g_autofree char *name = g_filename_display_name (self->path);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_READ_ONLY,
                   _("The ledger “%s” is read-only: changes cannot be saved."), name);
      return FALSE;
    }
  if (self->depth == 0 && !integrity_allows_writing (self, error))
    return FALSE;
  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT sp%u", self->depth);
  if (!(self->depth == 0 ? ledger_db_exec (self, sql, error) : exec_cached (self, sql, error)))
    return FALSE;
  if (self->depth == 0 && !self->applying)
    self->session = ledger_exchange_log_start (self);
  self->depth++;
  return TRUE;
}

static void
emit_pending (LedgerDb *self)
{
  g_autoptr (GArray) pending = g_steal_pointer (&self->pending);
  gboolean all = FALSE;

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, clear_pending_change);
  query_int (self, "PRAGMA data_version", &self->data_version, NULL);

  for (guint i = 0; i < pending->len && !all; i++)
    all = g_array_index (pending, PendingChange, i).kind == LEDGER_KIND_ALL;
  if (all || pending->len > 64)
    {
      g_signal_emit (self, signals[CHANGED], 0, LEDGER_KIND_ALL, NULL);
      return;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *change = &g_array_index (pending, PendingChange, i);
      g_signal_emit (self, signals[CHANGED], 0, change->kind, change->uid);
    }
}

gboolean
ledger_db_commit (LedgerDb  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);
  if (self->depth == 1 && self->session != NULL &&
      !ledger_exchange_log_capture (self, g_steal_pointer (&self->session), error))
    {
      ledger_db_rollback (self);
      return FALSE;
    }
  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE sp%u", self->depth - 1);
  if (!(self->depth == 1 ? ledger_db_exec (self, sql, error) : exec_cached (self, sql, error)))
    {
      ledger_db_rollback (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth == 0)
    emit_pending (self);
  return TRUE;
}

void
ledger_db_rollback (LedgerDb *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->depth > 0);
  if (self->depth == 1)
    {
      g_clear_pointer (&self->session, sqlite3session_delete);
      sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      g_array_set_size (self->pending, 0);
    }
  else
    {
      sql = g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u", self->depth - 1, self->depth - 1);
      sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
    }
  self->depth--;
}

gboolean
ledger_db_in_transaction (LedgerDb *self)
{
  return self->depth > 0;
}

/* Remembers that @uid of @kind changed; "changed" follows the commit. */
void
ledger_db_note_change (LedgerDb   *self,
                       int         kind,
                       const char *uid)
{
  PendingChange change = { kind, g_strdup (uid) };

  g_array_append_val (self->pending, change);
  if (self->depth == 0)
    emit_pending (self);
}

/**
 * ledger_db_poll_external_change:
 *
 * Checks whether another process committed to the file since we last looked;
 * if so emits "changed" (LEDGER_KIND_ALL) so views reload instead of keeping
 * stale data. Cheap: call it from a timer.
 *
 * Returns: TRUE when the file changed
 */
gboolean
ledger_db_poll_external_change (LedgerDb *self)
{
  gint64 version = self->data_version;

  if (self->depth > 0 || !query_int (self, "PRAGMA data_version", &version, NULL))
    return FALSE;
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0, LEDGER_KIND_ALL, NULL);
  return TRUE;
}

/* The connection's page cache in KiB; 0 restores the default
 * (LEDGER_DB_CACHE_KIB). A big import's transaction sets a smaller one, so
 * its dirty pages spill to the WAL instead of staying in memory. */
void
ledger_db_set_cache_kib (LedgerDb *self,
                         int       kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d",
                                          kib > 0 ? kib : LEDGER_DB_CACHE_KIB);

  ledger_db_exec (self, sql, NULL);
}

void
ledger_db_set_actor (LedgerDb   *self,
                     const char *actor)
{
  g_free (self->actor);
  self->actor = actor && *actor ? g_strdup (actor) : default_actor ();
}

const char *
ledger_db_get_actor (LedgerDb *self)
{
  return self->actor;
}

/**
 * ledger_db_set_audit_batch:
 * @batch: (nullable): the id of an audit_batches row, or NULL to close it
 *
 * While set, every audit row written on this connection carries @batch
 * (schema v2): an import sets it inside its transaction and clears it after.
 */
void
ledger_db_set_audit_batch (LedgerDb   *self,
                           const char *batch)
{
  g_free (self->audit_batch);
  self->audit_batch = g_strdup (batch);
}

char *
ledger_db_get_meta (LedgerDb   *self,
                    const char *key)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

gboolean
ledger_db_set_meta (LedgerDb    *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    ledger_db_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ledger_db_set_sqlite_error (self, sqlite3_errcode (self->handle), error);
  return TRUE;
}

/* While TRUE, the audit triggers do not fire and no exchange log is kept:
 * the changes being written are a partner's, with the partner's audit rows. */
void
ledger_db_set_applying (LedgerDb *self,
                        gboolean  applying)
{
  self->applying = applying;
}

gboolean
ledger_db_get_applying (LedgerDb *self)
{
  return self->applying;
}

char *
ledger_db_dup_region_code (LedgerDb *self)
{
  return ledger_db_get_meta (self, "region_code");
}

char *
ledger_db_dup_region_name (LedgerDb   *self,
                           const char *code)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (self, "SELECT name FROM regions WHERE code = ?", NULL);

  if (stmt == NULL || code == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

/* UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter
 * within the millisecond, 62 random bits. Unique across ledgers like a
 * random UUID, but ordered by time, so that the indexes on uids (items,
 * farm years, the audit log) grow at their end: a 100,000-row import is a
 * third faster than with uids scattered over the whole index. */
/* the @n_digits lowest hex digits of @value, lower case, at @out */
static void
put_hex (char    *out,
         guint64  value,
         int      n_digits)
{
  for (int i = n_digits - 1; i >= 0; i--, value >>= 4)
    out[i] = "0123456789abcdef"[value & 0xf];
}

char *
ledger_uid_new (void)
{
  static GMutex lock;
  static guint64 last_ms;
  static guint counter;
  guint64 ms = g_get_real_time () / 1000;
  guint64 random = ((guint64) g_random_int () << 32) | g_random_int ();
  guint sequence;
  char *uid;

  g_mutex_lock (&lock);
  if (ms <= last_ms)
    {
      ms = last_ms;
      if (++counter > 0xfff)
        ms++, counter = 0;
    }
  else
    counter = g_random_int_range (0, 0x800);
  last_ms = ms;
  sequence = counter;
  g_mutex_unlock (&lock);
  /* "%08x-%04x-7%03x-%04x-%012x", written by hand: the audit rows of a
   * big import each take one, and printf was a tenth of writing them */
  uid = g_malloc (37);
  put_hex (uid, (guint) (ms >> 16), 8);
  uid[8] = '-';
  put_hex (uid + 9, ms & 0xffff, 4);
  uid[13] = '-';
  uid[14] = '7';
  put_hex (uid + 15, sequence, 3);
  uid[18] = '-';
  put_hex (uid + 19, 0x8000 | ((random >> 48) & 0x3fff), 4);
  uid[23] = '-';
  put_hex (uid + 24, random & G_GUINT64_CONSTANT (0xffffffffffff), 12);
  uid[36] = '\0';
  return uid;
}

/* UTC, ISO 8601 with milliseconds, as the audit log writes it */
char *
ledger_now_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}
