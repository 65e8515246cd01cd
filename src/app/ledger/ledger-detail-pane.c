/* ledger-detail-pane.c: the selected record, read from the store each time
 *
 * The pane keeps no copy that could drift: every "changed" of the ledger that
 * concerns the item (its own uid, its samples and inspections, an import)
 * rebuilds it from ledger_store_get(), and an item that is gone leaves the
 * placeholder.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-detail-pane-private.h"
#include "ledger-editor.h"
#include "ledger-item-facts.h"
#include "ledger-rules.h"
#include "ledger-store.h"
#include "ledger-values.h"

G_DEFINE_FINAL_TYPE (LedgerDetailPane, ledger_detail_pane, GTK_TYPE_WIDGET)

enum { DELETE_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* what the window binds (docs/ARCHITECTURE.md, "The window's state") */
enum { PROP_0, PROP_DB, PROP_YEAR, PROP_SELECTED_KIND, PROP_SELECTED_UID, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- auxiliary functions ---- */

static void
rows_free (gpointer data)
{
  g_ptr_array_unref (data);
}

void
ledger_detail_pane_add_row (LedgerDetailPane    *self,
                            AdwPreferencesGroup *group,
                            GtkWidget           *row)
{
  GPtrArray *rows = g_hash_table_lookup (self->rows, group);

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_hash_table_insert (self->rows, group, rows);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

void
ledger_detail_pane_clear_group (LedgerDetailPane    *self,
                                AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_hash_table_lookup (self->rows, group);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  if (rows != NULL)
    g_ptr_array_set_size (rows, 0);
}

GtkWidget *
ledger_detail_pane_new_row (const char *title,
                            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static GtkWidget *
new_value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  glong length = g_utf8_strlen (text, -1);

  /* short values keep one line; long ones wrap, but never narrower than a code */
  gtk_label_set_wrap (GTK_LABEL (label), length > 16);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (length, 16));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "detail-value");
  return label;
}

static void
fill_fields (LedgerDetailPane *self)
{
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (self->kind, &n_fields);

  ledger_detail_pane_clear_group (self, self->fields_group);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *stored = self->record->values[i];
      g_autofree char *value = NULL;

      /* the status as of the chosen year: the rule the list, map and progress use */
      if (self->kind == LEDGER_KIND_WATER_BODIES && g_str_equal (fields[i].key, "status"))
        stored = ledger_water_body_status_in_year (stored, ledger_record_get (self->record, "completed_on"), self->year);
      value = ledger_field_display (&fields[i], stored);
      GtkWidget *row = ledger_detail_pane_new_row (ledger_field_display_name (&fields[i]), NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_value_label (*value ? value : "—"));
      gtk_widget_add_css_class (row, "field-row");
      ledger_detail_pane_add_row (self, self->fields_group, row);
    }
}

static void
fill_facts (LedgerDetailPane *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) facts = ledger_item_facts (self->db, self->record, self->year, &error);
  static const char *const tone_class[] = { NULL, "success", "error", "warning" };

  ledger_detail_pane_clear_group (self, self->facts_group);
  if (facts == NULL)
    {
      ledger_detail_pane_add_row (self, self->facts_group,
                                  ledger_detail_pane_new_row (_("The figures cannot be computed"), error->message));
      return;
    }
  for (guint i = 0; i < facts->len; i++)
    {
      LedgerFact *fact = g_ptr_array_index (facts, i);
      GtkWidget *row = ledger_detail_pane_new_row (fact->label, fact->detail);
      GtkWidget *value = new_value_label (fact->value);

      gtk_widget_add_css_class (value, "heading");
      if (tone_class[fact->tone] != NULL)
        gtk_widget_add_css_class (value, tone_class[fact->tone]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      ledger_detail_pane_add_row (self, self->facts_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->facts_group), facts->len > 0);
}

static void
fill_header (LedgerDetailPane *self)
{
  const char *name = ledger_record_get (self->record, "name");
  const char *code = ledger_detail_pane_subject_code (self);
  g_autofree char *subtitle = NULL;

  if (self->kind >= LEDGER_KIND_SAMPLES)
    name = ledger_record_get (self->record, "date");
  gtk_label_set_text (self->title_label, name ? name : "—");
  subtitle = g_strdup_printf ("%s · %s", ledger_kind_display_name (self->kind), code ? code : "—");
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
reload (LedgerDetailPane *self)
{
  g_autoptr (GError) error = NULL;
  gboolean has_samples, has_inspections;

  g_clear_pointer (&self->record, ledger_record_free);
  if (self->db != NULL && self->uid != NULL)
    self->record = ledger_store_get (self->db, self->kind, self->uid, self->year, &error);
  if (self->record == NULL)
    {
      g_clear_pointer (&self->uid, g_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  has_samples = self->kind == LEDGER_KIND_FACILITIES || self->kind == LEDGER_KIND_WATER_BODIES;
  has_inspections = self->kind < LEDGER_KIND_SAMPLES;
  /* villages come from the national division list: they are edited, never deleted */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.delete", self->kind != LEDGER_KIND_VILLAGES);
  fill_header (self);
  fill_facts (self);
  fill_fields (self);
  gtk_widget_set_visible (GTK_WIDGET (self->samples_group), has_samples);
  gtk_widget_set_visible (GTK_WIDGET (self->inspections_group), has_inspections);
  if (has_samples)
    ledger_detail_pane_fill_observations (self, LEDGER_KIND_SAMPLES);
  if (has_inspections)
    ledger_detail_pane_fill_observations (self, LEDGER_KIND_INSPECTIONS);
  ledger_detail_pane_fill_history (self);
  gtk_stack_set_visible_child_name (self->stack, "item");
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* ---- shared with the lists ---- */

/* the code samples and inspections name their subject by */
const char *
ledger_detail_pane_subject_code (LedgerDetailPane *self)
{
  if (self->record == NULL)
    return NULL;
  if (self->kind == LEDGER_KIND_VILLAGES)
    return ledger_record_get (self->record, "village_code");
  if (self->kind >= LEDGER_KIND_SAMPLES)
    return ledger_record_get (self->record, "subject_code");
  return ledger_record_get (self->record, "code");
}

void
ledger_detail_pane_open_editor (LedgerDetailPane *self,
                                LedgerKind        kind,
                                const char       *uid,
                                const char       *subject_code)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LedgerEditor *editor;

  if (self->db == NULL)
    return;
  editor = ledger_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db, kind, uid, self->year);
  if (subject_code != NULL)
    ledger_editor_set_subject (editor, subject_code);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ---- signal callbacks and actions ---- */

static void
on_db_changed_cb (LedgerDb         *db,
                  int               kind,
                  const char       *uid,
                  LedgerDetailPane *self)
{
  if (self->uid == NULL)
    return;
  if (kind == LEDGER_KIND_ALL || g_strcmp0 (uid, self->uid) == 0 ||
      kind == LEDGER_KIND_SAMPLES || kind == LEDGER_KIND_INSPECTIONS ||
      (self->kind == LEDGER_KIND_VILLAGES && kind == LEDGER_KIND_FACILITIES))
    reload (self);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LedgerDetailPane *self = LEDGER_DETAIL_PANE (widget);

  if (self->uid != NULL)
    ledger_detail_pane_open_editor (self, self->kind, self->uid,
                                    self->kind >= LEDGER_KIND_SAMPLES ? ledger_detail_pane_subject_code (self) : NULL);
}

static void
show_on_map_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedgerDetailPane *self = LEDGER_DETAIL_PANE (widget);

  if (self->uid != NULL)
    gtk_widget_activate_action (widget, "win.show-on-map", "(is)", (int) self->kind, self->uid);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LedgerDetailPane *self = LEDGER_DETAIL_PANE (widget);
  g_autofree char *uid = g_strdup (self->uid);

  if (uid != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, (int) self->kind, uid);
}

static void
add_observation_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LedgerDetailPane *self = LEDGER_DETAIL_PANE (widget);
  LedgerKind kind = g_str_equal (action_name, "pane.add-sample") ? LEDGER_KIND_SAMPLES : LEDGER_KIND_INSPECTIONS;

  ledger_detail_pane_open_editor (self, kind, NULL, ledger_detail_pane_subject_code (self));
}

static void
observation_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedgerDetailPane *self = LEDGER_DETAIL_PANE (widget);
  const char *uid;
  int kind;

  g_variant_get (parameter, "(i&s)", &kind, &uid);
  if (g_str_equal (action_name, "pane.edit-observation"))
    ledger_detail_pane_open_editor (self, kind, uid, ledger_detail_pane_subject_code (self));
  else
    ledger_detail_pane_confirm_delete (self, kind, uid);
}

static void
attach_photo_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  const char *uid;
  int kind;

  g_variant_get (parameter, "(i&s)", &kind, &uid);
  ledger_detail_pane_choose_photo (LEDGER_DETAIL_PANE (widget), uid);
}

static void
open_photo_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ledger_detail_pane_open_photo (LEDGER_DETAIL_PANE (widget), g_variant_get_string (parameter, NULL));
}

static void
show_all_history_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LedgerDetailPane *self = LEDGER_DETAIL_PANE (widget);

  self->show_all_history = TRUE;
  ledger_detail_pane_fill_history (self);
}

/* ---- parent class overrides ---- */

static void
ledger_detail_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LedgerDetailPane *self = LEDGER_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_SELECTED_KIND:
      g_value_set_int (value, self->uid != NULL ? (int) self->kind : self->selected_kind);
      break;
    case PROP_SELECTED_UID:
      g_value_set_string (value, self->uid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_detail_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LedgerDetailPane *self = LEDGER_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_DB:
      if (g_value_get_object (value) != (gpointer) self->db)
        ledger_detail_pane_set_db (self, g_value_get_object (value), self->year);
      break;
    case PROP_YEAR:
      if (g_value_get_int (value) != self->year && g_value_get_int (value) > 0)
        ledger_detail_pane_set_db (self, self->db, g_value_get_int (value));
      break;
    case PROP_SELECTED_KIND:
      /* the uid that follows shows it */
      self->selected_kind = g_value_get_int (value);
      break;
    case PROP_SELECTED_UID:
      if (g_strcmp0 (g_value_get_string (value), self->uid) != 0 || self->selected_kind != (int) self->kind)
        ledger_detail_pane_show_item (self, self->selected_kind, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_detail_pane_dispose (GObject *object)
{
  LedgerDetailPane *self = LEDGER_DETAIL_PANE (object);

  ledger_detail_pane_set_db (self, NULL, self->year);
  g_clear_object (&self->db_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_DETAIL_PANE);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  G_OBJECT_CLASS (ledger_detail_pane_parent_class)->dispose (object);
}

static void
ledger_detail_pane_finalize (GObject *object)
{
  LedgerDetailPane *self = LEDGER_DETAIL_PANE (object);

  g_free (self->uid);
  g_clear_pointer (&self->record, ledger_record_free);
  G_OBJECT_CLASS (ledger_detail_pane_parent_class)->finalize (object);
}

static void
ledger_detail_pane_class_init (LedgerDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_detail_pane_dispose;
  object_class->finalize = ledger_detail_pane_finalize;
  object_class->get_property = ledger_detail_pane_get_property;
  object_class->set_property = ledger_detail_pane_set_property;

  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);
  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, LEDGER_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_KIND] = g_param_spec_int ("selected-kind", NULL, NULL, -1, G_MAXINT, -1,
                                                     G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_UID] = g_param_spec_string ("selected-uid", NULL, NULL, NULL,
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-detail-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerDetailPane, stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerDetailPane, item_scroller);
  gtk_widget_class_bind_template_child (widget_class, LedgerDetailPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerDetailPane, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerDetailPane, facts_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerDetailPane, fields_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerDetailPane, samples_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerDetailPane, inspections_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerDetailPane, history_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerDetailPane, show_all_button);

  gtk_widget_class_install_action (widget_class, "pane.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "pane.show-on-map", NULL, show_on_map_activated);
  gtk_widget_class_install_action (widget_class, "pane.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "pane.add-sample", NULL, add_observation_activated);
  gtk_widget_class_install_action (widget_class, "pane.add-inspection", NULL, add_observation_activated);
  gtk_widget_class_install_action (widget_class, "pane.edit-observation", "(is)", observation_activated);
  gtk_widget_class_install_action (widget_class, "pane.delete-observation", "(is)", observation_activated);
  gtk_widget_class_install_action (widget_class, "pane.show-all-history", NULL, show_all_history_activated);
  gtk_widget_class_install_action (widget_class, "pane.attach-photo", "(is)", attach_photo_activated);
  gtk_widget_class_install_action (widget_class, "pane.open-photo", "s", open_photo_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ledgerdetailpane");
}

static void
ledger_detail_pane_init (LedgerDetailPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->selected_kind = -1;
  /* the ledger's "changed", whichever ledger is shown (set_db sets the target) */
  self->db_signals = g_signal_group_new (LEDGER_TYPE_DB);
  g_signal_group_connect (self->db_signals, "changed", G_CALLBACK (on_db_changed_cb), self);
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, rows_free);
}

/* ---- public API ---- */

GtkWidget *
ledger_detail_pane_new (void)
{
  return g_object_new (LEDGER_TYPE_DETAIL_PANE, NULL);
}

void
ledger_detail_pane_set_db (LedgerDetailPane *self,
                           LedgerDb         *db,
                           int               year)
{
  gboolean new_db = db != self->db;
  gboolean new_year;

  g_return_if_fail (LEDGER_IS_DETAIL_PANE (self));

  if (year <= 0)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      year = g_date_time_get_year (now);
    }
  new_year = self->year != year;
  self->year = year;
  if (new_db)
    {
      g_set_object (&self->db, db);
      g_signal_group_set_target (self->db_signals, db);
      g_clear_pointer (&self->uid, g_free);
    }
  if (self->rows != NULL)
    reload (self);
  if (new_db && self->rows != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  if (new_year && self->rows != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

void
ledger_detail_pane_show_item (LedgerDetailPane *self,
                              int               kind,
                              const char       *uid)
{
  g_return_if_fail (LEDGER_IS_DETAIL_PANE (self));

  if (uid != NULL && (kind < 0 || kind >= LEDGER_N_KINDS))
    uid = NULL;
  gboolean new_uid = g_strcmp0 (uid, self->uid) != 0;

  if (new_uid)
    {
      self->show_all_history = FALSE;
      /* a new item starts at its title, not at the previous item's scroll position */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->item_scroller), 0);
    }
  self->kind = uid != NULL ? (LedgerKind) kind : self->kind;
  g_free (self->uid);
  self->uid = g_strdup (uid);
  reload (self);
  if (new_uid)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UID]);
}

const char *
ledger_detail_pane_get_uid (LedgerDetailPane *self)
{
  g_return_val_if_fail (LEDGER_IS_DETAIL_PANE (self), NULL);
  return self->uid;
}

LedgerKind
ledger_detail_pane_get_kind (LedgerDetailPane *self)
{
  g_return_val_if_fail (LEDGER_IS_DETAIL_PANE (self), LEDGER_KIND_VILLAGES);
  return self->kind;
}

/**
 * ledger_detail_pane_dup_text:
 *
 * Returns: (transfer full): the text of every visible label, one a line
 */
char *
ledger_detail_pane_dup_text (LedgerDetailPane *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (LEDGER_IS_DETAIL_PANE (self), NULL);
  collect_text (GTK_WIDGET (self->stack), text);
  return g_string_free (text, FALSE);
}
