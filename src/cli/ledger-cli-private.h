/* ledger-cli-private.h: what the command line's files share */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

int       usage_error     (const char    *format,
                           ...) G_GNUC_PRINTF (1, 2);
LedgerDb *open_ledger     (const char    *path,
                           gboolean       read_only);
int       exit_for_error  (const GError  *error);
gboolean  parse_options   (const char    *command,
                           const char    *parameters,
                           const char    *summary,
                           GOptionEntry  *entries,
                           int           *argc,
                           char        ***argv);

/* ledger-cli-exchange.c: townships and the county */
int       ledger_cli_share      (const char *db_path, int argc, char **argv);
int       ledger_cli_send       (const char *db_path, int argc, char **argv);
int       ledger_cli_receive    (const char *db_path, int argc, char **argv);
int       ledger_cli_conflicts  (const char *db_path, int argc, char **argv);
int       ledger_cli_sync       (const char *db_path, int argc, char **argv);

#define LEDGER_CLI_EXCHANGE_COMMANDS \
  { "share", ledger_cli_share, "share --township CODE --output FILE", \
    N_("make a township ledger from the county ledger: that township's rows with the county's rules, targets and outline, linked to the county") }, \
  { "send", ledger_cli_send, "send [--to CODE] --output PKG", \
    N_("write an update package (台账更新包) of every change the partner ledger has not acknowledged; a county names the township with --to") }, \
  { "receive", ledger_cli_receive, "receive PKG", \
    N_("apply a partner's update package in one transaction; a package applied before changes nothing; one for another ledger, damaged or following a missing package is refused") }, \
  { "conflicts", ledger_cli_conflicts, "conflicts [--json] [--all] [--keep ID | --take-other ID]", \
    N_("values that lost to the owner's in an exchange, kept for review; --keep or --take-other settles one") }, \
  { "sync", ledger_cli_sync, "sync --server URL [--init]", \
    N_("exchange the same update packages through the county's PostgreSQL server (--init: the county sets the server up once); the county ledger is then mirrored into PostGIS for QGIS") },

/* ledger-cli-regions.c: the county's own list of townships and villages (issue 18) */
int       ledger_cli_import_regions       (const char *db_path,
                                           const char *file,
                                           gboolean    dry_run,
                                           const char *date);
int       ledger_cli_run_update_divisions (const char *db_path, int argc, char **argv);
int       ledger_cli_run_regions          (const char *db_path, int argc, char **argv);
void      ledger_cli_print_version        (void);

/* ledger-cli-inspections.c: inspections and samples, what is overdue (issue 16) */
int       ledger_cli_run_inspections      (const char *db_path, int argc, char **argv);
/* ledger-cli-set.c: one field of many items (issue 16) */
int       ledger_cli_run_set              (const char *db_path, int argc, char **argv);

G_END_DECLS
