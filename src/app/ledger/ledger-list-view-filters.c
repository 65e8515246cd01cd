/* ledger-list-view-filters.c: the column filters above a list
 *
 * Beside the status: 村 (facilities, farms, water bodies) and 运维单位 /
 * 经营主体 (facilities, farms), drop-downs with a search of the values the
 * loaded rows hold in the chosen township. The township itself is the
 * window's header choice. All combine with the search.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-list-view-private.h"

static GtkDropDown *
find_dropdown (LedgerListView *self,
               GtkDropDown   **dropdowns,
               GtkDropDown    *dropdown,
               LedgerKind     *kind)
{
  for (guint k = 0; k < N_LIST_KINDS; k++)
    if (dropdowns[k] == dropdown)
      {
        *kind = k;
        return dropdown;
      }
  return NULL;
}

/* the value chosen, NULL for the first entry ("All …") */
static const char *
chosen_value (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GStrv choices = g_object_get_data (G_OBJECT (dropdown), "ledger-choices");

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || choices == NULL ||
      selected > g_strv_length (choices))
    return NULL;
  return choices[selected - 1];
}

static void
on_filter_selected_cb (LedgerListView *self,
                       GParamSpec     *pspec,
                       GtkDropDown    *dropdown)
{
  LedgerKind kind;

  if (self->filling)
    return;
  if (find_dropdown (self, self->village_dropdowns, dropdown, &kind))
    ledger_item_list_set_village (self->lists[kind], chosen_value (dropdown));
  else if (find_dropdown (self, self->operator_dropdowns, dropdown, &kind))
    ledger_item_list_set_operator (self->lists[kind], chosen_value (dropdown));
}

static void
setup_ellipsized_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static GtkListItemFactory *
label_factory (gboolean ellipsized)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (ellipsized ? setup_ellipsized_cb : setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  return factory;
}

static GtkDropDown *
make_dropdown (LedgerListView *self,
               const char     *tooltip)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  g_autoptr (GtkListItemFactory) button = label_factory (TRUE);
  g_autoptr (GtkListItemFactory) list = label_factory (FALSE);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_drop_down_set_expression (dropdown, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), tooltip);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_filter_selected_cb),
                           self, G_CONNECT_SWAPPED);
  return dropdown;
}

GtkWidget *
ledger_list_view_make_filters (LedgerListView *self,
                               LedgerKind      kind)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  if (kind != LEDGER_KIND_VILLAGES)
    {
      self->village_dropdowns[kind] = make_dropdown (self, _("Show only the items of this village"));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->village_dropdowns[kind]));
    }
  if (kind == LEDGER_KIND_FACILITIES || kind == LEDGER_KIND_FARMS)
    {
      self->operator_dropdowns[kind] = make_dropdown (self, kind == LEDGER_KIND_FACILITIES
                                                              ? _("Show only the facilities of this operator")
                                                              : _("Show only the farms of this operating entity"));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->operator_dropdowns[kind]));
    }
  ledger_list_view_refill_filters (self, kind);
  return box;
}

/* new choices, keeping the value chosen when it is still there */
static void
refill (LedgerListView *self,
        GtkDropDown    *dropdown,
        const char     *all,
        GStrv           choices,
        void          (*apply) (LedgerItemList *, const char *),
        LedgerItemList *list)
{
  g_autofree char *kept = g_strdup (chosen_value (dropdown));
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, all);
  for (guint i = 0; choices[i]; i++)
    {
      gtk_string_list_append (model, choices[i]);
      if (g_strcmp0 (choices[i], kept) == 0)
        selected = i + 1;
    }
  self->filling = TRUE;
  g_object_set_data_full (G_OBJECT (dropdown), "ledger-choices", choices, (GDestroyNotify) g_strfreev);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
  self->filling = FALSE;
  apply (list, chosen_value (dropdown));
}

void
ledger_list_view_refill_filters (LedgerListView *self,
                                 LedgerKind      kind)
{
  LedgerItemList *list = self->lists[kind];

  if (self->village_dropdowns[kind])
    refill (self, self->village_dropdowns[kind], _("All villages"),
            ledger_item_list_dup_choices (list, TRUE), ledger_item_list_set_village, list);
  if (self->operator_dropdowns[kind])
    refill (self, self->operator_dropdowns[kind],
            kind == LEDGER_KIND_FACILITIES ? _("All operators") : _("All operating entities"),
            ledger_item_list_dup_choices (list, FALSE), ledger_item_list_set_operator, list);
}

void
ledger_list_view_reset_filters (LedgerListView *self)
{
  for (guint k = 0; k < N_LIST_KINDS; k++)
    {
      gtk_drop_down_set_selected (self->status_dropdowns[k], 0);
      if (self->village_dropdowns[k])
        gtk_drop_down_set_selected (self->village_dropdowns[k], 0);
      if (self->operator_dropdowns[k])
        gtk_drop_down_set_selected (self->operator_dropdowns[k], 0);
    }
}
