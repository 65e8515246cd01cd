/* ledger-import-check.c: an import row matched, checked and kept
 *
 * The last step of an import row (import_row() in ledger-import.c): a
 * codeless row is matched by village and name, the columns the file does not
 * have keep what the ledger holds, the row must not repeat an earlier one
 * and must pass the store's checks; a valid row is compared with the stored
 * item (new, changed or unchanged) and kept for the write pass.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-field-slots.h"
#include "ledger-import-private.h"
#include "ledger-shapes.h"
#include "ledger-store.h"

typedef LedgerImport Import;

#define add_problem ledger_import_add_problem

/* Columns absent from the file keep what the ledger holds. Returns the
 * stored record (NULL for a new one). */
static LedgerRecord *
overlay_existing (Import         *self,
                  LedgerRecord   *record,
                  const gboolean *present)
{
  LedgerRecord *existing = ledger_store_find_existing (self->db, record);

  if (existing == NULL)
    return NULL;
  for (guint i = 0; i < self->n_fields; i++)
    if (!present[i])
      ledger_record_take (record, i, g_strdup (existing->values[i]));
  g_free (record->uid);
  record->uid = g_strdup (existing->uid);
  return existing;
}

/* A row without a code is its item by village and name, and a farm's by
 * its species and year too (ledger_import_match_by_name finds it so): two
 * such rows in a file are one item written twice. */
static char *
codeless_key (const LedgerRecord *record,
              int                *field)
{
  const LedgerFieldSlots *slots = ledger_field_slots (record->kind);
  const char *name = ledger_record_slot (record, slots->name);
  const char *village = ledger_record_slot (record, slots->village_code);

  if (name == NULL || village == NULL)
    return NULL;
  *field = slots->name;
  return g_strjoin ("\037", "", village, name, ledger_record_slot (record, slots->species) ?: "",
                    ledger_record_slot (record, slots->year) ?: "", NULL);
}

static char *
duplicate_key (const LedgerRecord *record,
               int                *field)
{
  const char *code;

  switch (record->kind)
    {
    case LEDGER_KIND_VILLAGES:
      *field = 0;
      return g_strdup (record->values[0]);
    case LEDGER_KIND_FARMS:
      *field = 0;
      code = record->values[0];
      if (code == NULL)
        return codeless_key (record, field);
      return g_strdup_printf ("%s/%s", code, ledger_record_slot (record, ledger_field_slots (record->kind)->year) ?: "");
    case LEDGER_KIND_SAMPLES:
    case LEDGER_KIND_INSPECTIONS:
      *field = 1;
      return g_strjoin ("/", record->values[0] ?: "", record->values[1] ?: "",
                        record->kind == LEDGER_KIND_INSPECTIONS ? ledger_record_slot (record, ledger_field_slots (record->kind)->inspector) : NULL,
                        NULL);
    default:
      *field = 0;
      return record->values[0] ? g_strdup (record->values[0]) : codeless_key (record, field);
    }
}

static gboolean
check_duplicate (Import             *self,
                 const LedgerRecord *record,
                 guint               line)
{
  int field = 0;
  char *key = duplicate_key (record, &field);
  gpointer first;

  if (key == NULL)
    return TRUE;
  if (g_hash_table_lookup_extended (self->seen, key, NULL, &first))
    {
      add_problem (self, line, field, self->field_column[field], FALSE,
                   _("The same item as on line %u: each item may appear only once in a file."),
                   GPOINTER_TO_UINT (first));
      g_free (key);
      return FALSE;
    }
  g_hash_table_insert (self->seen, key, GUINT_TO_POINTER (line));
  return TRUE;
}

/* The store's checks, their problems moved to the row's line and columns. */
static gboolean
check_record (Import             *self,
              const LedgerRecord *record,
              guint               line,
              const gboolean     *failed)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);
  int lon = ledger_field_slots (self->kind)->lon;
  gboolean outside_county = FALSE;
  gboolean ok = TRUE;

  ledger_store_check (self->db, record, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      LedgerProblem *problem = g_ptr_array_steal_index (problems, i--);
      if (problem->field >= 0 && failed[problem->field])
        {
          ledger_problem_free (problem);   /* already reported by its cell */
          continue;
        }
      problem->line = line;
      problem->column = problem->field >= 0 && !self->geojson ? self->field_column[problem->field] : 0;
      ok = ok && problem->warning;
      /* the store's one warning on the location: outside the county outline */
      outside_county = outside_county || (problem->warning && lon >= 0 && problem->field == lon);
      g_ptr_array_add (self->report->problems, problem);
    }
  /* counted like the warning is listed, also on a row refused for another reason */
  if (outside_county)
    self->report->n_outside_county++;
  return ok;
}

/* ---- what a valid row does ---- */

static char *
record_code (const LedgerRecord *record)
{
  if (record->kind == LEDGER_KIND_SAMPLES || record->kind == LEDGER_KIND_INSPECTIONS)
    return g_strdup_printf ("%s %s", record->values[0] ?: "", record->values[1] ?: "");
  return g_strdup (record->values[0]);
}

static LedgerImportAction *
compare_with_stored (Import             *self,
                     const LedgerRecord *record,
                     const char         *geometry,
                     const LedgerRecord *existing,
                     guint               line)
{
  LedgerImportAction *action = g_new0 (LedgerImportAction, 1);
  g_autoptr (GStrvBuilder) changed = g_strv_builder_new ();
  guint n_changed = 0;

  action->line = line;
  action->code = record_code (record);
  action->is_update = existing != NULL;
  if (existing == NULL)
    return action;
  for (guint i = 0; i < self->n_fields; i++)
    if (g_strcmp0 (record->values[i], existing->values[i]) != 0)
      g_strv_builder_add (changed, self->fields[i].key), n_changed++;
  if (geometry != NULL)
    {
      g_autofree char *stored = ledger_shapes_dup_geometry (self->db, existing->uid);
      if (g_strcmp0 (stored, geometry) != 0)
        g_strv_builder_add (changed, LEDGER_TABLE_GEOMETRY_COLUMN), n_changed++;
    }
  action->changed_fields = g_strv_builder_end (changed);
  action->unchanged = n_changed == 0;
  return action;
}

static void
count_action (LedgerImportReport       *report,
              const LedgerImportAction *action)
{
  if (!action->is_update)
    report->n_new++;
  else if (action->unchanged)
    report->n_unchanged++;
  else
    report->n_updated++;
}

/* Takes @record and @geometry: kept for the write pass, or freed with a
 * rejected row. @ok: the steps before found no problem. */
void
ledger_import_accept_row (Import            *self,
                          LedgerRecord      *record,
                          LedgerImportCells *cells,
                          char              *geometry,
                          gboolean           ok)
{
  g_autoptr (LedgerRecord) existing = NULL;
  LedgerImportAction *action;

  for (guint i = 0; i <= self->n_fields; i++)
    ok = ok && !cells->failed[i];
  if (ok)
    ledger_import_match_by_name (self, record);
  if (ok)
    existing = overlay_existing (self, record, cells->present);
  ok = check_duplicate (self, record, cells->line) && ok;
  ok = check_record (self, record, cells->line, cells->failed) && ok;
  if (!ok)
    {
      self->report->n_rejected++;
      ledger_record_free (record);
      g_free (geometry);
      return;
    }
  action = compare_with_stored (self, record, geometry, existing, cells->line);
  count_action (self->report, action);
  g_ptr_array_add (self->report->actions, action);
  g_ptr_array_add (self->records, record);
  g_ptr_array_add (self->geometries, geometry);
  g_array_append_val (self->record_lines, cells->line);
}
