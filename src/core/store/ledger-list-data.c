/* ledger-list-data.c: one query per kind for the Ledger page's lists */
#include "config.h"

#include "ledger-kind-tables.h"
#include "ledger-list-data.h"
#include "ledger-rules.h"
#include "ledger-values.h"

typedef struct
{
  LedgerListData  pub;
  GStringChunk   *chunk;
} ListData;

#define REGION_JOINS \
  " LEFT JOIN regions v ON v.code = x.village_code LEFT JOIN regions t ON t.code = v.parent"
#define COMMON_COLUMNS "x.uid, x.code, x.name, x.village_code, v.name, v.parent, t.name"

/* Where each kind's list is read from: the kind's tables (ledger-kind-tables.c,
 * as the store reads them), then @joins. The SELECT list is made from the
 * kinds table, like the store's build_load_sql(): the common columns, then
 * every field marked as a list column (its list_label) in the table's order
 * as ALIAS.KEY (of the second table from its first field on), then @extras.
 * ?1 is the farms' year. Whether a village's facility is down comes from the
 * schema's view village_facility_down (docs/RULES.md). */
typedef struct
{
  const char        *common;
  const char *const *extras;    /* key, expression, …, NULL */
  const char        *joins;     /* … WHERE … ORDER BY … */
} ListSource;

static const char *const common_keys[LEDGER_LIST_N_COMMON] = {
  "uid", "code", "name", "village_code", "village_name", "township_code", "township_name",
};

static const char *const village_extras[] = {
  "region_kind", "r.kind",
  "facility_down", "r.code IN (SELECT village_code FROM village_facility_down)",
  "has_record", "s.village_code IS NOT NULL",
  NULL
};
static const char *const farm_extras[] = { "operator", "x.operator", NULL };

static const ListSource list_sources[] = {
  [LEDGER_KIND_VILLAGES] = {
    "r.code, r.code, r.name, r.code, r.name, r.parent, t.name", village_extras,
    " LEFT JOIN regions t ON t.code = r.parent"
    " WHERE r.kind IN ('village', 'community') AND r.valid_to IS NULL ORDER BY r.code" },
  [LEDGER_KIND_FACILITIES] = { COMMON_COLUMNS, NULL, REGION_JOINS " ORDER BY x.code" },
  [LEDGER_KIND_FARMS] = { COMMON_COLUMNS, farm_extras, REGION_JOINS " ORDER BY x.code" },
  [LEDGER_KIND_WATER_BODIES] = { COMMON_COLUMNS, NULL, REGION_JOINS " ORDER BY x.code" },
};

/* A kind's statement and the key of each of its columns, made once. */
typedef struct
{
  char        *sql;
  GPtrArray   *keys;
} ListShape;

static ListShape *
build_shape (LedgerKind kind)
{
  const ListSource *source = &list_sources[kind];
  const LedgerKindTables *tables = ledger_kind_tables (kind);
  g_autofree char *from = ledger_kind_tables_from (kind, "?1", NULL);
  ListShape *shape = g_new0 (ListShape, 1);
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);
  GString *sql = g_string_new ("SELECT ");
  gboolean second = FALSE;

  shape->keys = g_ptr_array_new ();
  g_string_append (sql, source->common);
  for (guint i = 0; i < LEDGER_LIST_N_COMMON; i++)
    g_ptr_array_add (shape->keys, (gpointer) common_keys[i]);
  for (guint i = 0; i < n_fields; i++)
    {
      second = second || g_strcmp0 (fields[i].key, tables->second_from) == 0;
      if (fields[i].list_label == NULL)
        continue;
      g_string_append_printf (sql, ", %s.%s", second ? tables->second_alias : tables->alias, fields[i].key);
      g_ptr_array_add (shape->keys, (gpointer) fields[i].key);
    }
  for (guint i = 0; source->extras != NULL && source->extras[i] != NULL; i += 2)
    {
      g_string_append_printf (sql, ", %s", source->extras[i + 1]);
      g_ptr_array_add (shape->keys, (gpointer) source->extras[i]);
    }
  g_string_append_printf (sql, " FROM %s%s", from, source->joins);
  shape->sql = g_string_free (sql, FALSE);
  return shape;
}

static const ListShape *
shape_of (LedgerKind kind)
{
  static ListShape *shapes[G_N_ELEMENTS (list_sources)];

  if (g_once_init_enter (&shapes[kind]))
    g_once_init_leave (&shapes[kind], build_shape (kind));
  return shapes[kind];
}

/**
 * ledger_list_column:
 * @kind: villages, facilities, farms or water bodies
 * @key: a common column's key, a listed field's or an extra's
 *
 * Returns: the column of @key in @kind's list data, or -1
 */
int
ledger_list_column (LedgerKind  kind,
                    const char *key)
{
  guint index;

  g_return_val_if_fail (kind <= LEDGER_KIND_WATER_BODIES, -1);
  if (!g_ptr_array_find_with_equal_func (shape_of (kind)->keys, key, g_str_equal, &index))
    return -1;
  return index;
}

guint
ledger_list_n_columns (LedgerKind kind)
{
  g_return_val_if_fail (kind <= LEDGER_KIND_WATER_BODIES, 0);
  return shape_of (kind)->keys->len;
}

const char *
ledger_list_column_key (LedgerKind kind,
                        guint      column)
{
  g_return_val_if_fail (column < ledger_list_n_columns (kind), NULL);
  return g_ptr_array_index (shape_of (kind)->keys, column);
}

static void
list_data_clear (gpointer data)
{
  ListData *self = data;

  g_free (self->pub.cells);
  if (self->chunk)
    g_string_chunk_free (self->chunk);
}

static const char *
column_text (GStringChunk *chunk,
             sqlite3_stmt *stmt,
             int           column)
{
  g_autofree char *number = NULL;

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_FLOAT:
      number = ledger_number_canonical (sqlite3_column_double (stmt, column));
      return g_string_chunk_insert (chunk, number);
    default:
      return g_string_chunk_insert (chunk, (const char *) sqlite3_column_text (stmt, column));
    }
}

/* a water body's status as of the chosen year, by the rule the detail pane
 * and progress use */
static void
status_in_year (LedgerListData *data,
                GPtrArray      *cells)
{
  int status = ledger_list_column (data->kind, "status");
  int completed = ledger_list_column (data->kind, "completed_on");
  guint n = data->n_columns;

  g_return_if_fail (status >= 0 && completed >= 0);
  for (guint r = 0; r < data->n_rows; r++)
    cells->pdata[r * n + status] = (gpointer) ledger_water_body_status_in_year (
      cells->pdata[r * n + status], cells->pdata[r * n + completed], data->year);
}

static gboolean
read_rows (LedgerDb     *db,
           sqlite3_stmt *stmt,
           ListData     *self,
           GError      **error)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_sized_new (1024);
  guint n = self->pub.n_columns;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint c = 0; c < n; c++)
        g_ptr_array_add (cells, (gpointer) column_text (self->chunk, stmt, c));
      self->pub.n_rows++;
    }
  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);
  if (self->pub.kind == LEDGER_KIND_WATER_BODIES)
    status_in_year (&self->pub, cells);
  self->pub.cells = (const char **) g_ptr_array_steal (cells, NULL);
  return TRUE;
}

/**
 * ledger_list_data_load:
 * @kind: LEDGER_KIND_VILLAGES, _FACILITIES, _FARMS or _WATER_BODIES
 * @year: farms: the figures of that year or the latest before; 0 = latest
 *
 * Returns: (transfer full): the rows, sorted by code
 */
LedgerListData *
ledger_list_data_load (LedgerDb    *db,
                       LedgerKind   kind,
                       int          year,
                       GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  ListData *self;

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);
  g_return_val_if_fail (kind <= LEDGER_KIND_WATER_BODIES, NULL);

  stmt = ledger_db_prepare (db, shape_of (kind)->sql, error);
  if (stmt == NULL)
    return NULL;
  if (kind == LEDGER_KIND_FARMS)
    sqlite3_bind_int (stmt, 1, year > 0 ? year : 9999);

  self = g_rc_box_new0 (ListData);
  self->pub.kind = kind;
  self->pub.year = year;
  self->pub.n_columns = ledger_list_n_columns (kind);
  self->chunk = g_string_chunk_new (64 * 1024);
  if (!read_rows (db, stmt, self, error))
    {
      g_rc_box_release_full (self, list_data_clear);
      return NULL;
    }
  return &self->pub;
}

LedgerListData *
ledger_list_data_ref (LedgerListData *data)
{
  return g_rc_box_acquire (data);
}

void
ledger_list_data_unref (LedgerListData *data)
{
  /* pub is the first member, so the box starts at data */
  g_rc_box_release_full (data, list_data_clear);
}
