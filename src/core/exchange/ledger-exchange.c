/* ledger-exchange.c: linked ledgers — sharing a township ledger, sending packages */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ledger-error.h"
#include "ledger-exchange.h"
#include "ledger-exchange-private.h"
#include "ledger-package.h"
#include "ledger-replace.h"

/* ---- identity ---- */

static char *
ensure_ledger_id (LedgerDb  *db,
                  GError   **error)
{
  char *id = ledger_db_get_meta (db, "ledger_id");

  if (id != NULL)
    return id;
  id = ledger_uid_new ();
  if (!ledger_db_set_meta (db, "ledger_id", id, error))
    g_clear_pointer (&id, g_free);
  return id;
}

char *
ledger_exchange_dup_role (LedgerDb *db)
{
  return ledger_db_get_meta (db, "ledger_role");
}

static gint64
max_log_id (LedgerDb *db)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, "SELECT coalesce (max (id), 0) FROM exchange_log", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
step_done (LedgerDb      *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  return ledger_db_set_sqlite_error (db, sqlite3_errcode (ledger_db_get_handle (db)), error);
}

static gboolean
add_partner (LedgerDb    *db,
             const char  *ledger_id,
             const char  *role,
             const char  *township,
             const char  *name,
             gint64       acked,
             gint64       applied,
             GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "INSERT INTO exchange_partners (ledger_id, role, township, name, acked, applied) VALUES (?, ?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ledger_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, township, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, acked);
  sqlite3_bind_int64 (stmt, 6, applied);
  return step_done (db, stmt, error);
}

/* ---- share ---- */

static gboolean
check_township (LedgerDb    *county,
                const char  *township,
                GError     **error)
{
  g_autofree char *role = ledger_exchange_dup_role (county);
  gboolean found = FALSE;

  if (g_strcmp0 (role, "township") == 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("This is a township ledger: only the county ledger can share a township ledger."));
      return FALSE;
    }
  if (!ledger_db_has_row (county, "SELECT 1 FROM regions WHERE code = ? AND kind = 'township'",
                          township, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("%s is not a township of this ledger."), township);
      return FALSE;
    }
  if (!ledger_db_has_row (county, "SELECT 1 FROM exchange_partners WHERE township = ?", township, &found, error))
    return FALSE;
  if (found)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("Township %s already has a linked ledger: send it update packages instead."), township);
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_ledger (LedgerDb    *db,
             const char  *path,
             GError     **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open (path, &copy);

  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (copy, "main", ledger_db_get_handle (db), "main")))
    {
      sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }
  rc = sqlite3_errcode (copy);
  sqlite3_close (copy);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED,
                   _("Could not write the township ledger: %s."), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* the township's rows only; no audit rows for taking the others out */
static gboolean
keep_township_rows (LedgerDb    *db,
                    const char  *township,
                    GError     **error)
{
  static const char *const sql[] = {
    "DELETE FROM inspections WHERE village_code IS NOT NULL AND substr(village_code, 1, 9) <> ?1",
    "DELETE FROM facilities WHERE substr(village_code, 1, 9) <> ?1",
    "DELETE FROM farms WHERE substr(village_code, 1, 9) <> ?1",
    "DELETE FROM water_bodies WHERE substr(village_code, 1, 9) <> ?1",
    "DELETE FROM village_sewage WHERE substr(village_code, 1, 9) <> ?1",
    "DELETE FROM regions WHERE kind <> 'county' AND substr(code, 1, 9) <> ?1",
    "DELETE FROM exchange_partners",
    "DELETE FROM exchange_log",
    "DELETE FROM conflicts",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql[i], error);
      if (stmt == NULL)
        return FALSE;
      if (strchr (sql[i], '?') != NULL)
        sqlite3_bind_text (stmt, 1, township, -1, SQLITE_STATIC);
      if (!step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_township_ledger (const char  *path,
                      const char  *township,
                      const char  *county_id,
                      const char  *county_name,
                      gint64       county_log,
                      char       **township_id,
                      GError     **error)
{
  g_autoptr (LedgerDb) db = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, error);

  if (db == NULL)
    return FALSE;
  *township_id = ledger_uid_new ();
  ledger_db_set_applying (db, TRUE);
  if (!ledger_db_begin (db, error))
    return FALSE;
  if (!keep_township_rows (db, township, error) ||
      !ledger_db_set_meta (db, "ledger_id", *township_id, error) ||
      !ledger_db_set_meta (db, "ledger_role", "township", error) ||
      !ledger_db_set_meta (db, "township_code", township, error) ||
      !add_partner (db, county_id, "county", township, county_name, 0, county_log, error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  return ledger_db_commit (db, error);
}

/**
 * ledger_exchange_share:
 * @county: the county ledger
 * @township: the township's 9-digit code
 * @output: the township ledger to create (must not exist)
 *
 * Makes a township ledger from the county ledger — that township's rows, the
 * county's rules, standards, targets and outline — linked to the county: both
 * ledgers' ids are in their meta tables and each knows the other as partner.
 */
gboolean
ledger_exchange_share (LedgerDb    *county,
                       const char  *township,
                       const char  *output,
                       GError     **error)
{
  g_autoptr (LedgerReplace) replace = NULL;
  g_autofree char *county_id = NULL, *township_id = NULL, *name = NULL, *county_name = NULL;
  const char *temporary;
  gint64 log;

  if (!check_township (county, township, error))
    return FALSE;
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (output);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("“%s” already exists."), display);
      return FALSE;
    }
  if (!ledger_db_begin (county, error))
    return FALSE;
  if ((county_id = ensure_ledger_id (county, error)) == NULL ||
      !ledger_db_set_meta (county, "ledger_role", "county", error) ||
      !ledger_db_commit (county, error))
    return FALSE;
  log = max_log_id (county);
  name = ledger_db_dup_region_name (county, township);
  g_autofree char *county_code = ledger_db_dup_region_code (county);
  county_name = ledger_db_dup_region_name (county, county_code);
  /* built in a locked temporary file beside @output, synced and renamed in:
   * a crash leaves no half ledger, and its leftover is cleaned next time */
  if ((replace = ledger_replace_begin (output, error)) == NULL)
    return FALSE;
  temporary = ledger_replace_get_temporary (replace);
  if (!copy_ledger (county, temporary, error) ||
      !make_township_ledger (temporary, township, county_id, county_name, log, &township_id, error) ||
      !ledger_db_begin (county, error))
    return FALSE;
  if (!add_partner (county, township_id, "township", township, name, log, 0, error) ||
      !ledger_replace_commit (replace, FALSE, error))
    {
      ledger_db_rollback (county);
      return FALSE;
    }
  return ledger_db_commit (county, error);
}

/* ---- send ---- */

typedef struct
{
  LedgerOwner *owner;
  const char  *recipient_township;  /* NULL: the county receives everything we send */
  GHashTable  *kept_keys;           /* "table/key" of the rows kept so far */
  guint        n_changes;
} SendFilter;

static gboolean
keep_for_recipient (sqlite3_changeset_iter *iter,
                    const char             *table,
                    gpointer                user_data)
{
  SendFilter *f = user_data;
  g_autofree char *key = ledger_owner_row_key (iter);
  g_autofree char *township = NULL;
  gboolean keep;

  if (ledger_exchange_is_batch_table (table))
    return TRUE;
  if (g_str_equal (table, "audit"))
    {
      g_autofree char *entity = ledger_value_dup_text (ledger_change_value (f->owner, iter, table, "entity"));
      g_autofree char *uid = ledger_value_dup_text (ledger_change_value (f->owner, iter, table, "entity_uid"));
      g_autofree char *entity_key = g_strdup_printf ("%s/%s", entity, uid);
      return g_hash_table_contains (f->kept_keys, entity_key);
    }
  if (g_str_equal (table, "meta") && !ledger_owner_meta_travels (iter))
    return FALSE;
  township = ledger_owner_township (f->owner, iter, table);
  keep = f->recipient_township == NULL ||
         (township != NULL && (*township == '\0' || g_str_equal (township, f->recipient_township)));
  if (keep)
    {
      g_hash_table_add (f->kept_keys, g_strdup_printf ("%s/%s", table, key));
      f->n_changes++;
    }
  return keep;
}

typedef struct
{
  char   *ledger_id;
  char   *role;
  char   *township;
  char   *name;
  gint64  next_seq, acked, applied;
} Partner;

static void
partner_clear (Partner *p)
{
  g_free (p->ledger_id);
  g_free (p->role);
  g_free (p->township);
  g_free (p->name);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Partner, partner_clear)

static gboolean
find_partner (LedgerDb    *db,
              const char  *column,
              const char  *value,
              Partner     *p,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ledger_id, role, township, name, next_seq, acked, applied "
                                          "FROM exchange_partners WHERE %s = ?",
                                          g_str_equal (column, "township") ? "township" : "ledger_id");
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  p->ledger_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  p->role = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  p->township = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  p->name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  p->next_seq = sqlite3_column_int64 (stmt, 4);
  p->acked = sqlite3_column_int64 (stmt, 5);
  p->applied = sqlite3_column_int64 (stmt, 6);
  return TRUE;
}

static gboolean
find_recipient (LedgerDb    *db,
                const char  *to_township,
                Partner     *p,
                GError     **error)
{
  g_autofree char *role = ledger_exchange_dup_role (db);
  g_autofree char *own = ledger_db_get_meta (db, "township_code");

  if (role == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("This ledger is not linked to another: share a township ledger from the county ledger first."));
      return FALSE;
    }
  if (g_str_equal (role, "township"))
    {
      if (to_township != NULL && g_strcmp0 (to_township, own) != 0)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("A township ledger sends only to its county: leave out --to."));
          return FALSE;
        }
      return find_partner (db, "township", own, p, error) ||
             (g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("This township ledger has lost its link to the county.")), FALSE);
    }
  if (to_township == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("A county ledger sends to one township at a time: name it with --to CODE."));
      return FALSE;
    }
  if (!find_partner (db, "township", to_township, p, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                     _("Township %s has no linked ledger: share one first."), to_township);
      return FALSE;
    }
  return TRUE;
}

static gboolean
collect_entries (LedgerDb       *db,
                 Partner        *p,
                 const char     *own_role,
                 LedgerPackage  *package,
                 guint          *n_changes,
                 GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, "SELECT id, changeset FROM exchange_log WHERE id > ? ORDER BY id", error);
  g_autoptr (LedgerOwner) owner = ledger_owner_new (db);
  g_autoptr (GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SendFilter filter = { owner, g_str_equal (own_role, "county") ? p->township : NULL, kept, 0 };
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->acked);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GBytes) all = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      g_autoptr (GBytes) kept_changes = ledger_changeset_filter (all, keep_for_recipient, &filter, error);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (kept_changes == NULL)
        return FALSE;
      if (g_bytes_get_size (kept_changes) > 0)
        ledger_package_add (package, id, kept_changes);
      package->header.through = id;
    }
  *n_changes = filter.n_changes;
  return rc == SQLITE_DONE || ledger_db_set_sqlite_error (db, rc, error);
}

static void
fill_header (LedgerDb      *db,
             LedgerPackage *package,
             Partner       *p,
             const char    *own_id,
             const char    *own_role)
{
  LedgerPackageHeader *h = &package->header;

  h->schema = LEDGER_SCHEMA_VERSION;
  h->region = ledger_db_dup_region_code (db);
  h->sender = g_strdup (own_id);
  h->sender_role = g_strdup (own_role);
  h->township = g_strdup (p->township);
  h->recipient = g_strdup (p->ledger_id);
  h->seq = p->next_seq;
  h->ack = p->applied;
  h->since = p->acked;
  h->through = p->acked;
  h->author = g_strdup (ledger_db_get_actor (db));
  h->created = ledger_now_utc ();
}

static gboolean
note_sent (LedgerDb    *db,
           Partner     *p,
           GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "UPDATE exchange_partners SET next_seq = next_seq + 1, "
    "last_sent_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE ledger_id = ?", error);

  if (stmt == NULL || !ledger_db_begin (db, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, p->ledger_id, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  return ledger_db_commit (db, error);
}

/**
 * ledger_exchange_send_bytes:
 * @to_township: (nullable): in a county ledger, the township to send to
 * @bytes: (out): the package
 *
 * Makes the package of every change the partner has not acknowledged and
 * counts it as sent (the next one gets the next number). The package also
 * acknowledges what this ledger has applied of the partner's. Nothing new
 * still makes a package (it carries the acknowledgement).
 */
gboolean
ledger_exchange_send_bytes (LedgerDb               *db,
                            const char             *to_township,
                            GBytes                **bytes,
                            LedgerExchangeSummary  *summary,
                            GError                **error)
{
  g_auto (Partner) p = { 0 };
  g_autoptr (LedgerPackage) package = ledger_package_new ();
  g_autofree char *own_id = ledger_db_get_meta (db, "ledger_id");
  g_autofree char *own_role = ledger_exchange_dup_role (db);
  guint n_changes = 0;

  if (!find_recipient (db, to_township, &p, error))
    return FALSE;
  fill_header (db, package, &p, own_id, own_role);
  if (!collect_entries (db, &p, own_role, package, &n_changes, error) || !note_sent (db, &p, error))
    return FALSE;
  *bytes = ledger_package_to_bytes (package);
  if (summary != NULL)
    {
      summary->seq = p.next_seq;
      summary->n_entries = package->entries->len;
      summary->n_changes = n_changes;
      summary->partner_name = g_strdup (p.name);
      summary->through = package->header.through;
      summary->ack = package->header.ack;
    }
  return TRUE;
}

/**
 * ledger_exchange_send:
 * @output: the package file to write (replaced durably)
 *
 * ledger_exchange_send_bytes() into a file.
 */
gboolean
ledger_exchange_send (LedgerDb               *db,
                      const char             *to_township,
                      const char             *output,
                      LedgerExchangeSummary  *summary,
                      GError                **error)
{
  g_autoptr (GBytes) bytes = NULL;

  if (!ledger_exchange_send_bytes (db, to_township, &bytes, summary, error))
    return FALSE;
  return ledger_replace_write_contents (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

/* ---- partners ---- */

GPtrArray *
ledger_exchange_list_partners (LedgerDb  *db,
                               GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT ledger_id, role, township, name, (SELECT count(*) FROM exchange_log l WHERE l.id > p.acked), "
    "last_sent_at, last_received_at, last_seq, last_rows FROM exchange_partners p ORDER BY township", error);
  GPtrArray *partners;

  if (stmt == NULL)
    return NULL;
  partners = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_partner_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LedgerPartner *p = g_new0 (LedgerPartner, 1);
      p->ledger_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      p->role = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      p->township = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      p->name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      p->pending = sqlite3_column_int64 (stmt, 4);
      p->last_sent_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      p->last_received_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      p->last_seq = sqlite3_column_int64 (stmt, 7);
      p->last_rows = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (partners, p);
    }
  return partners;
}

void
ledger_partner_free (LedgerPartner *partner)
{
  g_free (partner->ledger_id);
  g_free (partner->role);
  g_free (partner->township);
  g_free (partner->name);
  g_free (partner->last_sent_at);
  g_free (partner->last_received_at);
  g_free (partner);
}

void
ledger_exchange_summary_clear (LedgerExchangeSummary *summary)
{
  g_clear_pointer (&summary->partner_name, g_free);
  g_clear_pointer (&summary->refused, g_ptr_array_unref);
}
