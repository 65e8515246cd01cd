/* ledger-input.h: reading an input file, bounded
 *
 * Every file a person hands the program (a spreadsheet to import, an
 * outline) is opened once, checked to be a regular file (not a folder, a
 * FIFO that would block forever, or a device like /dev/zero that never
 * ends) and read up to a limit in bytes, whatever its size claims.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* the national list of 620,573 villages is 50 MB as CSV; a file ten times
 * bigger is a mistake (a video, a disk image) and is not read into memory */
#define LEDGER_INPUT_MAX_BYTES ((gsize) 512 * 1024 * 1024)

gboolean ledger_input_read_file (const char  *path,
                                 gsize        max_bytes,
                                 char       **contents,
                                 gsize       *length,
                                 GError     **error);

G_END_DECLS
