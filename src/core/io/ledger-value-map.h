/* ledger-value-map.h: "treat every 'X' in this column as …", for one import */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

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
