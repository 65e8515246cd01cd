/* ledger-bar-chart.c: one indicator by township as horizontal bars
 *
 * Each township is a flat button (focusable, with an accessible label that
 * says the rate, the verdict and the gap) whose content is drawn by
 * ledger_bar_chart_draw_row(), in a GtkListView that makes rows only for the
 * townships on screen; the printed page draws the same rows with the same
 * function. Status is never colour alone: a row also says met or
 * what is still missing.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-array-model.h"
#include "ledger-bar-chart.h"
#include "ledger-palette.h"

#define NAME_SHARE 0.18
#define VALUE_SHARE 0.52
#define ROW_HEIGHT 30
/* about ten rows; a county's 21 townships or a nation's 41,352 scroll */
#define MAX_HEIGHT 440
/* a row with the flat button's padding */
#define ROW_STRIDE (ROW_HEIGHT + 12)

struct _LedgerBarChart
{
  GtkWidget          parent_instance;

  LedgerIndicatorId  id;
  GtkWidget         *scrolled;
  LedgerArrayModel  *model;
  GPtrArray         *bars;
};

enum { SIGNAL_TOWNSHIP_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LedgerBarChart, ledger_bar_chart, GTK_TYPE_WIDGET)

/* ---- bars ---- */

void
ledger_bar_free (LedgerBar *bar)
{
  if (bar == NULL)
    return;
  g_free (bar->code);
  g_free (bar->name);
  g_free (bar->gap);
  g_free (bar);
}

/* how far below the target; NAN rates sort last */
static double
shortfall (const LedgerBar *bar)
{
  if (isnan (bar->rate))
    return -G_MAXDOUBLE;
  return (isnan (bar->target) ? 0 : bar->target) - bar->rate;
}

static int
compare_worst_first (gconstpointer a,
                     gconstpointer b)
{
  const LedgerBar *x = *(LedgerBar **) a;
  const LedgerBar *y = *(LedgerBar **) b;
  double dx = shortfall (x), dy = shortfall (y);

  if (dx != dy)
    return dx > dy ? -1 : 1;
  return g_strcmp0 (x->code, y->code);
}

GPtrArray *
ledger_bars_from_progress (const LedgerProgress *progress,
                           LedgerIndicatorId     id)
{
  GPtrArray *bars = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_bar_free);

  for (guint i = 0; i < progress->townships->len; i++)
    {
      const LedgerScopeProgress *scope = g_ptr_array_index (progress->townships, i);
      const LedgerIndicator *indicator = &scope->indicators[id];
      LedgerBar *bar = g_new0 (LedgerBar, 1);

      bar->code = g_strdup (scope->code);
      bar->name = g_strdup (scope->name);
      bar->rate = indicator->rate;
      bar->target = indicator->target;
      bar->met = indicator->met;
      bar->gap = ledger_format_gap (indicator, id);
      g_ptr_array_add (bars, bar);
    }
  g_ptr_array_sort (bars, compare_worst_first);
  return bars;
}

char *
ledger_bar_describe (const LedgerBar *bar)
{
  g_autofree char *rate = ledger_format_rate (bar->rate);
  g_autofree char *target = ledger_format_rate (bar->target);

  if (isnan (bar->rate))
    return g_strdup_printf (_("%s: nothing to count yet"), bar->name);
  if (bar->met)
    return g_strdup_printf (_("%s: %s, target %s met"), bar->name, rate, target);
  return g_strdup_printf (_("%s: %s, target %s not met, %s"), bar->name, rate, target, bar->gap);
}

/* ---- drawing ---- */

static void
show_text (cairo_t       *cr,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         width,
           double         height,
           PangoAlignment alignment)
{
  int text_height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  cairo_move_to (cr, x, (height - text_height) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_bar (cairo_t         *cr,
          const GdkRGBA   *fg,
          double           x,
          double           width,
          double           height,
          const LedgerBar *bar)
{
  double bar_height = height * 0.5, y = (height - bar_height) / 2;
  GdkRGBA color;

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.12);
  cairo_rectangle (cr, x, y, width, bar_height);
  cairo_fill (cr);
  if (!isnan (bar->rate))
    {
      ledger_mark_color (bar->met ? LEDGER_MARK_GOOD : LEDGER_MARK_BAD, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_rectangle (cr, x, y, width * CLAMP (bar->rate, 0, 1), bar_height);
      cairo_fill (cr);
    }
  if (!isnan (bar->target))
    {
      double tx = round (x + width * CLAMP (bar->target, 0, 1)) - 1;

      gdk_cairo_set_source_rgba (cr, fg);
      cairo_rectangle (cr, tx, y - 4, 2, bar_height + 8);
      cairo_fill (cr);
    }
}

void
ledger_bar_chart_draw_row (cairo_t         *cr,
                           PangoLayout     *layout,
                           const GdkRGBA   *fg,
                           double           width,
                           double           height,
                           const LedgerBar *bar)
{
  double name_width = width * NAME_SHARE, value_width = width * VALUE_SHARE;
  double bar_x = name_width + 8, bar_width = width - name_width - value_width - 16;
  g_autofree char *rate = ledger_format_rate (bar->rate);
  g_autofree char *value = NULL;

  if (isnan (bar->rate))
    value = g_strdup (rate);
  else
    value = g_strdup_printf ("%s · %s", rate, bar->met ? _("Met") : bar->gap);

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, fg);
  show_text (cr, layout, bar->name, 0, name_width, height, PANGO_ALIGN_RIGHT);
  draw_bar (cr, fg, bar_x, MAX (bar_width, 1), height, bar);
  gdk_cairo_set_source_rgba (cr, fg);
  show_text (cr, layout, value, width - value_width, value_width, height, PANGO_ALIGN_LEFT);
  cairo_restore (cr);
}

double
ledger_bar_chart_draw (cairo_t       *cr,
                       PangoLayout   *layout,
                       const GdkRGBA *fg,
                       double         width,
                       double         row_height,
                       GPtrArray     *bars)
{
  for (guint i = 0; i < bars->len; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, i * row_height);
      ledger_bar_chart_draw_row (cr, layout, fg, width, row_height, g_ptr_array_index (bars, i));
      cairo_restore (cr);
    }
  return bars->len * row_height;
}

/* ---- widget ---- */

static void
draw_row_cb (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  ledger_bar_chart_draw_row (cr, layout, &fg, width, height, data);
}

static void
on_row_clicked_cb (GtkButton      *button,
                   LedgerBarChart *self)
{
  LedgerBar *bar = g_object_get_data (G_OBJECT (button), "bar");

  if (bar != NULL)
    g_signal_emit (self, signals[SIGNAL_TOWNSHIP_ACTIVATED], 0, bar->code);
}

/* A row is made for the few townships on screen, and reused (GtkListView):
 * a chart of 41,352 townships costs a screenful of widgets. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LedgerBarChart           *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), ROW_HEIGHT);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_button_set_child (GTK_BUTTON (button), area);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "bar-row");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_row_clicked_cb), self, 0);
  gtk_list_item_set_child (item, button);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LedgerBarChart           *self)
{
  GtkWidget *button = gtk_list_item_get_child (item);
  LedgerBar *bar = ledger_array_item_get (gtk_list_item_get_item (item));
  g_autofree char *description = ledger_bar_describe (bar);

  g_object_set_data (G_OBJECT (button), "bar", bar);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (gtk_button_get_child (GTK_BUTTON (button))),
                                  draw_row_cb, bar, NULL);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LedgerBarChart           *self)
{
  GtkWidget *button = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (button), "bar", NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (gtk_button_get_child (GTK_BUTTON (button))),
                                  NULL, NULL, NULL);
}

static void
ledger_bar_chart_dispose (GObject *object)
{
  LedgerBarChart *self = LEDGER_BAR_CHART (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->model);
  g_clear_pointer (&self->bars, g_ptr_array_unref);
  G_OBJECT_CLASS (ledger_bar_chart_parent_class)->dispose (object);
}

static void
ledger_bar_chart_class_init (LedgerBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_bar_chart_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "barchart");
  signals[SIGNAL_TOWNSHIP_ACTIVATED] =
    g_signal_new ("township-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ledger_bar_chart_init (LedgerBarChart *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;

  self->model = ledger_array_model_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)))),
                            factory);
  gtk_widget_add_css_class (list, "bar-list");
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scrolled), MAX_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), list);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
ledger_bar_chart_new (LedgerIndicatorId id)
{
  LedgerBarChart *self = g_object_new (LEDGER_TYPE_BAR_CHART, NULL);

  self->id = id;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ledger_indicator_name (id), -1);
  return GTK_WIDGET (self);
}

void
ledger_bar_chart_set_bars (LedgerBarChart *self,
                           GPtrArray      *bars)
{
  g_return_if_fail (LEDGER_IS_BAR_CHART (self));

  g_clear_pointer (&self->bars, g_ptr_array_unref);
  self->bars = bars ? g_ptr_array_ref (bars) : NULL;
  ledger_array_model_set_array (self->model, bars);
  /* a list view asks for little: the chart is as tall as its rows, up to the limit */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scrolled),
                                              MIN ((bars ? bars->len : 0) * ROW_STRIDE, MAX_HEIGHT));
}
