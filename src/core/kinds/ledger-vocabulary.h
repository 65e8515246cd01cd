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

typedef struct _LedgerValueMap LedgerValueMap;

LedgerValueMap *ledger_value_map_new   (void);
LedgerValueMap *ledger_value_map_ref   (LedgerValueMap *map);
void            ledger_value_map_unref (LedgerValueMap *map);
/* Every cell of @field_key (a field of the import's kind) reading @text
 * (compared trimmed) is read as @value (the text to parse instead: an enum
 * key or label, 是/否, a number …). */
void            ledger_value_map_add   (LedgerValueMap *map,
                                        const char     *field_key,
                                        const char     *text,
                                        const char     *value);
/* (nullable): the value @text of @field_key stands for, or NULL */
const char     *ledger_value_map_lookup (const LedgerValueMap *map,
                                         const char           *field_key,
                                         const char           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerValueMap, ledger_value_map_unref)

G_END_DECLS
