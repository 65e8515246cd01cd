/* ledger-editor-pick.c: "Pick on Map…" in the editor's location group
 * (issue 11 item 5) — the editor steps aside, the next click on the main
 * window's map is the item's location (WGS-84), and the editor comes back */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-editor-private.h"
#include "ledger-window.h"

static void
on_location_picked (double   lon,
                    double   lat,
                    gboolean picked,
                    gpointer data)
{
  g_autoptr (LedgerEditor) self = data;

  if (picked)
    ledger_editor_set_location (self, lon, lat);
  gtk_window_present (GTK_WINDOW (self));
}

static void
on_pick_clicked_cb (LedgerEditor *self,
                    GtkButton    *button)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!LEDGER_IS_WINDOW (parent))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  ledger_window_pick_location (LEDGER_WINDOW (parent), on_location_picked, g_object_ref (self));
}

/* a row of the location group, when the editor belongs to the main window */
void
ledger_editor_add_pick_row (LedgerEditor *self)
{
  GtkWidget *row, *button;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->location_group)) ||
      !LEDGER_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (self))))
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Location on the map"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Click where the item is on the map; its coordinates fill in (WGS-84)"));
  button = gtk_button_new_with_mnemonic (_("_Pick on Map…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_pick_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->location_group, row);
}
