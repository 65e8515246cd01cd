/* ledger-progress-page.c: the Progress page — which townships are behind, and by how much
 *
 * The county's four indicators as cards (rate, numerator/denominator,
 * target, met or not with an icon and words, the gap, an ⓘ popover with
 * the formula), a township × indicator table, one bar chart per indicator
 * (worst first, the target as a line) and the trend since the baseline.
 * Every figure comes from ledger_progress_compute() and
 * ledger_progress_trend(): the page computes nothing itself. The trend
 * (one computation per year) runs in a worker thread on its own connection.
 * Choosing a township in the table or a chart emits
 * "holding-back-requested" (township code, indicator).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ledger-array-model.h"
#include "ledger-bar-chart.h"
#include "ledger-indicator-help.h"
#include "ledger-jobs.h"
#include "ledger-progress-page.h"
#include "ledger-progress-print.h"
#include "ledger-trend-chart.h"
#include "ledger-tooltip.h"

typedef struct
{
  GtkLabel  *rate;
  GtkLabel  *detail;
  GtkLabel  *target;
  GtkImage  *verdict_icon;
  GtkLabel  *verdict;
  GtkLabel  *gap;
  GtkWidget *help;
} IndicatorCard;

struct _LedgerProgressPage
{
  GtkWidget         parent_instance;

  LedgerDb         *db;
  GSignalGroup     *db_signals;
  int               year;
  guint             refresh_id;
  LedgerProgress   *progress;
  GPtrArray        *trend;
  GCancellable     *trend_cancellable;
  gboolean          printing;  /* progress is in use by a print operation */
  gboolean          stale;     /* the figures wait for the page to be shown */

  /* template children (ui/ledger-progress-page.ui) */
  GtkWidget        *scrolled;
  GtkLabel         *title;
  GtkLabel         *error_label;
  GtkFlowBox       *cards_box;
  GtkFlowBox       *charts_box;
  GtkBox           *table_box;
  GtkListView      *table_list;
  LedgerArrayModel *table_model;
  GtkScrolledWindow *table_scrolled;
  IndicatorCard     cards[LEDGER_N_INDICATORS];
  LedgerBarChart   *charts[LEDGER_N_INDICATORS];
  LedgerTrendChart *trend_chart;
  GtkLabel         *trend_status;
};

enum { SIGNAL_HOLDING_BACK_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* what the window binds (docs/ARCHITECTURE.md, "The window's state") */
enum { PROP_0, PROP_DB, PROP_YEAR, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LedgerProgressPage, ledger_progress_page, GTK_TYPE_WIDGET)

static void ensure_fresh (LedgerProgressPage *self);

/* ---- auxiliary ---- */

static char *
format_number (double value,
               int    digits)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", digits);

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static int
digits_of (LedgerIndicatorId id)
{
  /* manure is in tonnes; the other indicators count items */
  return id == LEDGER_INDICATOR_MANURE_UTILISATION ? 1 : 0;
}

static char *
format_fraction (const LedgerIndicator *indicator,
                 LedgerIndicatorId      id)
{
  g_autofree char *numerator = format_number (indicator->numerator, digits_of (id));
  g_autofree char *denominator = format_number (indicator->denominator, digits_of (id));

  if (indicator->denominator <= 0)
    return g_strdup ("—");
  if (id == LEDGER_INDICATOR_MANURE_UTILISATION)
    return g_strdup_printf (_("%s t of %s t used"), numerator, denominator);
  return g_strdup_printf (_("%s of %s"), numerator, denominator);
}

static const char *
verdict_icon_name (const LedgerIndicator *indicator)
{
  return indicator->met ? "emblem-ok-symbolic" : "dialog-warning-symbolic";
}

/* judged: a rate and a target to hold it to (black_odorous_remediated_all
 * has no target by default: shown, never judged) */
static gboolean
is_judged (const LedgerIndicator *indicator)
{
  return !isnan (indicator->rate) && !isnan (indicator->target);
}

static const char *
verdict_text (const LedgerIndicator *indicator)
{
  if (isnan (indicator->rate))
    return _("Nothing to count yet");
  if (isnan (indicator->target))
    return _("No target set");
  return indicator->met ? _("Target met") : _("Target not met");
}

static void
set_met_class (GtkWidget             *widget,
               const LedgerIndicator *indicator)
{
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_remove_css_class (widget, "error");
  if (is_judged (indicator))
    gtk_widget_add_css_class (widget, indicator->met ? "success" : "error");
}

static GtkWidget *
new_label (const char *text,
           const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
request_holding_back (LedgerProgressPage *self,
                      const char         *township,
                      LedgerIndicatorId   id)
{
  g_signal_emit (self, signals[SIGNAL_HOLDING_BACK_REQUESTED], 0, township, (int) id);
}

/* ---- cards ---- */

static void
show_card (IndicatorCard         *card,
           LedgerIndicatorId      id,
           const LedgerIndicator *indicator)
{
  g_autofree char *rate = ledger_format_rate (indicator->rate);
  g_autofree char *target = ledger_format_rate (indicator->target);
  g_autofree char *detail = format_fraction (indicator, id);
  g_autofree char *target_text = g_strdup_printf (_("Target %s"), target);
  g_autofree char *gap = ledger_format_gap (indicator, id);

  gtk_label_set_label (card->rate, rate);
  gtk_label_set_label (card->detail, detail);
  gtk_label_set_label (card->target, target_text);
  gtk_image_set_from_icon_name (card->verdict_icon, verdict_icon_name (indicator));
  gtk_widget_set_visible (GTK_WIDGET (card->verdict_icon), is_judged (indicator));
  gtk_label_set_label (card->verdict, verdict_text (indicator));
  gtk_label_set_label (card->gap, gap);
  gtk_widget_set_visible (GTK_WIDGET (card->gap), !indicator->met && is_judged (indicator));
  set_met_class (GTK_WIDGET (card->rate), indicator);
  set_met_class (GTK_WIDGET (card->verdict), indicator);
  set_met_class (GTK_WIDGET (card->verdict_icon), indicator);
}

static GtkWidget *
new_card (IndicatorCard     *card,
          LedgerIndicatorId  id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *verdict = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = new_label (ledger_indicator_name (id), "caption-heading", 0);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "indicator-card");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  /* a wrapped label asks for its longest line: keep two cards side by side */
  gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
  card->help = ledger_indicator_help_button_new (id);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), card->help);

  card->rate = GTK_LABEL (new_label ("—", "title-1", 0));
  card->detail = GTK_LABEL (new_label (NULL, "dim-label", 0));
  card->target = GTK_LABEL (new_label (NULL, NULL, 0));
  card->verdict_icon = GTK_IMAGE (gtk_image_new ());
  card->verdict = GTK_LABEL (new_label (NULL, "heading", 0));
  card->gap = GTK_LABEL (new_label (NULL, NULL, 0));
  gtk_widget_add_css_class (GTK_WIDGET (card->rate), "numeric");
  gtk_box_append (GTK_BOX (verdict), GTK_WIDGET (card->verdict_icon));
  gtk_box_append (GTK_BOX (verdict), GTK_WIDGET (card->verdict));

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->rate));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->detail));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->target));
  gtk_box_append (GTK_BOX (box), verdict);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->gap));
  return box;
}

/* 面积未填 and < 200 m² under the national-list card */
static void
show_area_flags (IndicatorCard             *card,
                 const LedgerScopeProgress *county)
{
  g_autofree char *detail = NULL;

  if (county->n_water_area_unknown == 0 && county->n_water_below_survey == 0)
    return;
  detail = g_strdup_printf (_("%s\nArea not recorded (面积未填, counted): %u; under 200 m²: %u"),
                            gtk_label_get_label (card->detail),
                            county->n_water_area_unknown, county->n_water_below_survey);
  gtk_label_set_label (card->detail, detail);
}

/* ---- the township × indicator table ---- */

/* A GtkListView of townships: rows are made for the few on screen and
 * reused, so the table of a nation (41,352 townships) costs a screenful of
 * widgets. Each row is the name and one button per indicator; the columns
 * line up because every row and the header share one layout. */

#define NAME_WIDTH 140
/* a row of rate, fraction and gap in a flat button */
#define TABLE_ROW_STRIDE 72

typedef struct
{
  GtkWidget *button;
  GtkWidget *icon;
  GtkWidget *rate;
  GtkWidget *fraction;
  GtkWidget *gap;
} TableCell;

/* the table scrolls sideways when narrow: its labels keep to one line, so
 * that its height is measured at its own width */
static GtkWidget *
new_cell_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = new_label (text, css_class, 0);

  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  return label;
}

/* the name column and a homogeneous box of the four indicator columns */
static GtkWidget *
new_table_line (GtkWidget  *name,
                GtkWidget **columns)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_size_request (name, NAME_WIDTH, -1);
  gtk_widget_set_valign (name, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (*columns), TRUE);
  gtk_widget_set_hexpand (*columns, TRUE);
  gtk_box_append (GTK_BOX (line), name);
  gtk_box_append (GTK_BOX (line), *columns);
  return line;
}

static GtkWidget *
new_table_header (void)
{
  GtkWidget *columns;
  GtkWidget *header = new_table_line (new_cell_label (_("Township"), "heading"), &columns);

  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      GtkWidget *label = new_cell_label (ledger_indicator_short_name (i), "heading");

      gtk_widget_set_tooltip_text (label, ledger_indicator_name (i));
      gtk_box_append (GTK_BOX (columns), label);
    }
  gtk_widget_set_margin_start (header, 6);
  return header;
}

static char *
describe_cell (const LedgerScopeProgress *scope,
               LedgerIndicatorId          id)
{
  const LedgerIndicator *indicator = &scope->indicators[id];
  g_autofree char *rate = ledger_format_rate (indicator->rate);
  g_autofree char *fraction = format_fraction (indicator, id);
  g_autofree char *gap = ledger_format_gap (indicator, id);

  return g_strdup_printf ("%s, %s: %s (%s), %s, %s", scope->name, ledger_indicator_name (id), rate, fraction,
                          verdict_text (indicator), gap);
}

static void
on_cell_clicked_cb (GtkButton          *button,
                    LedgerProgressPage *self)
{
  const LedgerScopeProgress *scope = g_object_get_data (G_OBJECT (button), "scope");
  LedgerIndicatorId id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "indicator"));

  if (scope != NULL)
    request_holding_back (self, scope->code, id);
}

/* the tooltip is made when asked, not for every row shown */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *button,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    data)
{
  const LedgerScopeProgress *scope = g_object_get_data (G_OBJECT (button), "scope");
  g_autofree char *description = NULL;

  if (scope == NULL)
    return FALSE;
  description = describe_cell (scope, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "indicator")));
  ledger_tooltip_set_text (tooltip, description);
  return TRUE;
}

static GtkWidget *
new_cell (LedgerProgressPage *self,
          TableCell          *cell,
          LedgerIndicatorId   id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  cell->button = gtk_button_new ();
  cell->icon = gtk_image_new ();
  cell->rate = new_cell_label (NULL, "numeric");
  cell->fraction = new_cell_label (NULL, "caption");
  cell->gap = new_cell_label (NULL, "caption");
  gtk_box_append (GTK_BOX (line), cell->icon);
  gtk_box_append (GTK_BOX (line), cell->rate);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), cell->fraction);
  gtk_box_append (GTK_BOX (box), cell->gap);
  gtk_button_set_child (GTK_BUTTON (cell->button), box);
  gtk_widget_add_css_class (cell->button, "flat");
  gtk_widget_set_has_tooltip (cell->button, TRUE);
  g_object_set_data (G_OBJECT (cell->button), "indicator", GUINT_TO_POINTER (id));
  g_signal_connect (cell->button, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
  g_signal_connect_object (cell->button, "clicked", G_CALLBACK (on_cell_clicked_cb), self, 0);
  return cell->button;
}

static void
bind_cell (TableCell                 *cell,
           const LedgerScopeProgress *scope,
           LedgerIndicatorId          id)
{
  const LedgerIndicator *indicator = &scope->indicators[id];
  g_autofree char *rate = ledger_format_rate (indicator->rate);
  g_autofree char *fraction = format_fraction (indicator, id);
  g_autofree char *gap = ledger_format_gap (indicator, id);
  g_autofree char *description = describe_cell (scope, id);

  gtk_image_set_from_icon_name (GTK_IMAGE (cell->icon), verdict_icon_name (indicator));
  set_met_class (cell->icon, indicator);
  set_met_class (cell->rate, indicator);
  gtk_widget_set_visible (cell->icon, !isnan (indicator->rate));
  gtk_label_set_label (GTK_LABEL (cell->rate), rate);
  gtk_label_set_label (GTK_LABEL (cell->fraction), fraction);
  gtk_label_set_label (GTK_LABEL (cell->gap), gap);
  gtk_widget_set_visible (cell->gap, !indicator->met && !isnan (indicator->rate));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (cell->button), "scope", (gpointer) scope);
}

static void
setup_table_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    LedgerProgressPage       *self)
{
  TableCell *cells = g_new0 (TableCell, LEDGER_N_INDICATORS);
  GtkWidget *columns;
  GtkWidget *name = new_cell_label (NULL, NULL);
  GtkWidget *line = new_table_line (name, &columns);

  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    gtk_box_append (GTK_BOX (columns), new_cell (self, &cells[i], i));
  g_object_set_data_full (G_OBJECT (line), "cells", cells, g_free);
  g_object_set_data (G_OBJECT (line), "name", name);
  gtk_list_item_set_child (item, line);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_table_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   LedgerProgressPage       *self)
{
  GtkWidget *line = gtk_list_item_get_child (item);
  TableCell *cells = g_object_get_data (G_OBJECT (line), "cells");
  const LedgerScopeProgress *scope = ledger_array_item_get (gtk_list_item_get_item (item));

  gtk_label_set_label (g_object_get_data (G_OBJECT (line), "name"), scope->name);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    bind_cell (&cells[i], scope, i);
}

static void
unbind_table_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     LedgerProgressPage       *self)
{
  TableCell *cells = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "cells");

  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    g_object_set_data (G_OBJECT (cells[i].button), "scope", NULL);
}

/* ---- showing ---- */

static void
show_progress (LedgerProgressPage   *self,
               const LedgerProgress *progress)
{
  g_autofree char *title = NULL;

  title = g_strdup_printf (_("%s, %d"), progress->county.name ? progress->county.name : "", progress->year);
  gtk_label_set_label (self->title, title);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      g_autoptr (GPtrArray) bars = ledger_bars_from_progress (progress, i);

      show_card (&self->cards[i], i, &progress->county.indicators[i]);
      if (i == LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED)
        show_area_flags (&self->cards[i], &progress->county);
      ledger_indicator_help_button_set_db (self->cards[i].help, self->db);
      ledger_bar_chart_set_bars (self->charts[i], bars);
    }

  ledger_array_model_set_array (self->table_model, progress->townships);
  /* a list view asks for little: the table is as tall as its rows, up to the limit */
  gtk_scrolled_window_set_min_content_height (self->table_scrolled,
                                              MIN ((int) progress->townships->len * TABLE_ROW_STRIDE,
                                                   gtk_scrolled_window_get_max_content_height (self->table_scrolled)));
}

/* ---- the trend, in a worker thread (ledger-jobs.h) ---- */

static void
on_trend_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr (LedgerProgressPage) self = data;
  g_autoptr (GError) error = NULL;
  GPtrArray *trend = ledger_progress_trend_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->trend_cancellable);
  g_clear_pointer (&self->trend, g_ptr_array_unref);
  self->trend = trend;
  ledger_trend_chart_set_trend (self->trend_chart, trend);
  gtk_widget_set_visible (GTK_WIDGET (self->trend_status), trend == NULL);
  if (trend == NULL)
    gtk_label_set_label (self->trend_status, error->message);
}

static void
compute_trend (LedgerProgressPage *self)
{
  if (self->trend_cancellable != NULL)
    g_cancellable_cancel (self->trend_cancellable);
  g_clear_object (&self->trend_cancellable);
  self->trend_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->trend_status, _("Computing the trend…"));
  gtk_widget_set_visible (GTK_WIDGET (self->trend_status), self->trend == NULL);
  ledger_progress_trend_async (ledger_db_get_path (self->db), NULL,
                               MIN (LEDGER_BASELINE_YEAR, self->year), MAX (LEDGER_BASELINE_YEAR, self->year),
                               self->trend_cancellable, on_trend_done_cb, g_object_ref (self));
}

/* ---- refreshing ---- */

static gboolean
refresh_idle_cb (gpointer user_data)
{
  LedgerProgressPage *self = user_data;

  self->refresh_id = 0;
  ledger_progress_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_db_changed_cb (LedgerProgressPage *self,
                  int                 kind,
                  const char         *uid,
                  LedgerDb           *db)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
on_chart_township_cb (LedgerBarChart     *chart,
                      const char         *code,
                      LedgerProgressPage *self)
{
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    if (self->charts[i] == chart)
      request_holding_back (self, code, i);
}

/* the print operation runs a main loop: the progress it draws stays until it ends */
static GtkPrintOperationResult
print_progress (LedgerProgressPage  *self,
                const char          *export_path,
                GError             **error)
{
  GtkPrintOperationResult result;

  self->printing = TRUE;
  result = ledger_progress_print (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->progress,
                                  self->trend, export_path, error);
  self->printing = FALSE;
  return result;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LedgerProgressPage *self = LEDGER_PROGRESS_PAGE (widget);
  g_autoptr (GError) error = NULL;

  /* Ctrl+P is global to the window: it prints only while the page is shown */
  if (self->progress == NULL || self->printing || !gtk_widget_get_mapped (widget))
    return;
  if (print_progress (self, NULL, &error) != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* ---- construction ---- */

/* the cards, the charts and the table's header: one per indicator, in the
 * template's boxes */
static void
add_cards (LedgerProgressPage *self)
{
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      GtkWidget *card = new_card (&self->cards[i], i);

      gtk_widget_set_size_request (card, 260, -1);
      gtk_flow_box_append (self->cards_box, card);
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }
}

static void
add_charts (LedgerProgressPage *self)
{
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading = new_label (ledger_indicator_name (i), "heading", 0);

      gtk_label_set_max_width_chars (GTK_LABEL (heading), 24);
      self->charts[i] = LEDGER_BAR_CHART (ledger_bar_chart_new (i));
      gtk_widget_set_size_request (GTK_WIDGET (self->charts[i]), 400, -1);
      g_signal_connect_object (self->charts[i], "township-activated",
                               G_CALLBACK (on_chart_township_cb), self, 0);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->charts[i]));
      gtk_flow_box_append (self->charts_box, box);
      gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
    }
}

static void
fill_table (LedgerProgressPage *self)
{
  self->table_model = ledger_array_model_new ();
  gtk_list_view_set_model (self->table_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->table_model)))));
  gtk_box_prepend (self->table_box, new_table_header ());
}

/* ---- GObject ---- */

static void
ledger_progress_page_dispose (GObject *object)
{
  LedgerProgressPage *self = LEDGER_PROGRESS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->trend_cancellable != NULL)
    g_cancellable_cancel (self->trend_cancellable);
  g_clear_object (&self->trend_cancellable);
  g_clear_object (&self->db_signals);
  g_clear_object (&self->db);
  g_clear_pointer (&self->progress, ledger_progress_free);
  g_clear_pointer (&self->trend, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_PROGRESS_PAGE);
  g_clear_object (&self->table_model);
  G_OBJECT_CLASS (ledger_progress_page_parent_class)->dispose (object);
}

static void
ledger_progress_page_map (GtkWidget *widget)
{
  LedgerProgressPage *self = LEDGER_PROGRESS_PAGE (widget);

  GTK_WIDGET_CLASS (ledger_progress_page_parent_class)->map (widget);
  ensure_fresh (self);
}

static void
ledger_progress_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LedgerProgressPage *self = LEDGER_PROGRESS_PAGE (object);

  if (prop_id == PROP_DB)
    g_value_set_object (value, self->db);
  else if (prop_id == PROP_YEAR)
    g_value_set_int (value, self->year);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ledger_progress_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LedgerProgressPage *self = LEDGER_PROGRESS_PAGE (object);

  if (prop_id == PROP_DB && g_value_get_object (value) != (gpointer) self->db)
    ledger_progress_page_set_db (self, g_value_get_object (value), self->year);
  else if (prop_id == PROP_YEAR && g_value_get_int (value) != self->year)
    ledger_progress_page_set_db (self, self->db, g_value_get_int (value));
  else if (prop_id != PROP_DB && prop_id != PROP_YEAR)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ledger_progress_page_class_init (LedgerProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_progress_page_dispose;
  object_class->get_property = ledger_progress_page_get_property;
  object_class->set_property = ledger_progress_page_set_property;
  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, LEDGER_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "progresspage");
  widget_class->map = ledger_progress_page_map;
  gtk_widget_class_install_action (widget_class, "progress.print", NULL, print_action);

  g_type_ensure (LEDGER_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerProgressPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LedgerProgressPage, title);
  gtk_widget_class_bind_template_child (widget_class, LedgerProgressPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerProgressPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, LedgerProgressPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, LedgerProgressPage, table_box);
  gtk_widget_class_bind_template_child (widget_class, LedgerProgressPage, table_scrolled);
  gtk_widget_class_bind_template_child (widget_class, LedgerProgressPage, table_list);
  gtk_widget_class_bind_template_child (widget_class, LedgerProgressPage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, LedgerProgressPage, trend_status);
  gtk_widget_class_bind_template_callback (widget_class, setup_table_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_table_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_table_row_cb);

  /**
   * LedgerProgressPage::holding-back-requested:
   * @township: the township's code
   * @indicator: a LedgerIndicatorId
   *
   * The user chose a township in the table or a chart: show what keeps it
   * from the indicator's target.
   */
  signals[SIGNAL_HOLDING_BACK_REQUESTED] =
    g_signal_new ("holding-back-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);
}

static void
ledger_progress_page_init (LedgerProgressPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the ledger's "changed", whichever ledger is shown (set_db sets the target) */
  self->db_signals = g_signal_group_new (LEDGER_TYPE_DB);
  g_signal_group_connect_object (self->db_signals, "changed", G_CALLBACK (on_db_changed_cb), self, G_CONNECT_SWAPPED);
  add_cards (self);
  add_charts (self);
  fill_table (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.print", FALSE);
}

/* ---- public ---- */

GtkWidget *
ledger_progress_page_new (void)
{
  return g_object_new (LEDGER_TYPE_PROGRESS_PAGE, NULL);
}

void
ledger_progress_page_set_db (LedgerProgressPage *self,
                             LedgerDb           *db,
                             int                 year)
{
  gboolean new_db = self->db != db;
  gboolean new_year = self->year != year;

  g_return_if_fail (LEDGER_IS_PROGRESS_PAGE (self));

  if (new_db)
    {
      g_set_object (&self->db, db);
      g_signal_group_set_target (self->db_signals, db);
      g_clear_pointer (&self->trend, g_ptr_array_unref);
    }
  self->year = year;
  ledger_progress_page_refresh (self);
  if (new_db)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  if (new_year)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* Computes and shows the figures now, whether shown or not. */
static void
refresh_now (LedgerProgressPage *self)
{
  g_autoptr (LedgerProgress) progress = NULL;
  g_autoptr (GError) error = NULL;

  self->stale = FALSE;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->db == NULL)
    return;
  if (self->printing)
    {
      self->refresh_id = g_timeout_add (500, refresh_idle_cb, self);
      return;
    }
  progress = ledger_progress_compute (self->db, self->year, NULL, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), progress == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.print", progress != NULL);
  if (progress == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      return;
    }
  show_progress (self, progress);
  g_clear_pointer (&self->progress, ledger_progress_free);
  self->progress = g_steal_pointer (&progress);
  compute_trend (self);
}

/* what a getter reads is up to date even when the page was never shown */
static void
ensure_fresh (LedgerProgressPage *self)
{
  if (self->stale)
    refresh_now (self);
}

/**
 * ledger_progress_page_refresh:
 * @self: the page
 *
 * Computes the figures again: now when the page is shown, else when it is
 * next shown (the window opens on the map: a nation-scale ledger's
 * progress is not computed for a page nobody looks at).
 */
void
ledger_progress_page_refresh (LedgerProgressPage *self)
{
  g_return_if_fail (LEDGER_IS_PROGRESS_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  refresh_now (self);
}

const char *
ledger_progress_page_get_rate_text (LedgerProgressPage *self,
                                    LedgerIndicatorId   indicator)
{
  g_return_val_if_fail (LEDGER_IS_PROGRESS_PAGE (self), NULL);
  g_return_val_if_fail ((guint) indicator < LEDGER_N_INDICATORS, NULL);

  ensure_fresh (self);
  return gtk_label_get_label (self->cards[indicator].rate);
}

GPtrArray *
ledger_progress_page_get_trend (LedgerProgressPage *self)
{
  g_return_val_if_fail (LEDGER_IS_PROGRESS_PAGE (self), NULL);
  ensure_fresh (self);
  return self->trend;
}

GtkPrintOperationResult
ledger_progress_page_export_pdf (LedgerProgressPage  *self,
                                 const char          *path,
                                 GError             **error)
{
  g_return_val_if_fail (LEDGER_IS_PROGRESS_PAGE (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  ensure_fresh (self);
  g_return_val_if_fail (self->progress != NULL && !self->printing, GTK_PRINT_OPERATION_RESULT_ERROR);

  return print_progress (self, path, error);
}

GtkWidget *
ledger_progress_page_get_bar_chart (LedgerProgressPage *self,
                                    LedgerIndicatorId   indicator)
{
  g_return_val_if_fail (LEDGER_IS_PROGRESS_PAGE (self), NULL);
  ensure_fresh (self);
  return GTK_WIDGET (self->charts[indicator]);
}
