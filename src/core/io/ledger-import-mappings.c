/* ledger-import-mappings.c: remembered column mappings, per ledger
 *
 * The value is the JSON {"columns": [names…], "targets": [target…],
 * "values": [field key, text, value, …]}: the
 * names are checked again on use, so a hash collision maps nothing.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ledger-db.h"
#include "ledger-import-mappings.h"
#include "ledger-store.h"

/* ---- auxiliary functions ---- */

static char *
mapping_key (const LedgerTableLayout *layout)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint c = 0; c < layout->n_columns; c++)
    {
      const char *name = layout->columns[c].name ? layout->columns[c].name : "";

      g_checksum_update (checksum, (const guchar *) name, strlen (name) + 1);   /* the NUL separates */
    }
  return g_strdup_printf ("import_mapping/%s/%.16s", ledger_kind_to_key (layout->kind),
                          g_checksum_get_string (checksum));
}

static char *
mapping_json (const LedgerTableLayout *layout,
              const char * const      *values)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < layout->n_columns; c++)
    json_builder_add_string_value (builder, layout->columns[c].name ? layout->columns[c].name : "");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  for (guint c = 0; c < layout->n_columns; c++)
    json_builder_add_int_value (builder, layout->columns[c].target);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "values");
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* The stored targets, when the stored names are the layout's. (transfer full) */
static int *
stored_targets (const char              *json,
                const LedgerTableLayout *layout,
                char                  ***values)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *columns, *targets;
  g_autofree int *result = NULL;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  columns = json_object_has_member (object, "columns") ? json_object_get_array_member (object, "columns") : NULL;
  targets = json_object_has_member (object, "targets") ? json_object_get_array_member (object, "targets") : NULL;
  if (columns == NULL || targets == NULL || json_array_get_length (columns) != layout->n_columns ||
      json_array_get_length (targets) != layout->n_columns)
    return NULL;
  result = g_new0 (int, MAX (layout->n_columns, 1));
  for (guint c = 0; c < layout->n_columns; c++)
    {
      if (g_strcmp0 (json_array_get_string_element (columns, c), layout->columns[c].name ? layout->columns[c].name : "") != 0)
        return NULL;
      result[c] = (int) json_array_get_int_element (targets, c);
    }
  if (values != NULL)
    {
      JsonArray *choices = json_object_has_member (object, "values") ? json_object_get_array_member (object, "values") : NULL;
      guint n = choices ? json_array_get_length (choices) / 3 * 3 : 0;

      *values = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        (*values)[i] = g_strdup (json_array_get_string_element (choices, i) ?: "");
    }
  return g_steal_pointer (&result);
}

/* ---- public API ---- */

/**
 * ledger_import_mapping_save:
 * @db: a ledger open for writing
 * @layout: the layout as imported (its columns' targets as chosen)
 * @values: (nullable): the value choices, field key/text/value triples
 * @error: an SQL error
 *
 * Returns: TRUE on success (also when nothing changed)
 */
gboolean
ledger_import_mapping_save (LedgerDb                *db,
                            const LedgerTableLayout *layout,
                            const char * const      *values,
                            GError                 **error)
{
  g_autofree char *key = mapping_key (layout);
  g_autofree char *value = mapping_json (layout, values);
  g_autofree char *old_value = NULL;

  g_return_val_if_fail (LEDGER_IS_DB (db), FALSE);

  if (layout->n_columns == 0 || !ledger_db_begin (db, error))
    return layout->n_columns == 0;
  old_value = ledger_db_get_meta (db, key);
  if (g_strcmp0 (old_value, value) == 0)
    return ledger_db_commit (db, error);
  if (!ledger_db_set_meta (db, key, value, error) || !ledger_db_audit_meta (db, key, old_value, value, error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  return ledger_db_commit (db, error);
}

/**
 * ledger_import_mapping_apply:
 * @db: a ledger
 * @layout: a layout just detected
 * @table: its table (the rows are classed again)
 * @values: (out) (optional) (transfer full): the value choices stored with it
 *
 * Returns: TRUE when the header was seen before and its mapping applied
 */
gboolean
ledger_import_mapping_apply (LedgerDb           *db,
                             LedgerTableLayout  *layout,
                             const LedgerTable  *table,
                             char             ***values)
{
  g_autofree char *key = mapping_key (layout);
  g_autofree char *json = ledger_db_get_meta (db, key);
  g_autofree int *targets = stored_targets (json, layout, values);

  if (targets == NULL)
    return FALSE;
  for (guint c = 0; c < layout->n_columns; c++)
    if (layout->columns[c].target != targets[c])
      ledger_table_layout_set_target (layout, table, c, targets[c]);
  return TRUE;
}
