/* ledger-window-county.c: the window's ways into a ledger and its county
 *
 * The welcome page's actions (the Lezhi demo, a new ledger for any county
 * through the county picker, the recent ledgers), the recent-ledgers list,
 * the "Demo Data" badge of the header, and importing a county outline.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-county-outline.h"
#include "ledger-county-picker.h"
#include "ledger-demo.h"
#include "ledger-file-chooser.h"
#include "ledger-jobs.h"
#include "ledger-regions.h"
#include "ledger-welcome-page.h"
#include "ledger-window-private.h"

/* ---- the demo ledger ---- */

/* the window, held until the ledger is made, and where */
typedef struct
{
  LedgerWindow *self;
  char         *path;
} DemoCall;

static void
demo_call_free (DemoCall *call)
{
  g_object_unref (call->self);
  g_free (call->path);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoCall, demo_call_free)

static void
on_demo_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr (DemoCall) call = data;
  LedgerWindow *self = call->self;
  g_autoptr (GError) error = NULL;

  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-demo", TRUE);
  if (!ledger_ledger_create_finish (result, &error))
    {
      ledger_window_show_error (self, _("Cannot Create the Demo Ledger"), error);
      return;
    }
  ledger_window_open_path (self, call->path, FALSE);
}

static void
open_demo_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autofree char *path = ledger_window_dup_demo_path ();
  DemoCall *call;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      ledger_window_open_path (self, path, FALSE);
      return;
    }
  /* about 0.4 s: not on the main thread (ledger-jobs.h) */
  gtk_widget_set_cursor_from_name (widget, "progress");
  gtk_widget_action_set_enabled (widget, "win.open-demo", FALSE);
  call = g_new0 (DemoCall, 1);
  call->self = g_object_ref (self);
  call->path = g_strdup (path);
  ledger_ledger_create_async (&(LedgerCreateRequest) { .path = path, .county_code = LEDGER_DEFAULT_REGION, .demo = TRUE },
                              NULL, on_demo_created_cb, call);
}

static void
open_recent_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ledger_window_open_path (LEDGER_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* ---- a new ledger for any county ---- */

static void
on_picker_ledger_created_cb (LedgerWindow *self,
                             const char   *path)
{
  ledger_window_open_path (self, path, FALSE);
}

static void
new_ledger_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  LedgerCountyPicker *picker =
    ledger_county_picker_new (GTK_WINDOW (self), self->db ? ledger_db_get_path (self->db) : NULL);

  g_signal_connect_object (picker, "ledger-created", G_CALLBACK (on_picker_ledger_created_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

/* ---- importing a county outline ---- */

static void
store_outline (LedgerWindow *self,
               const char   *geojson)
{
  g_autoptr (GError) error = NULL;

  if (!ledger_county_outline_store (self->db, geojson, &error))
    ledger_window_show_error (self, _("Cannot Store the Outline"), error);
  else
    ledger_window_toast (self, _("County outline stored"));
}

static void
on_mismatch_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         LedgerWindow     *self)
{
  const char *geojson = g_object_get_data (G_OBJECT (dialog), response);

  if (geojson != NULL)
    store_outline (self, geojson);
}

/* Which datum, if any, makes the outline fit the township seats. */
static char *
find_fitting_datum (LedgerWindow *self,
                    const char   *path,
                    LedgerDatum  *datum)
{
  const LedgerDatum candidates[] = { LEDGER_DATUM_GCJ02, LEDGER_DATUM_BD09 };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *converted = ledger_county_outline_read_file (path, candidates[i], NULL);
      LedgerOutlineCheck check;

      if (converted != NULL && ledger_county_outline_check (self->db, converted, &check, NULL) &&
          ledger_county_outline_fits (&check))
        {
          *datum = candidates[i];
          return g_steal_pointer (&converted);
        }
    }
  return NULL;
}

static void
ask_about_mismatch (LedgerWindow             *self,
                    const char               *path,
                    char                     *geojson,
                    const LedgerOutlineCheck *check)
{
  LedgerDatum datum = LEDGER_DATUM_WGS84;
  char *converted = find_fitting_datum (self, path, &datum);
  g_autofree char *body =
    g_strdup_printf (_("Only %u of the %u located township seats lie inside this outline. It may be another "
                       "county’s outline, or its coordinates may be GCJ-02 (Gaode, Tencent) or BD-09 (Baidu)."),
                     check->n_inside, check->n_seats);
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Outline Does Not Fit the Townships"), body));

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "keep", _("_Store Anyway"));
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "keep", geojson, g_free);
  if (converted != NULL)
    {
      adw_message_dialog_add_response (dialog, "convert", datum == LEDGER_DATUM_GCJ02
                                       ? _("Convert from _GCJ-02") : _("Convert from _BD-09"));
      adw_message_dialog_set_response_appearance (dialog, "convert", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "convert");
      g_object_set_data_full (G_OBJECT (dialog), "convert", converted, g_free);
    }
  else
    adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_mismatch_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ledger_window_import_outline (LedgerWindow *self,
                              const char   *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *geojson = ledger_county_outline_read_file (path, LEDGER_DATUM_WGS84, &error);
  LedgerOutlineCheck check;

  g_return_if_fail (LEDGER_IS_WINDOW (self) && self->db != NULL);

  if (geojson == NULL || !ledger_county_outline_check (self->db, geojson, &check, &error))
    {
      ledger_window_show_error (self, _("Cannot Import the Outline"), error);
      return;
    }
  if (ledger_county_outline_fits (&check))
    store_outline (self, geojson);
  else
    ask_about_mismatch (self, path, g_steal_pointer (&geojson), &check);
}

static void
import_outline_chosen (LedgerWindow *self,
                       const char   *path)
{
  if (self->db != NULL)
    ledger_window_import_outline (self, path);
}

static void
import_outline_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ledger_window_choose_file (LEDGER_WINDOW (widget), _("Import County Outline"), GTK_FILE_CHOOSER_ACTION_OPEN, NULL,
                             ledger_file_filter_new (_("GeoJSON files"), "*.geojson", "*.json", NULL),
                             import_outline_chosen);
}

/* ---- shared with ledger-window.c ---- */

/* Returns: (transfer full): where the demo ledger lives, $XDG_DATA_HOME/sanitation-ledger/lezhi-demo.db */
char *
ledger_window_dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sanitation-ledger", "lezhi-demo.db", NULL);
}

/* Records @path as the last ledger and first of the recent ones. */
void
ledger_window_remember_ledger (LedgerWindow *self,
                               const char   *path)
{
  g_auto (GStrv) old = g_settings_get_strv (self->settings, "recent-ledgers");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < 2 * LEDGER_MAX_RECENT_LEDGERS; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_string (self->settings, "last-ledger", path);
  g_settings_set_strv (self->settings, "recent-ledgers", (const char * const *) recent);
}

/* The header says "Demo Data" while the ledger holds demo records. */
void
ledger_window_update_demo_badge (LedgerWindow *self)
{
  guint n = self->db ? ledger_demo_count (self->db) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->demo_badge), n > 0);
}

void
ledger_window_class_add_county_actions (GtkWidgetClass *widget_class)
{
  g_type_ensure (LEDGER_TYPE_WELCOME_PAGE);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.new-ledger", NULL, new_ledger_activated);
  gtk_widget_class_install_action (widget_class, "win.import-outline", NULL, import_outline_activated);
}
