/* ledger-input.c: reading an input file, bounded (see ledger-input.h)
 *
 * Errors are LEDGER_ERROR_INPUT_FILE: the command line exits 1 for them,
 * since the ledger is not the cause.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ledger-error.h"
#include "ledger-input.h"

#define CHUNK (1024 * 1024)

/* ---- auxiliary functions ---- */

static gboolean
set_open_error (const char  *name,
                int          saved_errno,
                GError     **error)
{
  switch (saved_errno)
    {
    case ENOENT:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                   _("%s: there is no such file."), name);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                   _("%s: the file cannot be read (permission denied)."), name);
      break;
    case ELOOP:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                   _("%s: the name is a link that leads back to itself."), name);
      break;
    default:
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                   _("%s: the file cannot be read: %s."), name, g_strerror (saved_errno));
    }
  return FALSE;
}

static gboolean
check_regular (const char         *name,
               const struct stat  *info,
               gsize               max_bytes,
               GError            **error)
{
  if (S_ISDIR (info->st_mode))
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                 _("%s: this is a folder, not a file."), name);
  else if (!S_ISREG (info->st_mode))
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                 _("%s: this is not an ordinary file (a device, a pipe or a socket); save the data as a file and choose that."),
                 name);
  else if (info->st_size == 0)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                 _("%s: the file is empty."), name);
  else if ((guint64) info->st_size > max_bytes)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                 _("%s: the file is larger than %u MiB; this is not a ledger. Split it into smaller files."),
                 name, (guint) (max_bytes >> 20));
  else
    return TRUE;
  return FALSE;
}

/* Reads to the end, but never more than @max_bytes: a file may grow while
 * it is read, and its size is only a claim. */
static gboolean
read_all (int          fd,
          const char  *name,
          gsize        max_bytes,
          GByteArray  *bytes,
          GError     **error)
{
  for (;;)
    {
      gsize old_len = bytes->len;
      gssize n;
      int saved_errno;

      g_byte_array_set_size (bytes, old_len + CHUNK);
      n = read (fd, bytes->data + old_len, CHUNK);
      saved_errno = errno;
      g_byte_array_set_size (bytes, old_len + MAX (n, 0));
      if (n < 0 && saved_errno == EINTR)
        continue;
      if (n < 0)
        return set_open_error (name, saved_errno, error);
      if (n == 0)
        return TRUE;
      if (bytes->len > max_bytes)
        {
          struct stat grown = { .st_mode = S_IFREG, .st_size = bytes->len };
          return check_regular (name, &grown, max_bytes, error);
        }
    }
}

/* ---- public API ---- */

/**
 * ledger_input_read_file:
 * @path: a file name in the GLib file name encoding
 * @max_bytes: refuse a file longer than this
 * @contents: (out) (transfer full): the bytes, NUL-terminated
 * @length: (out): their number, without the NUL
 * @error: a LEDGER_ERROR_INPUT_FILE naming the file and the reason
 *
 * Opens @path once and reads it when it is a regular, non-empty file of at
 * most @max_bytes. Never blocks on a FIFO nor reads a device without end.
 *
 * Returns: %TRUE with the contents, %FALSE with @error
 */
gboolean
ledger_input_read_file (const char  *path,
                        gsize        max_bytes,
                        char       **contents,
                        gsize       *length,
                        GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr (GByteArray) bytes = NULL;
  struct stat info;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);

  /* O_NONBLOCK: opening a FIFO without a writer would wait forever */
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return set_open_error (name, errno, error);
  if (fstat (fd, &info) != 0)
    {
      int saved_errno = errno;
      close (fd);
      return set_open_error (name, saved_errno, error);
    }
  if (!check_regular (name, &info, max_bytes, error))
    {
      close (fd);
      return FALSE;
    }
  bytes = g_byte_array_sized_new (info.st_size + 1);
  ok = read_all (fd, name, max_bytes, bytes, error);
  close (fd);
  if (ok && bytes->len == 0)
    ok = check_regular (name, &(struct stat) { .st_mode = S_IFREG, .st_size = 0 }, max_bytes, error);
  if (!ok)
    return FALSE;
  if (length != NULL)
    *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  return TRUE;
}
