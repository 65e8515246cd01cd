/* main.c: the window without a subcommand, the command line with one */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ledger-application.h"
#include "ledger-cli.h"
#include "ledger-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (LedgerApplication) app = NULL;

  ledger_i18n_init ();

  if (ledger_cli_wants_cli (argc, argv))
    return ledger_cli_run (argc, argv);

  app = ledger_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
