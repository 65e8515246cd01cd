/* ledger-zip.c: minizip's I/O callbacks over a buffer in memory
 *
 * The same as the XLSX reader's; KMZ files are read through these.
 */
#include "config.h"

#include <string.h>

#include "ledger-zip.h"

static voidpf
memory_open (voidpf      opaque,
             const void *filename,
             int         mode)
{
  LedgerZipMemory *file = opaque;

  file->pos = 0;
  return file;
}

static uLong
memory_read (voidpf  opaque,
             voidpf  stream,
             void   *buf,
             uLong   size)
{
  LedgerZipMemory *file = opaque;
  gsize n = MIN ((gsize) size, file->len - file->pos);

  memcpy (buf, file->data + file->pos, n);
  file->pos += n;
  return n;
}

static uLong
memory_write (voidpf      opaque,
              voidpf      stream,
              const void *buf,
              uLong       size)
{
  return 0;
}

static ZPOS64_T
memory_tell (voidpf opaque,
             voidpf stream)
{
  return ((LedgerZipMemory *) opaque)->pos;
}

static long
memory_seek (voidpf   opaque,
             voidpf   stream,
             ZPOS64_T offset,
             int      origin)
{
  LedgerZipMemory *file = opaque;
  ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_CUR ? file->pos
                : origin == ZLIB_FILEFUNC_SEEK_END ? file->len : 0;

  if (offset > file->len || base + offset > file->len)
    return -1;
  file->pos = base + offset;
  return 0;
}

static int
memory_close (voidpf opaque,
              voidpf stream)
{
  return 0;
}

static int
memory_error (voidpf opaque,
              voidpf stream)
{
  return 0;
}

unzFile
ledger_zip_open_memory (LedgerZipMemory *memory)
{
  zlib_filefunc64_def functions = {
    memory_open, memory_read, memory_write, memory_tell, memory_seek,
    memory_close, memory_error, memory,
  };

  return unzOpen2_64 ("archive.zip", &functions);
}
