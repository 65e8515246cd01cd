/* ledger-import-assistant-layout.c: the sheet, the header rows and the year
 *
 * Core finds where the header and the data are (ledger-table-layout.h); the
 * assistant shows it and lets the officer change it: another sheet of the
 * workbook, the header rows by hand (the row the header ends on and how many
 * rows it spans), the year of the figures when neither the title nor the
 * file name has one. Each change detects the columns again, and a header
 * seen in an earlier import of the ledger is mapped as it was then
 * (ledger-import-mappings.h).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-import-assistant-private.h"
#include "ledger-import-mappings.h"

#define MAX_HEADER_ROWS 3

/* ---- auxiliary functions ---- */

static void
add_target (GArray *targets,
            int     target)
{
  g_array_append_val (targets, target);
}

/* Index into table->rows of the row of file line @line, or -1. */
static int
row_of_line (const LedgerTable *table,
             guint              line)
{
  for (guint r = 0; r < table->rows->len; r++)
    if (((LedgerCsvRow *) g_ptr_array_index (table->rows, r))->line == line)
      return (int) r;
  return -1;
}

static void
set_layout (LedgerImportAssistant *self,
            LedgerTableLayout     *layout)
{
  g_clear_pointer (&self->layout, ledger_table_layout_unref);
  self->layout = layout;
  if (self->year > 0)
    ledger_table_layout_set_year (self->layout, self->year);
  g_clear_pointer (&self->column_fields, g_free);
  self->n_columns = layout->n_columns;
  self->column_fields = g_new0 (int, MAX (layout->n_columns, 1));
  for (guint c = 0; c < layout->n_columns; c++)
    self->column_fields[c] = layout->columns[c].target;
}

/* A header seen in an earlier import of this ledger gets that import's mapping. */
static void
apply_remembered (LedgerImportAssistant *self,
                  LedgerTableLayout     *layout)
{
  g_autoptr (LedgerDb) db = self->db_path ? ledger_db_open (self->db_path, LEDGER_DB_OPEN_READ_ONLY, NULL) : NULL;
  g_auto (GStrv) values = NULL;

  self->remembered = db != NULL && ledger_import_mapping_apply (db, layout, self->table, &values);
  for (guint i = 0; values != NULL && values[i] != NULL && values[i + 1] != NULL && values[i + 2] != NULL; i += 3)
    ledger_import_assistant_add_value (self, values[i], values[i + 1], values[i + 2]);
}

static void
sync_controls (LedgerImportAssistant *self)
{
  const LedgerTableLayout *layout = self->layout;

  gtk_spin_button_set_value (self->header_spin, layout->n_rows > 0 ? layout->header_line_last : 1);
  gtk_spin_button_set_value (self->header_count_spin, layout->header_last - layout->header_first + 1);
}

/* ---- signal callbacks ---- */

static void
on_sheet_row_selected_cb (AdwComboRow           *row,
                          GParamSpec            *pspec,
                          LedgerImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->building || self->table == NULL || self->table->sheet_names == NULL ||
      selected >= g_strv_length (self->table->sheet_names) ||
      g_strcmp0 (self->table->sheet_names[selected], self->table->sheet_name) == 0)
    return;
  ledger_import_assistant_open_sheet (self, self->table->sheet_names[selected]);
}

static void
on_header_changed_cb (GtkSpinButton         *spin,
                      LedgerImportAssistant *self)
{
  LedgerTableLayout *layout;
  int last, first;

  if (self->building || self->table == NULL)
    return;
  last = row_of_line (self->table, (guint) gtk_spin_button_get_value_as_int (self->header_spin));
  if (last < 0)
    return;   /* a blank line: the rows of the file have no such line */
  first = MAX (0, last - gtk_spin_button_get_value_as_int (self->header_count_spin) + 1);
  layout = ledger_table_layout_new_with_header (self->table, self->kind, first, last);
  apply_remembered (self, layout);
  set_layout (self, layout);
  ledger_import_assistant_layout_changed (self);
}

static void
on_year_changed_cb (GtkSpinButton         *spin,
                    LedgerImportAssistant *self)
{
  int year = gtk_spin_button_get_value_as_int (spin);

  if (self->building || self->layout == NULL)
    return;
  self->year = year >= 1949 ? (guint) year : 0;
  ledger_table_layout_set_year (self->layout, self->year);
  ledger_import_assistant_layout_changed (self);
}

/* ---- shared with the assistant ---- */

/* What a column can go to: ignored, a field, 序号, township or village name,
 * a species' stock or annual output (farms). (transfer full) */
GArray *
ledger_import_assistant_new_targets (LedgerKind kind)
{
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_fields = 0;
  int village = ledger_kind_field_index (kind, "village_code");
  int stock = ledger_kind_field_index (kind, "stock");
  int output = ledger_kind_field_index (kind, "annual_output");
  const LedgerEnum *species = ledger_enum_by_name ("species");

  ledger_kind_fields (kind, &n_fields);
  add_target (targets, LEDGER_TARGET_IGNORE);
  for (guint f = 0; f < n_fields; f++)
    add_target (targets, (int) f);
  add_target (targets, LEDGER_TARGET_SERIAL);
  if (village >= 0)
    {
      add_target (targets, LEDGER_TARGET_TOWNSHIP_NAME);
      add_target (targets, LEDGER_TARGET_VILLAGE_NAME);
    }
  for (guint s = 0; stock >= 0 && species != NULL && s < species->n_values; s++)
    add_target (targets, LEDGER_TARGET_WIDE (stock, s));
  for (guint s = 0; output >= 0 && species != NULL && s < species->n_values; s++)
    add_target (targets, LEDGER_TARGET_WIDE (output, s));
  return targets;
}

/* The layout of the table for the kind, detected anew; a header seen in an
 * earlier import of this ledger gets that import's mapping. */
void
ledger_import_assistant_detect_layout (LedgerImportAssistant *self)
{
  LedgerTableLayout *layout = ledger_table_layout_detect (self->table, self->kind);

  apply_remembered (self, layout);
  set_layout (self, layout);
}

/* The sheet picker, the header rows and the year, from the table and its layout. */
void
ledger_import_assistant_fill_layout_controls (LedgerImportAssistant *self)
{
  g_autoptr (GtkStringList) sheets = gtk_string_list_new (NULL);
  guint selected = 0, n_sheets = 0;
  guint last_line = 1;

  for (guint r = 0; r < self->table->rows->len; r++)
    last_line = MAX (last_line, ((LedgerCsvRow *) g_ptr_array_index (self->table->rows, r))->line);
  self->building = TRUE;
  for (guint i = 0; self->table->sheet_names != NULL && self->table->sheet_names[i] != NULL; i++, n_sheets++)
    {
      gtk_string_list_append (sheets, self->table->sheet_names[i]);
      if (g_strcmp0 (self->table->sheet_names[i], self->table->sheet_name) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (sheets));
  adw_combo_row_set_selected (self->sheet_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), n_sheets > 1);
  gtk_spin_button_set_range (self->header_spin, 1, last_line);
  gtk_spin_button_set_value (self->year_spin, self->year);
  sync_controls (self);
  self->building = FALSE;
}

/* After the header rows changed: the controls follow the layout. */
void
ledger_import_assistant_sync_layout_controls (LedgerImportAssistant *self)
{
  self->building = TRUE;
  sync_controls (self);
  self->building = FALSE;
}

void
ledger_import_assistant_init_layout (LedgerImportAssistant *self)
{
  gtk_spin_button_set_range (self->header_count_spin, 1, MAX_HEADER_ROWS);
  gtk_spin_button_set_increments (self->header_count_spin, 1, 1);
  gtk_spin_button_set_increments (self->header_spin, 1, 5);
  gtk_spin_button_set_range (self->year_spin, 0, 2100);
  gtk_spin_button_set_increments (self->year_spin, 1, 10);
  g_signal_connect_object (self->sheet_row, "notify::selected", G_CALLBACK (on_sheet_row_selected_cb), self, 0);
  g_signal_connect_object (self->header_spin, "value-changed", G_CALLBACK (on_header_changed_cb), self, 0);
  g_signal_connect_object (self->header_count_spin, "value-changed", G_CALLBACK (on_header_changed_cb), self, 0);
  g_signal_connect_object (self->year_spin, "value-changed", G_CALLBACK (on_year_changed_cb), self, 0);
}
