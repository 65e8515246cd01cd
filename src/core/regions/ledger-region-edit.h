/* ledger-region-edit.h: changing the county's own list, with effective dates (issue 18)
 *
 * Each change is one transaction, audited by the schema's triggers and
 * recorded in region_changes, dated by @effective (YYYY-MM-DD, not in the
 * future, after the unit's last change). A unit without a national code gets
 * a local one: its parent's code, "L" and two digits (512022101L01 for a
 * village, 512022L01 for a township). National codes are decimal digits
 * only, so a local code can never equal one, while it keeps the length and
 * the prefix that tell a code's level and township.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

gboolean  ledger_region_add         (LedgerDb            *db,
                                     const char          *parent,
                                     const char          *code,
                                     const char          *name,
                                     const char          *kind,
                                     const char          *effective,
                                     char               **new_code,
                                     GError             **error);
gboolean  ledger_region_rename      (LedgerDb            *db,
                                     const char          *code,
                                     const char          *name,
                                     const char          *effective,
                                     GError             **error);
gboolean  ledger_region_set_kind    (LedgerDb            *db,
                                     const char          *code,
                                     const char          *kind,
                                     const char          *effective,
                                     GError             **error);
gboolean  ledger_region_merge       (LedgerDb            *db,
                                     const char * const  *from_codes,
                                     const char          *into_code,
                                     const char          *effective,
                                     GError             **error);
gboolean  ledger_region_split       (LedgerDb            *db,
                                     const char          *code,
                                     const char * const  *names,
                                     const char          *effective,
                                     char              ***new_codes,
                                     GError             **error);
gboolean  ledger_region_retire      (LedgerDb            *db,
                                     const char          *code,
                                     const char          *effective,
                                     GError             **error);

gboolean  ledger_region_is_local_code (const char        *code);
gboolean  ledger_region_check_date  (const char          *effective,
                                     GError             **error);

G_END_DECLS
