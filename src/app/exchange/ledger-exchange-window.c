/* ledger-exchange-window.c: update packages and conflicts */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-exchange.h"
#include "ledger-exchange-sync.h"
#include "ledger-exchange-window.h"
#include "ledger-kinds.h"
#include "ledger-window-private.h"

struct _LedgerExchangeWindow
{
  AdwPreferencesWindow  parent_instance;

  LedgerWindow         *window;       /* unowned: we are its transient child */
  GPtrArray            *rows;         /* the rows added to the groups below */

  AdwActionRow         *role_row;
  AdwActionRow         *receive_row;
  AdwPreferencesGroup  *partners_group;
  AdwEntryRow          *server_row;
  AdwEntryRow          *password_row;
  AdwActionRow         *sync_row;
  GtkButton            *sync_button;
  AdwPreferencesGroup  *conflicts_group;
};

G_DEFINE_FINAL_TYPE (LedgerExchangeWindow, ledger_exchange_window, ADW_TYPE_PREFERENCES_WINDOW)

static void fill (LedgerExchangeWindow *self);

static void
add_row (LedgerExchangeWindow *self,
         AdwPreferencesGroup  *group,
         GtkWidget            *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, g_object_ref (row));
}

static void
clear_rows (LedgerExchangeWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
fill_role (LedgerExchangeWindow *self,
           LedgerDb             *db)
{
  g_autofree char *status = ledger_window_dup_exchange_status (self->window);

  g_autofree char *role = ledger_exchange_dup_role (db);
  g_autofree char *township = ledger_db_get_meta (db, "township_code");
  g_autofree char *name = township ? ledger_db_dup_region_name (db, township) : NULL;

  if (role == NULL)
    return;
  if (g_str_equal (role, "county"))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), _("County ledger"));
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", _("Shares a ledger with each township and exchanges update packages with them."), status ? status : "");
      adw_action_row_set_subtitle (self->role_row, subtitle);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Township ledger of %s"), name ? name : township);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), title);
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", _("Linked to the county ledger: send it your changes, receive the county’s."), status ? status : "");
      adw_action_row_set_subtitle (self->role_row, subtitle);
    }
}

static char *
partner_subtitle (LedgerPartner *p)
{
  g_autofree char *received = ledger_format_exchange_time (p->last_received_at);
  g_autofree char *sent = ledger_format_exchange_time (p->last_sent_at);

  if (p->last_seq == 0)
    return g_strdup_printf (_("Nothing received yet · last sent %s · %u changes to send"),
                            sent, p->pending);
  return g_strdup_printf (_("Package no. %u received %s, %u rows changed · "
                            "last sent %s · %u changes to send"),
                          p->last_seq, received, p->last_rows, sent, p->pending);
}

static void
on_send_clicked_cb (GtkButton            *button,
                    LedgerExchangeWindow *self)
{
  const char *township = g_object_get_data (G_OBJECT (button), "township");

  if (township != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.send-package-to", "s", township);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.send-package", NULL);
}

static void
on_receive_activated_cb (LedgerExchangeWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.receive-package", NULL);
}

static GtkWidget *
partner_row (LedgerExchangeWindow *self,
             LedgerPartner        *p)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *send = gtk_button_new_with_mnemonic (_("_Send…"));
  g_autofree char *subtitle = partner_subtitle (p);
  const char *name = p->name ? p->name : p->township;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_valign (send, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (send), "township",
                          g_str_equal (p->role, "township") ? g_strdup (p->township) : NULL, g_free);
  g_signal_connect (send, "clicked", G_CALLBACK (on_send_clicked_cb), self);
  gtk_widget_set_tooltip_text (send, _("Write an update package for this partner"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), send);
  return row;
}

static void
on_settle_clicked_cb (GtkButton            *button,
                      LedgerExchangeWindow *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "conflict-id"));
  gboolean take_other = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "take-other"));
  LedgerDb *db = ledger_window_get_db (self->window);

  if (!ledger_exchange_resolve_conflict (db, id, take_other, &error))
    ledger_window_show_error (self->window, _("The conflict could not be settled"), error);
  fill (self);
}

static GtkWidget *
settle_button (LedgerExchangeWindow *self,
               const char           *label,
               gint64                id,
               gboolean              take_other)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "conflict-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (button), "take-other", GINT_TO_POINTER (take_other));
  g_signal_connect (button, "clicked", G_CALLBACK (on_settle_clicked_cb), self);
  return button;
}

static const char *
entity_label (const char *table)
{
  static const char *const labels[][2] = {
    { "farms", N_("Farm") }, { "farm_years", N_("Farm figures") }, { "facilities", N_("Sewage facility") },
    { "water_bodies", N_("Water body") }, { "samples", N_("Sample") }, { "inspections", N_("Inspection") },
    { "village_sewage", N_("Village sewage treatment") }, { "regions", N_("Region") }, { "rules", N_("Rule") },
    { "targets", N_("Target") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i][0], table))
      return _(labels[i][1]);
  return table;
}

/* the field as the spreadsheets head it, when a kind's table has it */
static const char *
field_label (const char *table,
             const char *field)
{
  for (int kind = 0; kind < LEDGER_N_KINDS; kind++)
    {
      const LedgerField *fields;
      guint n_fields;
      int index;

      if (g_strcmp0 (ledger_kind_table (kind), table) != 0 &&
          !(kind == LEDGER_KIND_FARMS && g_str_equal (table, "farm_years")) &&
          !(kind == LEDGER_KIND_VILLAGES && (g_str_equal (table, "village_sewage") || g_str_equal (table, "regions"))))
        continue;
      index = ledger_kind_field_index (kind, field);
      fields = ledger_kind_fields (kind, &n_fields);
      if (index >= 0 && (guint) index < n_fields)
        return ledger_field_display_name (&fields[index]);
    }
  return field;
}

static GtkWidget *
conflict_row (LedgerExchangeWindow *self,
              LedgerConflict       *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *kept_at = ledger_format_exchange_time (c->kept_at);
  g_autofree char *other_at = ledger_format_exchange_time (c->other_at);
  g_autofree char *title = g_str_equal (c->entity, "(refused)")
    ? g_strdup_printf (_("Refused from %s"), c->partner)
    : g_strdup_printf ("%s · %s · %s", entity_label (c->entity), c->item ? c->item : c->entity_uid,
                       field_label (c->entity, c->field));
  g_autofree char *subtitle = g_str_equal (c->entity, "(refused)")
    ? g_strdup_printf ("%s (%s, %s)", c->other_value ? c->other_value : "", c->other_author ? c->other_author : "?", other_at)
    : g_strdup_printf (_("Kept: “%s” (%s, %s)\nOther: “%s” (%s, %s)"),
                       c->kept_value ? c->kept_value : "", c->kept_author ? c->kept_author : "?", kept_at,
                       c->other_value ? c->other_value : "", c->other_author ? c->other_author : "?", other_at);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), settle_button (self, _("_Keep"), c->id, FALSE));
  if (!g_str_equal (c->entity, "(refused)") && g_strcmp0 (c->field, "*") != 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), settle_button (self, _("_Take Other"), c->id, TRUE));
  return row;
}

static void
fill (LedgerExchangeWindow *self)
{
  LedgerDb *db = ledger_window_get_db (self->window);
  g_autoptr (GPtrArray) partners = db ? ledger_exchange_list_partners (db, NULL) : NULL;
  g_autoptr (GPtrArray) conflicts = db ? ledger_exchange_list_conflicts (db, TRUE, NULL) : NULL;

  clear_rows (self);
  if (db == NULL)
    return;
  ledger_window_update_exchange_status (self->window);
  fill_role (self, db);
  for (guint i = 0; partners && i < partners->len; i++)
    add_row (self, self->partners_group, partner_row (self, g_ptr_array_index (partners, i)));
  for (guint i = 0; conflicts && i < conflicts->len; i++)
    add_row (self, self->conflicts_group, conflict_row (self, g_ptr_array_index (conflicts, i)));
  if (conflicts == NULL || conflicts->len == 0)
    {
      GtkWidget *none = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none), _("No conflicts"));
      add_row (self, self->conflicts_group, none);
    }
}

static void
on_sync_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (LedgerExchangeWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = ledger_exchange_sync_finish (result, &error);
  LedgerDb *db = ledger_window_get_db (self->window);

  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sync_row),
                                 summary ? summary : _("Not synced: the ledger is as it was"));
  adw_action_row_set_subtitle (self->sync_row, error ? error->message : "");
  if (db != NULL)
    ledger_db_poll_external_change (db);
  fill (self);
}

static void
on_sync_clicked_cb (LedgerExchangeWindow *self)
{
  const char *server = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  LedgerDb *db = ledger_window_get_db (self->window);
  g_autoptr (GSettings) settings = g_object_ref (self->window->settings);
  g_autoptr (GError) error = NULL;

  if (db == NULL || *server == '\0')
    return;
  g_settings_set_string (settings, "server-url", server);
  if (*password != '\0' && !ledger_server_password_store (server, password, &error))
    adw_action_row_set_subtitle (self->sync_row, _("The password could not be kept in the desktop keyring: it is used for this sync only."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sync_row), _("Syncing…"));
  ledger_exchange_sync_async (ledger_db_get_path (db), server, password, on_sync_done_cb, g_object_ref (self));
}

static void
fill_server (LedgerExchangeWindow *self)
{
  g_autofree char *server = g_settings_get_string (self->window->settings, "server-url");
  g_autofree char *password = *server ? ledger_server_password_lookup (server) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password ? password : "");
}

static void
on_db_changed_cb (LedgerExchangeWindow *self)
{
  fill (self);
}

static void
ledger_exchange_window_dispose (GObject *object)
{
  LedgerExchangeWindow *self = LEDGER_EXCHANGE_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (ledger_exchange_window_parent_class)->dispose (object);
}

static void
ledger_exchange_window_class_init (LedgerExchangeWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ledger_exchange_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-exchange-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerExchangeWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerExchangeWindow, receive_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerExchangeWindow, partners_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerExchangeWindow, conflicts_group);
  gtk_widget_class_bind_template_callback (widget_class, on_receive_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, LedgerExchangeWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerExchangeWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerExchangeWindow, sync_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerExchangeWindow, sync_button);
}

static void
ledger_exchange_window_init (LedgerExchangeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ledger_exchange_window_present:
 *
 * Shows the exchange window of @window's ledger (one at a time), filled anew.
 */
void
ledger_exchange_window_present (LedgerWindow *window)
{
  LedgerExchangeWindow *self = g_object_get_data (G_OBJECT (window), "exchange-window");
  LedgerDb *db = ledger_window_get_db (window);

  if (self == NULL)
    {
      self = g_object_new (LEDGER_TYPE_EXCHANGE_WINDOW, "transient-for", window, NULL);
      self->window = window;
      g_object_set_data_full (G_OBJECT (window), "exchange-window", g_object_ref_sink (self),
                              (GDestroyNotify) gtk_window_destroy);
      g_signal_connect_object (self, "close-request", G_CALLBACK (gtk_widget_hide), NULL, G_CONNECT_SWAPPED);
      if (db != NULL)
        g_signal_connect_object (db, "changed", G_CALLBACK (on_db_changed_cb), self, G_CONNECT_SWAPPED);
      fill_server (self);
    }
  fill (self);
  gtk_window_present (GTK_WINDOW (self));
}
