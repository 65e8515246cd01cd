/* ledger-photos.c: photos of an inspection, kept in the ledger as blobs */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-kinds.h"
#include "ledger-photos.h"
#include "ledger-store-private.h"

/* ---- auxiliary functions ---- */

static gboolean
check_photo (const char  *file_name,
             GBytes      *data,
             GError     **error)
{
  gsize size = data ? g_bytes_get_size (data) : 0;

  if (size == 0)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE, _("%s: the file is empty."), file_name);
  else if (size > LEDGER_PHOTO_MAX_BYTES)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                 _("%s: the photo is larger than %d MB: make it smaller first."), file_name,
                 LEDGER_PHOTO_MAX_BYTES / (1024 * 1024));
  else if (ledger_photo_sniff (data) == NULL)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE,
                 _("%s: not a JPEG or PNG picture."), file_name);
  else
    return TRUE;
  return FALSE;
}

static gboolean
insert_photo (LedgerDb    *db,
              const char  *uid,
              const char  *inspection_uid,
              const char  *name,
              GBytes      *data,
              GBytes      *thumbnail,
              const char  *taken_at,
              GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "INSERT INTO inspection_photos (uid, inspection_uid, file_name, data, thumbnail, taken_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, inspection_uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 4, g_bytes_get_data (data, NULL), g_bytes_get_size (data), SQLITE_STATIC);
  if (thumbnail != NULL)
    sqlite3_bind_blob64 (stmt, 5, g_bytes_get_data (thumbnail, NULL), g_bytes_get_size (thumbnail), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, taken_at, -1, SQLITE_TRANSIENT);
  return ledger_db_step_done (db, stmt, error);
}

static gboolean
inspection_exists (LedgerDb    *db,
                   const char  *uid,
                   GError     **error)
{
  gboolean found = FALSE;

  if (!ledger_db_has_row (db, "SELECT 1 FROM inspections WHERE uid = ?1", uid, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND, _("The inspection no longer exists."));
  return found;
}

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) != SQLITE_BLOB)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
}

/* ---- public API ---- */

void
ledger_photo_free (LedgerPhoto *photo)
{
  if (photo == NULL)
    return;
  g_free (photo->uid);
  g_free (photo->inspection_uid);
  g_free (photo->file_name);
  g_clear_pointer (&photo->thumbnail, g_bytes_unref);
  g_free (photo->taken_at);
  g_free (photo);
}

/**
 * ledger_photo_sniff:
 *
 * Returns: (nullable): the picture's type by its first bytes
 */
const char *
ledger_photo_sniff (GBytes *data)
{
  static const guint8 png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  gsize size = 0;
  const guint8 *p = data ? g_bytes_get_data (data, &size) : NULL;

  if (size >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
    return "image/jpeg";
  if (size >= 8 && memcmp (p, png, 8) == 0)
    return "image/png";
  return NULL;
}

/**
 * ledger_photo_add:
 * @thumbnail: (nullable): a small picture for lists, made by the caller
 *
 * Returns: (transfer full) (nullable): the new photo's uid
 */
char *
ledger_photo_add (LedgerDb    *db,
                  const char  *inspection_uid,
                  const char  *file_name,
                  GBytes      *data,
                  GBytes      *thumbnail,
                  GError     **error)
{
  g_autofree char *name = g_path_get_basename (file_name);
  g_autofree char *uid = ledger_uid_new ();
  LedgerExif exif;

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);
  if (!check_photo (name, data, error))
    return NULL;
  ledger_exif_read (g_bytes_get_data (data, NULL), g_bytes_get_size (data), &exif);
  if (!ledger_db_begin (db, error))
    return NULL;
  if (!inspection_exists (db, inspection_uid, error) ||
      !insert_photo (db, uid, inspection_uid, name, data, thumbnail, exif.has_time ? exif.time : NULL, error) ||
      !ledger_db_commit (db, error))
    {
      ledger_db_rollback (db);
      return NULL;
    }
  ledger_db_note_change (db, LEDGER_KIND_INSPECTIONS, inspection_uid);
  return g_steal_pointer (&uid);
}

GPtrArray *
ledger_photos_load (LedgerDb    *db,
                    const char  *inspection_uid,
                    GError     **error)
{
  g_autoptr (GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_photo_free);
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT uid, inspection_uid, file_name, thumbnail, taken_at FROM inspection_photos"
    " WHERE inspection_uid = ?1 ORDER BY rowid", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, inspection_uid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerPhoto *photo = g_new0 (LedgerPhoto, 1);

      photo->uid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      photo->inspection_uid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      photo->file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      photo->thumbnail = column_bytes (stmt, 3);
      photo->taken_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (photos, photo);
    }
  if (rc != SQLITE_DONE)
    {
      ledger_db_set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&photos);
}

GBytes *
ledger_photo_load_data (LedgerDb    *db,
                        const char  *photo_uid,
                        GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, "SELECT data FROM inspection_photos WHERE uid = ?1", error);
  GBytes *data = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, photo_uid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    data = column_bytes (stmt, 0);
  if (data == NULL)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND, _("The photo no longer exists."));
  return data;
}

char *
ledger_photos_dup_names (LedgerDb   *db,
                         const char *inspection_uid)
{
  return ledger_db_lookup_text (db, "SELECT group_concat (file_name, '、') FROM"
                                    " (SELECT file_name FROM inspection_photos WHERE inspection_uid = ? ORDER BY rowid)",
                                inspection_uid, NULL);
}

gboolean
ledger_photo_delete (LedgerDb    *db,
                     const char  *photo_uid,
                     GError     **error)
{
  g_autofree char *inspection = ledger_db_lookup_text (db, "SELECT inspection_uid FROM inspection_photos WHERE uid = ?",
                                                       photo_uid, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (inspection == NULL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND, _("The photo no longer exists."));
      return FALSE;
    }
  if (!ledger_db_begin (db, error))
    return FALSE;
  stmt = ledger_db_prepare (db, "DELETE FROM inspection_photos WHERE uid = ?1", error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, photo_uid, -1, SQLITE_TRANSIENT);
  if (stmt == NULL || !ledger_db_step_done (db, stmt, error) || !ledger_db_commit (db, error))
    {
      g_clear_pointer (&stmt, sqlite3_reset);
      ledger_db_rollback (db);
      return FALSE;
    }
  ledger_db_note_change (db, LEDGER_KIND_INSPECTIONS, inspection);
  return TRUE;
}
