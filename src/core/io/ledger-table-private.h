/* ledger-table-private.h: what the table readers share */
#pragma once

#include "ledger-table.h"

G_BEGIN_DECLS

/* An .xlsx part may not unpack to more than this: a zip bomb otherwise. */
#define LEDGER_TABLE_MAX_XML_PART (1024 * 1024 * 1024)

LedgerTable  *ledger_table_new        (const char         *file_name,
                                       LedgerTableFormat   format,
                                       const char         *encoding);
LedgerCsvRow *ledger_table_row_new    (guint               line,
                                       GPtrArray          *cells);
char         *ledger_table_format_number (double       value);
gboolean      ledger_table_read_xlsx  (LedgerTable        *table,
                                       const char         *bytes,
                                       gsize               len,
                                       GCancellable       *cancellable,
                                       GError            **error);
/* The zip readers of ledger-table-xlsx.c, for the other zip formats: one
 * part streamed through @parser (with the same zip-bomb limits), and whether
 * a part is there. */
gboolean      ledger_table_zip_parse_part (const char          *bytes,
                                           gsize                len,
                                           const char          *part,
                                           const GMarkupParser *parser,
                                           gpointer             user_data,
                                           GCancellable        *cancellable,
                                           GError             **error);
gboolean      ledger_table_zip_has_part   (const char          *bytes,
                                           gsize                len,
                                           const char          *part);
gboolean      ledger_table_read_geojson (LedgerTable      *table,
                                         const char       *text,
                                         GCancellable     *cancellable,
                                         GError          **error);

/* KML/KMZ (ledger-table-kml.c) */
gboolean      ledger_table_is_kml     (const char         *file_name,
                                       const char         *bytes,
                                       gsize               len);
gboolean      ledger_table_read_kml   (LedgerTable        *table,
                                       const char         *bytes,
                                       gsize               len,
                                       GCancellable       *cancellable,
                                       GError            **error);

G_END_DECLS
