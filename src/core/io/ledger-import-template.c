/* ledger-import-template.c: the import template of a kind (XLSX)
 *
 * The headers are the Chinese headers of ledger-kinds.c, in their order, so
 * the import maps every column without a warning. Code, village-code and
 * text columns are text cells (a 12-digit code typed into them stays a code,
 * not 5.12E+11). Enumerations get a drop-down list of their Chinese labels
 * and numbers a range check; both only warn, because the import also takes
 * officers' own words (集中式, 正常 …). The example row is the 示例 column
 * of the 填报说明 sheet (one line per column, so that no sheet holds a second
 * header row that an import could take for the data) and each column's input
 * message; importing the template unedited imports nothing.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "ledger-error.h"
#include "ledger-export-xlsx.h"
#include "ledger-import-template.h"
#include "ledger-regions.h"

#define LAST_ROW      10000   /* the rows that get validation */
#define EXAMPLE_VILLAGE "512022101203"

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *required;
  lxw_format   *text;
  lxw_format   *date;
  lxw_format   *title;
  lxw_format   *wrap;
  const char   *village;      /* the example's village code */
} Template;

/* ---- auxiliary functions: what a column takes ---- */

static const char *
example_text (const LedgerField *field)
{
  static const struct { const char *key; const char *example; } examples[] = {
    { "name", "示例名称" }, { "operator", "某某农业公司" }, { "process", "A/O+人工湿地" },
    { "standard", "GB 18918-2002 一级A" }, { "causes", "生活污水直排" }, { "measures", "截污纳管、清淤" },
    { "responsible", "张三" }, { "inspector", "李四" }, { "findings", "出水浑浊" }, { "note", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    if (g_str_equal (examples[i].key, field->key))
      return examples[i].example;
  return "";
}

/* The example value of @field, as a person would type it. */
static char *
example_value (const Template    *t,
               LedgerKind         kind,
               const LedgerField *field)
{
  switch (field->type)
    {
    case LEDGER_FIELD_CODE:
      return g_strdup ("");   /* blank: assigned by the program */
    case LEDGER_FIELD_REGION:
      return g_strdup (t->village);
    case LEDGER_FIELD_SUBJECT:
      return g_strdup_printf ("F%s-1", t->village);
    case LEDGER_FIELD_INT:
      return g_strdup (g_str_equal (field->key, "annual_output") ? "1200" : "500");
    case LEDGER_FIELD_REAL:
      return g_strdup (g_str_equal (field->key, "ph") ? "7.2" : "12.5");
    case LEDGER_FIELD_YEAR:
      return g_strdup ("2025");
    case LEDGER_FIELD_DATE:
      return g_strdup ("2025-06-30");
    case LEDGER_FIELD_ENUM:
      return g_strdup (field->enumeration->values[0].label);
    case LEDGER_FIELD_BOOL:
      return g_strdup ("是");
    case LEDGER_FIELD_LON:
      return g_strdup ("105.03");
    case LEDGER_FIELD_LAT:
      return g_strdup ("30.28");
    case LEDGER_FIELD_TEXT:
    default:
      return g_strdup (example_text (field));
    }
}

/* What the column accepts, for the 填报说明 sheet and the cell's input message. */
static char *
accepts (const LedgerField *field)
{
  g_autoptr(GString) text = g_string_new (NULL);

  switch (field->type)
    {
    case LEDGER_FIELD_CODE:
      return g_strdup ("文本；留空由程序编号，已有编号则更新该条");
    case LEDGER_FIELD_REGION:
      return g_strdup ("12 位行政村代码（文本），须为本台账中的村");
    case LEDGER_FIELD_SUBJECT:
      return g_strdup ("设施、养殖场、水体的编号或行政村代码");
    case LEDGER_FIELD_ENUM:
      g_string_append (text, "下拉选择：");
      for (guint i = 0; i < field->enumeration->n_values; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "、" : "", field->enumeration->values[i].label);
      return g_string_free (g_steal_pointer (&text), FALSE);
    case LEDGER_FIELD_BOOL:
      return g_strdup ("是 / 否");
    case LEDGER_FIELD_DATE:
      return g_strdup ("日期，如 2025-06-30");
    case LEDGER_FIELD_YEAR:
    case LEDGER_FIELD_INT:
      return g_strdup_printf ("整数，%.0f 至 %.0f", field->min, field->max);
    case LEDGER_FIELD_REAL:
    case LEDGER_FIELD_LON:
    case LEDGER_FIELD_LAT:
      return g_strdup_printf ("数字，%.10g 至 %.10g", field->min, field->max);
    case LEDGER_FIELD_TEXT:
    default:
      return g_strdup ("文本");
    }
}

/* ---- auxiliary functions: the sheets ---- */

static void
add_formats (Template *t)
{
  t->header = workbook_add_format (t->workbook);
  format_set_bold (t->header);
  format_set_bg_color (t->header, 0xDDEBF7);
  format_set_border (t->header, LXW_BORDER_THIN);
  t->required = workbook_add_format (t->workbook);
  format_set_bold (t->required);
  format_set_bg_color (t->required, 0xDDEBF7);
  format_set_border (t->required, LXW_BORDER_THIN);
  format_set_font_color (t->required, 0xC00000);
  t->text = workbook_add_format (t->workbook);
  format_set_num_format (t->text, "@");
  t->date = workbook_add_format (t->workbook);
  format_set_num_format (t->date, "yyyy-mm-dd");
  t->title = workbook_add_format (t->workbook);
  format_set_bold (t->title);
  format_set_font_size (t->title, 14);
  t->wrap = workbook_add_format (t->workbook);
  format_set_text_wrap (t->wrap);
}

static lxw_format *
column_format (const Template    *t,
               const LedgerField *field)
{
  switch (field->type)
    {
    case LEDGER_FIELD_TEXT:
    case LEDGER_FIELD_CODE:
    case LEDGER_FIELD_REGION:
    case LEDGER_FIELD_SUBJECT:
      return t->text;
    case LEDGER_FIELD_DATE:
      return t->date;
    default:
      return NULL;
    }
}

static void
set_range (lxw_data_validation *validation,
           const LedgerField   *field,
           uint8_t              type)
{
  validation->validate = type;
  validation->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  validation->minimum_number = field->min;
  validation->maximum_number = field->max;
}

/* A drop-down list for enumerations and 是/否, a range for numbers; a
 * warning, never a stop (officers' own words are accepted on import). */
static void
add_validation (lxw_worksheet     *sheet,
                guint              column,
                const LedgerField *field,
                const char        *message)
{
  lxw_data_validation validation = { 0 };
  g_autofree const char **labels = NULL;
  static const char *yes_no[] = { "是", "否", NULL };
  g_autofree char *title = g_utf8_substring (field->header, 0, MIN (g_utf8_strlen (field->header, -1), 30));
  g_autofree char *input = g_utf8_substring (message, 0, MIN (g_utf8_strlen (message, -1), 120));

  if (field->type == LEDGER_FIELD_ENUM)
    {
      labels = g_new0 (const char *, field->enumeration->n_values + 1);
      for (guint i = 0; i < field->enumeration->n_values; i++)
        labels[i] = field->enumeration->values[i].label;
      validation.validate = LXW_VALIDATION_TYPE_LIST;
      validation.value_list = (char **) labels;
    }
  else if (field->type == LEDGER_FIELD_BOOL)
    validation.validate = LXW_VALIDATION_TYPE_LIST, validation.value_list = (char **) yes_no;
  else if ((field->type == LEDGER_FIELD_INT || field->type == LEDGER_FIELD_YEAR) && field->min <= field->max)
    set_range (&validation, field, LXW_VALIDATION_TYPE_INTEGER);
  else if ((field->type == LEDGER_FIELD_REAL || field->type == LEDGER_FIELD_LON || field->type == LEDGER_FIELD_LAT) &&
           field->min <= field->max)
    set_range (&validation, field, LXW_VALIDATION_TYPE_DECIMAL);
  else
    validation.validate = LXW_VALIDATION_TYPE_ANY;
  validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
  validation.input_title = title;
  validation.input_message = input;
  worksheet_data_validation_range (sheet, 1, column, LAST_ROW, column, &validation);
}

static void
write_data_sheet (Template   *t,
                  LedgerKind  kind)
{
  lxw_worksheet *sheet = workbook_add_worksheet (t->workbook, ledger_export_xlsx_sheet_name (kind));
  guint n_fields = 0;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

  for (guint c = 0; c < n_fields; c++)
    {
      g_autofree char *accepted = accepts (&fields[c]);
      g_autofree char *example = example_value (t, kind, &fields[c]);
      g_autofree char *message = *example ? g_strdup_printf ("%s。示例：%s", accepted, example) : g_strdup (accepted);
      double width = MAX (10.0, g_utf8_strlen (fields[c].header, -1) * 2.2 + 2);

      worksheet_write_string (sheet, 0, c, fields[c].header, fields[c].required ? t->required : t->header);
      worksheet_set_column (sheet, c, c, width, column_format (t, &fields[c]));
      add_validation (sheet, c, &fields[c], message);
    }
  worksheet_freeze_panes (sheet, 1, 0);
}

static void
write_notes_sheet (Template   *t,
                   LedgerKind  kind)
{
  static const char *general[] = {
    "1. 在第一个工作表中，第 1 行是列名，请勿修改；从第 2 行起每行填写一条，不要合并单元格。",
    "2. 红色列名为必填列；其余列可留空，留空的数值不会覆盖台账中已有的值。",
    "3. 行政村代码为 12 位统计用区划代码，按文本填写（不要显示为 5.12E+11）。",
    "4. 带下拉列表的列请从列表中选择；填写其他写法时程序会在导入时提示。",
    "5. 经纬度为十进制度（WGS-84）；从高德、腾讯或百度地图取的点在导入时选择对应坐标系。",
    "6. 下表的“示例”列按列的顺序组成一行示例；示例只在本说明中，不会被导入。",
    "7. 填好后在程序中选择 文件 → 导入…，或在命令行运行 import。",
  };
  lxw_worksheet *sheet = workbook_add_worksheet (t->workbook, LEDGER_IMPORT_TEMPLATE_NOTES_SHEET);
  guint n_fields = 0;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);
  g_autofree char *title = g_strdup_printf ("%s导入模板 · 填报说明", ledger_export_xlsx_sheet_name (kind));
  guint row = 0;

  worksheet_write_string (sheet, row++, 0, title, t->title);
  for (guint i = 0; i < G_N_ELEMENTS (general); i++)
    worksheet_write_string (sheet, row++, 0, general[i], NULL);
  row++;
  worksheet_write_string (sheet, row, 0, "列名", t->header);
  worksheet_write_string (sheet, row, 1, "是否必填", t->header);
  worksheet_write_string (sheet, row, 2, "填写要求", t->header);
  worksheet_write_string (sheet, row, 3, "示例", t->header);
  worksheet_write_string (sheet, row++, 4, "英文键名", t->header);
  for (guint c = 0; c < n_fields; c++, row++)
    {
      g_autofree char *message = accepts (&fields[c]);
      g_autofree char *example = example_value (t, kind, &fields[c]);

      worksheet_write_string (sheet, row, 0, fields[c].header, NULL);
      worksheet_write_string (sheet, row, 1, fields[c].required ? "必填" : "选填", NULL);
      worksheet_write_string (sheet, row, 2, message, t->wrap);
      worksheet_write_string (sheet, row, 3, example, t->text);
      worksheet_write_string (sheet, row, 4, fields[c].key, NULL);
    }
  worksheet_set_column (sheet, 0, 0, 22, NULL);
  worksheet_set_column (sheet, 1, 1, 10, NULL);
  worksheet_set_column (sheet, 2, 2, 56, NULL);
  worksheet_set_column (sheet, 3, 3, 22, NULL);
  worksheet_set_column (sheet, 4, 4, 20, NULL);
}

/* ---- auxiliary functions: the file ---- */

static char *
first_village (LedgerDb *db)
{
  g_autoptr(GPtrArray) villages = db ? ledger_regions_list (db, "village", NULL) : NULL;

  if (villages == NULL || villages->len == 0)
    return g_strdup (EXAMPLE_VILLAGE);
  return g_strdup (((LedgerRegion *) g_ptr_array_index (villages, 0))->code);
}

static gboolean
refuse_write (const char  *path,
              const char  *reason,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED, _("Cannot export to “%s”: %s."), name, reason);
  return FALSE;
}

/* ---- public API ---- */

/**
 * ledger_import_template_write:
 * @db: (nullable): the ledger, for the example's village code
 * @kind: the kind the template is for
 * @path: the .xlsx to write (replaced when it exists)
 * @error: a #LEDGER_ERROR naming the file and the reason
 *
 * Returns: TRUE when the template was written
 */
gboolean
ledger_import_template_write (LedgerDb    *db,
                              LedgerKind   kind,
                              const char  *path,
                              GError     **error)
{
  g_autofree char *village = first_village (db);
  g_autofree char *temporary = g_strdup_printf ("%s.XXXXXX", path);
  Template t = { .village = village };
  lxw_error code;
  int fd;

  g_return_val_if_fail (kind < LEDGER_N_KINDS, FALSE);
  if ((fd = g_mkstemp (temporary)) < 0)
    return refuse_write (path, g_strerror (errno), error);
  g_close (fd, NULL);
  t.workbook = workbook_new (temporary);
  if (t.workbook == NULL)
    {
      g_unlink (temporary);
      return refuse_write (path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED), error);
    }
  add_formats (&t);
  write_data_sheet (&t, kind);
  write_notes_sheet (&t, kind);
  code = workbook_close (t.workbook);
  if (code != LXW_NO_ERROR)
    {
      g_unlink (temporary);
      return refuse_write (path, lxw_strerror (code), error);
    }
  if (g_rename (temporary, path) != 0)
    {
      int saved = errno;

      g_unlink (temporary);
      return refuse_write (path, g_strerror (saved), error);
    }
  return TRUE;
}
