/* ledger-region-edit-private.h: the list's changes inside an open transaction (core only)
 *
 * ledger-region-plan.c applies a whole sheet's changes in one transaction
 * with these; the public functions of ledger-region-edit.h wrap one each.
 */
#pragma once

#include "ledger-region-edit.h"

G_BEGIN_DECLS

typedef struct
{
  char     *code;
  char     *name;
  char     *kind;
  char     *parent;
  char     *valid_to;     /* NULL: current */
  char     *period_from;  /* when the current name, kind and parent began; NULL: always */
  gboolean  local;
} LedgerUnit;

void       ledger_unit_clear              (LedgerUnit          *unit);
void       ledger_unit_free               (gpointer             unit);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LedgerUnit, ledger_unit_clear)

/* the current units under @parent (NULL: the county's own row), by code */
GPtrArray *ledger_region_current_children (LedgerDb            *db,
                                           const char          *parent,
                                           GError             **error);
char      *ledger_region_record_change    (LedgerDb            *db,
                                           const char          *action,
                                           const char          *code,
                                           const char          *old_value,
                                           const char          *new_value,
                                           const char          *effective,
                                           GError             **error);

gboolean   ledger_region_do_add           (LedgerDb            *db,
                                           const char          *parent,
                                           const char          *code,
                                           const char          *name,
                                           const char          *kind,
                                           const char          *effective,
                                           char               **new_code,
                                           GError             **error);
/* the same, where @name may be that of a unit of @replacing, merged into it the same day */
gboolean   ledger_region_do_add_replacing (LedgerDb            *db,
                                           const char          *parent,
                                           const char          *code,
                                           const char          *name,
                                           const char          *kind,
                                           const char          *effective,
                                           const char * const  *replacing,
                                           char               **new_code,
                                           GError             **error);
gboolean   ledger_region_do_rename        (LedgerDb            *db,
                                           const char          *code,
                                           const char          *name,
                                           const char          *effective,
                                           GError             **error);
gboolean   ledger_region_do_set_kind      (LedgerDb            *db,
                                           const char          *code,
                                           const char          *kind,
                                           const char          *effective,
                                           GError             **error);
gboolean   ledger_region_do_merge         (LedgerDb            *db,
                                           const char * const  *from_codes,
                                           const char          *into_code,
                                           const char          *effective,
                                           GError             **error);
/* @kinds: (nullable): each part's kind; NULL: the split unit's */
gboolean   ledger_region_do_split         (LedgerDb            *db,
                                           const char          *code,
                                           const char * const  *names,
                                           const char * const  *kinds,
                                           const char          *effective,
                                           char              ***new_codes,
                                           GError             **error);
gboolean   ledger_region_do_retire        (LedgerDb            *db,
                                           const char          *code,
                                           const char          *effective,
                                           GError             **error);

G_END_DECLS
