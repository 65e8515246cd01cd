/* ledger-export-xlsx.c: the workbook file, its formats and its failures
 *
 * The workbook is written to a hidden temporary file next to the target and
 * renamed over it once complete; every failure and a cancellation remove the
 * temporary file, so the folder holds either the old file or the new one.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ledger-error.h"
#include "ledger-replace.h"
#include "ledger-export-xlsx-private.h"
#include "ledger-store.h"

#define PROGRESS_EVERY 256
/* below this much free space, a failed write is taken for a full disk */
#define DISK_FULL_MARGIN (8 * 1024 * 1024)

static const char *const sheet_names[LEDGER_N_KINDS] = {
  [LEDGER_KIND_VILLAGES] = "行政村",
  [LEDGER_KIND_FACILITIES] = "污水处理设施",
  [LEDGER_KIND_FARMS] = "养殖场",
  [LEDGER_KIND_WATER_BODIES] = "黑臭水体",
  [LEDGER_KIND_SAMPLES] = "监测数据",
  [LEDGER_KIND_INSPECTIONS] = "巡查记录",
};

/* ---- auxiliary functions ---- */

static lxw_format *
new_format (lxw_workbook *workbook,
            const char   *num_format,
            gboolean      bold)
{
  lxw_format *format = workbook_add_format (workbook);

  if (num_format != NULL)
    format_set_num_format (format, num_format);
  if (bold)
    format_set_bold (format);
  format_set_font_name (format, "等线");
  format_set_font_size (format, 11);
  return format;
}

static lxw_format *
new_county_format (lxw_workbook *workbook,
                   const char   *num_format)
{
  lxw_format *format = new_format (workbook, num_format, TRUE);

  format_set_bg_color (format, 0xF2F2F2);
  return format;
}

static void
add_county_formats (LedgerXlsx *x)
{
  LedgerXlsxFigureFormats *county = &x->formats.county;

  county->text = new_county_format (x->workbook, "@");
  county->integer = new_county_format (x->workbook, "0");
  county->tonnes = new_county_format (x->workbook, "#,##0.0");
  county->percent = new_county_format (x->workbook, "0.0%");
  county->target = new_county_format (x->workbook, "0%");
}

static void
add_formats (LedgerXlsx *x)
{
  LedgerXlsxFormats *f = &x->formats;

  f->title = new_format (x->workbook, NULL, TRUE);
  format_set_font_size (f->title, 16);
  f->subtitle = new_format (x->workbook, NULL, FALSE);
  format_set_font_color (f->subtitle, 0x595959);
  f->header = new_format (x->workbook, NULL, TRUE);
  format_set_bg_color (f->header, 0xDDEBF7);
  format_set_border (f->header, LXW_BORDER_THIN);
  format_set_text_wrap (f->header);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_align (f->header, LXW_ALIGN_VERTICAL_CENTER);
  f->group = new_format (x->workbook, NULL, TRUE);
  format_set_bg_color (f->group, 0xBDD7EE);
  format_set_border (f->group, LXW_BORDER_THIN);
  format_set_align (f->group, LXW_ALIGN_CENTER);
  format_set_align (f->group, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (f->group);
  f->text = new_format (x->workbook, "@", FALSE);
  f->wrap = new_format (x->workbook, "@", FALSE);
  format_set_text_wrap (f->wrap);
  format_set_align (f->wrap, LXW_ALIGN_VERTICAL_TOP);
  f->integer = new_format (x->workbook, "0", FALSE);
  f->real = new_format (x->workbook, "General", FALSE);
  f->tonnes = new_format (x->workbook, "#,##0.0", FALSE);
  f->percent = new_format (x->workbook, "0.0%", FALSE);
  f->target = new_format (x->workbook, "0%", FALSE);
  f->date = new_format (x->workbook, "yyyy-mm-dd", FALSE);
  f->coordinate = new_format (x->workbook, "0.000000", FALSE);
  add_county_formats (x);
  f->good = workbook_add_format (x->workbook);
  format_set_font_color (f->good, 0x006100);
  format_set_bg_color (f->good, 0xC6EFCE);
  f->bad = workbook_add_format (x->workbook);
  format_set_font_color (f->bad, 0x9C0006);
  format_set_bg_color (f->bad, 0xFFC7CE);
}

static guint64
expected_rows (LedgerDb *db)
{
  guint64 n = 0;

  for (guint k = 0; k < LEDGER_N_KINDS; k++)
    n += ledger_store_count (db, k);
  return MAX (n, 1);
}

static void
set_properties (LedgerXlsx *x)
{
  g_autofree char *code = ledger_db_dup_region_code (x->db);
  g_autofree char *county = ledger_db_dup_region_name (x->db, code);
  g_autofree char *title = g_strdup_printf ("%s %d 年农村生活污水与畜禽粪污治理台账",
                                            county ? county : "", x->year);
  lxw_doc_properties properties = {
    .title = title,
    .subject = "农村污水与畜禽粪污治理台账",
    .author = "Sanitation Ledger",
  };

  workbook_set_properties (x->workbook, &properties);
}

static gboolean
disk_is_full (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr (GFile) file = g_file_new_for_path (folder);
  g_autoptr (GFileInfo) info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);

  return info != NULL && g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) < DISK_FULL_MARGIN;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 lxw_error    code)
{
  g_autofree char *name = g_filename_display_name (path);

  if (disk_is_full (path))
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED,
                 _("Cannot export to “%s”: the disk is full. Free some space or choose another place."), name);
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED,
                 _("Cannot export to “%s”: %s."), name, lxw_strerror (code));
}

static gboolean
write_sheets (LedgerXlsx  *x,
              GError     **error)
{
  if (!ledger_xlsx_write_summary (x, error))
    return FALSE;
  for (guint k = 0; k < LEDGER_N_KINDS; k++)
    if (!ledger_xlsx_write_kind (x, k, error))
      return FALSE;
  return TRUE;
}

/* Writes the workbook into @temporary; on failure the caller removes it. */
static gboolean
write_workbook (LedgerXlsx  *x,
                const char  *temporary,
                const char  *path,
                GError     **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE };
  gboolean ok;
  lxw_error code;

  x->workbook = workbook_new_opt (temporary, &options);
  if (x->workbook == NULL)
    {
      set_write_error (error, path, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return FALSE;
    }
  add_formats (x);
  set_properties (x);
  x->places = ledger_xlsx_places_load (x->db, error);
  ok = x->places != NULL && write_sheets (x, error);
  g_clear_pointer (&x->places, ledger_xlsx_places_free);
  /* closed even after a failure: that frees the workbook and its
   * temporary files; the half-written result is then removed */
  code = workbook_close (x->workbook);
  x->workbook = NULL;
  if (ok && code != LXW_NO_ERROR)
    {
      set_write_error (error, path, code);
      return FALSE;
    }
  return ok;
}

/* ---- shared with the sheets ---- */

/**
 * ledger_xlsx_row_written:
 *
 * Counts a row towards the progress and looks for a cancellation.
 *
 * Returns: FALSE with G_IO_ERROR_CANCELLED when the export was cancelled
 */
gboolean
ledger_xlsx_row_written (LedgerXlsx  *x,
                         GError     **error)
{
  x->n_rows_done++;
  if (x->n_rows_done % PROGRESS_EVERY != 0)
    return TRUE;
  if (x->progress != NULL)
    x->progress (MIN (1.0, (double) x->n_rows_done / x->n_rows_expected), x->progress_data);
  return !g_cancellable_set_error_if_cancelled (x->cancellable, error);
}

/* A width in characters: a Chinese character counts as two. */
double
ledger_xlsx_column_width (const char *header,
                          double      minimum)
{
  double width = 0;

  for (const char *p = header; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2.1 : 1.1;
  return MAX (width + 2, minimum);
}

/* ---- public API ---- */

/**
 * ledger_export_xlsx_sheet_name:
 * @kind: a kind
 *
 * Returns: the name of the kind's sheet, e.g. "养殖场"
 */
const char *
ledger_export_xlsx_sheet_name (LedgerKind kind)
{
  g_return_val_if_fail (kind < LEDGER_N_KINDS, NULL);
  return sheet_names[kind];
}

/**
 * ledger_export_xlsx:
 * @path: the .xlsx file to write, replaced only once complete
 * @year: the year of the figures: the indicators as of that year, each
 *   farm's figures of that year or the latest before, samples and
 *   inspections taken in or before it
 * @township: (nullable): a 9-digit code: only that township's items and row
 *   in the summary (the county's figures stay those of the whole county)
 * @progress: (nullable): called from this thread with the share done
 * @cancellable: (nullable): cancelled: G_IO_ERROR_CANCELLED, no file written
 *
 * Writes the county's workbook. Errors name the file and the reason: a
 * folder that cannot be written, a full disk, a file that cannot be
 * replaced; none of them leaves a file behind.
 *
 * Returns: TRUE when the workbook was written
 */
gboolean
ledger_export_xlsx (LedgerDb                 *db,
                    const char               *path,
                    int                       year,
                    const char               *township,
                    LedgerExportProgressFunc  progress,
                    gpointer                  user_data,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  g_autoptr (LedgerRules) rules = NULL;
  g_autoptr (LedgerReplace) replace = NULL;
  LedgerXlsx x = { db, NULL, { 0 }, NULL, NULL, year, township, progress, user_data, cancellable, 0, 0 };

  g_return_val_if_fail (LEDGER_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !ledger_db_refuse_own_file (db, path, error))
    return FALSE;
  if ((rules = ledger_rules_load (db, error)) == NULL)
    return FALSE;
  x.rules = rules;
  x.n_rows_expected = expected_rows (db);
  /* the temporary file is removed by the autoptr unless committed */
  if ((replace = ledger_replace_begin (path, error)) == NULL ||
      !write_workbook (&x, ledger_replace_get_temporary (replace), path, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !ledger_replace_commit (replace, TRUE, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
