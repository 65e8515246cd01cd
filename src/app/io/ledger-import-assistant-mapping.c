/* ledger-import-assistant-mapping.c: the assistant's second page
 *
 * What the file holds (guessed from its headers), how it was read, which
 * coordinate system its points are in, and a preview of its first rows with
 * a drop-down above each column naming the field it goes to.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-import-assistant-private.h"

#define PREVIEW_ROWS 20
#define PREVIEW_COLUMNS 100
#define PREVIEW_CELL_CHARS 24
#define PREVIEW_TIP_CHARS 400

/* ---- auxiliary functions ---- */

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return _("comma");
    case ';':
      return _("semicolon");
    case '\t':
      return _("tab");
    default:
      return _("none");
    }
}

static char *
describe_format (const LedgerTable *table)
{
  switch (table->format)
    {
    case LEDGER_TABLE_XLSX:
      return g_strdup_printf (_("Excel workbook, sheet “%s”"), table->sheet_name ? table->sheet_name : "");
    case LEDGER_TABLE_XLS:
      return g_strdup_printf (_("Excel 97–2003 workbook, sheet “%s”"), table->sheet_name ? table->sheet_name : "");
    case LEDGER_TABLE_ODS:
      return g_strdup_printf (_("OpenDocument spreadsheet, sheet “%s”"), table->sheet_name ? table->sheet_name : "");
    case LEDGER_TABLE_GEOJSON:
      return g_strdup (_("GeoJSON, one row per feature"));
    case LEDGER_TABLE_KML:
      return g_strdup_printf (_("%s (Google Earth, 奥维, 两步路), one row per placemark"), table->encoding);
    case LEDGER_TABLE_CSV:
    default:
      return g_strdup_printf (_("CSV, encoding: %s, delimiter: %s"), table->encoding ? table->encoding : "",
                              delimiter_name (table->delimiter));
    }
}

static char *
describe_table (const LedgerTable *table)
{
  guint n_rows = table->rows->len > 0 ? table->rows->len - 1 : 0;
  g_autofree char *format = describe_format (table);
  g_autofree char *rows = g_strdup_printf (ngettext ("%u row below the header", "%u rows below the header",
                                                     n_rows), n_rows);

  return g_strdup_printf ("%s · %s", format, rows);
}

/* the column's flattened header (group/sub of a two-row header) */
static const char *
header_text (LedgerImportAssistant *self,
             guint                  column)
{
  if (self->layout == NULL || column >= self->layout->n_columns || self->layout->columns[column].name == NULL)
    return "";
  return self->layout->columns[column].name;
}

static void
append_name (GString    *list,
             const char *name)
{
  if (list->len > 0)
    g_string_append (list, C_("list separator", ", "));
  g_string_append (list, name);
}

static guint
count_columns_of (LedgerImportAssistant *self,
                  int                    field)
{
  guint n = 0;

  for (guint c = 0; c < self->n_columns; c++)
    n += self->column_fields[c] == field;
  return n;
}

/* Required fields no column goes to, and fields two columns go to: either
 * stops the check until the officer picks the columns by hand. */
static void
update_missing (LedgerImportAssistant *self)
{
  guint n_fields = 0;
  const LedgerField *fields = ledger_kind_fields (self->kind, &n_fields);
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autoptr (GString) twice = g_string_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);

  g_auto (GStrv) absent = self->layout ? ledger_table_layout_missing_fields (self->layout) : NULL;

  for (guint i = 0; absent != NULL && absent[i] != NULL; i++)
    {
      int f = ledger_kind_field_index (self->kind, absent[i]);

      append_name (missing, f >= 0 ? ledger_field_display_name (&fields[f]) : absent[i]);
    }
  for (guint f = 0; f < n_fields; f++)
    if (count_columns_of (self, f) > 1)
      append_name (twice, ledger_field_display_name (&fields[f]));
  if (missing->len > 0)
    g_string_append_printf (text, _("Required columns not mapped: %s. Choose them in the drop-downs above the columns."),
                            missing->str);
  if (twice->len > 0)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "",
                            _("More than one column goes to:"));
  if (twice->len > 0)
    g_string_append_printf (text, " %s.", twice->str);

  g_clear_pointer (&self->missing_text, g_free);
  if (text->len > 0)
    self->missing_text = g_strdup (text->str);
  gtk_label_set_text (self->missing_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), text->len > 0);
}

/* a changed mapping or kind makes the last check stale */
static void
mapping_changed (LedgerImportAssistant *self)
{
  g_clear_pointer (&self->preview, ledger_import_report_free);
  update_missing (self);
  ledger_import_assistant_update_actions (self);
}

/* the drop-down's entries, in the order of self->targets */
static GtkStringList *
new_field_names (LedgerImportAssistant *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->targets, g_array_unref);
  self->targets = ledger_import_assistant_new_targets (self->kind);
  for (guint i = 0; i < self->targets->len; i++)
    {
      int target = g_array_index (self->targets, int, i);
      g_autofree char *name = target == LEDGER_TARGET_IGNORE ? g_strdup (_("Ignore this column"))
                                                             : ledger_target_describe (self->kind, target);

      gtk_string_list_append (names, name);
    }
  return names;
}

static guint
target_position (LedgerImportAssistant *self,
                 int                    target)
{
  for (guint i = 0; i < self->targets->len; i++)
    if (g_array_index (self->targets, int, i) == target)
      return i;
  return 0;
}

/* ---- signal callbacks ---- */

static void
on_column_dropdown_selected_cb (GtkDropDown           *dropdown,
                                GParamSpec            *pspec,
                                LedgerImportAssistant *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->building || column >= self->n_columns || selected >= self->targets->len)
    return;
  self->column_fields[column] = g_array_index (self->targets, int, selected);
  ledger_table_layout_set_target (self->layout, self->table, column, self->column_fields[column]);
  mapping_changed (self);
}

/* ---- the preview grid ---- */

static void
clear_grid (LedgerImportAssistant *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_ptr_array_set_size (self->column_dropdowns, 0);
}

/* Cut by hand rather than ellipsized: in a scrolled grid an ellipsizing
 * label is given its minimum width, a lone "…". */
static GtkWidget *
new_cell_label (const char *text,
                const char *css_class)
{
  /* a hostile cell can be a megabyte: look at its start only */
  glong length = g_utf8_strlen (text, PREVIEW_TIP_CHARS * 4);
  g_autofree char *cut = g_utf8_substring (text, 0, MIN (length, PREVIEW_CELL_CHARS));
  g_autofree char *shown = length > PREVIEW_CELL_CHARS ? g_strconcat (cut, "…", NULL) : g_strdup (cut);
  GtkWidget *label = gtk_label_new (shown);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (length > PREVIEW_CELL_CHARS)
    {
      g_autofree char *longer = g_utf8_substring (text, 0, MIN (length, PREVIEW_TIP_CHARS));

      gtk_widget_set_tooltip_text (label, longer);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_column_dropdown (LedgerImportAssistant *self,
                     GtkStringList         *names,
                     guint                  column)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  g_autofree char *label = g_strdup_printf (_("Field of column “%s”"), header_text (self, column));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), target_position (self, self->column_fields[column]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (dropdown, label);
  g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (column));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_column_dropdown_selected_cb), self, 0);
  g_ptr_array_add (self->column_dropdowns, dropdown);
  return dropdown;
}

/* GeoJSON's geometry goes with the feature whatever the mapping says */
static gboolean
is_geometry_column (LedgerImportAssistant *self,
                    guint                  column)
{
  return ledger_table_has_features (self->table)
         && g_str_equal (header_text (self, column), LEDGER_TABLE_GEOMETRY_COLUMN);
}

static GtkWidget *
new_column_head (LedgerImportAssistant *self,
                 GtkStringList         *names,
                 guint                  column)
{
  GtkWidget *label;

  if (!is_geometry_column (self, column))
    return new_column_dropdown (self, names, column);
  label = gtk_label_new (_("Line or area, kept"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_tooltip_text (label, _("LineString and Polygon geometries of water bodies are stored and drawn on the map."));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  return label;
}

/* A row of the file as the layout classes it: header rows highlighted,
 * skipped rows greyed with the reason in the second column. */
static void
fill_preview_row (LedgerImportAssistant *self,
                  guint                  index,
                  guint                  n_shown,
                  int                    grid_row)
{
  const LedgerCsvRow *row = g_ptr_array_index (self->table->rows, index);
  LedgerRowClass row_class = index < self->layout->n_rows ? self->layout->row_classes[index] : LEDGER_ROW_DATA;
  const char *css = row_class == LEDGER_ROW_HEADER ? "import-header-row"
                  : row_class == LEDGER_ROW_DATA ? NULL : "dim-label";
  g_autofree char *line = g_strdup_printf ("%u", row->line);
  GtkWidget *reason = new_cell_label (row_class == LEDGER_ROW_DATA ? "" : ledger_row_class_describe (row_class),
                                      "dim-label");

  gtk_grid_attach (self->preview_grid, new_cell_label (line, "dim-label"), 0, grid_row, 1, 1);
  gtk_grid_attach (self->preview_grid, reason, 1, grid_row, 1, 1);
  for (guint c = 0; c < n_shown && c < row->n_cells; c++)
    gtk_grid_attach (self->preview_grid, new_cell_label (row->cells[c] ? row->cells[c] : "", css),
                     c + 2, grid_row, 1, 1);
}

/* Every column of the detected header (its flattened name under the
 * drop-down), then the first rows of the file, those above the header too. */
static void
fill_grid (LedgerImportAssistant *self)
{
  g_autoptr (GtkStringList) names = new_field_names (self);
  guint n_shown = MIN (self->n_columns, PREVIEW_COLUMNS);
  guint n_rows = MIN (self->table->rows->len, self->layout->header_last + 1 + PREVIEW_ROWS);

  clear_grid (self);
  gtk_grid_attach (self->preview_grid,
                   new_cell_label (ledger_table_has_features (self->table) ? _("Feature") : _("Row"), "dim-label"),
                   0, 1, 1, 1);
  gtk_grid_attach (self->preview_grid, new_cell_label (_("Skipped"), "dim-label"), 1, 1, 1, 1);
  for (guint c = 0; c < n_shown; c++)
    {
      gtk_grid_attach (self->preview_grid, new_column_head (self, names, c), c + 2, 0, 1, 1);
      gtk_grid_attach (self->preview_grid, new_cell_label (header_text (self, c), "heading"), c + 2, 1, 1, 1);
    }
  for (guint r = 0; r < n_rows; r++)
    fill_preview_row (self, r, n_shown, r + 2);
}

static void
update_preview_label (LedgerImportAssistant *self)
{
  g_autoptr (GString) text = g_string_new (_("The first rows of the file. Above each column, choose the field it holds, or “Ignore this column”."));

  if (self->n_columns > PREVIEW_COLUMNS)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Only the first %u columns are shown; the others keep the mapping found from their headers."),
                              PREVIEW_COLUMNS);
    }
  gtk_label_set_text (self->preview_label, text->str);
}

/* ---- the kind and the coordinate system ---- */

static void
update_kind_subtitle (LedgerImportAssistant *self)
{
  g_autofree char *subtitle = NULL;

  if (self->guessed_kind < LEDGER_N_KINDS)
    subtitle = g_strdup_printf (_("Guessed from the headers: %s"), ledger_kind_display_name (self->guessed_kind));
  else
    subtitle = g_strdup (_("The headers do not tell what the file holds: choose it"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), subtitle);
}

static void
update_file_subtitle (LedgerImportAssistant *self)
{
  g_autofree char *format = describe_table (self->table);
  g_autofree char *layout = ledger_table_layout_describe (self->layout, self->table);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s%s%s", format, layout, self->remembered ? "\n" : "",
                                               self->remembered ? _("Columns mapped as in an earlier import of a file with the same headers.") : "");

  adw_action_row_set_subtitle (self->file_row, subtitle);
}

/* the kind's columns: the mapping is found again and the grid rebuilt */
static void
apply_kind (LedgerImportAssistant *self)
{
  self->building = TRUE;
  ledger_import_assistant_detect_layout (self);
  ledger_import_assistant_fill_layout_controls (self);
  self->building = TRUE;
  fill_grid (self);
  update_file_subtitle (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->crs_row), ledger_kind_field_index (self->kind, "lon") >= 0);
  self->building = FALSE;
  mapping_changed (self);
}

static void
on_kind_row_selected_cb (AdwComboRow           *row,
                         GParamSpec            *pspec,
                         LedgerImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->building || selected >= LEDGER_N_KINDS || selected == self->kind)
    return;
  self->kind = selected;
  if (self->table != NULL && ledger_import_kind_sheet (self->kind, self->table) != NULL)
    ledger_import_assistant_open_sheet (self, ledger_import_kind_sheet (self->kind, self->table));
  else if (self->table != NULL)
    apply_kind (self);
}

static void
on_crs_row_selected_cb (AdwComboRow           *row,
                        GParamSpec            *pspec,
                        LedgerImportAssistant *self)
{
  if (!self->building)
    mapping_changed (self);
}

/* ---- shared with the assistant ---- */

void
ledger_import_assistant_init_mapping (LedgerImportAssistant *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) crs = gtk_string_list_new (NULL);

  for (LedgerKind kind = 0; kind < LEDGER_N_KINDS; kind++)
    gtk_string_list_append (kinds, ledger_kind_display_name (kind));
  /* in the order of LedgerDatum */
  gtk_string_list_append (crs, _("WGS-84 (GPS, Tianditu)"));
  gtk_string_list_append (crs, _("GCJ-02 (Gaode, Tencent)"));
  gtk_string_list_append (crs, _("BD-09 (Baidu)"));
  self->building = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->crs_row, G_LIST_MODEL (crs));
  self->building = FALSE;
  self->column_dropdowns = g_ptr_array_new ();
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_kind_row_selected_cb), self, 0);
  g_signal_connect_object (self->crs_row, "notify::selected", G_CALLBACK (on_crs_row_selected_cb), self, 0);
}

/* after a file is read: everything on the page comes from self->table */
void
ledger_import_assistant_fill_mapping (LedgerImportAssistant *self)
{
  g_autofree char *name = g_filename_display_basename (self->path);

  self->building = TRUE;
  adw_combo_row_set_selected (self->kind_row, self->kind);
  self->building = FALSE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  update_kind_subtitle (self);
  update_preview_label (self);
  apply_kind (self);
}

/* The header rows or the year changed: the grid, the controls and the check follow. */
void
ledger_import_assistant_layout_changed (LedgerImportAssistant *self)
{
  self->building = TRUE;
  fill_grid (self);
  self->building = FALSE;
  ledger_import_assistant_sync_layout_controls (self);
  update_file_subtitle (self);
  mapping_changed (self);
}

LedgerDatum
ledger_import_assistant_get_crs (LedgerImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->crs_row);

  return selected <= LEDGER_DATUM_BD09 ? (LedgerDatum) selected : LEDGER_DATUM_WGS84;
}

/* ---- public: the mapping, for tests ---- */

void
ledger_import_assistant_set_kind (LedgerImportAssistant *self,
                                  LedgerKind             kind)
{
  g_return_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (kind < LEDGER_N_KINDS);

  adw_combo_row_set_selected (self->kind_row, kind);
}

void
ledger_import_assistant_set_crs (LedgerImportAssistant *self,
                                 LedgerDatum            crs)
{
  g_return_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (crs <= LEDGER_DATUM_BD09);

  adw_combo_row_set_selected (self->crs_row, crs);
}

int
ledger_import_assistant_get_column_field (LedgerImportAssistant *self,
                                          guint                  column)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), -1);

  return column < self->n_columns ? self->column_fields[column] : -1;
}

void
ledger_import_assistant_set_column_field (LedgerImportAssistant *self,
                                          guint                  column,
                                          int                    field)
{
  g_return_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (column < self->n_columns);

  if (column < self->column_dropdowns->len)
    {
      gtk_drop_down_set_selected (g_ptr_array_index (self->column_dropdowns, column), target_position (self, field));
      return;
    }
  self->column_fields[column] = field;
  ledger_table_layout_set_target (self->layout, self->table, column, field);
  mapping_changed (self);
}

const char *
ledger_import_assistant_get_missing_text (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), NULL);
  return self->missing_text;
}
