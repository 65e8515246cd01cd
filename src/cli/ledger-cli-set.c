/* ledger-cli-set.c: `set KIND FIELD VALUE CODE…`, the batch edit of the
 * Ledger page on the command line (one transaction, audited) */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-cli-private.h"
#include "ledger-cli.h"
#include "ledger-record.h"
#include "ledger-store.h"
#include "ledger-store-batch.h"

/* the field by its key (operator), Chinese header (运维单位) or label */
static const char *
find_field_key (LedgerKind  kind,
                const char *name)
{
  guint n;
  const LedgerField *fields = ledger_kind_fields (kind, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (fields[i].key, name) == 0 || g_strcmp0 (fields[i].header, name) == 0 ||
        g_strcmp0 (ledger_field_display_name (&fields[i]), name) == 0)
      return fields[i].key;
  return NULL;
}

/* the uid of the item of that code, or NULL */
static char *
uid_of_code (LedgerDb   *db,
             LedgerKind  kind,
             const char *code)
{
  g_autoptr (LedgerRecord) probe = ledger_record_new (kind);
  g_autoptr (LedgerRecord) found = NULL;

  ledger_record_set (probe, "code", code);
  found = ledger_store_find_existing (db, probe);
  return found != NULL ? g_strdup (found->uid) : NULL;
}

int
ledger_cli_run_set (const char *db_path,
                    int         argc,
                    char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) uids = NULL;
  GOptionEntry entries[] = { { NULL } };
  const char *key;
  LedgerKind kind;
  guint changed = 0;

  if (!parse_options ("set", "KIND FIELD VALUE CODE…",
                      _("Sets one field to the same value on every item named by its code, in one transaction (a blank VALUE clears the field)."),
                      entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc < 5)
    return usage_error (_("set takes KIND FIELD VALUE and at least one CODE."));
  if (!ledger_kind_from_key (argv[1], &kind))
    return usage_error (_("Unknown kind “%s”. Kinds: villages, facilities, farms, water-bodies, samples, inspections."), argv[1]);
  if ((key = find_field_key (kind, argv[2])) == NULL)
    return usage_error (_("%s have no field “%s”."), ledger_kind_display_name (kind), argv[2]);
  if (!(db = open_ledger (db_path, FALSE)))
    return LEDGER_EXIT_CANNOT_OPEN;
  for (int i = 4; i < argc; i++)
    {
      g_autofree char *uid = uid_of_code (db, kind, argv[i]);
      if (uid == NULL)
        {
          g_printerr (_("%s: no item with the code “%s”; nothing was changed.\n"), ledger_kind_display_name (kind), argv[i]);
          return LEDGER_EXIT_REJECTED;
        }
      g_strv_builder_add (builder, uid);
    }
  uids = g_strv_builder_end (builder);
  if (!ledger_store_set_field (db, kind, (const char *const *) uids, key, argv[3], &changed, &error))
    return exit_for_error (error);
  g_print (ngettext ("Changed %u item.\n", "Changed %u items.\n", changed), changed);
  return LEDGER_EXIT_OK;
}
