/* ledger-table-xlsx.c: the first worksheet of an .xlsx workbook as rows
 *
 * An .xlsx is a zip of XML parts (ECMA-376): xl/workbook.xml names the
 * sheets, xl/_rels/workbook.xml.rels says which part each one is, the cells
 * refer to xl/sharedStrings.xml for their text and to xl/styles.xml for
 * their number format (which is how a date is told from a number). Parts are
 * inflated by minizip in chunks and streamed through GMarkup, so neither a
 * big sheet nor a zip bomb is ever held in memory whole.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unzip.h>

#include "ledger-error.h"
#include "ledger-table-private.h"
#include "ledger-table-xlsx-private.h"
#include "ledger-zip.h"

#define CHUNK    (64 * 1024)
#define MIN_BOMB (64 * 1024 * 1024)
#define RATIO    200

/* ---- auxiliary functions: the zip (read from memory by ledger-zip.c) ---- */

static gboolean
refuse_damaged_zip (GError **error)
{
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("The file is not a valid Excel workbook (.xlsx): the zip archive is damaged."));
  return FALSE;
}

/* Real parts deflate 10 to 50 times; a bomb a thousand times. Beyond
 * MIN_BOMB, a part may unpack to RATIO times its packed size at most, and
 * never beyond LEDGER_TABLE_MAX_XML_PART (the packed size can lie). */
static gboolean
is_bomb (guint64 unpacked,
         guint64 packed)
{
  return unpacked > LEDGER_TABLE_MAX_XML_PART ||
         (unpacked > MIN_BOMB && unpacked / RATIO > packed);
}

static gboolean
feed_parser (unzFile               zip,
             const char           *part,
             guint64               packed,
             GMarkupParseContext  *context,
             GCancellable         *cancellable,
             GError              **error)
{
  g_autofree char *buf = g_malloc (CHUNK);
  g_autoptr(GError) local = NULL;
  guint64 total = 0;
  int n;

  while ((n = unzReadCurrentFile (zip, buf, CHUNK)) > 0)
    {
      total += n;
      if (is_bomb (total, packed))
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("The workbook part “%s” unpacks to more than %u MiB from %u KiB; "
                         "it is refused as a possible zip bomb."),
                       part, (guint) (total >> 20), (guint) (packed >> 10));
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !g_markup_parse_context_parse (context, buf, n, &local))
        break;
    }
  if (local == NULL && n == 0 && !g_cancellable_is_cancelled (cancellable))
    g_markup_parse_context_end_parse (context, &local);
  if (n < 0)
    return refuse_damaged_zip (error);
  if (local != NULL && local->domain == G_MARKUP_ERROR)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                 _("The workbook part “%s” is damaged: %s"), part, local->message);
  else if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return n == 0 && (error == NULL || *error == NULL) && !g_cancellable_is_cancelled (cancellable);
}

/* Streams the part @part (a path in the zip) through @parser. An absent
 * optional part is no error. */
static gboolean
parse_part (unzFile              zip,
            gsize                archive_len,
            const char          *part,
            gboolean             required,
            const GMarkupParser *parser,
            gpointer             user_data,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  unz_file_info64 info;
  gboolean ok;

  if (unzLocateFile (zip, part, 2) != UNZ_OK)
    {
      if (required)
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                     _("The workbook has no worksheet (the part “%s” is missing)."), part);
      return !required;
    }
  if (unzGetCurrentFileInfo64 (zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
      unzOpenCurrentFile (zip) != UNZ_OK)
    return refuse_damaged_zip (error);
  context = g_markup_parse_context_new (parser, G_MARKUP_TREAT_CDATA_AS_TEXT, user_data, NULL);
  /* a zip64 entry without its extra field claims 0xFFFFFFFF: no part is
   * packed bigger than the whole archive */
  ok = feed_parser (zip, part, MIN (info.compressed_size, archive_len), context, cancellable, error);
  if (unzCloseCurrentFile (zip) != UNZ_OK && ok)   /* a CRC error shows here */
    return refuse_damaged_zip (error);
  return ok;
}

/* ---- auxiliary functions: the parts that lead to the sheet ---- */



typedef struct
{
  GPtrArray  *sheet_names;  /* every worksheet, in order */
  GPtrArray  *sheet_ids;    /* their relationship ids */
  gboolean    date1904;
  GHashTable *targets;      /* relationship id → part path */
  char       *shared_strings;
  char       *styles;
} Workbook;

static void
on_workbook_start_cb (GMarkupParseContext  *context,
                      const char           *element,
                      const char          **names,
                      const char          **values,
                      gpointer              user_data,
                      GError              **error)
{
  Workbook *self = user_data;
  const char *name = ledger_xlsx_local_name (element);

  if (g_str_equal (name, "workbookPr"))
    {
      const char *date1904 = ledger_xlsx_attribute (names, values, "date1904", FALSE);
      self->date1904 = date1904 && (g_str_equal (date1904, "1") || g_str_equal (date1904, "true"));
    }
  else if (g_str_equal (name, "sheet"))
    {
      const char *sheet_name = ledger_xlsx_attribute (names, values, "name", FALSE);

      g_ptr_array_add (self->sheet_names, g_strdup (sheet_name ? sheet_name : ""));
      g_ptr_array_add (self->sheet_ids, g_strdup (ledger_xlsx_attribute (names, values, "id", TRUE)));
    }
}

/* A relationship's target is relative to xl/, or absolute from the zip's root. */
static char *
resolve_target (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

static void
on_rels_start_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Workbook *self = user_data;
  const char *id = ledger_xlsx_attribute (names, values, "Id", FALSE);
  const char *type = ledger_xlsx_attribute (names, values, "Type", FALSE);
  const char *target = ledger_xlsx_attribute (names, values, "Target", FALSE);

  if (!g_str_equal (ledger_xlsx_local_name (element), "Relationship") || !id || !type || !target)
    return;
  g_hash_table_insert (self->targets, g_strdup (id), resolve_target (target));
  if (g_str_has_suffix (type, "/sharedStrings") && self->shared_strings == NULL)
    self->shared_strings = resolve_target (target);
  else if (g_str_has_suffix (type, "/styles") && self->styles == NULL)
    self->styles = resolve_target (target);
}

static void
workbook_clear (Workbook *self)
{
  g_clear_pointer (&self->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&self->sheet_ids, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_free (self->shared_strings);
  g_free (self->styles);
}

static gboolean
read_workbook (unzFile        zip,
               gsize          len,
               Workbook      *self,
               GCancellable  *cancellable,
               GError       **error)
{
  static const GMarkupParser workbook_parser = { on_workbook_start_cb, NULL, NULL, NULL, NULL };
  static const GMarkupParser rels_parser = { on_rels_start_cb, NULL, NULL, NULL, NULL };

  self->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
  self->sheet_ids = g_ptr_array_new_with_free_func (g_free);
  return parse_part (zip, len, "xl/workbook.xml", FALSE, &workbook_parser, self, cancellable, error) &&
         parse_part (zip, len, "xl/_rels/workbook.xml.rels", FALSE, &rels_parser, self, cancellable, error);
}

/* Which sheet to read: the one named @wanted, or the first. */
static gboolean
choose_sheet (const Workbook  *self,
              const char      *wanted,
              guint           *index,
              GError         **error)
{
  *index = 0;
  if (wanted == NULL)
    return TRUE;
  for (guint i = 0; i < self->sheet_names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->sheet_names, i), wanted))
      {
        *index = i;
        return TRUE;
      }
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("The workbook has no sheet named “%s”."), wanted);
  return FALSE;
}

/* The chosen sheet's part; sheet1.xml when the workbook does not say. */
static const char *
sheet_part (const Workbook *self,
            guint           index)
{
  const char *id = index < self->sheet_ids->len ? g_ptr_array_index (self->sheet_ids, index) : NULL;
  const char *target = id ? g_hash_table_lookup (self->targets, id) : NULL;

  return target ? target : "xl/worksheets/sheet1.xml";
}

static char **
dup_sheet_names (const Workbook *self)
{
  char **names = g_new0 (char *, self->sheet_names->len + 1);

  for (guint i = 0; i < self->sheet_names->len; i++)
    names[i] = g_strdup (g_ptr_array_index (self->sheet_names, i));
  return names;
}

/* ---- public API ---- */

gboolean
ledger_table_read_xlsx (LedgerTable   *table,
                        const char    *bytes,
                        gsize          len,
                        GCancellable  *cancellable,
                        GError       **error)
{
  LedgerZipMemory file = { bytes, len, 0 };
  unzFile zip = ledger_zip_open_memory (&file);
  Workbook book = { 0 };
  LedgerXlsxCells cells = { 0 };
  guint index = 0;
  gboolean ok;

  if (zip == NULL)
    return refuse_damaged_zip (error);
  ledger_xlsx_cells_init (&cells, table, cancellable);
  ok = read_workbook (zip, len, &book, cancellable, error);
  cells.date1904 = book.date1904;
  ok = ok && parse_part (zip, len, book.shared_strings ? book.shared_strings : "xl/sharedStrings.xml",
                         FALSE, &ledger_xlsx_strings_parser, &cells, cancellable, error);
  ok = ok && parse_part (zip, len, book.styles ? book.styles : "xl/styles.xml",
                         FALSE, &ledger_xlsx_styles_parser, &cells, cancellable, error);
  ok = ok && choose_sheet (&book, table->sheet_name, &index, error);
  ok = ok && parse_part (zip, len, sheet_part (&book, index), TRUE, &ledger_xlsx_sheet_parser, &cells,
                         cancellable, error);
  if (ok)
    {
      g_free (table->sheet_name);
      table->sheet_name = g_strdup (index < book.sheet_names->len ? g_ptr_array_index (book.sheet_names, index)
                                                                  : "Sheet1");
      table->sheet_names = dup_sheet_names (&book);
      table->rows = g_steal_pointer (&cells.rows);
    }
  ledger_xlsx_cells_clear (&cells);
  workbook_clear (&book);
  unzClose (zip);
  return ok;
}

/* ---- private API: the zip, for the .ods reader ---- */

gboolean
ledger_table_zip_parse_part (const char          *bytes,
                             gsize                len,
                             const char          *part,
                             const GMarkupParser *parser,
                             gpointer             user_data,
                             GCancellable        *cancellable,
                             GError             **error)
{
  LedgerZipMemory file = { bytes, len, 0 };
  unzFile zip = ledger_zip_open_memory (&file);
  gboolean ok;

  if (zip == NULL)
    return refuse_damaged_zip (error);
  ok = parse_part (zip, len, part, TRUE, parser, user_data, cancellable, error);
  unzClose (zip);
  return ok;
}

gboolean
ledger_table_zip_has_part (const char *bytes,
                           gsize       len,
                           const char *part)
{
  LedgerZipMemory file = { bytes, len, 0 };
  unzFile zip = ledger_zip_open_memory (&file);
  gboolean found;

  if (zip == NULL)
    return FALSE;
  found = unzLocateFile (zip, part, 2) == UNZ_OK;
  unzClose (zip);
  return found;
}
