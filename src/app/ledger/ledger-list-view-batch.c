/* ledger-list-view-batch.c: "Edit Selected Rows…", one field of many rows
 *
 * A small dialog: which field (运维单位, status …) and its new value (a
 * drop-down of the enumeration, or text); Apply writes it to every selected
 * row through ledger_store_set_field: one transaction, audited, one undo
 * step. A refused value is shown, and nothing is written.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-list-view-private.h"
#include "ledger-store-batch.h"

/* the fields a kind offers for a batch edit */
static const char *const facility_fields[] = { "operator", "status", "kind", NULL };
static const char *const farm_fields[] = { "operator", NULL };
static const char *const water_fields[] = { "status", "due", NULL };

static const char *const *
batch_fields (LedgerKind kind)
{
  switch (kind)
    {
    case LEDGER_KIND_FACILITIES: return facility_fields;
    case LEDGER_KIND_FARMS: return farm_fields;
    case LEDGER_KIND_WATER_BODIES: return water_fields;
    default: return NULL;
    }
}

typedef struct
{
  LedgerListView *view;
  LedgerKind      kind;
  GStrv           uids;
  GtkDropDown    *field_dropdown;
  GtkStack       *value_stack;
  GtkEntry       *value_entry;
  GtkDropDown    *value_dropdown;
} BatchDialog;

static void
batch_dialog_free (gpointer data)
{
  BatchDialog *batch = data;

  g_strfreev (batch->uids);
  g_free (batch);
}

static const LedgerField *
chosen_field (BatchDialog *batch)
{
  const char *key = batch_fields (batch->kind)[gtk_drop_down_get_selected (batch->field_dropdown)];
  guint n;
  const LedgerField *fields = ledger_kind_fields (batch->kind, &n);

  return &fields[ledger_kind_field_index (batch->kind, key)];
}

/* an enumeration is chosen from its labels; anything else typed */
static void
on_field_selected_cb (BatchDialog *batch)
{
  const LedgerField *field = chosen_field (batch);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  if (field->type != LEDGER_FIELD_ENUM)
    {
      gtk_stack_set_visible_child (batch->value_stack, GTK_WIDGET (batch->value_entry));
      return;
    }
  for (guint i = 0; i < field->enumeration->n_values; i++)
    gtk_string_list_append (labels, ledger_enum_display (field->enumeration, field->enumeration->values[i].key));
  gtk_drop_down_set_model (batch->value_dropdown, G_LIST_MODEL (labels));
  gtk_stack_set_visible_child (batch->value_stack, GTK_WIDGET (batch->value_dropdown));
}

static char *
chosen_text (BatchDialog *batch)
{
  const LedgerField *field = chosen_field (batch);
  guint selected;

  if (field->type != LEDGER_FIELD_ENUM)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (batch->value_entry)));
  selected = gtk_drop_down_get_selected (batch->value_dropdown);
  if (selected >= field->enumeration->n_values)
    return NULL;
  return g_strdup (field->enumeration->values[selected].key);
}

static void
show_refusal (LedgerListView *self,
              const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Nothing was changed"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_batch_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      BatchDialog      *batch)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  guint changed = 0;

  if (g_strcmp0 (response, "apply") != 0 || batch->view->db == NULL)
    return;
  text = chosen_text (batch);
  if (!ledger_store_set_field (batch->view->db, batch->kind, (const char *const *) batch->uids,
                               chosen_field (batch)->key, text, &changed, &error))
    {
      show_refusal (batch->view, error);
      return;
    }
  message = g_strdup_printf (ngettext ("Changed %u row", "Changed %u rows", changed), changed);
  ledger_list_view_toast (batch->view, message);
}

static GtkWidget *
make_form (BatchDialog *batch)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  const char *const *keys = batch_fields (batch->kind);
  guint n;
  const LedgerField *fields = ledger_kind_fields (batch->kind, &n);

  for (guint i = 0; keys[i]; i++)
    gtk_string_list_append (names, ledger_field_display_name (&fields[ledger_kind_field_index (batch->kind, keys[i])]));
  batch->field_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (batch->field_dropdown), _("The field to set"));
  batch->value_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (batch->value_entry, _("New value (blank clears it)"));
  batch->value_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (batch->value_dropdown), _("The new value"));
  batch->value_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_child (batch->value_stack, GTK_WIDGET (batch->value_entry));
  gtk_stack_add_child (batch->value_stack, GTK_WIDGET (batch->value_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (batch->field_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (batch->value_stack));
  g_signal_connect_swapped (batch->field_dropdown, "notify::selected", G_CALLBACK (on_field_selected_cb), batch);
  on_field_selected_cb (batch);
  return box;
}

static GStrv
dup_chosen_uids (LedgerListView *self)
{
  g_autoptr (GArray) positions = NULL;
  g_autoptr (GStrvBuilder) uids = g_strv_builder_new ();

  ledger_item_list_publish_all (self->lists[self->kind]);
  positions = ledger_item_list_get_chosen (self->lists[self->kind]);

  for (guint i = 0; i < positions->len; i++)
    {
      g_autoptr (LedgerItem) item = g_list_model_get_item (G_LIST_MODEL (self->lists[self->kind]),
                                                           g_array_index (positions, guint, i));
      g_strv_builder_add (uids, ledger_item_get_uid (item));
    }
  return g_strv_builder_end (uids);
}

static void
edit_selected_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LedgerListView *self = LEDGER_LIST_VIEW (widget);
  BatchDialog *batch = g_new0 (BatchDialog, 1);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  batch->view = self;
  batch->kind = self->kind;
  batch->uids = dup_chosen_uids (self);
  if (batch_fields (batch->kind) == NULL || batch->uids[0] == NULL)
    {
      batch_dialog_free (batch);
      return;
    }
  heading = g_strdup_printf (ngettext ("Edit %u Selected Row", "Edit %u Selected Rows", g_strv_length (batch->uids)),
                             g_strv_length (batch->uids));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Sets one field to the same value on every selected row. Undo (Ctrl+Z) takes it back."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), make_form (batch));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  g_object_set_data_full (G_OBJECT (dialog), "ledger-batch", batch, batch_dialog_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_batch_response_cb), batch);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
ledger_list_view_can_batch_edit (LedgerListView *self)
{
  return batch_fields (self->kind) != NULL;
}

void
ledger_list_view_install_batch_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "ledger-list.edit-selected", NULL, edit_selected_activated);
}
