/* ledger-welcome-page.c: the first screen, and whenever no ledger is open
 *
 * Three ways in, each one click from something useful: the Lezhi demo
 * ledger, a new ledger for the user's county (the county picker), an
 * existing file; and the recent ledgers (GSettings recent-ledgers) that
 * still exist. The buttons are the window's actions (win.open-demo,
 * win.new-ledger, win.open, win.open-recent).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-settings.h"
#include "ledger-welcome-page.h"

struct _LedgerWelcomePage
{
  AdwBin      parent_instance;

  GSettings  *settings;
  guint       n_recent;

  /* template children */
  GtkWidget  *demo_button;
  GtkWidget  *recent_label;
  GtkListBox *recent_list;
};

G_DEFINE_FINAL_TYPE (LedgerWelcomePage, ledger_welcome_page, ADW_TYPE_BIN)

/* ---- auxiliary functions ---- */

static GtkWidget *
new_recent_row (const char *path)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_filename_display_name (dir);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);
  return row;
}

static void
fill_recent (LedgerWelcomePage *self)
{
  g_auto (GStrv) paths = g_settings_get_strv (self->settings, "recent-ledgers");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  self->n_recent = 0;
  for (guint i = 0; paths[i] != NULL && self->n_recent < LEDGER_MAX_RECENT_LEDGERS; i++)
    if (g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
      {
        gtk_list_box_append (self->recent_list, new_recent_row (paths[i]));
        self->n_recent++;
      }
  gtk_widget_set_visible (self->recent_label, self->n_recent > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), self->n_recent > 0);
}

/* ---- signal callbacks ---- */

static void
on_recent_list_row_activated_cb (LedgerWelcomePage *self,
                                 GtkListBoxRow     *row,
                                 GtkListBox        *list)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", path);
}

static void
on_recent_ledgers_changed_cb (LedgerWelcomePage *self)
{
  fill_recent (self);
}

/* ---- GtkWidget ---- */

static void
ledger_welcome_page_map (GtkWidget *widget)
{
  /* files come and go while the page is hidden */
  fill_recent (LEDGER_WELCOME_PAGE (widget));
  GTK_WIDGET_CLASS (ledger_welcome_page_parent_class)->map (widget);
}

static void
ledger_welcome_page_dispose (GObject *object)
{
  LedgerWelcomePage *self = LEDGER_WELCOME_PAGE (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (ledger_welcome_page_parent_class)->dispose (object);
}

static void
ledger_welcome_page_class_init (LedgerWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_welcome_page_dispose;
  widget_class->map = ledger_welcome_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerWelcomePage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerWelcomePage, recent_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerWelcomePage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_list_row_activated_cb);
}

static void
ledger_welcome_page_init (LedgerWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = ledger_settings_new ();
  g_signal_connect_object (self->settings, "changed::recent-ledgers",
                           G_CALLBACK (on_recent_ledgers_changed_cb), self, G_CONNECT_SWAPPED);
  fill_recent (self);
}

/* ---- public API ---- */

GtkWidget *
ledger_welcome_page_get_demo_button (LedgerWelcomePage *self)
{
  g_return_val_if_fail (LEDGER_IS_WELCOME_PAGE (self), NULL);
  return self->demo_button;
}

/* Returns: how many recent ledgers the page lists */
guint
ledger_welcome_page_get_n_recent (LedgerWelcomePage *self)
{
  g_return_val_if_fail (LEDGER_IS_WELCOME_PAGE (self), 0);
  return self->n_recent;
}
