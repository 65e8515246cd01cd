/* ledger-kind-tables.c: the tables each kind's items are read from */
#include "config.h"

#include "ledger-kind-tables.h"

static const LedgerKindTables kind_tables[LEDGER_N_KINDS] = {
  [LEDGER_KIND_VILLAGES] = { "regions r", "r", "mode", "s", "village_sewage s ON s.village_code = r.code", NULL },
  [LEDGER_KIND_FACILITIES] = { "facilities x", "x", NULL, NULL, NULL, NULL },
  [LEDGER_KIND_FARMS] = {
    "farms x", "x", "year", "y", "farm_years y ON y.farm_uid = x.uid",
    "y.year = (SELECT max(year) FROM farm_years WHERE farm_uid = x.uid AND year <= %s)" },
  [LEDGER_KIND_WATER_BODIES] = { "water_bodies x", "x", NULL, NULL, NULL, NULL },
  [LEDGER_KIND_SAMPLES] = { "samples x", "x", NULL, NULL, NULL, NULL },
  [LEDGER_KIND_INSPECTIONS] = { "inspections x", "x", NULL, NULL, NULL, NULL },
};

const LedgerKindTables *
ledger_kind_tables (LedgerKind kind)
{
  g_return_val_if_fail (kind < LEDGER_N_KINDS, NULL);

  return &kind_tables[kind];
}

char *
ledger_kind_tables_from (LedgerKind  kind,
                         const char *year_param,
                         const char *every_year_when)
{
  const LedgerKindTables *tables = ledger_kind_tables (kind);
  GString *from = g_string_new (tables->table);

  if (tables->second_join == NULL)
    return g_string_free (from, FALSE);
  g_string_append_printf (from, " LEFT JOIN %s", tables->second_join);
  if (tables->second_latest != NULL)
    {
      g_autofree char *latest = g_strdup_printf (tables->second_latest, year_param);

      if (every_year_when != NULL)
        g_string_append_printf (from, " AND (%s OR %s)", every_year_when, latest);
      else
        g_string_append_printf (from, " AND %s", latest);
    }
  return g_string_free (from, FALSE);
}
