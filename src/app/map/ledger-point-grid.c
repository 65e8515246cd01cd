/* ledger-point-grid.c: the map's spatial index, one grid per zoom level */
#include "config.h"

#include <math.h>

#include "ledger-point-grid.h"
#include "ledger-points.h"

#define MAX_LAT 85.0511287798

struct _LedgerPointGrid
{
  guint       level;
  double      cell_size;
  GArray     *cells;     /* LedgerGridCell */
  guint      *members;   /* point indices, grouped by cell */
  GHashTable *by_key;    /* packed (cx, cy) -> cell index + 1 */
};

void
ledger_mercator_from_lonlat (double  lon,
                             double  lat,
                             double *mx,
                             double *my)
{
  double phi = CLAMP (lat, -MAX_LAT, MAX_LAT) * G_PI / 180.0;

  *mx = (lon + 180.0) / 360.0;
  *my = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

void
ledger_mercator_to_lonlat (double  mx,
                           double  my,
                           double *lon,
                           double *lat)
{
  *lon = mx * 360.0 - 180.0;
  *lat = atan (sinh (G_PI * (1.0 - 2.0 * my))) * 180.0 / G_PI;
}

guint
ledger_mark_severity (guint8 mark)
{
  static const guint severity[LEDGER_N_MARKS] = {
    [LEDGER_MARK_GOOD] = 0,
    [LEDGER_MARK_PENDING] = 1,
    [LEDGER_MARK_STOPPED] = 2,
    [LEDGER_MARK_BAD] = 3,
  };

  return mark < LEDGER_N_MARKS ? severity[mark] : 0;
}

/* cells are at most 2^26 per axis (level 20 and beyond), so a key fits 64 bits */
static gpointer
pack_key (gint64 cx,
          gint64 cy)
{
  return GSIZE_TO_POINTER (((guint64) cx << 32) | (guint64) cy);
}

static guint
hash_key (gconstpointer key)
{
  guint64 k = GPOINTER_TO_SIZE (key);

  return (guint) ((k >> 32) * 73856093u) ^ (guint) (k * 19349663u);
}

gint64
ledger_point_grid_cell_index (LedgerPointGrid *grid,
                              double           m)
{
  return (gint64) floor (m / grid->cell_size);
}

static void
add_to_cell (LedgerPointGrid *grid,
             const double    *mercator,
             const guint8    *marks,
             guint            point,
             guint           *cell_of)
{
  double mx = mercator[2 * point], my = mercator[2 * point + 1];
  gint64 cx = ledger_point_grid_cell_index (grid, CLAMP (mx, 0.0, 1.0));
  gint64 cy = ledger_point_grid_cell_index (grid, CLAMP (my, 0.0, 1.0));
  gpointer key = pack_key (cx, cy);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (grid->by_key, key));
  LedgerGridCell *cell;

  if (index == 0)
    {
      LedgerGridCell fresh = { .cx = (guint) cx, .cy = (guint) cy, .worst = marks[point] };

      g_array_append_val (grid->cells, fresh);
      index = grid->cells->len;
      g_hash_table_insert (grid->by_key, key, GUINT_TO_POINTER (index));
    }
  cell = &g_array_index (grid->cells, LedgerGridCell, index - 1);
  cell->count++;
  cell->mx += mx;
  cell->my += my;
  if (ledger_mark_severity (marks[point]) > ledger_mark_severity (cell->worst))
    cell->worst = marks[point];
  *cell_of = index - 1;
}

/* counting sort of the indices by cell, and the centroids */
static void
fill_members (LedgerPointGrid *grid,
              const guint     *indices,
              const guint     *cell_of,
              guint            n_indices)
{
  g_autofree guint *next = g_new (guint, grid->cells->len);
  guint start = 0;

  for (guint c = 0; c < grid->cells->len; c++)
    {
      LedgerGridCell *cell = &g_array_index (grid->cells, LedgerGridCell, c);

      cell->start = next[c] = start;
      start += cell->count;
      cell->mx /= cell->count;
      cell->my /= cell->count;
    }
  grid->members = g_new (guint, MAX (n_indices, 1));
  for (guint i = 0; i < n_indices; i++)
    grid->members[next[cell_of[i]]++] = indices[i];
}

/**
 * ledger_point_grid_new:
 * @mercator: x, y of every point of the set
 * @marks: the LedgerMark of every point of the set
 * @indices: the points to index (those that pass the filters)
 * @level: the zoom level whose pixels the cells are measured in
 */
LedgerPointGrid *
ledger_point_grid_new (const double *mercator,
                       const guint8 *marks,
                       const guint  *indices,
                       guint         n_indices,
                       guint         level)
{
  LedgerPointGrid *grid = g_new0 (LedgerPointGrid, 1);
  g_autofree guint *cell_of = g_new (guint, MAX (n_indices, 1));

  grid->level = level;
  grid->cell_size = LEDGER_GRID_CELL_PX / (256.0 * ldexp (1.0, (int) level));
  grid->cells = g_array_new (FALSE, FALSE, sizeof (LedgerGridCell));
  grid->by_key = g_hash_table_new (hash_key, g_direct_equal);
  for (guint i = 0; i < n_indices; i++)
    add_to_cell (grid, mercator, marks, indices[i], &cell_of[i]);
  fill_members (grid, indices, cell_of, n_indices);
  return grid;
}

void
ledger_point_grid_free (LedgerPointGrid *grid)
{
  g_array_unref (grid->cells);
  g_hash_table_unref (grid->by_key);
  g_free (grid->members);
  g_free (grid);
}

guint
ledger_point_grid_get_level (LedgerPointGrid *grid)
{
  return grid->level;
}

double
ledger_point_grid_cell_size (LedgerPointGrid *grid)
{
  return grid->cell_size;
}

guint
ledger_point_grid_get_n_cells (LedgerPointGrid *grid)
{
  return grid->cells->len;
}

const LedgerGridCell *
ledger_point_grid_get_cell (LedgerPointGrid *grid,
                            guint            i)
{
  return &g_array_index (grid->cells, LedgerGridCell, i);
}

const LedgerGridCell *
ledger_point_grid_lookup (LedgerPointGrid *grid,
                          gint64           cx,
                          gint64           cy)
{
  guint index;

  if (cx < 0 || cy < 0)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (grid->by_key, pack_key (cx, cy)));
  return index == 0 ? NULL : &g_array_index (grid->cells, LedgerGridCell, index - 1);
}

const guint *
ledger_point_grid_get_members (LedgerPointGrid *grid)
{
  return grid->members;
}
