/* ledger-export-xlsx-sheets.c: one sheet per kind in the workbook
 *
 * The columns of README.md and ledger-kinds.c in the order of the column table, then the
 * computed ones (有效治理 and why not, 猪当量, 规模养殖场, 估算粪污量, 黑臭等级,
 * 监管清单), with the township (and village name) beside the village code or
 * the subject's code. Columns are as wide as their text, up to a limit past
 * which long text wraps. Codes are text cells (12 digits keep their digits), numbers are
 * numbers, dates are dates, and text is always a string cell, never a
 * formula. Records are streamed one at a time (ledger_store_foreach) into a
 * constant-memory worksheet, so 100,000 farms take seconds and little memory.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-export-xlsx-private.h"
#include "ledger-photos.h"
#include "ledger-item-facts.h"
#include "ledger-store.h"
#include "ledger-values.h"

typedef struct
{
  LedgerXlsx        *x;
  lxw_worksheet     *sheet;
  LedgerKind         kind;
  const LedgerField *fields;
  guint              n_fields;
  lxw_row_t          row;
  char               year_end[16];   /* "YYYY-12-31": samples and inspections up to it */
  GHashTable        *latest_sample;  /* water body or facility code → LastSamples up to the
                                        year, NULL when never sampled */
  int                place_after;    /* the field the place columns follow */
  guint              n_place;        /* 乡镇 (and 村名) */
  double            *widths;         /* of every column, in characters */
} SheetWriter;

/* the last three samples of a subject, oldest first */
typedef struct
{
  guint              n;
  LedgerMeasurements m[3];
} LastSamples;

/* long text wraps past this width (characters) */
#define WRAP_WIDTH 36
/* characters of 11 pt text an A4 landscape page holds at about 8 pt */
#define PAGE_WIDTH 170

/* The computed columns of each kind; cell words are the county's, in Chinese. */
static const char *const village_computed[] = { "有效治理", "未有效治理原因", NULL };
static const char *const facility_computed[] = { "出水评价", NULL };
static const char *const farm_computed[] = { "猪当量", "规模养殖场", "估算粪污量(吨/年)", NULL };
static const char *const water_body_computed[] = { "黑臭等级（参考：城市黑臭水体分级）", "治理后仍黑臭", "监管清单", NULL };
static const char *const sample_computed[] = { "本次采样黑臭判定", NULL };
/* the file names of an inspection's photos (the photos stay in the ledger) */
static const char *const inspection_computed[] = { "照片", NULL };

static const char *const *const computed_headers[LEDGER_N_KINDS] = {
  [LEDGER_KIND_VILLAGES] = village_computed,
  [LEDGER_KIND_FACILITIES] = facility_computed,
  [LEDGER_KIND_FARMS] = farm_computed,
  [LEDGER_KIND_WATER_BODIES] = water_body_computed,
  [LEDGER_KIND_SAMPLES] = sample_computed,
  [LEDGER_KIND_INSPECTIONS] = inspection_computed,
};

/* ---- auxiliary functions ---- */

static const char *
black_level_word (LedgerBlackLevel level)
{
  switch (level)
    {
    case LEDGER_BLACK_INSUFFICIENT:
      return "数据不足";
    case LEDGER_BLACK_NONE:
      return "不黑臭";
    case LEDGER_BLACK_LIGHT:
      return "轻度黑臭";
    case LEDGER_BLACK_HEAVY:
      return "重度黑臭";
    case LEDGER_BLACK_NO_SAMPLE:
    default:
      return "未监测";
    }
}

static double
minimum_width (const LedgerField *field)
{
  switch (field->type)
    {
    case LEDGER_FIELD_CODE:
    case LEDGER_FIELD_REGION:
    case LEDGER_FIELD_SUBJECT:
      return 16;
    case LEDGER_FIELD_TEXT:
      return 18;
    case LEDGER_FIELD_DATE:
    case LEDGER_FIELD_LON:
    case LEDGER_FIELD_LAT:
      return 12;
    default:
      return 9;
    }
}

static gboolean
in_year (const SheetWriter  *w,
         const LedgerRecord *record)
{
  const char *date;

  if (w->kind != LEDGER_KIND_SAMPLES && w->kind != LEDGER_KIND_INSPECTIONS)
    return TRUE;
  date = ledger_record_get (record, "date");
  return date != NULL && strcmp (date, w->year_end) <= 0;
}

static void
note_width (SheetWriter *w,
            lxw_col_t    col,
            double       width)
{
  w->widths[col] = MAX (w->widths[col], MIN (width, WRAP_WIDTH));
}

static void
write_text (SheetWriter *w,
            lxw_col_t    col,
            const char  *text)
{
  double width;

  if (text == NULL || *text == '\0')
    return;
  width = ledger_xlsx_column_width (text, 0);
  note_width (w, col, width);
  worksheet_write_string (w->sheet, w->row, col, text, width > WRAP_WIDTH ? w->x->formats.wrap : w->x->formats.text);
}

static void
write_number (SheetWriter *w,
              lxw_col_t    col,
              double       value,
              lxw_format  *format)
{
  if (!isnan (value))
    worksheet_write_number (w->sheet, w->row, col, value, format);
}

static void
write_date (SheetWriter *w,
            lxw_col_t    col,
            const char  *iso)
{
  lxw_datetime date = { 0 };

  if (sscanf (iso, "%4d-%2d-%2d", &date.year, &date.month, &date.day) == 3)
    worksheet_write_datetime (w->sheet, w->row, col, &date, w->x->formats.date);
  else
    write_text (w, col, iso);
}

static void
write_field (SheetWriter       *w,
             lxw_col_t          col,
             const LedgerField *field,
             const char        *canonical)
{
  LedgerXlsxFormats *f = &w->x->formats;
  g_autofree char *label = NULL;

  if (canonical == NULL)
    return;
  switch (field->type)
    {
    case LEDGER_FIELD_INT:
    case LEDGER_FIELD_YEAR:
      write_number (w, col, g_ascii_strtod (canonical, NULL), f->integer);
      break;
    case LEDGER_FIELD_REAL:
      write_number (w, col, g_ascii_strtod (canonical, NULL), f->real);
      break;
    case LEDGER_FIELD_LON:
    case LEDGER_FIELD_LAT:
      write_number (w, col, g_ascii_strtod (canonical, NULL), f->coordinate);
      break;
    case LEDGER_FIELD_DATE:
      write_date (w, col, canonical);
      break;
    case LEDGER_FIELD_ENUM:
    case LEDGER_FIELD_BOOL:
      label = ledger_field_format (field, canonical, LEDGER_HEADER_ZH);
      write_text (w, col, label);
      break;
    default:
      /* codes and free text: always a string cell, never a formula */
      write_text (w, col, canonical);
      break;
    }
}

/* ---- computed columns ---- */

static void
village_columns (SheetWriter        *w,
                 const LedgerRecord *record,
                 lxw_col_t           col)
{
  const char *code = ledger_record_get (record, "village_code");
  LedgerVillageStatus status = { 0 };
  LedgerVillageVerdict verdict;
  g_autoptr (LedgerRecord) down = NULL;
  g_autofree char *reason = NULL;

  if (ledger_code_is_community (code))
    {
      write_text (w, col, "不计（社区）");
      return;
    }
  status.mode = ledger_record_get (record, "mode");
  status.households = (int) ledger_record_get_double (record, "households", -1);
  status.covered_households = (int) ledger_record_get_double (record, "covered_households", -1);
  status.year_done = (int) ledger_record_get_double (record, "year_done", 0);
  status.facility_down = ledger_store_village_facility_down (w->x->db, code);
  verdict = ledger_village_verdict (w->x->rules, &status, w->x->year);
  write_text (w, col, ledger_village_verdict_counts (verdict) ? "是" : "否");
  if (verdict == LEDGER_VILLAGE_EFFECTIVE)
    return;
  if (verdict == LEDGER_VILLAGE_FACILITY_DOWN)
    down = ledger_village_facility_down (w->x->db, code, status.mode, NULL);
  reason = ledger_xlsx_village_reason (w->x->rules, &status, verdict, down, w->x->year);
  write_text (w, col + 1, reason);
}

/* the latest sample against the facility's discharge standard (docs/RULES.md 5.4) */
static void
facility_columns (SheetWriter        *w,
                  const LedgerRecord *record,
                  lxw_col_t           col)
{
  const char *name = ledger_record_get (record, "standard");
  const LedgerEffluentStandard *standard = ledger_effluent_standard_builtin (name);
  const LastSamples *last = g_hash_table_lookup (w->latest_sample, ledger_record_get (record, "code"));
  const LedgerMeasurements *m = last ? &last->m[last->n - 1] : NULL;
  g_autoptr (GPtrArray) exceeded = g_ptr_array_new ();
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;

  if (name == NULL)
    write_text (w, col, "未填排放标准");
  else if (standard == NULL && ledger_effluent_is_db51_2626 (name))
    write_text (w, col, "DB51/2626-2019 限值待填");
  else if (standard == NULL)
    write_text (w, col, "排放标准未收录");
  else if (m == NULL)
    write_text (w, col, "未监测");
  else if (ledger_effluent_complies (standard, m, exceeded))
    write_text (w, col, "达标");
  else
    {
      g_ptr_array_add (exceeded, NULL);
      names = g_strjoinv ("、", (char **) exceeded->pdata);
      text = g_strconcat ("超标：", names, NULL);
      write_text (w, col, text);
    }
}

static void
farm_columns (SheetWriter        *w,
              const LedgerRecord *record,
              lxw_col_t           col)
{
  double stock = ledger_record_get_double (record, "stock", NAN);
  double output = ledger_record_get_double (record, "annual_output", NAN);
  LedgerSpecies species;

  if (!ledger_species_from_key (ledger_record_get (record, "species"), &species))
    return;
  /* 猪当量: pig equivalents of the stock */
  if (!isnan (stock))
    write_number (w, col, round (ledger_pig_equivalents_by (w->x->rules, species, stock) * 10) / 10, w->x->formats.tonnes);
  write_text (w, col + 1, ledger_is_scale_farm (w->x->rules, species, stock, output) ? "是" : "否");
  write_number (w, col + 2, ledger_manure_estimate (w->x->rules, species, stock), w->x->formats.tonnes);
}

/* the reference level over the last three samples (docs/RULES.md 5.3) */
static LedgerBlackLevel
level_of (const LastSamples *last)
{
  return last == NULL ? LEDGER_BLACK_NO_SAMPLE : ledger_black_odorous_level_of_samples (last->m, last->n);
}

static void
water_body_columns (SheetWriter        *w,
                    const LedgerRecord *record,
                    lxw_col_t           col)
{
  const char *status = ledger_record_get (record, "status");
  double area = ledger_record_get_double (record, "area_m2", NAN);
  LedgerBlackLevel level = level_of (g_hash_table_lookup (w->latest_sample, ledger_record_get (record, "code")));
  gboolean done = g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "verified") == 0;

  write_text (w, col, black_level_word (level));
  if (done && (level == LEDGER_BLACK_LIGHT || level == LEDGER_BLACK_HEAVY))
    write_text (w, col + 1, "是");
  if (isnan (area))
    write_text (w, col + 2, "面积未填（计入国家监管清单）");
  else if (ledger_water_body_below_survey (w->x->rules, area))
    write_text (w, col + 2, "不足200平方米，不在排查范围");
  else
    write_text (w, col + 2, ledger_water_body_is_national (w->x->rules, area) ? "国家监管清单" : "省级监管清单");
}

static void
sample_columns (SheetWriter        *w,
                const LedgerRecord *record,
                lxw_col_t           col)
{
  LedgerMeasurements m;

  /* the black-odorous rule is for water bodies, not for effluent */
  if (!g_hash_table_contains (w->latest_sample, ledger_record_get (record, "subject_code")))
    return;
  ledger_measurements_from_record (record, &m);
  write_text (w, col, black_level_word (ledger_black_odorous_level (&m)));
}

static void
write_computed (SheetWriter        *w,
                const LedgerRecord *record)
{
  switch (w->kind)
    {
    case LEDGER_KIND_VILLAGES:
      village_columns (w, record, w->n_fields + w->n_place);
      break;
    case LEDGER_KIND_FACILITIES:
      facility_columns (w, record, w->n_fields + w->n_place);
      break;
    case LEDGER_KIND_FARMS:
      farm_columns (w, record, w->n_fields + w->n_place);
      break;
    case LEDGER_KIND_WATER_BODIES:
      water_body_columns (w, record, w->n_fields + w->n_place);
      break;
    case LEDGER_KIND_SAMPLES:
      sample_columns (w, record, w->n_fields + w->n_place);
      break;
    case LEDGER_KIND_INSPECTIONS:
      {
        g_autofree char *names = ledger_photos_dup_names (w->x->db, record->uid);
        write_text (w, w->n_fields + w->n_place, names);
      }
      break;
    default:
      break;
    }
}

/* ---- the latest sample of each water body ---- */

static gboolean
note_subject (const LedgerRecord *record,
              gpointer            data,
              GError            **error)
{
  SheetWriter *w = data;

  /* present with no sample yet: "未监测" */
  g_hash_table_insert (w->latest_sample, g_strdup (ledger_record_get (record, "code")), NULL);
  return TRUE;
}

static gboolean
note_sample (const LedgerRecord *record,
             gpointer            data,
             GError            **error)
{
  SheetWriter *w = data;
  const char *subject = ledger_record_get (record, "subject_code");
  LastSamples *last;

  /* samples come oldest first per subject: the last three kept are the latest */
  if (!in_year (w, record) || !g_hash_table_contains (w->latest_sample, subject))
    return TRUE;
  if ((last = g_hash_table_lookup (w->latest_sample, subject)) == NULL)
    {
      last = g_new0 (LastSamples, 1);
      g_hash_table_insert (w->latest_sample, g_strdup (subject), last);
    }
  if (last->n == G_N_ELEMENTS (last->m))
    {
      memmove (&last->m[0], &last->m[1], sizeof last->m[0] * (last->n - 1));
      last->n--;
    }
  ledger_measurements_from_record (record, &last->m[last->n++]);
  return TRUE;
}

/* @subjects: water bodies (their level; the samples sheet tells their
 * samples from effluent samples by them) or facilities (effluent) */
static gboolean
load_latest_samples (SheetWriter  *w,
                     LedgerKind    subjects,
                     GError      **error)
{
  LedgerLoadOptions options = { .township = w->x->township };
  SheetWriter scan = *w;

  scan.kind = LEDGER_KIND_SAMPLES;
  return ledger_store_foreach (w->x->db, subjects, &options, note_subject, w, error) &&
         ledger_store_foreach (w->x->db, LEDGER_KIND_SAMPLES, &options, note_sample, &scan, error);
}

/* ---- rows ---- */

static lxw_col_t
col_of (const SheetWriter *w,
        guint              field)
{
  return field + ((int) field > w->place_after ? w->n_place : 0);
}

static guint
n_columns (const SheetWriter *w)
{
  guint n = w->n_fields + w->n_place;

  for (const char *const *c = computed_headers[w->kind]; *c != NULL; c++)
    n++;
  return n;
}

/* 乡镇 after the village's code; and 村名 except on the villages' own sheet */
static void
find_place_columns (SheetWriter *w)
{
  w->place_after = ledger_kind_field_index (w->kind, "village_code");
  if (w->place_after < 0)
    w->place_after = ledger_kind_field_index (w->kind, "subject_code");
  w->n_place = w->kind == LEDGER_KIND_VILLAGES ? 1 : 2;
}

static void
write_header (SheetWriter *w,
              lxw_col_t    col,
              const char  *text,
              double       minimum)
{
  worksheet_write_string (w->sheet, 0, col, text, w->x->formats.header);
  /* headers wrap on two lines rather than widen a column of numbers */
  w->widths[col] = MAX (minimum, MIN (ledger_xlsx_column_width (text, 0), ledger_xlsx_column_width (text, 0) / 2 + 2));
}

static void
write_headers (SheetWriter *w)
{
  const char *const *computed = computed_headers[w->kind];
  lxw_col_t col = w->n_fields + w->n_place;

  for (guint i = 0; i < w->n_fields; i++)
    write_header (w, col_of (w, i), w->fields[i].header, minimum_width (&w->fields[i]));
  write_header (w, w->place_after + 1, "乡镇", 10);
  if (w->n_place == 2)
    write_header (w, w->place_after + 2, "村名", 10);
  for (guint i = 0; computed[i] != NULL; i++, col++)
    write_header (w, col, computed[i], 10);
  worksheet_set_row (w->sheet, 0, 45, NULL);
  worksheet_freeze_panes (w->sheet, 1, 0);
  /* printed: A4 landscape, one page wide, the header on every page */
  ledger_xlsx_set_page (w->x, w->sheet);
  worksheet_repeat_rows (w->sheet, 0, 0);
}

static void
write_place (SheetWriter        *w,
             const LedgerRecord *record)
{
  const char *code = record->values[w->place_after];
  const char *village = ledger_xlsx_places_village_of (w->x->places, code);

  write_text (w, w->place_after + 1, ledger_xlsx_places_township_name (w->x->places, village));
  if (w->n_place == 2)
    write_text (w, w->place_after + 2, ledger_xlsx_places_name (w->x->places, village));
}

static gboolean
write_record (const LedgerRecord *record,
              gpointer            data,
              GError            **error)
{
  SheetWriter *w = data;

  if (!in_year (w, record))
    return TRUE;
  w->row++;
  for (guint i = 0; i < w->n_fields; i++)
    write_field (w, col_of (w, i), &w->fields[i], record->values[i]);
  write_place (w, record);
  write_computed (w, record);
  return ledger_xlsx_row_written (w->x, error);
}

/* after the rows: every column as wide as its widest text, up to WRAP_WIDTH;
 * a sheet too wide for one A4 page at a readable size prints on more pages
 * across, its code column repeated on each */
static void
set_widths (SheetWriter *w)
{
  double total = 0;
  guint pages;

  for (guint col = 0; col < n_columns (w); col++)
    {
      worksheet_set_column (w->sheet, col, col, w->widths[col], NULL);
      total += w->widths[col];
    }
  pages = MAX (1, (guint) ceil (total / PAGE_WIDTH));
  worksheet_fit_to_pages (w->sheet, pages, 0);
  if (pages > 1)
    worksheet_repeat_columns (w->sheet, 0, 0);
}

/* ---- shared with the workbook ---- */

/**
 * ledger_export_xlsx_is_computed_header:
 * @header: a column header
 *
 * Returns: %TRUE when the workbook writes @header for reading only (乡镇,
 *   村名, the computed columns): importing a sheet back skips it silently
 */
gboolean
ledger_export_xlsx_is_computed_header (const char *header)
{
  if (g_strcmp0 (header, "乡镇") == 0 || g_strcmp0 (header, "村名") == 0)
    return TRUE;
  for (guint k = 0; k < LEDGER_N_KINDS; k++)
    for (const char *const *c = computed_headers[k]; *c != NULL; c++)
      if (g_strcmp0 (header, *c) == 0)
        return TRUE;
  return FALSE;
}

gboolean
ledger_xlsx_write_kind (LedgerXlsx  *x,
                        LedgerKind   kind,
                        GError     **error)
{
  g_autoptr (GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* farms: each with the figures of the year, or of the latest year before */
  LedgerLoadOptions options = { .year = x->year, .township = x->township };
  SheetWriter w = { x, NULL, kind, NULL, 0, 0, { 0 }, latest, -1, 0, NULL };
  g_autofree double *widths = NULL;

  w.fields = ledger_kind_fields (kind, &w.n_fields);
  find_place_columns (&w);
  w.widths = widths = g_new0 (double, n_columns (&w));
  g_snprintf (w.year_end, sizeof w.year_end, "%04d-12-31", x->year);
  if ((kind == LEDGER_KIND_WATER_BODIES || kind == LEDGER_KIND_SAMPLES) &&
      !load_latest_samples (&w, LEDGER_KIND_WATER_BODIES, error))
    return FALSE;
  if (kind == LEDGER_KIND_FACILITIES && !load_latest_samples (&w, LEDGER_KIND_FACILITIES, error))
    return FALSE;
  w.sheet = workbook_add_worksheet (x->workbook, ledger_export_xlsx_sheet_name (kind));
  write_headers (&w);
  if (!ledger_store_foreach (x->db, kind, &options, write_record, &w, error))
    return FALSE;
  set_widths (&w);
  worksheet_autofilter (w.sheet, 0, 0, MAX (w.row, 1), n_columns (&w) - 1);
  return TRUE;
}
