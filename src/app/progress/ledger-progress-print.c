/* ledger-progress-print.c: the Progress view on paper
 *
 * The paper that goes on the leader's desk. The charts are drawn by the
 * same functions as the widgets (ledger_bar_chart_draw,
 * ledger_trend_chart_draw) onto the print context's cairo surface; the text
 * uses the print context's Pango layouts so it is sized in points.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ledger-bar-chart.h"
#include "ledger-progress-print.h"
#include "ledger-trend-chart.h"

#define N_PAGES 2
#define GAP 10.0
/* the signature lines and the page number at the foot of every page */
#define FOOTER_HEIGHT 24.0

typedef struct
{
  const LedgerProgress *progress;
  GPtrArray            *trend;
} PrintJob;

static const GdkRGBA black = { 0, 0, 0, 1 };

static PangoLayout *
new_layout (GtkPrintContext *context,
            double           points,
            gboolean         bold)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (points * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  return layout;
}

/* draws @text at y in a box of @width; returns its height */
static double
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       width)
{
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return height;
}

static char *
verdict_text (const LedgerIndicator *indicator,
              LedgerIndicatorId      id)
{
  g_autofree char *rate = ledger_format_rate (indicator->rate);
  g_autofree char *gap = ledger_format_gap (indicator, id);

  if (isnan (indicator->rate))
    return g_steal_pointer (&rate);
  if (isnan (indicator->target))
    return g_strdup_printf ("%s · %s", rate, _("No target set"));
  if (indicator->met)
    return g_strdup_printf ("%s ✔ %s", rate, _("Target met"));
  return g_strdup_printf ("%s ✘ %s", rate, gap);
}

static double
draw_title (GtkPrintContext      *context,
            cairo_t              *cr,
            const LedgerProgress *progress,
            double                width)
{
  g_autoptr (PangoLayout) big = new_layout (context, 16, TRUE);
  g_autoptr (PangoLayout) small = new_layout (context, 9, FALSE);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *title = g_strdup_printf (_("%s: sanitation progress %d"), progress->county.name, progress->year);
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), date);
  double y = show_text (cr, big, title, 0, 0, width);

  return y + show_text (cr, small, printed, 0, y + 2, width) + GAP;
}

static double
draw_figures (GtkPrintContext      *context,
              cairo_t              *cr,
              const LedgerProgress *progress,
              double                y,
              double                width)
{
  g_autoptr (PangoLayout) name = new_layout (context, 8, FALSE);
  g_autoptr (PangoLayout) figure = new_layout (context, 12, TRUE);
  double column = width / 2, row_height = 0;

  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      const LedgerIndicator *indicator = &progress->county.indicators[i];
      g_autofree char *verdict = verdict_text (indicator, i);
      g_autofree char *target_rate = ledger_format_rate (indicator->target);
      g_autofree char *target = g_strdup_printf (_("Target %s"), target_rate);
      double x = (i % 2) * column, h;

      h = show_text (cr, name, ledger_indicator_name (i), x, y, column - GAP);
      h += show_text (cr, figure, verdict, x, y + h, column - GAP);
      h += show_text (cr, name, target, x, y + h, column - GAP);
      row_height = MAX (row_height, h);
      if (i % 2 == 1)
        {
          y += row_height + GAP;
          row_height = 0;
        }
    }
  /* an odd number of indicators leaves a row open */
  return row_height > 0 ? y + row_height + GAP : y;
}

static double
draw_table_row (cairo_t     *cr,
                PangoLayout *layout,
                const char  *cells[LEDGER_N_INDICATORS + 1],
                double       y,
                double       width)
{
  double first = width * 0.16, column = (width - first) / LEDGER_N_INDICATORS, height = 0;

  for (guint i = 0; i <= LEDGER_N_INDICATORS; i++)
    {
      double x = i == 0 ? 0 : first + (i - 1) * column;
      double w = i == 0 ? first : column;

      height = MAX (height, show_text (cr, layout, cells[i], x, y, w - 4));
    }
  cairo_set_line_width (cr, 0.3);
  cairo_move_to (cr, 0, y + height + 1.5);
  cairo_line_to (cr, width, y + height + 1.5);
  cairo_stroke (cr);
  return y + height + 3;
}

static double
draw_table (GtkPrintContext      *context,
            cairo_t              *cr,
            const LedgerProgress *progress,
            double                y,
            double                width)
{
  g_autoptr (PangoLayout) header = new_layout (context, 7, TRUE);
  g_autoptr (PangoLayout) body = new_layout (context, 7, FALSE);
  const char *cells[LEDGER_N_INDICATORS + 1] = { _("Township") };

  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    cells[i + 1] = ledger_indicator_short_name (i);
  y = draw_table_row (cr, header, cells, y, width);
  for (guint t = 0; t < progress->townships->len; t++)
    {
      const LedgerScopeProgress *scope = g_ptr_array_index (progress->townships, t);
      char *texts[LEDGER_N_INDICATORS] = { NULL };

      cells[0] = scope->name;
      for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
        cells[i + 1] = texts[i] = verdict_text (&scope->indicators[i], i);
      y = draw_table_row (cr, body, cells, y, width);
      for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
        g_free (texts[i]);
    }
  return y + GAP;
}

static void
draw_summary_page (GtkPrintContext *context,
                   cairo_t         *cr,
                   PrintJob        *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  double y = draw_title (context, cr, job->progress, width);

  y = draw_figures (context, cr, job->progress, y, width);
  y = draw_table (context, cr, job->progress, y, width);
  if (job->trend != NULL && height - y > 120)
    {
      g_autoptr (PangoLayout) layout = new_layout (context, 7, FALSE);
      g_autoptr (PangoLayout) heading = new_layout (context, 9, TRUE);

      y += show_text (cr, heading, _("Trend since the baseline"), 0, y, width) + 4;
      cairo_save (cr);
      cairo_translate (cr, 0, y);
      ledger_trend_chart_draw (cr, layout, &black, width, MIN (height - y, 260), job->trend);
      cairo_restore (cr);
    }
}

static void
draw_charts_page (GtkPrintContext *context,
                  cairo_t         *cr,
                  PrintJob        *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  g_autoptr (PangoLayout) heading = new_layout (context, 9, TRUE);
  g_autoptr (PangoLayout) layout = new_layout (context, 6.5, FALSE);
  guint n_rows = (LEDGER_N_INDICATORS + 1) / 2;
  double chart_height = (height - GAP * (n_rows - 1)) / n_rows, row_height;
  guint n = MAX (job->progress->townships->len, 1);

  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      g_autoptr (GPtrArray) bars = ledger_bars_from_progress (job->progress, i);
      double x = (i % 2) * (width / 2), y = (i / 2) * (chart_height + GAP), h;

      cairo_save (cr);
      cairo_translate (cr, x, y);
      gdk_cairo_set_source_rgba (cr, &black);
      h = show_text (cr, heading, ledger_indicator_name (i), 0, 0, width / 2 - GAP);
      row_height = MIN ((chart_height - h - 4) / n, 16);
      cairo_translate (cr, 0, h + 4);
      ledger_bar_chart_draw (cr, layout, &black, width / 2 - GAP, row_height, bars);
      cairo_restore (cr);
    }
}

/* what an officer signs, as on the workbook's pages, and the page number */
static void
draw_footer (GtkPrintContext *context,
             cairo_t         *cr,
             int              page)
{
  g_autoptr (PangoLayout) layout = new_layout (context, 8, FALSE);
  double width = gtk_print_context_get_width (context);
  double y = gtk_print_context_get_height (context) - FOOTER_HEIGHT + 8;
  g_autofree char *number = g_strdup_printf (_("Page %d of %d"), page + 1, N_PAGES);
  int number_width;

  cairo_set_line_width (cr, 0.3);
  cairo_move_to (cr, 0, y - 3);
  cairo_line_to (cr, width, y - 3);
  cairo_stroke (cr);
  show_text (cr, layout, _("Reporting unit: ____________   Prepared by: ________   "
                           "Reviewed by: ________   Date: ________"), 0, y, width * 0.8);
  pango_layout_set_text (layout, number, -1);
  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &number_width, NULL);
  cairo_move_to (cr, width - number_width, y);
  pango_cairo_show_layout (cr, layout);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  gdk_cairo_set_source_rgba (cr, &black);
  if (page == 0)
    draw_summary_page (context, cr, job);
  else
    draw_charts_page (context, cr, job);
  draw_footer (context, cr, page);
}

/**
 * ledger_progress_print_default_path:
 * @progress: the progress printed
 *
 * Returns: (transfer full): where “Print to File” saves by default: the
 *   user's Documents folder (else the home folder), a file named after the
 *   county and the year, e.g. “乐至县2025年治理进展.pdf”
 */
char *
ledger_progress_print_default_path (const LedgerProgress *progress)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  /* TRANSLATORS: the PDF file's name: county, year */
  g_autofree char *name = g_strdup_printf (_("%s %d sanitation progress.pdf"), progress->county.name, progress->year);
  g_autofree char *safe = g_strdelimit (g_strdup (name), "/\\", '_');

  return g_build_filename (documents != NULL ? documents : g_get_home_dir (), safe, NULL);
}

/* the dialog's “Print to File” proposes the default path, not 输出.pdf in
 * the working folder */
static void
set_default_file (GtkPrintOperation    *operation,
                  const LedgerProgress *progress)
{
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *path = ledger_progress_print_default_path (progress);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".pdf"));
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, folder);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, stem);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  if (uri != NULL)
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_operation_set_print_settings (operation, settings);
}

GtkPrintOperationResult
ledger_progress_print (GtkWindow            *parent,
                       const LedgerProgress *progress,
                       GPtrArray            *trend,
                       const char           *export_path,
                       GError              **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autofree char *job_name = g_strdup_printf (_("Sanitation progress %d"), progress->year);
  g_autoptr (GPtrArray) trend_ref = trend ? g_ptr_array_ref (trend) : NULL;
  PrintJob job = { progress, trend_ref };

  g_autoptr (GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  /* Chinese offices print on A4 */
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, N_PAGES);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), &job);
  set_default_file (operation, progress);
  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
    }
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
}
