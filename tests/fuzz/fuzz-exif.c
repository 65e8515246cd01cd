/* fuzz-exif.c: libFuzzer target for the EXIF reader of photos
 *
 * The bytes of a file attached to an inspection go through
 * ledger_exif_read() (JPEG APP1 or PNG eXIf, then the TIFF structure), as
 * "Attach Photo…" and ledger_photo_add() give them. Whatever it returns must
 * be a real time and a position on the globe; a crash, a read past the
 * input (AddressSanitizer) or a hang is a bug.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-exif.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  LedgerExif exif;
  gboolean found = ledger_exif_read (data, size, &exif);

  if (found != (exif.has_time || exif.has_position))
    abort ();
  if (exif.has_time && (strlen (exif.time) != 19 || exif.time[4] != '-' || exif.time[10] != ' '))
    abort ();
  if (exif.has_position && (!isfinite (exif.lat) || !isfinite (exif.lon) || fabs (exif.lat) > 90 || fabs (exif.lon) > 180))
    abort ();
  return 0;
}
