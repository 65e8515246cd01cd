/* ledger-region-plan.h: make the ledger's list match the county's own sheet, or a newer national list (issue 18)
 *
 * A plan compares a list (the county's sheet: 乡镇, 名称, optional 代码, 类型,
 * 合并自, 生效日期; or a national division file's block for the county)
 * with the ledger's current list and says what would be added, renamed,
 * changed in kind, merged, split or retired. Nothing is written until
 * ledger_region_plan_apply(), which applies every step or none, as one
 * transaction and one audit batch.
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

typedef struct
{
  char   *action;     /* add, rename, kind, merge, split, retire */
  guint   line;       /* the row of the file it comes from, 0 for none */
  char   *code;       /* the unit changed; merge: the unit merged into; add: the code given or NULL */
  char   *parent;     /* add: the township (or the county) */
  char   *name;       /* add, rename, merge into a new unit: the new name */
  char   *kind;       /* add, kind, merge into a new unit */
  char  **from;       /* merge: the codes merged; split: the new units' names */
  char  **kinds;      /* split: the new units' kinds */
  char   *old_name;   /* rename, retire, split: the name it had */
  char   *effective;  /* YYYY-MM-DD */
  gboolean new_target;/* merge: @code is added by this step */
} LedgerRegionStep;

typedef struct
{
  char       *file_name;
  GPtrArray  *steps;     /* LedgerRegionStep* in the order they apply */
  GPtrArray  *problems;  /* char* "FILE:LINE:COLUMN: message"; a plan with problems is not applied */
  gboolean    national;  /* from a national division file */
} LedgerRegionPlan;

LedgerRegionPlan *ledger_region_plan_from_sheet     (LedgerDb                *db,
                                                     const char              *path,
                                                     const char              *effective,
                                                     GError                 **error);
LedgerRegionPlan *ledger_region_plan_from_divisions (LedgerDb                *db,
                                                     const char              *path,
                                                     const char              *effective,
                                                     GError                 **error);
char             *ledger_region_step_describe       (const LedgerRegionStep  *step);
/* a count per action: "3 added, 2 renamed, …" */
char             *ledger_region_plan_summary        (const LedgerRegionPlan  *plan);
gboolean          ledger_region_plan_apply          (LedgerDb                *db,
                                                     LedgerRegionPlan        *plan,
                                                     GError                 **error);
void              ledger_region_plan_free           (LedgerRegionPlan        *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerRegionPlan, ledger_region_plan_free)

G_END_DECLS
