/* ledger-history-sql.h (db): the list of townships and villages as it stood in a year (issue 18)
 *
 * SQL pieces over the views of ledger-schema-regions.c, for the queries of
 * core that count "as of year Y" (progress): a period is in force in year Y
 * when it covers Y's last day (年末口径), so a merge dated 2021-06-01 counts
 * the merged unit for 2021 and the old ones for 2020. @year is an SQL
 * expression of the year (a bound parameter such as "?1").
 */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_SQL_YEAR_END(year) "printf('%04d-12-31', " year ")"

/* WHERE condition: the period alias @p (region_periods or
 * village_sewage_periods) was in force at the end of @year */
#define LEDGER_SQL_IN_FORCE(p, year) \
  "(coalesce(" p ".valid_from, '') <= " LEDGER_SQL_YEAR_END (year) \
  " AND coalesce(" p ".valid_to, '9999-12-31') > " LEDGER_SQL_YEAR_END (year) ")"

/* the village an item (alias @item of facilities, farms or water_bodies)
 * belonged to at the end of @year: before a merge or split moved it, the old one */
#define LEDGER_SQL_ITEM_VILLAGE(item, year) \
  "coalesce((SELECT m.from_village FROM item_moves m WHERE m.uid = " item ".uid" \
  " AND m.effective > " LEDGER_SQL_YEAR_END (year) " ORDER BY m.effective LIMIT 1), " \
  item ".village_code)"

/* the current list: units that have not been merged, split or retired */
#define LEDGER_SQL_CURRENT(r) "(" r ".valid_to IS NULL)"

G_END_DECLS
