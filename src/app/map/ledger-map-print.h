/* ledger-map-print.h: the map as a page (PNG or PDF, A4 or A3) */
#pragma once

#include "ledger-db.h"
#include "ledger-map-view.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_PAPER_A4,
  LEDGER_PAPER_A3,
} LedgerPaper;

/* What the page says beside the map: the state of the window. */
typedef struct
{
  LedgerDb   *db;
  int         year;
  const char *township_name;  /* the township filter, or NULL for the whole county */
  const char *filter_note;    /* another filter in words (e.g. what holds a township back), or NULL */
} LedgerMapPrintInfo;

/* landscape page size in points (1/72 inch) */
void     ledger_paper_get_size     (LedgerPaper               paper,
                                    double                   *width,
                                    double                   *height);
gboolean ledger_map_print_to_file  (LedgerMapView            *view,
                                    const LedgerMapPrintInfo *info,
                                    LedgerPaper               paper,
                                    const char               *path,
                                    GError                  **error);

G_END_DECLS
