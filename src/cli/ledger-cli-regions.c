/* ledger-cli-regions.c: the list of townships and villages on the command line (issue 18)
 *
 *   import regions FILE [--dry-run] [--date YYYY-MM-DD]   the county's own list
 *   update-divisions FILE [--dry-run] [--date YYYY-MM-DD] a newer national list
 *   regions                                               the list's source and counts
 *
 * A plan is always printed before anything is written; with --dry-run it is
 * all that happens.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-cli.h"
#include "ledger-cli-private.h"
#include "ledger-error.h"
#include "ledger-region-list.h"
#include "ledger-region-plan.h"

/* ---- auxiliary functions ---- */

static char *
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
print_plan (const LedgerRegionPlan *plan)
{
  g_autofree char *summary = ledger_region_plan_summary (plan);

  for (guint i = 0; i < plan->problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (plan->problems, i));
  for (guint i = 0; i < plan->steps->len; i++)
    {
      g_autofree char *line = ledger_region_step_describe (g_ptr_array_index (plan->steps, i));
      g_print ("%s\n", line);
    }
  g_print ("%s\n", summary);
}

static int
run_plan (const char *db_path,
          const char *file,
          gboolean    dry_run,
          const char *date,
          gboolean    national)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = open_ledger (db_path, dry_run);
  g_autoptr (LedgerRegionPlan) plan = NULL;
  g_autofree char *effective = date ? g_strdup (date) : today ();

  if (db == NULL)
    return LEDGER_EXIT_CANNOT_OPEN;
  plan = national ? ledger_region_plan_from_divisions (db, file, effective, &error)
                  : ledger_region_plan_from_sheet (db, file, effective, &error);
  if (plan == NULL)
    return exit_for_error (error);
  print_plan (plan);
  if (plan->problems->len > 0)
    {
      g_printerr (ngettext ("%u problem: nothing written.\n", "%u problems: nothing written.\n",
                            plan->problems->len), plan->problems->len);
      return LEDGER_EXIT_REJECTED;
    }
  if (dry_run)
    {
      g_print (_("Nothing written (dry run).\n"));
      return LEDGER_EXIT_OK;
    }
  if (!ledger_region_plan_apply (db, plan, &error))
    return exit_for_error (error);
  g_print (ngettext ("Applied %u change.\n", "Applied %u changes.\n", plan->steps->len), plan->steps->len);
  return LEDGER_EXIT_OK;
}

/* ---- private API ---- */

int
ledger_cli_import_regions (const char *db_path,
                           const char *file,
                           gboolean    dry_run,
                           const char *date)
{
  return run_plan (db_path, file, dry_run, date, FALSE);
}

int
ledger_cli_run_update_divisions (const char  *db_path,
                                 int          argc,
                                 char       **argv)
{
  gboolean dry_run = FALSE;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show the differences, write nothing"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the changes take effect (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };

  if (!parse_options ("update-divisions", _("FILE"),
                                 _("Compares a newer national division list with the ledger’s list, shows every difference, and applies them (all or none)."),
                                 entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc != 2)
    return usage_error ("%s", _("update-divisions needs a FILE, e.g. “update-divisions divisions.tsv.gz”."));
  return run_plan (db_path, argv[1], dry_run, date, TRUE);
}

int
ledger_cli_run_regions (const char  *db_path,
                        int          argc,
                        char       **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autoptr (GPtrArray) townships = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autofree char *summary = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!parse_options ("regions", "", _("Prints the list of townships and villages the ledger uses: its source, the administrative villages per township, and the changes made in this ledger."),
                                 entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if ((db = open_ledger (db_path, TRUE)) == NULL)
    return LEDGER_EXIT_CANNOT_OPEN;
  if ((townships = ledger_region_list_townships (db, &error)) == NULL ||
      (changes = ledger_region_list_changes (db, &error)) == NULL)
    return exit_for_error (error);
  summary = ledger_region_list_summary (db, 0);
  g_print ("%s\n", summary);
  for (guint i = 0; i < townships->len; i++)
    {
      const LedgerTownshipCount *t = g_ptr_array_index (townships, i);
      /* Translators: a township, its code, its administrative villages and communities */
      g_print (_("%s\t%s\t%u administrative villages\t%u communities\n"), t->code, t->name, t->n_villages,
               t->n_communities);
    }
  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = ledger_region_change_describe (g_ptr_array_index (changes, i));
      g_print ("%s\n", line);
    }
  return LEDGER_EXIT_OK;
}

void
ledger_cli_print_version (void)
{
  g_autofree char *divisions = ledger_divisions_shipped_description ();

  g_print ("%s %s\n", "sanitation-ledger", PACKAGE_VERSION);
  /* Translators: the list of townships and villages that ships with the program */
  g_print (_("Division list: %s\n"), divisions);
}
