/* fuzz-outline.c: libFuzzer target for the county outline reader
 *
 * The text of an outline file goes through the datum conversion of
 * ledger-county-outline.c and the polygon reader of ledger-geo.c, as
 * `set-outline` and `init --outline` take it. Every input must be refused
 * with a GError or give an outline whose rings are finite; a crash (deep
 * nesting once overflowed the stack), a sanitizer report or a GLib
 * critical is a bug.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "ledger-county-outline.h"
#include "ledger-geo.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_outline (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerOutline) outline = ledger_outline_new_from_geojson (text, &error);

  if ((outline == NULL) == (error == NULL))
    abort ();
  for (guint i = 0; outline != NULL && i < ledger_outline_get_n_rings (outline); i++)
    {
      guint n;
      const double *xy = ledger_outline_get_ring (outline, i, &n);

      for (guint j = 0; j < 2 * n; j++)
        if (isnan (xy[j]))
          abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  g_autofree char *wgs84 = ledger_county_outline_to_wgs84 (text, LEDGER_DATUM_GCJ02, &error);

  if ((wgs84 == NULL) == (error == NULL))
    abort ();
  check_outline (text);
  if (wgs84 != NULL)
    check_outline (wgs84);
  return 0;
}
