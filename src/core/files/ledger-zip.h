/* ledger-zip.h: a zip archive read from memory with minizip (XLSX, ODS, KMZ) */
#pragma once

#include <glib.h>
#include <unzip.h>

G_BEGIN_DECLS

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
} LedgerZipMemory;

/* NULL when @memory holds no zip; close with unzClose(). @memory must
 * outlive the handle. */
unzFile ledger_zip_open_memory (LedgerZipMemory *memory);

G_END_DECLS
