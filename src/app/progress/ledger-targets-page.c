/* ledger-targets-page.c: Preferences → Targets
 *
 * One group per indicator lists its targets: the county's for every year
 * (which can be changed, not removed) and any override for a year or a
 * township. A group at the top adds one. Every change goes through
 * ledger_targets_set() / ledger_targets_remove(): validated, one
 * transaction, audited; a refusal is shown as a toast with core's message.
 * The form is the template ui/ledger-targets-page.ui; the groups of stored
 * targets, one per indicator, are added here.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-progress.h"
#include "ledger-regions.h"
#include "ledger-targets.h"
#include "ledger-targets-page.h"
#include "ledger-trend-chart.h"

struct _LedgerTargetsPage
{
  AdwPreferencesPage   parent_instance;

  LedgerDb            *db;
  GPtrArray           *scope_codes;  /* char*: "county", then township codes */
  GtkStringList       *scope_names;
  /* template children */
  AdwComboRow         *indicator_row;
  AdwComboRow         *scope_row;
  GtkSpinButton       *year_spin;
  GtkSpinButton       *value_spin;
  GtkWidget           *add_button;
  AdwPreferencesGroup *groups[LEDGER_N_INDICATORS];
  GPtrArray           *rows;         /* GtkWidget*, in the groups */
};

G_DEFINE_FINAL_TYPE (LedgerTargetsPage, ledger_targets_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (LedgerTargetsPage *self);

static void
toast (LedgerTargetsPage *self,
       const char        *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

static const char *
scope_name (LedgerTargetsPage *self,
            const char        *code)
{
  for (guint i = 0; i < self->scope_codes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->scope_codes, i), code))
      return gtk_string_list_get_string (self->scope_names, i);
  return code;
}

/* ---- one stored target ---- */

static void
on_value_changed_cb (GtkSpinButton     *spin,
                     LedgerTargetsPage *self)
{
  const LedgerTarget *target = g_object_get_data (G_OBJECT (spin), "target");
  g_autoptr (GError) error = NULL;

  if (!ledger_targets_set (self->db, target->indicator, target->year, target->scope,
                           gtk_spin_button_get_value (spin) / 100, &error))
    toast (self, error->message);
}

static void
on_remove_clicked_cb (GtkButton         *button,
                      LedgerTargetsPage *self)
{
  const LedgerTarget *target = g_object_get_data (G_OBJECT (button), "target");
  g_autoptr (GError) error = NULL;

  if (!ledger_targets_remove (self->db, target->indicator, target->year, target->scope, &error))
    toast (self, error->message);
  reload (self);
}

static GtkWidget *
new_value_spin (double value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 0.5);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value * 100);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  return spin;
}

static GtkWidget *
new_target_row (LedgerTargetsPage *self,
                LedgerTarget      *target)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = new_value_spin (target->value);
  g_autofree char *year = target->year ? g_strdup_printf ("%d", target->year) : g_strdup (_("Every year"));
  g_autofree char *spin_label = g_strdup_printf (_("Target in %% for %s, %s"),
                                                 scope_name (self, target->scope), year);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scope_name (self, target->scope));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), year);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_label, -1);
  g_object_set_data_full (G_OBJECT (spin), "target", target, (GDestroyNotify) ledger_target_free);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_value_changed_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new ("%"));
  if (target->year != 0 || !g_str_equal (target->scope, LEDGER_TARGET_SCOPE_COUNTY))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove this target"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove this target"), -1);
      g_object_set_data (G_OBJECT (remove), "target", target);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      g_object_set_data (G_OBJECT (row), "remove-button", remove);
    }
  return row;
}

static void
reload (LedgerTargetsPage *self)
{
  g_autoptr (GPtrArray) targets = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);
  if ((targets = ledger_targets_list (self->db, &error)) == NULL)
    {
      toast (self, error->message);
      return;
    }
  /* the rows own their targets */
  g_ptr_array_set_free_func (targets, NULL);
  for (guint i = 0; i < targets->len; i++)
    {
      LedgerTarget *target = g_ptr_array_index (targets, i);
      GtkWidget *row = new_target_row (self, target);

      adw_preferences_group_add (self->groups[target->indicator], row);
      g_ptr_array_add (self->rows, row);
    }
}

/* ---- adding ---- */

static void
on_add_clicked_cb (LedgerTargetsPage *self)
{
  guint indicator = adw_combo_row_get_selected (self->indicator_row);
  guint scope = adw_combo_row_get_selected (self->scope_row);
  g_autoptr (GError) error = NULL;

  if (indicator >= LEDGER_N_INDICATORS || scope >= self->scope_codes->len)
    return;
  if (!ledger_targets_set (self->db, indicator, gtk_spin_button_get_value_as_int (self->year_spin),
                           g_ptr_array_index (self->scope_codes, scope),
                           gtk_spin_button_get_value (self->value_spin) / 100, &error))
    {
      toast (self, error->message);
      return;
    }
  reload (self);
}

static void
fill_indicators (LedgerTargetsPage *self)
{
  g_autoptr (GtkStringList) indicators = gtk_string_list_new (NULL);

  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    gtk_string_list_append (indicators, ledger_indicator_short_name (i));
  adw_combo_row_set_model (self->indicator_row, G_LIST_MODEL (indicators));
}

static void
load_scopes (LedgerTargetsPage *self)
{
  g_autoptr (GPtrArray) townships = ledger_regions_list (self->db, "township", NULL);

  g_ptr_array_add (self->scope_codes, g_strdup (LEDGER_TARGET_SCOPE_COUNTY));
  gtk_string_list_append (self->scope_names, _("Whole county"));
  for (guint i = 0; townships != NULL && i < townships->len; i++)
    {
      LedgerRegion *region = g_ptr_array_index (townships, i);

      g_ptr_array_add (self->scope_codes, g_strdup (region->code));
      gtk_string_list_append (self->scope_names, region->name);
    }
}

/* ---- GObject ---- */

static void
ledger_targets_page_finalize (GObject *object)
{
  LedgerTargetsPage *self = LEDGER_TARGETS_PAGE (object);

  g_clear_object (&self->db);
  g_clear_object (&self->scope_names);
  g_clear_pointer (&self->scope_codes, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (ledger_targets_page_parent_class)->finalize (object);
}

static void
ledger_targets_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LEDGER_TYPE_TARGETS_PAGE);
  G_OBJECT_CLASS (ledger_targets_page_parent_class)->dispose (object);
}

static void
ledger_targets_page_class_init (LedgerTargetsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ledger_targets_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = ledger_targets_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-targets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerTargetsPage, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerTargetsPage, scope_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerTargetsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerTargetsPage, value_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerTargetsPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
ledger_targets_page_init (LedgerTargetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scope_codes = g_ptr_array_new_with_free_func (g_free);
  self->scope_names = gtk_string_list_new (NULL);
  self->rows = g_ptr_array_new ();
  fill_indicators (self);
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (self->scope_names));
  gtk_spin_button_set_value (self->year_spin, ledger_current_year ());
}

GtkWidget *
ledger_targets_page_new (LedgerDb *db)
{
  LedgerTargetsPage *self = g_object_new (LEDGER_TYPE_TARGETS_PAGE, NULL);

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);

  self->db = g_object_ref (db);
  load_scopes (self);
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      self->groups[i] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->groups[i], ledger_indicator_name (i));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->groups[i]);
    }
  reload (self);
  return GTK_WIDGET (self);
}

void
ledger_targets_page_fill_form (LedgerTargetsPage *self,
                               LedgerIndicatorId  indicator,
                               int                year,
                               const char        *scope,
                               double             percent)
{
  g_return_if_fail (LEDGER_IS_TARGETS_PAGE (self));

  adw_combo_row_set_selected (self->indicator_row, indicator);
  for (guint i = 0; i < self->scope_codes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->scope_codes, i), scope))
      adw_combo_row_set_selected (self->scope_row, i);
  gtk_spin_button_set_value (self->year_spin, year);
  gtk_spin_button_set_value (self->value_spin, percent);
}

GtkWidget *
ledger_targets_page_get_add_button (LedgerTargetsPage *self)
{
  g_return_val_if_fail (LEDGER_IS_TARGETS_PAGE (self), NULL);
  return self->add_button;
}

GtkWidget *
ledger_targets_page_get_remove_button (LedgerTargetsPage *self,
                                       guint              row)
{
  g_return_val_if_fail (LEDGER_IS_TARGETS_PAGE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_object_get_data (g_ptr_array_index (self->rows, row), "remove-button");
}

guint
ledger_targets_page_get_n_rows (LedgerTargetsPage *self)
{
  g_return_val_if_fail (LEDGER_IS_TARGETS_PAGE (self), 0);
  return self->rows->len;
}
