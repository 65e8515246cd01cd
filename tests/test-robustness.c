/* test-robustness.c: the hostile inputs and damaged ledgers of issue 15
 *
 * Each test is one trial that broke the program before: a file that
 * overflowed the stack, hung, or took gigabytes; a damaged or empty ledger
 * taken for a good one; a temporary file left forever. Inputs are made here,
 * not committed.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "ledger-county-outline.h"
#include "ledger-csv.h"
#include "ledger-error.h"
#include "ledger-export-xlsx.h"
#include "ledger-export.h"
#include "ledger-geo.h"
#include "ledger-kinds.h"
#include "ledger-regions.h"
#include "ledger-replace.h"
#include "ledger-table.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"
#include "ledger-values.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("test-robustness-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      len)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

/* ---- 1: nesting ---- */

static char *
deep_outline (guint depth)
{
  GString *text = g_string_new ("{\"type\":\"Polygon\",\"coordinates\":");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

static void
test_outline_deep_nesting (Fixture *f, gconstpointer data)
{
  g_autofree char *text = deep_outline (100000);
  g_autofree char *path = write_file (f, "deep.geojson", text, -1);
  g_autoptr (GError) error = NULL;
  g_autofree char *wgs84 = NULL;
  g_autoptr (LedgerOutline) outline = NULL;

  /* json-glib recursed 100,000 levels deep: a stack overflow */
  wgs84 = ledger_county_outline_read_file (path, LEDGER_DATUM_GCJ02, &error);
  g_assert_null (wgs84);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nested"));
  g_clear_error (&error);
  outline = ledger_outline_new_from_geojson (text, &error);
  g_assert_null (outline);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
}

/* ---- 3, 7: what is not a regular file ---- */

static void
assert_input_refused (const char *path,
                      const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = ledger_table_read_file (path, NULL, &error);
  g_autofree char *outline = NULL;

  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE);
  g_assert_nonnull (strstr (error->message, words));
  g_clear_error (&error);
  outline = ledger_county_outline_read_file (path, LEDGER_DATUM_WGS84, &error);
  g_assert_null (outline);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_input_fifo (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "farms.csv", NULL);

  /* opening it blocked forever: no writer ever comes */
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_input_refused (path, "not an ordinary file");
}

static void
test_input_device (Fixture *f, gconstpointer data)
{
  /* st_size is 0, and reading never ends: the old cap never applied */
  assert_input_refused ("/dev/zero", "not an ordinary file");
}

static void
test_input_not_files (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autofree char *loop = g_build_filename (f->dir, "loop.csv", NULL);
  g_autofree char *empty = write_file (f, "empty.csv", "", 0);

  g_assert_cmpint (symlink ("loop.csv", loop), ==, 0);
  assert_input_refused (missing, "no such file");
  assert_input_refused (f->dir, "folder");
  assert_input_refused (loop, "link");
  assert_input_refused (empty, "empty");
}

/* ---- 2: small files that took gigabytes ---- */

static void
test_csv_commas (Fixture *f, gconstpointer data)
{
  gsize len = 20 * 1024 * 1024;
  g_autofree char *commas = g_malloc (len + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = NULL;

  /* 20 MB of commas on one line: 20 million cells, 971 MB */
  memset (commas, ',', len);
  commas[len] = '\0';
  table = ledger_table_read_bytes (commas, len, "commas.csv", NULL, &error);
  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "16384 columns"));
}

static void
test_csv_cells_bytes (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) text = g_string_sized_new (15 * 1024 * 1024);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = NULL;

  /* within the column limit on every line, but 14.4 million cells */
  for (guint line = 0; line < 900; line++)
    {
      for (guint i = 0; i < 16000; i++)
        g_string_append_c (text, ',');
      g_string_append_c (text, '\n');
    }
  table = ledger_table_read_bytes (text->str, text->len, "cells.csv", NULL, &error);
  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "MiB"));
}

static GBytes *
zip_parts (Fixture    *f,
           const char *name,
           const char *part,
           gsize       part_len,
           const char *name2,
           const char *part2)
{
  g_autofree char *path = g_build_filename (f->dir, "parts.zip", NULL);
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  char *contents = NULL;
  gsize len = 0;

  g_assert_nonnull (zip);
  g_assert_cmpint (zipOpenNewFileInZip (zip, name, NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 9), ==, ZIP_OK);
  g_assert_cmpint (zipWriteInFileInZip (zip, part, part_len), ==, ZIP_OK);
  g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
  if (name2 != NULL)
    {
      g_assert_cmpint (zipOpenNewFileInZip (zip, name2, NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 9), ==, ZIP_OK);
      g_assert_cmpint (zipWriteInFileInZip (zip, part2, strlen (part2)), ==, ZIP_OK);
      g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
    }
  g_assert_cmpint (zipClose (zip, NULL), ==, ZIP_OK);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_unlink (path);
  return g_bytes_new_take (contents, len);
}

#define SHEET_HEAD "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define SHEET_TAIL "</sheetData></worksheet>"

static void
test_xlsx_shared_string_references (Fixture *f, gconstpointer data)
{
  gsize big = 1000 * 1000;
  g_autoptr (GString) strings = g_string_new ("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>");
  g_autoptr (GString) sheet = g_string_new (SHEET_HEAD);
  g_autoptr (GBytes) zip = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = NULL;
  gsize len;
  const char *bytes;

  /* one 1 MB string, shown by 600 cells: a 600 MB table from a small file */
  for (gsize i = 0; i < big; i++)
    g_string_append_c (strings, 'x');
  g_string_append (strings, "</t></si></sst>");
  for (guint r = 1; r <= 600; r++)
    g_string_append_printf (sheet, "<row r=\"%u\"><c r=\"A%u\" t=\"s\"><v>0</v></c></row>", r, r);
  g_string_append (sheet, SHEET_TAIL);
  zip = zip_parts (f, "xl/worksheets/sheet1.xml", sheet->str, sheet->len, "xl/sharedStrings.xml", strings->str);
  bytes = g_bytes_get_data (zip, &len);
  g_assert_cmpuint (len, <, 64 * 1024);
  table = ledger_table_read_bytes (bytes, len, "shared.xlsx", NULL, &error);
  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "512 MiB"));
}

static void
set_le32 (guint8 *p,
          guint32 value)
{
  for (guint i = 0; i < 4; i++)
    p[i] = (value >> (8 * i)) & 0xff;
}

/* Both headers of the only entry claim the zip64 marker as packed size. */
static void
claim_zip64_size (guint8 *zip,
                  gsize   len)
{
  guint n_patched = 0;

  for (gsize i = 0; i + 46 < len; i++)
    {
      if (memcmp (zip + i, "PK\3\4", 4) == 0)
        set_le32 (zip + i + 18, 0xFFFFFFFF), n_patched++;
      else if (memcmp (zip + i, "PK\1\2", 4) == 0)
        set_le32 (zip + i + 20, 0xFFFFFFFF), n_patched++;
    }
  g_assert_cmpuint (n_patched, ==, 2);
}

/* A damaged .xls whose BIFF record claims more bytes than its stream:
 * libfreexl 1.0.6 reads past its buffer and crashes inside freexl_open
 * (found by fuzz-xls). The read is tried in a child process first: the file
 * is refused as unreadable and the program goes on. */
static void
test_xls_crashing_reader (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "known", "libfreexl-record-segv.xls", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  table = ledger_table_read_bytes (bytes, len, "damaged.xls", NULL, &error);
  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ".xls"));
}

static void
test_xlsx_zip64_packed_size (Fixture *f, gconstpointer data)
{
  gsize blank = 100 * 1024 * 1024;
  g_autoptr (GString) sheet = g_string_sized_new (blank + 64);
  g_autoptr (GBytes) zip = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize len;

  /* 100 MB of nothing, packed a thousand times: a bomb the ratio check
   * missed when the packed size read 0xFFFFFFFF */
  g_string_append (sheet, SHEET_HEAD);
  g_string_set_size (sheet, sheet->len + blank);
  memset (sheet->str + sheet->len - blank, ' ', blank);
  g_string_append (sheet, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>" SHEET_TAIL);
  zip = zip_parts (f, "xl/worksheets/sheet1.xml", sheet->str, sheet->len, NULL, NULL);
  len = g_bytes_get_size (zip);
  bytes = g_memdup2 (g_bytes_get_data (zip, NULL), len);
  claim_zip64_size (bytes, len);
  table = ledger_table_read_bytes ((const char *) bytes, len, "bomb.xlsx", NULL, &error);
  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "zip bomb"));
}

/* ---- 4, 5: damaged and empty ledgers ---- */

static char *
make_ledger (Fixture    *f,
             const char *name,
             gboolean    demo)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (LedgerDb) db = ledger_ledger_create (path, "512022", demo, &error);

  g_assert_no_error (error);
  g_clear_object (&db);
  return path;
}

static char *
raw_quick_check (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (handle, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return result ? result : g_strdup ("unreadable");
}

static void
test_damaged_ledgers (Fixture *f, gconstpointer data)
{
  g_autofree char *good = make_ledger (f, "good.db", TRUE);
  g_autofree char *contents = NULL;
  gsize len;
  guint n_refused = 0;

  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  /* 64 bytes flipped at 21 places across the file, as in the trial */
  for (guint trial = 0; trial < 21; trial++)
    {
      g_autofree char *path = g_strdup_printf ("%s/damaged-%u.db", f->dir, trial);
      g_autofree char *damaged = g_memdup2 (contents, len);
      g_autofree char *verdict = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (LedgerDb) db = NULL;
      gsize at = 4096 + (len - 8192) * (trial + 1) / 22;

      for (guint i = 0; i < 64; i++)
        damaged[at + i] ^= 0xff;
      g_assert_true (g_file_set_contents (path, damaged, len, NULL));
      verdict = raw_quick_check (path);
      db = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, &error);
      if (db == NULL)
        {
          n_refused++;
          g_assert_true (g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_DAMAGED) ||
                         g_error_matches (error, LEDGER_ERROR, LEDGER_ERROR_NOT_A_LEDGER));
          g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
          g_assert_true (memcmp (after, damaged, len) == 0);
        }
      else
        g_assert_cmpstr (verdict, ==, "ok");   /* only what SQLite itself finds sound */
      if (g_strcmp0 (verdict, "ok") != 0)
        g_assert_null (db);
    }
  g_test_message ("%u of 21 damaged copies refused", n_refused);
  g_assert_cmpuint (n_refused, >, 0);
}

/* A big ledger is read at once and checked in a thread beside (here every
 * ledger, by the threshold 0): a damaged one may open, but its first write
 * waits for the check and is refused, and the file is left as it was. */
static void
test_damaged_ledgers_checked_beside (Fixture *f, gconstpointer data)
{
  g_autofree char *good = make_ledger (f, "good.db", TRUE);
  g_autofree char *contents = NULL;
  gsize len;
  guint n_write_refused = 0;

  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  g_setenv ("LEDGER_INTEGRITY_ASYNC_BYTES", "0", TRUE);
  for (guint trial = 0; trial < 21; trial++)
    {
      g_autofree char *path = g_strdup_printf ("%s/damaged-beside-%u.db", f->dir, trial);
      g_autofree char *damaged = g_memdup2 (contents, len);
      g_autofree char *verdict = NULL;
      g_autofree char *after = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (LedgerDb) db = NULL;
      gsize at = 4096 + (len - 8192) * (trial + 1) / 22;

      for (guint i = 0; i < 64; i++)
        damaged[at + i] ^= 0xff;
      g_assert_true (g_file_set_contents (path, damaged, len, NULL));
      verdict = raw_quick_check (path);
      db = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, &error);
      if (db == NULL)
        continue;   /* refused at once: what the other test checks */
      if (ledger_db_begin (db, &error))
        {
          g_assert_cmpstr (verdict, ==, "ok");
          ledger_db_rollback (db);
          continue;
        }
      n_write_refused++;
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_DAMAGED);
      g_assert_cmpstr (verdict, !=, "ok");
      g_clear_object (&db);
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_true (memcmp (after, damaged, len) == 0);
    }
  g_unsetenv ("LEDGER_INTEGRITY_ASYNC_BYTES");
  g_test_message ("%u of 21 damaged copies opened, their first write refused", n_write_refused);
  g_assert_cmpuint (n_write_refused, >, 0);
}

static void
test_empty_file_is_no_ledger (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "empty.db", "", 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (path, LEDGER_DB_OPEN_DEFAULT, &error);
  GStatBuf info;

  g_assert_null (db);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_A_LEDGER);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, ==, 0);
}

/* ---- 6, 8: whole files or none ---- */

static guint
count_hidden (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    n += name[0] == '.';
  return n;
}

static gboolean
refuse_fill (LedgerDb  *db,
             gpointer   user_data,
             GError   **error)
{
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, "refused on purpose");
  return FALSE;
}

static void
test_init_builds_aside (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "new.db", NULL);
  g_autofree char *stray = g_build_filename (f->dir, ".new.db.Ab12Cd", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = NULL;

  /* a killed init's leftover, then a refused one: neither leaves a file */
  g_assert_true (g_file_set_contents (stray, "half a ledger", -1, NULL));
  db = ledger_ledger_create_full (path, "512022", FALSE, refuse_fill, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);
  g_clear_error (&error);

  db = ledger_ledger_create (path, "512022", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind = 'township'"), >, 0);
  g_assert_cmpuint (count_hidden (f->dir), ==, 0);
}

static void
test_export_cleans_strays (Fixture *f, gconstpointer data)
{
  g_autofree char *ledger = make_ledger (f, "l.db", FALSE);
  g_autofree char *out = g_build_filename (f->dir, "台账.xlsx", NULL);
  g_autofree char *stray = g_build_filename (f->dir, ".台账.xlsx.X1y2Z3", NULL);
  g_autofree char *busy = g_build_filename (f->dir, ".台账.xlsx.Busy01", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (ledger, LEDGER_DB_OPEN_READ_ONLY, &error);
  int busy_fd;

  g_assert_true (g_file_set_contents (stray, "PK killed", -1, NULL));
  g_assert_true (g_file_set_contents (busy, "PK writing", -1, NULL));
  /* another export still writing holds its lock: its file stays */
  busy_fd = g_open (busy, O_RDONLY, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);
  g_assert_true (ledger_export_xlsx (db, out, 2025, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  close (busy_fd);
  g_assert_cmpuint (ledger_replace_clean_strays (out), ==, 1);
  g_assert_false (g_file_test (busy, G_FILE_TEST_EXISTS));
}

static void
test_export_never_over_the_ledger (Fixture *f, gconstpointer data)
{
  g_autofree char *ledger = make_ledger (f, "l.csv", FALSE);
  g_autofree char *other_spelling = g_strdup_printf ("%s/./l.csv", f->dir);
  g_autofree char *wal = g_strconcat (ledger, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_db_open (ledger, LEDGER_DB_OPEN_DEFAULT, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  g_assert_true (g_file_get_contents (ledger, &before, &before_len, NULL));
  g_assert_false (ledger_export_csv (db, LEDGER_KIND_FARMS, ledger, LEDGER_HEADER_ZH, 0, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_export_geojson (db, LEDGER_KIND_FARMS, other_spelling, 0, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_export_xlsx (db, wal, 2025, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_true (g_file_get_contents (ledger, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_open_cleans_init_leftovers (Fixture *f, gconstpointer data)
{
  g_autofree char *ledger = make_ledger (f, "l.db", FALSE);
  g_autofree char *stray = g_build_filename (f->dir, ".l.db.Kd82Jq", NULL);
  g_autofree char *stray_wal = g_build_filename (f->dir, ".l.db.Kd82Jq-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) reader = NULL;
  g_autoptr (LedgerDb) writer = NULL;

  g_assert_true (g_file_set_contents (stray, "half", -1, NULL));
  g_assert_true (g_file_set_contents (stray_wal, "half", -1, NULL));
  reader = ledger_db_open (ledger, LEDGER_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (stray, G_FILE_TEST_EXISTS));   /* reading changes nothing */
  writer = ledger_db_open (ledger, LEDGER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stray_wal, G_FILE_TEST_EXISTS));
}

/* ---- 11: what a value may not hide ---- */

static void
test_bidi_controls_refused (Fixture *f, gconstpointer data)
{
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (LEDGER_KIND_FARMS, &n_fields);
  const gunichar marks[] = { 0x202A, 0x202E, 0x2066, 0x2069, 0x200E, 0x200F };

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].type != LEDGER_FIELD_TEXT && fields[i].type != LEDGER_FIELD_CODE)
        continue;
      for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
        {
          char mark[8] = { 0 };
          g_autofree char *text = NULL;
          g_autofree char *canonical = NULL;
          g_autoptr (GError) error = NULL;

          g_unichar_to_utf8 (marks[m], mark);
          text = g_strconcat ("F1", mark, "exe.jpg", NULL);
          g_assert_false (ledger_field_parse (&fields[i], text, &canonical, &error));
          g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "direction"));
          g_assert_null (strstr (error->message, mark));   /* not echoed */
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/robustness/outline/deep-nesting", test_outline_deep_nesting);
  ADD ("/robustness/input/fifo", test_input_fifo);
  ADD ("/robustness/input/device", test_input_device);
  ADD ("/robustness/input/not-files", test_input_not_files);
  ADD ("/robustness/csv/commas", test_csv_commas);
  ADD ("/robustness/csv/cells-bytes", test_csv_cells_bytes);
  ADD ("/robustness/xlsx/shared-string-references", test_xlsx_shared_string_references);
  ADD ("/robustness/xls/crashing-reader", test_xls_crashing_reader);
  ADD ("/robustness/xlsx/zip64-packed-size", test_xlsx_zip64_packed_size);
  ADD ("/robustness/db/damaged", test_damaged_ledgers);
  ADD ("/robustness/db/damaged-checked-beside", test_damaged_ledgers_checked_beside);
  ADD ("/robustness/db/empty-file", test_empty_file_is_no_ledger);
  ADD ("/robustness/init/builds-aside", test_init_builds_aside);
  ADD ("/robustness/export/cleans-strays", test_export_cleans_strays);
  ADD ("/robustness/export/never-over-the-ledger", test_export_never_over_the_ledger);
  ADD ("/robustness/db/open-cleans-init-leftovers", test_open_cleans_init_leftovers);
  ADD ("/robustness/values/bidi", test_bidi_controls_refused);
#undef ADD
  return g_test_run ();
}
