/* ledger-exchange-sync.c: 同步 — the exchange window's county server: the
 * address in GSettings, the password in the desktop keyring (libsecret,
 * never in GSettings or the ledger), the sync in a thread on its own
 * connection */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "ledger-exchange-sync.h"
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

typedef struct
{
  char             *db_path;
  char             *server;
  char             *password;
  LedgerSyncReport  report;
} SyncJob;

static void
sync_job_free (SyncJob *job)
{
  g_free (job->db_path);
  g_free (job->server);
  g_free (job->password);
  g_free (job);
}

static void
sync_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  SyncJob *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (job->db_path, LEDGER_DB_OPEN_DEFAULT, &error);

  if (db == NULL || !ledger_server_sync (db, job->server, job->password, &job->report, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
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
  g_autoptr (GTask) task = g_task_new (NULL, NULL, callback, user_data);
  SyncJob *job = g_new0 (SyncJob, 1);

  job->db_path = g_strdup (db_path);
  job->server = g_strdup (server);
  job->password = password && *password ? g_strdup (password) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) sync_job_free);
  g_task_run_in_thread (task, sync_in_thread);
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
  SyncJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M");

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_strdup_printf (_("Synced %s: %u packages sent, %u received (%u rows changed, %u conflicts, %u refused)%s"),
                          when, job->report.pushed, job->report.pulled, job->report.applied_rows,
                          job->report.conflicts, job->report.refused,
                          job->report.mirrored ? _("; the PostGIS mirror is up to date") : "");
}
