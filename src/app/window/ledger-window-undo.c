/* ledger-window-undo.c: Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) of this window's edits
 *
 * The window keeps one LedgerUndo per open ledger (core, ledger-undo.c): the
 * editor's saves, points moved on the map and deletes made in this window are
 * its steps. Undo selects the item it put back and says what it undid.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-store.h"
#include "ledger-window-private.h"

static void
update_undo_actions (LedgerWindow *self)
{
  gboolean writable = self->db != NULL && !ledger_db_is_read_only (self->db);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && self->undo != NULL && ledger_undo_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && self->undo != NULL && ledger_undo_can_redo (self->undo));
}

static void
replay (LedgerWindow *self,
        gboolean      undo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *said = NULL;
  g_autoptr (LedgerRecord) now = NULL;
  int kind = LEDGER_KIND_FACILITIES;

  if (self->undo == NULL)
    return;
  label = undo ? ledger_undo_dup_undo_label (self->undo) : ledger_undo_dup_redo_label (self->undo);
  if (!(undo ? ledger_undo_undo (self->undo, &kind, &uid, &error)
             : ledger_undo_redo (self->undo, &kind, &uid, &error)))
    {
      ledger_window_show_error (self, undo ? _("Cannot Undo") : _("Cannot Redo"), error);
      return;
    }
  /* an item no longer there (an undone new item, a redone delete) leaves the pane empty */
  now = uid != NULL ? ledger_store_get (self->db, kind, uid, self->year, NULL) : NULL;
  if (now == NULL)
    g_clear_pointer (&uid, g_free);
  ledger_window_select_item (self, kind, uid);
  /* Translators: a toast after Ctrl+Z / Ctrl+Shift+Z; %s is e.g. "Edit “一号站”" */
  said = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label);
  ledger_window_toast (self, said);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  replay (LEDGER_WINDOW (widget), TRUE);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  replay (LEDGER_WINDOW (widget), FALSE);
}

/* ---- shared with ledger-window.c ---- */

void
ledger_window_attach_undo (LedgerWindow *self)
{
  g_clear_object (&self->undo);
  if (self->db != NULL)
    {
      self->undo = ledger_undo_new (self->db);
      g_signal_connect_object (self->undo, "changed", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
    }
  update_undo_actions (self);
}

/* The "Deleted" toast's Undo: only while that delete is the newest step. */
gboolean
ledger_window_undo_delete (LedgerWindow *self,
                           const char   *uid)
{
  if (self->undo == NULL || !ledger_undo_top_is_delete_of (self->undo, uid))
    return FALSE;
  replay (self, TRUE);
  return TRUE;
}

void
ledger_window_class_add_undo_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  /* bindings, not application accels: a focused entry keeps its own Ctrl+Z for its text */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
}
