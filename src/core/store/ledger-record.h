/* ledger-record.h: one row of a kind, as canonical text per column
 *
 * Values are canonical strings (see ledger-values.h): numbers as C-locale
 * text, dates YYYY-MM-DD, enums as their English key, booleans "1"/"0";
 * NULL is a blank cell. The same record is what a spreadsheet row, an editor
 * form and a list row hold, so import, export and the UI share one validation.
 */
#pragma once

#include <glib-object.h>

#include "ledger-kinds.h"

G_BEGIN_DECLS

typedef struct
{
  LedgerKind   kind;
  char        *uid;      /* NULL for a new item; villages: the village code */
  char       **values;   /* one per field of the kind, NULL = blank */
  guint        n_values;
  gboolean     is_demo;
} LedgerRecord;

#define LEDGER_TYPE_RECORD (ledger_record_get_type ())
GType         ledger_record_get_type   (void) G_GNUC_CONST;

LedgerRecord *ledger_record_new        (LedgerKind          kind);
LedgerRecord *ledger_record_copy       (const LedgerRecord *self);
void          ledger_record_free       (LedgerRecord       *self);
const char   *ledger_record_get        (const LedgerRecord *self,
                                        const char         *key);
double        ledger_record_get_double (const LedgerRecord *self,
                                        const char         *key,
                                        double              if_blank);
void          ledger_record_set        (LedgerRecord       *self,
                                        const char         *key,
                                        const char         *canonical);
void          ledger_record_take       (LedgerRecord       *self,
                                        guint               index,
                                        char               *canonical);
gboolean      ledger_record_equal      (const LedgerRecord *a,
                                        const LedgerRecord *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerRecord, ledger_record_free)

/* One problem with one value: the field index (-1 = the whole row) and why. */
typedef struct
{
  guint  line;      /* 1-based line in the input file; 0 outside an import */
  int    field;     /* index into the kind's fields, or -1 */
  int    column;    /* 1-based column in the input file, 0 when unknown */
  char  *message;   /* translated, names the field and the reason */
  gboolean warning; /* TRUE: accepted, but worth telling */
} LedgerProblem;

LedgerProblem *ledger_problem_new  (guint line, int field, const char *message);
void           ledger_problem_free (LedgerProblem *problem);

G_END_DECLS
