/* ledger-cli.c: the command line of README.md, Command line
 *
 * sanitation-ledger [--db FILE] COMMAND [OPTION…]; --db may also follow the
 * command. Each command parses its own options with a GOptionContext; the
 * exit statuses are those of ledger-cli.h.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-cli.h"
#include "ledger-county-outline.h"
#include "ledger-db.h"
#include "ledger-error.h"
#include "ledger-export.h"
#include "ledger-export-kml.h"
#include "ledger-export-xlsx.h"
#include "ledger-import-template.h"
#include "ledger-import.h"
#include "ledger-progress.h"
#include "ledger-regions.h"
#include "ledger-regions-scope.h"
#include "ledger-store.h"
#include "ledger-cli-private.h"

#define PROGRAM "sanitation-ledger"
#define MAX_WARNINGS 100

typedef int (*CommandFunc) (const char *db_path,
                            int         argc,
                            char      **argv);

typedef struct
{
  const char  *name;
  CommandFunc  run;
  const char  *synopsis;   /* untranslated: options are not translated */
  const char  *summary;    /* translatable */
} Command;

/* ---- auxiliary functions ---- */

int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n", PROGRAM, message);
  g_printerr (_("Try “%s --help” for the commands and their options.\n"), PROGRAM);
  return LEDGER_EXIT_USAGE;
}

static char *
default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sanitation-ledger", "ledger.db", NULL);
}

/* Opens the ledger for a command; prints why not and returns NULL (exit 3). */
LedgerDb *
open_ledger (const char *path,
             gboolean    read_only)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_filename_display_name (path);
  LedgerDb *db;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s: there is no ledger at “%s”. Create one with: %s --db %s init\n"),
                  PROGRAM, name, PROGRAM, name);
      return NULL;
    }
  db = ledger_db_open (path, read_only ? LEDGER_DB_OPEN_READ_ONLY : LEDGER_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_printerr ("%s: %s\n", PROGRAM, error->message);
  return db;
}

/* An error while working on an open ledger: 3 when the ledger is the cause
 * (it cannot be opened or written); 1 for everything about the input. */
int
exit_for_error (const GError *error)
{
  g_printerr ("%s: %s\n", PROGRAM, error->message);
  if (error->domain != LEDGER_ERROR)
    return LEDGER_EXIT_REJECTED;
  switch (error->code)
    {
    case LEDGER_ERROR_CANNOT_OPEN:
    case LEDGER_ERROR_NOT_A_LEDGER:
    case LEDGER_ERROR_TOO_NEW:
    case LEDGER_ERROR_READ_ONLY:
    case LEDGER_ERROR_BUSY:
    case LEDGER_ERROR_DAMAGED:
    case LEDGER_ERROR_CANNOT_WRITE:
      return LEDGER_EXIT_CANNOT_OPEN;
    default:
      return LEDGER_EXIT_REJECTED;
    }
}

/* Parses a command's options; on an error prints it and returns FALSE. */
gboolean
parse_options (const char   *command,
               const char   *parameters,
               const char   *summary,
               GOptionEntry *entries,
               int          *argc,
               char       ***argv)
{
  g_autofree char *parameter_string = g_strdup_printf ("%s%s%s", command, *parameters ? " " : "", parameters);
  g_autoptr (GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      usage_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_year (int year)
{
  if (year != 0 && (year < 1949 || year > 2100))
    {
      usage_error (_("--year must be a year between 1949 and 2100, not %d."), year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_kind (const char *key,
            LedgerKind *kind)
{
  if (ledger_kind_from_key (key, kind))
    return TRUE;
  usage_error (_("Unknown kind “%s”. Kinds: villages, facilities, farms, water-bodies, samples, inspections."),
               key);
  return FALSE;
}

static gboolean
check_township (LedgerDb   *db,
                const char *township)
{
  g_autofree char *name = NULL;

  if (township == NULL)
    return TRUE;
  if (strlen (township) == 9 && strspn (township, "0123456789") == 9)
    name = ledger_db_dup_region_name (db, township);
  if (name == NULL)
    {
      usage_error (_("There is no township with the code “%s” in this ledger (--township takes a 9-digit code)."),
                   township);
      return FALSE;
    }
  return TRUE;
}

/* ---- init, set-outline ---- */

static gboolean
parse_datum (const char  *key,
             LedgerDatum *datum)
{
  if (key == NULL)
    {
      *datum = LEDGER_DATUM_WGS84;
      return TRUE;
    }
  if (ledger_datum_from_key (key, datum))
    return TRUE;
  usage_error (_("--datum takes wgs84, gcj02 or bd09, not “%s”."), key);
  return FALSE;
}

typedef struct
{
  const char  *path;
  const char  *geojson;   /* read once, before the ledger is made */
} OutlineFill;

static gboolean
store_outline (LedgerDb  *db,
               gpointer   user_data,
               GError   **error)
{
  const OutlineFill *outline = user_data;

  return ledger_county_outline_import_text (db, outline->geojson, outline->path, FALSE, error);
}

/* A new ledger with the outline, or none at all: the outline is read before
 * the ledger is made, and stored before the new file is put in place. */
static int
create_ledger (const char  *db_path,
               const char  *region,
               gboolean     demo,
               const char  *outline,
               LedgerDatum  datum)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autofree char *geojson = NULL;
  OutlineFill fill = { outline, NULL };

  if (outline != NULL && (geojson = ledger_county_outline_read_file (outline, datum, &error)) == NULL)
    return exit_for_error (error);
  fill.geojson = geojson;
  db = ledger_ledger_create_full (db_path, region, demo, outline ? store_outline : NULL, &fill, &error);
  if (db == NULL)
    return exit_for_error (error);
  return LEDGER_EXIT_OK;
}

static int
run_init (const char *db_path,
          int         argc,
          char      **argv)
{
  g_autofree char *region = NULL;
  g_autofree char *outline = NULL;
  g_autofree char *datum_key = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = g_filename_display_name (db_path);
  gboolean demo = FALSE;
  LedgerDatum datum;
  int status;
  GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("The county: its 6-digit code (default 512022, Lezhi); a province’s 2-digit code (51) or “all” for the nation"), N_("CODE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Add the demo inventory (flagged as demo)"), NULL },
    { "outline", 0, 0, G_OPTION_ARG_FILENAME, &outline, N_("The county’s outline, a GeoJSON Polygon or MultiPolygon"), N_("FILE") },
    { "datum", 0, 0, G_OPTION_ARG_STRING, &datum_key, N_("Coordinates of the outline: wgs84 (default), gcj02 (Gaode, Tencent) or bd09 (Baidu)"), N_("DATUM") },
    { NULL }
  };

  if (!parse_options ("init", "", _("Creates a ledger for a county, with its townships and village-level units."),
                      entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc > 1)
    return usage_error (_("init takes no arguments besides its options: “%s”."), argv[1]);
  if (region != NULL && !ledger_regions_is_scope (region) &&
      (strlen (region) != 6 || strspn (region, "0123456789") != 6))
    return usage_error (_("--region takes a county’s 6-digit code, a province’s 2-digit code or “all”, not “%s”."), region);
  if (!parse_datum (datum_key, &datum))
    return LEDGER_EXIT_USAGE;
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s: “%s” already exists: init creates a new ledger and never overwrites one.\n"),
                  PROGRAM, name);
      return LEDGER_EXIT_REJECTED;
    }
  dir = g_path_get_dirname (db_path);
  g_mkdir_with_parents (dir, 0755);
  status = create_ledger (db_path, region ? region : LEDGER_DEFAULT_REGION, demo, outline, datum);
  if (status == LEDGER_EXIT_OK)
    g_print (_("Created the ledger %s.\n"), name);
  return status;
}

static int
run_set_outline (const char *db_path,
                 int         argc,
                 char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autofree char *datum_key = NULL;
  gboolean force = FALSE, clear = FALSE;
  LedgerDatum datum;
  GOptionEntry entries[] = {
    { "datum", 0, 0, G_OPTION_ARG_STRING, &datum_key, N_("Coordinates of the outline: wgs84 (default), gcj02 (Gaode, Tencent) or bd09 (Baidu)"), N_("DATUM") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Store it even when most township seats lie outside it"), NULL },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear, N_("Remove the ledger’s own outline (back to the one that ships, if any)"), NULL },
    { NULL }
  };

  if (!parse_options ("set-outline", "FILE.geojson", _("Stores the county’s outline in the ledger; the map draws it and locations are checked against it."),
                      entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (!parse_datum (datum_key, &datum))
    return LEDGER_EXIT_USAGE;
  if (clear ? argc != 1 : argc != 2)
    return usage_error (clear ? _("set-outline --clear takes no file.")
                              : _("set-outline takes one GeoJSON file."));
  if (!(db = open_ledger (db_path, FALSE)))
    return LEDGER_EXIT_CANNOT_OPEN;
  if (clear ? !ledger_county_outline_store (db, NULL, &error)
            : !ledger_county_outline_import (db, argv[1], datum, force, &error))
    return exit_for_error (error);
  g_print (clear ? _("Removed the ledger’s own outline.\n") : _("Stored the county outline.\n"));
  return LEDGER_EXIT_OK;
}

/* ---- import ---- */

/* "FILE: read sheet “养殖场” (2 of 2), header rows 3–4; year 2025 from the title (line 1)" */
static void
print_layout (const LedgerImportReport *report)
{
  g_autofree char *described = NULL;
  const LedgerTableLayout *layout = report->layout;

  if (layout == NULL || layout->n_columns == 0)
    return;
  described = ledger_table_layout_describe (layout, NULL);
  g_print (_("%s: read %s.\n"), report->file_name, described);
}

/* Rows that are not items, one line per run of the same kind:
 * "FILE:31: skipped: total row (合计/小计): 合计" */
static void
print_skipped (const LedgerImportReport *report)
{
  for (guint i = 0; i < report->skipped->len; i++)
    {
      const LedgerImportSkipped *first = g_ptr_array_index (report->skipped, i);
      const LedgerImportSkipped *last = first;

      while (i + 1 < report->skipped->len &&
             ((LedgerImportSkipped *) g_ptr_array_index (report->skipped, i + 1))->row_class == first->row_class &&
             ((LedgerImportSkipped *) g_ptr_array_index (report->skipped, i + 1))->line == last->line + 1 &&
             (first->row_class == LEDGER_ROW_BLANK || first->row_class == LEDGER_ROW_FOOTER))
        last = g_ptr_array_index (report->skipped, ++i);
      if (last != first)
        g_print (_("%s:%u–%u: skipped: %s\n"), report->file_name, first->line, last->line,
                 ledger_row_class_describe (first->row_class));
      else if (first->text != NULL)
        g_print (_("%s:%u: skipped: %s: %s\n"), report->file_name, first->line,
                 ledger_row_class_describe (first->row_class), first->text);
      else
        g_print (_("%s:%u: skipped: %s\n"), report->file_name, first->line,
                 ledger_row_class_describe (first->row_class));
    }
}

/* A problem that is no warning (a missing column, no header) rejects the
 * file even when no row was: an error printed is never exit 0. */
static gboolean
has_errors (const LedgerImportReport *report)
{
  for (guint i = 0; i < report->problems->len; i++)
    if (!((const LedgerProblem *) g_ptr_array_index (report->problems, i))->warning)
      return TRUE;
  return FALSE;
}

static void
print_import_report (const LedgerImportReport *report,
                     const LedgerImportOptions *options,
                     const char                *db_name)
{
  guint n_warnings = 0;

  print_layout (report);
  print_skipped (report);
  /* every error; warnings (say, points outside the county) up to a screenful */
  for (guint i = 0; i < report->problems->len; i++)
    {
      const LedgerProblem *problem = g_ptr_array_index (report->problems, i);
      g_autofree char *line = NULL;

      if (problem->warning && ++n_warnings > MAX_WARNINGS)
        continue;
      line = ledger_import_format_problem (report, problem);
      g_printerr ("%s\n", line);
    }
  if (n_warnings > MAX_WARNINGS)
    g_printerr (ngettext ("(%u more warning not shown)\n", "(%u more warnings not shown)\n",
                          n_warnings - MAX_WARNINGS), n_warnings - MAX_WARNINGS);
  if (options->dry_run)
    g_print (ngettext ("Checked %u row: nothing written (dry run).\n",
                       "Checked %u rows: nothing written (dry run).\n", report->n_rows), report->n_rows);
  else if (report->n_written > 0 || (report->n_rejected == 0 && !has_errors (report)))
    g_print (ngettext ("Imported %u row into %s.\n", "Imported %u rows into %s.\n", report->n_written),
             report->n_written, db_name);
  if (report->n_new + report->n_updated + report->n_unchanged > 0)
    g_print (_("New: %u, updated: %u, unchanged: %u.\n"), report->n_new, report->n_updated, report->n_unchanged);
  if (report->n_outside_county > 0)
    g_print (ngettext ("%u row lies outside the county outline (see the warnings).\n",
                       "%u rows lie outside the county outline (see the warnings).\n", report->n_outside_county),
             report->n_outside_county);
  if (report->n_rejected == 0)
    return;
  if (report->n_written == 0 && !options->dry_run)
    g_printerr (ngettext ("%u row rejected: nothing written.\n", "%u rows rejected: nothing written.\n",
                          report->n_rejected), report->n_rejected);
  else
    g_printerr (ngettext ("%u row rejected.\n", "%u rows rejected.\n", report->n_rejected), report->n_rejected);
}

static int
run_import (const char *db_path,
            int         argc,
            char      **argv)
{
  LedgerImportOptions options = { 0 };
  g_autofree char *crs = NULL;
  g_autofree char *sheet = NULL;
  int year = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autoptr (LedgerImportReport) report = NULL;
  g_autofree char *db_name = g_filename_display_name (db_path);
  g_autofree char *date = NULL;
  LedgerKind kind;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &options.dry_run, N_("Check everything, write nothing"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("regions: the day the changes take effect (default: today)"), "YYYY-MM-DD" },
    { "valid-only", 0, 0, G_OPTION_ARG_NONE, &options.valid_only, N_("Write the valid rows, report the rejected ones"), NULL },
    { "crs", 0, 0, G_OPTION_ARG_STRING, &crs,
      N_("Coordinate system of the file: wgs84 (GPS, Tianditu; the default), gcj02 (Gaode, Tencent) or bd09 (Baidu)"),
      "wgs84|gcj02|bd09" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year,
      N_("The year of the farms’ figures when the file has no 统计年度 column (default: a year in the title lines or the file name)"),
      "YYYY" },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet,
      N_("The sheet of a workbook to read, by name or number (default: the one whose header fits the kind best)"),
      "NAME|N" },
    { NULL }
  };

  if (!parse_options ("import", _("KIND FILE"),
                      _("Imports a spreadsheet (CSV, XLSX, XLS, ODS or GeoJSON): all rows or none."), entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc != 3)
    return usage_error (_("import needs a KIND and a FILE, e.g. “import farms farms.csv”."));
  if (crs != NULL && !ledger_datum_from_key (crs, &options.crs))
    return usage_error (_("Unknown coordinate system “%s”: use wgs84, gcj02 or bd09."), crs);
  if (year != 0 && (year < 1949 || year > 2100))
    return usage_error (_("--year %d is not a year between 1949 and 2100."), year);
  options.year = year;
  options.sheet = sheet;
  /* the county's own list of townships and villages (issue 18) */
  if (g_strcmp0 (argv[1], "regions") == 0)
    return ledger_cli_import_regions (db_path, argv[2], options.dry_run, date);
  if (!parse_kind (argv[1], &kind))
    return LEDGER_EXIT_USAGE;
  if (!(db = open_ledger (db_path, options.dry_run)))
    return LEDGER_EXIT_CANNOT_OPEN;
  report = ledger_import_file (db, kind, argv[2], &options, &error);
  if (report == NULL)
    return exit_for_error (error);
  print_import_report (report, &options, db_name);
  if ((report->n_rejected > 0 || has_errors (report)) && (report->n_written == 0 || options.dry_run))
    return LEDGER_EXIT_REJECTED;
  return LEDGER_EXIT_OK;
}

/* ---- export ---- */

typedef struct
{
  char     *output;
  char     *kind_key;
  char     *township;
  char     *header;
  int       year;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->output);
  g_free (args->kind_key);
  g_free (args->township);
  g_free (args->header);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArgs, export_args_clear)

static gboolean
is_kml_file (const char *output)
{
  return g_str_has_suffix (output, ".kml") || g_str_has_suffix (output, ".kmz");
}

static gboolean
write_export (LedgerDb         *db,
              const ExportArgs *args,
              gboolean          has_kind,
              LedgerKind        kind,
              GError          **error)
{
  LedgerHeaderStyle style = g_strcmp0 (args->header, "keys") == 0 ? LEDGER_HEADER_KEYS : LEDGER_HEADER_ZH;

  if (g_str_has_suffix (args->output, ".xlsx"))
    return ledger_export_xlsx (db, args->output, args->year > 0 ? args->year : ledger_current_year (),
                               args->township, NULL, NULL, NULL, error);
  if (g_str_has_suffix (args->output, ".geojson") || g_str_has_suffix (args->output, ".json"))
    return ledger_export_geojson (db, has_kind ? kind : LEDGER_EXPORT_ALL_KINDS, args->output,
                                  args->year, args->township, error);
  if (is_kml_file (args->output))
    return ledger_export_kml (db, has_kind ? kind : LEDGER_EXPORT_ALL_KINDS, args->output,
                              args->year, args->township, error);
  return ledger_export_csv (db, kind, args->output, style, args->year, args->township, error);
}

/* Checks the combination of options before the ledger is opened. */
static int
check_export_args (const ExportArgs *args,
                   gboolean         *has_kind,
                   LedgerKind       *kind)
{
  gboolean csv = args->output && g_str_has_suffix (args->output, ".csv");
  gboolean xlsx = args->output && g_str_has_suffix (args->output, ".xlsx");

  if (args->output == NULL)
    return usage_error (_("export needs --output FILE.xlsx, FILE.csv, FILE.geojson or FILE.kml."));
  if (!csv && !xlsx && !g_str_has_suffix (args->output, ".geojson") && !g_str_has_suffix (args->output, ".json")
      && !is_kml_file (args->output))
    return usage_error (_("--output must end in .xlsx, .csv, .geojson, .kml or .kmz, not “%s”."), args->output);
  if (xlsx && args->kind_key != NULL)
    return usage_error (_("A workbook holds every kind, one sheet each: leave out --kind."));
  if (args->header && g_strcmp0 (args->header, "zh") != 0 && g_strcmp0 (args->header, "keys") != 0)
    return usage_error (_("--header takes zh or keys, not “%s”."), args->header);
  if (!check_year (args->year))
    return LEDGER_EXIT_USAGE;
  *has_kind = args->kind_key != NULL;
  if (*has_kind && !parse_kind (args->kind_key, kind))
    return LEDGER_EXIT_USAGE;
  if (csv && !*has_kind)
    return usage_error (_("A CSV file holds one kind: add --kind KIND."));
  if (!csv && !xlsx && *has_kind && ledger_kind_field_index (*kind, "lon") < 0)
    return usage_error (_("%s have no coordinates: export them to CSV."), ledger_kind_display_name (*kind));
  return LEDGER_EXIT_OK;
}

static int
run_export (const char *db_path,
            int         argc,
            char      **argv)
{
  g_auto (ExportArgs) args = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  LedgerKind kind = LEDGER_KIND_VILLAGES;
  gboolean has_kind = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("The file to write: .xlsx (a workbook of every kind), .csv, .geojson, or .kml/.kmz (Google Earth, 奥维, 两步路)"), N_("FILE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &args.kind_key, N_("What to export (required for CSV; GeoJSON and KML without it: every kind with points)"), N_("KIND") },
    { "township", 0, 0, G_OPTION_ARG_STRING, &args.township, N_("Only this township (9-digit code)"), N_("CODE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &args.year, N_("CSV: farms' figures and samples, inspections of this year only; XLSX: the figures as of this year (default: the current year)"), N_("YYYY") },
    { "header", 0, 0, G_OPTION_ARG_STRING, &args.header, N_("CSV headers: zh (Chinese, the default) or keys (English keys)"), N_("zh|keys") },
    { NULL }
  };

  if (!parse_options ("export", "", _("Exports the ledger to an XLSX workbook (progress and every kind), CSV (one kind) or GeoJSON (points)."),
                      entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc > 1)
    return usage_error (_("export takes no arguments besides its options: “%s”."), argv[1]);
  if ((status = check_export_args (&args, &has_kind, &kind)) != LEDGER_EXIT_OK)
    return status;
  if (ledger_db_path_is_ledger_file (db_path, args.output))
    return usage_error (_("--output “%s” is the ledger itself: choose another file name."), args.output);
  if (!(db = open_ledger (db_path, TRUE)))
    return LEDGER_EXIT_CANNOT_OPEN;
  if (!check_township (db, args.township))
    return LEDGER_EXIT_USAGE;
  if (!write_export (db, &args, has_kind, kind, &error))
    return exit_for_error (error);
  return LEDGER_EXIT_OK;
}

/* ---- progress ---- */

static int
run_progress (const char *db_path,
              int         argc,
              char      **argv)
{
  g_autofree char *township = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autoptr (LedgerProgress) progress = NULL;
  gboolean json = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year (default: this year)"), N_("YYYY") },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("Only this township (9-digit code)"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };

  if (!parse_options ("progress", "", _("Shows progress against the targets, for the county and every township."),
                      entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc > 1)
    return usage_error (_("progress takes no arguments besides its options: “%s”."), argv[1]);
  if (!check_year (year))
    return LEDGER_EXIT_USAGE;
  if (!(db = open_ledger (db_path, TRUE)))
    return LEDGER_EXIT_CANNOT_OPEN;
  if (!check_township (db, township))
    return LEDGER_EXIT_USAGE;
  progress = ledger_progress_compute (db, year ? year : ledger_current_year (), township, &error);
  if (progress == NULL)
    return exit_for_error (error);
  text = json ? ledger_progress_to_json (progress) : ledger_progress_to_table (progress);
  g_print ("%s%s", text, g_str_has_suffix (text, "\n") ? "" : "\n");
  return LEDGER_EXIT_OK;
}

/* ---- remove-demo ---- */

static int
run_remove_demo (const char *db_path,
                 int         argc,
                 char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  GOptionEntry entries[] = { { NULL } };
  guint n_removed = 0;

  if (!parse_options ("remove-demo", "", _("Removes every record flagged as demo data; real records stay."),
                      entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc > 1)
    return usage_error (_("remove-demo takes no arguments: “%s”."), argv[1]);
  if (!(db = open_ledger (db_path, FALSE)))
    return LEDGER_EXIT_CANNOT_OPEN;
  if (!ledger_store_remove_demo (db, &n_removed, &error))
    return exit_for_error (error);
  g_print (ngettext ("Removed %u demo record.\n", "Removed %u demo records.\n", n_removed), n_removed);
  return LEDGER_EXIT_OK;
}

/* ---- template ---- */

static int
run_template (const char *db_path,
              int         argc,
              char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write (.xlsx)"), N_("FILE") },
    { NULL }
  };
  LedgerKind kind;

  if (!parse_options ("template", "KIND", _("Writes an empty workbook to fill in and import: the kind’s columns with drop-down lists, and a 填报说明 sheet with an example row."),
                      entries, &argc, &argv))
    return LEDGER_EXIT_USAGE;
  if (argc != 2)
    return usage_error (_("template takes one KIND."));
  if (!parse_kind (argv[1], &kind))
    return LEDGER_EXIT_USAGE;
  if (output == NULL || !g_str_has_suffix (output, ".xlsx"))
    return usage_error (_("template needs --output FILE.xlsx."));
  /* the ledger, when there is one, gives the example a village of its county */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS) && !(db = open_ledger (db_path, TRUE)))
    return LEDGER_EXIT_CANNOT_OPEN;
  if (!ledger_import_template_write (db, kind, output, &error))
    return exit_for_error (error);
  g_print (_("Wrote the import template %s.\n"), output);
  return LEDGER_EXIT_OK;
}

/* ---- the command table and the global options ---- */

static const Command commands[] = {
  { "init", run_init, "init [--region CODE] [--demo] [--outline FILE.geojson [--datum wgs84|gcj02|bd09]]",
    N_("create a ledger for a county (6-digit code, default 512022 = Lezhi) with its townships and village-level units; --demo adds the demo inventory; --outline stores the county’s outline (Lezhi’s ships with the program)") },
  { "set-outline", run_set_outline, "set-outline FILE.geojson [--datum wgs84|gcj02|bd09] [--force] | --clear",
    N_("store the county’s outline (a GeoJSON Polygon or MultiPolygon) in the ledger; refused when most township seats lie outside it, unless --force") },
  { "import", run_import, "import KIND FILE [--dry-run] [--valid-only] [--crs wgs84|gcj02|bd09] [--year YYYY] [--sheet NAME|N]",
    N_("import a CSV (UTF-8 with or without BOM, or GB18030/GBK as Excel and WPS save it), XLSX (the sheet whose header fits the kind, or --sheet) or GeoJSON file; the header row(s) are found by their names, title, 合计 and footer rows are skipped; villages may be given by township and name; coordinates are converted from --crs to WGS-84; a row whose code exists updates that item; all rows or none, unless --valid-only") },
  { "export", run_export, "export --output FILE.xlsx|FILE.csv|FILE.geojson|FILE.kml|FILE.kmz [--kind KIND] [--township CODE] [--year YYYY] [--header zh|keys]",
    N_("export the progress workbook to XLSX (a summary sheet and one sheet per kind), one kind to CSV (--kind required), or points to GeoJSON (without --kind: every kind with coordinates in one collection)") },
  { "progress", run_progress, "progress [--year YYYY] [--township CODE] [--json]",
    N_("progress against the targets for the county and every township, as a table or as JSON") },
  { "remove-demo", run_remove_demo, "remove-demo",
    N_("remove every record flagged as demo data") },
  { "set", ledger_cli_run_set, "set KIND FIELD VALUE CODE…",
    N_("set one field (key or Chinese header: operator or 运维单位, status or 运行状态) to the same value on the items of these codes, in one audited transaction; a refused value changes nothing") },
  LEDGER_CLI_EXCHANGE_COMMANDS
  { "regions", ledger_cli_run_regions, "regions",
    N_("the list of townships and villages the ledger uses: its source, administrative villages per township, and the changes made to it (import regions FILE changes it from the county’s own sheet)") },
  { "update-divisions", ledger_cli_run_update_divisions, "update-divisions FILE [--dry-run] [--date YYYY-MM-DD]",
    N_("compare a newer national division list (code and name per line, as data/divisions.tsv.gz) with the ledger’s list, print every difference, and apply them unless --dry-run") },
  { "inspections", ledger_cli_run_inspections, "inspections [--filter all|not-inspected|deadline-passed] [--township CODE] [--today YYYY-MM-DD]",
    N_("inspections and samples of the county, newest first, or what is overdue: facilities in operation not inspected this month (本地口径), inspections past their rectification deadline and not rectified; one tab-separated line each") },
  { "template", run_template, "template KIND --output FILE.xlsx",
    N_("write the import template of a kind: its columns with drop-down lists, and a 填报说明 sheet") },
};

static void
print_help (void)
{
  g_autofree char *db = default_db_path ();

  g_print (_("Usage:\n"));
  g_print ("  %s [--db FILE]                    %s\n", PROGRAM, _("open the window"));
  g_print ("  %s [--db FILE] COMMAND [OPTION…]\n\n", PROGRAM);
  g_print (_("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %s\n      %s\n", commands[i].synopsis, _(commands[i].summary));
  g_print ("\n%s\n", _("KIND: villages | facilities | farms | water-bodies | samples | inspections"));
  g_print ("%s\n", _("      regions (the county’s own list: 乡镇, 名称, optional 代码, 类型, 合并自, 生效日期; --date YYYY-MM-DD)"));
  g_print ("\n%s\n", _("Options:"));
  g_print ("  --db FILE      %s\n", _("the ledger file (may come before or after the command)"));
  g_print ("                 %s %s\n", _("default:"), db);
  g_print ("  --version      %s\n", _("print the version"));
  g_print ("  -h, --help     %s\n", _("print this help; COMMAND --help prints a command’s options"));
  g_print ("\n%s\n", _("Exit status: 0 success; 1 the input was rejected (nothing written; every problem printed as FILE:LINE:COLUMN: message), including an input file that is missing, unreadable, not a regular file, empty or too large, or init found an existing file; 2 usage error; 3 the ledger cannot be opened or written (missing, not a ledger, damaged, locked, read-only, disk full, or newer than this program)."));
  g_print ("\n%s\n", _("Examples:"));
  g_print ("  %s --db lezhi.db init --region 512022 --demo\n", PROGRAM);
  g_print ("  %s --db dongcheng.db init --region 110101 --outline 东城区.geojson\n", PROGRAM);
  g_print ("  %s --db lezhi.db import farms 养殖场台账.csv --dry-run\n", PROGRAM);
  g_print ("  %s --db lezhi.db export --year 2025 --output 台账-2025.xlsx\n", PROGRAM);
  g_print ("  %s --db lezhi.db export --kind farms --year 2020 --output farms-2020.csv\n", PROGRAM);
  g_print ("  %s --db lezhi.db export --output points.geojson\n", PROGRAM);
  g_print ("  %s --db lezhi.db progress --year 2020 --json\n", PROGRAM);
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* --db FILE or --db=FILE at @i; returns how many arguments it took (0: not --db). */
static int
match_db_option (int          argc,
                 char       **argv,
                 int          i,
                 const char **path)
{
  if (g_str_has_prefix (argv[i], "--db="))
    {
      *path = argv[i] + strlen ("--db=");
      return 1;
    }
  if (g_strcmp0 (argv[i], "--db") != 0)
    return 0;
  *path = i + 1 < argc ? argv[i + 1] : NULL;
  return 2;
}

/* ---- public API ---- */

/**
 * ledger_cli_wants_cli:
 *
 * Returns: TRUE when the arguments hold anything but --db FILE: a command,
 *   --version or --help (or a mistake, which the command line reports).
 */
gboolean
ledger_cli_wants_cli (int    argc,
                      char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *path = NULL;
      int taken = match_db_option (argc, argv, i, &path);

      if (taken == 0 || path == NULL || *path == '\0')
        return TRUE;
      i += taken - 1;
    }
  return FALSE;
}

/* Splits argv into the ledger path and the command's own arguments. */
static int
split_arguments (int          argc,
                 char       **argv,
                 const char **db_path,
                 GPtrArray   *rest)
{
  gboolean seen_command = FALSE;

  for (int i = 1; i < argc; i++)
    {
      int taken = g_strcmp0 (argv[i], "--") == 0 ? 0 : match_db_option (argc, argv, i, db_path);

      if (taken > 0 && (*db_path == NULL || **db_path == '\0'))
        return usage_error (_("--db needs a file name."));
      if (taken > 0)
        {
          i += taken - 1;
          continue;
        }
      if (!seen_command && argv[i][0] == '-' && rest->len == 0)
        {
          if (g_strcmp0 (argv[i], "--version") == 0 || g_strcmp0 (argv[i], "--help") == 0 ||
              g_strcmp0 (argv[i], "-h") == 0 || g_strcmp0 (argv[i], "-?") == 0)
            {
              g_ptr_array_add (rest, argv[i]);
              return LEDGER_EXIT_OK;
            }
          return usage_error (_("Unknown option “%s” before the command."), argv[i]);
        }
      seen_command = TRUE;
      g_ptr_array_add (rest, argv[i]);
    }
  return LEDGER_EXIT_OK;
}

int
ledger_cli_run (int    argc,
                char **argv)
{
  g_autoptr (GPtrArray) rest = g_ptr_array_new ();
  g_autofree char *default_path = default_db_path ();
  const char *db_path = NULL;
  const Command *command;
  int status;

  g_set_prgname (PROGRAM);
  if ((status = split_arguments (argc, argv, &db_path, rest)) != LEDGER_EXIT_OK)
    return status;
  if (rest->len == 0)
    return usage_error (_("No command given."));
  if (g_strcmp0 (rest->pdata[0], "--version") == 0)
    {
      ledger_cli_print_version ();
      return LEDGER_EXIT_OK;
    }
  if (((char *) rest->pdata[0])[0] == '-' || g_strcmp0 (rest->pdata[0], "help") == 0)
    {
      print_help ();
      return LEDGER_EXIT_OK;
    }
  if (!(command = find_command (rest->pdata[0])))
    return usage_error (_("Unknown command “%s”. Commands: init, import, export, progress, remove-demo, share, send, receive, conflicts, sync, regions, update-divisions."),
                        (char *) rest->pdata[0]);
  g_ptr_array_add (rest, NULL);
  return command->run (db_path ? db_path : default_path, rest->len - 1, (char **) rest->pdata);
}
