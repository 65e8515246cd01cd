/* ledger-list-data.c: one query per kind for the Ledger page's lists */
#include "config.h"

#include "ledger-list-data.h"
#include "ledger-rules.h"

typedef struct
{
  LedgerListData  pub;
  GStringChunk   *chunk;
} ListData;

#define REGION_JOINS \
  " LEFT JOIN regions v ON v.code = x.village_code LEFT JOIN regions t ON t.code = v.parent"

/* Columns in the order of the LEDGER_LIST_* enums; ?1 is the farms' year.
 * Whether a village's facility is down comes from the schema's view
 * village_facility_down (docs/RULES.md). */
static const char *const list_sql[] = {
  [LEDGER_KIND_VILLAGES] =
    "SELECT r.code, r.code, r.name, r.code, r.name, r.parent, t.name,"
    " r.kind, r.households, s.mode, s.covered_households, s.year_done,"
    " r.code IN (SELECT village_code FROM village_facility_down),"
    " s.village_code IS NOT NULL"
    " FROM regions r LEFT JOIN regions t ON t.code = r.parent"
    " LEFT JOIN village_sewage s ON s.village_code = r.code"
    " WHERE r.kind IN ('village', 'community') AND r.valid_to IS NULL ORDER BY r.code",
  [LEDGER_KIND_FACILITIES] =
    "SELECT x.uid, x.code, x.name, x.village_code, v.name, v.parent, t.name,"
    " x.kind, x.status, x.capacity_m3d, x.operator"
    " FROM facilities x" REGION_JOINS " ORDER BY x.code",
  [LEDGER_KIND_FARMS] =
    "SELECT x.uid, x.code, x.name, x.village_code, v.name, v.parent, t.name,"
    " x.operator, x.species, y.year, y.stock, y.annual_output, y.facilities_matched,"
    " y.manure_produced_t, y.manure_utilised_t"
    " FROM farms x" REGION_JOINS
    " LEFT JOIN farm_years y ON y.farm_uid = x.uid AND y.year ="
    "   (SELECT max(year) FROM farm_years WHERE farm_uid = x.uid AND year <= ?1)"
    " ORDER BY x.code",
  [LEDGER_KIND_WATER_BODIES] =
    "SELECT x.uid, x.code, x.name, x.village_code, v.name, v.parent, t.name,"
    " x.kind, x.area_m2, x.status, x.due, x.completed_on"
    " FROM water_bodies x" REGION_JOINS " ORDER BY x.code",
};

static const guint list_columns[] = {
  [LEDGER_KIND_VILLAGES] = LEDGER_LIST_V_END,
  [LEDGER_KIND_FACILITIES] = LEDGER_LIST_F_END,
  [LEDGER_KIND_FARMS] = LEDGER_LIST_A_END,
  [LEDGER_KIND_WATER_BODIES] = LEDGER_LIST_W_END,
};

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
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_FLOAT:
      return g_string_chunk_insert (chunk, g_ascii_formatd (buf, sizeof buf, "%.15g",
                                                            sqlite3_column_double (stmt, column)));
    default:
      return g_string_chunk_insert (chunk, (const char *) sqlite3_column_text (stmt, column));
    }
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
  /* the status as of the chosen year, by the rule the detail pane and progress use */
  for (guint r = 0; self->pub.kind == LEDGER_KIND_WATER_BODIES && r < self->pub.n_rows; r++)
    cells->pdata[r * n + LEDGER_LIST_W_STATUS] = (gpointer) ledger_water_body_status_in_year (
      cells->pdata[r * n + LEDGER_LIST_W_STATUS], cells->pdata[r * n + LEDGER_LIST_W_COMPLETED], self->pub.year);
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

  stmt = ledger_db_prepare (db, list_sql[kind], error);
  if (stmt == NULL)
    return NULL;
  if (kind == LEDGER_KIND_FARMS)
    sqlite3_bind_int (stmt, 1, year > 0 ? year : 9999);

  self = g_rc_box_new0 (ListData);
  self->pub.kind = kind;
  self->pub.year = year;
  self->pub.n_columns = list_columns[kind];
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
