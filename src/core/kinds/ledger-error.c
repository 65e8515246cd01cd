#include "config.h"

#include "ledger-error.h"

G_DEFINE_QUARK (ledger-error-quark, ledger_error)
