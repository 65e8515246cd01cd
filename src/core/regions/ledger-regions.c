/* ledger-regions.c: a county's regions from the national division list
 *
 * divisions.tsv.gz holds "code<TAB>name" lines sorted by code (provinces 2
 * digits, cities 4, counties 6, townships 9, village-level units 12), so a
 * county's block is contiguous: read it streaming and stop after it.
 *
 * Kinds of village-level units follow the NBS code (统计用区划代码), never the
 * name: last three digits 200–399 are 村民委员会, stored as kind 'village' —
 * exactly the administrative villages the sewage indicator counts.
 * Everything else is stored as 'community': 001–199 居民委员会, and the rarer
 * 400–499 "similar to a residents' committee" and 500–599 "similar to a
 * villagers' committee" units (farm and corps living areas, 生活区,
 * 连队), which are not 村民委员会 and so never count either.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ledger-core-resources.h"
#include "ledger-demo.h"
#include "ledger-divisions.h"
#include "ledger-error.h"
#include "ledger-replace.h"
#include "ledger-regions.h"
#include "ledger-regions-scope.h"
#include "ledger-rules.h"

#define RESOURCE_ROOT "/org/ruralsanitation/Ledger/core/"

typedef struct
{
  char *code;
  char *name;
} Division;

/* ---- auxiliary functions ---- */

static void
division_free (gpointer data)
{
  Division *division = data;

  g_free (division->code);
  g_free (division->name);
  g_free (division);
}

static gboolean
is_county_code (const char *code)
{
  if (code == NULL || strlen (code) != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

static gboolean
set_no_county_error (const char  *county_code,
                     GError     **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
               _("No county with code %s in the national division list."),
               county_code ? county_code : "");
  return FALSE;
}

/* Appends the county's line and every line below it to @out, in code order. */
static gboolean
read_county_block (const char  *county_code,
                   GPtrArray   *out,
                   GError     **error)
{
  g_autoptr (GDataInputStream) in = ledger_divisions_open (error);
  gsize prefix = strlen (county_code);
  char *line;

  if (in == NULL)
    return FALSE;
  while ((line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, error)) != NULL)
    {
      g_autofree char *owned = line;
      char *tab = strchr (line, '\t');
      int order;

      if (tab == NULL)
        continue;
      *tab = '\0';
      order = strncmp (line, county_code, prefix);
      if (order > 0)
        break;
      if (order == 0)
        {
          Division *division = g_new0 (Division, 1);
          division->code = g_strdup (line);
          division->name = g_strdup (tab + 1);
          g_ptr_array_add (out, division);
        }
    }
  return error == NULL || *error == NULL;
}

static const char *
division_kind (const char *code)
{
  switch (strlen (code))
    {
    case 6:
      return "county";
    case 9:
      return "township";
    case 12:
      return ledger_code_is_admin_village (code) ? "village" : "community";
    default:
      return NULL;
    }
}

static char *
division_parent (const char *code)
{
  gsize len = strlen (code);

  return len == 6 ? NULL : g_strndup (code, len - 3);
}

static gboolean
insert_division (LedgerDb        *db,
                 const Division  *division,
                 GError         **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    ledger_db_prepare (db, "INSERT INTO regions (code, name, kind, parent) VALUES (?1, ?2, ?3, ?4)", error);
  g_autofree char *parent = division_parent (division->code);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, division->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, division->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, division_kind (division->code), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, parent, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ledger_db_set_sqlite_error (db, sqlite3_errcode (ledger_db_get_handle (db)), error);
  return TRUE;
}

static gboolean
insert_divisions (LedgerDb   *db,
                  GPtrArray  *divisions,
                  GError    **error)
{
  const Division *county = g_ptr_array_index (divisions, 0);

  for (guint i = 0; i < divisions->len; i++)
    {
      const Division *division = g_ptr_array_index (divisions, i);

      /* the list holds the four levels only; anything else would be a damaged file */
      if (division_kind (division->code) != NULL && !insert_division (db, division, error))
        return FALSE;
    }
  return ledger_db_set_meta (db, "region_code", county->code, error) &&
         ledger_db_set_meta (db, "region_name", county->name, error);
}

static gboolean
refuse_if_initialised (LedgerDb  *db,
                       GError   **error)
{
  g_autofree char *code = ledger_db_dup_region_code (db);
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;

  if (code == NULL || *code == '\0')
    return TRUE;
  name = ledger_regions_county_name (db);
  file = g_filename_display_name (ledger_db_get_path (db));
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("“%s” is already a ledger of %s (%s); it was left unchanged."),
               file, name ? name : code, code);
  return FALSE;
}

/* Fills regions and the optional demo into a ledger without a region, as one transaction. */
static gboolean
fill_ledger (LedgerDb    *db,
             const char  *county_code,
             gboolean     demo,
             GError     **error)
{
  if (!ledger_db_begin (db, error))
    return FALSE;
  if (!(ledger_regions_is_scope (county_code) ? ledger_regions_init_scope (db, county_code, error)
                                               : ledger_regions_init (db, county_code, error)) ||
      (demo && !ledger_demo_install (db, error)))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  return ledger_db_commit (db, error);
}

static double
column_or_nan (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

/* township code → mean of the located items and villages in it (double[2]) */
static GHashTable *
township_centroids (LedgerDb  *db,
                    GError   **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT t, avg(lon), avg(lat) FROM ("
    " SELECT substr(village_code, 1, 9) AS t, lon, lat FROM facilities WHERE lon IS NOT NULL"
    " UNION ALL SELECT substr(village_code, 1, 9), lon, lat FROM farms WHERE lon IS NOT NULL"
    " UNION ALL SELECT substr(village_code, 1, 9), lon, lat FROM water_bodies WHERE lon IS NOT NULL"
    " UNION ALL SELECT parent, lon, lat FROM regions"
    "   WHERE kind IN ('village', 'community') AND lon IS NOT NULL)"
    " GROUP BY t", error);
  g_autoptr (GHashTable) centroids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double *at = g_new (double, 2);
      at[0] = sqlite3_column_double (stmt, 1);
      at[1] = sqlite3_column_double (stmt, 2);
      g_hash_table_insert (centroids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), at);
    }
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&centroids);
}

static LedgerRegion *
region_from_row (sqlite3_stmt *stmt,
                 GHashTable   *centroids)
{
  LedgerRegion *region = g_new0 (LedgerRegion, 1);
  const double *at;

  region->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  region->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  region->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  region->lon = column_or_nan (stmt, 3);
  region->lat = column_or_nan (stmt, 4);
  if ((isnan (region->lon) || isnan (region->lat)) && centroids != NULL &&
      (at = g_hash_table_lookup (centroids, region->code)) != NULL)
    {
      region->lon = at[0];
      region->lat = at[1];
    }
  return region;
}

static GPtrArray *list_regions (LedgerDb    *db,
                                const char  *kind,
                                GHashTable  *centroids,
                                GError     **error);

/* ---- public API ---- */

/**
 * ledger_region_free:
 * @region: (transfer full) (nullable): a region
 */
void
ledger_region_free (LedgerRegion *region)
{
  if (region == NULL)
    return;
  g_free (region->code);
  g_free (region->name);
  g_free (region->kind);
  g_free (region);
}

/**
 * ledger_regions_init:
 * @db: a ledger without a region
 * @county_code: a 6-digit county code (a county, county-level city or
 *   municipal district), e.g. "512022"
 * @error: LEDGER_ERROR_NOT_FOUND when the list has no such county
 *
 * Inserts the county, its townships (parent: the county) and its
 * village-level units (parent: their township) from the national division
 * list, in one transaction, and sets the meta keys region_code and
 * region_name. A ledger that already has its county is refused. On failure
 * the ledger is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
ledger_regions_init (LedgerDb    *db,
                     const char  *county_code,
                     GError     **error)
{
  g_autoptr (GPtrArray) divisions = g_ptr_array_new_with_free_func (division_free);

  g_return_val_if_fail (LEDGER_IS_DB (db), FALSE);

  if (!is_county_code (county_code))
    return set_no_county_error (county_code, error);
  if (!refuse_if_initialised (db, error))
    return FALSE;
  if (!read_county_block (county_code, divisions, error))
    return FALSE;
  if (divisions->len == 0 ||
      !g_str_equal (((Division *) g_ptr_array_index (divisions, 0))->code, county_code))
    return set_no_county_error (county_code, error);

  if (!ledger_db_begin (db, error))
    return FALSE;
  if (!insert_divisions (db, divisions, error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  return ledger_db_commit (db, error);
}

/**
 * ledger_ledger_create:
 * @path: the file to create
 * @county_code: a 6-digit county code, a 2-digit province code or "all" (the nation)
 * @demo: whether to add the demo inventory (Lezhi only)
 * @error: why the ledger could not be made
 *
 * Creates a ledger for a county. An existing ledger that already has its
 * region is refused and left untouched; an existing empty ledger is filled.
 * When this function created the file and then fails, it removes the file.
 *
 * Returns: (transfer full) (nullable): the new ledger
 */
LedgerDb *
ledger_ledger_create (const char  *path,
                      const char  *county_code,
                      gboolean     demo,
                      GError     **error)
{
  return ledger_ledger_create_full (path, county_code, demo, NULL, NULL, error);
}

/* A folder that takes no file, a full disk: the ledger cannot be written
 * (exit 3), unlike an export's file (exit 1). */
static LedgerDb *
set_cannot_write (GError **error)
{
  if (error != NULL && *error != NULL && g_error_matches (*error, LEDGER_ERROR, LEDGER_ERROR_FAILED))
    (*error)->code = LEDGER_ERROR_CANNOT_WRITE;
  return NULL;
}

/* Builds the new ledger in a locked temporary file beside @path and renames
 * it into place once complete and on disk: killed at any point, the folder
 * holds no ledger or the whole one (a leftover is removed the next time). */
static LedgerDb *
create_new_ledger (const char          *path,
                   const char          *county_code,
                   gboolean             demo,
                   LedgerLedgerFillFunc fill,
                   gpointer             user_data,
                   GError             **error)
{
  g_autoptr (LedgerReplace) replace = ledger_replace_begin (path, error);
  g_autoptr (LedgerDb) db = NULL;

  if (replace == NULL)
    return set_cannot_write (error);
  db = ledger_db_open (ledger_replace_get_temporary (replace), LEDGER_DB_OPEN_CREATE, error);
  if (db == NULL || !fill_ledger (db, county_code, demo, error) ||
      (fill != NULL && !fill (db, user_data, error)))
    return NULL;
  g_clear_object (&db);   /* the last connection checkpoints and removes the -wal */
  if (!ledger_replace_commit (replace, FALSE, error))
    return set_cannot_write (error);
  return ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, error);
}

/**
 * ledger_ledger_create_full:
 * @fill: (nullable): more to store before the new ledger is put in place
 *   (an outline); its failure leaves no file behind
 *
 * As ledger_ledger_create(); a new file is built whole or not at all.
 *
 * Returns: (transfer full) (nullable): the new ledger
 */
LedgerDb *
ledger_ledger_create_full (const char          *path,
                           const char          *county_code,
                           gboolean             demo,
                           LedgerLedgerFillFunc fill,
                           gpointer             user_data,
                           GError             **error)
{
  g_autoptr (LedgerDb) db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!is_county_code (county_code) && !ledger_regions_is_scope (county_code))
    {
      set_no_county_error (county_code, error);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return create_new_ledger (path, county_code, demo, fill, user_data, error);
  db = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, error);
  if (db == NULL || !fill_ledger (db, county_code, demo, error) ||
      (fill != NULL && !fill (db, user_data, error)))
    return NULL;
  return g_steal_pointer (&db);
}

/**
 * ledger_regions_list:
 * @db: a ledger
 * @kind: (nullable): "county", "township", "village", "community", or %NULL for all
 * @error: an SQL error
 *
 * Lists the regions of a kind by code. A township without a stored location
 * gets the mean location of the located items and villages in it, or NAN.
 *
 * Returns: (transfer full) (element-type LedgerRegion): the regions
 */
GPtrArray *
ledger_regions_list (LedgerDb    *db,
                     const char  *kind,
                     GError     **error)
{
  g_autoptr (GHashTable) centroids = NULL;

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);

  if (kind == NULL || g_str_equal (kind, "township"))
    if ((centroids = township_centroids (db, error)) == NULL)
      return NULL;
  return list_regions (db, kind, centroids, error);
}

/**
 * ledger_regions_list_stored:
 * @db: a ledger
 * @kind: (nullable): as for ledger_regions_list()
 * @error: an SQL error
 *
 * Lists the regions of a kind by code with only their stored locations (NAN
 * when none): for a township picker, which needs no location, this skips the
 * mean location of everything in every township (a nation's 41,352
 * townships: most of the time of opening the window).
 *
 * Returns: (transfer full) (element-type LedgerRegion): the regions
 */
GPtrArray *
ledger_regions_list_stored (LedgerDb    *db,
                            const char  *kind,
                            GError     **error)
{
  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);

  return list_regions (db, kind, NULL, error);
}

static GPtrArray *
list_regions (LedgerDb    *db,
              const char  *kind,
              GHashTable  *centroids,
              GError     **error)
{
  g_autoptr (GPtrArray) regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  /* the current list: merged, split and retired units are history (issue 18) */
  stmt = ledger_db_prepare (db, "SELECT code, name, kind, lon, lat FROM regions"
                                " WHERE (?1 IS NULL OR kind = ?1) AND valid_to IS NULL ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (regions, region_from_row (stmt, centroids));
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&regions);
}

/**
 * ledger_regions_county_name:
 * @db: a ledger
 *
 * Returns: (transfer full) (nullable): the name of the ledger's county, e.g. "乐至县"
 */
char *
ledger_regions_county_name (LedgerDb *db)
{
  g_autofree char *code = NULL;
  char *name = ledger_db_get_meta (db, "region_name");

  if (name != NULL)
    return name;
  code = ledger_db_dup_region_code (db);
  return ledger_db_dup_region_name (db, code);
}

/**
 * ledger_regions_set_location:
 * @db: a ledger
 * @code: a region code (a township seat, typically)
 * @lon: WGS-84 longitude, NAN to clear
 * @lat: WGS-84 latitude, NAN to clear
 * @is_demo: flag the location as demo data (ledger_store_remove_demo clears it)
 * @error: LEDGER_ERROR_NOT_FOUND for an unknown code
 *
 * Sets where a region is drawn and labelled on the map; audited.
 *
 * Returns: %TRUE on success
 */
gboolean
ledger_regions_set_location (LedgerDb    *db,
                             const char  *code,
                             double       lon,
                             double       lat,
                             gboolean     is_demo,
                             GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!ledger_db_begin (db, error))
    return FALSE;
  stmt = ledger_db_prepare (db, "UPDATE regions SET lon = ?2, lat = ?3, is_demo = is_demo OR ?4"
                                " WHERE code = ?1", error);
  if (stmt == NULL)
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (!isnan (lon) && !isnan (lat))
    {
      sqlite3_bind_double (stmt, 2, lon);
      sqlite3_bind_double (stmt, 3, lat);
    }
  sqlite3_bind_int (stmt, 4, is_demo);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, sqlite3_errcode (ledger_db_get_handle (db)), error);
      ledger_db_rollback (db);
      return FALSE;
    }
  if (sqlite3_changes (ledger_db_get_handle (db)) == 0)
    {
      ledger_db_rollback (db);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                   _("No region with code %s in this ledger."), code);
      return FALSE;
    }
  ledger_db_note_change (db, LEDGER_KIND_VILLAGES, code);
  return ledger_db_commit (db, error);
}

/**
 * ledger_regions_boundary_geojson:
 * @county_code: a 6-digit county code
 *
 * Returns: (transfer full) (nullable): the county outline as GeoJSON text,
 *   or %NULL when none ships for this county (only Lezhi's does so far)
 */
char *
ledger_regions_boundary_geojson (const char *county_code)
{
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (!is_county_code (county_code))
    return NULL;
  path = g_strdup_printf (RESOURCE_ROOT "boundaries/%s.geojson", county_code);
  bytes = g_resource_lookup_data (ledger_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}
