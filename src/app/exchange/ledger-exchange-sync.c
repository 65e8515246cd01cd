/* ledger-exchange-sync.c: 同步 — the exchange window's county server: the
 * address in GSettings, the password in the desktop keyring (libsecret,
 * never in GSettings or the ledger), the sync in a thread on its own
 * connection (core's ledger_server_sync_async, ledger-jobs.h) */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "ledger-exchange-sync.h"
#include "ledger-jobs.h"
#include "ledger-server.h"

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "org.ruralsanitation.Ledger.Server", SECRET_SCHEMA_NONE,
    { { "server", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } }
  };
  return &schema;
}

/**
 * ledger_server_password_lookup:
 *
 * Returns: (transfer full) (nullable): the password kept for @server, or
 *   NULL (none, or no keyring on this desktop)
 */
char *
ledger_server_password_lookup (const char *server)
{
  g_autoptr (GError) error = NULL;
  char *password = secret_password_lookup_sync (password_schema (), NULL, &error, "server", server, NULL);

  if (error != NULL)
    g_debug ("no keyring: %s", error->message);
  return password;
}

/* keeps @password for @server in the keyring; FALSE when there is none */
gboolean
ledger_server_password_store (const char  *server,
                              const char  *password,
                              GError     **error)
{
  g_autofree char *label = g_strdup_printf (_("Sanitation Ledger: county server %s"), server);

  return secret_password_store_sync (password_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                     NULL, error, "server", server, NULL);
}

/**
 * ledger_exchange_sync_async:
 *
 * Syncs the ledger at @db_path with @server in a thread.
 */
void
ledger_exchange_sync_async (const char          *db_path,
                            const char          *server,
                            const char          *password,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  ledger_server_sync_async (db_path, server, password, NULL, callback, user_data);
}

/**
 * ledger_exchange_sync_finish:
 *
 * Returns: (transfer full) (nullable): what the sync did, in words, or NULL
 *   with @error (LEDGER_ERROR_SERVER: the server cannot be reached or used)
 */
char *
ledger_exchange_sync_finish (GAsyncResult  *result,
                             GError       **error)
{
  LedgerSyncReport report = { 0 };
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M");

  if (!ledger_server_sync_finish (result, &report, error))
    return NULL;
  return g_strdup_printf (_("Synced %s: %u packages sent, %u received (%u rows changed, %u conflicts, %u refused)%s"),
                          when, report.pushed, report.pulled, report.applied_rows,
                          report.conflicts, report.refused,
                          report.mirrored ? _("; the PostGIS mirror is up to date") : "");
}
