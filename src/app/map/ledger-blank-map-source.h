/* ledger-blank-map-source.h: the base map "none" — tiles that stay empty
 *
 * The viewport needs a reference map source for its projection and zoom
 * range; this one gives it one without loading anything, so the county
 * outline layer's own background shows through.
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_BLANK_MAP_SOURCE (ledger_blank_map_source_get_type ())
G_DECLARE_FINAL_TYPE (LedgerBlankMapSource, ledger_blank_map_source, LEDGER, BLANK_MAP_SOURCE, ShumateMapSource)

ShumateMapSource *ledger_blank_map_source_new (void);

G_END_DECLS
