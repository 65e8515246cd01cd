/* test-marks.c: an item's mark is decided in one place (core's ledger-marks), and the app's
 * CSS classes are made from its one palette (Xvfb) */
#include "config.h"

#include <gtk/gtk.h>

#include "ledger-kinds.h"
#include "ledger-palette.h"

typedef struct
{
  const char *key;
  LedgerMark  mark;
} Expected;

/* every value of an enum has the mark the legend promises */
static void
assert_enum_marks (const char     *enum_name,
                   const Expected *expected,
                   guint           n_expected,
                   LedgerMark    (*mark_for) (const char *key))
{
  const LedgerEnum *e = ledger_enum_by_name (enum_name);

  g_assert_nonnull (e);
  g_assert_cmpuint (e->n_values, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_assert_cmpstr (e->values[i].key, ==, expected[i].key);
      g_assert_cmpint (mark_for (e->values[i].key), ==, expected[i].mark);
    }
}

static LedgerMark
water_body_not_black (const char *key)
{
  return ledger_mark_for_water_body (key, FALSE);
}

static void
test_marks_by_status (void)
{
  static const Expected facilities[] = {
    { "normal", LEDGER_MARK_GOOD }, { "faulty", LEDGER_MARK_BAD }, { "stopped", LEDGER_MARK_STOPPED },
    { "building", LEDGER_MARK_PENDING }, { "planned", LEDGER_MARK_PENDING },
  };
  static const Expected water_bodies[] = {
    { "not_started", LEDGER_MARK_BAD }, { "in_progress", LEDGER_MARK_PENDING },
    { "completed", LEDGER_MARK_GOOD }, { "verified", LEDGER_MARK_GOOD },
  };

  assert_enum_marks ("facility_status", facilities, G_N_ELEMENTS (facilities), ledger_mark_for_facility);
  assert_enum_marks ("water_status", water_bodies, G_N_ELEMENTS (water_bodies), water_body_not_black);
  g_assert_cmpint (ledger_mark_for_facility (NULL), ==, LEDGER_MARK_PENDING);
  g_assert_cmpint (ledger_mark_for_water_body ("verified", TRUE), ==, LEDGER_MARK_STOPPED);
  g_assert_cmpint (ledger_mark_for_water_body (NULL, FALSE), ==, LEDGER_MARK_BAD);

  g_assert_cmpint (ledger_mark_for_farm (TRUE, TRUE), ==, LEDGER_MARK_GOOD);
  g_assert_cmpint (ledger_mark_for_farm (TRUE, FALSE), ==, LEDGER_MARK_BAD);
  g_assert_cmpint (ledger_mark_for_farm (FALSE, TRUE), ==, LEDGER_MARK_PENDING);
  g_assert_cmpint (ledger_mark_for_farm (FALSE, FALSE), ==, LEDGER_MARK_PENDING);

  g_assert_cmpint (ledger_mark_for_village (LEDGER_VILLAGE_EFFECTIVE), ==, LEDGER_MARK_GOOD);
  g_assert_cmpint (ledger_mark_for_village (LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS), ==, LEDGER_MARK_GOOD);
  g_assert_cmpint (ledger_mark_for_village (LEDGER_VILLAGE_NO_RECORD), ==, LEDGER_MARK_STOPPED);
  g_assert_cmpint (ledger_mark_for_village (LEDGER_VILLAGE_NOT_YET), ==, LEDGER_MARK_PENDING);
  g_assert_cmpint (ledger_mark_for_village (LEDGER_VILLAGE_LOW_COVERAGE), ==, LEDGER_MARK_BAD);
  g_assert_cmpint (ledger_mark_for_village (LEDGER_VILLAGE_FACILITY_DOWN), ==, LEDGER_MARK_BAD);
  g_assert_cmpint (ledger_mark_for_village_state (LEDGER_VILLAGE_STATE_EFFECTIVE), ==, LEDGER_MARK_GOOD);
  g_assert_cmpint (ledger_mark_for_village_state (LEDGER_VILLAGE_STATE_NOT_EFFECTIVE), ==, LEDGER_MARK_BAD);
  g_assert_cmpint (ledger_mark_for_village_state (LEDGER_VILLAGE_STATE_NOT_COUNTED), ==,
                   LEDGER_MARK_NOT_COUNTED);
}

/* every mark has its own key, colour and legend words */
static void
test_palette_entries (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint mark = 0; mark < LEDGER_N_PALETTE; mark++)
    {
      const LedgerMarkStyle *style = ledger_mark_style (mark);
      g_autofree char *class_name = g_strconcat ("mark-", style->key, NULL);
      GdkRGBA rgba;

      g_assert_true (g_hash_table_add (seen, (gpointer) style->key));
      g_assert_true (g_hash_table_add (seen, (gpointer) style->color));
      g_assert_cmpuint (strlen (style->color), ==, 7);
      g_assert_true (gdk_rgba_parse (&rgba, style->color));
      g_assert_cmpstr (ledger_mark_legend (mark), !=, "");
      g_assert_cmpstr (ledger_mark_css_class (mark), ==, class_name);
    }
  g_assert_null (ledger_mark_css_class (LEDGER_N_PALETTE));
}

static void
get_color (GtkWidget *widget,
           GdkRGBA   *rgba)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* a label with a mark's class is drawn in the palette's colour: the CSS is made from the palette */
static void
test_palette_css (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *labels[LEDGER_N_PALETTE];
  GtkWidget *plain = gtk_label_new ("plain");
  GdkRGBA before, plain_color;

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_box_append (GTK_BOX (box), plain);
  for (guint mark = 0; mark < LEDGER_N_PALETTE; mark++)
    {
      labels[mark] = gtk_label_new ("●");
      gtk_widget_add_css_class (labels[mark], ledger_mark_css_class (mark));
      gtk_box_append (GTK_BOX (box), labels[mark]);
    }
  gtk_window_present (GTK_WINDOW (window));
  get_color (plain, &plain_color);
  get_color (labels[LEDGER_MARK_GOOD], &before);
  g_assert_true (gdk_rgba_equal (&before, &plain_color));   /* no style sheet has the class yet */

  ledger_palette_install (gtk_widget_get_display (window));
  ledger_palette_install (gtk_widget_get_display (window));   /* once per display */
  for (guint mark = 0; mark < LEDGER_N_PALETTE; mark++)
    {
      GdkRGBA got, expected;

      get_color (labels[mark], &got);
      ledger_mark_color (mark, &expected);
      g_assert_true (gdk_rgba_equal (&got, &expected));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/marks/by-status", test_marks_by_status);
  g_test_add_func ("/marks/palette", test_palette_entries);
  g_test_add_func ("/marks/css", test_palette_css);
  return g_test_run ();
}
