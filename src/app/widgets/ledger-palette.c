/* ledger-palette.c: the marks' palette as GTK colours and CSS classes
 *
 * The colours live in core's palette (ledger-marks.c) and nowhere else: the
 * style sheet's classes .mark-good, … (text colour) and .mark-swatch.mark-good,
 * … (a legend swatch's fill) are made from it when the application starts.
 */
#include "config.h"

#include "ledger-palette.h"

/**
 * ledger_mark_color:
 * @mark: a mark
 * @rgba: (out): its colour in the palette
 */
void
ledger_mark_color (LedgerMark  mark,
                   GdkRGBA    *rgba)
{
  g_return_if_fail (rgba != NULL);

  if (!gdk_rgba_parse (rgba, ledger_mark_css_color (mark)))
    g_return_if_reached ();
}

/**
 * ledger_mark_css_color:
 * @mark: a mark
 *
 * Returns: the colour of @mark as CSS ("#RRGGBB")
 */
const char *
ledger_mark_css_color (LedgerMark mark)
{
  return ledger_mark_style (mark)->color;
}

/**
 * ledger_mark_css_class:
 * @mark: a mark
 *
 * Returns: (nullable): the CSS class that colours a widget by @mark
 *   ("mark-good"), or %NULL for a value that is no mark
 */
const char *
ledger_mark_css_class (LedgerMark mark)
{
  static const char *classes[LEDGER_N_PALETTE];

  if ((guint) mark >= LEDGER_N_PALETTE)
    return NULL;
  if (classes[mark] == NULL)
    {
      g_autofree char *name = g_strconcat ("mark-", ledger_mark_style (mark)->key, NULL);

      classes[mark] = g_intern_string (name);
    }
  return classes[mark];
}

/**
 * ledger_palette_to_css:
 *
 * Returns: (transfer full): the style sheet of every mark: its class colours
 *   text, and a legend swatch (.mark-swatch) with its class is filled
 */
char *
ledger_palette_to_css (void)
{
  GString *css = g_string_new ("/* made by ledger_palette_to_css () from src/core/marks/ledger-marks.c */\n");

  for (guint mark = 0; mark < LEDGER_N_PALETTE; mark++)
    {
      const char *key = ledger_mark_style (mark)->key, *color = ledger_mark_style (mark)->color;

      g_string_append_printf (css, "@define-color ledger_mark_%s %s;\n", key, color);
      g_string_append_printf (css, ".mark-%s { color: @ledger_mark_%s; }\n", key, key);
      g_string_append_printf (css, ".mark-swatch.mark-%s { background-color: @ledger_mark_%s; }\n", key, key);
    }
  return g_string_free (css, FALSE);
}

/**
 * ledger_palette_install:
 * @display: the display whose widgets are styled
 *
 * Adds the palette's style sheet to @display, beside the application's
 * style.css. Once per display.
 */
void
ledger_palette_install (GdkDisplay *display)
{
  g_autoptr (GtkCssProvider) provider = NULL;
  g_autofree char *css = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "ledger-palette") != NULL)
    return;
  provider = gtk_css_provider_new ();
  css = ledger_palette_to_css ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "ledger-palette", g_object_ref (provider), g_object_unref);
}
