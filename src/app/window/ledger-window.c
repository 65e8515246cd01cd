/* ledger-window.c: the main window — one ledger, three views, one selection
 *
 * The window holds what spans views as properties: "db", "year",
 * "township", "selected-kind" and "selected-uid". The views bind their own
 * properties of the same names to them (ledger-window.ui) and each reloads
 * only what depends on the property that changed; they follow the ledger's
 * "changed" signal themselves. The window also keeps the search text and
 * the last deletion for Undo. (docs/ARCHITECTURE.md, "The window's state")
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ledger-a11y.h"
#include "ledger-first-frame.h"
#include "ledger-settings.h"
#include "ledger-app-resources.h"
#include "ledger-regions.h"
#include "ledger-progress.h"
#include "ledger-store.h"
#include "ledger-window-map-export.h"
#include "ledger-window-private.h"

G_DEFINE_FINAL_TYPE (LedgerWindow, ledger_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_DB, PROP_YEAR, PROP_TOWNSHIP, PROP_SELECTED_KIND, PROP_SELECTED_UID, N_PROPS };
static GParamSpec *properties[N_PROPS];

#define POLL_SECONDS 2

/* ---- auxiliary ---- */

static void
replace_str (char       **dest,
             const char  *src)
{
  char *copy = g_strdup (src);

  g_free (*dest);
  *dest = copy;
}

static void
update_title (LedgerWindow *self)
{
  g_autofree char *county = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;

  if (self->db == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Sanitation Ledger"));
      adw_view_switcher_title_set_title (self->switcher_title, _("Sanitation Ledger"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      return;
    }

  county = ledger_regions_county_name (self->db);
  if (county == NULL || county[0] == '\0')
    replace_str (&county, _("Unknown county"));
  title = g_strdup_printf ("%s — %s", county, _("Sanitation Ledger"));
  file = g_path_get_basename (ledger_db_get_path (self->db));
  if (ledger_db_is_read_only (self->db))
    {
      g_autofree char *plain = g_steal_pointer (&file);

      file = g_strdup_printf (_("%s (read-only)"), plain);
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, county);
  adw_view_switcher_title_set_subtitle (self->switcher_title, file);
}

static void
fill_townships (LedgerWindow *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) townships = NULL;
  g_autoptr (GError) error = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->township_codes, 0);
  gtk_string_list_append (names, _("All townships"));
  g_ptr_array_add (self->township_codes, NULL);

  if (self->db != NULL)
    townships = ledger_regions_list_stored (self->db, "township", &error);
  if (error != NULL)
    g_warning ("Cannot list the townships: %s", error->message);

  for (guint i = 0; townships != NULL && i < townships->len; i++)
    {
      LedgerRegion *region = g_ptr_array_index (townships, i);

      gtk_string_list_append (names, region->name);
      g_ptr_array_add (self->township_codes, g_strdup (region->code));
      if (g_strcmp0 (region->code, self->township) == 0)
        selected = i + 1;
    }
  if (selected == 0 && self->township != NULL)
    {
      g_clear_pointer (&self->township, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOWNSHIP]);
    }

  gtk_drop_down_set_model (self->township_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->township_dropdown, selected);
}

static gboolean
poll_external_change_cb (gpointer user_data)
{
  LedgerWindow *self = user_data;

  if (self->db != NULL)
    ledger_db_poll_external_change (self->db);
  return G_SOURCE_CONTINUE;
}

/* The toast is left to time out (or to be replaced by the next one): with
 * libadwaita 1.2, dismissing a toast while it animates in frees it under the
 * overlay's feet. Its Undo button does nothing once the delete is forgotten. */
static void
forget_last_delete (LedgerWindow *self)
{
  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->last_deleted, g_ptr_array_unref);
  g_clear_pointer (&self->last_deleted_uid, g_free);
}

static char *
dup_item_name (LedgerDb   *db,
               int         kind,
               const char *uid)
{
  g_autoptr (LedgerRecord) record = ledger_store_get (db, kind, uid, 0, NULL);
  const char *name = record ? ledger_record_get (record, "name") : NULL;

  if (name == NULL && record != NULL)
    name = ledger_record_get (record, "code");
  return g_strdup (name != NULL ? name : uid);
}

/* When the list shown has no match, show the first kind that has one:
 * someone typing a farm's name wants the farm, whichever list was open. */
static void
show_kind_with_matches (LedgerWindow *self)
{
  static const LedgerKind order[] = {
    LEDGER_KIND_FACILITIES, LEDGER_KIND_FARMS, LEDGER_KIND_WATER_BODIES, LEDGER_KIND_VILLAGES,
  };
  LedgerKind shown = ledger_list_view_get_kind (self->list_view);

  if (ledger_list_view_get_n_shown (self->list_view) > 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (order[i] == shown)
        continue;
      ledger_list_view_select (self->list_view, order[i], NULL);
      if (ledger_list_view_get_n_shown (self->list_view) > 0)
        return;
    }
  ledger_list_view_select (self->list_view, shown, NULL);
}

/* ---- signal callbacks ---- */

static void
on_db_changed_cb (LedgerWindow *self,
                  int           kind,
                  const char   *uid,
                  LedgerDb     *db)
{
  ledger_window_update_demo_badge (self);
  ledger_window_update_exchange_status (self);
  if (kind == LEDGER_KIND_ALL)
    {
      update_title (self);
      fill_townships (self);
    }
}

static void
on_search_entry_search_changed_cb (LedgerWindow   *self,
                                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  ledger_list_view_set_search (self->list_view, text);
  if (text[0] != '\0')
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "ledger");
      show_kind_with_matches (self);
    }
}

static void
on_search_entry_stop_search_cb (LedgerWindow   *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* the Ledger page's "Clear Search and Filters" */
static void
on_list_view_filters_cleared_cb (LedgerWindow   *self,
                                 LedgerListView *list_view)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->township_dropdown, 0);
}

/* the detail pane follows the township filter: an item of another township
 * is no longer shown */
static void
clear_detail_outside_township (LedgerWindow *self)
{
  const char *uid = ledger_detail_pane_get_uid (self->detail_pane);
  LedgerKind kind = ledger_detail_pane_get_kind (self->detail_pane);
  LedgerLoadOptions options = { .year = self->year, .township = self->township, .uid = uid };
  g_autoptr (GPtrArray) found = NULL;

  if (uid == NULL || self->township == NULL || self->db == NULL)
    return;
  found = ledger_store_load (self->db, kind, &options, NULL);
  if (found == NULL || found->len == 0)
    ledger_window_select_item (self, kind, NULL);
}

static void
on_township_selected_cb (LedgerWindow *self,
                         GParamSpec   *pspec,
                         GtkDropDown  *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *code = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->township_codes->len)
    code = g_ptr_array_index (self->township_codes, selected);
  ledger_window_set_township (self, code);
}

static void
on_view_stack_visible_child_cb (LedgerWindow *self,
                                GParamSpec   *pspec,
                                AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  /* the detail pane belongs to the map and the lists, not to the figures */
  gtk_widget_set_visible (GTK_WIDGET (self->detail_pane), g_strcmp0 (name, "progress") != 0);
  ledger_window_update_actions (self);
}

static void
on_map_view_item_activated_cb (LedgerWindow  *self,
                               int            kind,
                               const char    *uid,
                               LedgerMapView *map_view)
{
  ledger_window_select_item (self, kind, uid);
}

/* a row of the Inspections and Samples page: its item, beside the list */
static void
on_inspections_page_item_activated_cb (LedgerWindow          *self,
                                       int                    kind,
                                       const char            *uid,
                                       LedgerInspectionsPage *page)
{
  ledger_window_select_item (self, kind, uid);
}

static void
on_list_view_item_selected_cb (LedgerWindow   *self,
                               int             kind,
                               const char     *uid,
                               LedgerListView *list_view)
{
  ledger_window_select_item (self, kind, uid);
}

static void
on_detail_pane_delete_requested_cb (LedgerWindow     *self,
                                    int               kind,
                                    const char       *uid,
                                    LedgerDetailPane *pane)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GPtrArray) deleted = NULL;

  name = dup_item_name (self->db, kind, uid);
  deleted = ledger_store_delete (self->db, kind, uid, &error);
  if (deleted == NULL)
    {
      ledger_window_show_error (self, _("Cannot Delete"), error);
      return;
    }

  forget_last_delete (self);
  self->last_deleted = g_steal_pointer (&deleted);
  self->last_deleted_kind = kind;
  self->last_deleted_uid = g_strdup (uid);
  ledger_window_select_item (self, kind, NULL);

  title = g_strdup_printf (_("Deleted “%s”"), name);
  self->undo_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "win.undo-delete");
  adw_toast_set_timeout (self->undo_toast, 10);
  /* a newer delete replaces the older toast at once: Undo means the newest */
  adw_toast_set_priority (self->undo_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->undo_toast));
}

/* a spreadsheet dropped anywhere on the window opens the import assistant */
static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            LedgerWindow  *self)
{
  g_autoptr (GSList) files = NULL;
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files != NULL)
    file = files->data;
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  if (file == NULL || g_file_peek_path (file) == NULL)
    return FALSE;
  return ledger_window_open_import_assistant (self, g_file_peek_path (file)) != NULL;
}

static void
add_drop_target (LedgerWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

static gboolean
ledger_window_close_request (GtkWindow *window)
{
  LedgerWindow *self = LEDGER_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (ledger_window_parent_class)->close_request (window);
}

/* ---- GObject ---- */

static void
ledger_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LedgerWindow *self = LEDGER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_TOWNSHIP:
      g_value_set_string (value, self->township);
      break;
    case PROP_SELECTED_KIND:
      g_value_set_int (value, self->selected_kind);
      break;
    case PROP_SELECTED_UID:
      g_value_set_string (value, self->selected_uid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LedgerWindow *self = LEDGER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      ledger_window_set_db (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      ledger_window_set_year (self, g_value_get_int (value));
      break;
    case PROP_TOWNSHIP:
      ledger_window_set_township (self, g_value_get_string (value));
      break;
    case PROP_SELECTED_UID:
      ledger_window_select_item (self, self->selected_kind, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_window_dispose (GObject *object)
{
  LedgerWindow *self = LEDGER_WINDOW (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  forget_last_delete (self);
  g_clear_object (&self->undo);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_WINDOW);
  G_OBJECT_CLASS (ledger_window_parent_class)->dispose (object);
}

static void
ledger_window_finalize (GObject *object)
{
  LedgerWindow *self = LEDGER_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->township, g_free);
  g_clear_pointer (&self->selected_uid, g_free);
  g_clear_pointer (&self->holding_back_township, g_free);
  g_clear_object (&self->holding_back_db);
  g_clear_pointer (&self->township_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (ledger_window_parent_class)->finalize (object);
}

static void
ledger_window_class_init (LedgerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ledger_window_dispose;
  object_class->finalize = ledger_window_finalize;
  object_class->get_property = ledger_window_get_property;
  object_class->set_property = ledger_window_set_property;
  window_class->close_request = ledger_window_close_request;

  /* the state every view binds to (ledger-window.ui) */
  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, LEDGER_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOWNSHIP] = g_param_spec_string ("township", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* notified before "selected-uid", which a view waits for to show the item;
   * read-only: ledger_window_select_item() sets the two in that order (frozen
   * notifications, as g_object_set() makes, come in no fixed order) */
  properties[PROP_SELECTED_KIND] = g_param_spec_int ("selected-kind", NULL, NULL, -1, G_MAXINT, -1,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_UID] = g_param_spec_string ("selected-uid", NULL, NULL, NULL,
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* a static library drops the resource's constructor unless it is referenced */
  g_resources_register (ledger_app_get_resource ());
  g_type_ensure (LEDGER_TYPE_MAP_VIEW);
  g_type_ensure (LEDGER_TYPE_LIST_VIEW);
  g_type_ensure (LEDGER_TYPE_DETAIL_PANE);
  g_type_ensure (LEDGER_TYPE_PROGRESS_PAGE);
  g_type_ensure (LEDGER_TYPE_INSPECTIONS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, township_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, exchange_badge);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, exchange_badge_content);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, inspections_page);
  gtk_widget_class_bind_template_callback (widget_class, on_inspections_page_item_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, detail_pane);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_view_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_item_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_pane_delete_requested_cb);

  ledger_window_class_add_actions (widget_class);
  ledger_window_class_add_map_actions (widget_class);
  ledger_window_class_add_county_actions (widget_class);
  ledger_window_class_add_template_actions (widget_class);
  ledger_window_class_add_map_export_actions (widget_class);
  ledger_window_class_add_exchange_actions (widget_class);
  ledger_window_class_add_undo_actions (widget_class);
}

static void
restore_state (LedgerWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "last-view");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);
  g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_SET);
}

/* The detail pane's width: a third of the window, 260 to 380 px, so that at
 * 1024 px the list keeps its last columns on screen; placed again as the
 * window is resized, until the user drags the divider. */
static void
on_paned_resized_cb (LedgerWindow *self)
{
  /* max-position follows the paned's width: the width less the pane's minimum */
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

  if (width <= 0 || self->paned_auto_position < 0)
    return;
  self->paned_auto_position = width - CLAMP (width * 3 / 10, 260, 380);
  gtk_paned_set_position (self->paned, self->paned_auto_position);
}

static void
on_paned_position_cb (LedgerWindow *self)
{
  if (self->paned_auto_position > 0 && gtk_paned_get_position (self->paned) != self->paned_auto_position)
    self->paned_auto_position = -1;
}

static void
ledger_window_init (LedgerWindow *self)
{
  /* before the template: its bindings hand the views this state at once */
  self->selected_kind = LEDGER_KIND_FACILITIES;
  gtk_widget_init_template (GTK_WIDGET (self));
  ledger_a11y_name_icon_buttons (GTK_WIDGET (self));

  self->settings = ledger_settings_new ();
  self->township_codes = g_ptr_array_new_with_free_func (g_free);
  ledger_window_set_year (self, ledger_current_year ());
  g_object_bind_property (self, "year", self->year_spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->paned, "notify::max-position",
                           G_CALLBACK (on_paned_resized_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paned, "notify::position",
                           G_CALLBACK (on_paned_position_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->township_dropdown, "notify::selected",
                           G_CALLBACK (on_township_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "filters-cleared",
                           G_CALLBACK (on_list_view_filters_cleared_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  ledger_window_init_holding_back (self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  add_drop_target (self);

  restore_state (self);
  fill_townships (self);
  update_title (self);
  ledger_window_update_actions (self);
  self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_external_change_cb, self);
  ledger_first_frame_watch (GTK_WINDOW (self));
}

/* ---- public ---- */

LedgerWindow *
ledger_window_new (LedgerApplication *app)
{
  return g_object_new (LEDGER_TYPE_WINDOW, "application", app, NULL);
}

void
ledger_window_set_db (LedgerWindow *self,
                      LedgerDb     *db)
{
  g_return_if_fail (LEDGER_IS_WINDOW (self));
  g_return_if_fail (db == NULL || LEDGER_IS_DB (db));

  if (self->db == db)
    return;

  forget_last_delete (self);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_set_object (&self->db, db);
  if (db != NULL)
    g_signal_connect_object (db, "changed", G_CALLBACK (on_db_changed_cb), self, G_CONNECT_SWAPPED);
  ledger_window_attach_undo (self);

  ledger_window_select_item (self, LEDGER_KIND_FACILITIES, NULL);
  ledger_window_set_township (self, NULL);
  fill_townships (self);
  update_title (self);
  /* every view binds "db" and loads what it shows (ledger-window.ui) */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  gtk_stack_set_visible_child_name (self->main_stack, db != NULL ? "content" : "empty");
  ledger_window_update_actions (self);
  ledger_window_update_demo_badge (self);
  ledger_window_update_exchange_status (self);
}

LedgerDb *
ledger_window_get_db (LedgerWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), NULL);
  return self->db;
}

int
ledger_window_get_year (LedgerWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), 0);
  return self->year;
}

/* the views bound to "year" reload what depends on it, nothing else */
void
ledger_window_set_year (LedgerWindow *self,
                        int           year)
{
  g_return_if_fail (LEDGER_IS_WINDOW (self));

  if (year == self->year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
ledger_window_get_township (LedgerWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), NULL);
  return self->township;
}

static guint
township_position (LedgerWindow *self,
                   const char   *code)
{
  for (guint i = 1; code != NULL && i < self->township_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->township_codes, i), code) == 0)
      return i;
  return 0;
}

/* @code: a township of the ledger (9 digits), or NULL for all */
void
ledger_window_set_township (LedgerWindow *self,
                            const char   *code)
{
  g_return_if_fail (LEDGER_IS_WINDOW (self));

  if (code != NULL && township_position (self, code) == 0)
    code = NULL;
  if (g_strcmp0 (code, self->township) == 0)
    return;
  replace_str (&self->township, code);
  gtk_drop_down_set_selected (self->township_dropdown, township_position (self, code));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOWNSHIP]);
  clear_detail_outside_township (self);
}

gboolean
ledger_window_open_path (LedgerWindow *self,
                         const char   *path,
                         gboolean      read_only)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;

  g_return_val_if_fail (LEDGER_IS_WINDOW (self), FALSE);

  db = ledger_db_open (path, read_only ? LEDGER_DB_OPEN_READ_ONLY : LEDGER_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      ledger_window_show_open_error (self, path, error);
      return FALSE;
    }
  ledger_window_set_db (self, db);
  ledger_window_remember_ledger (self, path);
  return TRUE;
}

gboolean
ledger_window_create_ledger (LedgerWindow *self,
                             const char   *path,
                             const char   *county,
                             gboolean      demo)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_return_val_if_fail (LEDGER_IS_WINDOW (self), FALSE);

  if (g_mkdir_with_parents (dir, 0700) == 0)
    db = ledger_ledger_create (path, county, demo, &error);
  else
    g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno),
                 _("Cannot create the folder “%s”: %s"), dir, g_strerror (errno));
  if (db == NULL)
    {
      ledger_window_show_error (self, _("Cannot Create the Ledger"), error);
      return FALSE;
    }
  ledger_window_set_db (self, db);
  ledger_window_remember_ledger (self, path);
  return TRUE;
}

void
ledger_window_select_item (LedgerWindow *self,
                           int           kind,
                           const char   *uid)
{
  gboolean new_kind;

  g_return_if_fail (LEDGER_IS_WINDOW (self));

  if (uid != NULL && (kind < 0 || kind >= LEDGER_N_KINDS))
    uid = NULL;
  new_kind = kind != self->selected_kind;
  if (!new_kind && g_strcmp0 (uid, self->selected_uid) == 0)
    return;
  self->selected_kind = kind;
  replace_str (&self->selected_uid, uid);
  /* the kind first: a view shows the item when the uid comes */
  if (new_kind)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UID]);
}

const char *
ledger_window_get_selected_uid (LedgerWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), NULL);
  return self->selected_uid;
}

void
ledger_window_set_search (LedgerWindow *self,
                          const char   *text)
{
  g_return_if_fail (LEDGER_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* apply now rather than after the entry's search delay */
  on_search_entry_search_changed_cb (self, self->search_entry);
}

gboolean
ledger_window_undo_last_delete (LedgerWindow *self)
{
  g_autofree char *uid = NULL;

  g_return_val_if_fail (LEDGER_IS_WINDOW (self), FALSE);

  if (self->last_deleted == NULL || self->db == NULL)
    return FALSE;
  /* through the window's undo steps: one labelled, audited transaction */
  uid = g_steal_pointer (&self->last_deleted_uid);
  forget_last_delete (self);
  return ledger_window_undo_delete (self, uid);
}

GtkWidget *
ledger_window_get_map_view (LedgerWindow *self)
{
  return GTK_WIDGET (self->map_view);
}

GtkWidget *
ledger_window_get_list_view (LedgerWindow *self)
{
  return GTK_WIDGET (self->list_view);
}

GtkWidget *
ledger_window_get_detail_pane (LedgerWindow *self)
{
  return GTK_WIDGET (self->detail_pane);
}

GtkWidget *
ledger_window_get_inspections_page (LedgerWindow *self)
{
  return GTK_WIDGET (self->inspections_page);
}

GtkWidget *
ledger_window_get_progress_page (LedgerWindow *self)
{
  return GTK_WIDGET (self->progress_page);
}

void
ledger_window_set_view (LedgerWindow *self,
                        const char   *name)
{
  g_return_if_fail (LEDGER_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
