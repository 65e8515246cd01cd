/* ledger-table-xlsx-private.h: the XML parts of a workbook, as GMarkup parsers */
#pragma once

#include <string.h>

#include "ledger-table-private.h"

G_BEGIN_DECLS

/* "x:row" → "row": some writers prefix SpreadsheetML elements. */
static inline const char *
ledger_xlsx_local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon ? colon + 1 : name;
}

/* The value of the attribute whose local name is @name (r:id matches "id"
 * only with @prefixed). */
static inline const char *
ledger_xlsx_attribute (const char **names,
                       const char **values,
                       const char  *name,
                       gboolean     prefixed)
{
  for (guint i = 0; names[i] != NULL; i++)
    if ((strchr (names[i], ':') != NULL) == prefixed && g_str_equal (ledger_xlsx_local_name (names[i]), name))
      return values[i];
  return NULL;
}

/* What the shared strings, the styles and the sheet build up, in that order. */
typedef struct
{
  LedgerTable  *table;
  GCancellable *cancellable;
  gboolean      date1904;     /* the workbook counts days from 1904 (old Mac Excel) */
  GPtrArray    *strings;      /* the shared strings */
  GHashTable   *formats;      /* custom numFmtId → its kind */
  GArray       *styles;       /* per cell style (the s attribute): the kind of its format */
  GPtrArray    *rows;         /* LedgerCsvRow */
  /* the element being read */
  GString      *text;
  gboolean      in_text;      /* inside <t> (not in a phonetic run) or <v> */
  gboolean      in_phonetic;
  gboolean      in_value;
  gboolean      in_xfs;       /* inside <cellXfs> */
  GPtrArray    *cells;        /* of the row being read */
  guint         row_number;
  guint         column;       /* 0-based, of the cell being read */
  char          cell_type[12];
  guint         cell_style;
  char         *value;        /* the cell's <v>, or its inline string */
  guint64       n_cells;
  guint64       n_bytes;      /* memory the cells take, text and cells (ledger-csv.h) */
} LedgerXlsxCells;

extern const GMarkupParser ledger_xlsx_strings_parser;
extern const GMarkupParser ledger_xlsx_styles_parser;
extern const GMarkupParser ledger_xlsx_sheet_parser;

void ledger_xlsx_cells_init  (LedgerXlsxCells *self,
                              LedgerTable     *table,
                              GCancellable    *cancellable);
void ledger_xlsx_cells_clear (LedgerXlsxCells *self);

G_END_DECLS
