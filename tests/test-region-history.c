/* test-region-history.c: the county's own list, kept true as boundaries change (issue 18) */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-progress.h"
#include "ledger-region-edit.h"
#include "ledger-region-list.h"
#include "ledger-region-plan.h"
#include "ledger-regions.h"
#include "ledger-store.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

#define SHIFO "512022101"   /* 石佛镇: 16 administrative villages, 4 communities */
#define A     "512022101200"
#define B     "512022101208"
#define C     "512022101211"

typedef struct
{
  char     *dir;
  LedgerDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ledger_test_new_ledger ("test-region-history", "512022", FALSE, &f->dir, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
import (LedgerDb   *db,
        LedgerKind  kind,
        const char *csv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerImportReport) report = ledger_import_text (db, kind, csv, "t.csv", NULL, &error);

  g_autofree char *problems = NULL;

  g_assert_no_error (error);
  problems = ledger_test_problems_text (report);
  g_assert_cmpstr (problems, ==, "");
}

static LedgerProgress *
compute (LedgerDb   *db,
         int         year,
         const char *township)
{
  g_autoptr (GError) error = NULL;
  LedgerProgress *progress = ledger_progress_compute (db, year, township, &error);

  g_assert_no_error (error);
  return progress;
}

static const LedgerIndicator *
villages_of (const LedgerProgress *progress,
             gboolean              township)
{
  const LedgerScopeProgress *scope = township ? g_ptr_array_index (progress->townships, 0) : &progress->county;

  return &scope->indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE];
}

static char *
lookup (LedgerDb   *db,
        const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* A and B treated (A by 2019, B by 2020), a station in B, a farm in A */
static void
record_a_and_b (LedgerDb *db)
{
  import (db, LEDGER_KIND_VILLAGES,
          "village_code,households,mode,covered_households,year_done\n"
          A ",100,centralised,80,2019\n"
          B ",100,decentralised,60,2020\n");
  import (db, LEDGER_KIND_FACILITIES,
          "code,name,kind,village_code,status\n"
          "F1,B站,village_station," B ",normal\n");
  import (db, LEDGER_KIND_FARMS,
          "code,name,village_code,species,year,stock,annual_output,manure_utilised_t\n"
          "Y1,A场," A ",pig,2020,100,200,150\n");
}

/* ---- tests ---- */

static void
test_merge_keeps_earlier_years (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *from[] = { A, B, NULL };
  g_autoptr (LedgerProgress) in_2020 = NULL;
  g_autoptr (LedgerProgress) in_2022 = NULL;
  g_autoptr (LedgerProgress) shifo_2020 = NULL;
  g_autoptr (LedgerProgress) shifo_2022 = NULL;

  record_a_and_b (f->db);
  g_assert_true (ledger_region_merge (f->db, from, C, "2021-06-01", &error));
  g_assert_no_error (error);

  in_2020 = compute (f->db, 2020, NULL);
  in_2022 = compute (f->db, 2022, NULL);
  shifo_2020 = compute (f->db, 2020, SHIFO);
  shifo_2022 = compute (f->db, 2022, SHIFO);
  /* 2020: the old list, A and B each counted, both treated */
  g_assert_cmpfloat (villages_of (in_2020, FALSE)->denominator, ==, 234);
  g_assert_cmpfloat (villages_of (in_2020, FALSE)->numerator, ==, 2);
  g_assert_cmpfloat (villages_of (shifo_2020, TRUE)->denominator, ==, 16);
  /* 2022: C instead of A, B and C; its record combines theirs: 140 of 200 households */
  g_assert_cmpfloat (villages_of (in_2022, FALSE)->denominator, ==, 232);
  g_assert_cmpfloat (villages_of (shifo_2022, TRUE)->denominator, ==, 14);
  g_assert_cmpfloat (villages_of (in_2022, FALSE)->numerator, ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT covered_households FROM village_sewage WHERE village_code = '" C "'"), ==, 140);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT households FROM regions WHERE code = '" C "'"), ==, 200);
  /* the merged villages' facilities and farms are C's now, and were theirs before */
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM facilities WHERE village_code = '" C "'"), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farms WHERE village_code = '" C "'"), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM item_moves WHERE from_village = '" B "'"
                                              " AND to_village = '" C "' AND effective = '2021-06-01'"), ==, 1);
  g_assert_cmpint (((LedgerScopeProgress *) g_ptr_array_index (shifo_2022->townships, 0))->n_facilities, ==, 1);
  /* the old records stay for the years they existed */
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM village_sewage WHERE village_code IN ('" A "', '" B "')"), ==, 2);
  /* lineage and audit */
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM region_lineage WHERE to_code = '" C "'"), ==, 2);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit WHERE entity = 'regions'"
                                              " AND field = 'valid_to' AND new_value = '2021-06-01'"), ==, 2);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit WHERE entity = 'facilities'"
                                              " AND field = 'village_code' AND new_value = '" C "'"), ==, 1);
}

static void
test_merge_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *self[] = { C, NULL };
  const char *from[] = { A, NULL };
  const char *township[] = { SHIFO, NULL };

  g_assert_false (ledger_region_merge (f->db, self, C, "2021-06-01", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_region_merge (f->db, township, C, "2021-06-01", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_region_merge (f->db, from, C, "2999-01-01", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_region_merge (f->db, from, C, "2021-02-30", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  /* nothing was written */
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM region_changes"), ==, 0);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM regions WHERE valid_to IS NOT NULL"), ==, 0);
  /* a merged unit is gone: merging it again is refused */
  g_assert_true (ledger_region_merge (f->db, from, C, "2021-06-01", &error));
  g_assert_false (ledger_region_merge (f->db, from, B, "2022-06-01", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
}

static void
test_rename_keeps_history (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerProgress) before = NULL;
  g_autoptr (LedgerProgress) after = NULL;
  g_autofree char *old_name = lookup (f->db, "SELECT name FROM regions WHERE code = '" A "'");
  g_autofree char *name_2021 = NULL;
  g_autofree char *name_2023 = NULL;

  record_a_and_b (f->db);
  g_assert_true (ledger_region_rename (f->db, A, "新华村", "2022-01-01", &error));
  g_assert_no_error (error);

  name_2021 = lookup (f->db, "SELECT name FROM region_periods r WHERE code = '" A "'"
                             " AND coalesce(valid_from, '') <= '2021-12-31' AND coalesce(valid_to, '9999') > '2021-12-31'");
  name_2023 = lookup (f->db, "SELECT name FROM region_periods r WHERE code = '" A "'"
                             " AND coalesce(valid_from, '') <= '2023-12-31' AND coalesce(valid_to, '9999') > '2023-12-31'");
  g_assert_cmpstr (name_2021, ==, old_name);
  g_assert_cmpstr (name_2023, ==, "新华村");
  /* same unit, same record, same items: the figures of every year are unchanged */
  before = compute (f->db, 2021, NULL);
  after = compute (f->db, 2023, NULL);
  g_assert_cmpfloat (villages_of (before, FALSE)->denominator, ==, 234);
  g_assert_cmpfloat (villages_of (after, FALSE)->denominator, ==, 234);
  g_assert_cmpfloat (villages_of (after, FALSE)->numerator, ==, 2);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farms WHERE village_code = '" A "'"), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit WHERE entity = 'regions' AND entity_uid = '" A "'"
                                              " AND field = 'name' AND new_value = '新华村'"), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM region_changes WHERE action = 'rename'"
                                              " AND code = '" A "' AND effective = '2022-01-01'"), ==, 1);
  /* a name already used in the township is refused; an earlier date than the last change too */
  g_assert_false (ledger_region_rename (f->db, B, "新华村", "2022-02-01", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_region_rename (f->db, A, "更新村", "2021-01-01", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
}

static void
test_add_kind_split_retire (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_auto (GStrv) parts = NULL;
  const char *names[] = { "东村", "西村", NULL };
  g_autoptr (LedgerProgress) in_2021 = NULL;
  g_autoptr (LedgerProgress) in_2023 = NULL;
  guint n_townships, n_villages, n_changes;

  record_a_and_b (f->db);
  g_assert_true (ledger_region_add (f->db, SHIFO, NULL, "新建村", "village", "2022-03-01", &code, &error));
  g_assert_no_error (error);
  /* a local code: the township's, an L and two digits, never a national code */
  g_assert_cmpstr (code, ==, SHIFO "L01");
  g_assert_true (ledger_region_is_local_code (code));
  g_assert_true (ledger_region_set_kind (f->db, C, "community", "2022-03-01", &error));
  g_assert_true (ledger_region_split (f->db, B, names, "2022-03-01", &parts, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (parts[1], ==, SHIFO "L03");
  /* the items go to the first part */
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM facilities WHERE village_code = '" SHIFO "L02'"), ==, 1);
  /* a unit that holds items cannot be retired; an empty one can */
  g_assert_false (ledger_region_retire (f->db, A, "2022-03-01", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ledger_region_retire (f->db, "512022101213", "2022-03-01", &error));
  g_assert_no_error (error);

  in_2021 = compute (f->db, 2021, SHIFO);
  in_2023 = compute (f->db, 2023, SHIFO);
  g_assert_cmpfloat (villages_of (in_2021, TRUE)->denominator, ==, 16);
  /* +1 added, −1 community, −1 split +2 parts, −1 retired */
  g_assert_cmpfloat (villages_of (in_2023, TRUE)->denominator, ==, 16);
  g_assert_true (ledger_region_list_count (f->db, 2023, &n_townships, &n_villages, &n_changes));
  g_assert_cmpuint (n_villages, ==, 234);
  g_assert_cmpuint (n_changes, ==, 4);
  g_assert_true (ledger_region_list_count (f->db, 0, &n_townships, &n_villages, &n_changes));
  g_assert_cmpuint (n_townships, ==, 21);
}

static void
test_township_merge (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *from[] = { "512022102", NULL };   /* 回澜镇 into 石佛镇 */
  g_autoptr (LedgerProgress) in_2020 = NULL;
  g_autoptr (LedgerProgress) in_2022 = NULL;

  import (f->db, LEDGER_KIND_FARMS,
          "code,name,village_code,species,year,stock,annual_output,manure_utilised_t\n"
          "Y2,回澜场,512022102204,pig,2020,100,200,150\n");
  g_assert_true (ledger_region_merge (f->db, from, SHIFO, "2020-06-01", &error));
  g_assert_no_error (error);
  in_2020 = compute (f->db, 2020, NULL);
  in_2022 = compute (f->db, 2021, SHIFO);
  g_assert_cmpuint (in_2020->townships->len, ==, 20);
  /* the villages of 回澜镇 are 石佛镇's, with local codes that carry its code */
  g_assert_cmpfloat (villages_of (in_2022, TRUE)->denominator, ==, 16 + 16);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM farms WHERE village_code LIKE '" SHIFO "L%'"), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM regions WHERE parent = '512022102' AND valid_to IS NULL"), ==, 0);
}

/* ---- the county's own sheet ---- */

typedef struct
{
  char *township;
  char *code;
  char *name;
  char *kind;
  char *from;
} SheetRow;

static void
sheet_row_free (gpointer data)
{
  SheetRow *row = data;

  g_free (row->township);
  g_free (row->code);
  g_free (row->name);
  g_free (row->kind);
  g_free (row->from);
  g_free (row);
}

static GPtrArray *
current_rows (LedgerDb *db)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT t.name, v.code, v.name, v.kind FROM regions v JOIN regions t ON t.code = v.parent"
    " WHERE v.kind IN ('village', 'community') AND v.valid_to IS NULL ORDER BY v.code", NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (sheet_row_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SheetRow *row = g_new0 (SheetRow, 1);
      row->township = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->kind = g_strdup (g_str_equal ((const char *) sqlite3_column_text (stmt, 3), "village") ? "村" : "社区");
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static SheetRow *
new_row (const char *township,
         const char *name,
         const char *from)
{
  SheetRow *row = g_new0 (SheetRow, 1);

  row->township = g_strdup (township);
  row->code = g_strdup ("");
  row->name = g_strdup (name);
  row->kind = g_strdup ("村");
  row->from = g_strdup (from);
  return row;
}

/* The county's list with exactly 30 changes: 10 renamed, 5 communities, 5
 * added, 4 merged (the merged unit's row gone, named in 合并自), 2 split
 * (the row gone, two new rows naming it), 4 retired (the row gone).
 * Codes are left out of every other row, as many county sheets do. */
static char *
county_sheet_with_30_changes (LedgerDb *db)
{
  g_autoptr (GPtrArray) rows = current_rows (db);
  g_autoptr (GPtrArray) extra = g_ptr_array_new_with_free_func (sheet_row_free);
  GString *csv = g_string_new ("乐至县行政村名单（2024年）\n乡镇（街道）,代码,村（社区）名称,类型,合并自\n");
  guint n_renamed = 0, n_kind = 0, n_added = 0, n_merged = 0, n_split = 0, n_retired = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      SheetRow *row = g_ptr_array_index (rows, i);
      gboolean village = g_str_equal (row->kind, "村");

      /* a renamed unit is known by its code: without one it reads as new */
      if (i % 7 == 1 && n_renamed < 10)
        {
          char *renamed = g_strconcat (row->name, "新", NULL);
          g_free (row->name);
          row->name = renamed;
          n_renamed++;
          continue;
        }
      else if (i % 7 == 2 && village && n_kind < 5)
        {
          g_free (row->kind);
          row->kind = g_strdup ("社区");
          n_kind++;
        }
      else if (i % 7 == 3 && i + 1 < rows->len && n_merged < 4 &&
               g_str_equal (row->township, ((SheetRow *) g_ptr_array_index (rows, i + 1))->township))
        {
          SheetRow *gone = g_ptr_array_index (rows, i + 1);
          row->from = g_strdup (gone->name);
          g_ptr_array_remove_index (rows, i + 1);
          n_merged++;
        }
      else if (i % 7 == 4 && n_split < 2)
        {
          g_autofree char *one = g_strdup_printf ("分%u一村", n_split);
          g_autofree char *two = g_strdup_printf ("分%u二村", n_split);
          g_ptr_array_add (extra, new_row (row->township, one, row->name));
          g_ptr_array_add (extra, new_row (row->township, two, row->name));
          g_ptr_array_remove_index (rows, i--);
          n_split++;
          continue;
        }
      else if (i % 7 == 5 && n_retired < 4)
        {
          g_ptr_array_remove_index (rows, i--);
          n_retired++;
          continue;
        }
      else if (i % 7 == 6 && n_added < 5)
        {
          g_autofree char *name = g_strdup_printf ("新设%u村", n_added);
          g_ptr_array_add (extra, new_row (row->township, name, NULL));
          n_added++;
        }
      if (i % 2 == 0)
        g_clear_pointer (&row->code, g_free);
    }
  g_assert_cmpuint (n_renamed + n_kind + n_added + n_merged + n_split + n_retired, ==, 30);
  g_ptr_array_extend_and_steal (rows, g_steal_pointer (&extra));
  for (guint i = 0; i < rows->len; i++)
    {
      SheetRow *row = g_ptr_array_index (rows, i);
      g_string_append_printf (csv, "%s,%s,%s,%s,%s\n", row->township, row->code ? row->code : "", row->name,
                              row->kind, row->from ? row->from : "");
    }
  g_string_append (csv, ",,合计,,\n");
  return g_string_free (csv, FALSE);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_sheet_with_30_changes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = county_sheet_with_30_changes (f->db);
  g_autofree char *path = write_file (f, "乐至县名单.csv", csv);
  g_autoptr (LedgerRegionPlan) plan = ledger_region_plan_from_sheet (f->db, path, "2024-01-01", &error);
  g_autoptr (LedgerRegionPlan) again = NULL;
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < plan->problems->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (plan->problems, i));
  g_assert_cmpuint (plan->problems->len, ==, 0);
  summary = ledger_region_plan_summary (plan);
  g_assert_cmpstr (summary, ==, "30 changes: 5 added, 10 renamed, 5 changed in kind, 4 merged, 2 split, 4 retired");
  /* the dry run wrote nothing */
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM region_changes"), ==, 0);

  g_assert_true (ledger_region_plan_apply (f->db, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM region_changes"), ==, 30);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit_batches WHERE kind = 'regions'"), ==, 1);
  /* the ledger's list is the sheet now: the same sheet changes nothing more */
  again = ledger_region_plan_from_sheet (f->db, path, "2024-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->problems->len, ==, 0);
  for (guint i = 0; i < again->steps->len; i++)
    {
      g_autofree char *line = ledger_region_step_describe (g_ptr_array_index (again->steps, i));
      g_printerr ("left over: %s\n", line);
    }
  g_assert_cmpuint (again->steps->len, ==, 0);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM regions WHERE kind IN ('village', 'community')"
                                              " AND valid_to IS NULL"), ==, 315 + 5 - 4 - 2 + 4 - 4);
  /* the ledger stays one that opening for writing accepts */
  {
    g_autofree char *check = lookup (f->db, "PRAGMA quick_check");
    g_assert_cmpstr (check, ==, "ok");
  }
}

static void
test_sheet_problems (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autoptr (LedgerRegionPlan) plan = NULL;
  g_autoptr (GPtrArray) rows = current_rows (f->db);
  GString *text = g_string_new ("乡镇,名称,类型,合并自\n");

  import (f->db, LEDGER_KIND_FARMS,
          "code,name,village_code,species\nY1,A场," A ",pig\n");
  for (guint i = 0; i < rows->len; i++)
    {
      SheetRow *row = g_ptr_array_index (rows, i);
      if (!g_str_equal (row->code, A))
        g_string_append_printf (text, "%s,%s,%s,\n", row->township, row->name, i == 5 ? "镇" : row->kind);
    }
  g_string_append (text, "石佛镇,新村,村,无此村\n");
  csv = g_string_free (text, FALSE);
  path = write_file (f, "bad.csv", csv);
  plan = ledger_region_plan_from_sheet (f->db, path, "2024-01-01", &error);
  g_assert_no_error (error);
  /* a bad kind, an unknown former unit, and A (with a farm) missing: each named, nothing applied */
  g_assert_cmpuint (plan->problems->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (plan->problems, 0), "bad.csv:7:3:"));
  g_assert_false (ledger_region_plan_apply (f->db, plan, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM region_changes"), ==, 0);
}

/* A newer national list: a renamed village, a new code for an old name, one gone */
static void
test_national_update (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRegionPlan) plan = NULL;
  g_autofree char *path = NULL;
  g_autofree char *b_name = lookup (f->db, "SELECT name FROM regions WHERE code = '" B "'");
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (f->db,
    "SELECT code, name FROM regions WHERE code LIKE '512022%' ORDER BY code", NULL);
  GString *tsv = g_string_new ("51\t四川省\n5120\t资阳市\n");
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (g_str_equal (code, A))
        g_string_append_printf (tsv, "%s\t新光村村民委员会\n", code);
      else if (g_str_equal (code, B))
        g_string_append_printf (tsv, "512022101299\t%s\n", name);
      else if (!g_str_equal (code, C))
        g_string_append_printf (tsv, "%s\t%s\n", code, name);
    }
  g_string_append (tsv, "5121\t内江市\n");
  text = g_string_free (tsv, FALSE);
  path = write_file (f, "divisions-2025.tsv", text);
  plan = ledger_region_plan_from_divisions (f->db, path, "2025-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->steps->len, ==, 3);
  g_assert_true (ledger_region_plan_apply (f->db, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM regions WHERE code = '" A "' AND name = '新光村'"), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM region_lineage WHERE from_code = '" B "'"
                                              " AND to_code = '512022101299'"), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM regions WHERE code = '" C "' AND valid_to = '2025-01-01'"), ==, 1);
  g_assert_nonnull (b_name);
  source = ledger_region_list_source (f->db);
  g_assert_nonnull (strstr (source, "divisions-2025.tsv"));
  /* a file without the county is refused */
  g_clear_pointer (&path, g_free);
  path = write_file (f, "other.tsv", "11\t北京市\n110101\t东城区\n");
  g_assert_null (ledger_region_plan_from_divisions (f->db, path, "2025-01-01", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/region-history/merge-keeps-earlier-years", test_merge_keeps_earlier_years);
  ADD ("/region-history/merge-refused", test_merge_refused);
  ADD ("/region-history/rename-keeps-history", test_rename_keeps_history);
  ADD ("/region-history/add-kind-split-retire", test_add_kind_split_retire);
  ADD ("/region-history/township-merge", test_township_merge);
  ADD ("/region-history/sheet-with-30-changes", test_sheet_with_30_changes);
  ADD ("/region-history/sheet-problems", test_sheet_problems);
  ADD ("/region-history/national-update", test_national_update);
  return g_test_run ();
}
