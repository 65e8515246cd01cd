/* ledger-regions-page.c: Preferences → Townships and villages (issue 18)
 *
 * Which list the ledger uses and how many administrative villages each
 * township has; a form that renames, changes the kind of, merges, splits,
 * retires or adds a unit from an effective date; the county's own sheet or a
 * newer national list, reviewed in a dialog that lists every change before
 * anything is written; and the changes made so far. Every change goes
 * through core (ledger-region-edit.h, ledger-region-plan.h): validated, one
 * transaction, audited; a refusal is a toast with core's message.
 * Widgets carry names (regions-township, regions-apply …) for the UI test.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-file-chooser.h"
#include "ledger-region-edit.h"
#include "ledger-region-list.h"
#include "ledger-region-plan.h"
#include "ledger-regions.h"
#include "ledger-regions-page.h"

struct _LedgerRegionsPage
{
  AdwPreferencesPage   parent_instance;

  LedgerDb            *db;
  char                *county;
  GPtrArray           *townships;   /* LedgerTownshipCount* */
  GPtrArray           *units;       /* LedgerRegion*: the chosen township's units */
  GPtrArray           *rows;        /* GtkWidget*: the rows that reload replaces */
  AdwActionRow        *source_row;
  AdwActionRow        *count_row;
  AdwComboRow         *township_row;
  AdwComboRow         *unit_row;
  AdwComboRow         *edit_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *into_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *date_row;
  GtkWidget           *apply_button;
  AdwPreferencesGroup *townships_group;
  AdwPreferencesGroup *changes_group;
};

G_DEFINE_FINAL_TYPE (LedgerRegionsPage, ledger_regions_page, ADW_TYPE_PREFERENCES_PAGE)

static const char *const edit_labels[LEDGER_N_REGION_EDITS] = {
  N_("Rename"), N_("Change kind (村/社区)"), N_("Merge into…"), N_("Split into…"), N_("Retire"),
  N_("Add a unit under it"),
};

static void reload (LedgerRegionsPage *self);

/* ---- auxiliary functions ---- */

static void
toast (LedgerRegionsPage *self,
       const char        *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

static char *
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static const char *
chosen_township (LedgerRegionsPage *self)
{
  guint i = adw_combo_row_get_selected (self->township_row);

  if (self->townships == NULL || i >= self->townships->len)
    return NULL;
  return ((LedgerTownshipCount *) g_ptr_array_index (self->townships, i))->code;
}

/* the unit chosen: the township itself (item 0) or one of its units */
static const char *
chosen_unit (LedgerRegionsPage *self)
{
  guint i = adw_combo_row_get_selected (self->unit_row);

  if (i == 0 || self->units == NULL || i - 1 >= self->units->len)
    return chosen_township (self);
  return ((LedgerRegion *) g_ptr_array_index (self->units, i - 1))->code;
}

static char *
unit_label (const LedgerRegion *unit)
{
  const char *kind = g_strcmp0 (unit->kind, "village") == 0 ? _("村") : _("社区");

  if (ledger_region_is_local_code (unit->code))
    /* Translators: a unit with a code given by this ledger, not a national one */
    return g_strdup_printf (_("%s · %s · %s (local code)"), unit->name, kind, unit->code);
  return g_strdup_printf ("%s · %s · %s", unit->name, kind, unit->code);
}

static GtkStringList *
unit_names (LedgerRegionsPage *self,
            gboolean           with_township)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  if (with_township)
    gtk_string_list_append (names, _("— the township itself —"));
  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    {
      g_autofree char *label = unit_label (g_ptr_array_index (self->units, i));
      gtk_string_list_append (names, label);
    }
  return names;
}

static void
fill_units (LedgerRegionsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = NULL;
  g_autoptr (GtkStringList) into = NULL;

  g_clear_pointer (&self->units, g_ptr_array_unref);
  if (chosen_township (self) != NULL)
    self->units = ledger_region_list_units (self->db, chosen_township (self), &error);
  names = unit_names (self, TRUE);
  into = unit_names (self, FALSE);
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->into_row, G_LIST_MODEL (into));
}

static void
update_form (LedgerRegionsPage *self)
{
  LedgerRegionEdit edit = adw_combo_row_get_selected (self->edit_row);

  gtk_widget_set_visible (GTK_WIDGET (self->name_row), edit == LEDGER_REGION_EDIT_RENAME ||
                          edit == LEDGER_REGION_EDIT_SPLIT || edit == LEDGER_REGION_EDIT_ADD);
  gtk_widget_set_visible (GTK_WIDGET (self->into_row), edit == LEDGER_REGION_EDIT_MERGE);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), edit == LEDGER_REGION_EDIT_KIND ||
                          edit == LEDGER_REGION_EDIT_ADD);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row),
                                 edit == LEDGER_REGION_EDIT_SPLIT ? _("Names of the new units (separated by 、)")
                                                                  : _("Name"));
}

static gboolean
merge_into_unit (LedgerRegionsPage  *self,
                 const char         *effective,
                 GError            **error)
{
  guint i = adw_combo_row_get_selected (self->into_row);
  const char *from[] = { chosen_unit (self), NULL };

  if (self->units == NULL || i >= self->units->len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose the unit to merge into."));
      return FALSE;
    }
  return ledger_region_merge (self->db, from, ((LedgerRegion *) g_ptr_array_index (self->units, i))->code,
                              effective, error);
}

static gboolean
apply_edit (LedgerRegionsPage  *self,
            const char         *effective,
            GError            **error)
{
  const char *code = chosen_unit (self);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *kind = adw_combo_row_get_selected (self->kind_row) == 0 ? "village" : "community";
  gboolean township = g_strcmp0 (code, chosen_township (self)) == 0;
  g_auto (GStrv) names = NULL;

  switch ((LedgerRegionEdit) adw_combo_row_get_selected (self->edit_row))
    {
    case LEDGER_REGION_EDIT_RENAME:
      return ledger_region_rename (self->db, code, name, effective, error);
    case LEDGER_REGION_EDIT_KIND:
      return ledger_region_set_kind (self->db, code, kind, effective, error);
    case LEDGER_REGION_EDIT_MERGE:
      return merge_into_unit (self, effective, error);
    case LEDGER_REGION_EDIT_SPLIT:
      names = g_strsplit_set (name, "、,，;；", -1);
      return ledger_region_split (self->db, code, (const char * const *) names, effective, NULL, error);
    case LEDGER_REGION_EDIT_RETIRE:
      return ledger_region_retire (self->db, code, effective, error);
    case LEDGER_REGION_EDIT_ADD:
    default:
      /* under the county: a township; under a township: a village-level unit */
      return ledger_region_add (self->db, township ? code : chosen_township (self), NULL, name,
                                kind, effective, NULL, error);
    }
}

/* ---- signal callbacks ---- */

static void
on_apply_clicked_cb (LedgerRegionsPage *self)
{
  g_autoptr (GError) error = NULL;
  const char *effective = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

  if (!apply_edit (self, effective, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Changed. Progress uses the list as it stood in each year."));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  reload (self);
}

static void
on_plan_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     LedgerRegionsPage *self)
{
  LedgerRegionPlan *plan = g_object_get_data (G_OBJECT (dialog), "plan");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;
  if (!ledger_region_plan_apply (self->db, plan, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("The list was updated."));
  reload (self);
}

static void
on_file_chosen (gpointer    owner,
                const char *path,
                gpointer    national)
{
  ledger_regions_page_review_file (LEDGER_REGIONS_PAGE (owner), path, GPOINTER_TO_INT (national));
}

static void
choose_file (LedgerRegionsPage *self,
             gboolean           national)
{
  LedgerFileChoice choice = {
    .title = national ? _("Choose a National Division List") : _("Choose the County’s List"),
    .action = GTK_FILE_CHOOSER_ACTION_OPEN,
  };

  ledger_choose_file (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self, &choice, on_file_chosen,
                      GINT_TO_POINTER (national), NULL);
}

static void
on_import_clicked_cb (LedgerRegionsPage *self)
{
  choose_file (self, FALSE);
}

static void
on_update_clicked_cb (LedgerRegionsPage *self)
{
  choose_file (self, TRUE);
}

/* ---- building ---- */

static GtkWidget *
suffix_button (AdwActionRow *row,
               const char   *label,
               const char   *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, name);
  adw_action_row_add_suffix (row, button);
  return button;
}

static GtkWidget *
build_source_group (LedgerRegionsPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("List of townships and villages"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("The village sewage rate counts the administrative villages (村) of this list, as it stood at the end of each year."));
  self->source_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), _("Source"));
  adw_action_row_set_subtitle_lines (self->source_row, 3);
  g_signal_connect_swapped (suffix_button (self->source_row, _("_Newer National List…"), "regions-update"),
                            "clicked", G_CALLBACK (on_update_clicked_cb), self);
  self->count_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row), _("Now"));
  g_signal_connect_swapped (suffix_button (self->count_row, _("_Import the County’s List…"), "regions-import"),
                            "clicked", G_CALLBACK (on_import_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->source_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->count_row));
  return group;
}

static AdwComboRow *
new_combo (const char   *title,
           const char   *name,
           GListModel   *model)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), name);
  adw_combo_row_set_model (row, model);
  return row;
}

static GtkWidget *
build_edit_group (LedgerRegionsPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr (GtkStringList) edits = gtk_string_list_new (NULL);
  const char *kinds[] = { _("村 (administrative village)"), _("社区 (community)"), NULL };
  g_autoptr (GtkStringList) kind_list = gtk_string_list_new (kinds);
  g_autofree char *date = today ();

  for (guint i = 0; i < LEDGER_N_REGION_EDITS; i++)
    gtk_string_list_append (edits, _(edit_labels[i]));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Change the list"));
  self->township_row = new_combo (_("Township"), "regions-township", NULL);
  self->unit_row = new_combo (_("Unit"), "regions-unit", NULL);
  self->edit_row = new_combo (_("Change"), "regions-edit", G_LIST_MODEL (edits));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->name_row), "regions-name");
  self->into_row = new_combo (_("Merge into"), "regions-into", NULL);
  self->kind_row = new_combo (_("Kind"), "regions-kind", G_LIST_MODEL (kind_list));
  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Effective from (YYYY-MM-DD)"));
  gtk_widget_set_name (GTK_WIDGET (self->date_row), "regions-date");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply Change"));
  gtk_widget_set_name (self->apply_button, "regions-apply");
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_widget_set_halign (self->apply_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (self->apply_button, 12);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked_cb), self);
  g_signal_connect_swapped (self->township_row, "notify::selected", G_CALLBACK (fill_units), self);
  g_signal_connect_swapped (self->edit_row, "notify::selected", G_CALLBACK (update_form), self);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->township_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->unit_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->edit_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->into_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->apply_button);
  update_form (self);
  return group;
}

static void
add_row (LedgerRegionsPage   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
fill_lists (LedgerRegionsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) changes = ledger_region_list_changes (self->db, &error);

  for (guint i = 0; self->townships != NULL && i < self->townships->len; i++)
    {
      const LedgerTownshipCount *t = g_ptr_array_index (self->townships, i);
      g_autofree char *counts = g_strdup_printf (_("%s · %u administrative villages, %u communities"), t->code,
                                                 t->n_villages, t->n_communities);
      add_row (self, self->townships_group, t->name, counts);
    }
  for (guint i = 0; changes != NULL && i < changes->len && i < 200; i++)
    {
      const LedgerRegionChange *change = g_ptr_array_index (changes, i);
      g_autofree char *line = ledger_region_change_describe (change);
      add_row (self, self->changes_group, line, change->actor);
    }
}

static void
reload (LedgerRegionsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *source = ledger_region_list_source (self->db);
  g_autofree char *summary = NULL;
  guint n_townships = 0, n_villages = 0, n_changes = 0;
  guint selected = adw_combo_row_get_selected (self->township_row);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->townships, g_ptr_array_unref);
  self->townships = ledger_region_list_townships (self->db, &error);
  for (guint i = 0; self->townships != NULL && i < self->townships->len; i++)
    gtk_string_list_append (names, ((LedgerTownshipCount *) g_ptr_array_index (self->townships, i))->name);
  adw_combo_row_set_model (self->township_row, G_LIST_MODEL (names));
  if (selected != GTK_INVALID_LIST_POSITION && selected < g_list_model_get_n_items (G_LIST_MODEL (names)))
    adw_combo_row_set_selected (self->township_row, selected);
  fill_units (self);
  ledger_region_list_count (self->db, 0, &n_townships, &n_villages, &n_changes);
  summary = g_strdup_printf (_("%u townships, %u administrative villages; %u changes made in this ledger"),
                             n_townships, n_villages, n_changes);
  adw_action_row_set_subtitle (self->source_row, source);
  adw_action_row_set_subtitle (self->count_row, summary);
  fill_lists (self);
}

/* ---- GObject ---- */

static void
ledger_regions_page_finalize (GObject *object)
{
  LedgerRegionsPage *self = LEDGER_REGIONS_PAGE (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->county, g_free);
  g_clear_pointer (&self->townships, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (ledger_regions_page_parent_class)->finalize (object);
}

static void
ledger_regions_page_class_init (LedgerRegionsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_regions_page_finalize;
}

static void
ledger_regions_page_init (LedgerRegionsPage *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Townships and Villages"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "view-list-symbolic");
  gtk_widget_set_name (GTK_WIDGET (self), "regions-page");
}

/* ---- public API ---- */

GtkWidget *
ledger_regions_page_new (LedgerDb *db)
{
  LedgerRegionsPage *self = g_object_new (LEDGER_TYPE_REGIONS_PAGE, NULL);

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);

  self->db = g_object_ref (db);
  self->county = ledger_db_dup_region_code (db);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (build_source_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (build_edit_group (self)));
  self->townships_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->townships_group, _("Administrative villages per township"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->townships_group);
  self->changes_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->changes_group, _("Changes made in this ledger"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->changes_group);
  reload (self);
  return GTK_WIDGET (self);
}

/**
 * ledger_regions_page_review_file:
 *
 * Reads the list, and shows every change it would make (and every
 * problem) in a dialog; Apply applies them all, or none.
 */
void
ledger_regions_page_review_file (LedgerRegionsPage *self,
                                 const char        *path,
                                 gboolean           national)
{
  g_autoptr (GError) error = NULL;
  /* the changes take effect from the form's date (today unless changed) */
  g_autofree char *date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  g_autofree char *summary = NULL;
  LedgerRegionPlan *plan = national ? ledger_region_plan_from_divisions (self->db, path, date, &error)
                                    : ledger_region_plan_from_sheet (self->db, path, date, &error);
  GString *text = g_string_new (NULL);
  GtkWidget *dialog, *label, *scrolled;

  if (plan == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < plan->problems->len; i++)
    g_string_append_printf (text, "⚠ %s\n", (const char *) g_ptr_array_index (plan->problems, i));
  for (guint i = 0; i < plan->steps->len; i++)
    {
      g_autofree char *line = ledger_region_step_describe (g_ptr_array_index (plan->steps, i));
      g_string_append_printf (text, "%s\n", line);
    }
  summary = ledger_region_plan_summary (plan);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   national ? _("Changes from the National List") : _("Changes from the County’s List"),
                                   summary);
  gtk_widget_set_name (dialog, "regions-review");
  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", _("_Apply All"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply",
                                           plan->problems->len == 0 && plan->steps->len > 0);
  g_object_set_data_full (G_OBJECT (dialog), "plan", plan, (GDestroyNotify) ledger_region_plan_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_plan_response_cb), self, 0);
  g_string_free (text, TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}
