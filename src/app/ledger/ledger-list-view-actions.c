/* ledger-list-view-actions.c: what the Ledger page does with its rows
 *
 * The empty-search state, Copy (the selected rows as tab-separated text with
 * a header line, which WPS and Excel paste as cells) and Export this view…
 * (the shown rows with the visible columns, to XLSX through core). Both take
 * the columns as the column view shows them: visible ones, in their order.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-export-table.h"
#include "ledger-file-chooser.h"
#include "ledger-list-view-private.h"

/* ---- the visible table ---- */

GPtrArray *
ledger_list_view_visible_columns (LedgerListView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_views[self->kind]);
  GPtrArray *visible = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      GtkColumnViewColumn *column = g_list_model_get_item (columns, i);
      if (gtk_column_view_column_get_visible (column))
        g_ptr_array_add (visible, column);
      else
        g_object_unref (column);
    }
  return visible;
}

static LedgerColumnId
column_id (GtkColumnViewColumn *column)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "ledger-column"));
}

/* a cell of a TSV line: tabs and line breaks would split it */
static void
append_cell (GString    *line,
             const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    g_string_append_c (line, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* the header line and one line per position, in the shown order */
static char *
dup_tsv (LedgerListView *self,
         GArray         *positions)
{
  g_autoptr (GPtrArray) columns = ledger_list_view_visible_columns (self);
  GListModel *model = G_LIST_MODEL (self->lists[self->kind]);
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < columns->len; c++)
    {
      g_string_append (text, c ? "\t" : "");
      append_cell (text, gtk_column_view_column_get_title (g_ptr_array_index (columns, c)));
    }
  g_string_append (text, "\r\n");
  for (guint i = 0; i < positions->len; i++)
    {
      g_autoptr (LedgerItem) item = g_list_model_get_item (model, g_array_index (positions, guint, i));
      for (guint c = 0; item && c < columns->len; c++)
        {
          g_autofree char *cell = ledger_item_dup_text (item, column_id (g_ptr_array_index (columns, c)));
          g_string_append (text, c ? "\t" : "");
          append_cell (text, cell);
        }
      g_string_append (text, "\r\n");
    }
  return g_string_free (text, FALSE);
}

/* ---- the empty-search state ---- */

static const char *
empty_title (LedgerKind kind)
{
  switch (kind)
    {
    case LEDGER_KIND_VILLAGES: return _("No villages match");
    case LEDGER_KIND_FACILITIES: return _("No facilities match");
    case LEDGER_KIND_FARMS: return _("No farms match");
    default: return _("No water bodies match");
    }
}

void
ledger_list_view_update_empty_state (LedgerListView *self)
{
  LedgerItemList *list = self->lists[self->kind];
  gboolean empty = ledger_item_list_get_n_total (list) > 0 && ledger_item_list_get_n_shown (list) == 0;

  if (empty)
    adw_status_page_set_title (self->empty_page, empty_title (self->kind));
  gtk_stack_set_visible_child_name (self->results_stack, empty ? "empty" : "list");
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LedgerListView *self = LEDGER_LIST_VIEW (widget);

  ledger_list_view_reset_filters (self);
  ledger_list_view_set_search (self, NULL);
  /* the window clears its search entry and township choice */
  g_signal_emit_by_name (self, "filters-cleared");
  ledger_list_view_set_township (self, NULL);
}

/* ---- copy ---- */

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LedgerListView *self = LEDGER_LIST_VIEW (widget);
  g_autoptr (GArray) positions = NULL;
  g_autofree char *text = NULL;

  ledger_item_list_publish_all (self->lists[self->kind]);
  positions = ledger_item_list_get_chosen (self->lists[self->kind]);

  if (positions->len == 0)
    return;
  text = dup_tsv (self, positions);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* ---- export this view ---- */

void
ledger_list_view_toast (LedgerListView *self,
                        const char     *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
show_error (LedgerListView *self,
            const char     *heading,
            const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
free_cells (gpointer cells)
{
  g_strfreev (cells);
}

/**
 * ledger_list_view_export_view_to:
 * @path: an .xlsx file
 *
 * Writes the rows the shown list shows, in its order, with its visible
 * columns (their titles as headers) to @path.
 */
gboolean
ledger_list_view_export_view_to (LedgerListView *self,
                                 const char     *path,
                                 GError        **error)
{
  g_autoptr (GPtrArray) columns = ledger_list_view_visible_columns (self);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (free_cells);
  g_autoptr (GStrvBuilder) headers = g_strv_builder_new ();
  g_autofree gboolean *numeric = g_new0 (gboolean, MAX (columns->len, 1));
  g_auto (GStrv) header_cells = NULL;
  GListModel *model = G_LIST_MODEL (self->lists[self->kind]);
  guint n_specs;
  const LedgerColumnSpec *specs = ledger_item_columns (self->kind, &n_specs);
  LedgerExportTable table;

  for (guint c = 0; c < columns->len; c++)
    {
      g_strv_builder_add (headers, gtk_column_view_column_get_title (g_ptr_array_index (columns, c)));
      for (guint s = 0; s < n_specs; s++)
        if (specs[s].id == column_id (g_ptr_array_index (columns, c)))
          numeric[c] = specs[s].numeric;
    }
  ledger_item_list_publish_all (self->lists[self->kind]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LedgerItem) item = g_list_model_get_item (model, i);
      char **cells = g_new0 (char *, columns->len + 1);
      for (guint c = 0; c < columns->len; c++)
        cells[c] = ledger_item_dup_text (item, column_id (g_ptr_array_index (columns, c)));
      g_ptr_array_add (rows, cells);
    }
  header_cells = g_strv_builder_end (headers);
  table = (LedgerExportTable) { (const char *const *) header_cells, numeric, columns->len, rows };
  return ledger_export_table_xlsx (&table, gtk_button_get_label (GTK_BUTTON (self->kind_buttons[self->kind])),
                                   path, error);
}

static void
on_export_chosen_cb (gpointer    owner,
                     const char *path,
                     gpointer    data)
{
  LedgerListView *self = LEDGER_LIST_VIEW (owner);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!ledger_list_view_export_view_to (self, path, &error))
    {
      show_error (self, _("Cannot export this view"), error);
      return;
    }
  name = g_path_get_basename (path);
  title = g_strdup_printf (_("Exported %u rows to “%s”"), ledger_item_list_get_n_shown (self->lists[self->kind]), name);
  ledger_list_view_toast (self, title);
}

static void
export_view_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedgerListView *self = LEDGER_LIST_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GtkFileFilter) filter = ledger_file_filter_new (_("Excel workbook (.xlsx)"), "*.xlsx", NULL);
  g_autofree char *name = g_strdup_printf ("%s.xlsx", gtk_button_get_label (GTK_BUTTON (self->kind_buttons[self->kind])));
  LedgerFileChoice choice = {
    .title = _("Export This View"),
    .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .accept_label = _("_Export"),
    .filter = filter,
    .name = name,
  };

  ledger_choose_file (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self, &choice,
                      on_export_chosen_cb, NULL, NULL);
}

/* ---- enabling ---- */

void
ledger_list_view_update_actions (LedgerListView *self)
{
  g_autoptr (GArray) positions = ledger_item_list_get_chosen (self->lists[self->kind]);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger-list.copy", positions->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger-list.edit-selected",
                                 positions->len > 0 && ledger_list_view_can_batch_edit (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger-list.export-view",
                                 ledger_item_list_get_n_shown (self->lists[self->kind]) > 0);
}

void
ledger_list_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "ledger-list.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "ledger-list.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "ledger-list.export-view", NULL, export_view_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "ledger-list.copy", NULL);
  ledger_list_view_install_batch_action (widget_class);
}
