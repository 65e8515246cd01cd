/* ledger-targets.h: the targets of the indicators, per year and township (docs/RULES.md) */
#pragma once

#include "ledger-db.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

#define LEDGER_TARGET_SCOPE_COUNTY "county"

typedef struct
{
  LedgerIndicatorId indicator;
  int               year;   /* 0 = every year */
  char             *scope;  /* "county" or a 9-digit township code */
  double            value;  /* 0..1 */
} LedgerTarget;

void       ledger_target_free     (LedgerTarget       *target);

/* Returns: (transfer full) (element-type LedgerTarget): every stored target,
 * by indicator, scope ("county" first) and year */
GPtrArray *ledger_targets_list    (LedgerDb           *db,
                                   GError            **error);
/* Adds or changes one target in one transaction (audited): @value 0..1,
 * @year 0 or 2000..2100, @scope "county" or a township of the ledger */
gboolean   ledger_targets_set     (LedgerDb           *db,
                                   LedgerIndicatorId   indicator,
                                   int                 year,
                                   const char         *scope,
                                   double              value,
                                   GError            **error);
/* Removes one target (audited); the county's every-year target stays */
gboolean   ledger_targets_remove  (LedgerDb           *db,
                                   LedgerIndicatorId   indicator,
                                   int                 year,
                                   const char         *scope,
                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerTarget, ledger_target_free)

G_END_DECLS
