/* ledger-import-cells.c: a data row's cells, each read once
 *
 * The first step of an import row (import_row() in ledger-import.c). Every
 * cell's text is taken as the officer wrote it: without the apostrophe our
 * CSV export puts before a formula-like text, through the value map the
 * import assistant made ("treat every 'X' as …"), NULL when blank. A
 * field's cell is parsed into the record (ledger_field_parse), so is a wide
 * species column's figure into its field, and a coordinate into degrees
 * (ledger_parse_degrees). The steps after this one (officers' columns, the
 * location, the checks) read the texts and degrees left in
 * LedgerImportCells and never parse a cell again (docs/ARCHITECTURE.md,
 * "Following one import row").
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-field-slots.h"
#include "ledger-import-private.h"

typedef LedgerImport Import;

#define add_problem ledger_import_add_problem

/* Our CSV export writes text that Excel would run as a formula with a
 * leading apostrophe ('=SUM…); it is read back without it. */
static const char *
strip_formula_guard (const char *text)
{
  if (text != NULL && text[0] == '\'' && text[1] != '\0' && strchr ("=+-@", text[1]) != NULL)
    return text + 1;
  return text;
}

/* The field a column's cell is parsed into: its own, or a wide column's;
 * -1 for none */
static int
parsed_field (Import *self,
              int     target)
{
  if (target >= 0 && (guint) target < self->n_fields)
    return target;
  if (LEDGER_TARGET_IS_WIDE (target) && (guint) LEDGER_TARGET_WIDE_FIELD (target) < self->n_fields)
    return LEDGER_TARGET_WIDE_FIELD (target);
  return -1;
}

/* 0 for the longitude's field, 1 for the latitude's, else -1 */
static int
location_index (Import *self,
                int     field)
{
  int lon = ledger_field_slots (self->kind)->lon;

  if (lon < 0 || field < lon || field > lon + 1)
    return -1;
  return field - lon;
}

/* the fields of the row's columns, and of the columns a short CSV row
 * leaves out (read as blank); a GeoJSON property left out is NULL */
static void
mark_present (Import             *self,
              const LedgerCsvRow *row,
              LedgerImportCells  *cells)
{
  guint n_columns = self->column_field->len;

  for (guint i = 0; i < n_columns; i++)
    {
      int field = g_array_index (self->column_field, int, i);

      if (field < 0 || (guint) field >= self->n_fields)
        continue;
      if (i < row->n_cells ? row->cells[i] != NULL : !self->geojson)
        cells->present[field] = TRUE;
    }
  if (row->n_cells < n_columns && !self->geojson && !self->workbook)
    /* a short CSV row may be a broken line; a workbook row just ends */
    add_problem (self, row->line, -1, row->n_cells + 1, TRUE,
                 _("This row has fewer cells than the header row (%u, not %u): the missing ones are read as blank."),
                 row->n_cells, n_columns);
}

static void
cells_init (Import             *self,
            const LedgerCsvRow *row,
            LedgerImportCells  *cells)
{
  cells->line = row->line;
  cells->n_texts = MAX (row->n_cells, self->column_field->len);
  cells->texts = g_new0 (const char *, MAX (cells->n_texts, 1));
  cells->present = g_new0 (gboolean, self->n_fields);
  cells->failed = g_new0 (gboolean, self->n_fields + 1);
  memset (cells->degrees_read, 0, sizeof cells->degrees_read);
  memset (cells->hemisphere, 0, sizeof cells->hemisphere);
}

void
ledger_import_cells_clear (LedgerImportCells *cells)
{
  g_clear_pointer (&cells->texts, g_free);
  g_clear_pointer (&cells->present, g_free);
  g_clear_pointer (&cells->failed, g_free);
}

/* A cell beyond the header's columns, or under no header: said once. */
static void
report_unread (Import            *self,
               LedgerImportCells *cells,
               guint              column,
               int                target)
{
  guint n_columns = self->column_field->len;

  if (column > n_columns && !cells->failed[self->n_fields])
    {
      add_problem (self, cells->line, -1, column, FALSE,
                   _("This row has more cells than the header row (%u, not %u)."), cells->n_texts, n_columns);
      cells->failed[self->n_fields] = TRUE;
    }
  else if (column <= n_columns && target == LEDGER_IMPORT_NO_HEADER &&
           !g_hash_table_contains (self->warned_columns, GUINT_TO_POINTER (column)))
    {
      g_hash_table_add (self->warned_columns, GUINT_TO_POINTER (column));
      add_problem (self, cells->line, -1, column, TRUE, _("Column %u has no known header: its values are ignored."),
                   column);
    }
}

/**
 * ledger_import_read_cells:
 * @cells: (out caller-allocates): the row's texts, present and failed
 *   fields and degrees; ledger_import_cells_clear() when done
 *
 * Returns: (transfer full): the record of the row's fields
 */
LedgerRecord *
ledger_import_read_cells (Import             *self,
                          const LedgerCsvRow *row,
                          LedgerImportCells  *cells)
{
  LedgerRecord *record = ledger_record_new (self->kind);
  guint n_columns = self->column_field->len;

  record->is_demo = self->options->as_demo;
  cells_init (self, row, cells);
  mark_present (self, row, cells);
  for (guint i = 0; i < row->n_cells; i++)
    {
      int target = i < n_columns ? g_array_index (self->column_field, int, i) : LEDGER_TARGET_IGNORE;
      int field = parsed_field (self, target);
      int location = location_index (self, field);
      const char *text = strip_formula_guard (row->cells[i]);
      const char *mapped = NULL;
      g_autoptr (GError) error = NULL;
      char *canonical = NULL;

      if (field == target && location < 0 && text != NULL)
        mapped = ledger_value_map_lookup (self->options->value_map, self->fields[field].key, text);
      text = ledger_text_is_blank (mapped ?: text) ? NULL : mapped ?: text;
      cells->texts[i] = text;
      if (field < 0 || i >= n_columns)
        {
          if (text != NULL)
            report_unread (self, cells, i + 1, target);
        }
      else if (location >= 0)
        {
          if (text != NULL)
            cells->degrees_read[location] = ledger_parse_degrees (text, &cells->degrees[location],
                                                                  &cells->hemisphere[location]);
        }
      else if (!ledger_field_parse (&self->fields[field], text, &canonical, &error))
        {
          gboolean a_word = self->fields[field].type == LEDGER_FIELD_ENUM ||
                            self->fields[field].type == LEDGER_FIELD_BOOL;

          if (field == target && a_word)
            ledger_import_note_unknown (self, field, text, row->line);
          add_problem (self, row->line, field, i + 1, FALSE, "%s", error->message);
          cells->failed[field] = TRUE;
        }
      else if (field == target)
        ledger_record_take (record, field, canonical);
      else if (text != NULL)
        {
          /* a wide column's figure; its blank cell leaves the field to another column */
          ledger_record_take (record, field, canonical);
          cells->present[field] = TRUE;
        }
    }
  return record;
}
