/* ledger-tooltip.c: tooltips as wide as their text
 *
 * GTK 4.8's tooltip wraps its label at the narrowest width it may take, and
 * Chinese text may break after any character: 新建对象 showed as two lines
 * of two characters, longer tips as a column over the content. Tooltips here
 * are a label sized by the text's own width instead: one line up to
 * LEDGER_TOOLTIP_MAX_COLUMNS columns (a Chinese character counts two, as
 * wide as two digits), wrapped at that width beyond.
 *
 * ledger_tooltip_install() makes every widget's tooltip-text / tooltip-markup
 * use it, by replacing the toolkit's default GtkWidgetClass::query_tooltip
 * (the one that sets the tooltip's text) in the widget classes that inherit
 * it; classes with their own handler keep it and chain up to the new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ledger-tooltip.h"

typedef gboolean (*QueryTooltip) (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_tooltip,
                                  GtkTooltip *tooltip);

static QueryTooltip toolkit_query_tooltip;

static guint
text_columns (const char *text)
{
  guint columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return columns;
}

static guint
widest_line_columns (const char *markup)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint widest = 0;

  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    text = g_strdup (markup);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    widest = MAX (widest, text_columns (lines[i]));
  return widest;
}

GtkWidget *
ledger_tooltip_label_new (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint columns;

  g_return_val_if_fail (markup != NULL, NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  columns = widest_line_columns (markup);
  if (columns > LEDGER_TOOLTIP_MAX_COLUMNS)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), LEDGER_TOOLTIP_MAX_COLUMNS);
      gtk_label_set_max_width_chars (GTK_LABEL (label), LEDGER_TOOLTIP_MAX_COLUMNS);
    }
  return label;
}

void
ledger_tooltip_set_text (GtkTooltip *tooltip,
                         const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  gtk_tooltip_set_custom (tooltip, ledger_tooltip_label_new (markup));
}

static gboolean
query_tooltip_sized (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_tooltip,
                     GtkTooltip *tooltip)
{
  const char *markup = gtk_widget_get_tooltip_markup (widget);

  if (markup == NULL || *markup == '\0')
    return toolkit_query_tooltip (widget, x, y, keyboard_tooltip, tooltip);
  gtk_tooltip_set_custom (tooltip, ledger_tooltip_label_new (markup));
  return TRUE;
}

static void
replace_in_class_tree (GType type)
{
  GtkWidgetClass *klass = g_type_class_peek (type);
  g_autofree GType *children = NULL;
  guint n_children;

  if (klass != NULL && klass->query_tooltip == toolkit_query_tooltip)
    klass->query_tooltip = query_tooltip_sized;
  children = g_type_children (type, &n_children);
  for (guint i = 0; i < n_children; i++)
    replace_in_class_tree (children[i]);
}

/* once, at startup; classes made later copy the replaced handler from their parent */
void
ledger_tooltip_install (void)
{
  GtkWidgetClass *widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

  if (toolkit_query_tooltip == NULL)
    {
      toolkit_query_tooltip = widget_class->query_tooltip;
      replace_in_class_tree (GTK_TYPE_WIDGET);
    }
  g_type_class_unref (widget_class);
}
