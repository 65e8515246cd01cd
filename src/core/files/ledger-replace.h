/* ledger-replace.h: replacing a file whole, or not at all
 *
 * A new file (an export, a new ledger) is written to a hidden temporary file
 * beside its target, ".NAME.XXXXXX", synced to disk, then renamed into place
 * and the folder synced: a crash leaves the old file or the new one, never
 * half of one. While it is written, the temporary file is locked (flock);
 * one whose lock is free is a leftover of a killed program, and the next
 * write to the same target removes it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LedgerReplace LedgerReplace;

LedgerReplace *ledger_replace_begin           (const char     *target,
                                               GError        **error);
const char    *ledger_replace_get_temporary   (LedgerReplace  *self);
int            ledger_replace_get_fd          (LedgerReplace  *self);
gboolean       ledger_replace_commit          (LedgerReplace  *self,
                                               gboolean        overwrite,
                                               GError        **error);
void           ledger_replace_free            (LedgerReplace  *self);
guint          ledger_replace_clean_strays    (const char     *target);
gboolean       ledger_replace_write_contents  (const char     *target,
                                               const char     *contents,
                                               gsize           length,
                                               GError        **error);
gboolean       ledger_replace_error_is_disk_full (int          saved_errno);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerReplace, ledger_replace_free)

G_END_DECLS
