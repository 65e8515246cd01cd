/* ledger-export-xlsx-private.h: what the workbook's files share */
#pragma once

#include <xlsxwriter.h>

#include "ledger-export-xlsx.h"
#include "ledger-record.h"
#include "ledger-rules.h"

G_BEGIN_DECLS

typedef struct _LedgerXlsxPlaces LedgerXlsxPlaces;

/* The formats of a row of figures in the summary */
typedef struct
{
  lxw_format *text;
  lxw_format *integer;
  lxw_format *tonnes;
  lxw_format *percent;
  lxw_format *target;
} LedgerXlsxFigureFormats;

/* Cell formats, created once per workbook */
typedef struct
{
  lxw_format              *title;
  lxw_format              *subtitle;
  lxw_format              *header;
  lxw_format              *group;       /* an indicator's name above its columns */
  lxw_format              *text;
  lxw_format              *wrap;        /* long text: wrapped in its column */
  lxw_format              *integer;
  lxw_format              *real;
  lxw_format              *tonnes;
  lxw_format              *percent;
  lxw_format              *target;
  lxw_format              *date;
  lxw_format              *coordinate;
  LedgerXlsxFigureFormats  county;      /* the county's row: bold on grey */
  lxw_format              *good;        /* conditional: met, green */
  lxw_format              *bad;         /* conditional: behind, red */
} LedgerXlsxFormats;

typedef struct
{
  LedgerDb                 *db;
  lxw_workbook             *workbook;
  LedgerXlsxFormats         formats;
  LedgerRules              *rules;
  LedgerXlsxPlaces         *places;
  int                       year;
  const char               *township;
  LedgerExportProgressFunc  progress;
  gpointer                  progress_data;
  GCancellable             *cancellable;
  guint64                   n_rows_done;
  guint64                   n_rows_expected;
} LedgerXlsx;

/* ledger-export-xlsx.c */
gboolean ledger_xlsx_row_written   (LedgerXlsx   *x,
                                    GError      **error);
double   ledger_xlsx_column_width  (const char   *header,
                                    double        minimum);

/* ledger-export-xlsx-places.c */
LedgerXlsxPlaces *ledger_xlsx_places_load          (LedgerDb               *db,
                                                    GError                **error);
void              ledger_xlsx_places_free          (LedgerXlsxPlaces       *places);
const char       *ledger_xlsx_places_village_of    (const LedgerXlsxPlaces *places,
                                                    const char             *code);
const char       *ledger_xlsx_places_township_name (const LedgerXlsxPlaces *places,
                                                    const char             *village_code);
const char       *ledger_xlsx_places_name          (const LedgerXlsxPlaces *places,
                                                    const char             *code);
void              ledger_xlsx_set_page             (LedgerXlsx             *x,
                                                    lxw_worksheet          *sheet);
char             *ledger_xlsx_village_reason       (const LedgerRules         *rules,
                                                    const LedgerVillageStatus *status,
                                                    LedgerVillageVerdict       verdict,
                                                    const LedgerRecord        *down,
                                                    int                        year);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerXlsxPlaces, ledger_xlsx_places_free)

/* ledger-export-xlsx-summary.c: the sheet 汇总 */
gboolean ledger_xlsx_write_summary (LedgerXlsx   *x,
                                    GError      **error);

/* ledger-export-xlsx-sheets.c: one sheet per kind */
gboolean ledger_xlsx_write_kind    (LedgerXlsx   *x,
                                    LedgerKind    kind,
                                    GError      **error);

G_END_DECLS
