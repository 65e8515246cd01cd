/* ledger-window-exchange.c: update packages between a township and its county
 * in the window — send, receive (in a thread, on its own connection), the
 * status in the header (上次交换 …，待发送 N 项) and the exchange window */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-exchange.h"
#include "ledger-exchange-window.h"
#include "ledger-file-chooser.h"
#include "ledger-jobs.h"
#include "ledger-regions.h"
#include "ledger-window-private.h"

/* "2026-12-04T09:20:00Z" in local time, or "—" */
char *
ledger_format_exchange_time (const char *utc)
{
  g_autoptr (GDateTime) time = utc ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr (GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("—");
}

static const char *
later (const char *a,
       const char *b)
{
  return g_strcmp0 (a, b) >= 0 ? a : b;
}

/* 上次交换：…，待发送 N 项 */
char *
ledger_window_dup_exchange_status (LedgerWindow *self)
{
  const char *status = gtk_widget_get_tooltip_text (GTK_WIDGET (self->exchange_badge));

  return g_strdup (gtk_widget_get_visible (GTK_WIDGET (self->exchange_badge)) ? status : NULL);
}

void
ledger_window_update_exchange_status (LedgerWindow *self)
{
  g_autoptr (GPtrArray) partners = self->db ? ledger_exchange_list_partners (self->db, NULL) : NULL;
  g_autofree char *when = NULL, *label = NULL, *status = NULL;
  const char *last = NULL;
  guint pending = 0;

  gboolean linked = partners != NULL && partners->len > 0;
  gboolean writable = linked && !ledger_db_is_read_only (self->db);

  gtk_widget_set_visible (GTK_WIDGET (self->exchange_badge), linked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-package", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-package-to", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.receive-package", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.exchange", self->db != NULL);
  if (!linked)
    return;
  for (guint i = 0; i < partners->len; i++)
    {
      LedgerPartner *p = g_ptr_array_index (partners, i);
      last = later (later (last, p->last_received_at), p->last_sent_at);
      pending = MAX (pending, p->pending);
    }
  when = ledger_format_exchange_time (last);
  label = g_strdup_printf (_("%u to send"), pending);
  status = g_strdup_printf (_("Last exchange: %s, %u changes to send"), when, pending);
  adw_button_content_set_label (self->exchange_badge_content, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->exchange_badge), status);
}

/* ---- send ---- */

static void
send_chosen (LedgerWindow *self,
             const char   *path)
{
  g_autoptr (GError) error = NULL;
  const char *to = g_object_get_data (G_OBJECT (self), "exchange-send-to");
  LedgerExchangeSummary summary = { 0 };
  g_autofree char *message = NULL;

  if (!ledger_exchange_send (self->db, to, path, &summary, &error))
    {
      ledger_window_show_error (self, _("The update package could not be written"), error);
      return;
    }
  message = g_strdup_printf (_("Update package no. %u for %s written: %u changed rows."),
                             summary.seq, summary.partner_name ? summary.partner_name : "", summary.n_changes);
  ledger_window_toast (self, message);
  ledger_exchange_summary_clear (&summary);
  ledger_window_update_exchange_status (self);
}

static GtkFileFilter *
package_filter (void)
{
  return ledger_file_filter_new (_("Update packages (*.pkg)"), "*.pkg", NULL);
}

/**
 * ledger_window_send_package:
 * @to: (nullable): in a county ledger, the township's code
 *
 * Asks where to save the package, then writes it.
 */
void
ledger_window_send_package (LedgerWindow *self,
                            const char   *to)
{
  g_autofree char *role = ledger_exchange_dup_role (self->db);
  g_autofree char *name = NULL, *suggested = NULL;

  if (role != NULL && g_str_equal (role, "county") && to == NULL)
    {
      ledger_exchange_window_present (self);   /* choose the township there */
      return;
    }
  name = to ? ledger_db_dup_region_name (self->db, to) : ledger_regions_county_name (self->db);
  suggested = g_strdup_printf (_("Update package for %s.pkg"), name ? name : "");
  g_object_set_data_full (G_OBJECT (self), "exchange-send-to", g_strdup (to), g_free);
  ledger_window_choose_file (self, _("Send Update Package"), GTK_FILE_CHOOSER_ACTION_SAVE, suggested,
                             package_filter (), send_chosen);
}

static void
send_package_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ledger_window_send_package (LEDGER_WINDOW (widget), NULL);
}

/* a county's row of one township: win.send-package-to('512022101') */
static void
send_package_to_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ledger_window_send_package (LEDGER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* ---- receive ---- */

static char *
receive_message (const LedgerExchangeSummary *s)
{
  if (s->nothing_new)
    return g_strdup_printf (_("Update package no. %u from %s was applied before: nothing to do."),
                            s->seq, s->partner_name ? s->partner_name : "");
  return g_strdup_printf (_("Applied update package no. %u from %s: %u changed rows, "
                            "%u conflicts, %u changes refused."),
                          s->seq, s->partner_name ? s->partner_name : "", s->n_changes, s->n_conflicts,
                          s->n_refused);
}

static void
on_receive_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (LedgerWindow) self = user_data;
  LedgerExchangeSummary summary = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (!ledger_exchange_receive_finish (result, &summary, &error))
    {
      ledger_window_show_error (self, _("The update package was not applied"), error);
      return;
    }
  message = receive_message (&summary);
  ledger_window_toast (self, message);
  if (self->db != NULL)
    ledger_db_poll_external_change (self->db);   /* every view reloads */
  ledger_window_update_exchange_status (self);
  if (summary.n_conflicts > 0 || summary.n_refused > 0)
    ledger_exchange_window_present (self);
  ledger_exchange_summary_clear (&summary);
}

/* in a worker thread on a connection of its own (ledger-jobs.h) */
void
ledger_window_receive_package_file (LedgerWindow *self,
                                    const char   *path)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  ledger_exchange_receive_async (ledger_db_get_path (self->db), path, NULL, on_receive_done_cb, g_object_ref (self));
}

static void
receive_chosen (LedgerWindow *self,
                const char   *path)
{
  ledger_window_receive_package_file (self, path);
}

static void
receive_package_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ledger_window_choose_file (LEDGER_WINDOW (widget), _("Receive Update Package"), GTK_FILE_CHOOSER_ACTION_OPEN,
                             NULL, package_filter (), receive_chosen);
}

static void
exchange_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ledger_exchange_window_present (LEDGER_WINDOW (widget));
}

void
ledger_window_class_add_exchange_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.send-package", NULL, send_package_activated);
  gtk_widget_class_install_action (widget_class, "win.send-package-to", "s", send_package_to_activated);
  gtk_widget_class_install_action (widget_class, "win.receive-package", NULL, receive_package_activated);
  gtk_widget_class_install_action (widget_class, "win.exchange", NULL, exchange_activated);
}
