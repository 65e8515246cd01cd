/* ledger-table.c: any spreadsheet-like file as rows of text cells
 *
 * The format is told by the content before the name: officers rename files,
 * and a workbook saved as "台账.csv" by WPS is still a zip. CSV is decoded by
 * ledger-csv.c; XLSX, XLS, ODS and GeoJSON have readers of their own.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-input.h"
#include "ledger-table-ods-private.h"
#include "ledger-table-private.h"

#define UTF8_BOM "\xEF\xBB\xBF"
#define OLE_MAGIC "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

/* ---- auxiliary functions ---- */

static gboolean
has_suffix (const char *file_name,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (file_name, -1);

  return g_str_has_suffix (lower, suffix);
}

static gboolean
looks_like_json (const char *text,
                 const char *file_name)
{
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '{')
    return TRUE;
  return has_suffix (file_name, ".geojson") || has_suffix (file_name, ".json");
}

static gboolean
read_csv (LedgerTable   *table,
          const char    *text,
          GCancellable  *cancellable,
          GError       **error)
{
  table->delimiter = ledger_csv_guess_delimiter (text);
  table->rows = ledger_csv_parse_full (text, table->delimiter, LEDGER_CSV_KEEP_BLANK,
                                       LEDGER_TABLE_MAX_ROWS, cancellable, error);
  return table->rows != NULL;
}

/* CSV or GeoJSON, in any of the encodings ledger_csv_decode() knows. */
static gboolean
read_text (LedgerTable   *table,
           const char    *bytes,
           gsize          len,
           GCancellable  *cancellable,
           GError       **error)
{
  const char *encoding = NULL;
  g_autofree char *text = ledger_csv_decode (bytes, len, &encoding, error);

  if (text == NULL)
    return FALSE;
  if (g_str_equal (encoding, "UTF-8") && len >= 3 && memcmp (bytes, UTF8_BOM, 3) == 0)
    encoding = "UTF-8 (BOM)";
  g_free (table->encoding);
  table->encoding = g_strdup (encoding);
  if (looks_like_json (text, table->file_name))
    {
      table->format = LEDGER_TABLE_GEOJSON;
      return ledger_table_read_geojson (table, text, cancellable, error);
    }
  return read_csv (table, text, cancellable, error);
}

/* .xls (OLE2 magic) and .ods (a zip with the OpenDocument mimetype) */
static gboolean
read_workbook (LedgerTable        *table,
               LedgerTableFormat   format,
               const char         *bytes,
               gsize               len,
               GCancellable       *cancellable,
               GError            **error)
{
  table->format = format;
  g_free (table->encoding);
  table->encoding = g_strdup (format == LEDGER_TABLE_XLS ? "XLS" : "ODS");
  if (format == LEDGER_TABLE_XLS)
    return ledger_table_read_xls (table, bytes, len, cancellable, error);
  return ledger_table_read_ods (table, bytes, len, cancellable, error);
}

static gboolean
refuse_too_many_rows (LedgerTable  *table,
                      GError      **error)
{
  if (table->rows->len <= LEDGER_TABLE_MAX_ROWS)
    return TRUE;
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("The file has more than %u rows; split it into smaller files."),
               (guint) LEDGER_TABLE_MAX_ROWS);
  return FALSE;
}

static gboolean
read_any (LedgerTable   *table,
          const char    *bytes,
          gsize          len,
          GCancellable  *cancellable,
          GError       **error)
{
  if (len >= 8 && memcmp (bytes, OLE_MAGIC, 8) == 0)
    return read_workbook (table, LEDGER_TABLE_XLS, bytes, len, cancellable, error);
  if (ledger_table_is_kml (table->file_name, bytes, len))
    return ledger_table_read_kml (table, bytes, len, cancellable, error);
  if (len >= 2 && memcmp (bytes, "PK", 2) == 0 && ledger_table_is_ods (bytes, len))
    return read_workbook (table, LEDGER_TABLE_ODS, bytes, len, cancellable, error);
  if ((len >= 2 && memcmp (bytes, "PK", 2) == 0) || has_suffix (table->file_name, ".xlsx"))
    {
      table->format = LEDGER_TABLE_XLSX;
      g_free (table->encoding);
      table->encoding = g_strdup ("XLSX");
      return ledger_table_read_xlsx (table, bytes, len, cancellable, error);
    }
  g_clear_pointer (&table->sheet_name, g_free);   /* only workbooks have sheets */
  return read_text (table, bytes, len, cancellable, error);
}

/* ---- private API ---- */

/* A number as a person would type it: "%.15g" hides binary noise
 * (0.30000000000000004 → 0.3), and no exponent (1e-05 → 0.00001). */
char *
ledger_table_format_number (double value)
{
  g_autofree char *format = NULL;
  char buf[80];
  char *end;

  if (!isfinite (value))
    return g_strdup ("");
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (strchr (buf, 'e') == NULL)
    return g_strdup (buf);
  if (fabs (value) >= 1e15)
    return g_strdup_printf ("%.0f", value);
  format = g_strdup_printf ("%%.%df", MIN (14 - (int) floor (log10 (fabs (value))), 60));
  g_ascii_formatd (buf, sizeof buf, format, value);
  end = buf + strlen (buf);
  while (end > buf && end[-1] == '0')
    *--end = '\0';
  if (end > buf && end[-1] == '.')
    end[-1] = '\0';
  return g_strdup (buf);
}

LedgerTable *
ledger_table_new (const char        *file_name,
                  LedgerTableFormat  format,
                  const char        *encoding)
{
  LedgerTable *table = g_new0 (LedgerTable, 1);

  table->file_name = g_strdup (file_name);
  table->format = format;
  table->encoding = g_strdup (encoding);
  return table;
}

/* Takes @cells (char *, owning) as the row's cells. */
LedgerCsvRow *
ledger_table_row_new (guint      line,
                      GPtrArray *cells)
{
  LedgerCsvRow *row = g_new0 (LedgerCsvRow, 1);

  row->line = line;
  row->n_cells = cells->len;
  g_ptr_array_add (cells, NULL);
  row->cells = (char **) g_ptr_array_free (cells, FALSE);
  return row;
}

/* ---- public API ---- */

/**
 * ledger_table_read_bytes:
 * @bytes: the whole file
 * @len: its length
 * @file_name: its display name, for messages
 * @cancellable: (nullable): checked every few thousand rows
 * @error: a #LEDGER_ERROR whose message names the file and the reason, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Reads CSV, XLSX, XLS, ODS, GeoJSON or KML/KMZ, told by the content and then by the suffix.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error
 */
LedgerTable *
ledger_table_read_bytes (const char    *bytes,
                         gsize          len,
                         const char    *file_name,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return ledger_table_read_bytes_sheet (bytes, len, file_name, NULL, cancellable, error);
}

/**
 * ledger_table_read_bytes_sheet:
 * @sheet: (nullable): the XLSX worksheet to read; %NULL: the first
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error
 */
LedgerTable *
ledger_table_read_bytes_sheet (const char    *bytes,
                               gsize          len,
                               const char    *file_name,
                               const char    *sheet,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(LedgerTable) table = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (bytes != NULL || len == 0, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  table = ledger_table_new (file_name, LEDGER_TABLE_CSV, "UTF-8");
  table->sheet_name = g_strdup (sheet);   /* the XLSX reader's request */
  if (read_any (table, bytes ? bytes : "", len, cancellable, &local) &&
      refuse_too_many_rows (table, &local))
    return g_steal_pointer (&table);
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local));
  else
    g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", file_name);
  return NULL;
}

/**
 * ledger_table_read_file:
 * @path: a file name in the GLib file name encoding
 * @cancellable: (nullable): checked every few thousand rows
 * @error: a #LEDGER_ERROR naming the file
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error
 */
LedgerTable *
ledger_table_read_file (const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return ledger_table_read_file_sheet (path, NULL, cancellable, error);
}

/**
 * ledger_table_read_file_sheet:
 * @sheet: (nullable): the XLSX worksheet to read; %NULL: the first
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error
 */
LedgerTable *
ledger_table_read_file_sheet (const char    *path,
                              const char    *sheet,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!ledger_input_read_file (path, LEDGER_INPUT_MAX_BYTES, &contents, &len, error))
    return NULL;
  return ledger_table_read_bytes_sheet (contents, len, name, sheet, cancellable, error);
}

void
ledger_table_free (LedgerTable *table)
{
  if (table == NULL)
    return;
  g_free (table->file_name);
  g_free (table->encoding);
  g_free (table->sheet_name);
  g_strfreev (table->sheet_names);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}
