/* ledger-exif.h: the time and GPS position of a photo (JPEG APP1 or PNG eXIf)
 *
 * A small reader of what an inspection needs from a photo's EXIF: its
 * DateTimeOriginal and GPS latitude/longitude. It reads untrusted files:
 * every offset and count is checked against the bytes given.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean has_time;
  char     time[20];     /* "YYYY-MM-DD HH:MM:SS", the camera's local time */
  gboolean has_position;
  double   lat;          /* WGS-84 degrees, south negative */
  double   lon;          /* WGS-84 degrees, west negative */
} LedgerExif;

/* Fills @exif from a JPEG or PNG file's bytes; FALSE when it has neither a
 * valid time nor a valid position (damaged, absent, or not a photo). */
gboolean ledger_exif_read (const guint8 *data,
                           gsize         len,
                           LedgerExif   *exif);

G_END_DECLS
