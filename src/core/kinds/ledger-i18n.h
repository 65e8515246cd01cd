/* ledger-i18n.h: locale and translation set-up shared by the window and the CLI */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ledger_i18n_init (void);

G_END_DECLS
