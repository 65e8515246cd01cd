/* ledger-export-kml.h: points (and water-body shapes) for Google Earth, 奥维, 两步路 */
#pragma once

#include "ledger-db.h"
#include "ledger-export.h"

G_BEGIN_DECLS

char     *ledger_export_kml_text (LedgerDb    *db,
                                  LedgerKind   kind,
                                  int          year,
                                  const char  *township,
                                  GError     **error);
gboolean  ledger_export_kml      (LedgerDb    *db,
                                  LedgerKind   kind,
                                  const char  *path,
                                  int          year,
                                  const char  *township,
                                  GError     **error);

G_END_DECLS
