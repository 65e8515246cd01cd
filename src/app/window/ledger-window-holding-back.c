/* ledger-window-holding-back.c: what holds a township back, on the lists and the map
 *
 * The Progress page asks for a township and an indicator; core
 * (ledger_progress_holding_back) says which villages, farms or water bodies
 * keep it from the target; the window selects the township, shows only those
 * items on the list and the map, and says so in a bar under the header with
 * a button that shows everything again ("只显示：天池街道 未有效治理的行政村 ✕").
 * A change of township or year ends the filter.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-window-private.h"

static gboolean apply_holding_back (LedgerWindow      *self,
                                    const char        *township,
                                    LedgerIndicatorId  indicator);

static LedgerKind
kind_of (LedgerIndicatorId indicator)
{
  switch (indicator)
    {
    case LEDGER_INDICATOR_VILLAGE_SEWAGE:
      return LEDGER_KIND_VILLAGES;
    case LEDGER_INDICATOR_MANURE_UTILISATION:
    case LEDGER_INDICATOR_SCALE_FARM_FACILITIES:
      return LEDGER_KIND_FARMS;
    case LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED:
    case LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED_ALL:
    case LEDGER_N_INDICATORS:
    default:
      return LEDGER_KIND_WATER_BODIES;
    }
}

static char *
describe (const char        *township_name,
          LedgerIndicatorId  indicator,
          guint              n)
{
  switch (indicator)
    {
    case LEDGER_INDICATOR_VILLAGE_SEWAGE:
      return g_strdup_printf (_("Showing only: %s, administrative villages not effectively treated (%u)"),
                              township_name, n);
    case LEDGER_INDICATOR_MANURE_UTILISATION:
      return g_strdup_printf (_("Showing only: %s, farms below the manure utilisation target (%u)"),
                              township_name, n);
    case LEDGER_INDICATOR_SCALE_FARM_FACILITIES:
      return g_strdup_printf (_("Showing only: %s, scale farms without matched facilities (%u)"),
                              township_name, n);
    case LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED:
      return g_strdup_printf (_("Showing only: %s, water bodies of the national list not remediated (%u)"),
                              township_name, n);
    case LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED_ALL:
    case LEDGER_N_INDICATORS:
    default:
      return g_strdup_printf (_("Showing only: %s, black-odorous water bodies not remediated (%u)"),
                              township_name, n);
    }
}

static void
apply_only (LedgerWindow *self,
            LedgerKind    kind,
            GHashTable   *uids)
{
  ledger_list_view_set_only (self->list_view, kind, uids);
  ledger_map_view_set_only (self->map_view, uids);
}

static void
on_filter_context_changed_cb (LedgerWindow *self)
{
  if (self->holding_back_township == NULL)
    return;
  /* the bar's own change of township does not end it */
  if (g_strcmp0 (self->township, self->holding_back_township) == 0 &&
      ledger_window_get_year (self) == self->holding_back_year)
    return;
  ledger_window_clear_holding_back (self);
}

static void
disconnect_db (LedgerWindow *self)
{
  if (self->holding_back_db != NULL)
    g_signal_handlers_disconnect_by_data (self->holding_back_db, self);
  g_clear_object (&self->holding_back_db);
}

/* an edit can change what holds the township back: ask core again */
static gboolean
refresh_idle_cb (gpointer data)
{
  LedgerWindow *self = data;

  if (self->holding_back_township != NULL && self->db == self->holding_back_db &&
      !apply_holding_back (self, self->holding_back_township, self->holding_back_indicator))
    ledger_window_clear_holding_back (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_db_changed_cb (LedgerWindow *self)
{
  g_idle_add (refresh_idle_cb, g_object_ref (self));
}

static void
on_holding_back_requested_cb (LedgerWindow *self,
                              const char   *township,
                              int           indicator)
{
  ledger_window_show_holding_back (self, township, indicator);
}

/* asks core, applies the filter and says so; FALSE (and the error shown) on failure */
static gboolean
apply_holding_back (LedgerWindow      *self,
                    const char        *township,
                    LedgerIndicatorId  indicator)
{
  g_autoptr (GHashTable) uids = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  uids = ledger_progress_holding_back (self->db, self->year, township, indicator, &error);
  if (uids == NULL)
    {
      ledger_window_show_error (self, _("Cannot show what holds the township back"), error);
      return FALSE;
    }
  name = ledger_db_dup_region_name (self->db, township);
  text = describe (name ? name : township, indicator, g_hash_table_size (uids));
  gtk_label_set_label (self->holding_back_label, text);
  apply_only (self, kind_of (indicator), uids);
  gtk_revealer_set_reveal_child (self->holding_back_bar, TRUE);
  return TRUE;
}

static void
follow_db (LedgerWindow *self)
{
  if (self->holding_back_db == self->db)
    return;
  disconnect_db (self);
  self->holding_back_db = g_object_ref (self->db);
  g_signal_connect_object (self->db, "changed", G_CALLBACK (on_db_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * ledger_window_show_holding_back:
 * @township: a township code of the ledger
 * @indicator: the indicator whose target it misses
 *
 * Selects @township and shows, on the list of the indicator's kind and on
 * the map, only what keeps it from the target, with a bar that says so and
 * ends it. Shows the list. An edit of the ledger refreshes the filter.
 */
void
ledger_window_show_holding_back (LedgerWindow      *self,
                                 const char        *township,
                                 LedgerIndicatorId  indicator)
{
  g_return_if_fail (LEDGER_IS_WINDOW (self));
  g_return_if_fail ((guint) indicator < LEDGER_N_INDICATORS);

  if (self->db == NULL)
    return;
  g_free (self->holding_back_township);
  self->holding_back_township = g_strdup (township);
  self->holding_back_year = self->year;
  self->holding_back_indicator = indicator;
  ledger_window_set_township (self, township);
  if (!apply_holding_back (self, township, indicator))
    {
      ledger_window_clear_holding_back (self);
      return;
    }
  follow_db (self);
  ledger_window_set_view (self, "ledger");
}

/**
 * ledger_window_clear_holding_back:
 *
 * Shows every item again and hides the bar; the township stays selected.
 */
void
ledger_window_clear_holding_back (LedgerWindow *self)
{
  g_return_if_fail (LEDGER_IS_WINDOW (self));

  g_clear_pointer (&self->holding_back_township, g_free);
  disconnect_db (self);
  apply_only (self, LEDGER_KIND_VILLAGES, NULL);
  gtk_revealer_set_reveal_child (self->holding_back_bar, FALSE);
}

const char *
ledger_window_get_holding_back_text (LedgerWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->holding_back_bar))
    return NULL;
  return gtk_label_get_label (self->holding_back_label);
}

static GtkWidget *
new_bar (LedgerWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *icon = gtk_image_new_from_icon_name ("edit-find-symbolic");

  self->holding_back_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->holding_back_label, TRUE);
  gtk_label_set_xalign (self->holding_back_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->holding_back_label), TRUE);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_tooltip_text (close, _("Show everything again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show everything again"), -1);
  g_signal_connect_object (close, "clicked", G_CALLBACK (ledger_window_clear_holding_back),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->holding_back_label));
  gtk_box_append (GTK_BOX (box), close);
  gtk_widget_add_css_class (box, "holding-back-bar");
  return box;
}

/* builds the bar under the search bar and listens to the Progress page */
void
ledger_window_init_holding_back (LedgerWindow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->search_bar));

  self->holding_back_bar = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->holding_back_bar, new_bar (self));
  gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (self->holding_back_bar),
                              GTK_WIDGET (self->search_bar));
  g_signal_connect_object (self->progress_page, "holding-back-requested",
                           G_CALLBACK (on_holding_back_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::township", G_CALLBACK (on_filter_context_changed_cb), NULL);
  g_signal_connect (self, "notify::year", G_CALLBACK (on_filter_context_changed_cb), NULL);
}
