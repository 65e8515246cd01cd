/* ledger-rules-edit.h: changing the ledger's rules (docs/RULES.md), audited */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

/* One scale-farm standard the ledger knows (规模养殖场标准). */
typedef struct
{
  char *key;        /* "mara2025" */
  char *name;       /* "农业农村部畜禽规模养殖场标准 (2025)" */
  char *source;
  char *effective;  /* YYYY-MM-DD or NULL */
} LedgerScaleStandard;

void       ledger_scale_standard_free       (LedgerScaleStandard *standard);

gboolean   ledger_rules_set                 (LedgerDb    *db,
                                             const char  *key,
                                             const char  *value,
                                             GError     **error);
char      *ledger_rules_get                 (LedgerDb    *db,
                                             const char  *key,
                                             GError     **error);
GPtrArray *ledger_rules_list_scale_standards (LedgerDb   *db,
                                              GError    **error);

G_END_DECLS
