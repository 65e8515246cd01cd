/* ledger-detail-pane-lists.c: an item's samples, inspections and change history
 *
 * A few dozen rows per item at most, so plain rows in preferences groups;
 * the history shows the newest HISTORY_LIMIT entries until "Show All".
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-a11y.h"
#include "ledger-detail-pane-private.h"
#include "ledger-item-facts.h"
#include "ledger-store.h"
#include "ledger-values.h"

/* ---- auxiliary functions ---- */

static void
append_value (GString            *text,
              const LedgerRecord *record,
              const char         *key)
{
  int index = ledger_kind_field_index (record->kind, key);
  const LedgerField *field = &ledger_kind_fields (record->kind, NULL)[index];
  g_autofree char *value = NULL;

  if (record->values[index] == NULL)
    return;
  value = ledger_field_display (field, record->values[index]);
  g_string_append_printf (text, "%s%s %s", text->len ? " · " : "", ledger_field_display_name (field), value);
}

static char *
sample_title (LedgerDetailPane   *self,
              const LedgerRecord *sample)
{
  LedgerMeasurements m;
  g_autofree char *date = ledger_date_display (ledger_record_get (sample, "date"));

  if (self->kind != LEDGER_KIND_WATER_BODIES)
    return g_steal_pointer (&date);
  ledger_measurements_from_record (sample, &m);
  return g_strdup_printf ("%s — %s", date,
                          ledger_black_level_describe (ledger_black_odorous_level (&m)));
}

static GtkWidget *
observation_row (LedgerDetailPane   *self,
                 const LedgerRecord *record)
{
  static const char *const sample_keys[] = { "transparency_cm", "depth_cm", "do_mgl", "orp_mv", "nh3n_mgl",
                                             "cod_mgl", "tp_mgl", "ss_mgl", "ph", NULL };
  static const char *const inspection_keys[] = { "inspector", "findings", "deadline", "follow_up", NULL };
  g_autoptr (GString) summary = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *date = ledger_date_display (ledger_record_get (record, "date"));
  gboolean sample = record->kind == LEDGER_KIND_SAMPLES;

  for (const char *const *key = sample ? sample_keys : inspection_keys; *key; key++)
    append_value (summary, record, *key);
  if (sample)
    title = sample_title (self, record);
  else
    title = g_strdup_printf ("%s — %s", date,
                             ledger_enum_display (ledger_enum_by_name ("inspection_result"),
                                                  ledger_record_get (record, "result")));
  return ledger_detail_pane_new_row (title, summary->len ? summary->str : NULL);
}

static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            const char *action,
            int         kind,
            const char *uid)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  ledger_a11y_set_icon_button_label (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new ("(is)", kind, uid));
  return button;
}

static char *
local_time (const char *utc)
{
  return ledger_time_display (utc);
}

static char *
history_value (LedgerKind  kind,
               int         index,
               const char *value)
{
  g_autofree char *shown = NULL;

  if (value == NULL)
    return g_strdup ("—");
  if (index < 0)
    return g_strdup (value);
  shown = ledger_field_display (&ledger_kind_fields (kind, NULL)[index], value);
  return g_strdup (*shown ? shown : "—");
}

static char *
history_title (LedgerDetailPane       *self,
               const LedgerAuditEntry *entry)
{
  int index = entry->field ? ledger_kind_field_index (self->kind, entry->field) : -1;
  const char *name = index >= 0 ? ledger_field_display_name (&ledger_kind_fields (self->kind, NULL)[index])
                                : entry->field;
  g_autofree char *old_value = history_value (self->kind, index, entry->old_value);
  g_autofree char *new_value = history_value (self->kind, index, entry->new_value);

  if (g_strcmp0 (entry->action, "insert") == 0 && entry->field == NULL)
    return g_strdup (_("Created"));
  if (g_strcmp0 (entry->action, "delete") == 0 && entry->field == NULL)
    return g_strdup (_("Deleted"));
  /* Translators: a change in the history: "Stock: 120 → 150" */
  return g_strdup_printf (_("%s: %s → %s"), name ? name : "", old_value, new_value);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       LedgerDetailPane *self)
{
  g_autoptr (GError) error = NULL;
  LedgerKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));
  const char *uid = g_object_get_data (G_OBJECT (dialog), "uid");

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!ledger_detail_pane_delete_observation (self, kind, uid, &error))
    {
      GtkWidget *failed = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                  _("Cannot Delete"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
    }
}

/* ---- shared with ledger-detail-pane.c ---- */

void
ledger_detail_pane_fill_observations (LedgerDetailPane *self,
                                      LedgerKind        kind)
{
  AdwPreferencesGroup *group = kind == LEDGER_KIND_SAMPLES ? self->samples_group : self->inspections_group;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = ledger_store_load_for_subject (self->db, kind, self->uid, &error);

  ledger_detail_pane_clear_group (self, group);
  if (records == NULL || records->len == 0)
    {
      ledger_detail_pane_add_row (self, group, ledger_detail_pane_new_row (
        records == NULL ? error->message : kind == LEDGER_KIND_SAMPLES ? _("No samples yet") : _("No inspections yet"),
        NULL));
      return;
    }
  /* newest first */
  for (guint i = records->len; i > 0; i--)
    {
      LedgerRecord *record = g_ptr_array_index (records, i - 1);
      GtkWidget *row = observation_row (self, record);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("document-edit-symbolic", _("Edit"),
                                                                   "pane.edit-observation", kind, record->uid));
      if (kind == LEDGER_KIND_INSPECTIONS)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("camera-photo-symbolic", _("Attach Photo…"),
                                                                     "pane.attach-photo", kind, record->uid));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("user-trash-symbolic", _("Delete"),
                                                                   "pane.delete-observation", kind, record->uid));
      ledger_detail_pane_add_row (self, group, row);
      if (kind == LEDGER_KIND_INSPECTIONS)
        ledger_detail_pane_add_photos_row (self, record->uid);
    }
}

/* A labelled transaction's bare insert/delete rows (a delete, its undo) are one entry. */
static gboolean
is_grouped (const LedgerAuditEntry *entry)
{
  return entry->label != NULL && entry->batch != NULL && entry->field == NULL;
}

static GtkWidget *
history_row (LedgerDetailPane       *self,
             const LedgerAuditEntry *entry)
{
  g_autofree char *title = is_grouped (entry) ? g_strdup (entry->label) : history_title (self, entry);
  g_autofree char *when = local_time (entry->at);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", when, entry->actor ? entry->actor : "—");

  if (entry->import_file != NULL)
    {
      /* Translators: the change came from an import of this file */
      g_autofree char *from = g_strdup_printf (_("imported from %s"), entry->import_file);
      g_autofree char *plain = g_steal_pointer (&subtitle);
      subtitle = g_strdup_printf ("%s · %s", plain, from);
    }
  else if (entry->label != NULL && !is_grouped (entry))
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);
      subtitle = g_strdup_printf ("%s · %s", plain, entry->label);
    }
  return ledger_detail_pane_new_row (title, subtitle);
}

void
ledger_detail_pane_fill_history (LedgerDetailPane *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = ledger_store_history (self->db, self->uid, &error);
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  guint limit;

  ledger_detail_pane_clear_group (self, self->history_group);
  if (entries == NULL || entries->len == 0)
    ledger_detail_pane_add_row (self, self->history_group, ledger_detail_pane_new_row (
      entries == NULL ? error->message : _("No changes recorded"), NULL));
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      LedgerAuditEntry *entry = g_ptr_array_index (entries, i);
      LedgerAuditEntry *last = shown->len > 0 ? g_ptr_array_index (shown, shown->len - 1) : NULL;

      if (last != NULL && is_grouped (entry) && is_grouped (last) && g_str_equal (entry->batch, last->batch))
        continue;
      g_ptr_array_add (shown, entry);
    }
  limit = self->show_all_history ? shown->len : MIN (shown->len, HISTORY_LIMIT);
  for (guint i = 0; i < limit; i++)
    ledger_detail_pane_add_row (self, self->history_group, history_row (self, g_ptr_array_index (shown, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), limit < shown->len);
}

void
ledger_detail_pane_confirm_delete (LedgerDetailPane *self,
                                   LedgerKind        kind,
                                   const char       *uid)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              kind == LEDGER_KIND_SAMPLES ? _("Delete Sample?")
                                                                          : _("Delete Inspection?"),
                                              _("It is removed from the ledger; the change history keeps a record of it."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (dialog), "uid", g_strdup (uid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- public API ---- */

/**
 * ledger_detail_pane_delete_observation:
 * @kind: LEDGER_KIND_SAMPLES or LEDGER_KIND_INSPECTIONS
 *
 * What the confirmation dialog's Delete does.
 *
 * Returns: whether it was deleted
 */
gboolean
ledger_detail_pane_delete_observation (LedgerDetailPane  *self,
                                       LedgerKind         kind,
                                       const char        *uid,
                                       GError           **error)
{
  g_autoptr (GPtrArray) deleted = NULL;

  g_return_val_if_fail (LEDGER_IS_DETAIL_PANE (self), FALSE);
  g_return_val_if_fail (kind == LEDGER_KIND_SAMPLES || kind == LEDGER_KIND_INSPECTIONS, FALSE);

  deleted = ledger_store_delete (self->db, kind, uid, error);
  return deleted != NULL;
}
