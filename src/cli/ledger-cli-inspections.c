/* ledger-cli-inspections.c: `inspections` — the Inspections and Samples page on the command line
 *
 * One tab-separated line per inspection or sample (or per facility not
 * inspected this month), the same rows and rules as the window's page
 * (ledger-inspections.c), so a script or a spreadsheet can take them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-cli-private.h"
#include "ledger-cli.h"
#include "ledger-error.h"
#include "ledger-inspections.h"
#include "ledger-values.h"

static gboolean
parse_filter (const char               *key,
              LedgerObservationsFilter *filter)
{
  static const char *const keys[] = { "all", "not-inspected", "deadline-passed" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_strcmp0 (key, keys[i]) == 0)
      {
        *filter = (LedgerObservationsFilter) i;
        return TRUE;
      }
  return FALSE;
}

static const char *
row_type (const LedgerObservationRow *row)
{
  if (row->kind == LEDGER_KIND_SAMPLES)
    return _("Sample");
  return row->kind == LEDGER_KIND_INSPECTIONS ? _("Inspection") : _("Not inspected");
}

static const char *
or_blank (const char *text)
{
  return text ? text : "";
}

static void
print_row (const LedgerObservationRow *row)
{
  const char *result = row->result ? ledger_enum_display (ledger_enum_by_name ("inspection_result"), row->result) : "";
  const char *follow_up = row->follow_up ? ledger_enum_display (ledger_enum_by_name ("follow_up"), row->follow_up) : "";

  g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%u\n", row_type (row), or_blank (row->subject_code),
           or_blank (row->subject_name), or_blank (row->township), or_blank (row->village), or_blank (row->date),
           result, or_blank (row->deadline), follow_up, row->deadline_passed ? _("overdue") : "", row->n_photos);
}

int
ledger_cli_run_inspections (const char  *db_path,
                            int          argc,
                            char       **argv)
{
  g_autofree char *filter_key = NULL;
  g_autofree char *township = NULL;
  g_autofree char *today = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  LedgerObservationsFilter filter = LEDGER_OBSERVATIONS_ALL;
  GOptionEntry entries[] = {
    { "filter", 0, 0, G_OPTION_ARG_STRING, &filter_key,
      N_("all (default); not-inspected: facilities in operation without an inspection this month; deadline-passed: inspections past their rectification deadline, not rectified"),
      "all|not-inspected|deadline-passed" },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("Only this township (9-digit code)"), N_("CODE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The day “this month” and “passed” count from (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };

  if (!parse_options ("inspections", "", _("Lists inspections and samples, or what is overdue, one tab-separated line each."),
                      entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc > 1)
    return usage_error (_("inspections takes no arguments besides its options: “%s”."), argv[1]);
  if (filter_key != NULL && !parse_filter (filter_key, &filter))
    return usage_error (_("Unknown filter “%s”: use all, not-inspected or deadline-passed."), filter_key);
  if (township != NULL && (strlen (township) != 9 || strspn (township, "0123456789") != 9))
    return usage_error (_("--township takes a 9-digit township code, not “%s”."), township);
  if ((db = open_ledger (db_path, TRUE)) == NULL)
    return LEDGER_EXIT_CANNOT_OPEN;
  if ((rows = ledger_observations_load (db, filter, township, today, &error)) == NULL)
    return error->code == LEDGER_ERROR_INVALID ? usage_error ("%s", error->message) : exit_for_error (error);
  /* Translators: the header of `inspections`, tab-separated as the rows */
  g_print ("%s\n", _("Type\tCode\tItem\tTownship\tVillage\tDate\tResult\tRectification deadline\tFollow-up\tOverdue\tPhotos"));
  for (guint i = 0; i < rows->len; i++)
    print_row (g_ptr_array_index (rows, i));
  return LEDGER_EXIT_OK;
}
