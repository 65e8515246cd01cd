/* ledger-region-plan-private.h: the rows a plan is made from (core only) */
#pragma once

#include "ledger-region-plan.h"

G_BEGIN_DECLS

typedef struct
{
  guint  line;
  char  *township;       /* name */
  char  *township_code;  /* NULL when not given */
  char  *code;           /* NULL when not given */
  char  *name;
  char  *kind;           /* village, community, or NULL */
  char **merged_from;    /* names or codes, or NULL */
  char  *effective;      /* NULL: the plan's date */
  guint  column_code, column_name, column_kind, column_from, column_township;  /* 1-based, 0: none */
} LedgerRegionRow;

void       ledger_region_row_free      (gpointer            row);
/* the county sheet's rows; problems are appended */
GPtrArray *ledger_region_rows_from_sheet (const char       *path,
                                          GPtrArray        *problems,
                                          GError          **error);
/* the rows of @county_code's block of a national division file */
GPtrArray *ledger_region_rows_from_divisions (const char   *path,
                                              const char   *county_code,
                                              GError      **error);
/* 黄岭铺村村民委员会 → 黄岭铺村, as tools/make-divisions.py shortens */
char      *ledger_region_short_name    (const char         *name);
LedgerRegionPlan *ledger_region_plan_make (LedgerDb        *db,
                                           GPtrArray       *rows,
                                           const char      *file_name,
                                           const char      *effective,
                                           gboolean         whole_county,
                                           GPtrArray       *problems,
                                           GError         **error);

G_END_DECLS
