/* ledger-inspections-page.h: the Inspections and Samples page — county-wide, with the overdue filters */
#pragma once

#include <gtk/gtk.h>

#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_INSPECTIONS_PAGE (ledger_inspections_page_get_type ())
G_DECLARE_FINAL_TYPE (LedgerInspectionsPage, ledger_inspections_page, LEDGER, INSPECTIONS_PAGE, GtkWidget)

/* NULL db clears; follows the db's "changed" signal */
void        ledger_inspections_page_set_db       (LedgerInspectionsPage *self,
                                                  LedgerDb              *db);
/* a 9-digit township code, or NULL for the county */
void        ledger_inspections_page_set_township (LedgerInspectionsPage *self,
                                                  const char            *township);
/* for tests: the day "this month" and "passed" count from (NULL: today) */
void        ledger_inspections_page_set_today    (LedgerInspectionsPage *self,
                                                  const char            *today);
/* for tests: the rows shown, and the text of one cell */
guint       ledger_inspections_page_get_n_rows   (LedgerInspectionsPage *self);
char       *ledger_inspections_page_dup_cell     (LedgerInspectionsPage *self,
                                                  guint                  row,
                                                  const char            *column);

/* property "filter": "all", "not-inspected" or "deadline-passed" (action inspections.filter)
 * signal "item-activated" (int kind, const char *uid): the row's facility, farm, water body or village */

G_END_DECLS
