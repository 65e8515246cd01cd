/* ledger-window-actions.c: the window's actions and the dialogs they open */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ledger-editor.h"
#include "ledger-error.h"
#include "ledger-export-dialog.h"
#include "ledger-file-chooser.h"
#include "ledger-import.h"
#include "ledger-import-assistant.h"
#include "ledger-store.h"
#include "ledger-window-private.h"

/* ---- dialogs ---- */

static AdwMessageDialog *
new_message_dialog (LedgerWindow *self,
                    const char   *heading,
                    const char   *body)
{
  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
}

void
ledger_window_show_error (LedgerWindow *self,
                          const char   *heading,
                          const GError *error)
{
  AdwMessageDialog *dialog = new_message_dialog (self, heading, error ? error->message : NULL);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ledger_window_toast (LedgerWindow *self,
                     const char   *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           LedgerWindow     *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_str_equal (response, "read-only"))
    ledger_window_open_path (self, path, TRUE);
  else if (g_str_equal (response, "open"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open", NULL);
  else if (g_str_equal (response, "new"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-ledger", NULL);
}

/* The heading says what is wrong; the body, what to do. */
static const char *
open_error_heading (const GError *error)
{
  if (error->domain != LEDGER_ERROR)
    return _("Cannot Open the Ledger");
  switch (error->code)
    {
    case LEDGER_ERROR_DAMAGED:
      return _("The Ledger Is Damaged");
    case LEDGER_ERROR_NOT_A_LEDGER:
      return _("This Is Not a Ledger");
    case LEDGER_ERROR_TOO_NEW:
      return _("The Ledger Is from a Newer Version");
    case LEDGER_ERROR_BUSY:
      return _("The Ledger Is in Use");
    case LEDGER_ERROR_READ_ONLY:
      return _("The Ledger Is Read-Only");
    default:
      return _("Cannot Open the Ledger");
    }
}

void
ledger_window_show_open_error (LedgerWindow *self,
                               const char   *path,
                               const GError *error)
{
  AdwMessageDialog *dialog = new_message_dialog (self, open_error_heading (error), error->message);

  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_READ_ONLY))
    adw_message_dialog_add_response (dialog, "read-only", _("Open _Read-Only"));
  adw_message_dialog_add_response (dialog, "new", _("_New Ledger…"));
  adw_message_dialog_add_response (dialog, "open", _("_Open Another…"));
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_file_chosen (gpointer    owner,
                const char *path,
                gpointer    data)
{
  FileChosenFunc func = (FileChosenFunc) data;

  func (LEDGER_WINDOW (owner), path);
}

/* @filter: (transfer full) (nullable) */
void
ledger_window_choose_file (LedgerWindow         *self,
                           const char           *title,
                           GtkFileChooserAction  action,
                           const char           *suggested_name,
                           GtkFileFilter        *filter,
                           FileChosenFunc        func)
{
  g_autoptr (GtkFileFilter) owned_filter = filter;
  LedgerFileChoice choice = { .title = title, .action = action, .filter = filter, .name = suggested_name };

  ledger_choose_file (GTK_WINDOW (self), self, &choice, on_file_chosen, (gpointer) func, NULL);
}

/* ---- open, new ---- */

static void
open_chosen (LedgerWindow *self,
             const char   *path)
{
  ledger_window_open_path (self, path, FALSE);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ledger_window_choose_file (LEDGER_WINDOW (widget), _("Open Ledger"), GTK_FILE_CHOOSER_ACTION_OPEN, NULL,
                             ledger_file_filter_new (_("Ledger files"), "*.db", "*.sqlite", "*.ledger", NULL),
                             open_chosen);
}

/* ---- import, export ---- */

static void
on_assistant_imported_cb (GtkWindow    *assistant,
                          const char   *message,
                          LedgerWindow *self)
{
  LedgerImportAssistant *importer = LEDGER_IMPORT_ASSISTANT (assistant);
  GBytes *changes = ledger_import_assistant_get_imported_changes (importer);

  /* the assistant wrote on its own connection: the views reload now */
  if (self->db != NULL)
    ledger_db_poll_external_change (self->db);
  if (self->undo != NULL && changes != NULL)
    {
      g_autofree char *name = g_path_get_basename (ledger_import_assistant_get_path (importer));

      ledger_undo_add_import (self->undo, name, ledger_import_assistant_get_kind (importer), changes);
    }
  ledger_window_toast (self, message);
}

GtkWindow *
ledger_window_open_import_assistant (LedgerWindow *self,
                                     const char   *path)
{
  LedgerImportAssistant *assistant;

  g_return_val_if_fail (LEDGER_IS_WINDOW (self), NULL);

  if (self->db == NULL || ledger_db_is_read_only (self->db))
    return NULL;
  assistant = ledger_import_assistant_new (GTK_WINDOW (self), self->db, ledger_list_view_get_kind (self->list_view));
  g_signal_connect_object (assistant, "imported", G_CALLBACK (on_assistant_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (assistant));
  if (path != NULL)
    ledger_import_assistant_open_file (assistant, path);
  return GTK_WINDOW (assistant);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ledger_window_open_import_assistant (LEDGER_WINDOW (widget), NULL);
}

/* The Export dialog (ledger-export-dialog.c) runs the export; the window
 * then says where the file went, with a button that shows it in its folder. */
static void
on_exported_cb (LedgerExportDialog *dialog,
                const char         *path,
                LedgerWindow       *self)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);
  AdwToast *toast = adw_toast_new (title);

  /* an action target is UTF-8: a path in another encoding gets no button */
  if (g_utf8_validate (path, -1, NULL))
    {
      adw_toast_set_button_label (toast, _("Show in _Folder"));
      adw_toast_set_action_name (toast, "win.show-in-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (path));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  LedgerExportDialog *dialog = ledger_export_dialog_new (GTK_WINDOW (self), self->db, self->year, self->township);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_in_folder_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ledger_show_in_folder (g_variant_get_string (parameter, NULL));
}

/* ---- remove demo, new item, search, undo ---- */

static void
on_remove_demo_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            LedgerWindow     *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_removed = 0;

  if (!g_str_equal (response, "remove"))
    return;
  if (!ledger_store_remove_demo (self->db, &n_removed, &error))
    {
      ledger_window_show_error (self, _("Cannot Remove the Demo Data"), error);
      return;
    }
  title = g_strdup_printf (ngettext ("Removed %u demo record", "Removed %u demo records", n_removed),
                           n_removed);
  ledger_window_toast (self, title);
}

static void
remove_demo_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  AdwMessageDialog *dialog =
    new_message_dialog (self, _("Remove the Demo Data?"),
                        _("Every record marked as demo data is deleted: the example plants, farms, water bodies, samples and inspections. Your own records stay."));

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "remove", _("_Remove"));
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_demo_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_editor_saved_cb (LedgerWindow *self,
                    int           kind,
                    const char   *uid)
{
  ledger_window_select_item (self, kind, uid);
}

static void
new_item_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  LedgerKind kind = LEDGER_KIND_FACILITIES;
  LedgerEditor *editor;

  /* villages come from the division list: a new item is a plant, farm or water body */
  if (g_strcmp0 (view, "ledger") == 0)
    kind = ledger_list_view_get_kind (self->list_view);
  if (g_strcmp0 (view, "ledger") == 0 && kind == LEDGER_KIND_VILLAGES)
    {
      ledger_window_toast (self, _("Villages come from the division list and cannot be added here: "
                                   "pick a village to edit its sewage record"));
      return;
    }
  if (kind != LEDGER_KIND_FARMS && kind != LEDGER_KIND_WATER_BODIES)
    kind = LEDGER_KIND_FACILITIES;

  editor = ledger_editor_new (GTK_WINDOW (self), self->db, kind, NULL, self->year);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ledger_window_undo_last_delete (LEDGER_WINDOW (widget));
}

void
ledger_window_update_actions (LedgerWindow *self)
{
  gboolean open = self->db != NULL;
  gboolean writable = open && !ledger_db_is_read_only (self->db);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-map", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-demo", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-outline", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-item", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", open);

  /* without a ledger there is nothing to switch between or filter */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, open);
  gtk_widget_set_visible (GTK_WIDGET (self->township_dropdown), open);
  gtk_widget_set_visible (GTK_WIDGET (self->year_spin), open);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), open);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), open);
}

void
ledger_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.show-in-folder", "s", show_in_folder_activated);
  gtk_widget_class_install_action (widget_class, "win.remove-demo", NULL, remove_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_item_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}
