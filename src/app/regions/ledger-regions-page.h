/* ledger-regions-page.h: Preferences → Townships and villages (issue 18) */
#pragma once

#include <adwaita.h>

#include "ledger-db.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_REGIONS_PAGE (ledger_regions_page_get_type ())
G_DECLARE_FINAL_TYPE (LedgerRegionsPage, ledger_regions_page, LEDGER, REGIONS_PAGE, AdwPreferencesPage)

typedef enum
{
  LEDGER_REGION_EDIT_RENAME,
  LEDGER_REGION_EDIT_KIND,
  LEDGER_REGION_EDIT_MERGE,
  LEDGER_REGION_EDIT_SPLIT,
  LEDGER_REGION_EDIT_RETIRE,
  LEDGER_REGION_EDIT_ADD,
  LEDGER_N_REGION_EDITS
} LedgerRegionEdit;

GtkWidget *ledger_regions_page_new          (LedgerDb          *db);
/* shows what a county sheet (or, @national, a national list) would change,
 * and applies it on the dialog's Apply: what the file choosers lead to */
void       ledger_regions_page_review_file  (LedgerRegionsPage *self,
                                             const char        *path,
                                             gboolean           national);

G_END_DECLS
