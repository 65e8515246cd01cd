/* ledger-window-template.c: File → Download Import Template
 *
 * One menu item per kind (win.download-template::farms …); a save dialog
 * suggests "养殖场导入模板.xlsx"; core writes the workbook
 * (ledger-import-template.c) and a toast says where it went.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-export-xlsx.h"
#include "ledger-file-chooser.h"
#include "ledger-import-template.h"
#include "ledger-window-private.h"

/* ---- auxiliary functions ---- */

static void
toast_written (LedgerWindow *self,
               const char   *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = g_strdup_printf (_("Saved the import template “%s”"), name);
  AdwToast *toast = adw_toast_new (title);

  if (g_utf8_validate (path, -1, NULL))
    {
      adw_toast_set_button_label (toast, _("Show in _Folder"));
      adw_toast_set_action_name (toast, "win.show-in-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (path));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- signal callbacks ---- */

static void
on_template_chosen (gpointer    owner,
                    const char *path,
                    gpointer    kind)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  ledger_window_save_import_template (LEDGER_WINDOW (owner), GPOINTER_TO_UINT (kind), file);
}

static void
download_template_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LedgerKind kind;
  g_autofree char *name = NULL;
  LedgerFileChoice choice = {
    .title = _("Download Import Template"), .action = GTK_FILE_CHOOSER_ACTION_SAVE, .accept_label = _("_Save"),
  };

  if (!ledger_kind_from_key (g_variant_get_string (parameter, NULL), &kind))
    return;
  /* Translators: the suggested file name of a template, e.g. 养殖场导入模板.xlsx */
  name = g_strdup_printf (_("%s import template.xlsx"), ledger_export_xlsx_sheet_name (kind));
  choice.name = name;
  ledger_choose_file (GTK_WINDOW (widget), widget, &choice, on_template_chosen, GUINT_TO_POINTER (kind), NULL);
}

/* ---- shared with ledger-window.c ---- */

/**
 * ledger_window_save_import_template:
 * @file: where the officer chose to save it (".xlsx" is added when missing)
 *
 * Writes the template of @kind; says where it went, or why not.
 *
 * Returns: TRUE when it was written
 */
gboolean
ledger_window_save_import_template (LedgerWindow *self,
                                    LedgerKind    kind,
                                    GFile        *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *chosen = g_file_get_path (file);
  g_autofree char *path = NULL;

  if (chosen == NULL)
    return FALSE;
  path = g_str_has_suffix (chosen, ".xlsx") ? g_strdup (chosen) : g_strconcat (chosen, ".xlsx", NULL);
  if (!ledger_import_template_write (self->db, kind, path, &error))
    {
      ledger_window_show_error (self, _("The import template was not saved"), error);
      return FALSE;
    }
  toast_written (self, path);
  return TRUE;
}

void
ledger_window_class_add_template_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.download-template", "s", download_template_activated);
}
