/* ledger-kind-tables.h: the tables each kind's items are read from (private to core)
 *
 * One table a kind: its main table and alias, and the second table its later
 * fields come from (a village's sewage record, a farm's figures of a year).
 * The store's reads (ledger-store.c) and the lists' (ledger-list-data.c)
 * make their FROM from it; each adds its own joins and conditions.
 */
#pragma once

#include "ledger-kinds.h"

G_BEGIN_DECLS

typedef struct
{
  const char *table;          /* "farms x" */
  const char *alias;          /* "x" */
  const char *second_from;    /* the key of the first field of the second table, or NULL */
  const char *second_alias;   /* "y" */
  const char *second_join;    /* "farm_years y ON y.farm_uid = x.uid" */
  /* a condition on the second table's row by a year parameter (%s: "?1"),
   * or NULL: a farm's figures are those of the latest year up to it */
  const char *second_latest;
} LedgerKindTables;

const LedgerKindTables *ledger_kind_tables (LedgerKind kind);

/* @kind's FROM: the main table, LEFT JOIN the second one on its latest row
 * up to @year_param's year, or on every row when @every_year_when (nullable,
 * such as "?3 = 0") holds; the caller appends its own joins. (transfer full) */
char *ledger_kind_tables_from (LedgerKind  kind,
                               const char *year_param,
                               const char *every_year_when);

G_END_DECLS
