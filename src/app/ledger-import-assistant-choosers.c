/* ledger-import-assistant-choosers.c: the assistant's file choosers
 *
 * The spreadsheet to import, and where the rejected rows go: by default
 * "<file>-被拒绝的行.csv" next to the file, for fixing in Excel.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
on_open_chooser_response_cb (GtkNativeDialog       *native,
                             int                    response,
                             LedgerImportAssistant *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && g_file_peek_path (file) != NULL)
    ledger_import_assistant_open_file (self, g_file_peek_path (file));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
ledger_import_assistant_choose_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (_("Import a Spreadsheet"), GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 NULL, NULL);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), new_spreadsheet_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (on_open_chooser_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_save_chooser_response_cb (GtkNativeDialog       *native,
                             int                    response,
                             LedgerImportAssistant *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && g_file_peek_path (file) != NULL)
    ledger_import_assistant_import_valid_to (self, g_file_peek_path (file));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
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
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (_("Save the Rejected Rows"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 NULL, NULL);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *name = rejected_name (self->path);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);

  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (on_save_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
