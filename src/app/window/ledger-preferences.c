/* ledger-preferences.c: base map settings (GSettings) and the ledger's rules
 *
 * The rules live in the ledger, not in GSettings: each change goes through
 * ledger_rules_set(), which validates it and leaves a line in the audit log.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-a11y.h"
#include "ledger-base-map.h"
#include "ledger-file-chooser.h"
#include "ledger-settings.h"
#include "ledger-preferences.h"
#include "ledger-rules.h"
#include "ledger-rules-edit.h"
#include "ledger-regions-page.h"
#include "ledger-targets-page.h"

struct _LedgerPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  LedgerDb             *db;
  GPtrArray            *standards;   /* LedgerScaleStandard */
  gboolean              loading;

  /* template children */
  AdwComboRow          *base_map_row;
  AdwEntryRow          *url_row;
  AdwEntryRow          *tianditu_key_row;
  AdwActionRow         *mbtiles_row;
  AdwPreferencesPage   *rules_page;
  AdwActionRow         *coverage_row;
  AdwComboRow          *scale_row;
  AdwComboRow          *pig_row;
  AdwActionRow         *survey_row;
  AdwPreferencesGroup  *manure_group;
  AdwActionRow         *area_row;
};

G_DEFINE_FINAL_TYPE (LedgerPreferencesWindow, ledger_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* in the order of the combo row */
static const char *const base_map_nicks[] = { "tianditu-vector", "tianditu-imagery", "osm", "url-template", "mbtiles", "none" };

/* ---- auxiliary ---- */

static void
toast (LedgerPreferencesWindow *self,
       const char              *title)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
}

static void
save_rule (LedgerPreferencesWindow *self,
           const char              *key,
           const char              *value)
{
  g_autoptr (GError) error = NULL;

  if (self->loading || self->db == NULL)
    return;
  if (!ledger_rules_set (self->db, key, value, &error))
    toast (self, error->message);
}

static void
on_rule_spin_changed_cb (GtkSpinButton           *spin,
                         LedgerPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "rule-key");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%g", gtk_spin_button_get_value (spin));
  save_rule (self, key, buffer);
}

static GtkWidget *
add_rule_spin (LedgerPreferencesWindow *self,
               AdwActionRow            *row,
               const char              *key,
               double                   value,
               double                   lower,
               double                   upper,
               double                   step,
               guint                    digits)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (value, lower, upper, step, step * 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, step, digits);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  g_object_set_data_full (G_OBJECT (spin), "rule-key", g_strdup (key), g_free);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_rule_spin_changed_cb), self);
  adw_action_row_add_suffix (row, spin);
  adw_action_row_set_activatable_widget (row, spin);
  return spin;
}

static void
add_manure_rows (LedgerPreferencesWindow *self,
                 const LedgerRules       *rules)
{
  const LedgerEnum *species = ledger_enum_by_name ("species");

  for (guint i = 0; i < LEDGER_N_SPECIES; i++)
    {
      const char *key = ledger_species_to_key (i);
      g_autofree char *rule = g_strconcat ("manure_t_per_head_year.", key, NULL);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     species ? ledger_enum_display (species, key) : key);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("t per head and year"));
      add_rule_spin (self, ADW_ACTION_ROW (row), rule, rules->manure_t_per_head_year[i],
                     0.001, 100, 0.001, 3);
      adw_preferences_group_add (self->manure_group, row);
    }
}

static void
fill_scale_standards (LedgerPreferencesWindow *self,
                      const LedgerRules       *rules)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  /* entry 0: by province (stored "auto"), then the standards */
  gtk_string_list_append (names, _("By province (Sichuan’s in 51xxxx, else national)"));
  self->standards = ledger_rules_list_scale_standards (self->db, NULL);
  for (guint i = 0; self->standards != NULL && i < self->standards->len; i++)
    {
      LedgerScaleStandard *standard = g_ptr_array_index (self->standards, i);

      gtk_string_list_append (names, standard->name);
      if (!rules->scale_standard_by_province && g_strcmp0 (standard->key, rules->scale_standard) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->scale_row, selected);
}

/* in the order of LedgerPigEquivalentRatios */
static void
fill_pig_ratios (LedgerPreferencesWindow *self,
                 const LedgerRules       *rules)
{
  const char *ratios[] = { _("Common (source not confirmed)"), _("GB 18596-2001"), NULL };
  g_autoptr (GtkStringList) names = gtk_string_list_new (ratios);

  adw_combo_row_set_model (self->pig_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->pig_row, rules->pig_equivalent_ratios);
}

static void
load_rules (LedgerPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRules) rules = ledger_rules_load (self->db, &error);
  gboolean writable = !ledger_db_is_read_only (self->db);

  if (rules == NULL)
    {
      toast (self, error->message);
      rules = ledger_rules_new_default ();
    }
  self->loading = TRUE;
  add_rule_spin (self, self->coverage_row, "coverage_threshold", rules->coverage_threshold,
                 0.01, 1, 0.05, 2);
  add_rule_spin (self, self->area_row, "national_list_area_m2", rules->national_list_area_m2,
                 1, 1e7, 100, 0);
  add_rule_spin (self, self->survey_row, "survey_min_area_m2", rules->survey_min_area_m2,
                 1, 1e7, 10, 0);
  fill_scale_standards (self, rules);
  fill_pig_ratios (self, rules);
  add_manure_rows (self, rules);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rules_page), writable);
  self->loading = FALSE;
}

/* ---- signal callbacks ---- */

static void
on_scale_selected_cb (LedgerPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->scale_row);
  LedgerScaleStandard *standard;

  if (selected == 0)
    {
      save_rule (self, "scale_standard", "auto");
      return;
    }
  if (self->standards == NULL || selected > self->standards->len)
    return;
  standard = g_ptr_array_index (self->standards, selected - 1);
  save_rule (self, "scale_standard", standard->key);
}

static void
on_pig_selected_cb (LedgerPreferencesWindow *self)
{
  save_rule (self, "pig_equivalent_ratios",
             ledger_pig_equivalent_ratios_to_key (adw_combo_row_get_selected (self->pig_row)));
}

static void
update_base_map_rows (LedgerPreferencesWindow *self)
{
  g_autofree char *nick = g_settings_get_string (self->settings, "base-map");
  g_autofree char *mbtiles = g_settings_get_string (self->settings, "mbtiles-file");

  gtk_widget_set_visible (GTK_WIDGET (self->url_row), g_str_equal (nick, "url-template"));
  gtk_widget_set_visible (GTK_WIDGET (self->tianditu_key_row), g_str_has_prefix (nick, "tianditu-"));
  gtk_widget_set_visible (GTK_WIDGET (self->mbtiles_row), g_str_equal (nick, "mbtiles"));
  adw_action_row_set_subtitle (self->mbtiles_row, mbtiles[0] ? mbtiles : _("No file chosen"));
}

static void
on_base_map_selected_cb (LedgerPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->base_map_row);

  if (selected < G_N_ELEMENTS (base_map_nicks))
    g_settings_set_string (self->settings, "base-map", base_map_nicks[selected]);
  update_base_map_rows (self);
}

static void
on_url_row_apply_cb (LedgerPreferencesWindow *self,
                     AdwEntryRow             *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (!strstr (text, "{x}") || !strstr (text, "{y}") || !strstr (text, "{z}"))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      toast (self, _("The URL template must contain {x}, {y} and {z}."));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_settings_set_string (self->settings, "url-template", text);
}

/* Stored in GSettings like the other map settings: a Tianditu browser key
 * grants tiles only, no account or data (the schema says so). */
static void
on_tianditu_key_row_apply_cb (LedgerPreferencesWindow *self,
                              AdwEntryRow             *row)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (!ledger_base_map_key_is_valid (key))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      toast (self, _("A Tianditu key is letters and digits only, as tianditu.gov.cn shows it."));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_settings_set_string (self->settings, "tianditu-key", key);
}

static void
on_mbtiles_chosen (gpointer    owner,
                   const char *path,
                   gpointer    data)
{
  LedgerPreferencesWindow *self = owner;

  g_settings_set_string (self->settings, "mbtiles-file", path);
  update_base_map_rows (self);
}

static void
on_mbtiles_choose_clicked_cb (LedgerPreferencesWindow *self)
{
  g_autoptr (GtkFileFilter) filter = ledger_file_filter_new (_("MBTiles files"), "*.mbtiles", NULL);
  LedgerFileChoice choice = { .title = _("Choose an MBTiles File"), .action = GTK_FILE_CHOOSER_ACTION_OPEN, .filter = filter };

  ledger_choose_file (GTK_WINDOW (self), self, &choice, on_mbtiles_chosen, NULL, NULL);
}

/* ---- GObject ---- */

static void
ledger_preferences_window_finalize (GObject *object)
{
  LedgerPreferencesWindow *self = LEDGER_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->db);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  G_OBJECT_CLASS (ledger_preferences_window_parent_class)->finalize (object);
}

static void
ledger_preferences_window_class_init (LedgerPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ledger_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, base_map_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, tianditu_key_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, mbtiles_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, rules_page);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, coverage_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, scale_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, pig_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, survey_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, manure_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, area_row);
  gtk_widget_class_bind_template_callback (widget_class, on_url_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tianditu_key_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mbtiles_choose_clicked_cb);
}

static void
ledger_preferences_window_init (LedgerPreferencesWindow *self)
{
  g_autofree char *nick = NULL;
  g_autofree char *template = NULL;
  g_autofree char *key = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  ledger_a11y_name_icon_buttons (GTK_WIDGET (self));
  self->settings = ledger_settings_new ();
  nick = g_settings_get_string (self->settings, "base-map");
  template = g_settings_get_string (self->settings, "url-template");

  for (guint i = 0; i < G_N_ELEMENTS (base_map_nicks); i++)
    if (g_str_equal (nick, base_map_nicks[i]))
      adw_combo_row_set_selected (self->base_map_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), template);
  key = g_settings_get_string (self->settings, "tianditu-key");
  gtk_editable_set_text (GTK_EDITABLE (self->tianditu_key_row), key);
  update_base_map_rows (self);
  g_signal_connect_swapped (self->base_map_row, "notify::selected", G_CALLBACK (on_base_map_selected_cb), self);
  g_signal_connect_swapped (self->scale_row, "notify::selected", G_CALLBACK (on_scale_selected_cb), self);
  g_signal_connect_swapped (self->pig_row, "notify::selected", G_CALLBACK (on_pig_selected_cb), self);
}

/* ---- public ---- */

GtkWindow *
ledger_preferences_window_new (GtkWindow *parent,
                               LedgerDb  *db)
{
  LedgerPreferencesWindow *self = g_object_new (LEDGER_TYPE_PREFERENCES_WINDOW,
                                                "transient-for", parent,
                                                "modal", TRUE,
                                                NULL);

  if (db != NULL)
    {
      self->db = g_object_ref (db);
      load_rules (self);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (ledger_targets_page_new (db)));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (ledger_regions_page_new (db)));
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->rules_page), FALSE);
  return GTK_WINDOW (self);
}
