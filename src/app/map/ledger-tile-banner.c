/* ledger-tile-banner.c: a quiet note over the map while base-map tiles fail
 *
 * libshumate 1.0 leaves a tile that fails to load empty and says nothing;
 * LedgerTileSource notices, and this banner says why (no connection, the key
 * or URL refused) and that the outline and the items still show. It can be
 * closed; it comes back only when the tiles fail again after loading.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-tile-banner.h"

struct _LedgerTileBanner
{
  GtkWidget         parent_instance;

  GtkRevealer      *revealer;
  GtkLabel         *label;
  LedgerTileSource *tiles;
  gboolean          dismissed;
};

G_DEFINE_FINAL_TYPE (LedgerTileBanner, ledger_tile_banner, GTK_TYPE_WIDGET)

static void
update (LedgerTileBanner *self)
{
  gboolean failing = self->tiles != NULL && ledger_tile_source_get_failing (self->tiles);
  g_autofree char *text = NULL;

  if (self->revealer == NULL)
    return;
  if (!failing)
    self->dismissed = FALSE;
  if (failing)
    {
      /* Translators: the reason tiles fail, then what still works */
      text = g_strdup_printf (_("%s The county outline and the items are still shown."),
                              ledger_tile_source_get_reason (self->tiles));
      gtk_label_set_label (self->label, text);
    }
  gtk_revealer_set_reveal_child (self->revealer, failing && !self->dismissed);
  gtk_widget_set_can_target (GTK_WIDGET (self), failing && !self->dismissed);
}

static void
on_close_clicked_cb (LedgerTileBanner *self)
{
  self->dismissed = TRUE;
  update (self);
}

static void
ledger_tile_banner_dispose (GObject *object)
{
  LedgerTileBanner *self = LEDGER_TILE_BANNER (object);

  ledger_tile_banner_watch (self, NULL);
  if (self->revealer != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->revealer));
  self->revealer = NULL;
  G_OBJECT_CLASS (ledger_tile_banner_parent_class)->dispose (object);
}

static void
ledger_tile_banner_class_init (LedgerTileBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_tile_banner_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tilebanner");
}

static void
ledger_tile_banner_init (LedgerTileBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_max_width_chars (self->label, 50);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_tooltip_text (close, _("Hide this note"));
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (on_close_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), close);
  gtk_widget_add_css_class (box, "app-notification");
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, box);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  /* at the top, below the map's buttons: toasts come up from the bottom */
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 56);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
ledger_tile_banner_new (void)
{
  return g_object_new (LEDGER_TYPE_TILE_BANNER, NULL);
}

/**
 * ledger_tile_banner_watch:
 * @tiles: (nullable): the base map's online tiles; %NULL for none
 */
void
ledger_tile_banner_watch (LedgerTileBanner *self,
                          LedgerTileSource *tiles)
{
  g_return_if_fail (LEDGER_IS_TILE_BANNER (self));

  if (self->tiles != NULL)
    g_signal_handlers_disconnect_by_data (self->tiles, self);
  g_set_object (&self->tiles, tiles);
  if (tiles != NULL)
    g_signal_connect_object (tiles, "notify::failing", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  self->dismissed = FALSE;
  update (self);
}

gboolean
ledger_tile_banner_is_shown (LedgerTileBanner *self)
{
  g_return_val_if_fail (LEDGER_IS_TILE_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
ledger_tile_banner_get_text (LedgerTileBanner *self)
{
  g_return_val_if_fail (LEDGER_IS_TILE_BANNER (self), NULL);
  return gtk_label_get_label (self->label);
}
