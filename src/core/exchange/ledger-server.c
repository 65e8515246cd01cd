/* ledger-server.c: sync through a county PostgreSQL
 *
 * Push, then pull: this ledger's package for each partner is stored in
 * sanitation_ledger.packages (a township may insert only packages from its
 * own township to the county, and read only the county's packages to it:
 * row-level security by its role ledger_<township code>); then the packages
 * addressed to this ledger are applied in the server's order with
 * ledger_exchange_receive_bytes. Every step is safe to repeat: a package
 * applied before changes nothing, a package lost between push and the
 * partner's pull is covered by the next. The server's SQL is all fixed text
 * with bound parameters; nothing typed by a user becomes SQL.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-error.h"
#include "ledger-exchange.h"
#include "ledger-server-private.h"

#define SCHEMA "sanitation_ledger"

gboolean
ledger_server_set_error (PGconn      *conn,
                         const char  *what,
                         GError     **error)
{
  g_autofree char *reason = g_strstrip (g_strdup (conn ? PQerrorMessage (conn) : "?"));

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_SERVER, "%s: %s", what, reason);
  return FALSE;
}

PGresult *
ledger_server_query (PGconn             *conn,
                     const char         *sql,
                     int                 n_params,
                     const char *const  *values,
                     const int          *lengths,
                     const int          *formats,
                     GError            **error)
{
  PGresult *result = PQexecParams (conn, sql, n_params, NULL, values, lengths, formats, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;
  PQclear (result);
  ledger_server_set_error (conn, _("The county server refused a request"), error);
  return NULL;
}

gboolean
ledger_server_exec (PGconn      *conn,
                    const char  *sql,
                    GError     **error)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  PQclear (result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  return ledger_server_set_error (conn, _("The county server refused a request"), error);
}

static void
ignore_notice (void       *data,
               const char *message)
{
}

/* @conninfo: a connection string or URI; @password (nullable): from the keyring */
static PGconn *
connect_server (const char  *conninfo,
                const char  *password,
                GError     **error)
{
  const char *keywords[] = { "dbname", password ? "password" : NULL, NULL };
  const char *values[] = { conninfo, password, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, 1);

  PQsetNoticeProcessor (conn, ignore_notice, NULL);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      ledger_server_set_error (conn, _("The county server cannot be reached (nothing was changed; work on, and sync later)"), error);
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

/* the server's schema, or 0 when it has none */
static gboolean
server_version (PGconn  *conn,
                int     *version,
                GError **error)
{
  g_autoptr (PGresult) exists = ledger_server_query (conn,
    "SELECT to_regclass ('" SCHEMA ".info') IS NOT NULL", 0, NULL, NULL, NULL, error);
  g_autoptr (PGresult) value = NULL;

  *version = 0;
  if (exists == NULL)
    return FALSE;
  if (g_strcmp0 (PQgetvalue (exists, 0, 0), "t") != 0)
    return TRUE;
  value = ledger_server_query (conn, "SELECT value FROM " SCHEMA ".info WHERE key = 'schema_version'",
                               0, NULL, NULL, NULL, error);
  if (value == NULL)
    return FALSE;
  *version = PQntuples (value) == 1 ? atoi (PQgetvalue (value, 0, 0)) : -1;
  return TRUE;
}

static gboolean
check_known (PGconn  *conn,
             gboolean allow_none,
             GError **error)
{
  int version;

  if (!server_version (conn, &version, error))
    return FALSE;
  if (version == LEDGER_SERVER_SCHEMA_VERSION || (version == 0 && allow_none))
    return TRUE;
  if (version == 0)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_SERVER,
                 _("The county server has no ledger schema yet: the county sets it up once with “sync --init”."));
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_SERVER,
                 _("The county server holds a ledger schema of version %d, which this program does not know (it knows %d). Update the program."),
                 version, LEDGER_SERVER_SCHEMA_VERSION);
  return FALSE;
}

/* ---- init ---- */

static const char server_schema[] =
  "CREATE SCHEMA IF NOT EXISTS " SCHEMA ";\n"
  "CREATE TABLE IF NOT EXISTS " SCHEMA ".info (key text PRIMARY KEY, value text NOT NULL);\n"
  "CREATE TABLE IF NOT EXISTS " SCHEMA ".packages (\n"
  "  id bigserial PRIMARY KEY,\n"
  "  recipient text NOT NULL,\n"
  "  sender text NOT NULL,\n"
  "  sender_role text NOT NULL CHECK (sender_role IN ('county', 'township')),\n"
  "  township text NOT NULL,\n"
  "  seq bigint NOT NULL,\n"
  "  author text,\n"
  "  created timestamptz NOT NULL DEFAULT now(),\n"
  "  body bytea NOT NULL,\n"
  "  UNIQUE (sender, recipient, seq));\n"
  "CREATE INDEX IF NOT EXISTS packages_recipient ON " SCHEMA ".packages (recipient, id);\n"
  /* a township's login role is ledger_<its 9-digit code>, a member of this group */
  "DO $$ BEGIN\n"
  "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sanitation_ledger_township') THEN\n"
  "    CREATE ROLE sanitation_ledger_township NOLOGIN; END IF;\n"
  "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sanitation_ledger_reader') THEN\n"
  "    CREATE ROLE sanitation_ledger_reader NOLOGIN; END IF;\n"
  "END $$;\n"
  "CREATE OR REPLACE FUNCTION " SCHEMA ".role_township () RETURNS text LANGUAGE sql STABLE AS\n"
  "  $$ SELECT CASE WHEN current_user ~ '^ledger_[0-9]{9}$' THEN substr (current_user, 8) END $$;\n"
  "ALTER TABLE " SCHEMA ".packages ENABLE ROW LEVEL SECURITY;\n"
  "DROP POLICY IF EXISTS township_reads ON " SCHEMA ".packages;\n"
  "DROP POLICY IF EXISTS township_writes ON " SCHEMA ".packages;\n"
  "CREATE POLICY township_reads ON " SCHEMA ".packages FOR SELECT TO sanitation_ledger_township\n"
  "  USING (sender_role = 'county' AND township = " SCHEMA ".role_township ());\n"
  "CREATE POLICY township_writes ON " SCHEMA ".packages FOR INSERT TO sanitation_ledger_township\n"
  "  WITH CHECK (sender_role = 'township' AND township = " SCHEMA ".role_township ()\n"
  "              AND recipient = (SELECT value FROM " SCHEMA ".info WHERE key = 'county_ledger_id'));\n"
  "GRANT USAGE ON SCHEMA " SCHEMA " TO sanitation_ledger_township;\n"
  "GRANT SELECT ON " SCHEMA ".info TO sanitation_ledger_township;\n"
  "GRANT SELECT, INSERT ON " SCHEMA ".packages TO sanitation_ledger_township;\n"
  "GRANT USAGE ON SEQUENCE " SCHEMA ".packages_id_seq TO sanitation_ledger_township;\n"
  "CREATE SCHEMA IF NOT EXISTS sanitation_ledger_mirror;\n"
  "GRANT USAGE ON SCHEMA sanitation_ledger_mirror TO sanitation_ledger_reader;\n";

static gboolean
store_info (PGconn      *conn,
            const char  *key,
            const char  *value,
            GError     **error)
{
  const char *values[] = { key, value };
  g_autoptr (PGresult) result = ledger_server_query (conn,
    "INSERT INTO " SCHEMA ".info (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2",
    2, values, NULL, NULL, error);

  return result != NULL;
}

static gboolean
check_role (LedgerDb    *db,
            const char  *wanted,
            GError     **error)
{
  g_autofree char *role = ledger_exchange_dup_role (db);

  if (g_strcmp0 (role, wanted) == 0 || (wanted == NULL && role != NULL))
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, wanted != NULL
               ? _("Only the county ledger sets up the county server.")
               : _("This ledger is not linked to another: share a township ledger from the county ledger first."));
  return FALSE;
}

/**
 * ledger_server_init:
 * @conninfo: a libpq connection string or URI (e.g. with sslmode=verify-full)
 *
 * Sets up the county server once, from the county ledger: the packages table
 * with its row-level security, the township and reader group roles, PostGIS
 * and the mirror, in one transaction. Refuses a server schema it does not know.
 */
gboolean
ledger_server_init (LedgerDb    *county,
                    const char  *conninfo,
                    const char  *password,
                    GError     **error)
{
  g_autoptr (PGconn) conn = NULL;
  g_autofree char *id = ledger_db_get_meta (county, "ledger_id");
  g_autofree char *region = ledger_db_dup_region_code (county);
  g_autofree char *version = g_strdup_printf ("%d", LEDGER_SERVER_SCHEMA_VERSION);

  if (!check_role (county, "county", error) || (conn = connect_server (conninfo, password, error)) == NULL ||
      !check_known (conn, TRUE, error))
    return FALSE;
  if (!ledger_server_exec (conn, "BEGIN", error))
    return FALSE;
  if (!ledger_server_exec (conn, "CREATE EXTENSION IF NOT EXISTS postgis", error) ||
      !ledger_server_exec (conn, server_schema, error) ||
      !store_info (conn, "schema_version", version, error) || !store_info (conn, "county_ledger_id", id, error) ||
      !store_info (conn, "region", region, error) || !ledger_server_exec (conn, "COMMIT", error))
    {
      PQexec (conn, "ROLLBACK");
      return FALSE;
    }
  return TRUE;
}

/* ---- push ---- */

/* a package already stored (the same sender, recipient and number: a sync
 * interrupted after the insert) is not stored twice */
static gboolean
store_package (PGconn                 *conn,
               GBytes                 *bytes,
               const char             *sender,
               const char             *recipient,
               const char             *role,
               const char             *township,
               LedgerExchangeSummary  *summary,
               const char             *author,
               GError                **error)
{
  g_autofree char *seq = g_strdup_printf ("%u", summary->seq);
  const char *values[] = { recipient, sender, role, township, seq, author, g_bytes_get_data (bytes, NULL) };
  int lengths[] = { 0, 0, 0, 0, 0, 0, (int) g_bytes_get_size (bytes) };
  int formats[] = { 0, 0, 0, 0, 0, 0, 1 };
  g_autoptr (PGresult) result = PQexecParams (conn,
    "INSERT INTO " SCHEMA ".packages (recipient, sender, sender_role, township, seq, author, body) "
    "VALUES ($1, $2, $3, $4, $5::bigint, $6, $7)", 7, NULL, values, lengths, formats, 0);
  const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);

  if (PQresultStatus (result) == PGRES_COMMAND_OK || g_strcmp0 (state, "23505") == 0)
    return TRUE;
  return ledger_server_set_error (conn, _("The county server refused a request"), error);
}

/* whether a package to @partner would carry anything the server lacks:
 * new changes, or an acknowledgement it has not passed on */
static gboolean
worth_pushing (LedgerDb              *db,
               const char            *partner,
               LedgerExchangeSummary *summary)
{
  g_autofree char *key = g_strdup_printf ("server.pushed.%s", partner);
  g_autofree char *last = ledger_db_get_meta (db, key);
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, summary->through, summary->ack);

  return g_strcmp0 (last, now) != 0;
}

static gboolean
remember_pushed (LedgerDb              *db,
                 const char            *partner,
                 LedgerExchangeSummary *summary,
                 GError               **error)
{
  g_autofree char *key = g_strdup_printf ("server.pushed.%s", partner);
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, summary->through, summary->ack);

  return ledger_db_begin (db, error) && ledger_db_set_meta (db, key, now, error) && ledger_db_commit (db, error);
}

static gboolean
push_to (LedgerDb         *db,
         PGconn           *conn,
         LedgerPartner    *partner,
         LedgerSyncReport *report,
         GError          **error)
{
  g_autofree char *own = ledger_db_get_meta (db, "ledger_id");
  g_autofree char *role = ledger_exchange_dup_role (db);
  LedgerExchangeSummary summary = { 0 };
  g_autoptr (GBytes) bytes = NULL;
  gboolean ok;

  if (!ledger_exchange_send_bytes (db, g_str_equal (role, "county") ? partner->township : NULL,
                                   &bytes, &summary, error))
    return FALSE;
  ok = !worth_pushing (db, partner->ledger_id, &summary) ||
       (store_package (conn, bytes, own, partner->ledger_id, role, partner->township, &summary,
                       ledger_db_get_actor (db), error) &&
        remember_pushed (db, partner->ledger_id, &summary, error) && (report->pushed++, TRUE));
  ledger_exchange_summary_clear (&summary);
  return ok;
}

/* ---- pull ---- */

static gboolean
apply_pulled (LedgerDb         *db,
              PGresult         *rows,
              LedgerSyncReport *report,
              GError          **error)
{
  for (int i = 0; i < PQntuples (rows); i++)
    {
      LedgerExchangeSummary summary = { 0 };
      g_autofree char *key = g_strdup ("server.pulled");
      const char *id = PQgetvalue (rows, i, 0);
      gboolean ok = ledger_exchange_receive_bytes (db, (const guint8 *) PQgetvalue (rows, i, 1),
                                                   PQgetlength (rows, i, 1), &summary, error);

      report->pulled++;
      report->applied_rows += summary.n_changes;
      report->conflicts += summary.n_conflicts;
      report->refused += summary.n_refused;
      ledger_exchange_summary_clear (&summary);
      /* the package was applied (or was before): never fetch it again */
      if (!ok || !ledger_db_begin (db, error) || !ledger_db_set_meta (db, key, id, error) ||
          !ledger_db_commit (db, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
pull (LedgerDb         *db,
      PGconn           *conn,
      LedgerSyncReport *report,
      GError          **error)
{
  g_autofree char *own = ledger_db_get_meta (db, "ledger_id");
  g_autofree char *after = ledger_db_get_meta (db, "server.pulled");
  const char *values[] = { own, after ? after : "0" };
  int formats[] = { 0, 0 };
  g_autoptr (PGresult) rows = NULL;

  /* the body comes back in binary; the id as text */
  rows = PQexecParams (conn, "SELECT id::text, body FROM " SCHEMA ".packages "
                             "WHERE recipient = $1 AND id > $2::bigint ORDER BY id",
                       2, NULL, values, NULL, formats, 1);
  if (PQresultStatus (rows) != PGRES_TUPLES_OK)
    return ledger_server_set_error (conn, _("The county server refused a request"), error);
  /* binary results: the id is sent as text above, so convert it back */
  return apply_pulled (db, rows, report, error);
}

/**
 * ledger_server_sync:
 *
 * Pushes this ledger's packages to the server and applies the ones waiting
 * for it; in the county ledger, then rebuilds the PostGIS mirror. Without a
 * server (offline, refused), LEDGER_ERROR_SERVER and nothing changed here.
 */
gboolean
ledger_server_sync (LedgerDb          *db,
                    const char        *conninfo,
                    const char        *password,
                    LedgerSyncReport  *report,
                    GError           **error)
{
  g_autoptr (PGconn) conn = NULL;
  g_autoptr (GPtrArray) partners = NULL;
  g_autofree char *role = ledger_exchange_dup_role (db);

  memset (report, 0, sizeof *report);
  if (!check_role (db, NULL, error) || (conn = connect_server (conninfo, password, error)) == NULL ||
      !check_known (conn, FALSE, error) || (partners = ledger_exchange_list_partners (db, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < partners->len; i++)
    if (!push_to (db, conn, g_ptr_array_index (partners, i), report, error))
      return FALSE;
  if (!pull (db, conn, report, error))
    return FALSE;
  if (g_str_equal (role, "county"))
    {
      if (!ledger_server_mirror (db, conn, error))
        return FALSE;
      report->mirrored = TRUE;
    }
  return TRUE;
}
