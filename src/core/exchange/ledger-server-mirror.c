/* ledger-server-mirror.c: the county ledger in PostGIS, for QGIS
 *
 * After each county sync, in one transaction, the schema
 * sanitation_ledger_mirror is made anew: a table per kind (the columns of the
 * GeoJSON export, which are the columns of ledger-kinds.c by English key, typed; the
 * township code; the computed status; geometry(Point, 4326), and for water
 * bodies their line or area as geometry(Geometry, 4326)) and progress, the
 * figures of every indicator per township and year since the baseline. Rows
 * go in as bound parameters; the column names come from the kinds table
 * (English keys, checked to be plain identifiers), never from a user.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ledger-error.h"
#include "ledger-export.h"
#include "ledger-progress.h"
#include "ledger-server-private.h"

#define MIRROR "sanitation_ledger_mirror"

typedef struct
{
  LedgerKind   kind;
  const char  *table;
  LedgerIndicatorId indicators[2];  /* holding-back sets that give status columns */
  const char  *status_columns[2];
} MirrorKind;

static const MirrorKind mirror_kinds[] = {
  { LEDGER_KIND_VILLAGES, "villages", { LEDGER_INDICATOR_VILLAGE_SEWAGE, -1 }, { "sewage_not_effective", NULL } },
  { LEDGER_KIND_FACILITIES, "facilities", { -1, -1 }, { NULL, NULL } },
  { LEDGER_KIND_FARMS, "farms", { LEDGER_INDICATOR_MANURE_UTILISATION, LEDGER_INDICATOR_SCALE_FARM_FACILITIES },
    { "manure_below_target", "scale_farm_without_facilities" } },
  { LEDGER_KIND_WATER_BODIES, "water_bodies", { LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED, -1 }, { "not_remediated", NULL } },
};

static const char *
sql_type (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return NULL;
  switch (json_node_get_value_type (value))
    {
    case G_TYPE_INT64: return "bigint";
    case G_TYPE_DOUBLE: return "double precision";
    case G_TYPE_BOOLEAN: return "boolean";
    default: return "text";
    }
}

static gboolean
is_identifier (const char *name)
{
  return g_regex_match_simple ("^[a-z][a-z0-9_]{0,62}$", name, 0, 0);
}

/* the columns and their types, from every feature (a column null in the first may be set later) */
static GPtrArray *
columns_of (JsonArray *features,
            GHashTable *types)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *properties = json_object_get_object_member (json_array_get_object_element (features, i), "properties");
      g_autoptr (GList) members = properties ? json_object_get_members (properties) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *type = sql_type (json_object_get_member (properties, l->data));
          if (!is_identifier (l->data))
            continue;
          if (!g_hash_table_contains (types, l->data))
            g_ptr_array_add (columns, g_strdup (l->data));
          if (type != NULL || !g_hash_table_contains (types, l->data))
            if (type != NULL || g_hash_table_lookup (types, l->data) == NULL)
              g_hash_table_insert (types, g_strdup (l->data), (gpointer) (type ? type : NULL));
        }
    }
  return columns;
}

static char *
create_sql (const MirrorKind *k,
            GPtrArray        *columns,
            GHashTable       *types)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "DROP TABLE IF EXISTS " MIRROR ".%s; CREATE TABLE " MIRROR ".%s (uid text PRIMARY KEY",
                          k->table, k->table);
  for (guint i = 0; i < columns->len; i++)
    {
      const char *type = g_hash_table_lookup (types, g_ptr_array_index (columns, i));
      g_string_append_printf (sql, ", %s %s", (char *) g_ptr_array_index (columns, i), type ? type : "text");
    }
  g_string_append (sql, ", township_code text");
  for (guint i = 0; i < G_N_ELEMENTS (k->status_columns) && k->status_columns[i]; i++)
    g_string_append_printf (sql, ", %s boolean", k->status_columns[i]);
  g_string_append (sql, ", geom geometry(Point, 4326)");
  if (k->kind == LEDGER_KIND_WATER_BODIES)
    g_string_append (sql, ", shape geometry(Geometry, 4326)");
  g_string_append_printf (sql, "); CREATE INDEX ON " MIRROR ".%s USING gist (geom);"
                          "GRANT SELECT ON " MIRROR ".%s TO sanitation_ledger_reader;", k->table, k->table);
  return g_string_free (sql, FALSE);
}

static char *
insert_sql (const MirrorKind *k,
            GPtrArray        *columns,
            GHashTable       *types)
{
  GString *names = g_string_new ("uid");
  GString *values = g_string_new ("$1");
  guint n = 1;

  for (guint i = 0; i < columns->len; i++)
    {
      const char *type = g_hash_table_lookup (types, g_ptr_array_index (columns, i));
      g_string_append_printf (names, ", %s", (char *) g_ptr_array_index (columns, i));
      g_string_append_printf (values, ", $%u::%s", ++n, type ? type : "text");
    }
  g_string_append (names, ", township_code");
  g_string_append_printf (values, ", $%u", ++n);
  for (guint i = 0; i < G_N_ELEMENTS (k->status_columns) && k->status_columns[i]; i++)
    {
      g_string_append_printf (names, ", %s", k->status_columns[i]);
      g_string_append_printf (values, ", $%u::boolean", ++n);
    }
  /* a line or an area: its point on the surface is the point, the whole is the shape */
  g_string_append_printf (names, ", geom%s", k->kind == LEDGER_KIND_WATER_BODIES ? ", shape" : "");
  g_string_append_printf (values, ", ST_PointOnSurface (ST_SetSRID (ST_GeomFromGeoJSON ($%u), 4326))", ++n);
  if (k->kind == LEDGER_KIND_WATER_BODIES)
    g_string_append_printf (values, ", CASE WHEN $%u::text LIKE '%%\"Point\"%%' THEN NULL "
                            "ELSE ST_SetSRID (ST_GeomFromGeoJSON ($%u), 4326) END", n, n);
  return g_strdup_printf ("INSERT INTO " MIRROR ".%s (%s) VALUES (%s)", k->table, names->str, values->str);
}

static char *
value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN: return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64: return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE: return g_strdup_printf ("%.17g", json_node_get_double (node));
    default: return g_strdup (json_node_get_string (node));
    }
}

static gboolean
insert_feature (PGconn            *conn,
                const char        *sql,
                const MirrorKind  *k,
                GPtrArray         *columns,
                GHashTable        *holding[2],
                JsonObject        *feature,
                GError           **error)
{
  JsonObject *properties = json_object_get_object_member (feature, "properties");
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uid = value_text (json_object_get_member (feature, "id"));
  g_autofree char *village = NULL;
  g_autoptr (PGresult) result = NULL;

  g_ptr_array_add (values, g_strdup (uid));
  for (guint i = 0; i < columns->len; i++)
    g_ptr_array_add (values, value_text (json_object_get_member (properties, g_ptr_array_index (columns, i))));
  village = value_text (json_object_get_member (properties, "village_code"));
  g_ptr_array_add (values, village && strlen (village) >= 9 ? g_strndup (village, 9) : NULL);
  for (guint i = 0; i < G_N_ELEMENTS (k->status_columns) && k->status_columns[i]; i++)
    g_ptr_array_add (values, g_strdup (g_hash_table_contains (holding[i], uid) ? "true" : "false"));
  g_ptr_array_add (values, json_to_string (json_object_get_member (feature, "geometry"), FALSE));
  result = ledger_server_query (conn, sql, values->len, (const char *const *) values->pdata, NULL, NULL, error);
  return result != NULL;
}

static gboolean
mirror_kind (LedgerDb         *db,
             PGconn           *conn,
             const MirrorKind *k,
             int               year,
             GError          **error)
{
  g_autofree char *text = ledger_export_geojson_text (db, k->kind, year, NULL, error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) columns = NULL;
  g_autoptr (GHashTable) holding0 = NULL, holding1 = NULL;
  GHashTable *holding[2];
  g_autofree char *create = NULL, *insert = NULL;
  JsonArray *features;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, error))
    return FALSE;
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  columns = columns_of (features, types);
  holding0 = k->indicators[0] != (LedgerIndicatorId) -1 ? ledger_progress_holding_back (db, year, NULL, k->indicators[0], error)
                                                         : g_hash_table_new (g_str_hash, g_str_equal);
  holding1 = k->indicators[1] != (LedgerIndicatorId) -1 ? ledger_progress_holding_back (db, year, NULL, k->indicators[1], error)
                                                         : g_hash_table_new (g_str_hash, g_str_equal);
  if (holding0 == NULL || holding1 == NULL)
    return FALSE;
  holding[0] = holding0;
  holding[1] = holding1;
  create = create_sql (k, columns, types);
  insert = insert_sql (k, columns, types);
  if (!ledger_server_exec (conn, create, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (features); i++)
    if (!insert_feature (conn, insert, k, columns, holding, json_array_get_object_element (features, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
insert_scope (PGconn                    *conn,
              const LedgerScopeProgress *scope,
              int                        year,
              GError                   **error)
{
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      const LedgerIndicator *ind = &scope->indicators[i];
      g_autofree char *y = g_strdup_printf ("%d", year);
      g_autofree char *num = g_strdup_printf ("%.17g", ind->numerator);
      g_autofree char *den = g_strdup_printf ("%.17g", ind->denominator);
      g_autofree char *rate = isnan (ind->rate) ? NULL : g_strdup_printf ("%.17g", ind->rate);
      g_autofree char *target = g_strdup_printf ("%.17g", ind->target);
      const char *values[] = { scope->code, scope->name, y, ledger_indicator_key (i), num, den, rate, target,
                               isnan (ind->rate) ? NULL : (ind->met ? "true" : "false") };
      g_autoptr (PGresult) result = ledger_server_query (conn,
        "INSERT INTO " MIRROR ".progress VALUES ($1, $2, $3::int, $4, $5::float8, $6::float8, $7::float8, "
        "$8::float8, $9::boolean)", G_N_ELEMENTS (values), values, NULL, NULL, error);
      if (result == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
mirror_progress (LedgerDb  *db,
                 PGconn    *conn,
                 GError   **error)
{
  if (!ledger_server_exec (conn, "DROP TABLE IF EXISTS " MIRROR ".progress; CREATE TABLE " MIRROR ".progress ("
                                 "region_code text, region_name text, year int, indicator text, numerator float8, "
                                 "denominator float8, rate float8, target float8, met boolean, "
                                 "PRIMARY KEY (region_code, year, indicator));"
                                 "GRANT SELECT ON " MIRROR ".progress TO sanitation_ledger_reader", error))
    return FALSE;
  for (int year = LEDGER_BASELINE_YEAR; year <= ledger_current_year (); year++)
    {
      g_autoptr (LedgerProgress) progress = ledger_progress_compute (db, year, NULL, error);
      if (progress == NULL || !insert_scope (conn, &progress->county, year, error))
        return FALSE;
      for (guint i = 0; i < progress->townships->len; i++)
        if (!insert_scope (conn, g_ptr_array_index (progress->townships, i), year, error))
          return FALSE;
    }
  return TRUE;
}

/**
 * ledger_server_mirror:
 *
 * Makes sanitation_ledger_mirror anew from the county ledger, in one
 * transaction: a reader never sees half of it.
 */
gboolean
ledger_server_mirror (LedgerDb  *db,
                      PGconn    *conn,
                      GError   **error)
{
  int year = ledger_current_year ();

  if (!ledger_server_exec (conn, "BEGIN", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (mirror_kinds); i++)
    if (!mirror_kind (db, conn, &mirror_kinds[i], year, error))
      goto failed;
  if (mirror_progress (db, conn, error) && ledger_server_exec (conn, "COMMIT", error))
    return TRUE;
failed:
  PQclear (PQexec (conn, "ROLLBACK"));
  return FALSE;
}
