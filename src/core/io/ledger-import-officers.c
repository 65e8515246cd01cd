/* ledger-import-officers.c: what officers' sheets give besides fields
 *
 * A village by township and name instead of its code; the species of a farm
 * from the one stock (or output) column of several that holds a number; the
 * year of the figures from the officer, the title or the file name; words
 * of enumerations nobody knows yet, collected so that the assistant can ask
 * once what they mean; and the rows that are not items, reported as skipped.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-field-slots.h"
#include "ledger-import-private.h"
#include "ledger-table-layout-private.h"
#include "ledger-values.h"


#define MAX_SKIPPED_TEXT 30

#define add_problem ledger_import_add_problem

/* ---- auxiliary functions ---- */

/* a 1-based column's text as ledger_import_read_cells() left it: NULL when blank */
static const char *
cell_of (const LedgerImportCells *cells,
         int                      column)
{
  if (column <= 0 || (guint) column > cells->n_texts)
    return NULL;
  return cells->texts[column - 1];
}

static gboolean
field_blank (const LedgerRecord *record,
             int                 field)
{
  return field < 0 || record->values[field] == NULL;
}

static const char *
species_label (guint index)
{
  const LedgerEnum *species = ledger_enum_by_name ("species");

  return index < species->n_values ? species->values[index].label : "?";
}

static gboolean
load_village_names (LedgerImport *self)
{
  g_autoptr (GError) error = NULL;

  if (self->village_names == NULL)
    self->village_names = ledger_village_names_new (self->db, &error);
  return self->village_names != NULL;
}

static gboolean
read_village_by_name (LedgerImport      *self,
                      LedgerRecord      *record,
                      LedgerImportCells *cells)
{
  gboolean *present = cells->present;
  gboolean *failed = cells->failed;
  int code_field = ledger_field_slots (self->kind)->village_code;
  int name_field = ledger_field_slots (self->kind)->name;
  int column = self->village_name_column;
  const char *village = cell_of (cells, column);
  const char *township = cell_of (cells, self->township_column);
  g_autofree char *message = NULL;
  char *code;

  if (code_field < 0 || village == NULL || !field_blank (record, code_field) || failed[code_field])
    return TRUE;
  if (!load_village_names (self))
    return TRUE;
  code = ledger_village_names_resolve (self->village_names, township, village, &message);
  if (code == NULL)
    {
      add_problem (self, cells->line, code_field, column, FALSE, "%s", message);
      failed[code_field] = TRUE;
      return FALSE;
    }
  ledger_record_take (record, code_field, code);
  present[code_field] = TRUE;
  if (self->village_from_name)
    {
      /* the name found the village: the ledger's own spelling stays */
      ledger_record_take (record, name_field, NULL);
      present[name_field] = FALSE;
    }
  return TRUE;
}

static gboolean
set_species (LedgerImport       *self,
             guint               line,
             int                 species_column,
             guint              *species,
             int                 column,
             int                 target)
{
  int field = ledger_field_slots (self->kind)->species;
  guint index = LEDGER_TARGET_WIDE_SPECIES (target);

  if (*species != G_MAXUINT && *species != index)
    {
      add_problem (self, line, field, column, FALSE,
                   _("Figures are given for two species, %s (column %d) and %s (column %d): one row per farm and species."),
                   species_label (*species), species_column, species_label (index), column);
      return FALSE;
    }
  *species = index;
  return TRUE;
}

/* The wide columns' figures are parsed with the row's cells; here the
 * species they name. */
static gboolean
read_wide (LedgerImport      *self,
           LedgerRecord      *record,
           LedgerImportCells *cells)
{
  gboolean *present = cells->present;
  gboolean *failed = cells->failed;
  int field = ledger_field_slots (self->kind)->species;
  const LedgerEnum *species_enum = ledger_enum_by_name ("species");
  guint species = G_MAXUINT;
  int species_column = 0;
  gboolean ok = TRUE;

  if (self->wide_columns->len == 0 || field < 0)
    return TRUE;
  for (guint i = 0; i < self->wide_columns->len; i++)
    {
      int column = g_array_index (self->wide_columns, int, i);
      int target = g_array_index (self->column_field, int, column - 1);

      if (cell_of (cells, column) == NULL)
        continue;
      if (!set_species (self, cells->line, species_column, &species, column, target))
        return failed[field] = TRUE, FALSE;
      species_column = column;
    }
  if (species != G_MAXUINT && field_blank (record, field))
    {
      ledger_record_take (record, field, g_strdup (species_enum->values[species].key));
      present[field] = TRUE;
    }
  else if (species != G_MAXUINT && g_strcmp0 (record->values[field], species_enum->values[species].key) != 0)
    {
      add_problem (self, cells->line, field, self->field_column[field], FALSE,
                   _("The species is %s but the figures are in the column of %s."),
                   ledger_enum_label (species_enum, record->values[field]), species_label (species));
      return failed[field] = TRUE, FALSE;
    }
  else if (species == G_MAXUINT && field_blank (record, field) && !failed[field])
    {
      add_problem (self, cells->line, field, g_array_index (self->wide_columns, int, 0), FALSE,
                   _("No figure in any species’ column: the species of the farm cannot be told. Fill in the stock of its species."));
      return failed[field] = TRUE, FALSE;
    }
  return ok;
}

static gboolean
has_year_figures (LedgerImport       *self,
                  const LedgerRecord *record)
{
  int year = ledger_field_slots (self->kind)->year;

  for (guint i = year + 1; i < self->n_fields; i++)
    if (record->values[i] != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
read_year (LedgerImport      *self,
           LedgerRecord      *record,
           LedgerImportCells *cells)
{
  gboolean *present = cells->present;
  gboolean *failed = cells->failed;
  int field = ledger_field_slots (self->kind)->year;

  if (self->kind != LEDGER_KIND_FARMS || !field_blank (record, field) || failed[field])
    return TRUE;
  if (self->year != 0)
    {
      ledger_record_take (record, field, g_strdup_printf ("%u", self->year));
      present[field] = TRUE;
      return TRUE;
    }
  if (!has_year_figures (self, record))
    return TRUE;
  add_problem (self, cells->line, field, self->field_column[field], FALSE,
               _("The row has figures of a year but no year. Give the year in a 统计年度 column, "
                 "in the title or the file name (…2025年…), or with --year YYYY (the year field of the import assistant)."));
  failed[field] = TRUE;
  return FALSE;
}

/* ---- private API ---- */

/* The options' layout, or the one detected; GeoJSON's and KML's header is
 * their property names. The officer's year is the layout's. */
LedgerTableLayout *
ledger_import_layout_for (const LedgerTable         *table,
                          LedgerKind                 kind,
                          const LedgerImportOptions *options)
{
  const LedgerTableLayout *given = options ? options->layout : NULL;
  LedgerTableLayout *layout;

  if (given != NULL && (given->kind != kind || given->n_rows != table->rows->len || given->n_columns == 0))
    given = NULL;
  /* the assistant's layout is theirs: used as it is */
  if (given != NULL && options->column_fields == NULL)
    return ledger_table_layout_ref ((LedgerTableLayout *) given);
  if (given != NULL)
    layout = ledger_table_layout_new_with_header (table, kind, given->header_first, given->header_last);
  else if (ledger_table_has_features (table) && table->rows->len > 0)
    layout = ledger_table_layout_new_with_header (table, kind, 0, 0);
  else
    layout = ledger_table_layout_detect (table, kind);
  if (options != NULL && options->column_fields != NULL)
    {
      for (guint i = 0; i < layout->n_columns; i++)
        layout->columns[i].target = i < options->n_column_fields ? options->column_fields[i] : LEDGER_TARGET_IGNORE;
      ledger_layout_class_rows (layout, table);   /* once, not per column */
    }
  ledger_table_layout_set_year (layout, options ? options->year : 0);
  if (given != NULL && layout->year_source != LEDGER_YEAR_OPTION && given->year_source == LEDGER_YEAR_OPTION)
    ledger_table_layout_set_year (layout, given->year);
  return layout;
}


/* Officers' sheets carry no codes: a row without one is the item of the
 * same name in the same village (a farm's of the same species too: one row
 * per farm and species), when there is exactly one, so that next
 * year's sheet adds its figures instead of a second farm. */
void
ledger_import_match_by_name (LedgerImport *self,
                             LedgerRecord *record)
{
  int code = ledger_field_slots (self->kind)->code;
  int name = ledger_field_slots (self->kind)->name;
  int village = ledger_field_slots (self->kind)->village_code;
  int species = ledger_field_slots (self->kind)->species;
  char *found;

  if (code < 0 || name < 0 || village < 0 || record->uid != NULL || record->values[code] != NULL ||
      record->values[name] == NULL || record->values[village] == NULL)
    return;
  /* two of that name (and a farm's species): none found, a code must say which */
  found = ledger_store_code_by_name (self->db, self->kind, record->values[name], record->values[village],
                                     ledger_record_slot (record, species));
  if (found != NULL)
    ledger_record_take (record, code, found);
}

void
ledger_import_officers_init (LedgerImport      *self,
                             const LedgerTable *table)
{
  self->wide_columns = g_array_new (FALSE, FALSE, sizeof (int));
  self->unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->year = self->options->year ? self->options->year : (self->layout ? self->layout->year : 0);
}

void
ledger_import_officers_clear (LedgerImport *self)
{
  g_clear_pointer (&self->wide_columns, g_array_unref);
  g_clear_pointer (&self->unknown, g_hash_table_unref);
  g_clear_pointer (&self->village_names, ledger_village_names_free);
}

void
ledger_import_map_target (LedgerImport *self,
                          guint         column,
                          int           target)
{
  if (target == LEDGER_TARGET_TOWNSHIP_NAME)
    self->township_column = column;
  else if (target == LEDGER_TARGET_VILLAGE_NAME)
    self->village_name_column = column;
  else if (LEDGER_TARGET_IS_WIDE (target))
    g_array_append_val (self->wide_columns, column);
}

/* A required field that a target gives: the village code by a village
 * name, the species by one-column-per-species figures. */
gboolean
ledger_import_has_target_for (LedgerImport *self,
                              int           field)
{
  const char *key = self->fields[field].key;
  int name = ledger_field_slots (self->kind)->name;

  if (g_str_equal (key, "village_code") && self->village_name_column == 0 &&
      self->kind == LEDGER_KIND_VILLAGES && name >= 0 && self->field_column[name] != 0)
    {
      self->village_name_column = self->field_column[name];
      self->village_from_name = TRUE;
    }
  if (g_str_equal (key, "village_code"))
    return self->village_name_column != 0;
  if (g_str_equal (key, "species"))
    return self->wide_columns->len > 0;
  return FALSE;
}

gboolean
ledger_import_read_officers (LedgerImport      *self,
                             LedgerRecord      *record,
                             LedgerImportCells *cells)
{
  gboolean ok = TRUE;

  ok = read_wide (self, record, cells) && ok;
  ok = read_year (self, record, cells) && ok;
  if (self->village_name_column != 0)
    ok = read_village_by_name (self, record, cells) && ok;
  return ok;
}

void
ledger_import_note_unknown (LedgerImport *self,
                            int           field,
                            const char   *text,
                            guint         line)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *key = g_strdup_printf ("%d/%s", field, trimmed);
  LedgerImportUnknownValue *value = g_hash_table_lookup (self->unknown, key);

  if (value == NULL)
    {
      value = g_new0 (LedgerImportUnknownValue, 1);
      value->field = field;
      value->text = g_steal_pointer (&trimmed);
      value->first_line = line;
      g_hash_table_insert (self->unknown, g_steal_pointer (&key), value);
      g_ptr_array_add (self->report->unknown_values, value);
    }
  value->n_rows++;
}

void
ledger_import_note_skipped (LedgerImport      *self,
                            const LedgerTable *table,
                            guint              index)
{
  const LedgerCsvRow *row = g_ptr_array_index (table->rows, index);
  LedgerImportSkipped *skipped = g_new0 (LedgerImportSkipped, 1);

  skipped->line = row->line;
  skipped->row_class = self->layout->row_classes[index];
  for (guint c = 0; c < row->n_cells && skipped->text == NULL; c++)
    if (row->cells[c] != NULL && !ledger_text_is_blank (row->cells[c]))
      {
        g_autofree char *stripped = g_strstrip (g_strdup (row->cells[c]));
        g_autofree char *start = NULL;

        /* g_utf8_substring() may not reach past the end */
        if (g_utf8_strlen (stripped, -1) <= MAX_SKIPPED_TEXT)
          skipped->text = g_steal_pointer (&stripped);
        else
          start = g_utf8_substring (stripped, 0, MAX_SKIPPED_TEXT), skipped->text = g_strconcat (start, "…", NULL);
      }
  g_ptr_array_add (self->report->skipped, skipped);
}

void
ledger_import_skipped_free (LedgerImportSkipped *skipped)
{
  g_free (skipped->text);
  g_free (skipped);
}

void
ledger_import_unknown_value_free (LedgerImportUnknownValue *value)
{
  g_free (value->text);
  g_free (value);
}
