/* ledger-divisions.h: browse and search the national division list (issue 5)
 *
 * An index of the province, city and county levels of divisions.tsv.gz, built
 * once per process and kept in memory, with each county's number of
 * townships and village-level units. The county picker browses and searches
 * it; ledger_ledger_create then takes the chosen county's block.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  LEDGER_DIVISION_PROVINCE = 1,
  LEDGER_DIVISION_CITY,
  LEDGER_DIVISION_COUNTY,
} LedgerDivisionLevel;

typedef struct _LedgerDivision LedgerDivision;

struct _LedgerDivision
{
  char                 *code;           /* 2, 4 or 6 digits */
  char                 *name;
  LedgerDivisionLevel   level;
  const LedgerDivision *parent;         /* NULL for a province */
  guint                 n_townships;    /* counties only: 乡镇/街道 */
  guint                 n_villages;     /* counties only: 村民委员会 (by code) */
  guint                 n_communities;  /* counties only: other village-level units */
};

typedef struct _LedgerDivisionIndex LedgerDivisionIndex;

LedgerDivisionIndex  *ledger_division_index_get         (GError              **error);
void                  ledger_division_index_get_async   (GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
LedgerDivisionIndex  *ledger_division_index_get_finish  (GAsyncResult         *result,
                                                         GError              **error);
gboolean              ledger_division_index_is_loaded   (void);
/* the list itself, "code<TAB>name" lines in code order, unzipped as it is read */
GDataInputStream     *ledger_divisions_open             (GError              **error);

GPtrArray            *ledger_division_index_children    (LedgerDivisionIndex  *index,
                                                         const char           *parent_code);
const LedgerDivision *ledger_division_index_lookup      (LedgerDivisionIndex  *index,
                                                         const char           *code);
GPtrArray            *ledger_division_index_search      (LedgerDivisionIndex  *index,
                                                         const char           *text,
                                                         guint                 max_results);
guint                 ledger_division_index_get_n_counties (LedgerDivisionIndex *index);

char                 *ledger_division_dup_path          (const LedgerDivision *division);
char                 *ledger_division_dup_label         (const LedgerDivision *division);
gboolean              ledger_division_is_placeholder    (const LedgerDivision *division);

G_END_DECLS
