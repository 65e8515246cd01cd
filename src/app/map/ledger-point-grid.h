/* ledger-point-grid.h: the map's spatial index, one grid per zoom level
 *
 * Points are bucketed in cells of a fixed size in screen pixels at a given
 * zoom level; a cell of several points is drawn as a cluster at low zooms and
 * as its points at high zooms. Lookups by cell make the cost of a frame
 * proportional to what is visible, not to the number of points.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDGER_GRID_CELL_PX 64.0

/* Web Mercator in [0, 1] × [0, 1], y down, as map tiles count */
void ledger_mercator_from_lonlat (double  lon,
                                  double  lat,
                                  double *mx,
                                  double *my);
void ledger_mercator_to_lonlat   (double  mx,
                                  double  my,
                                  double *lon,
                                  double *lat);

typedef struct
{
  guint  cx;
  guint  cy;
  guint  start;    /* first member in ledger_point_grid_get_members() */
  guint  count;
  double mx;       /* centroid, Mercator */
  double my;
  guint8 worst;    /* the most severe LedgerMark of the members */
} LedgerGridCell;

typedef struct _LedgerPointGrid LedgerPointGrid;

LedgerPointGrid      *ledger_point_grid_new         (const double  *mercator, /* x, y per point */
                                                     const guint8  *marks,
                                                     const guint   *indices,
                                                     guint          n_indices,
                                                     guint          level);
void                  ledger_point_grid_free        (LedgerPointGrid *grid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPointGrid, ledger_point_grid_free)

guint                 ledger_point_grid_get_level   (LedgerPointGrid *grid);
/* the size of a cell in Mercator units */
double                ledger_point_grid_cell_size   (LedgerPointGrid *grid);
guint                 ledger_point_grid_get_n_cells (LedgerPointGrid *grid);
const LedgerGridCell *ledger_point_grid_get_cell    (LedgerPointGrid *grid,
                                                     guint            i);
const LedgerGridCell *ledger_point_grid_lookup      (LedgerPointGrid *grid,
                                                     gint64           cx,
                                                     gint64           cy);
const guint          *ledger_point_grid_get_members (LedgerPointGrid *grid);
gint64                ledger_point_grid_cell_index  (LedgerPointGrid *grid,
                                                     double           m);

/* LedgerMark ranked by how much it needs attention */
guint                 ledger_mark_severity          (guint8 mark);

G_END_DECLS
