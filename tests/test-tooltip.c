/* test-tooltip.c: tooltips as wide as their text (ledger-tooltip.c)
 *
 * GTK 4.8 wrapped a Chinese tooltip at its narrowest width, a character or
 * two a line. A short tip is one line as wide as the text; a long one wraps
 * at LEDGER_TOOLTIP_MAX_COLUMNS, never a column of single characters; a
 * widget's tooltip-text goes through the same label once installed.
 * Needs a display (Xvfb).
 */
#include "config.h"

#include "ledger-tooltip.h"

static int
width_of (GtkWidget *label,
          gboolean   natural)
{
  int minimum, nat;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &nat, NULL, NULL);
  return natural ? nat : minimum;
}

static void
test_short_tip_one_line (void)
{
  GtkWidget *tip = g_object_ref_sink (ledger_tooltip_label_new ("新建对象"));
  GtkWidget *plain = g_object_ref_sink (gtk_label_new ("新建对象"));

  /* the narrowest it may become is the whole text: it never wraps */
  g_assert_cmpint (width_of (tip, FALSE), ==, width_of (plain, TRUE));
  g_assert_cmpint (width_of (tip, TRUE), ==, width_of (plain, TRUE));
  g_object_unref (tip);
  g_object_unref (plain);
}

static void
test_long_tip_wraps_wide (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GtkWidget *tip, *plain, *twenty;

  for (guint i = 0; i < 15; i++)
    g_string_append (text, "行政村生活污水");
  tip = g_object_ref_sink (ledger_tooltip_label_new (text->str));
  plain = g_object_ref_sink (gtk_label_new (text->str));
  twenty = g_object_ref_sink (gtk_label_new ("行政村生活污水行政村生活污水行政村生活"));

  g_assert_true (gtk_label_get_wrap (GTK_LABEL (tip)));
  /* wraps: narrower than its one line, but at least twenty characters a line */
  g_assert_cmpint (width_of (tip, TRUE), <, width_of (plain, TRUE));
  g_assert_cmpint (width_of (tip, FALSE), >=, width_of (twenty, TRUE));
  g_object_unref (tip);
  g_object_unref (plain);
  g_object_unref (twenty);
}

static void
test_markup_counts_its_text (void)
{
  GtkWidget *tip = g_object_ref_sink (ledger_tooltip_label_new ("<b>达标</b> &amp; 未达标"));

  g_assert_false (gtk_label_get_wrap (GTK_LABEL (tip)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tip)), ==, "达标 & 未达标");
  g_object_unref (tip);
}

/* tooltip-text on a toolkit widget answers the query with the sized label */
static void
test_installed_for_widgets (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_label ("+"));
  GtkWidget *bare = g_object_ref_sink (gtk_button_new_with_label ("-"));
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  ledger_tooltip_install ();
  ledger_tooltip_install (); /* twice is harmless */
  gtk_widget_set_tooltip_text (button, "新建对象");
  g_signal_emit_by_name (button, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);
  shown = TRUE;
  g_signal_emit_by_name (bare, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_false (shown);
  g_object_unref (tooltip);
  g_object_unref (button);
  g_object_unref (bare);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tooltip/short-one-line", test_short_tip_one_line);
  g_test_add_func ("/tooltip/long-wraps-wide", test_long_tip_wraps_wide);
  g_test_add_func ("/tooltip/markup", test_markup_counts_its_text);
  g_test_add_func ("/tooltip/installed", test_installed_for_widgets);
  return g_test_run ();
}
