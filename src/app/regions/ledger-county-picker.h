/* ledger-county-picker.h: choose any county of China and create its ledger (issue 5 item 5) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_COUNTY_PICKER (ledger_county_picker_get_type ())
G_DECLARE_FINAL_TYPE (LedgerCountyPicker, ledger_county_picker, LEDGER, COUNTY_PICKER, AdwWindow)

LedgerCountyPicker *ledger_county_picker_new              (GtkWindow          *parent,
                                                           const char         *open_path);
gboolean            ledger_county_picker_is_ready         (LedgerCountyPicker *self);
void                ledger_county_picker_set_search       (LedgerCountyPicker *self,
                                                           const char         *text);
gboolean            ledger_county_picker_choose           (LedgerCountyPicker *self,
                                                           const char         *code);
const char         *ledger_county_picker_get_chosen_code  (LedgerCountyPicker *self);
void                ledger_county_picker_set_outline      (LedgerCountyPicker *self,
                                                           const char         *path);
void                ledger_county_picker_create_at        (LedgerCountyPicker *self,
                                                           const char         *path);
char               *ledger_county_picker_dup_default_path (LedgerCountyPicker *self);

G_END_DECLS
