/* ledger-editor.c: the form that edits one record
 *
 * Every change parses its field with ledger_field_parse(), the rule import
 * uses; once every field parses, ledger_store_check() judges the whole record
 * and its problems go under their fields. Save stays insensitive while
 * anything is refused, and ledger_editor_save() checks again before writing.
 * A failed save (a locked or read-only file) keeps the window and the input.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-a11y.h"
#include "ledger-editor-private.h"
#include "ledger-error.h"
#include "ledger-inspections.h"
#include "ledger-rules.h"
#include "ledger-store.h"
#include "ledger-values.h"

G_DEFINE_FINAL_TYPE (LedgerEditor, ledger_editor, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_CAN_SAVE, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- auxiliary functions ---- */

static void
replace_str (char       **dest,
             char        *src)
{
  g_free (*dest);
  *dest = src;
}

static void
show_error (LedgerEditor *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

LedgerDatum
ledger_editor_get_datum (LedgerEditor *self)
{
  if (self->datum_row == NULL)
    return LEDGER_DATUM_WGS84;
  return (LedgerDatum) adw_combo_row_get_selected (self->datum_row);
}

static gboolean
parse_fields (LedgerEditor *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->fields->len; i++)
    {
      EditorField *f = g_ptr_array_index (self->fields, i);
      g_autofree char *text = ledger_editor_read_text (self, f);
      g_autofree char *canonical = NULL;
      g_autoptr (GError) error = NULL;

      g_clear_pointer (&f->problem, g_free);
      g_clear_pointer (&f->hint, g_free);
      f->warning = f->hint_is_info = FALSE;
      if (ledger_field_parse (f->field, text, &canonical, &error))
        g_clear_pointer (&f->parse_error, g_free);
      else
        {
          replace_str (&f->parse_error, g_strdup (error->message));
          ok = FALSE;
        }
    }
  return ok;
}

/* The record the form holds, coordinates converted to WGS-84; NULL when a
 * field does not parse. */
static LedgerRecord *
build_record (LedgerEditor *self)
{
  g_autoptr (LedgerRecord) record = ledger_record_new (self->kind);
  int lon = ledger_kind_field_index (self->kind, "lon");

  record->uid = g_strdup (self->original->uid);
  record->is_demo = self->original->is_demo;
  for (guint i = 0; i < self->fields->len; i++)
    {
      EditorField *f = g_ptr_array_index (self->fields, i);
      g_autofree char *text = ledger_editor_read_text (self, f);
      char *canonical = NULL;

      if (!ledger_field_parse (f->field, text, &canonical, NULL))
        return NULL;
      ledger_record_take (record, i, canonical);
    }
  if (lon >= 0 && record->values[lon] && record->values[lon + 1] &&
      ledger_editor_get_datum (self) != LEDGER_DATUM_WGS84)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      double x, y;

      ledger_coords_to_wgs84 (ledger_editor_get_datum (self), g_ascii_strtod (record->values[lon], NULL),
                              g_ascii_strtod (record->values[lon + 1], NULL), &x, &y);
      ledger_record_take (record, lon, g_strdup (g_ascii_formatd (buf, sizeof buf, "%.7f", x)));
      ledger_record_take (record, lon + 1, g_strdup (g_ascii_formatd (buf, sizeof buf, "%.7f", y)));
    }
  return g_steal_pointer (&record);
}

static void
attach_problem (LedgerEditor  *self,
                LedgerProblem *problem,
                GString       *general)
{
  EditorField *f = problem->field >= 0 && (guint) problem->field < self->fields->len
                   ? g_ptr_array_index (self->fields, problem->field) : NULL;

  if (f == NULL || (f->problem != NULL && !f->warning))
    {
      g_string_append_printf (general, "%s%s", general->len ? "\n" : "", problem->message);
      return;
    }
  replace_str (&f->problem, g_strdup (problem->message));
  f->warning = problem->warning;
}

/* A new item whose code, or subject and date, match a stored one would
 * overwrite it: the editor refuses that instead. */
static void
check_not_existing (LedgerEditor *self,
                    LedgerRecord *record,
                    GPtrArray    *problems)
{
  g_autoptr (LedgerRecord) existing = NULL;
  g_autofree char *message = NULL;
  int field = self->kind == LEDGER_KIND_SAMPLES || self->kind == LEDGER_KIND_INSPECTIONS
              ? ledger_kind_field_index (self->kind, "date") : ledger_kind_field_index (self->kind, "code");

  if (self->original->uid != NULL || self->kind == LEDGER_KIND_VILLAGES)
    return;
  existing = ledger_store_find_existing (self->db, record);
  if (existing == NULL)
    return;
  if (field == ledger_kind_field_index (self->kind, "code"))
    message = g_strdup_printf (_("Code %s is already used by “%s”."), ledger_record_get (record, "code"),
                               ledger_record_get (existing, "name"));
  else
    message = g_strdup (_("There is already one of this subject on this date: edit that one instead."));
  g_ptr_array_add (problems, ledger_problem_new (0, field, message));
}

static gboolean
check_record (LedgerEditor *self,
              LedgerRecord *record,
              GString      *general)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);
  gboolean ok = ledger_store_check (self->db, record, problems);

  check_not_existing (self, record, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      LedgerProblem *problem = g_ptr_array_index (problems, i);
      attach_problem (self, problem, general);
      ok = ok && problem->warning;
    }
  return ok;
}

static void
set_hint (EditorField *f,
          char        *hint,
          gboolean     is_info)
{
  if (f == NULL)
    {
      g_free (hint);
      return;
    }
  replace_str (&f->hint, hint);
  f->hint_is_info = is_info;
}

static void
update_coords_hint (LedgerEditor       *self,
                    const LedgerRecord *record)
{
  int lon = ledger_kind_field_index (self->kind, "lon");

  if (lon < 0 || record == NULL || ledger_editor_get_datum (self) == LEDGER_DATUM_WGS84 ||
      record->values[lon] == NULL || record->values[lon + 1] == NULL)
    return;
  set_hint (g_ptr_array_index (self->fields, lon + 1),
            g_strdup_printf (_("Stored as WGS-84: %s, %s"), record->values[lon], record->values[lon + 1]), TRUE);
}

/* facilities: which discharge standard applies, by scale and province (docs/RULES.md 5.4) */
static void
update_standard_hint (LedgerEditor       *self,
                      const LedgerRecord *record)
{
  EditorField *standard = self->kind == LEDGER_KIND_FACILITIES ? ledger_editor_find_field (self, "standard") : NULL;
  g_autofree char *region = NULL;

  if (standard == NULL || standard->hint != NULL)
    return;
  region = ledger_db_dup_region_code (self->db);
  set_hint (standard, ledger_effluent_suggestion (region, record ? ledger_record_get_double (record, "capacity_m3d", NAN)
                                                                 : NAN), TRUE);
}

/* a date typed another way ("2026.12.4") is stored as the form shows it */
static void
update_date_hints (LedgerEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      EditorField *f = g_ptr_array_index (self->fields, i);
      g_autofree char *text = NULL;
      g_autofree char *canonical = NULL;
      g_autofree char *shown = NULL;

      if (f->field->type != LEDGER_FIELD_DATE || f->parse_error != NULL || f->problem != NULL)
        continue;
      text = g_strstrip (ledger_editor_read_text (self, f));
      if (!ledger_field_parse (f->field, text, &canonical, NULL) || canonical == NULL)
        continue;
      shown = ledger_field_display (f->field, canonical);
      if (!g_str_equal (shown, text) && !g_str_equal (canonical, text))
        /* Translators: a date typed as "2026.12.4" is saved as this */
        set_hint (f, g_strdup_printf (_("Read as %s"), shown), TRUE);
    }
}

static void
update_hints (LedgerEditor       *self,
              const LedgerRecord *record)
{
  EditorField *code = ledger_editor_find_field (self, "code");
  EditorField *year = self->kind == LEDGER_KIND_FARMS ? ledger_editor_find_field (self, "year") : NULL;
  g_autofree char *year_text = year ? ledger_editor_read_text (self, year) : NULL;

  if (code != NULL && self->original->uid == NULL)
    set_hint (code, g_strdup (_("Leave blank to number automatically")), FALSE);
  if (year != NULL && self->original->uid != NULL && self->figures_year != NULL &&
      g_strcmp0 (g_strstrip (year_text), self->figures_year) != 0 && !self->figures_touched)
    set_hint (year, g_strdup_printf (_("No figures for %s yet: those of %s are shown. Saving asks whether to record them for %s."),
                                     year_text, self->figures_year, year_text), TRUE);
  update_coords_hint (self, record);
  update_standard_hint (self, record);
  update_date_hints (self);
}

static void
set_can_save (LedgerEditor *self,
              gboolean      can_save)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", can_save);
  if (self->can_save == can_save)
    return;
  self->can_save = can_save;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
}

/* farms: a new year shows that year's figures, unless the user typed some */
static void
follow_year (LedgerEditor *self)
{
  EditorField *year = ledger_editor_find_field (self, "year");
  g_autofree char *text = ledger_editor_read_text (self, year);
  g_autofree char *canonical = NULL;
  g_autoptr (LedgerRecord) stored = NULL;

  if (self->original->uid == NULL || self->figures_touched ||
      !ledger_field_parse (year->field, text, &canonical, NULL) || canonical == NULL ||
      g_strcmp0 (canonical, self->figures_year) == 0)
    return;
  stored = ledger_store_get (self->db, LEDGER_KIND_FARMS, self->original->uid, atoi (canonical), NULL);
  if (stored == NULL || g_strcmp0 (ledger_record_get (stored, "year"), canonical) != 0)
    return;
  ledger_editor_fill (self, stored, TRUE);
  replace_str (&self->figures_year, g_steal_pointer (&canonical));
}

static void
note_figures_touched (LedgerEditor *self)
{
  int year = ledger_kind_field_index (LEDGER_KIND_FARMS, "year");

  if (self->kind != LEDGER_KIND_FARMS || self->baseline == NULL)
    return;
  for (guint i = year + 1; i < self->fields->len; i++)
    {
      g_autofree char *text = ledger_editor_read_text (self, g_ptr_array_index (self->fields, i));
      if (g_strcmp0 (text, g_ptr_array_index (self->baseline, i)) != 0)
        self->figures_touched = TRUE;
    }
}

/* A blank required field the user has not reached yet is not an error to
 * shout about in a new form: it says "Required" until touched or saved. */
static void
soften_untouched (LedgerEditor *self)
{
  for (guint i = 0; i < self->fields->len && !self->show_all_problems; i++)
    {
      EditorField *f = g_ptr_array_index (self->fields, i);
      g_autofree char *text = ledger_editor_read_text (self, f);
      const char *before = self->baseline ? g_ptr_array_index (self->baseline, i) : NULL;

      if (f->problem == NULL || f->warning || (text != NULL && *text != '\0') || g_strcmp0 (text, before) != 0)
        continue;
      g_clear_pointer (&f->problem, g_free);
      set_hint (f, g_strdup (_("Required")), FALSE);
    }
}

void
ledger_editor_revalidate (LedgerEditor *self)
{
  g_autoptr (GString) general = g_string_new (NULL);
  g_autoptr (LedgerRecord) record = NULL;
  gboolean ok;

  if (self->loading)
    return;
  if (self->kind == LEDGER_KIND_FARMS)
    {
      note_figures_touched (self);
      follow_year (self);
    }
  ok = parse_fields (self);
  if (ok && (record = build_record (self)) != NULL)
    ok = check_record (self, record, general);
  update_hints (self, record);
  soften_untouched (self);
  ledger_editor_show_messages (self);
  show_error (self, general->len ? general->str : NULL);
  set_can_save (self, ok);
}

static void
take_baseline (LedgerEditor *self)
{
  g_clear_pointer (&self->baseline, g_ptr_array_unref);
  self->baseline = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->fields->len; i++)
    g_ptr_array_add (self->baseline, ledger_editor_read_text (self, g_ptr_array_index (self->fields, i)));
  self->baseline_datum = ledger_editor_get_datum (self);
}

static char *
collect_messages (LedgerEditor *self)
{
  g_autoptr (GString) text = g_string_new (gtk_label_get_text (self->error_label));

  for (guint i = 0; i < self->fields->len; i++)
    {
      EditorField *f = g_ptr_array_index (self->fields, i);
      const char *message = f->parse_error ? f->parse_error : (f->problem && !f->warning) ? f->problem : NULL;
      if (message != NULL)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- signal callbacks and actions ---- */

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        LedgerEditor     *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discard_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ask_discard (LedgerEditor *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                            _("The changes made in this form have not been saved.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_close_request_cb (GtkWindow *window)
{
  LedgerEditor *self = LEDGER_EDITOR (window);

  if (self->discard_confirmed || !ledger_editor_is_modified (self))
    return FALSE;
  ask_discard (self);
  return TRUE;
}

/* farms: the year in the form has no figures of its own and the form still
 * shows an earlier year's, untouched: saving must not copy them silently */
static char *
dup_carried_year (LedgerEditor *self)
{
  EditorField *year;
  g_autofree char *text = NULL;
  g_autofree char *canonical = NULL;

  if (self->kind != LEDGER_KIND_FARMS || self->original->uid == NULL || self->figures_year == NULL ||
      self->figures_touched)
    return NULL;
  year = ledger_editor_find_field (self, "year");
  text = ledger_editor_read_text (self, year);
  if (!ledger_field_parse (year->field, text, &canonical, NULL) || canonical == NULL ||
      g_strcmp0 (canonical, self->figures_year) == 0)
    return NULL;
  return g_steal_pointer (&canonical);
}

static void
save_from_form (LedgerEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (!ledger_editor_save (self, &error))
    show_error (self, error->message);
}

static void
on_figures_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        LedgerEditor     *self)
{
  if (g_str_equal (response, "cancel"))
    return;
  self->record_carried_figures = g_str_equal (response, "record");
  save_from_form (self);
}

static void
ask_record_figures (LedgerEditor *self,
                    const char   *year)
{
  g_autofree char *heading = g_strdup_printf (_("Record %s Figures?"), year);
  g_autofree char *body = g_strdup_printf (_("This farm has no figures for %s yet; the form shows those of %s. "
                                             "Record them as the %s figures too, or save only the farm's details?"),
                                           year, self->figures_year, year);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "farm", _("Save _Details Only"),
                                    "record", _("_Record Figures"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "farm", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "farm");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_figures_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LedgerEditor *self = LEDGER_EDITOR (widget);
  g_autofree char *carried_year = dup_carried_year (self);

  if (carried_year != NULL && self->can_save)
    ask_record_figures (self, carried_year);
  else
    save_from_form (self);
}

/* the farm's own fields only: no year row is written */
static void
drop_year_figures (LedgerRecord *record)
{
  int year = ledger_kind_field_index (LEDGER_KIND_FARMS, "year");

  for (guint i = year; i < record->n_values; i++)
    ledger_record_take (record, i, NULL);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ---- parent class overrides ---- */

static void
ledger_editor_dispose (GObject *object)
{
  LedgerEditor *self = LEDGER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_EDITOR);
  G_OBJECT_CLASS (ledger_editor_parent_class)->dispose (object);
}

static void
ledger_editor_finalize (GObject *object)
{
  LedgerEditor *self = LEDGER_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->original, ledger_record_free);
  g_clear_pointer (&self->baseline, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->village_codes, g_ptr_array_unref);
  g_free (self->figures_year);
  G_OBJECT_CLASS (ledger_editor_parent_class)->finalize (object);
}

static void
ledger_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LedgerEditor *self = LEDGER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_editor_class_init (LedgerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ledger_editor_dispose;
  object_class->finalize = ledger_editor_finalize;
  object_class->get_property = ledger_editor_get_property;
  window_class->close_request = on_close_request_cb;

  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LedgerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LedgerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerEditor, fields_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerEditor, year_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerEditor, location_group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
ledger_editor_init (LedgerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ledger_a11y_name_icon_buttons (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) editor_field_free);
  self->village_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

/* ---- public API ---- */

static void
set_titles (LedgerEditor *self)
{
  const char *name = ledger_record_get (self->original, self->kind == LEDGER_KIND_VILLAGES ? "name"
                                        : self->kind >= LEDGER_KIND_SAMPLES ? "subject_code" : "name");
  g_autofree char *subtitle = NULL;

  if (self->original->uid == NULL)
    subtitle = g_strdup (_("New item"));
  else if (self->kind >= LEDGER_KIND_SAMPLES)
    subtitle = g_strdup_printf ("%s · %s", name, ledger_record_get (self->original, "date"));
  else
    subtitle = g_strdup (name);
  adw_window_title_set_title (self->window_title, ledger_kind_display_name (self->kind));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), ledger_kind_display_name (self->kind));
}

static LedgerRecord *
load_original (LedgerDb    *db,
               LedgerKind   kind,
               const char  *uid,
               int          year)
{
  g_autoptr (GError) error = NULL;
  LedgerRecord *record = NULL;

  if (uid != NULL)
    record = ledger_store_get (db, kind, uid, year, &error);
  if (record == NULL && error != NULL)
    g_warning ("Cannot load %s %s: %s", ledger_kind_to_key (kind), uid, error->message);
  return record ? record : ledger_record_new (kind);
}

/**
 * ledger_editor_new:
 * @parent: the window it is modal to
 * @uid_or_null: the item, or %NULL for a new one
 * @year: farms: the year whose figures are edited (default of the year row)
 *
 * Returns: (transfer none): the editor, not yet presented
 */
LedgerEditor *
ledger_editor_new (GtkWindow   *parent,
                   LedgerDb    *db,
                   LedgerKind   kind,
                   const char  *uid_or_null,
                   int          year)
{
  LedgerEditor *self;
  char buf[16];

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);
  g_return_val_if_fail (kind < LEDGER_N_KINDS, NULL);

  self = g_object_new (LEDGER_TYPE_EDITOR, "transient-for", parent, "modal", TRUE, NULL);
  self->db = g_object_ref (db);
  self->kind = kind;
  self->year = year;
  self->original = load_original (db, kind, uid_or_null, year);
  self->loading = TRUE;
  ledger_editor_build_fields (self);
  ledger_editor_add_pick_row (self);
  ledger_editor_fill (self, self->original, FALSE);
  if (kind == LEDGER_KIND_FARMS)
    {
      self->figures_year = g_strdup (ledger_record_get (self->original, "year"));
      g_snprintf (buf, sizeof buf, "%d", year);
      ledger_editor_set_text (self, ledger_editor_find_field (self, "year"), buf);
    }
  /* a new sample or inspection is most often of today */
  if ((kind == LEDGER_KIND_SAMPLES || kind == LEDGER_KIND_INSPECTIONS) && uid_or_null == NULL)
    {
      g_autofree char *today = ledger_today ();
      ledger_editor_set_text (self, ledger_editor_find_field (self, "date"), today);
    }
  if (kind == LEDGER_KIND_VILLAGES && uid_or_null != NULL)
    gtk_editable_set_editable (GTK_EDITABLE (ledger_editor_find_field (self, "village_code")->row), FALSE);
  set_titles (self);
  self->loading = FALSE;
  take_baseline (self);
  ledger_editor_revalidate (self);
  return self;
}

void
ledger_editor_set_location (LedgerEditor *self,
                            double        lon,
                            double        lat)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  EditorField *f = ledger_editor_find_field (self, "lon");

  g_return_if_fail (LEDGER_IS_EDITOR (self));
  if (f == NULL)
    return;
  self->loading = TRUE;
  ledger_editor_set_datum (self, LEDGER_DATUM_WGS84);
  ledger_editor_set_text (self, f, g_ascii_formatd (buf, sizeof buf, "%.6f", lon));
  ledger_editor_set_text (self, ledger_editor_find_field (self, "lat"), g_ascii_formatd (buf, sizeof buf, "%.6f", lat));
  self->loading = FALSE;
  ledger_editor_revalidate (self);
}

void
ledger_editor_set_subject (LedgerEditor *self,
                           const char   *subject_code)
{
  EditorField *f = ledger_editor_find_field (self, "subject_code");

  g_return_if_fail (LEDGER_IS_EDITOR (self));
  if (f == NULL)
    return;
  ledger_editor_set_text (self, f, subject_code);
  gtk_editable_set_editable (GTK_EDITABLE (f->row), FALSE);
  g_free (self->baseline->pdata[f->index]);
  self->baseline->pdata[f->index] = g_strdup (subject_code);
}

void
ledger_editor_set_datum (LedgerEditor *self,
                         LedgerDatum   datum)
{
  g_return_if_fail (LEDGER_IS_EDITOR (self));
  if (self->datum_row != NULL)
    adw_combo_row_set_selected (self->datum_row, datum);
}

gboolean
ledger_editor_save (LedgerEditor  *self,
                    GError       **error)
{
  g_autoptr (LedgerRecord) record = NULL;
  g_autofree char *carried_year = NULL;

  g_return_val_if_fail (LEDGER_IS_EDITOR (self), FALSE);

  self->show_all_problems = TRUE;
  ledger_editor_revalidate (self);
  if (!self->can_save || (record = build_record (self)) == NULL)
    {
      g_autofree char *messages = collect_messages (self);
      g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, messages);
      return FALSE;
    }
  carried_year = dup_carried_year (self);
  if (carried_year != NULL && !self->record_carried_figures)
    drop_year_figures (record);
  /* another process may have changed the item since the form was filled */
  if (!ledger_store_save_if_unchanged (self->db, record, self->original, error))
    return FALSE;
  self->discard_confirmed = TRUE;
  g_signal_emit (self, signals[SAVED], 0, (int) self->kind, record->uid);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

gboolean
ledger_editor_get_can_save (LedgerEditor *self)
{
  g_return_val_if_fail (LEDGER_IS_EDITOR (self), FALSE);
  return self->can_save;
}

gboolean
ledger_editor_is_modified (LedgerEditor *self)
{
  g_return_val_if_fail (LEDGER_IS_EDITOR (self), FALSE);

  if (self->baseline == NULL)
    return FALSE;
  if (ledger_editor_get_datum (self) != self->baseline_datum)
    return TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      g_autofree char *text = ledger_editor_read_text (self, g_ptr_array_index (self->fields, i));
      if (g_strcmp0 (text, g_ptr_array_index (self->baseline, i)) != 0)
        return TRUE;
    }
  return FALSE;
}

GtkWidget *
ledger_editor_get_field_row (LedgerEditor *self,
                             const char   *key)
{
  EditorField *f = ledger_editor_find_field (self, key);

  return f ? f->row : NULL;
}

const char *
ledger_editor_get_field_message (LedgerEditor *self,
                                 const char   *key)
{
  EditorField *f = ledger_editor_find_field (self, key);

  if (f == NULL || !gtk_widget_get_visible (f->message))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (f->message));
}
