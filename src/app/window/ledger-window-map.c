/* ledger-window-map.c: what the window does for the map (issue 11) — "show
 * on map" from a list row or the detail pane, and a location picked on the
 * map for the editor */
#include "config.h"

#include "ledger-window-private.h"

static void
show_on_map_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  const char *uid = NULL;
  int kind = 0;

  g_variant_get (parameter, "(i&s)", &kind, &uid);
  adw_view_stack_set_visible_child_name (self->view_stack, "map");
  if (kind != LEDGER_KIND_VILLAGES)
    ledger_window_select_item (self, kind, uid);
  ledger_map_view_show_item (self->map_view, uid);
}

/**
 * ledger_window_class_add_map_actions:
 *
 * win.show-on-map (kind, uid): the Map page, the item selected, centred and
 * close enough to see it on its own (a village: its marker).
 */
void
ledger_window_class_add_map_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-on-map", "(is)", show_on_map_activated);
}

/**
 * ledger_window_pick_location:
 * @self: the window
 * @callback: as for ledger_map_view_pick_location()
 * @data: for @callback
 *
 * Shows the Map page, where the next click is a location for @callback.
 */
void
ledger_window_pick_location (LedgerWindow          *self,
                             LedgerMapViewPickFunc  callback,
                             gpointer               data)
{
  g_return_if_fail (LEDGER_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "map");
  ledger_map_view_pick_location (self->map_view, callback, data);
}
