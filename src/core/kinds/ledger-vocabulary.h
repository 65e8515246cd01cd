/* ledger-vocabulary.h: the words officers write for enumerated values
 *
 * One table in core (ledger-vocabulary.c) says which words mean which value
 * of every enumeration (集中式 → 村级集中处理站, 正常 → 正常运行, 还田利用 →
 * 还田, 纳管 → 纳入城镇管网, …); ledger_enum_lookup() consults it, so the
 * import, the editor and the CLI agree. Add a word by adding a line.
 *
 * Per import, a LedgerValueMap says "treat every 'X' in this column's field
 * as Y" for words the table does not know (the assistant offers it once per
 * unknown value; LedgerImportReport.unknown_values lists them).
 *
 * API CONTRACT (issue 10): extend, don't break.
 */
#pragma once

#include "ledger-kinds.h"

G_BEGIN_DECLS

/* The value of @enumeration that @word means: its key, label or a synonym
 * of the table; spaces, full-width forms and ASCII case do not matter. */
const LedgerEnumValue *ledger_vocabulary_lookup (const LedgerEnum *enumeration,
                                                 const char       *word);
/* The synonyms of one value, NULL-terminated (transfer container) */
const char           **ledger_vocabulary_words  (const LedgerEnum *enumeration,
                                                 const char       *key);

/* (transfer full): @header half-width, without white space, bracketed
 * parts, "*" or ":", ASCII lower case: how a column header or an officer's
 * word is compared */
char                  *ledger_normalise_header (const char *header);

G_END_DECLS
