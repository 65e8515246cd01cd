/* ledger-trend-chart.h: the county's four indicators from the baseline year */
#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

/* a short name for legends: "Village sewage" / "生活污水治理" */
const char *ledger_indicator_short_name (LedgerIndicatorId  id);

/* The one drawing of the chart, for the widget and the printed page: one
 * line per indicator (each its own colour, dash and marker), its target as
 * a thin line, years along the bottom, a legend below. @trend holds one
 * LedgerProgress per year. */
void        ledger_trend_chart_draw     (cairo_t           *cr,
                                         PangoLayout       *layout,
                                         const GdkRGBA     *fg,
                                         double             width,
                                         double             height,
                                         GPtrArray         *trend);

#define LEDGER_TYPE_TREND_CHART (ledger_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (LedgerTrendChart, ledger_trend_chart, LEDGER, TREND_CHART, GtkWidget)

GtkWidget  *ledger_trend_chart_new       (void);
/* @trend: (nullable) (element-type LedgerProgress): from ledger_progress_trend() */
void        ledger_trend_chart_set_trend (LedgerTrendChart *self,
                                          GPtrArray        *trend);
GPtrArray  *ledger_trend_chart_get_trend (LedgerTrendChart *self);

G_END_DECLS
