/* ledger-window-map-export.c: File → Export Map… (PDF or PNG, A4 or A3)
 *
 * A small dialog asks for the paper and the format, a file chooser for the
 * name; the page (ledger-map-print.c) shows the Map page as it is now, with
 * the window's year and filters in words.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-file-chooser.h"
#include "ledger-map-print.h"
#include "ledger-window-map-export.h"
#include "ledger-window-private.h"

typedef struct
{
  LedgerWindow *window;
  AdwComboRow  *paper_row;
  AdwComboRow  *format_row;
  LedgerPaper   paper;
  gboolean      png;
} MapExport;

static void
map_export_free (gpointer  data,
                 GClosure *closure)
{
  MapExport *job = data;

  g_object_unref (job->window);
  g_free (job);
}

static char *
suggested_name (LedgerWindow *self,
                gboolean      png)
{
  g_autofree char *code = ledger_db_dup_region_code (self->db);
  g_autofree char *county = ledger_db_dup_region_name (self->db, code);

  /* Translators: the file name of an exported map: county, year */
  return g_strdup_printf (_("%s map %d.%s"), county ? county : "", ledger_window_get_year (self), png ? "png" : "pdf");
}

static void
on_file_chosen (gpointer    owner,
                const char *path,
                gpointer    data)
{
  MapExport *job = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (!ledger_window_export_map (job->window, path, job->paper, &error))
    ledger_window_show_error (job->window, _("Cannot Export the Map"), error);
  else
    {
      name = g_filename_display_basename (path);
      title = g_strdup_printf (_("Exported to “%s”"), name);
      ledger_window_toast (job->window, title);
    }
}

static void
free_job (gpointer job)
{
  map_export_free (job, NULL);
}

static void
choose_file (MapExport *job)
{
  g_autofree char *name = suggested_name (job->window, job->png);
  g_autoptr (GtkFileFilter) filter = job->png ? ledger_file_filter_new (_("PNG images"), "*.png", NULL)
                                              : ledger_file_filter_new (_("PDF documents"), "*.pdf", NULL);
  LedgerFileChoice choice = {
    .title = _("Export Map"), .action = GTK_FILE_CHOOSER_ACTION_SAVE, .accept_label = _("_Export"),
    .filter = filter, .name = name,
  };

  ledger_choose_file (GTK_WINDOW (job->window), job->window, &choice, on_file_chosen, job, free_job);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       MapExport        *job)
{
  if (!g_str_equal (response, "export"))
    return;
  job->paper = adw_combo_row_get_selected (job->paper_row) == 1 ? LEDGER_PAPER_A3 : LEDGER_PAPER_A4;
  job->png = adw_combo_row_get_selected (job->format_row) == 1;
  /* the page shows the Map page as it is: make sure it is the one drawn */
  adw_view_stack_set_visible_child_name (job->window->view_stack, "map");
  choose_file (g_memdup2 (job, sizeof *job));
  g_object_ref (job->window);
}

static AdwComboRow *
new_combo_row (const char         *title,
               const char * const *items)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr (GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  return row;
}

static void
export_map_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  const char *papers[] = { _("A4 landscape"), _("A3 landscape"), NULL };
  const char *formats[] = { _("PDF (for printing)"), _("PNG image, 150 dpi"), NULL };
  GtkWidget *dialog, *list;
  MapExport *job;

  if (self->db == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Map"),
                                   _("The map as shown now — its view, base map, layers and filters — with a title, "
                                     "legend, scale bar, north arrow, the date and the data sources."));
  job = g_new0 (MapExport, 1);
  job->window = g_object_ref (self);
  job->paper_row = new_combo_row (_("Paper"), papers);
  job->format_row = new_combo_row (_("Format"), formats);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (job->paper_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (job->format_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_dialog_response_cb), job, map_export_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- internal API ---- */

void
ledger_window_class_add_map_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-map", NULL, export_map_activated);
}

/**
 * ledger_window_export_map:
 * @path: a .pdf or .png file
 *
 * The Map page as it is now, with the window's year and filters, on a page
 * of @paper. What the Export Map dialog runs once a file is chosen.
 *
 * Returns: FALSE with @error when the file cannot be written
 */
gboolean
ledger_window_export_map (LedgerWindow  *self,
                          const char    *path,
                          LedgerPaper    paper,
                          GError       **error)
{
  g_autofree char *township = self->township ? ledger_db_dup_region_name (self->db, self->township) : NULL;
  LedgerMapPrintInfo info = { self->db, ledger_window_get_year (self), township, NULL };

  g_return_val_if_fail (LEDGER_IS_WINDOW (self) && self->db != NULL, FALSE);

  info.filter_note = ledger_window_get_holding_back_text (self);
  return ledger_map_print_to_file (self->map_view, &info, paper, path, error);
}
