#include "config.h"

#include "ledger-cli.h"

gboolean
ledger_cli_wants_cli (int argc, char **argv)
{
  return FALSE;
}

int
ledger_cli_run (int argc, char **argv)
{
  return LEDGER_EXIT_USAGE;
}
