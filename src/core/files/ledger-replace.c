/* ledger-replace.c: replacing a file whole, or not at all (see ledger-replace.h) */
#define _GNU_SOURCE   /* renameat2 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "ledger-error.h"
#include "ledger-replace.h"

struct _LedgerReplace
{
  char *target;
  char *temporary;
  int   fd;
};

/* what SQLite may leave beside a database being built */
static const char *const sidecars[] = { "-wal", "-shm", "-journal" };

/* ---- auxiliary functions ---- */

/* @format: a translated message with %s for the file and %s for the reason */
static gboolean
set_file_error (const char  *format,
                const char  *path,
                int          saved_errno,
                GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (ledger_replace_error_is_disk_full (saved_errno))
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED,
                 _("Cannot write “%s”: the disk is full. Free some space or choose another place."), name);
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED, format, name, g_strerror (saved_errno));
  return FALSE;
}

static void
remove_with_sidecars (const char *path)
{
  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, sidecars[i], NULL);
      g_unlink (sidecar);
    }
}

static gboolean
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0 || errno == EINVAL;   /* some file systems cannot sync a folder */
  close (fd);
  return ok;
}

/* ".NAME." followed by the six characters of mkstemp, and nothing else. */
static gboolean
is_temporary_name (const char *entry,
                   const char *prefix)
{
  const char *rest;

  if (!g_str_has_prefix (entry, prefix))
    return FALSE;
  rest = entry + strlen (prefix);
  if (strlen (rest) != 6)
    return FALSE;
  for (const char *p = rest; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/* A leftover's lock is free: its writer is gone. */
static gboolean
remove_if_abandoned (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  gboolean abandoned;

  if (fd < 0)
    return FALSE;
  abandoned = flock (fd, LOCK_EX | LOCK_NB) == 0;
  if (abandoned)
    remove_with_sidecars (path);
  close (fd);
  return abandoned;
}

/* ---- public API ---- */

/**
 * ledger_replace_error_is_disk_full:
 *
 * Returns: whether @saved_errno says the disk (or the user's quota) is full
 */
gboolean
ledger_replace_error_is_disk_full (int saved_errno)
{
  return saved_errno == ENOSPC || saved_errno == EDQUOT;
}

/**
 * ledger_replace_clean_strays:
 * @target: a file that a killed program may have been writing
 *
 * Removes the temporary files of @target that no running program holds.
 *
 * Returns: how many were removed
 */
guint
ledger_replace_clean_strays (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *entry;
  guint n_removed = 0;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (is_temporary_name (entry, prefix))
      g_ptr_array_add (found, g_build_filename (folder, entry, NULL));
  for (guint i = 0; i < found->len; i++)
    n_removed += remove_if_abandoned (g_ptr_array_index (found, i));
  return n_removed;
}

/**
 * ledger_replace_begin:
 * @target: the file to write
 * @error: why the folder cannot take a file
 *
 * Removes abandoned temporary files of @target, then creates and locks a new
 * one beside it: write to ledger_replace_get_temporary(), then commit.
 *
 * Returns: (transfer full) (nullable): the replacement
 */
LedgerReplace *
ledger_replace_begin (const char  *target,
                      GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  LedgerReplace *self;
  int fd;

  ledger_replace_clean_strays (target);
  self = g_new0 (LedgerReplace, 1);
  self->target = g_strdup (target);
  self->temporary = g_build_filename (folder, template, NULL);
  fd = g_mkstemp_full (self->temporary, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (target);
      g_autofree char *folder_name = g_filename_display_name (folder);

      if (ledger_replace_error_is_disk_full (saved_errno))
        set_file_error ("%s%s", target, saved_errno, error);
      else
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED,
                     _("Cannot write “%s”: the folder “%s” cannot be written (%s). Choose another folder."),
                     name, folder_name, g_strerror (saved_errno));
      g_clear_pointer (&self->temporary, g_free);
      ledger_replace_free (self);
      return NULL;
    }
  flock (fd, LOCK_EX);
  self->fd = fd;
  return self;
}

const char *
ledger_replace_get_temporary (LedgerReplace *self)
{
  return self->temporary;
}

int
ledger_replace_get_fd (LedgerReplace *self)
{
  return self->fd;
}

/**
 * ledger_replace_commit:
 * @overwrite: replace an existing target; %FALSE: refuse it (a new ledger
 *   never replaces a file that appeared meanwhile)
 * @error: a full disk, a folder that refuses, an existing target
 *
 * Syncs the temporary file, renames it to the target and syncs the folder.
 * On failure the temporary file stays for ledger_replace_free() to remove.
 */
gboolean
ledger_replace_commit (LedgerReplace  *self,
                       gboolean        overwrite,
                       GError        **error)
{
  int rc;

  g_return_val_if_fail (self->temporary != NULL, FALSE);
  if (fsync (self->fd) != 0)
    return set_file_error (_("Cannot write “%s” (%s)."), self->target, errno, error);
  rc = overwrite ? rename (self->temporary, self->target)
                 : renameat2 (AT_FDCWD, self->temporary, AT_FDCWD, self->target, RENAME_NOREPLACE);
  if (rc != 0 && errno == EEXIST)
    {
      g_autofree char *name = g_filename_display_name (self->target);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                   _("“%s” already exists: it is never overwritten."), name);
      return FALSE;
    }
  if (rc != 0)
    return set_file_error (_("Cannot replace “%s” (%s). Close it if another program has it open, or choose another name."),
                           self->target, errno, error);
  g_clear_pointer (&self->temporary, g_free);
  sync_folder (self->target);
  return TRUE;
}

/**
 * ledger_replace_free:
 *
 * Removes the temporary file unless it was committed, and unlocks it.
 */
void
ledger_replace_free (LedgerReplace *self)
{
  if (self == NULL)
    return;
  if (self->temporary != NULL)
    remove_with_sidecars (self->temporary);
  if (self->fd > 0)
    close (self->fd);
  g_free (self->temporary);
  g_free (self->target);
  g_free (self);
}

/**
 * ledger_replace_write_contents:
 * @target: the file to write, replaced whole
 *
 * Writes @contents to @target through a synced temporary file.
 *
 * Returns: %FALSE with @error (a full disk named as such)
 */
gboolean
ledger_replace_write_contents (const char  *target,
                               const char  *contents,
                               gsize        length,
                               GError     **error)
{
  g_autoptr (LedgerReplace) replace = ledger_replace_begin (target, error);
  gsize done = 0;

  if (replace == NULL)
    return FALSE;
  while (done < length)
    {
      gssize n = write (replace->fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_file_error (_("Cannot write “%s” (%s)."), target, errno, error);
      done += n;
    }
  return ledger_replace_commit (replace, TRUE, error);
}
