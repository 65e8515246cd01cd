/* ledger-village-names.h: a village by its township and name → its 12-digit code
 *
 * Officers often have no codes: a sheet says 乡镇（街道） 石佛镇 and
 * 村（社区） 三元桥村. Within a county the township name and the village name
 * are unique almost everywhere; either may be written in full or short
 * (石佛 / 石佛镇, 三元桥 / 三元桥村; 镇/乡/街道 and 村/社区 optional). The
 * names are the ledger's own regions.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

typedef struct _LedgerVillageNames LedgerVillageNames;

LedgerVillageNames *ledger_village_names_new     (LedgerDb            *db,
                                                  GError             **error);
void                ledger_village_names_free    (LedgerVillageNames  *names);
/* The village-level code named by @township (nullable: the whole county)
 * and @village. NULL with @message (translated) when the names match none
 * or several: it lists the candidates. */
char               *ledger_village_names_resolve (LedgerVillageNames  *names,
                                                  const char          *township,
                                                  const char          *village,
                                                  char               **message);
/* 石佛镇 → 石佛, 三元桥村 → 三元桥, 天池街道 → 天池 (transfer full) */
char               *ledger_village_names_short   (const char          *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerVillageNames, ledger_village_names_free)

G_END_DECLS
