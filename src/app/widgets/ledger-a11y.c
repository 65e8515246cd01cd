/* ledger-a11y.c: accessible names for icon-only buttons */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-a11y.h"

void
ledger_a11y_set_icon_button_label (GtkWidget  *button,
                                   const char *label)
{
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static const char *
icon_name_of (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));
  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
        return gtk_button_get_icon_name (GTK_BUTTON (widget));
      if (GTK_IS_IMAGE (child) && gtk_image_get_storage_type (GTK_IMAGE (child)) == GTK_IMAGE_ICON_NAME)
        return gtk_image_get_icon_name (GTK_IMAGE (child));
      if (GTK_IS_IMAGE (child))
        return "";
    }
  return NULL;
}

/* labels for the toolkit's icon buttons that have no tooltip of their own */
static const char *
fallback_label (const char *icon_name)
{
  if (g_strcmp0 (icon_name, "zoom-in-symbolic") == 0)
    return _("Zoom in");
  if (g_strcmp0 (icon_name, "zoom-out-symbolic") == 0)
    return _("Zoom out");
  if (g_strcmp0 (icon_name, "window-close-symbolic") == 0)
    return _("Close");
  return NULL;
}

static void
name_icon_button (GtkWidget *button)
{
  const char *icon_name = icon_name_of (button);
  g_autofree char *tooltip = NULL;

  if (icon_name == NULL || GTK_IS_MENU_BUTTON (gtk_widget_get_parent (button)))
    return;
  tooltip = gtk_widget_get_tooltip_text (button) ? g_strdup (gtk_widget_get_tooltip_text (button)) : NULL;
  if (tooltip == NULL && fallback_label (icon_name) != NULL)
    tooltip = g_strdup (fallback_label (icon_name));
  if (tooltip != NULL)
    ledger_a11y_set_icon_button_label (button, tooltip);
}

void
ledger_a11y_name_icon_buttons (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root))
    name_icon_button (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ledger_a11y_name_icon_buttons (child);
}
