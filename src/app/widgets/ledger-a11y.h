/* ledger-a11y.h: accessible names for icon-only buttons */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives every icon-only button under @root (GtkButton, GtkToggleButton,
 * GtkMenuButton) its tooltip as accessible name; the toolkit's own icon
 * buttons that come without a tooltip (the map's zoom buttons, the search
 * bar's close button) get both. Call once the widget's template is built. */
void ledger_a11y_name_icon_buttons (GtkWidget *root);

/* an icon-only button's tooltip and accessible name at once */
void ledger_a11y_set_icon_button_label (GtkWidget  *button,
                                        const char *label);

G_END_DECLS
