/* ledger-value-map.c: "treat every 'X' in this column as …", for one import
 *
 * The import assistant's answers to the values it did not know: looked up
 * for a cell before the cell is parsed (ledger-import-cells.c).
 */
#include "config.h"

#include "ledger-value-map.h"

struct _LedgerValueMap
{
  GHashTable *values;   /* "field_key\037trimmed text" → value */
};

static char *
map_key (const char *field_key,
         const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  return g_strdup_printf ("%s\037%s", field_key, trimmed);
}

LedgerValueMap *
ledger_value_map_new (void)
{
  LedgerValueMap *map = g_rc_box_new0 (LedgerValueMap);

  map->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return map;
}

LedgerValueMap *
ledger_value_map_ref (LedgerValueMap *map)
{
  return g_rc_box_acquire (map);
}

static void
value_map_clear (gpointer data)
{
  LedgerValueMap *map = data;

  g_clear_pointer (&map->values, g_hash_table_unref);
}

void
ledger_value_map_unref (LedgerValueMap *map)
{
  if (map != NULL)
    g_rc_box_release_full (map, value_map_clear);
}

void
ledger_value_map_add (LedgerValueMap *map,
                      const char     *field_key,
                      const char     *text,
                      const char     *value)
{
  g_return_if_fail (map != NULL && field_key != NULL && text != NULL && value != NULL);

  g_hash_table_replace (map->values, map_key (field_key, text), g_strdup (value));
}

const char *
ledger_value_map_lookup (const LedgerValueMap *map,
                         const char           *field_key,
                         const char           *text)
{
  g_autofree char *key = NULL;

  if (map == NULL || text == NULL)
    return NULL;
  key = map_key (field_key, text);
  return g_hash_table_lookup (map->values, key);
}
