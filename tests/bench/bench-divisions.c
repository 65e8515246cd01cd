/* bench-divisions.c: the county picker's index and search over the national list
 *
 * Usage: bench-divisions
 * Times building the province/city/county index from divisions.tsv.gz (once
 * per process: the first call), then every prefix of a few queries as typed
 * one character at a time, as the picker searches on each keystroke.
 * Prints `bench-divisions: index X ms, search median Y ms, max Z ms (N counties)`.
 */
#include "config.h"

#include <glib.h>

#include "ledger-divisions.h"

static const char *const queries[] = { "乐至县", "512022", "四川 安岳", "新疆 喀什", "东城区", "县" };

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* times ledger_division_index_search for every prefix of @query */
static void
time_prefixes (LedgerDivisionIndex *index,
               const char          *query,
               GArray              *times)
{
  for (const char *end = g_utf8_next_char (query);; end = g_utf8_next_char (end))
    {
      g_autofree char *prefix = g_strndup (query, end - query);
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GPtrArray) results = ledger_division_index_search (index, prefix, 100);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, ms);
      g_printerr ("  %-12s %3u results  %.3f ms\n", prefix, results->len, ms);
      if (*end == '\0')
        break;
    }
}

int
main (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start = g_get_monotonic_time ();
  LedgerDivisionIndex *index = ledger_division_index_get (&error);
  double index_ms = (g_get_monotonic_time () - start) / 1000.0;

  if (index == NULL)
    {
      g_printerr ("bench-divisions: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    time_prefixes (index, queries[i], times);
  g_array_sort (times, compare_doubles);
  g_print ("bench-divisions: index %.1f ms, search median %.3f ms, max %.3f ms (%u counties)\n",
           index_ms, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len - 1), ledger_division_index_get_n_counties (index));
  return 0;
}
