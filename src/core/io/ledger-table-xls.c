/* ledger-table-xls.c: a sheet of an Excel 97–2003 workbook (.xls) as rows
 *
 * libfreexl reads the BIFF records of the OLE2 file; it opens files by name
 * only, so the bytes are written to a private temporary file first. Cells
 * come out as for .xlsx: numbers without binary noise or exponent (a code
 * shown as 5.12E+11 keeps its digits), dates YYYY-MM-DD, text as it is,
 * formulas by their cached number. A workbook protected by a password is
 * refused with a message saying what to do.
 */
#include "config.h"

#include <freexl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ledger-error.h"
#include "ledger-table-ods-private.h"

#define MAX_CELLS (30 * 1000 * 1000)   /* as for .xlsx */
#define TRIAL_SECONDS 60                 /* a read in the trial process, at most */


/* ---- auxiliary functions ---- */

static gboolean
refuse_unreadable (GError **error)
{
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("The file is not an Excel 97–2003 workbook (.xls) that can be read, or it is "
                         "protected by a password. Open it in Excel or WPS and save it as an Excel "
                         "workbook (.xlsx) without a password, or as “CSV UTF-8”."));
  return FALSE;
}

/* freexl opens files by name: the bytes go to a file only we can read. */
static char *
write_temporary (const char  *bytes,
                 gsize        len,
                 GError     **error)
{
  g_autoptr(GError) local = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("sanitation-ledger-XXXXXX.xls", &path, &local);

  if (fd < 0 || !g_close (fd, &local) || !g_file_set_contents_full (path, bytes, len, G_FILE_SET_CONTENTS_NONE,
                                                                     0600, &local))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CANNOT_OPEN,
                   _("The workbook cannot be read through a temporary file: %s"), local->message);
      if (path != NULL)
        g_unlink (path);
      g_free (path);
      return NULL;
    }
  return path;
}

static char *
valid_text (const char *text)
{
  return g_utf8_make_valid (text ? text : "", -1);
}

static char *
cell_text (const FreeXL_CellValue *value)
{
  switch (value->type)
    {
    case FREEXL_CELL_INT:
      return g_strdup_printf ("%d", value->value.int_value);
    case FREEXL_CELL_DOUBLE:
      return ledger_table_format_number (value->value.double_value);
    case FREEXL_CELL_DATETIME:
      if (value->value.text_value != NULL && g_str_has_suffix (value->value.text_value, " 00:00:00"))
        return g_strndup (value->value.text_value, strlen (value->value.text_value) - 9);
      return valid_text (value->value.text_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_TIME:
      return valid_text (value->value.text_value);
    case FREEXL_CELL_NULL:
    default:
      return g_strdup ("");
    }
}

/* One row's cells, blank ones before a non-blank kept, those after dropped. */
static GPtrArray *
read_row (const void *handle,
          guint       row,
          guint       n_columns)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  guint blanks = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      FreeXL_CellValue value;
      char *text;

      if (freexl_get_cell_value (handle, row, (unsigned short) c, &value) != FREEXL_OK)
        continue;
      text = cell_text (&value);
      if (*text == '\0')
        {
          g_free (text);
          blanks++;
          continue;
        }
      for (; blanks > 0; blanks--)
        g_ptr_array_add (cells, g_strdup (""));
      if (strlen (text) > LEDGER_CSV_MAX_CELL)
        text[LEDGER_CSV_MAX_CELL] = '\0';   /* BIFF strings are shorter; never reached */
      g_ptr_array_add (cells, text);
    }
  return cells;
}

static gboolean
read_rows (LedgerTable   *table,
           const void    *handle,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_csv_row_free);
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;

  if (freexl_worksheet_dimensions (handle, &n_rows, &n_columns) != FREEXL_OK)
    return refuse_unreadable (error);
  if ((guint64) n_rows * n_columns > MAX_CELLS)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The worksheet has more than %u cells; split it into smaller files."), (guint) MAX_CELLS);
      return FALSE;
    }
  for (guint r = 0; r < n_rows; r++)
    {
      GPtrArray *cells = read_row (handle, r, n_columns);

      if (cells->len == 0)
        g_ptr_array_unref (cells);   /* a blank row: the line numbers say it was there */
      else
        g_ptr_array_add (rows, ledger_table_row_new (r + 1, cells));
      if (r % 4096 == 4095 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  table->rows = g_steal_pointer (&rows);
  return TRUE;
}

static char **
read_sheet_names (const void *handle)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  unsigned int count = 0;

  if (freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK)
    count = 0;
  for (guint i = 0; i < MIN (count, G_MAXUINT16); i++)
    {
      const char *name = NULL;

      if (freexl_get_worksheet_name (handle, (unsigned short) i, &name) != FREEXL_OK)
        break;
      g_ptr_array_add (names, valid_text (name));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static gboolean
choose_sheet (LedgerTable  *table,
              const void   *handle,
              GError      **error)
{
  guint index = 0;

  if (table->sheet_names[0] == NULL)
    {
      g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("The spreadsheet has no sheet."));
      return FALSE;
    }
  if (table->sheet_name != NULL)
    {
      while (table->sheet_names[index] != NULL && !g_str_equal (table->sheet_names[index], table->sheet_name))
        index++;
      if (table->sheet_names[index] == NULL)
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("The workbook has no sheet named “%s”."), table->sheet_name);
          return FALSE;
        }
    }
  if (freexl_select_active_worksheet (handle, (unsigned short) index) != FREEXL_OK)
    return refuse_unreadable (error);
  g_free (table->sheet_name);
  table->sheet_name = g_strdup (table->sheet_names[index]);
  return TRUE;
}

static gboolean
read_workbook (LedgerTable   *table,
               const void    *handle,
               GCancellable  *cancellable,
               GError       **error)
{
  unsigned int password = 0;

  if (freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED)
    return refuse_unreadable (error);
  g_strfreev (table->sheet_names);
  table->sheet_names = read_sheet_names (handle);
  return choose_sheet (table, handle, error) && read_rows (table, handle, cancellable, error);
}

/* libfreexl 1.0.6 reads past its buffers on some damaged files (a BIFF
 * record longer than its stream ends in a SEGV inside freexl_open:
 * tests/fuzz/known/libfreexl-record-segv.xls). So the whole read is first
 * tried in a child process: a crash there, or a read that does not end,
 * refuses the file as damaged instead of ending the program. The child
 * calls only what the read calls and leaves with _exit(). */
static gboolean
read_survives (LedgerTable  *table,
               const char   *path,
               GCancellable *cancellable)
{
  gint64 deadline = g_get_monotonic_time () + TRIAL_SECONDS * G_USEC_PER_SEC;
  int status = 0;
  pid_t pid = fork ();

  if (pid < 0)
    return TRUE;   /* no trial possible: read as before */
  if (pid == 0)
    {
      const void *handle = NULL;

      if (freexl_open (path, &handle) == FREEXL_OK)
        read_workbook (table, handle, NULL, NULL);
      _exit (0);
    }
  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline || g_cancellable_is_cancelled (cancellable))
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          return FALSE;
        }
      g_usleep (2000);
    }
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* ---- private API ---- */

gboolean
ledger_table_read_xls (LedgerTable   *table,
                       const char    *bytes,
                       gsize          len,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *path = write_temporary (bytes, len, error);
  const void *handle = NULL;
  gboolean ok;

  if (path == NULL)
    return FALSE;
  if (!read_survives (table, path, cancellable))
    {
      g_unlink (path);
      return refuse_unreadable (error);
    }
  ok = freexl_open (path, &handle) == FREEXL_OK;
  g_unlink (path);
  if (!ok)
    {
      if (handle != NULL)
        freexl_close (handle);
      return refuse_unreadable (error);
    }
  ok = read_workbook (table, handle, cancellable, error);
  freexl_close (handle);
  if (!ok)
    g_clear_pointer (&table->sheet_names, g_strfreev);
  return ok;
}
