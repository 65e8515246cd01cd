/* ledger-error.h: errors users can cause */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDGER_ERROR (ledger_error_quark ())

typedef enum
{
  LEDGER_ERROR_INVALID,        /* a value or a row was rejected */
  LEDGER_ERROR_NOT_FOUND,      /* a code that does not exist */
  LEDGER_ERROR_CANNOT_OPEN,    /* file missing, unreadable, locked, corrupt, read-only */
  LEDGER_ERROR_NOT_A_LEDGER,   /* an SQLite file of something else, or not SQLite at all */
  LEDGER_ERROR_TOO_NEW,        /* written by a newer version of the program */
  LEDGER_ERROR_READ_ONLY,      /* the file cannot be written */
  LEDGER_ERROR_BUSY,           /* locked by another process */
  LEDGER_ERROR_CONFLICT,       /* changed by another process since it was read */
  LEDGER_ERROR_FAILED,         /* anything else (the message says what) */
  LEDGER_ERROR_SERVER,         /* the county server cannot be reached or used */
  LEDGER_ERROR_INPUT_FILE,     /* an input file missing, unreadable, not a regular file, empty, too big */
  LEDGER_ERROR_CANNOT_WRITE,   /* the ledger cannot be written: disk full, I/O error */
  LEDGER_ERROR_DAMAGED,        /* the ledger file is damaged (failed its check) */
} LedgerErrorCode;

GQuark ledger_error_quark (void);

G_END_DECLS
