/* ledger-progress-page.c: headline figures of the Progress page
 *
 * The county's four indicators as cards (rate, numerator/denominator,
 * target, met or not) and a table of the same rates per township. Every
 * figure comes from ledger_progress_compute(): the page computes nothing.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ledger-progress-page.h"

typedef struct
{
  GtkLabel *rate;
  GtkLabel *detail;
  GtkLabel *target;
  GtkLabel *verdict;
} IndicatorCard;

struct _LedgerProgressPage
{
  GtkWidget      parent_instance;

  LedgerDb      *db;
  int            year;
  guint          refresh_id;

  GtkWidget     *scrolled;
  GtkLabel      *title;
  GtkLabel      *error_label;
  GtkGrid       *table;
  IndicatorCard  cards[LEDGER_N_INDICATORS];
};

G_DEFINE_FINAL_TYPE (LedgerProgressPage, ledger_progress_page, GTK_TYPE_WIDGET)

/* ---- auxiliary ---- */

static char *
format_number (double value,
               int    digits)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", digits);

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static void
set_met_class (GtkWidget             *widget,
               const LedgerIndicator *indicator)
{
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_remove_css_class (widget, "error");
  if (!isnan (indicator->rate))
    gtk_widget_add_css_class (widget, indicator->met ? "success" : "error");
}

static void
show_card (IndicatorCard         *card,
           LedgerIndicatorId      id,
           const LedgerIndicator *indicator)
{
  /* manure is in tonnes; the other indicators count items */
  int digits = id == LEDGER_INDICATOR_MANURE_UTILISATION ? 1 : 0;
  g_autofree char *rate = ledger_format_rate (indicator->rate);
  g_autofree char *target = ledger_format_rate (indicator->target);
  g_autofree char *numerator = format_number (indicator->numerator, digits);
  g_autofree char *denominator = format_number (indicator->denominator, digits);
  g_autofree char *detail = NULL;
  g_autofree char *target_text = g_strdup_printf (_("Target %s"), target);

  if (id == LEDGER_INDICATOR_MANURE_UTILISATION)
    detail = g_strdup_printf (_("%s t of %s t used"), numerator, denominator);
  else
    detail = g_strdup_printf (_("%s of %s"), numerator, denominator);

  gtk_label_set_label (card->rate, rate);
  gtk_label_set_label (card->detail, detail);
  gtk_label_set_label (card->target, target_text);
  if (isnan (indicator->rate))
    gtk_label_set_label (card->verdict, _("Nothing to count yet"));
  else
    gtk_label_set_label (card->verdict, indicator->met ? _("Target met") : _("Target not met"));
  set_met_class (GTK_WIDGET (card->rate), indicator);
  set_met_class (GTK_WIDGET (card->verdict), indicator);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
clear_table (LedgerProgressPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
}

static void
add_table_header (LedgerProgressPage *self)
{
  gtk_grid_attach (self->table, new_label (_("Township"), "heading", 0), 0, 0, 1, 1);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      GtkWidget *label = new_label (ledger_indicator_name (i), "heading", 1);

      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (self->table, label, i + 1, 0, 1, 1);
    }
}

static void
add_table_row (LedgerProgressPage        *self,
               int                        row,
               const LedgerScopeProgress *scope)
{
  gtk_grid_attach (self->table, new_label (scope->name, NULL, 0), 0, row, 1, 1);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      const LedgerIndicator *indicator = &scope->indicators[i];
      g_autofree char *rate = ledger_format_rate (indicator->rate);
      GtkWidget *label = new_label (rate, "numeric", 1);

      set_met_class (label, indicator);
      gtk_grid_attach (self->table, label, i + 1, row, 1, 1);
    }
}

static void
show_progress (LedgerProgressPage   *self,
               const LedgerProgress *progress)
{
  g_autofree char *title = NULL;

  title = g_strdup_printf (_("%s, %d"), progress->county.name ? progress->county.name : "", progress->year);
  gtk_label_set_label (self->title, title);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    show_card (&self->cards[i], i, &progress->county.indicators[i]);

  clear_table (self);
  add_table_header (self);
  for (guint i = 0; i < progress->townships->len; i++)
    add_table_row (self, i + 1, g_ptr_array_index (progress->townships, i));
}

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

/* ---- construction ---- */

static GtkWidget *
new_card (IndicatorCard     *card,
          LedgerIndicatorId  id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *name = new_label (ledger_indicator_name (id), "caption-heading", 0);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "indicator-card");
  gtk_widget_set_hexpand (box, TRUE);
  card->rate = GTK_LABEL (new_label ("—", "title-1", 0));
  card->detail = GTK_LABEL (new_label (NULL, "dim-label", 0));
  card->target = GTK_LABEL (new_label (NULL, NULL, 0));
  card->verdict = GTK_LABEL (new_label (NULL, "heading", 0));
  gtk_widget_add_css_class (GTK_WIDGET (card->rate), "numeric");

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->rate));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->detail));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->target));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->verdict));
  return box;
}

static GtkWidget *
build_content (LedgerProgressPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *cards = gtk_grid_new ();

  self->title = GTK_LABEL (new_label (NULL, "title-2", 0));
  self->error_label = GTK_LABEL (new_label (NULL, "error", 0));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_grid_set_column_spacing (GTK_GRID (cards), 12);
  gtk_grid_set_row_spacing (GTK_GRID (cards), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (cards), TRUE);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    gtk_grid_attach (GTK_GRID (cards), new_card (&self->cards[i], i), i % 2, i / 2, 1, 1);

  self->table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->table, 18);
  gtk_grid_set_row_spacing (self->table, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "progress-table");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), cards);
  gtk_box_append (GTK_BOX (box), new_label (_("By township"), "title-4", 0));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->table));
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

/* ---- GObject ---- */

static void
ledger_progress_page_dispose (GObject *object)
{
  LedgerProgressPage *self = LEDGER_PROGRESS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (ledger_progress_page_parent_class)->dispose (object);
}

static void
ledger_progress_page_class_init (LedgerProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_progress_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "progresspage");
}

static void
ledger_progress_page_init (LedgerProgressPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), build_content (self));
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
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
  g_return_if_fail (LEDGER_IS_PROGRESS_PAGE (self));

  if (self->db != db)
    {
      if (self->db != NULL)
        g_signal_handlers_disconnect_by_data (self->db, self);
      g_set_object (&self->db, db);
      if (db != NULL)
        g_signal_connect_object (db, "changed", G_CALLBACK (on_db_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->year = year;
  ledger_progress_page_refresh (self);
}

void
ledger_progress_page_refresh (LedgerProgressPage *self)
{
  g_autoptr (LedgerProgress) progress = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (LEDGER_IS_PROGRESS_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->db == NULL)
    return;
  progress = ledger_progress_compute (self->db, self->year, NULL, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), progress == NULL);
  if (progress == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      return;
    }
  show_progress (self, progress);
}

const char *
ledger_progress_page_get_rate_text (LedgerProgressPage *self,
                                    LedgerIndicatorId   indicator)
{
  g_return_val_if_fail (LEDGER_IS_PROGRESS_PAGE (self), NULL);
  g_return_val_if_fail ((guint) indicator < LEDGER_N_INDICATORS, NULL);

  return gtk_label_get_label (self->cards[indicator].rate);
}
