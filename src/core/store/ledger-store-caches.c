/* ledger-store-caches.c: what the store remembers between records
 *
 * An import checks and saves 100,000 rows in seconds only if it does not
 * ask the ledger the same questions again for each of them: the rules, the
 * highest code number in use per village. Each cache knows exactly when it
 * may be stale (another connection committed, this connection changed the
 * tables behind it, a rollback took a change back) and asks again then;
 * test-store-caches.c checks every case against the slow answer.
 */
#include "config.h"

#include <string.h>

#include "ledger-field-slots.h"
#include "ledger-rules.h"
#include "ledger-store-bulk.h"
#include "ledger-store-private.h"

/* ---- pinned: one write transaction that changes neither rules nor codes behind the caches ---- */

/* While an import checks and writes its rows in its own write transaction
 * no other connection can commit (PRAGMA data_version stays), and the
 * import writes no rules: a cache asked again once under the pin is
 * still right for every later row, without the queries that tell. */
typedef struct
{
  guint current;   /* the serial of the pin in force, 0 none */
  guint last;
} Pin;

static guint
pin_in_force (LedgerDb *db)
{
  Pin *pin = g_object_get_data (G_OBJECT (db), "ledger-caches-pin");

  return pin != NULL ? pin->current : 0;
}

/**
 * ledger_store_caches_pin:
 * @pinned: %TRUE in a write transaction that writes no rules; %FALSE
 *   before it ends
 *
 * Lets the rules and the code numbers be asked for once per transaction
 * instead of once per record (issue 19: two queries per imported row).
 */
void
ledger_store_caches_pin (LedgerDb *db,
                         gboolean  pinned)
{
  Pin *pin = g_object_get_data (G_OBJECT (db), "ledger-caches-pin");

  g_return_if_fail (!pinned || ledger_db_in_transaction (db));
  if (pin == NULL)
    {
      pin = g_new0 (Pin, 1);
      g_object_set_data_full (G_OBJECT (db), "ledger-caches-pin", pin, g_free);
    }
  pin->current = pinned ? ++pin->last : 0;
}

/* ---- the rules ---- */

/* The rules, loaded once while they stay the same: an import checks
 * thousands of farm rows against the same coefficients. Another
 * connection's commit changes PRAGMA data_version. This connection's own
 * writes to the rule tables are seen by temporary triggers (per connection,
 * not in the file) that bump two counters: one in C that only grows, and one
 * in a temporary table that a rollback takes back with the change. Only when
 * one of the three moved is the fingerprint of the (small) rule tables
 * compared — that query costs more than the check itself. */
typedef struct
{
  char        *fingerprint;
  LedgerRules *rules;
  gint64       data_version;
  guint64      generation;
  gint64       undoable;
  guint        pin;          /* the pin it was last asked again under, 0 none */
} RulesCache;

typedef struct
{
  guint64  generation;
  gboolean installed;
} RulesWatch;

#define WATCH_TRIGGER(name, event, table) \
  "CREATE TEMP TRIGGER IF NOT EXISTS " name " AFTER " event " ON main." table " BEGIN" \
  " UPDATE ledger_rules_generation SET n = n + 1; SELECT ledger_rules_changed (); END;"

static const char watch_triggers[] =
  "CREATE TEMP TABLE IF NOT EXISTS ledger_rules_generation (n INTEGER NOT NULL);"
  "INSERT INTO temp.ledger_rules_generation SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.ledger_rules_generation);"
  WATCH_TRIGGER ("ledger_watch_rules_i", "INSERT", "rules")
  WATCH_TRIGGER ("ledger_watch_rules_u", "UPDATE", "rules")
  WATCH_TRIGGER ("ledger_watch_rules_d", "DELETE", "rules")
  WATCH_TRIGGER ("ledger_watch_thresholds_i", "INSERT", "scale_thresholds")
  WATCH_TRIGGER ("ledger_watch_thresholds_u", "UPDATE", "scale_thresholds")
  WATCH_TRIGGER ("ledger_watch_thresholds_d", "DELETE", "scale_thresholds");

static void
rules_cache_free (gpointer data)
{
  RulesCache *cache = data;

  ledger_rules_free (cache->rules);
  g_free (cache->fingerprint);
  g_free (cache);
}

static void
sql_rules_changed_func (sqlite3_context  *context,
                        int               argc,
                        sqlite3_value   **argv)
{
  RulesWatch *watch = sqlite3_user_data (context);

  watch->generation++;
}

/* Installed outside transactions only: a rollback would drop the triggers. */
static RulesWatch *
rules_watch (LedgerDb *db)
{
  RulesWatch *watch = g_object_get_data (G_OBJECT (db), "ledger-rules-watch");
  sqlite3 *handle = ledger_db_get_handle (db);
  g_autoptr (GError) error = NULL;

  if (watch == NULL)
    {
      watch = g_new0 (RulesWatch, 1);
      g_object_set_data_full (G_OBJECT (db), "ledger-rules-watch", watch, g_free);
    }
  if (watch->installed || !sqlite3_get_autocommit (handle))
    return watch;
  watch->installed =
    sqlite3_create_function (handle, "ledger_rules_changed", 0, SQLITE_UTF8, watch,
                             sql_rules_changed_func, NULL, NULL) == SQLITE_OK &&
    ledger_db_exec (db, watch_triggers, &error);
  if (error != NULL)
    g_debug ("The rules cache checks every time: %s", error->message);
  return watch;
}

static gint64
query_int64 (LedgerDb   *db,
             const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, NULL);

  return stmt && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
}

static gint64
data_version (LedgerDb *db)
{
  return query_int64 (db, "PRAGMA data_version");
}

const LedgerRules *
ledger_store_cached_rules (LedgerDb *db)
{
  RulesCache *cache = g_object_get_data (G_OBJECT (db), "ledger-rules-cache");
  RulesWatch *watch = rules_watch (db);
  guint pin = pin_in_force (db);
  gint64 version, undoable;
  g_autofree char *fingerprint = NULL;

  if (pin != 0 && cache != NULL && cache->pin == pin && cache->generation == watch->generation)
    return cache->rules;
  version = data_version (db);
  undoable = watch->installed ? query_int64 (db, "SELECT n FROM temp.ledger_rules_generation") : -1;

  if (cache != NULL && undoable >= 0 && version >= 0 && cache->data_version == version &&
      cache->generation == watch->generation && cache->undoable == undoable)
    return cache->rules;
  fingerprint = ledger_db_lookup_text (db,
    "SELECT (SELECT group_concat(key || '=' || value, ';') FROM rules) || '|' ||"
    " (SELECT group_concat(standard || species || measure || threshold, ';') FROM scale_thresholds)",
    NULL, NULL);
  if (cache == NULL || g_strcmp0 (cache->fingerprint, fingerprint) != 0)
    {
      cache = g_new0 (RulesCache, 1);
      cache->fingerprint = g_steal_pointer (&fingerprint);
      cache->rules = ledger_rules_load (db, NULL);
      if (cache->rules == NULL)
        cache->rules = ledger_rules_new_default ();
      g_object_set_data_full (G_OBJECT (db), "ledger-rules-cache", cache, rules_cache_free);
    }
  cache->data_version = version;
  cache->generation = watch->generation;
  cache->undoable = undoable;
  cache->pin = undoable >= 0 && version >= 0 ? pin : 0;
  return cache->rules;
}

/**
 * ledger_store_caches_prepare:
 *
 * Outside a transaction: installs the temporary triggers by which the rules
 * cache sees this connection's own changes. They cannot go in inside a
 * transaction, and without them the cache is never trusted: an import whose
 * checks were the connection's first (the command line, a fresh window) ran
 * the rule tables' fingerprint query for every row (issue 19: a third of
 * importing 100,000 farms).
 */
void
ledger_store_caches_prepare (LedgerDb *db)
{
  if (sqlite3_get_autocommit (ledger_db_get_handle (db)))
    rules_watch (db);
}

/* ---- one read transaction per check ---- */

static void
step_cached (LedgerDb   *db,
             const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, NULL);

  if (stmt != NULL)
    sqlite3_step (stmt);
}

/* Outside a transaction, the checks' queries share one read transaction:
 * one snapshot of the ledger, and one WAL read lock instead of one per query
 * (a third of the time of checking an import's rows). */
gboolean
ledger_store_begin_snapshot (LedgerDb *db)
{
  if (!sqlite3_get_autocommit (ledger_db_get_handle (db)))
    return FALSE;
  rules_watch (db);   /* its triggers go in outside transactions */
  step_cached (db, "BEGIN");
  return !sqlite3_get_autocommit (ledger_db_get_handle (db));
}

void
ledger_store_end_snapshot (LedgerDb *db,
                           gboolean  began)
{
  if (began && !sqlite3_get_autocommit (ledger_db_get_handle (db)))
    step_cached (db, "COMMIT");
}

/* ---- codes ---- */

/* The highest number in use per code prefix ("L512022100201-"), kept while
 * no other connection commits (PRAGMA data_version): numbering a
 * village's ten-thousandth farm must not scan the other 9,999. */
typedef struct
{
  gint64      data_version;
  GHashTable *highest;   /* prefix → gint64 * */
  guint       pin;       /* the pin it was last asked again under, 0 none */
} CodeCache;

static void
code_cache_free (gpointer data)
{
  CodeCache *cache = data;

  g_hash_table_unref (cache->highest);
  g_free (cache);
}

static CodeCache *
code_cache (LedgerDb *db)
{
  CodeCache *cache = g_object_get_data (G_OBJECT (db), "ledger-code-cache");
  guint pin = pin_in_force (db);
  gint64 version;

  if (pin != 0 && cache != NULL && cache->pin == pin)
    return cache;
  version = data_version (db);
  if (cache == NULL || cache->data_version != version || version < 0)
    {
      cache = g_new0 (CodeCache, 1);
      cache->data_version = version;
      cache->highest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_object_set_data_full (G_OBJECT (db), "ledger-code-cache", cache, code_cache_free);
    }
  cache->pin = version >= 0 ? pin : 0;
  return cache;
}

/* One index range scan over the prefix's codes. */
static gint64
query_highest (LedgerDb   *db,
               const char *table,
               const char *prefix)
{
  g_autofree char *end = g_strndup (prefix, strlen (prefix));
  g_autofree char *max_sql = g_strdup_printf ("SELECT max(CAST(substr(code, ?3) AS INTEGER)) FROM %s"
                                              " WHERE code >= ?1 AND code < ?2", table);
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, max_sql, NULL);

  end[strlen (end) - 1] = '.';   /* the first string after every "prefix-…" */
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, strlen (prefix) + 1);
  return sqlite3_step (stmt) == SQLITE_ROW ? MAX (sqlite3_column_int64 (stmt, 0), 0) : 0;
}

static char *
code_prefix (const LedgerRecord *record)
{
  static const char letters[LEDGER_N_KINDS] = {
    [LEDGER_KIND_FACILITIES] = 'F', [LEDGER_KIND_FARMS] = 'L', [LEDGER_KIND_WATER_BODIES] = 'W',
  };

  return g_strdup_printf ("%c%s-", letters[record->kind], ledger_record_slot (record, ledger_field_slots (record->kind)->village_code));
}

/* A code given by hand ("L512022100201-40") raises the highest number in use. */
void
ledger_store_note_code (LedgerDb           *db,
                        const LedgerRecord *record)
{
  g_autofree char *prefix = code_prefix (record);
  const char *code = ledger_record_slot (record, ledger_field_slots (record->kind)->code);
  gint64 *highest;

  if (code == NULL || !g_str_has_prefix (code, prefix) ||
      !(highest = g_hash_table_lookup (code_cache (db)->highest, prefix)))
    return;
  *highest = MAX (*highest, g_ascii_strtoll (code + strlen (prefix), NULL, 10));
}

/* The next free "<letter><village code>-<n>" after the highest in use. */
char *
ledger_store_assign_code (LedgerDb           *db,
                          const LedgerRecord *record)
{
  const char *table = ledger_kind_table (record->kind);
  g_autofree char *prefix = code_prefix (record);
  g_autofree char *owner_sql = g_strdup_printf ("SELECT uid FROM %s WHERE code = ?", table);
  CodeCache *cache = code_cache (db);
  gint64 *highest = g_hash_table_lookup (cache->highest, prefix);

  if (highest == NULL)
    {
      highest = g_new (gint64, 1);
      *highest = query_highest (db, table, prefix);
      g_hash_table_insert (cache->highest, g_strdup (prefix), highest);
    }
  for (gint64 n = *highest + 1;; n++)
    {
      char *code = g_strdup_printf ("%s%" G_GINT64_FORMAT, prefix, n);
      g_autofree char *owner = ledger_db_lookup_text (db, owner_sql, code, NULL);
      if (owner == NULL)
        {
          *highest = n;
          return code;
        }
      g_free (code);
    }
}

