/* ledger-bar-chart.h: one indicator by township as horizontal bars, worst first */
#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

typedef struct
{
  char     *code;    /* township code */
  char     *name;
  double    rate;    /* NAN: nothing to count */
  double    target;  /* NAN: none */
  gboolean  met;
  char     *gap;     /* "需再完成 3 个行政村", "已达标" or "—" */
} LedgerBar;

void       ledger_bar_free             (LedgerBar          *bar);
/* the townships of @progress for @id, furthest below the target first,
 * townships with nothing to count last */
GPtrArray *ledger_bars_from_progress   (const LedgerProgress *progress,
                                        LedgerIndicatorId     id);
/* "62.0 %, target not met, needs 3 more villages": what a row says */
char      *ledger_bar_describe         (const LedgerBar    *bar);

/* The one drawing of a row, for the widget and the printed page:
 * name | bar with the target as a vertical line | rate and gap or "met" */
void       ledger_bar_chart_draw_row   (cairo_t            *cr,
                                        PangoLayout        *layout,
                                        const GdkRGBA      *fg,
                                        double              width,
                                        double              height,
                                        const LedgerBar    *bar);
/* every row below each other; returns the height drawn */
double     ledger_bar_chart_draw       (cairo_t            *cr,
                                        PangoLayout        *layout,
                                        const GdkRGBA      *fg,
                                        double              width,
                                        double              row_height,
                                        GPtrArray          *bars);

#define LEDGER_TYPE_BAR_CHART (ledger_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (LedgerBarChart, ledger_bar_chart, LEDGER, BAR_CHART, GtkWidget)

GtkWidget *ledger_bar_chart_new        (LedgerIndicatorId   id);
/* @bars: (element-type LedgerBar): as from ledger_bars_from_progress() */
void       ledger_bar_chart_set_bars   (LedgerBarChart     *self,
                                        GPtrArray          *bars);
/* each row is a button; signal "township-activated" (const char *code) */

G_END_DECLS
