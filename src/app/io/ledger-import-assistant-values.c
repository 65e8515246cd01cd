/* ledger-import-assistant-values.c: "treat every 'X' as …"
 *
 * The check lists the values of enumerated and yes/no fields that neither the
 * kind's labels nor the vocabulary (ledger-vocabulary.c) understand, once per
 * field and text. For each, the officer picks once what it means; the next
 * check and the import read every such cell that way (LedgerValueMap).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-import-assistant-private.h"

/* ---- auxiliary functions ---- */

static const char *yes_no_keys[] = { "1", "0" };

/* The choices for @field: first "leave it", then the values. */
static GtkStringList *
new_choices (const LedgerField *field)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("Leave it (these rows are rejected)"));
  if (field->type == LEDGER_FIELD_BOOL)
    {
      gtk_string_list_append (choices, _("Yes"));
      gtk_string_list_append (choices, _("No"));
    }
  for (guint i = 0; field->type == LEDGER_FIELD_ENUM && i < field->enumeration->n_values; i++)
    gtk_string_list_append (choices, ledger_enum_display (field->enumeration, field->enumeration->values[i].key));
  return choices;
}

/* The value the choice @position of @field stands for, or NULL. */
static const char *
choice_value (const LedgerField *field,
              guint              position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  if (field->type == LEDGER_FIELD_BOOL)
    return position <= 2 ? yes_no_keys[position - 1] : NULL;
  return position - 1 < field->enumeration->n_values ? field->enumeration->values[position - 1].key : NULL;
}

/* ---- signal callbacks ---- */

static void
on_unknown_row_selected_cb (AdwComboRow           *row,
                            GParamSpec            *pspec,
                            LedgerImportAssistant *self)
{
  guint n_fields = 0;
  const LedgerField *fields = ledger_kind_fields (self->kind, &n_fields);
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field"));
  const char *text = g_object_get_data (G_OBJECT (row), "text");
  const char *value;

  if (self->building || field < 0 || (guint) field >= n_fields)
    return;
  value = choice_value (&fields[field], adw_combo_row_get_selected (row));
  ledger_import_assistant_add_value (self, fields[field].key, text, value ? value : text);
}

/* ---- shared with the assistant ---- */

/* One row per value the check did not understand. */
void
ledger_import_assistant_fill_unknown (LedgerImportAssistant *self)
{
  const LedgerImportReport *report = self->preview;
  guint n_fields = 0;
  const LedgerField *fields = ledger_kind_fields (self->kind, &n_fields);

  for (guint i = 0; i < self->unknown_rows->len; i++)
    adw_preferences_group_remove (self->unknown_group, g_ptr_array_index (self->unknown_rows, i));
  g_ptr_array_set_size (self->unknown_rows, 0);
  for (guint i = 0; report != NULL && report->unknown_values != NULL && i < report->unknown_values->len; i++)
    {
      const LedgerImportUnknownValue *unknown = g_ptr_array_index (report->unknown_values, i);
      g_autoptr (GtkStringList) choices = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (unknown->field < 0 || (guint) unknown->field >= n_fields)
        continue;
      choices = new_choices (&fields[unknown->field]);
      title = g_strdup_printf (_("Treat every “%s” in %s as"), unknown->text,
                               ledger_field_display_name (&fields[unknown->field]));
      subtitle = g_strdup_printf (ngettext ("%u row, first on line %u", "%u rows, first on line %u", unknown->n_rows),
                                  unknown->n_rows, unknown->first_line);
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      g_object_set_data (G_OBJECT (row), "field", GINT_TO_POINTER (unknown->field));
      g_object_set_data_full (G_OBJECT (row), "text", g_strdup (unknown->text), g_free);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_unknown_row_selected_cb), self, 0);
      adw_preferences_group_add (self->unknown_group, row);
      g_ptr_array_add (self->unknown_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unknown_group), self->unknown_rows->len > 0);
}

/* A choice: in the value map of the next check, and in the mapping remembered. */
void
ledger_import_assistant_add_value (LedgerImportAssistant *self,
                                   const char            *field_key,
                                   const char            *text,
                                   const char            *value)
{
  ledger_value_map_add (self->value_map, field_key, text, value);
  for (guint i = 0; i + 2 < self->value_choices->len; i += 3)
    if (g_str_equal (g_ptr_array_index (self->value_choices, i), field_key) &&
        g_str_equal (g_ptr_array_index (self->value_choices, i + 1), text))
      {
        g_free (g_ptr_array_index (self->value_choices, i + 2));
        self->value_choices->pdata[i + 2] = g_strdup (value);
        return;
      }
  g_ptr_array_add (self->value_choices, g_strdup (field_key));
  g_ptr_array_add (self->value_choices, g_strdup (text));
  g_ptr_array_add (self->value_choices, g_strdup (value));
}

/* (transfer full): the choices as field key, text, value triples, NULL-terminated */
char **
ledger_import_assistant_dup_values (LedgerImportAssistant *self)
{
  char **values = g_new0 (char *, self->value_choices->len + 1);

  for (guint i = 0; i < self->value_choices->len; i++)
    values[i] = g_strdup (g_ptr_array_index (self->value_choices, i));
  return values;
}

/* A new file: nothing chosen yet. */
void
ledger_import_assistant_reset_values (LedgerImportAssistant *self)
{
  g_clear_pointer (&self->value_map, ledger_value_map_unref);
  self->value_map = ledger_value_map_new ();
  g_ptr_array_set_size (self->value_choices, 0);
}

void
ledger_import_assistant_init_values (LedgerImportAssistant *self)
{
  self->unknown_rows = g_ptr_array_new ();
  self->value_choices = g_ptr_array_new_with_free_func (g_free);
  ledger_import_assistant_reset_values (self);
}
