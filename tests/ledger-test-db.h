/* ledger-test-db.h: what the core tests share to look into a ledger */
#pragma once

#include <sqlite3.h>

#include "ledger-db.h"
#include "ledger-db-private.h"
#include "ledger-import.h"
#include "ledger-regions.h"
#include "ledger-store.h"
#include "ledger-test-util.h"

G_BEGIN_DECLS

/* A new ledger, "ledger.db" in a temporary folder of its own named after
 * @test (*@dir: remove it with ledger_test_remove_dir): empty when
 * @county_code is NULL, else made for that county, with its demo inventory
 * when @demo. *@path, when asked for, is the ledger's file. */
static inline LedgerDb *
ledger_test_new_ledger (const char  *test,
                        const char  *county_code,
                        gboolean     demo,
                        char       **dir,
                        char       **path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strconcat (test, "-XXXXXX", NULL);
  g_autofree char *file = NULL;
  LedgerDb *db;

  *dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  file = g_build_filename (*dir, "ledger.db", NULL);
  if (county_code != NULL)
    db = ledger_ledger_create (file, county_code, demo, &error);
  else
    db = ledger_db_open (file, LEDGER_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return db;
}

/* Two villages of two townships of Lezhi, for small import tests */
#define LEDGER_TEST_VILLAGE  "512022101203"
#define LEDGER_TEST_VILLAGE2 "512022102201"

/* An empty ledger (see ledger_test_new_ledger) holding only the county,
 * 中天镇 with 试验村 (LEDGER_TEST_VILLAGE) and 佛星镇 with 二村
 * (LEDGER_TEST_VILLAGE2). */
static inline LedgerDb *
ledger_test_new_two_village_ledger (const char  *test,
                                    char       **dir)
{
  g_autoptr (GError) error = NULL;
  LedgerDb *db = ledger_test_new_ledger (test, NULL, FALSE, dir, NULL);

  g_assert_true (ledger_db_exec (db,
                                 "INSERT INTO regions (code, name, kind, parent) VALUES"
                                 " ('512022', '乐至县', 'county', NULL),"
                                 " ('512022101', '中天镇', 'township', '512022'),"
                                 " ('512022102', '佛星镇', 'township', '512022'),"
                                 " ('" LEDGER_TEST_VILLAGE "', '试验村', 'village', '512022101'),"
                                 " ('" LEDGER_TEST_VILLAGE2 "', '二村', 'village', '512022102')", &error));
  g_assert_no_error (error);
  return db;
}

/* The one number @sql (SELECT count(*) …) returns. */
static inline gint64
ledger_test_count (LedgerDb   *db,
                   const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* An import's problems as the command line prints them, one a line. */
static inline char *
ledger_test_problems_text (const LedgerImportReport *report)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *line = ledger_import_format_problem (report, g_ptr_array_index (report->problems, i));
      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (text, FALSE);
}

/* A copy of the stored record of @kind whose code is @code, or NULL. */
static inline LedgerRecord *
ledger_test_get_by_code (LedgerDb   *db,
                         LedgerKind  kind,
                         const char *code)
{
  g_autoptr (GPtrArray) records = ledger_store_load (db, kind, NULL, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      LedgerRecord *record = g_ptr_array_index (records, i);

      if (g_strcmp0 (record->values[0], code) == 0)
        return ledger_record_copy (record);
    }
  return NULL;
}

G_END_DECLS
