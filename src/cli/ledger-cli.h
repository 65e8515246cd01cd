/* ledger-cli.h: the command-line front end (README.md, Command line) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* exit statuses of README.md, Command line */
enum
{
  LEDGER_EXIT_OK = 0,
  LEDGER_EXIT_REJECTED = 1,
  LEDGER_EXIT_USAGE = 2,
  LEDGER_EXIT_CANNOT_OPEN = 3,
  LEDGER_EXIT_SERVER = 4,      /* sync: the server cannot be reached or used; nothing changed here */
};

/* TRUE when the arguments name a subcommand (or --version/--help): run headless. */
gboolean ledger_cli_wants_cli (int argc, char **argv);
int      ledger_cli_run       (int argc, char **argv);

G_END_DECLS
