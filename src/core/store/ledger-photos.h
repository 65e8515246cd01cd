/* ledger-photos.h: photos of an inspection, kept in the ledger as blobs
 *
 * A photo's bytes (JPEG or PNG, at most LEDGER_PHOTO_MAX_BYTES) and a
 * thumbnail the app makes (core stays free of image libraries) live in
 * inspection_photos, so they travel with the file, its backups and the update
 * packages. Adding or removing one is one audited transaction.
 */
#pragma once

#include "ledger-db.h"
#include "ledger-exif.h"

G_BEGIN_DECLS

#define LEDGER_PHOTO_MAX_BYTES (20 * 1024 * 1024)

typedef struct
{
  char   *uid;
  char   *inspection_uid;
  char   *file_name;
  GBytes *thumbnail;       /* (nullable) */
  char   *taken_at;        /* (nullable) "YYYY-MM-DD HH:MM:SS" */
} LedgerPhoto;

void        ledger_photo_free      (LedgerPhoto *photo);

/* "image/jpeg", "image/png", or NULL for anything else */
const char *ledger_photo_sniff     (GBytes      *data);
/* Checks @data (JPEG or PNG, not empty, not too large) and stores it with
 * @thumbnail; the name is the file's base name. Returns: (transfer full): the
 * photo's uid, or NULL with a message that names the file and the reason. */
char       *ledger_photo_add       (LedgerDb    *db,
                                    const char  *inspection_uid,
                                    const char  *file_name,
                                    GBytes      *data,
                                    GBytes      *thumbnail,
                                    GError     **error);
/* (element-type LedgerPhoto) (transfer container): the photos of an inspection, oldest first */
GPtrArray  *ledger_photos_load     (LedgerDb    *db,
                                    const char  *inspection_uid,
                                    GError     **error);
/* the full bytes of one photo */
GBytes     *ledger_photo_load_data (LedgerDb    *db,
                                    const char  *photo_uid,
                                    GError     **error);
/* "a.jpg、b.png" (the spreadsheet's 照片 column), or NULL when none */
char       *ledger_photos_dup_names (LedgerDb   *db,
                                    const char *inspection_uid);
gboolean    ledger_photo_delete    (LedgerDb    *db,
                                    const char  *photo_uid,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerPhoto, ledger_photo_free)

G_END_DECLS
