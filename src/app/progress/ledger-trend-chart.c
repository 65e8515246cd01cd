/* ledger-trend-chart.c: the county's four indicators from the baseline year
 *
 * Drawn with cairo into a GtkSnapshot node, by the same function the printed
 * page uses. Lines differ by colour (Okabe–Ito), dash and marker shape, so
 * they read without colour too.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-trend-chart.h"

#define MARGIN_LEFT 44
#define MARGIN_RIGHT 24   /* half of a year label, centred on the last year */
#define MARGIN_TOP 10
#define AXIS_HEIGHT 22
#define LEGEND_ROW 20
#define MARKER 4

struct _LedgerTrendChart
{
  GtkWidget  parent_instance;

  GPtrArray *trend;
};

G_DEFINE_FINAL_TYPE (LedgerTrendChart, ledger_trend_chart, GTK_TYPE_WIDGET)

static const GdkRGBA series_colors[LEDGER_N_INDICATORS] = {
  { 0.000, 0.447, 0.698, 1 },  /* blue */
  { 0.902, 0.624, 0.000, 1 },  /* orange */
  { 0.000, 0.620, 0.451, 1 },  /* bluish green */
  { 0.800, 0.475, 0.655, 1 },  /* reddish purple */
  { 0.337, 0.706, 0.914, 1 },  /* sky blue */
};

const char *
ledger_indicator_short_name (LedgerIndicatorId id)
{
  static const char *const names[LEDGER_N_INDICATORS] = {
    N_("Village sewage"),
    N_("Manure utilisation"),
    N_("Scale-farm facilities"),
    N_("Water bodies remediated"),
    N_("Water bodies, all listed"),
  };

  g_return_val_if_fail ((guint) id < LEDGER_N_INDICATORS, NULL);
  return _(names[id]);
}

/* ---- drawing ---- */

static void
set_dash (cairo_t *cr,
          guint    series)
{
  static const double dashes[LEDGER_N_INDICATORS][2] = { { 1, 0 }, { 8, 4 }, { 2, 3 }, { 10, 3 }, { 4, 2 } };

  if (series == 0)
    cairo_set_dash (cr, NULL, 0, 0);
  else
    cairo_set_dash (cr, dashes[series], 2, 0);
}

static void
draw_marker (cairo_t *cr,
             guint    series,
             double   x,
             double   y)
{
  cairo_new_sub_path (cr);
  switch (series)
    {
    case 0:
      cairo_arc (cr, x, y, MARKER, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - MARKER, y - MARKER, 2 * MARKER, 2 * MARKER);
      break;
    case 2:
      cairo_move_to (cr, x, y - MARKER - 1);
      cairo_line_to (cr, x + MARKER + 1, y + MARKER);
      cairo_line_to (cr, x - MARKER - 1, y + MARKER);
      cairo_close_path (cr);
      break;
    default:
      cairo_move_to (cr, x, y - MARKER - 1);
      cairo_line_to (cr, x + MARKER + 1, y);
      cairo_line_to (cr, x, y + MARKER + 1);
      cairo_line_to (cr, x - MARKER - 1, y);
      cairo_close_path (cr);
      break;
    }
  cairo_fill (cr);
}

static void
show_text_at (cairo_t     *cr,
              PangoLayout *layout,
              const char  *text,
              double       x,
              double       y,
              double       align)  /* 0 left, 0.5 centre, 1 right of x */
{
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

typedef struct
{
  double x, y, width, height;
  int    first_year;
  guint  n_years;
} Plot;

static double
plot_x (const Plot *plot,
        guint       i)
{
  return plot->x + (plot->n_years > 1 ? plot->width * i / (plot->n_years - 1) : plot->width / 2);
}

static double
plot_y (const Plot *plot,
        double      rate)
{
  return plot->y + plot->height * (1 - CLAMP (rate, 0, 1));
}

static void
draw_axes (cairo_t       *cr,
           PangoLayout   *layout,
           const GdkRGBA *fg,
           const Plot    *plot)
{
  for (int percent = 0; percent <= 100; percent += 25)
    {
      g_autofree char *label = g_strdup_printf ("%d %%", percent);
      double y = round (plot_y (plot, percent / 100.0)) + 0.5;

      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.15);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      gdk_cairo_set_source_rgba (cr, fg);
      show_text_at (cr, layout, label, plot->x - 6, y, 1);
    }
  for (guint i = 0; i < plot->n_years; i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", plot->first_year + (int) i);

      show_text_at (cr, layout, year, plot_x (plot, i), plot->y + plot->height + AXIS_HEIGHT / 2.0 + 2, 0.5);
    }
}

static void
draw_series (cairo_t    *cr,
             const Plot *plot,
             GPtrArray  *trend,
             guint       series)
{
  const LedgerProgress *last = g_ptr_array_index (trend, trend->len - 1);
  double target = last->county.indicators[series].target;
  gboolean started = FALSE;

  gdk_cairo_set_source_rgba (cr, &series_colors[series]);
  if (!isnan (target))
    {
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, (double[]) { 1, 3 }, 2, 0);
      cairo_move_to (cr, plot->x, plot_y (plot, target));
      cairo_line_to (cr, plot->x + plot->width, plot_y (plot, target));
      cairo_stroke (cr);
    }
  cairo_set_line_width (cr, 2);
  set_dash (cr, series);
  for (guint i = 0; i < trend->len; i++)
    {
      double rate = ((LedgerProgress *) g_ptr_array_index (trend, i))->county.indicators[series].rate;

      if (isnan (rate))
        continue;
      if (started)
        cairo_line_to (cr, plot_x (plot, i), plot_y (plot, rate));
      else
        cairo_move_to (cr, plot_x (plot, i), plot_y (plot, rate));
      started = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < trend->len; i++)
    {
      double rate = ((LedgerProgress *) g_ptr_array_index (trend, i))->county.indicators[series].rate;

      if (!isnan (rate))
        draw_marker (cr, series, plot_x (plot, i), plot_y (plot, rate));
    }
}

static void
draw_legend (cairo_t       *cr,
             PangoLayout   *layout,
             const GdkRGBA *fg,
             double         width,
             double         y)
{
  double column = width / 2;

  for (guint series = 0; series < LEDGER_N_INDICATORS; series++)
    {
      double x = MARGIN_LEFT + (series % 2) * column, row_y = y + (series / 2) * LEGEND_ROW;

      gdk_cairo_set_source_rgba (cr, &series_colors[series]);
      cairo_set_line_width (cr, 2);
      set_dash (cr, series);
      cairo_move_to (cr, x, row_y);
      cairo_line_to (cr, x + 24, row_y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      draw_marker (cr, series, x + 12, row_y);
      gdk_cairo_set_source_rgba (cr, fg);
      show_text_at (cr, layout, ledger_indicator_short_name (series), x + 30, row_y, 0);
    }
}

void
ledger_trend_chart_draw (cairo_t       *cr,
                         PangoLayout   *layout,
                         const GdkRGBA *fg,
                         double         width,
                         double         height,
                         GPtrArray     *trend)
{
  /* two series a row */
  double legend_height = (LEDGER_N_INDICATORS + 1) / 2 * LEGEND_ROW + 4;
  Plot plot;

  if (trend == NULL || trend->len == 0)
    return;
  plot.x = MARGIN_LEFT;
  plot.y = MARGIN_TOP;
  plot.width = MAX (width - MARGIN_LEFT - MARGIN_RIGHT, 10);
  plot.height = MAX (height - MARGIN_TOP - AXIS_HEIGHT - legend_height, 10);
  plot.first_year = ((LedgerProgress *) g_ptr_array_index (trend, 0))->year;
  plot.n_years = trend->len;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  draw_axes (cr, layout, fg, &plot);
  for (guint series = 0; series < LEDGER_N_INDICATORS; series++)
    draw_series (cr, &plot, trend, series);
  draw_legend (cr, layout, fg, width - MARGIN_LEFT, plot.y + plot.height + AXIS_HEIGHT + LEGEND_ROW / 2.0 + 4);
  cairo_restore (cr);
}

/* ---- widget ---- */

static void
ledger_trend_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  LedgerTrendChart *self = LEDGER_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr (PangoLayout) layout = NULL;
  cairo_t *cr;
  GdkRGBA fg;

  if (self->trend == NULL || width <= 0 || height <= 0)
    return;
  layout = gtk_widget_create_pango_layout (widget, NULL);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ledger_trend_chart_draw (cr, layout, &fg, width, height, self->trend);
  cairo_destroy (cr);
}

static void
ledger_trend_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 280 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 300;
}

static void
ledger_trend_chart_finalize (GObject *object)
{
  LedgerTrendChart *self = LEDGER_TREND_CHART (object);

  g_clear_pointer (&self->trend, g_ptr_array_unref);
  G_OBJECT_CLASS (ledger_trend_chart_parent_class)->finalize (object);
}

static void
ledger_trend_chart_class_init (LedgerTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ledger_trend_chart_finalize;
  widget_class->snapshot = ledger_trend_chart_snapshot;
  widget_class->measure = ledger_trend_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ledger_trend_chart_init (LedgerTrendChart *self)
{
}

GtkWidget *
ledger_trend_chart_new (void)
{
  return g_object_new (LEDGER_TYPE_TREND_CHART, NULL);
}

void
ledger_trend_chart_set_trend (LedgerTrendChart *self,
                              GPtrArray        *trend)
{
  g_return_if_fail (LEDGER_IS_TREND_CHART (self));

  g_clear_pointer (&self->trend, g_ptr_array_unref);
  self->trend = trend ? g_ptr_array_ref (trend) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
ledger_trend_chart_get_trend (LedgerTrendChart *self)
{
  g_return_val_if_fail (LEDGER_IS_TREND_CHART (self), NULL);
  return self->trend;
}
