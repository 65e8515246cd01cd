/* ledger-points.c: what the map draws, loaded in one query per kind
 *
 * The strings of every point live in one GStringChunk, so a set of 100,000
 * points is a handful of allocations and the map layer can hold plain
 * pointers into it for as long as it holds the set.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ledger-points.h"

struct _LedgerPointSet
{
  GObject       parent_instance;

  GArray       *points;   /* LedgerPoint */
  GStringChunk *strings;
  GHashTable   *by_uid;   /* uid (in strings) -> index + 1 */
};

G_DEFINE_FINAL_TYPE (LedgerPointSet, ledger_point_set, G_TYPE_OBJECT)

static const char facilities_sql[] =
  "SELECT uid, code, name, village_code, status, lon, lat FROM facilities "
  "WHERE lon IS NOT NULL AND lat IS NOT NULL";

/* the farm's figures of year ?1, or of the latest year before it it has */
static const char farms_sql[] =
  "SELECT f.uid, f.code, f.name, f.village_code, f.species, f.lon, f.lat, "
  "       y.stock, y.annual_output, y.facilities_matched "
  "FROM farms f "
  "LEFT JOIN farm_years y ON y.farm_uid = f.uid AND y.year = "
  "  (SELECT MAX(year) FROM farm_years WHERE farm_uid = f.uid AND year <= ?1) "
  "WHERE f.lon IS NOT NULL AND f.lat IS NOT NULL";

/* the latest sample taken in or before year ?1 sets the measured level */
static const char water_bodies_sql[] =
  "SELECT w.uid, w.code, w.name, w.village_code, w.status, w.lon, w.lat, s.uid, "
  "       s.transparency_cm, s.depth_cm, s.do_mgl, s.orp_mv, s.nh3n_mgl, "
  "       s.cod_mgl, s.tp_mgl, s.ss_mgl, s.ph, w.completed_on "
  "FROM water_bodies w "
  "LEFT JOIN samples s ON s.uid = "
  "  (SELECT uid FROM samples WHERE water_body_uid = w.uid AND date <= ?1 || '-12-31' "
  "   ORDER BY date DESC, rowid DESC LIMIT 1) "
  "WHERE w.lon IS NOT NULL AND w.lat IS NOT NULL";

static double
column_double_or_nan (sqlite3_stmt *stmt,
                      int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* columns 0–6 are the same for every kind: uid, code, name, village_code, status/species, lon, lat */
static void
read_common (sqlite3_stmt *stmt,
             LedgerKind    kind,
             LedgerPoint  *point)
{
  memset (point, 0, sizeof *point);
  point->kind = kind;
  point->uid = column_text (stmt, 0);
  point->code = column_text (stmt, 1);
  point->name = column_text (stmt, 2);
  point->village_code = column_text (stmt, 3);
  point->status = kind == LEDGER_KIND_FARMS ? NULL : column_text (stmt, 4);
  point->lon = sqlite3_column_double (stmt, 5);
  point->lat = sqlite3_column_double (stmt, 6);
  point->level = LEDGER_BLACK_NO_SAMPLE;
}

static void
read_farm (sqlite3_stmt      *stmt,
           const LedgerRules *rules,
           LedgerPoint       *point)
{
  LedgerSpecies species;

  read_common (stmt, LEDGER_KIND_FARMS, point);
  if (ledger_species_from_key (column_text (stmt, 4), &species))
    point->is_scale = ledger_is_scale_farm (rules, species,
                                            column_double_or_nan (stmt, 7),
                                            column_double_or_nan (stmt, 8));
  point->matched = sqlite3_column_int (stmt, 9) == 1;
  point->mark = ledger_mark_for_farm (point->is_scale, point->matched);
}

static void
read_water_body (sqlite3_stmt *stmt,
                 int           year,
                 LedgerPoint  *point)
{
  LedgerMeasurements m;
  gboolean remediated;

  read_common (stmt, LEDGER_KIND_WATER_BODIES, point);
  /* as of the chosen year, the rule the list, detail pane and progress use */
  point->status = ledger_water_body_status_in_year (point->status, column_text (stmt, 17), year);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    {
      m.transparency_cm = column_double_or_nan (stmt, 8);
      m.depth_cm = column_double_or_nan (stmt, 9);
      m.do_mgl = column_double_or_nan (stmt, 10);
      m.orp_mv = column_double_or_nan (stmt, 11);
      m.nh3n_mgl = column_double_or_nan (stmt, 12);
      m.cod_mgl = column_double_or_nan (stmt, 13);
      m.tp_mgl = column_double_or_nan (stmt, 14);
      m.ss_mgl = column_double_or_nan (stmt, 15);
      m.ph = column_double_or_nan (stmt, 16);
      point->level = ledger_black_odorous_level (&m);
    }
  remediated = g_strcmp0 (point->status, "completed") == 0 || g_strcmp0 (point->status, "verified") == 0;
  point->still_black = remediated && (point->level == LEDGER_BLACK_LIGHT || point->level == LEDGER_BLACK_HEAVY);
  point->mark = ledger_mark_for_water_body (point->status, point->still_black);
}

static gboolean
load_kind (LedgerPointSet    *self,
           LedgerDb          *db,
           LedgerKind         kind,
           int                year,
           const LedgerRules *rules,
           GError           **error)
{
  const char *sql = kind == LEDGER_KIND_FACILITIES ? facilities_sql
                    : kind == LEDGER_KIND_FARMS ? farms_sql : water_bodies_sql;
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, error);
  LedgerPoint point;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (kind != LEDGER_KIND_FACILITIES)
    sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (kind == LEDGER_KIND_FACILITIES)
        {
          read_common (stmt, kind, &point);
          point.mark = ledger_mark_for_facility (point.status);
        }
      else if (kind == LEDGER_KIND_FARMS)
        read_farm (stmt, rules, &point);
      else
        read_water_body (stmt, year, &point);
      ledger_point_set_add (self, &point);
    }
  if (rc != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, rc, error);
  return TRUE;
}

static const char *
intern (LedgerPointSet *self,
        const char     *s)
{
  return s == NULL ? NULL : g_string_chunk_insert (self->strings, s);
}

static const char *
intern_const (LedgerPointSet *self,
              const char     *s)
{
  return s == NULL ? NULL : g_string_chunk_insert_const (self->strings, s);
}

static void
ledger_point_set_finalize (GObject *object)
{
  LedgerPointSet *self = LEDGER_POINT_SET (object);

  g_clear_pointer (&self->by_uid, g_hash_table_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (ledger_point_set_parent_class)->finalize (object);
}

static void
ledger_point_set_class_init (LedgerPointSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_point_set_finalize;
}

static void
ledger_point_set_init (LedgerPointSet *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (LedgerPoint));
  self->strings = g_string_chunk_new (4096);
  self->by_uid = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * ledger_point_set_load:
 * @db: an open ledger
 * @year: the year whose farm figures and samples count (docs/RULES.md)
 * @error: return location for an error
 *
 * Reads every facility, farm and water body that has coordinates, with the
 * mark the map colours it by.
 *
 * Returns: (transfer full) (nullable): the points, or %NULL with @error set
 */
LedgerPointSet *
ledger_point_set_load (LedgerDb  *db,
                       int        year,
                       GError   **error)
{
  g_autoptr (LedgerPointSet) self = ledger_point_set_new_empty ();
  g_autoptr (LedgerRules) rules = NULL;

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);

  rules = ledger_rules_load (db, error);
  if (rules == NULL)
    return NULL;
  if (!load_kind (self, db, LEDGER_KIND_FACILITIES, year, rules, error) ||
      !load_kind (self, db, LEDGER_KIND_FARMS, year, rules, error) ||
      !load_kind (self, db, LEDGER_KIND_WATER_BODIES, year, rules, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * ledger_point_set_new_empty:
 *
 * Returns: (transfer full): a set without points
 */
LedgerPointSet *
ledger_point_set_new_empty (void)
{
  return g_object_new (LEDGER_TYPE_POINT_SET, NULL);
}

guint
ledger_point_set_get_n (LedgerPointSet *self)
{
  g_return_val_if_fail (LEDGER_IS_POINT_SET (self), 0);

  return self->points->len;
}

/**
 * ledger_point_set_get:
 *
 * Returns: (transfer none): the point at @index, valid as long as the set
 *   is alive and no point is added
 */
const LedgerPoint *
ledger_point_set_get (LedgerPointSet *self,
                      guint           index)
{
  g_return_val_if_fail (LEDGER_IS_POINT_SET (self), NULL);
  g_return_val_if_fail (index < self->points->len, NULL);

  return &g_array_index (self->points, LedgerPoint, index);
}

/**
 * ledger_point_set_find:
 *
 * Returns: (transfer none) (nullable): the point whose uid is @uid
 */
const LedgerPoint *
ledger_point_set_find (LedgerPointSet *self,
                       const char     *uid)
{
  guint index;

  g_return_val_if_fail (LEDGER_IS_POINT_SET (self), NULL);

  if (uid == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_uid, uid));
  return index == 0 ? NULL : &g_array_index (self->points, LedgerPoint, index - 1);
}

/**
 * ledger_point_set_add:
 * @point: a point; its strings are copied
 *
 * Adds a point. Pointers returned earlier by ledger_point_set_get() and
 * ledger_point_set_find() are no longer valid afterwards.
 */
void
ledger_point_set_add (LedgerPointSet    *self,
                      const LedgerPoint *point)
{
  LedgerPoint copy = *point;

  g_return_if_fail (LEDGER_IS_POINT_SET (self));
  g_return_if_fail (point->uid != NULL);

  copy.uid = intern (self, point->uid);
  copy.code = intern (self, point->code);
  copy.name = intern (self, point->name);
  copy.village_code = intern_const (self, point->village_code);
  copy.status = intern_const (self, point->status);
  g_array_append_val (self->points, copy);
  g_hash_table_replace (self->by_uid, (gpointer) copy.uid, GUINT_TO_POINTER (self->points->len));
}
