/* ledger-cli-exchange.c: share, send, receive, conflicts */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ledger-cli.h"
#include "ledger-cli-private.h"
#include "ledger-error.h"
#include "ledger-exchange.h"
#include "ledger-server.h"

int
ledger_cli_share (const char *db_path,
                  int         argc,
                  char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autofree char *township = NULL, *output = NULL;
  GOptionEntry entries[] = {
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("The township (9-digit code)"), N_("CODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The township ledger to create"), N_("FILE") },
    { NULL }
  };

  if (!parse_options ("share", "", _("Makes a township ledger linked to this county ledger."), entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (township == NULL || output == NULL)
    return usage_error (_("share needs --township CODE and --output FILE."));
  if (argc > 1)
    return usage_error (_("share takes no arguments: “%s”."), argv[1]);
  if (!(db = open_ledger (db_path, FALSE)))
    return LEDGER_EXIT_CANNOT_OPEN;
  if (!ledger_exchange_share (db, township, output, &error))
    return exit_for_error (error);
  g_print (_("Made the ledger of township %s: %s\n"), township, output);
  return LEDGER_EXIT_OK;
}

int
ledger_cli_send (const char *db_path,
                 int         argc,
                 char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autofree char *to = NULL, *output = NULL;
  LedgerExchangeSummary summary = { 0 };
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("In a county ledger: the township to send to (9-digit code)"), N_("CODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The package file to write"), N_("PKG") },
    { NULL }
  };

  if (!parse_options ("send", "", _("Writes an update package for the partner ledger."), entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (output == NULL)
    return usage_error (_("send needs --output PKG."));
  if (argc > 1)
    return usage_error (_("send takes no arguments: “%s”."), argv[1]);
  if (!(db = open_ledger (db_path, FALSE)))
    return LEDGER_EXIT_CANNOT_OPEN;
  if (!ledger_exchange_send (db, to, output, &summary, &error))
    return exit_for_error (error);
  g_print (_("Package no. %u for %s: %u changed rows in %u changes.\n"),
           summary.seq, summary.partner_name ? summary.partner_name : "?", summary.n_changes, summary.n_entries);
  ledger_exchange_summary_clear (&summary);
  return LEDGER_EXIT_OK;
}

int
ledger_cli_receive (const char *db_path,
                    int         argc,
                    char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  LedgerExchangeSummary summary = { 0 };
  GOptionEntry entries[] = { { NULL } };

  if (!parse_options ("receive", "PKG", _("Applies a partner's update package."), entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc != 2)
    return usage_error (_("receive needs one package file."));
  if (!(db = open_ledger (db_path, FALSE)))
    return LEDGER_EXIT_CANNOT_OPEN;
  if (!ledger_exchange_receive (db, argv[1], &summary, &error))
    return exit_for_error (error);
  if (summary.nothing_new)
    g_print (_("Package no. %u from %s was applied before: nothing to do.\n"),
             summary.seq, summary.partner_name ? summary.partner_name : "?");
  else
    g_print (_("Applied package no. %u from %s: %u changed rows, %u conflicts kept for review, %u changes refused.\n"),
             summary.seq, summary.partner_name ? summary.partner_name : "?", summary.n_changes,
             summary.n_conflicts, summary.n_refused);
  for (guint i = 0; summary.refused && i < summary.refused->len; i++)
    g_print (_("  refused: %s\n"), (char *) g_ptr_array_index (summary.refused, i));
  ledger_exchange_summary_clear (&summary);
  return LEDGER_EXIT_OK;
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static char *
conflicts_to_json (GPtrArray *conflicts)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < conflicts->len; i++)
    {
      LedgerConflict *c = g_ptr_array_index (conflicts, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, c->id);
      add_string (b, "partner", c->partner);
      add_string (b, "table", c->entity);
      add_string (b, "row", c->entity_uid);
      add_string (b, "item", c->item);
      add_string (b, "field", c->field);
      add_string (b, "kept", c->kept_side);
      add_string (b, "kept_value", c->kept_value);
      add_string (b, "kept_author", c->kept_author);
      add_string (b, "kept_at", c->kept_at);
      add_string (b, "other_value", c->other_value);
      add_string (b, "other_author", c->other_author);
      add_string (b, "other_at", c->other_at);
      add_string (b, "resolved_at", c->resolved_at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, TRUE);
}

static void
print_conflicts (GPtrArray *conflicts)
{
  if (conflicts->len == 0)
    g_print ("%s\n", _("No conflicts."));
  for (guint i = 0; i < conflicts->len; i++)
    {
      LedgerConflict *c = g_ptr_array_index (conflicts, i);
      g_print (_("#%u %s %s %s (%s): kept “%s” (%s, %s); other “%s” (%s, %s)%s\n"),
               (guint) c->id, c->entity, c->item ? c->item : c->entity_uid, c->field, c->partner ? c->partner : "?",
               c->kept_value ? c->kept_value : "", c->kept_author ? c->kept_author : "?", c->kept_at ? c->kept_at : "?",
               c->other_value ? c->other_value : "", c->other_author ? c->other_author : "?", c->other_at ? c->other_at : "?",
               c->resolved_at ? _(" — settled") : "");
    }
}

int
ledger_cli_conflicts (const char *db_path,
                      int         argc,
                      char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  gboolean json = FALSE, all = FALSE;
  gint64 keep = 0, take = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Also the settled ones"), NULL },
    { "keep", 0, 0, G_OPTION_ARG_INT64, &keep, N_("Settle conflict ID keeping the ledger’s value"), N_("ID") },
    { "take-other", 0, 0, G_OPTION_ARG_INT64, &take, N_("Settle conflict ID writing the other value"), N_("ID") },
    { NULL }
  };

  if (!parse_options ("conflicts", "", _("Lists the values that lost to the owner's in an exchange."), entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc > 1 || (keep && take))
    return usage_error (_("conflicts takes no arguments, and one of --keep or --take-other."));
  if (!(db = open_ledger (db_path, !(keep || take))))
    return LEDGER_EXIT_CANNOT_OPEN;
  if ((keep || take) && !ledger_exchange_resolve_conflict (db, keep ? keep : take, take != 0, &error))
    return exit_for_error (error);
  if ((conflicts = ledger_exchange_list_conflicts (db, !all, &error)) == NULL)
    return exit_for_error (error);
  if (json)
    {
      g_autofree char *text = conflicts_to_json (conflicts);
      g_print ("%s\n", text);
    }
  else
    print_conflicts (conflicts);
  return LEDGER_EXIT_OK;
}

int
ledger_cli_sync (const char *db_path,
                 int         argc,
                 char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autofree char *server = NULL;
  gboolean init = FALSE;
  LedgerSyncReport report;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("The county server: a PostgreSQL connection string or URI (the password from ~/.pgpass or PGPASSWORD)"), N_("URL") },
    { "init", 0, 0, G_OPTION_ARG_NONE, &init, N_("County ledger: set up the server’s schema (once)"), NULL },
    { NULL }
  };

  if (!parse_options ("sync", "", _("Exchanges update packages through the county server."), entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (server == NULL)
    return usage_error (_("sync needs --server URL."));
  if (argc > 1)
    return usage_error (_("sync takes no arguments: “%s”."), argv[1]);
  if (!(db = open_ledger (db_path, FALSE)))
    return LEDGER_EXIT_CANNOT_OPEN;
  if ((init && !ledger_server_init (db, server, NULL, &error)) ||
      !ledger_server_sync (db, server, NULL, &report, &error))
    {
      if (g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_SERVER))
        {
          g_printerr ("%s: %s\n", "sanitation-ledger", error->message);
          return LEDGER_EXIT_SERVER;
        }
      return exit_for_error (error);
    }
  g_print (_("Synced: %u packages sent, %u received (%u rows changed, %u conflicts, %u changes refused)%s.\n"),
           report.pushed, report.pulled, report.applied_rows, report.conflicts, report.refused,
           report.mirrored ? _("; the PostGIS mirror is up to date") : "");
  return LEDGER_EXIT_OK;
}
