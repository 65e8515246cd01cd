/* ledger-import-assistant-choosers.c: the assistant's file choosers
 *
 * The spreadsheet to import, and where the rejected rows go: by default
 * "<file>-被拒绝的行.csv" next to the file, for fixing in Excel.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-file-chooser.h"
#include "ledger-import-assistant-private.h"

static GtkFileFilter *
new_spreadsheet_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  const char *suffixes[] = { "csv", "txt", "xlsx", "xls", "ods", "geojson", "json" };

  gtk_file_filter_set_name (filter, _("Spreadsheets and GeoJSON (CSV, XLSX, XLS, ODS, GeoJSON)"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  return filter;
}

static void
on_open_chosen (gpointer    owner,
                const char *path,
                gpointer    data)
{
  ledger_import_assistant_open_file (LEDGER_IMPORT_ASSISTANT (owner), path);
}

void
ledger_import_assistant_choose_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr (GtkFileFilter) filter = new_spreadsheet_filter ();
  LedgerFileChoice choice = { .title = _("Import a Spreadsheet"), .action = GTK_FILE_CHOOSER_ACTION_OPEN, .filter = filter };

  ledger_choose_file (GTK_WINDOW (widget), widget, &choice, on_open_chosen, NULL, NULL);
}

static void
on_save_chosen (gpointer    owner,
                const char *path,
                gpointer    data)
{
  ledger_import_assistant_import_valid_to (LEDGER_IMPORT_ASSISTANT (owner), path);
}

/* "<file>-被拒绝的行.csv" next to the file */
static char *
rejected_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strdup_printf (_("%s-rejected-rows.csv"), base);
}

void
ledger_import_assistant_import_valid_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LedgerImportAssistant *self = LEDGER_IMPORT_ASSISTANT (widget);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *name = rejected_name (self->path);
  LedgerFileChoice choice = {
    .title = _("Save the Rejected Rows"), .action = GTK_FILE_CHOOSER_ACTION_SAVE, .folder = dir, .name = name,
  };

  ledger_choose_file (GTK_WINDOW (self), self, &choice, on_save_chosen, NULL, NULL);
}
