/* ledger-editor-fields.c: one row per field of the kind, from the column table
 *
 * Text, numbers and dates are AdwEntryRows, enums and yes/no AdwComboRows, a
 * village code a searchable drop-down of the ledger's villages by name. Under
 * each row a message row says why the value is refused, or gives a hint.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ledger-editor-private.h"
#include "ledger-store.h"
#include "ledger-values.h"

/* ---- auxiliary functions ---- */

static gboolean
field_is_number (const LedgerField *field)
{
  switch (field->type)
    {
    case LEDGER_FIELD_INT:
    case LEDGER_FIELD_REAL:
    case LEDGER_FIELD_YEAR:
    case LEDGER_FIELD_LON:
    case LEDGER_FIELD_LAT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* the calendar opens on the date typed, or today */
static void
on_date_popover_show_cb (GtkPopover *popover,
                         GtkWidget  *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *iso = NULL;
  g_autoptr (GDateTime) date = NULL;
  int year, month, day;

  if (ledger_parse_date (gtk_editable_get_text (GTK_EDITABLE (row)), &iso) && iso != NULL &&
      sscanf (iso, "%d-%d-%d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();
  gtk_calendar_select_day (calendar, date);
}

static void
on_date_calendar_day_selected_cb (GtkCalendar *calendar,
                                  GtkWidget   *row)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *shown = ledger_date_display (iso);   /* as the form shows stored dates */
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), shown);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* a date row: typed as YYYY-MM-DD, or picked from a calendar */
static void
add_date_picker (GtkWidget *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Pick a date"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (popover, "show", G_CALLBACK (on_date_popover_show_cb), row);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_date_calendar_day_selected_cb), row);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
}

static GtkWidget *
new_entry_row (const LedgerField *field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ledger_field_display_name (field));
  if (field_is_number (field))
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  if (field->type == LEDGER_FIELD_DATE)
    add_date_picker (row);
  return row;
}

static GtkWidget *
new_combo_row (const LedgerField *field)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ledger_field_display_name (field));
  if (!field->required || field->type == LEDGER_FIELD_BOOL)
    gtk_string_list_append (labels, "—");
  if (field->type == LEDGER_FIELD_BOOL)
    {
      gtk_string_list_append (labels, _("Yes"));
      gtk_string_list_append (labels, _("No"));
    }
  else
    for (guint i = 0; i < field->enumeration->n_values; i++)
      gtk_string_list_append (labels, ledger_enum_display (field->enumeration,
                                                           field->enumeration->values[i].key));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  return row;
}

static GtkWidget *
new_village_row (LedgerEditor *self,
                 EditorField  *f)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) villages = ledger_store_load (self->db, LEDGER_KIND_VILLAGES, NULL, NULL);

  g_ptr_array_set_size (self->village_codes, 0);
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      LedgerRecord *village = g_ptr_array_index (villages, i);
      const char *code = ledger_record_get (village, "village_code");
      g_autofree char *label = g_strdup_printf ("%s (%s)", ledger_record_get (village, "name"), code);

      gtk_string_list_append (names, label);
      g_ptr_array_add (self->village_codes, g_strdup (code));
    }
  f->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)),
                                                  gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  gtk_drop_down_set_enable_search (f->dropdown, TRUE);
  gtk_drop_down_set_selected (f->dropdown, GTK_INVALID_LIST_POSITION);
  gtk_widget_set_valign (GTK_WIDGET (f->dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (f->dropdown), _("Type the first characters of the name to search"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ledger_field_display_name (f->field));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (f->dropdown));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (f->dropdown));
  return row;
}

static GtkWidget *
new_message_row (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "field-message");
  gtk_widget_set_visible (row, FALSE);
  return row;
}

static AdwPreferencesGroup *
group_for (LedgerEditor      *self,
           const LedgerField *field,
           guint              index)
{
  int year = ledger_kind_field_index (LEDGER_KIND_FARMS, "year");

  if (field->type == LEDGER_FIELD_LON || field->type == LEDGER_FIELD_LAT)
    return self->location_group;
  if (self->kind == LEDGER_KIND_FARMS && (int) index >= year)
    return self->year_group;
  return self->fields_group;
}

static void
on_field_changed_cb (LedgerEditor *self)
{
  ledger_editor_revalidate (self);
}

static GtkWidget *
new_datum_row (LedgerEditor *self)
{
  const char *const datums[] = {
    _("WGS-84 (GPS, Tianditu)"), _("GCJ-02 (Gaode, Tencent)"), _("BD-09 (Baidu)"), NULL
  };
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) labels = gtk_string_list_new (datums);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Coordinate system"));
  /* the choice reads in full under the title (it was cut beside it) */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Where the coordinates were copied from"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static void
add_field_row (LedgerEditor *self,
               EditorField  *f)
{
  const LedgerField *field = f->field;
  AdwPreferencesGroup *group = group_for (self, field, f->index);

  if (field->type == LEDGER_FIELD_ENUM || field->type == LEDGER_FIELD_BOOL)
    f->widget = FIELD_COMBO;
  else if (field->type == LEDGER_FIELD_REGION && self->kind != LEDGER_KIND_VILLAGES)
    f->widget = FIELD_VILLAGE;
  else
    f->widget = FIELD_ENTRY;

  if (f->widget == FIELD_COMBO)
    f->row = new_combo_row (field);
  else if (f->widget == FIELD_VILLAGE)
    f->row = new_village_row (self, f);
  else
    f->row = new_entry_row (field);
  f->message = new_message_row ();
  adw_preferences_group_add (group, f->row);
  adw_preferences_group_add (group, f->message);

  if (f->widget == FIELD_ENTRY)
    g_signal_connect_object (f->row, "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
  else
    g_signal_connect_object (f->widget == FIELD_VILLAGE ? G_OBJECT (f->dropdown) : G_OBJECT (f->row),
                             "notify::selected", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
}

static guint
combo_position (const LedgerField *field,
                const char        *canonical)
{
  guint offset = (!field->required || field->type == LEDGER_FIELD_BOOL) ? 1 : 0;

  if (canonical == NULL)
    return 0;
  if (field->type == LEDGER_FIELD_BOOL)
    return g_str_equal (canonical, "1") ? 1 : 2;
  for (guint i = 0; i < field->enumeration->n_values; i++)
    if (g_str_equal (field->enumeration->values[i].key, canonical))
      return i + offset;
  return 0;
}

static const char *
combo_value (const LedgerField *field,
             guint              position)
{
  guint offset = (!field->required || field->type == LEDGER_FIELD_BOOL) ? 1 : 0;

  if (position == GTK_INVALID_LIST_POSITION || position < offset)
    return NULL;
  if (field->type == LEDGER_FIELD_BOOL)
    return position == 1 ? "1" : "0";
  if (position - offset >= field->enumeration->n_values)
    return NULL;
  return field->enumeration->values[position - offset].key;
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  const char *const styles[] = { "error", "warning", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      if (g_strcmp0 (style, styles[i]) == 0)
        gtk_widget_add_css_class (widget, styles[i]);
      else
        gtk_widget_remove_css_class (widget, styles[i]);
    }
}

/* ---- shared with ledger-editor.c ---- */

void
editor_field_free (EditorField *f)
{
  g_free (f->parse_error);
  g_free (f->problem);
  g_free (f->hint);
  g_free (f);
}

void
ledger_editor_build_fields (LedgerEditor *self)
{
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (self->kind, &n_fields);

  /* the coordinate system first: officers pick where they copy from, then paste */
  if (ledger_kind_field_index (self->kind, "lon") >= 0)
    {
      self->datum_row = ADW_COMBO_ROW (new_datum_row (self));
      adw_preferences_group_add (self->location_group, GTK_WIDGET (self->datum_row));
    }
  for (guint i = 0; i < n_fields; i++)
    {
      EditorField *f = g_new0 (EditorField, 1);

      f->field = &fields[i];
      f->index = i;
      add_field_row (self, f);
      g_ptr_array_add (self->fields, f);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->location_group), self->datum_row != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->year_group), self->kind == LEDGER_KIND_FARMS);
}

EditorField *
ledger_editor_find_field (LedgerEditor *self,
                          const char   *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      EditorField *f = g_ptr_array_index (self->fields, i);
      if (g_str_equal (f->field->key, key))
        return f;
    }
  return NULL;
}

/* The text the user gave: entry text, or the canonical key of a choice. */
char *
ledger_editor_read_text (LedgerEditor *self,
                         EditorField  *f)
{
  guint position;

  switch (f->widget)
    {
    case FIELD_COMBO:
      return g_strdup (combo_value (f->field, adw_combo_row_get_selected (ADW_COMBO_ROW (f->row))));
    case FIELD_VILLAGE:
      position = gtk_drop_down_get_selected (f->dropdown);
      if (position >= self->village_codes->len)
        return NULL;
      return g_strdup (g_ptr_array_index (self->village_codes, position));
    case FIELD_ENTRY:
    default:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->row)));
    }
}

void
ledger_editor_set_text (LedgerEditor *self,
                        EditorField  *f,
                        const char   *canonical)
{
  g_autofree char *shown = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  switch (f->widget)
    {
    case FIELD_COMBO:
      adw_combo_row_set_selected (ADW_COMBO_ROW (f->row), combo_position (f->field, canonical));
      break;
    case FIELD_VILLAGE:
      for (guint i = 0; canonical != NULL && i < self->village_codes->len; i++)
        if (g_str_equal (g_ptr_array_index (self->village_codes, i), canonical))
          position = i;
      gtk_drop_down_set_selected (f->dropdown, position);
      break;
    case FIELD_ENTRY:
    default:
      shown = ledger_field_display (f->field, canonical);
      gtk_editable_set_text (GTK_EDITABLE (f->row), shown);
      break;
    }
}

/* Fills the form from @record; farms: @figures_only fills the year's figures. */
void
ledger_editor_fill (LedgerEditor       *self,
                    const LedgerRecord *record,
                    gboolean            figures_only)
{
  int year = ledger_kind_field_index (LEDGER_KIND_FARMS, "year");
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  for (guint i = 0; i < self->fields->len && i < record->n_values; i++)
    {
      EditorField *f = g_ptr_array_index (self->fields, i);
      if (figures_only && (int) i <= year)
        continue;
      ledger_editor_set_text (self, f, record->values[i]);
    }
  self->loading = was_loading;
}

void
ledger_editor_show_messages (LedgerEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      EditorField *f = g_ptr_array_index (self->fields, i);
      const char *text = f->parse_error ? f->parse_error : f->problem ? f->problem : f->hint;
      const char *style = NULL;

      if (f->parse_error != NULL || (f->problem != NULL && !f->warning))
        style = "error";
      else if (f->problem != NULL)
        style = "warning";
      else if (f->hint != NULL && !f->hint_is_info)
        style = "dim-label";
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->message), text ? text : "");
      gtk_widget_set_visible (f->message, text != NULL);
      set_style (f->message, style);
      set_style (f->row, g_strcmp0 (style, "dim-label") == 0 ? NULL : style);
    }
}
