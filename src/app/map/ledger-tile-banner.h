/* ledger-tile-banner.h: a quiet note over the map while base-map tiles fail */
#pragma once

#include <gtk/gtk.h>

#include "ledger-tile-source.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_TILE_BANNER (ledger_tile_banner_get_type ())
G_DECLARE_FINAL_TYPE (LedgerTileBanner, ledger_tile_banner, LEDGER, TILE_BANNER, GtkWidget)

GtkWidget  *ledger_tile_banner_new        (void);
void        ledger_tile_banner_watch      (LedgerTileBanner *self,
                                           LedgerTileSource *tiles);
gboolean    ledger_tile_banner_is_shown   (LedgerTileBanner *self);
const char *ledger_tile_banner_get_text   (LedgerTileBanner *self);

G_END_DECLS
