/* test-undo.c: undo and redo of edits, moves and deletes, each one audited
 * transaction labelled in the change history */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "ledger-error.h"
#include "ledger-store-batch.h"
#include "ledger-import.h"
#include "ledger-test-db.h"
#include "ledger-test-farms.h"
#include "ledger-test-util.h"
#include "ledger-undo.h"

#define VILLAGE "512022101203"

typedef struct
{
  char       *dir;
  LedgerDb   *db;
  LedgerUndo *undo;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->db = ledger_test_new_ledger ("test-undo", NULL, FALSE, &f->dir, NULL);
  g_assert_true (ledger_db_exec (f->db,
    "INSERT INTO regions (code, name, kind, parent) VALUES"
    " ('512022', '乐至县', 'county', NULL),"
    " ('512022101', '中天镇', 'township', '512022'),"
    " ('" VILLAGE "', '试验村', 'village', '512022101')", &error));
  f->undo = ledger_undo_new (f->db);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->undo);
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
save_facility (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) r = ledger_record_new (LEDGER_KIND_FACILITIES);

  ledger_record_set (r, "name", "一号站");
  ledger_record_set (r, "kind", "village_station");
  ledger_record_set (r, "village_code", VILLAGE);
  ledger_record_set (r, "status", "normal");
  ledger_record_set (r, "capacity_m3d", "30");
  ledger_record_set (r, "lon", "105.1");
  ledger_record_set (r, "lat", "30.3");
  g_assert_true (ledger_store_save (f->db, r, &error));
  g_assert_no_error (error);
  return g_strdup (r->uid);
}

static char *
field (Fixture *f, LedgerKind kind, const char *uid, int year, const char *key)
{
  g_autoptr (LedgerRecord) r = ledger_store_get (f->db, kind, uid, year, NULL);

  return r ? g_strdup (ledger_record_get (r, key)) : NULL;
}

static void
edit_field (Fixture *f, LedgerKind kind, const char *uid, int year, const char *key, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) original = ledger_store_get (f->db, kind, uid, year, &error);
  g_autoptr (LedgerRecord) edited = ledger_record_copy (original);

  ledger_record_set (edited, key, value);
  g_assert_true (ledger_store_save_if_unchanged (f->db, edited, original, &error));
  g_assert_no_error (error);
}

static gint64
count_audit (Fixture *f, const char *uid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity_uid = '%s'", uid);

  return ledger_test_count (f->db, sql);
}

static void
test_edit_undo_redo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = save_facility (f);
  g_autofree char *label = NULL;
  g_autofree char *status = NULL;
  g_autofree char *selected = NULL;
  g_autoptr (GPtrArray) history = NULL;
  gint64 audit_before;
  int kind = -1;

  edit_field (f, LEDGER_KIND_FACILITIES, uid, 0, "status", "stopped");
  g_assert_true (ledger_undo_can_undo (f->undo));
  label = ledger_undo_dup_undo_label (f->undo);
  g_assert_cmpstr (label, ==, "Edit “一号站”");

  audit_before = count_audit (f, uid);
  g_assert_true (ledger_undo_undo (f->undo, &kind, &selected, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, LEDGER_KIND_FACILITIES);
  g_assert_cmpstr (selected, ==, uid);
  status = field (f, LEDGER_KIND_FACILITIES, uid, 0, "status");
  g_assert_cmpstr (status, ==, "normal");
  /* the undo is audited: one row for the field it put back, labelled */
  g_assert_cmpint (count_audit (f, uid), ==, audit_before + 1);
  history = ledger_store_history (f->db, uid, &error);
  g_assert_cmpstr (((LedgerAuditEntry *) history->pdata[0])->field, ==, "status");
  g_assert_cmpstr (((LedgerAuditEntry *) history->pdata[0])->label, ==, "Undo: Edit “一号站”");
  g_assert_cmpstr (((LedgerAuditEntry *) history->pdata[1])->label, ==, NULL);

  /* the second edit (the first step) was the new item: nothing before it */
  g_assert_true (ledger_undo_can_undo (f->undo));
  g_assert_true (ledger_undo_can_redo (f->undo));
  g_assert_true (ledger_undo_redo (f->undo, NULL, NULL, &error));
  g_assert_no_error (error);
  g_free (status);
  status = field (f, LEDGER_KIND_FACILITIES, uid, 0, "status");
  g_assert_cmpstr (status, ==, "stopped");
  g_assert_false (ledger_undo_can_redo (f->undo));
  g_assert_false (ledger_undo_redo (f->undo, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
}

static void
test_new_undone_is_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = save_facility (f);
  g_autofree char *name = NULL;

  g_assert_true (ledger_undo_undo (f->undo, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ledger_store_get (f->db, LEDGER_KIND_FACILITIES, uid, 0, NULL));
  g_assert_true (ledger_undo_redo (f->undo, NULL, NULL, &error));
  g_assert_no_error (error);
  name = field (f, LEDGER_KIND_FACILITIES, uid, 0, "name");
  g_assert_cmpstr (name, ==, "一号站");
}

static void
test_move_is_labelled (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = save_facility (f);
  g_autoptr (LedgerRecord) r = ledger_store_get (f->db, LEDGER_KIND_FACILITIES, uid, 0, NULL);
  g_autofree char *label = NULL;
  g_autofree char *lon = NULL;

  ledger_record_set (r, "lon", "105.2");
  g_assert_true (ledger_store_save (f->db, r, &error));
  label = ledger_undo_dup_undo_label (f->undo);
  g_assert_cmpstr (label, ==, "Move “一号站”");
  g_assert_true (ledger_undo_undo (f->undo, NULL, NULL, &error));
  lon = field (f, LEDGER_KIND_FACILITIES, uid, 0, "lon");
  g_assert_cmpfloat (g_ascii_strtod (lon, NULL), ==, 105.1);
}

/* a farm with three years: the delete and its undo are two history entries */
static void
test_delete_undo_one_entry_each (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (LedgerRecord) farm = ledger_test_new_farm (1, VILLAGE, rand);
  g_autoptr (GPtrArray) deleted = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *stock = NULL;
  guint bare = 0;

  g_assert_true (ledger_store_save (f->db, farm, &error));
  for (int year = 2025; year <= 2026; year++)
    {
      g_autofree char *y = g_strdup_printf ("%d", year);
      ledger_record_set (farm, "year", y);
      ledger_record_set (farm, "stock", y);
      g_assert_true (ledger_store_save (f->db, farm, &error));
    }
  ledger_undo_clear (f->undo);
  g_assert_false (ledger_undo_can_undo (f->undo));

  deleted = ledger_store_delete (f->db, LEDGER_KIND_FARMS, farm->uid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 3);   /* one record per farm year */
  g_assert_true (ledger_undo_undo (f->undo, NULL, NULL, &error));
  g_assert_no_error (error);
  stock = field (f, LEDGER_KIND_FARMS, farm->uid, 2025, "stock");
  g_assert_cmpstr (stock, ==, "2025");

  history = ledger_store_history (f->db, farm->uid, &error);
  for (guint i = 0; i < history->len; i++)
    {
      LedgerAuditEntry *e = g_ptr_array_index (history, i);
      if (e->label != NULL)
        g_hash_table_add (labels, e->label);
      else if (e->batch == NULL && g_strcmp0 (e->action, "update") != 0)
        bare++;
    }
  g_assert_true (g_hash_table_contains (labels, "Delete “测试养殖场 1”"));
  g_assert_true (g_hash_table_contains (labels, "Undo: Delete “测试养殖场 1”"));
  g_assert_cmpuint (g_hash_table_size (labels), ==, 2);
  /* only the inserts of the first save and the year rows stay bare */
  g_assert_cmpuint (bare, ==, 4);
}

/* an item changed by someone else since: undo refuses and writes nothing */
static void
test_undo_refuses_changed_item (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = save_facility (f);
  g_autofree char *sql = NULL;
  g_autofree char *status = NULL;

  edit_field (f, LEDGER_KIND_FACILITIES, uid, 0, "status", "stopped");
  sql = g_strdup_printf ("UPDATE facilities SET status = 'faulty' WHERE uid = '%s'", uid);
  g_assert_true (ledger_db_exec (f->db, sql, &error));
  g_assert_false (ledger_undo_undo (f->undo, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  status = field (f, LEDGER_KIND_FACILITIES, uid, 0, "status");
  g_assert_cmpstr (status, ==, "faulty");
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit_labels"), ==, 0);
}

/* An import on another connection (as the window's import runs) writes two
 * new facilities and changes one; its changeset becomes one undo step. */
static void
import_on_second_connection (Fixture *f, const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "站点.csv", NULL);
  g_autofree char *text = g_strdup_printf ("编号,名称,类型,行政村代码,运行状态\n"
                                           "%s,一号站,village_station," VILLAGE ",stopped\n"
                                           "F2,二号站,village_station," VILLAGE ",normal\n"
                                           "F3,三号站,village_station," VILLAGE ",normal\n", code);
  g_autoptr (LedgerDb) other = ledger_db_open (ledger_db_get_path (f->db), LEDGER_DB_OPEN_DEFAULT, &error);
  LedgerImportOptions options = { .record_changes = TRUE };
  g_autoptr (LedgerImportReport) report = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (csv, text, -1, NULL));
  report = ledger_import_file (other, LEDGER_KIND_FACILITIES, csv, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_written, ==, 3);
  g_assert_nonnull (report->changes);
  ledger_undo_add_import (f->undo, "站点.csv", LEDGER_KIND_FACILITIES, report->changes);
}

static void
test_import_undo_redo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = save_facility (f);
  g_autofree char *code = field (f, LEDGER_KIND_FACILITIES, uid, 0, "code");
  g_autofree char *label = NULL;
  g_autofree char *status = NULL;
  g_autoptr (GPtrArray) history = NULL;

  import_on_second_connection (f, code);
  label = ledger_undo_dup_undo_label (f->undo);
  g_assert_cmpstr (label, ==, "Import “站点.csv”");
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM facilities"), ==, 3);

  g_assert_true (ledger_undo_undo (f->undo, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM facilities"), ==, 1);
  status = field (f, LEDGER_KIND_FACILITIES, uid, 0, "status");
  g_assert_cmpstr (status, ==, "normal");
  /* audited, and labelled in the history */
  history = ledger_store_history (f->db, uid, &error);
  g_assert_cmpstr (((LedgerAuditEntry *) history->pdata[0])->label, ==, "Undo: Import “站点.csv”");

  g_assert_true (ledger_undo_redo (f->undo, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM facilities"), ==, 3);
  g_free (status);
  status = field (f, LEDGER_KIND_FACILITIES, uid, 0, "status");
  g_assert_cmpstr (status, ==, "stopped");
}

/* a row of the import changed since: the whole undo is refused, nothing written */
static void
test_import_undo_refused_when_changed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = save_facility (f);
  g_autofree char *code = field (f, LEDGER_KIND_FACILITIES, uid, 0, "code");
  g_autofree char *label = NULL;
  gint64 audit_before;

  import_on_second_connection (f, code);
  g_assert_true (ledger_db_exec (f->db, "UPDATE facilities SET status = 'faulty' WHERE code = 'F2'", &error));
  audit_before = ledger_test_count (f->db, "SELECT count(*) FROM audit");
  g_assert_false (ledger_undo_undo (f->undo, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM facilities"), ==, 3);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before);
  /* the step that can no longer be replayed is dropped: the edit before it is next */
  label = ledger_undo_dup_undo_label (f->undo);
  g_assert_cmpstr (label, ==, "New “一号站”");
}

/* a farm edit that created a year's figures: undo removes that year again */
static void
test_farm_year_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  g_autoptr (LedgerRecord) farm = ledger_test_new_farm (2, VILLAGE, rand);
  g_autofree char *sql = NULL;

  g_assert_true (ledger_store_save (f->db, farm, &error));
  edit_field (f, LEDGER_KIND_FARMS, farm->uid, 2024, "year", "2026");
  sql = g_strdup_printf ("SELECT count(*) FROM farm_years WHERE farm_uid = '%s'", farm->uid);
  g_assert_cmpint (ledger_test_count (f->db, sql), ==, 2);
  g_assert_true (ledger_undo_undo (f->undo, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (f->db, sql), ==, 1);
}

/* no journal: the command line's saves are not remembered, deletes still labelled */
static void
test_no_journal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = NULL;
  g_autoptr (GPtrArray) deleted = NULL;

  g_clear_object (&f->undo);
  uid = save_facility (f);
  deleted = ledger_store_delete (f->db, LEDGER_KIND_FACILITIES, uid, &error);
  g_assert_nonnull (deleted);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit_labels WHERE action = 'delete'"), ==, 1);
}


/* ---- batch edit (issue 16, item 3): one field of many items ---- */

static char *
save_named_facility (Fixture *f, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) r = ledger_record_new (LEDGER_KIND_FACILITIES);

  ledger_record_set (r, "name", name);
  ledger_record_set (r, "kind", "village_station");
  ledger_record_set (r, "village_code", VILLAGE);
  ledger_record_set (r, "status", "normal");
  ledger_record_set (r, "operator", "旧单位");
  g_assert_true (ledger_store_save (f->db, r, &error));
  g_assert_no_error (error);
  return g_strdup (r->uid);
}

static void
test_batch_edit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = save_named_facility (f, "一号站");
  g_autofree char *b = save_named_facility (f, "二号站");
  g_autofree char *c = save_named_facility (f, "三号站");
  g_autofree char *label = NULL;
  g_autoptr (GPtrArray) history = NULL;
  const char *uids[] = { a, b, NULL };
  gint64 audit_before = ledger_test_count (f->db, "SELECT count(*) FROM audit");
  guint changed = 0;
  int kind = -1;

  ledger_undo_clear (f->undo);
  /* the status by its Chinese label, as the list shows it */
  g_assert_true (ledger_store_set_field (f->db, LEDGER_KIND_FACILITIES, uids, "status", "停用", &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (field (f, LEDGER_KIND_FACILITIES, a, 0, "status"), ==, "stopped");
  g_assert_cmpstr (field (f, LEDGER_KIND_FACILITIES, b, 0, "status"), ==, "stopped");
  g_assert_cmpstr (field (f, LEDGER_KIND_FACILITIES, c, 0, "status"), ==, "normal");
  /* audited: one row per item, under one label */
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before + 2);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit_labels WHERE action = 'batch'"), ==, 1);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(DISTINCT batch) FROM audit WHERE field = 'status'"
                                             " AND new_value = 'stopped'"), ==, 1);
  history = ledger_store_history (f->db, a, &error);
  g_assert_cmpstr (((LedgerAuditEntry *) history->pdata[0])->label, ==, "Batch edit: Status = Stopped, 2 items");

  /* one undo step puts both back */
  label = ledger_undo_dup_undo_label (f->undo);
  g_assert_cmpstr (label, ==, "Batch edit: Status = Stopped, 2 items");
  g_assert_true (ledger_undo_undo (f->undo, &kind, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, LEDGER_KIND_FACILITIES);
  g_assert_cmpstr (field (f, LEDGER_KIND_FACILITIES, a, 0, "status"), ==, "normal");
  g_assert_cmpstr (field (f, LEDGER_KIND_FACILITIES, b, 0, "status"), ==, "normal");
  g_assert_false (ledger_undo_can_undo (f->undo));
  g_assert_true (ledger_undo_redo (f->undo, NULL, NULL, &error));
  g_assert_cmpstr (field (f, LEDGER_KIND_FACILITIES, b, 0, "status"), ==, "stopped");

  /* free text: the operator */
  g_assert_true (ledger_store_set_field (f->db, LEDGER_KIND_FACILITIES, uids, "operator", " 乐至县水务公司 ", NULL, &error));
  g_assert_cmpstr (field (f, LEDGER_KIND_FACILITIES, a, 0, "operator"), ==, "乐至县水务公司");
}

static void
test_batch_edit_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = save_named_facility (f, "一号站");
  g_autofree char *b = save_named_facility (f, "二号站");
  const char *uids[] = { a, b, NULL };
  const char *missing[] = { a, "no-such-uid", NULL };
  gint64 audit_before = ledger_test_count (f->db, "SELECT count(*) FROM audit");

  ledger_undo_clear (f->undo);
  /* a value the field does not know: the message names the field and the value */
  g_assert_false (ledger_store_set_field (f->db, LEDGER_KIND_FACILITIES, uids, "status", "很好", NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "很好"));
  g_clear_error (&error);
  /* a required field cleared */
  g_assert_false (ledger_store_set_field (f->db, LEDGER_KIND_FACILITIES, uids, "status", "", NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  /* a number out of range */
  g_assert_false (ledger_store_set_field (f->db, LEDGER_KIND_FACILITIES, uids, "capacity_m3d", "-5", NULL, &error));
  g_clear_error (&error);
  /* the code, and a field the kind has not */
  g_assert_false (ledger_store_set_field (f->db, LEDGER_KIND_FACILITIES, uids, "code", "X1", NULL, &error));
  g_clear_error (&error);
  g_assert_false (ledger_store_set_field (f->db, LEDGER_KIND_FACILITIES, uids, "species", "pig", NULL, &error));
  g_clear_error (&error);
  /* an item gone: the first one is not written either */
  g_assert_false (ledger_store_set_field (f->db, LEDGER_KIND_FACILITIES, missing, "operator", "新单位", NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (field (f, LEDGER_KIND_FACILITIES, a, 0, "operator"), ==, "旧单位");

  g_assert_cmpstr (field (f, LEDGER_KIND_FACILITIES, a, 0, "status"), ==, "normal");
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit_labels WHERE action = 'batch'"), ==, 0);
  g_assert_false (ledger_undo_can_undo (f->undo));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/undo/edit-undo-redo", test_edit_undo_redo);
  ADD ("/undo/new-undone-is-deleted", test_new_undone_is_deleted);
  ADD ("/undo/move-is-labelled", test_move_is_labelled);
  ADD ("/undo/delete-undo-one-entry-each", test_delete_undo_one_entry_each);
  ADD ("/undo/refuses-changed-item", test_undo_refuses_changed_item);
  ADD ("/undo/farm-year-undo", test_farm_year_undo);
  ADD ("/undo/no-journal", test_no_journal);
  ADD ("/undo/batch-edit", test_batch_edit);
  ADD ("/undo/batch-edit-refused", test_batch_edit_refused);
  ADD ("/undo/import-undo-redo", test_import_undo_redo);
  ADD ("/undo/import-undo-refused-when-changed", test_import_undo_refused_when_changed);
  return g_test_run ();
}
