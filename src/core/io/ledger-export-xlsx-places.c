/* ledger-export-xlsx-places.c: what every sheet of the workbook shares for
 * print and for reading by township (issue 12 item 9)
 *
 * The township and village names of a row, the footer that an officer
 * signs (填报单位、填表人、审核人、日期) with page numbers, and the reasons
 * of the 行政村 sheet in the workbook's language, Chinese, whatever the
 * locale of the program that wrote it.
 */
#include "config.h"

#include <string.h>

#include "ledger-db.h"
#include "ledger-export-xlsx-private.h"
#include "ledger-kinds.h"
#include "ledger-store.h"

struct _LedgerXlsxPlaces
{
  GHashTable *names;     /* region code → name */
  GHashTable *villages;  /* facility, farm or water-body code → village code */
};

void
ledger_xlsx_places_free (LedgerXlsxPlaces *places)
{
  if (places == NULL)
    return;
  g_clear_pointer (&places->names, g_hash_table_unref);
  g_clear_pointer (&places->villages, g_hash_table_unref);
  g_free (places);
}

/**
 * ledger_xlsx_places_load:
 * @db: the ledger
 * @error: an SQL error
 *
 * Returns: (transfer full) (nullable): the names of the townships and
 *   villages, and the village of every facility, farm and water body
 */
LedgerXlsxPlaces *
ledger_xlsx_places_load (LedgerDb  *db,
                         GError   **error)
{
  g_autoptr (LedgerXlsxPlaces) places = g_new0 (LedgerXlsxPlaces, 1);

  places->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  places->villages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!ledger_store_region_names (db, places->names, error) ||
      !ledger_store_item_villages (db, places->villages, error))
    return NULL;
  return g_steal_pointer (&places);
}

/* the village code of @code: itself when it is one, else its item's */
const char *
ledger_xlsx_places_village_of (const LedgerXlsxPlaces *places,
                               const char             *code)
{
  if (code == NULL)
    return NULL;
  if (strlen (code) == 12 && g_hash_table_contains (places->names, code))
    return code;
  return g_hash_table_lookup (places->villages, code);
}

const char *
ledger_xlsx_places_township_name (const LedgerXlsxPlaces *places,
                                  const char             *village_code)
{
  char township[10];

  if (village_code == NULL || strlen (village_code) < 9)
    return NULL;
  memcpy (township, village_code, 9);
  township[9] = '\0';
  return g_hash_table_lookup (places->names, township);
}

const char *
ledger_xlsx_places_name (const LedgerXlsxPlaces *places,
                         const char             *code)
{
  return code ? g_hash_table_lookup (places->names, code) : NULL;
}

/**
 * ledger_xlsx_set_page:
 * @x: the workbook
 * @sheet: a sheet
 *
 * A4, landscape; page numbers and the lines an officer signs in the footer
 * of every page: 填报单位、填表人、审核人、日期.
 */
void
ledger_xlsx_set_page (LedgerXlsx    *x,
                      lxw_worksheet *sheet)
{
  lxw_header_footer_options margins = { .margin = 0.3 };

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);  /* A4 */
  worksheet_set_margins (sheet, 0.5, 0.5, 0.75, 0.9);
  worksheet_set_header_opt (sheet, "&C&\"等线,Bold\"&A", &margins);
  worksheet_set_footer_opt (sheet,
                            "&L填报单位：____________　填表人：________　审核人：________　日期：________"
                            "&R第 &P 页，共 &N 页", &margins);
}

/**
 * ledger_xlsx_village_reason:
 *
 * Why a village does not count, in Chinese: the workbook speaks Chinese
 * whatever the locale it is written under, never a mix.
 *
 * Returns: (transfer full) (nullable): the reason
 */
char *
ledger_xlsx_village_reason (const LedgerRules         *rules,
                            const LedgerVillageStatus *status,
                            LedgerVillageVerdict       verdict,
                            const LedgerRecord        *down,
                            int                        year)
{
  double percent = rules->coverage_threshold * 100;

  switch (verdict)
    {
    case LEDGER_VILLAGE_LOW_COVERAGE:
      if (status->covered_households < 0)
        return g_strdup_printf ("未填覆盖户数（%d 户；需 %g%%）", status->households, percent);
      return g_strdup_printf ("覆盖 %d / %d 户，低于 %g%%", status->covered_households,
                              status->households, percent);
    case LEDGER_VILLAGE_NOT_YET:
      return g_strdup_printf ("%d 年完成，晚于 %d 年", status->year_done, year);
    case LEDGER_VILLAGE_FACILITY_DOWN:
      if (down == NULL)
        return g_strdup ("服务该村的设施停运或运行异常");
      return g_strdup_printf ("%s（%s）%s", ledger_record_get (down, "name"), ledger_record_get (down, "code"),
                              ledger_enum_label (ledger_enum_by_name ("facility_status"),
                                                 ledger_record_get (down, "status")));
    case LEDGER_VILLAGE_NO_RECORD:
      return g_strdup ("未填治理方式");
    case LEDGER_VILLAGE_NOT_TREATED:
      return g_strdup ("未治理");
    default:
      return NULL;
    }
}
