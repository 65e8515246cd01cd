/* ledger-exchange-apply.c: applying a partner's update package
 *
 * All of it is checked before a byte is written: the package's checksum and
 * header, that it is addressed to this ledger by its partner, of this schema
 * version, and that no earlier package is missing. Then, in one transaction
 * and one audit batch naming the sender: each entry not applied before is
 * filtered (a township may change only its own rows), applied with SQLite's
 * changeset_apply_v2 with the audit triggers silent (the package carries the
 * sender's audit rows), and every value that lost to the owner's is kept in
 * the conflicts table.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-error.h"
#include "ledger-exchange.h"
#include "ledger-exchange-private.h"
#include "ledger-package.h"

typedef struct
{
  char *entity, *entity_uid, *field, *pk;
  char *kept_value, *other_value;
  gboolean kept_ours;
} Conflict;

typedef struct
{
  LedgerDb     *db;
  LedgerOwner  *owner;
  LedgerPackageHeader *header;
  gboolean      from_county;     /* the sender is the county (we are a township) */
  GHashTable   *accepted;        /* "table/key" of the rows accepted from the package */
  GHashTable   *their_audit;     /* "table/key/field" -> "actor\tat" from the package */
  GPtrArray    *conflicts;       /* Conflict */
  GPtrArray    *refused;         /* char* */
  guint         n_changes;
  char         *failure;         /* why the apply stopped (a foreign key, a constraint) */
} Apply;

static void
conflict_free (gpointer data)
{
  Conflict *c = data;

  g_free (c->entity);
  g_free (c->entity_uid);
  g_free (c->field);
  g_free (c->pk);
  g_free (c->kept_value);
  g_free (c->other_value);
  g_free (c);
}

static gboolean
set_refused (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_refused (GError     **error,
             const char  *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, message);
  return FALSE;
}

/* ---- checks before writing ---- */

typedef struct
{
  char   *township;
  char   *name;
  gint64  acked, applied, last_seq;
} Link;

static gboolean
load_link (LedgerDb             *db,
           LedgerPackageHeader  *h,
           Link                 *link,
           GError              **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT township, name, acked, applied, last_seq FROM exchange_partners WHERE ledger_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, h->sender, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return set_refused (error, _("The package comes from a ledger this one is not linked to (%s of %s)."),
                        h->township, h->region ? h->region : "?");
  link->township = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  link->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  link->acked = sqlite3_column_int64 (stmt, 2);
  link->applied = sqlite3_column_int64 (stmt, 3);
  link->last_seq = sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

static gboolean
check_addressed (LedgerDb             *db,
                 LedgerPackageHeader  *h,
                 Link                 *link,
                 GError              **error)
{
  g_autofree char *own_id = ledger_db_get_meta (db, "ledger_id");

  if (own_id == NULL || g_strcmp0 (h->recipient, own_id) != 0)
    return set_refused (error, _("The package is addressed to another ledger, not to this one."));
  if (h->schema != LEDGER_SCHEMA_VERSION)
    return set_refused (error, _("The package was written by a ledger of format %d; this one is of format %d. "
                                 "Update the program on both computers to the same version."),
                        h->schema, LEDGER_SCHEMA_VERSION);
  if (!load_link (db, h, link, error))
    return FALSE;
  if (g_strcmp0 (h->township, link->township) != 0)
    return set_refused (error, _("The package names township %s, but its sender is linked for township %s."),
                        h->township, link->township);
  if (h->since > link->applied)
    return set_refused (error, _("An earlier package from %s is missing: this one (no. %u) "
                                 "follows changes this ledger never received (package no. %u"
                                 " onwards). Ask %s to send a new package."),
                        link->name, (guint) h->seq, (guint) link->last_seq + 1, link->name);
  return TRUE;
}

static void
link_clear (Link *link)
{
  g_free (link->township);
  g_free (link->name);
}

/* ---- choosing what to apply ---- */

static char *
table_key (const char *table,
           const char *key)
{
  return g_strdup_printf ("%s/%s", table, key);
}

static void
refuse (Apply      *a,
        const char *table,
        const char *key,
        const char *reason)
{
  g_ptr_array_add (a->refused, g_strdup_printf ("%s %s: %s", table, key, reason));
}

static gboolean
township_may_change (Apply                  *a,
                     sqlite3_changeset_iter *iter,
                     const char             *table,
                     const char             *key)
{
  g_autofree char *township = NULL;

  if (ledger_owner_is_county_table (table) || g_str_equal (table, "regions"))
    {
      refuse (a, table, key, _("only the county may change it"));
      return FALSE;
    }
  township = ledger_owner_township (a->owner, iter, table);
  if (g_strcmp0 (township, a->header->township) != 0)
    {
      refuse (a, table, key, _("it belongs to another township"));
      return FALSE;
    }
  return TRUE;
}

static void
note_their_audit (Apply                  *a,
                  sqlite3_changeset_iter *iter)
{
  g_autofree char *entity = ledger_value_dup_text (ledger_change_value (a->owner, iter, "audit", "entity"));
  g_autofree char *uid = ledger_value_dup_text (ledger_change_value (a->owner, iter, "audit", "entity_uid"));
  g_autofree char *field = ledger_value_dup_text (ledger_change_value (a->owner, iter, "audit", "field"));
  g_autofree char *actor = ledger_value_dup_text (ledger_change_value (a->owner, iter, "audit", "actor"));
  g_autofree char *at = ledger_value_dup_text (ledger_change_value (a->owner, iter, "audit", "at"));

  g_hash_table_replace (a->their_audit, g_strdup_printf ("%s/%s/%s", entity, uid, field ? field : "*"),
                        g_strdup_printf ("%s\t%s", actor ? actor : "", at ? at : ""));
}

static gboolean
keep_incoming (sqlite3_changeset_iter *iter,
               const char             *table,
               gpointer                user_data)
{
  Apply *a = user_data;
  g_autofree char *key = ledger_owner_row_key (iter);

  if (ledger_exchange_is_batch_table (table))
    return TRUE;
  if (g_str_equal (table, "audit"))
    {
      g_autofree char *entity = ledger_value_dup_text (ledger_change_value (a->owner, iter, table, "entity"));
      g_autofree char *uid = ledger_value_dup_text (ledger_change_value (a->owner, iter, table, "entity_uid"));
      g_autofree char *entity_key = table_key (entity, uid);
      if (!g_hash_table_contains (a->accepted, entity_key))
        return FALSE;
      note_their_audit (a, iter);
      return TRUE;
    }
  if (g_str_equal (table, "meta") && !ledger_owner_meta_travels (iter))
    return FALSE;
  if (!a->from_county && !township_may_change (a, iter, table, key))
    return FALSE;
  g_hash_table_add (a->accepted, table_key (table, key));
  return TRUE;
}

/* the audit rows of a changeset come after its data: a first pass decides
 * the data, so that the second keeps exactly the audit rows of what was kept */
static gboolean
decide_data (sqlite3_changeset_iter *iter,
             const char             *table,
             gpointer                user_data)
{
  if (!g_str_equal (table, "audit") && !ledger_exchange_is_batch_table (table))
    keep_incoming (iter, table, user_data);
  return FALSE;
}

static gboolean
keep_audit_and_data (sqlite3_changeset_iter *iter,
                     const char             *table,
                     gpointer                user_data)
{
  Apply *a = user_data;
  g_autofree char *key = ledger_owner_row_key (iter);
  g_autofree char *entry = table_key (table, key);

  if (g_str_equal (table, "audit") || ledger_exchange_is_batch_table (table))
    return keep_incoming (iter, table, user_data);
  if (g_hash_table_contains (a->accepted, entry))
    {
      a->n_changes++;
      return TRUE;
    }
  return FALSE;
}

/* ---- conflicts ---- */

static gboolean
receiver_owns (Apply      *a,
               const char *table)
{
  /* a township owns its rows, the county the county-wide ones */
  return a->from_county ? !ledger_owner_is_county_table (table) && !g_str_equal (table, "regions")
                        : ledger_owner_is_county_table (table) || g_str_equal (table, "regions");
}

static void
record_field (Apply                  *a,
              sqlite3_changeset_iter *iter,
              const char             *table,
              int                     column,
              gboolean                kept_ours)
{
  sqlite3_value *theirs = NULL, *ours = NULL;
  Conflict *c;

  if (sqlite3changeset_new (iter, column, &theirs) != SQLITE_OK || theirs == NULL)
    return;
  sqlite3changeset_conflict (iter, column, &ours);
  g_autofree char *their_text = ledger_value_dup_text (theirs);
  g_autofree char *our_text = ledger_value_dup_text (ours);
  if (g_strcmp0 (their_text, our_text) == 0)
    return;
  c = g_new0 (Conflict, 1);
  c->entity = g_strdup (table);
  c->entity_uid = ledger_owner_row_key (iter);
  c->pk = ledger_owner_pk_json (iter);
  c->field = g_strdup (ledger_owner_column_name (a->owner, table, column));
  c->kept_ours = kept_ours;
  c->kept_value = g_strdup (kept_ours ? our_text : their_text);
  c->other_value = g_strdup (kept_ours ? their_text : our_text);
  g_ptr_array_add (a->conflicts, c);
}

static void
record_conflict (Apply                  *a,
                 sqlite3_changeset_iter *iter,
                 gboolean                kept_ours)
{
  const char *table;
  int n, op, indirect;

  sqlite3changeset_op (iter, &table, &n, &op, &indirect);
  for (int i = 0; i < n; i++)
    record_field (a, iter, table, i, kept_ours);
}

static void
record_missing (Apply                  *a,
                sqlite3_changeset_iter *iter,
                const char             *table)
{
  Conflict *c = g_new0 (Conflict, 1);

  c->entity = g_strdup (table);
  c->entity_uid = ledger_owner_row_key (iter);
  c->pk = ledger_owner_pk_json (iter);
  c->field = g_strdup ("*");
  c->kept_ours = TRUE;
  c->kept_value = g_strdup (_("(deleted here)"));
  c->other_value = g_strdup (_("(changed there)"));
  g_ptr_array_add (a->conflicts, c);
}

static int
on_conflict (void                   *user_data,
             int                     type,
             sqlite3_changeset_iter *iter)
{
  Apply *a = user_data;
  const char *table;
  int n, op, indirect;
  gboolean ours;

  sqlite3changeset_op (iter, &table, &n, &op, &indirect);
  if (g_str_equal (table, "audit") || ledger_exchange_is_batch_table (table))
    return SQLITE_CHANGESET_OMIT;   /* already here: the same row */
  switch (type)
    {
    case SQLITE_CHANGESET_DATA:
    case SQLITE_CHANGESET_CONFLICT:
      ours = receiver_owns (a, table);
      record_conflict (a, iter, ours);
      return ours ? SQLITE_CHANGESET_OMIT : SQLITE_CHANGESET_REPLACE;
    case SQLITE_CHANGESET_NOTFOUND:
      record_missing (a, iter, table);
      return SQLITE_CHANGESET_OMIT;
    case SQLITE_CHANGESET_CONSTRAINT:
      {
        g_autofree char *key = ledger_owner_row_key (iter);
        refuse (a, table, key, _("it would break a rule of the ledger (a code used twice, a value out of range)"));
        return SQLITE_CHANGESET_OMIT;
      }
    default:  /* SQLITE_CHANGESET_FOREIGN_KEY */
      g_free (a->failure);
      a->failure = g_strdup (_("its changes refer to items this ledger does not have"));
      return SQLITE_CHANGESET_ABORT;
    }
}

/* ---- writing ---- */

static gboolean
apply_entry (Apply               *a,
             LedgerPackageEntry  *entry,
             GError             **error)
{
  g_autoptr (GBytes) decided = ledger_changeset_filter (entry->changeset, decide_data, a, error);
  g_autoptr (GBytes) kept = NULL;
  gsize size;
  const void *data;
  int rc;

  if (decided == NULL)
    return FALSE;
  kept = ledger_changeset_filter (entry->changeset, keep_audit_and_data, a, error);
  if (kept == NULL)
    return FALSE;
  data = g_bytes_get_data (kept, &size);
  if (size == 0)
    return TRUE;
  rc = sqlite3changeset_apply_v2 (ledger_db_get_handle (a->db), (int) size, (void *) data, NULL,
                                  on_conflict, a, NULL, NULL, 0);
  if (rc != SQLITE_OK)
    return set_refused (error, _("The package cannot be applied: %s."),
                        a->failure ? a->failure : sqlite3_errstr (rc));
  return TRUE;
}

static gboolean
exec_bound (LedgerDb            *db,
            const char          *sql,
            const char *const   *texts,
            const gint64        *ints,
            guint                n_ints,
            GError             **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, error);
  guint i = 0;

  if (stmt == NULL)
    return FALSE;
  for (; texts != NULL && texts[i] != NULL; i++)
    sqlite3_bind_text (stmt, i + 1, texts[i], -1, SQLITE_TRANSIENT);
  for (guint j = 0; j < n_ints; j++)
    sqlite3_bind_int64 (stmt, i + j + 1, ints[j]);
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  return ledger_db_set_sqlite_error (db, sqlite3_errcode (ledger_db_get_handle (db)), error);
}

static void
our_author (LedgerDb    *db,
            Conflict    *c,
            char       **author,
            char       **at)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT actor, at FROM audit WHERE entity = ? AND entity_uid = ? AND (field = ? OR ? = '*') "
    "AND uid NOT IN (SELECT uid FROM temp.package_audit) ORDER BY at DESC LIMIT 1", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, c->entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, c->entity_uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, c->field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, c->field, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *author = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
}

static gboolean
save_conflict (Apply     *a,
               Conflict  *c,
               GError   **error)
{
  g_autofree char *key = g_strdup_printf ("%s/%s/%s", c->entity, c->entity_uid, c->field);
  const char *theirs = g_hash_table_lookup (a->their_audit, key);
  g_auto (GStrv) their = g_strsplit (theirs ? theirs : (a->header->author ? a->header->author : ""), "\t", 2);
  g_autofree char *our_actor = NULL, *our_at = NULL;
  const char *their_actor = their[0], *their_at = their[0] && their[1] ? their[1] : a->header->created;

  our_author (a->db, c, &our_actor, &our_at);
  const char *texts[] = {
    a->header->sender, c->entity, c->entity_uid, c->field, c->pk, c->kept_ours ? "ours" : "theirs",
    c->kept_value, c->kept_ours ? our_actor : their_actor, c->kept_ours ? our_at : their_at,
    c->other_value, c->kept_ours ? their_actor : our_actor, c->kept_ours ? their_at : our_at, NULL,
  };
  /* a NULL in the middle would end the list: bind the empty string instead */
  for (guint i = 0; i < G_N_ELEMENTS (texts) - 1; i++)
    if (texts[i] == NULL)
      texts[i] = "";
  return exec_bound (a->db,
    "INSERT INTO conflicts (at, partner, entity, entity_uid, field, pk, kept_side, kept_value, kept_author, "
    "kept_at, other_value, other_author, other_at) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), "
    "?, ?, ?, ?, ?, ?, nullif (?, ''), ?, ?, nullif (?, ''), ?, ?)", texts, NULL, 0, error);
}

static gboolean
save_refused (Apply       *a,
              const char  *line,
              GError     **error)
{
  const char *texts[] = { a->header->sender, line, a->header->author ? a->header->author : "",
                          a->header->created ? a->header->created : "", NULL };

  return exec_bound (a->db,
    "INSERT INTO conflicts (at, partner, entity, entity_uid, field, pk, kept_side, other_value, other_author, "
    "other_at) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, '(refused)', '', '*', '[]', 'ours', ?, ?, ?)",
    texts, NULL, 0, error);
}

static gboolean
note_package_audit (Apply     *a,
                    GError   **error)
{
  return ledger_db_exec (a->db, "CREATE TEMP TABLE IF NOT EXISTS package_audit (uid TEXT PRIMARY KEY);"
                                "DELETE FROM temp.package_audit", error);
}

static gboolean
remember_audit_uid (sqlite3_changeset_iter *iter,
                    const char             *table,
                    gpointer                user_data)
{
  Apply *a = user_data;

  if (g_str_equal (table, "audit"))
    {
      g_autofree char *uid = ledger_owner_row_key (iter);
      const char *texts[] = { uid, NULL };
      exec_bound (a->db, "INSERT OR IGNORE INTO temp.package_audit (uid) VALUES (?)", texts, NULL, 0, NULL);
    }
  return FALSE;
}

static gboolean
write_batch (Apply       *a,
             Link        *link,
             GError     **error)
{
  g_autofree char *id = ledger_uid_new ();
  g_autofree char *detail = g_strdup_printf (_("update package no. %u from %s (%s)"),
                                             (guint) a->header->seq, link->name ? link->name : a->header->township,
                                             a->header->author ? a->header->author : "?");
  const char *texts[] = { id, detail, NULL };
  gint64 ints[] = { a->n_changes };

  return exec_bound (a->db,
    "INSERT INTO audit_batches (id, at, actor, action, detail, kind, n_new, n_updated) VALUES "
    "(?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ledger_actor(), 'exchange', ?, NULL, 0, ?)",
    texts, ints, 1, error);
}

static gboolean
update_link (Apply       *a,
             Link        *link,
             GError     **error)
{
  const char *texts[] = { a->header->sender, NULL };
  gint64 ints[] = { MAX (link->applied, a->header->through), MAX (link->acked, a->header->ack),
                    MAX (link->last_seq, a->header->seq), a->n_changes };

  return exec_bound (a->db,
    "UPDATE exchange_partners SET applied = ?2, acked = ?3, last_seq = ?4, last_rows = ?5, "
    "last_received_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE ledger_id = ?1",
    texts, ints, G_N_ELEMENTS (ints), error);
}

static gboolean
apply_all (Apply          *a,
           LedgerPackage  *package,
           Link           *link,
           GError        **error)
{
  if (!note_package_audit (a, error))
    return FALSE;
  for (guint i = 0; i < package->entries->len; i++)
    {
      LedgerPackageEntry *entry = g_ptr_array_index (package->entries, i);
      g_autoptr (GBytes) none = NULL;

      if (entry->log_id <= link->applied)
        continue;   /* applied from an earlier package */
      none = ledger_changeset_filter (entry->changeset, remember_audit_uid, a, error);
      if (none == NULL || !apply_entry (a, entry, error))
        return FALSE;
    }
  for (guint i = 0; i < a->conflicts->len; i++)
    if (!save_conflict (a, g_ptr_array_index (a->conflicts, i), error))
      return FALSE;
  for (guint i = 0; i < a->refused->len; i++)
    if (!save_refused (a, g_ptr_array_index (a->refused, i), error))
      return FALSE;
  return write_batch (a, link, error) && update_link (a, link, error);
}

static gboolean
run_apply (LedgerDb                *db,
           LedgerPackage           *package,
           Link                    *link,
           LedgerExchangeSummary   *summary,
           GError                 **error)
{
  g_autoptr (LedgerOwner) owner = ledger_owner_new (db);
  g_autoptr (GHashTable) accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) their_audit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) conflicts = g_ptr_array_new_with_free_func (conflict_free);
  g_autoptr (GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  Apply a = { db, owner, &package->header, g_str_equal (package->header.sender_role, "county"),
              accepted, their_audit, conflicts, refused, 0, NULL };
  gboolean ok;

  ledger_db_set_applying (db, TRUE);
  ok = ledger_db_begin (db, error);
  if (ok && !(ok = apply_all (&a, package, link, error)))
    ledger_db_rollback (db);
  else if (ok)
    ok = ledger_db_commit (db, error);
  ledger_db_set_applying (db, FALSE);
  g_free (a.failure);
  if (!ok)
    return FALSE;
  summary->n_changes = a.n_changes;
  summary->n_conflicts = conflicts->len;
  summary->n_refused = refused->len;
  summary->refused = g_steal_pointer (&refused);
  return TRUE;
}

static gboolean
receive_package (LedgerDb               *db,
                 LedgerPackage          *package,
                 LedgerExchangeSummary  *summary,
                 GError                **error)
{
  Link link = { 0 };
  gboolean ok;

  if (!check_addressed (db, &package->header, &link, error))
    {
      link_clear (&link);
      return FALSE;
    }
  summary->seq = package->header.seq;
  summary->partner_name = g_strdup (link.name);
  for (guint i = 0; i < package->entries->len; i++)
    summary->n_entries += ((LedgerPackageEntry *) g_ptr_array_index (package->entries, i))->log_id > link.applied;
  if (package->header.through <= link.applied && package->header.ack <= link.acked)
    {
      summary->nothing_new = TRUE;
      link_clear (&link);
      return TRUE;
    }
  ok = run_apply (db, package, &link, summary, error);
  link_clear (&link);
  return ok;
}

/**
 * ledger_exchange_receive:
 * @package: the package file
 * @summary: (out caller-allocates): what was applied; clear it with
 *   ledger_exchange_summary_clear()
 *
 * Applies a partner's package in one transaction. A package applied before
 * changes nothing; one for another ledger, of another schema version,
 * damaged, or following a missing package is refused (LEDGER_ERROR_INVALID)
 * and the ledger is left as it was.
 */
gboolean
ledger_exchange_receive (LedgerDb               *db,
                         const char             *package_path,
                         LedgerExchangeSummary  *summary,
                         GError                **error)
{
  g_autoptr (LedgerPackage) package = ledger_package_read_file (package_path, error);

  memset (summary, 0, sizeof *summary);
  return package != NULL && receive_package (db, package, summary, error);
}

/**
 * ledger_exchange_receive_bytes:
 *
 * As ledger_exchange_receive(), from a package in memory (a server's copy).
 */
gboolean
ledger_exchange_receive_bytes (LedgerDb               *db,
                               const guint8           *data,
                               gsize                   size,
                               LedgerExchangeSummary  *summary,
                               GError                **error)
{
  g_autoptr (LedgerPackage) package = ledger_package_parse (data, size, error);

  memset (summary, 0, sizeof *summary);
  return package != NULL && receive_package (db, package, summary, error);
}
