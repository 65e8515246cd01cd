/* ledger-indicator-help.c: how each indicator is computed (docs/RULES.md)
 *
 * The ⓘ button of a Progress card opens a popover that says what counts in
 * the numerator and the denominator, the rule values the ledger uses now
 * (coverage threshold, scale-farm standard, manure coefficients) and where
 * the indicator comes from.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-indicator-help.h"
#include "ledger-rules.h"
#include "ledger-rules-edit.h"

static char *
format_percent (double ratio)
{
  return g_strdup_printf ("%.0f %%", ratio * 100);
}

static char *
scale_standard_name (LedgerDb          *db,
                     const LedgerRules *rules)
{
  g_autoptr (GPtrArray) standards = ledger_rules_list_scale_standards (db, NULL);

  for (guint i = 0; standards != NULL && i < standards->len; i++)
    {
      LedgerScaleStandard *standard = g_ptr_array_index (standards, i);

      if (g_strcmp0 (standard->key, rules->scale_standard) == 0)
        return standard->source && *standard->source
               ? g_strdup_printf ("%s (%s)", standard->name, standard->source)
               : g_strdup (standard->name);
    }
  return g_strdup (rules->scale_standard);
}

static char *
explain_village_sewage (const LedgerRules *rules)
{
  g_autofree char *threshold = format_percent (rules->coverage_threshold);

  return g_strdup_printf (_("Rate = villages treated effectively ÷ administrative villages.\n\n"
                            "Numerator: administrative villages whose treatment mode is not “none”, "
                            "whose covered households reach the coverage threshold (now %s of the households), "
                            "and with no facility serving them stopped or faulty. A village without a household "
                            "count passes on its mode alone, with a warning.\n\n"
                            "Denominator: every administrative village (村委会, code 200–399) in the scope; "
                            "communities never count.\n\n"
                            "The coverage threshold is 本地口径 (a local assumption): no national or Sichuan "
                            "source sets one. Source of the indicator and its 75 %% target: the Lezhi county "
                            "plan, 专栏1 (9); 《农村人居环境整治提升五年行动方案（2021—2025年）》 sets no number."),
                          threshold);
}

static char *
explain_manure (const LedgerRules *rules)
{
  return g_strdup_printf (_("Rate = manure utilised (t) ÷ manure produced (t), over every farm in the scope, "
                            "with each farm’s figures of the year or the latest year before it.\n\n"
                            "When a farm’s production is blank it is estimated from its stock: "
                            "pig %.2f, beef %.1f, sheep %.2f, layers %.3f t per head and year match a published "
                            "table of daily excretion × 365; dairy %.1f, broilers %.3f, other poultry %.3f and "
                            "goats, ducks, geese and rabbits are unverified (no table found; "
                            "NY/T 4755-2025 was not found). Edit them in Preferences.\n\n"
                            "Source of the indicator: 《关于加快推进畜禽养殖废弃物资源化利用的意见》"
                            "(国办发〔2017〕48号)."),
                          rules->manure_t_per_head_year[LEDGER_SPECIES_PIG],
                          rules->manure_t_per_head_year[LEDGER_SPECIES_BEEF],
                          rules->manure_t_per_head_year[LEDGER_SPECIES_SHEEP_GOAT],
                          rules->manure_t_per_head_year[LEDGER_SPECIES_LAYER],
                          rules->manure_t_per_head_year[LEDGER_SPECIES_DAIRY],
                          rules->manure_t_per_head_year[LEDGER_SPECIES_BROILER],
                          rules->manure_t_per_head_year[LEDGER_SPECIES_OTHER_POULTRY]);
}

static const char *
pig_equivalent_note (const LedgerRules *rules)
{
  if (rules->pig_equivalent_ratios == LEDGER_PIG_EQUIVALENT_GB18596)
    return _("猪当量 by GB 18596-2001 (1.2.2, 1.2.5): 30 layers, 60 broilers, 1 dairy cow = 10, "
             "1 beef = 5, 3 sheep = 1 pig.");
  return _("猪当量: 100 pigs = 15 dairy = 30 beef = 250 sheep = 2,500 poultry (source not confirmed; "
           "GB 18596-2001’s ratios can be chosen in Preferences).");
}

static char *
explain_scale_farms (LedgerDb          *db,
                     const LedgerRules *rules)
{
  g_autofree char *standard = scale_standard_name (db, rules);

  return g_strdup_printf (_("Rate = scale farms with matched manure treatment facilities ÷ scale farms.\n\n"
                            "A farm is a scale farm when its stock or annual output reaches the threshold "
                            "of its species in the standard in use: %s (Preferences → Rules). Sichuan’s "
                            "standard (2017-07-24) was made for pollution control; the national one "
                            "(announced 2025-07-04, in force 2025-09-01) is a filing standard measured by "
                            "design capacity.\n\n%s\n\n"
                            "Target 100 %%: Lezhi sets none for 2025; the national figure is ≥ 97 %%.\n\n"
                            "Source: 《关于加快推进畜禽养殖废弃物资源化利用的意见》(国办发〔2017〕48号)."),
                          standard, pig_equivalent_note (rules));
}

static char *
explain_water_bodies (const LedgerRules *rules,
                      gboolean           all)
{
  g_autofree char *scope = all
    ? g_strdup (_("Every listed body counts, whatever its area; there is no default target."))
    : g_strdup_printf (_("Only bodies of %.0f m² or more count (the national supervision list, the scope "
                         "of the 2025 goal “基本消除较大面积农村黑臭水体” and of the Lezhi plan); a body "
                         "without an area counts and is flagged “面积未填”."),
                       rules->national_list_area_m2);

  return g_strdup_printf (_("Rate = water bodies remediated ÷ listed black-odorous water bodies.\n\n%s\n\n"
                            "Numerator: bodies whose status is completed or verified, completed in or before "
                            "the year (a completed body without a date counts). Bodies under %.0f m² are "
                            "outside the survey and are flagged.\n\n"
                            "Level “参考（城市黑臭水体分级）”: the urban guide’s bands over the last three "
                            "samples; NH3-N above 15 mg/L alone makes “heavy”.\n\n"
                            "Source: 《农村黑臭水体治理工作指南》 (生态环境部办公厅、水利部办公厅、"
                            "农业农村部办公厅, 2023/2024 revision of the 2019 trial guide)."),
                          scope, rules->survey_min_area_m2);
}

char *
ledger_indicator_explain (LedgerDb          *db,
                          LedgerIndicatorId  id)
{
  g_autoptr (LedgerRules) rules = db ? ledger_rules_load (db, NULL) : NULL;

  if (rules == NULL)
    rules = ledger_rules_new_default ();
  switch (id)
    {
    case LEDGER_INDICATOR_VILLAGE_SEWAGE:
      return explain_village_sewage (rules);
    case LEDGER_INDICATOR_MANURE_UTILISATION:
      return explain_manure (rules);
    case LEDGER_INDICATOR_SCALE_FARM_FACILITIES:
      return explain_scale_farms (db, rules);
    case LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED_ALL:
      return explain_water_bodies (rules, TRUE);
    case LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED:
    case LEDGER_N_INDICATORS:
    default:
      return explain_water_bodies (rules, FALSE);
    }
}

/* ---- the button ---- */

static void
on_popover_show_cb (GtkPopover *popover,
                    GtkWidget  *button)
{
  LedgerDb *db = g_object_get_data (G_OBJECT (button), "ledger-db");
  LedgerIndicatorId id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "indicator"));
  GtkLabel *text = g_object_get_data (G_OBJECT (button), "text");
  g_autofree char *explanation = ledger_indicator_explain (db, id);

  gtk_label_set_label (text, explanation);
}

static GtkWidget *
new_popover (LedgerIndicatorId  id,
             GtkWidget         *button)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (ledger_indicator_name (id));
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 48);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data (G_OBJECT (button), "text", text);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show_cb), button, 0);
  return popover;
}

GtkWidget *
ledger_indicator_help_button_new (LedgerIndicatorId id)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *label = g_strdup_printf (_("How “%s” is computed"), ledger_indicator_name (id));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "help-about-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("How this is computed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "indicator", GUINT_TO_POINTER (id));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), new_popover (id, button));
  return button;
}

void
ledger_indicator_help_button_set_db (GtkWidget *button,
                                     LedgerDb  *db)
{
  g_object_set_data_full (G_OBJECT (button), "ledger-db", db ? g_object_ref (db) : NULL, g_object_unref);
}
