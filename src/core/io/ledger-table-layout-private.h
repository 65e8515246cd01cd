/* ledger-table-layout-private.h: what the parts of the layout detection share */
#pragma once

#include "ledger-table-layout.h"

G_BEGIN_DECLS

/* ledger-table-layout-names.c: a header name → a field index or LEDGER_TARGET_* */
int      ledger_layout_match_name (LedgerKind         kind,
                                   const char        *name);
/* 存栏量 over 生猪 (@group, @sub), or one cell (@sub NULL) 生猪存栏量 */
int      ledger_layout_match_wide (LedgerKind         kind,
                                   const char        *group,
                                   const char        *sub);

/* ledger-table-rows.c: row classes and the year */
void     ledger_layout_class_rows (LedgerTableLayout *layout,
                                   const LedgerTable *table);
void     ledger_layout_find_year  (LedgerTableLayout *layout,
                                   const LedgerTable *table);
/* a four-digit year alone in @text (none, or several different: 0) */
guint    ledger_layout_year_in_text (const char      *text);

G_END_DECLS
