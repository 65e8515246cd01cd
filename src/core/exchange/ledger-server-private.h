/* ledger-server-private.h: what the server's files share (private to core) */
#pragma once

#include <libpq-fe.h>

#include "ledger-server.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)

gboolean  ledger_server_set_error   (PGconn      *conn,
                                     const char  *what,
                                     GError     **error);
gboolean  ledger_server_exec        (PGconn      *conn,
                                     const char  *sql,
                                     GError     **error);
PGresult *ledger_server_query       (PGconn             *conn,
                                     const char         *sql,
                                     int                 n_params,
                                     const char *const  *values,
                                     const int          *lengths,
                                     const int          *formats,
                                     GError            **error);
gboolean  ledger_server_mirror      (LedgerDb    *db,
                                     PGconn      *conn,
                                     GError     **error);

G_END_DECLS
