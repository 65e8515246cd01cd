/* ledger-cli-private.h: what the command line's files share */
#pragma once

#include "ledger-cli.h"
#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_CLI_PROGRAM "sanitation-ledger"

int       ledger_cli_usage_error    (const char    *message);
LedgerDb *ledger_cli_open_ledger    (const char    *path,
                                     gboolean       read_only);
int       ledger_cli_exit_for_error (const GError  *error);
gboolean  ledger_cli_parse_options  (const char    *command,
                                     const char    *parameters,
                                     const char    *summary,
                                     GOptionEntry  *entries,
                                     int           *argc,
                                     char        ***argv);

/* ledger-cli-regions.c (issue 18) */
int       ledger_cli_import_regions (const char    *db_path,
                                     const char    *file,
                                     gboolean       dry_run,
                                     const char    *date);
int       ledger_cli_run_update_divisions (const char *db_path,
                                           int         argc,
                                           char      **argv);
int       ledger_cli_run_regions    (const char    *db_path,
                                     int            argc,
                                     char         **argv);
void      ledger_cli_print_version  (void);

G_END_DECLS
