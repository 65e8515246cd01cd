/* test-inspections.c: rectification deadlines, the overdue lists, photos and their EXIF (issue 16)
 *
 * The photos in tests/photos were made by ImageMagick and ExifTool
 * (tests/photos/make-photos.sh); the hostile EXIF blocks are built here.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-exif.h"
#include "ledger-inspections.h"
#include "ledger-photos.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"
#include "ledger-values.h"

#define VILLAGE "512022101203"
#define OTHER_VILLAGE "512022102204"
#define TODAY "2026-12-04"

typedef struct
{
  char     *dir;
  LedgerDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-inspections-XXXXXX", NULL);
  path = g_build_filename (f->dir, "ledger.db", NULL);
  f->db = ledger_db_open (path, LEDGER_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_db_exec (f->db,
    "INSERT INTO regions (code, name, kind, parent) VALUES"
    " ('512022', '乐至县', 'county', NULL),"
    " ('512022101', '中天镇', 'township', '512022'), ('512022102', '回澜镇', 'township', '512022'),"
    " ('" VILLAGE "', '试验村', 'village', '512022101'), ('" OTHER_VILLAGE "', '另一村', 'village', '512022102')",
    &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
save_facility (Fixture *f, const char *code, const char *village, const char *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRecord) r = ledger_record_new (LEDGER_KIND_FACILITIES);

  ledger_record_set (r, "code", code);
  ledger_record_set (r, "name", code);
  ledger_record_set (r, "kind", "village_station");
  ledger_record_set (r, "village_code", village);
  ledger_record_set (r, "status", status);
  g_assert_true (ledger_store_save (f->db, r, &error));
  g_assert_no_error (error);
}

static gboolean
save_inspection (Fixture *f, const char *subject, const char *date, const char *result,
                 const char *deadline, const char *follow_up, char **uid, GError **error)
{
  g_autoptr (LedgerRecord) r = ledger_record_new (LEDGER_KIND_INSPECTIONS);

  ledger_record_set (r, "subject_code", subject);
  ledger_record_set (r, "date", date);
  ledger_record_set (r, "inspector", "王五");
  ledger_record_set (r, "result", result);
  ledger_record_set (r, "deadline", deadline);
  ledger_record_set (r, "follow_up", follow_up);
  if (!ledger_store_save (f->db, r, error))
    return FALSE;
  if (uid != NULL)
    *uid = g_strdup (r->uid);
  return TRUE;
}

static GPtrArray *
load_rows (Fixture *f, LedgerObservationsFilter filter, const char *township)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = ledger_observations_load (f->db, filter, township, TODAY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static GBytes *
photo_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "photos", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* ---- deadlines and follow-up ---- */

static void
test_deadline_check (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = NULL;
  g_autoptr (LedgerRecord) stored = NULL;

  save_facility (f, "F1", VILLAGE, "normal");
  g_assert_false (save_inspection (f, "F1", "2026-11-10", "problem", "2026-11-01", "pending", NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-11-01"));
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM inspections"), ==, 0);
  g_clear_error (&error);

  g_assert_true (save_inspection (f, "F1", "2026-11-10", "problem", "2026-11-30", "pending", &uid, &error));
  g_assert_no_error (error);
  stored = ledger_store_get (f->db, LEDGER_KIND_INSPECTIONS, uid, 0, &error);
  g_assert_cmpstr (ledger_record_get (stored, "deadline"), ==, "2026-11-30");
  g_assert_cmpstr (ledger_record_get (stored, "follow_up"), ==, "pending");

  /* the ledger itself refuses a follow-up it does not know */
  g_assert_false (save_inspection (f, "F1", "2026-11-11", "problem", NULL, "tomorrow", NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM inspections"), ==, 1);
}

/* what import and the editor read: 2026.11.30 is the date it names, 待整改 a follow-up */
static void
test_parse_fields (void)
{
  const LedgerField *fields = ledger_kind_fields (LEDGER_KIND_INSPECTIONS, NULL);
  const LedgerField *deadline = &fields[ledger_kind_field_index (LEDGER_KIND_INSPECTIONS, "整改期限")];
  const LedgerField *follow_up = &fields[ledger_kind_field_index (LEDGER_KIND_INSPECTIONS, "follow_up")];
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *rectified = NULL;
  char *refused = NULL;

  g_assert_true (ledger_field_parse (deadline, "2026.11.30", &date, &error));
  g_assert_cmpstr (date, ==, "2026-11-30");
  g_assert_true (ledger_field_parse (follow_up, "待整改", &pending, &error));
  g_assert_cmpstr (pending, ==, "pending");
  g_assert_true (ledger_field_parse (follow_up, "整改完成", &rectified, &error));
  g_assert_cmpstr (rectified, ==, "rectified");
  g_assert_false (ledger_field_parse (deadline, "2026-02-30", &refused, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_field_parse (follow_up, "明天再说", &refused, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
}

static void
test_follow_up_audited (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = NULL;
  g_autoptr (LedgerRecord) r = NULL;

  save_facility (f, "F1", VILLAGE, "normal");
  g_assert_true (save_inspection (f, "F1", "2026-11-10", "problem", "2026-11-30", "pending", &uid, &error));
  r = ledger_store_get (f->db, LEDGER_KIND_INSPECTIONS, uid, 0, &error);
  ledger_record_set (r, "follow_up", "rectified");
  g_assert_true (ledger_store_save (f->db, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit WHERE entity = 'inspections'"
                                             " AND field = 'follow_up' AND old_value = 'pending'"
                                             " AND new_value = 'rectified'"), ==, 1);
}

/* ---- the page's lists ---- */

static void
set_up_month (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  save_facility (f, "F-ok", VILLAGE, "normal");         /* inspected this month */
  save_facility (f, "F-due", VILLAGE, "faulty");        /* last inspected in November */
  save_facility (f, "F-never", OTHER_VILLAGE, "normal"); /* never inspected */
  save_facility (f, "F-stopped", VILLAGE, "stopped");   /* not in operation: not due */
  save_facility (f, "F-building", VILLAGE, "building");
  g_assert_true (save_inspection (f, "F-ok", "2026-12-01", "ok", NULL, NULL, NULL, &error));
  g_assert_true (save_inspection (f, "F-due", "2026-11-03", "problem", "2026-11-30", "pending", NULL, &error));
  g_assert_true (save_inspection (f, "F-due", "2026-10-03", "problem", "2026-10-30", "rectified", NULL, &error));
  /* the deadline is today: not passed yet */
  g_assert_true (save_inspection (f, "F-stopped", "2026-11-20", "problem", TODAY, NULL, NULL, &error));
  /* an inspection dated after "today" does not count for this month */
  g_assert_true (save_inspection (f, "F-never", "2026-12-20", "ok", NULL, NULL, NULL, &error));
  g_assert_true (ledger_db_exec (f->db, "INSERT INTO samples (uid, facility_uid, date, cod_mgl)"
                                        " SELECT 's-1', uid, '2026-12-02', 40 FROM facilities WHERE code = 'F-ok'", &error));
  g_assert_no_error (error);
}

static void
test_lists (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) passed = NULL;
  g_autoptr (GPtrArray) township = NULL;
  LedgerObservationRow *row;

  set_up_month (f);
  all = load_rows (f, LEDGER_OBSERVATIONS_ALL, NULL);
  g_assert_cmpuint (all->len, ==, 6);
  row = g_ptr_array_index (all, 0);   /* newest first */
  g_assert_cmpstr (row->date, ==, "2026-12-20");
  row = g_ptr_array_index (all, 1);
  g_assert_cmpint (row->kind, ==, LEDGER_KIND_SAMPLES);
  g_assert_cmpstr (row->subject_code, ==, "F-ok");
  g_assert_cmpstr (row->township, ==, "中天镇");
  g_assert_cmpstr (row->village, ==, "试验村");

  due = load_rows (f, LEDGER_OBSERVATIONS_NOT_INSPECTED, NULL);
  g_assert_cmpuint (due->len, ==, 2);
  row = g_ptr_array_index (due, 0);   /* never inspected first */
  g_assert_cmpstr (row->subject_code, ==, "F-never");
  g_assert_null (row->date);
  g_assert_null (row->uid);
  g_assert_cmpint (row->subject_kind, ==, LEDGER_KIND_FACILITIES);
  row = g_ptr_array_index (due, 1);
  g_assert_cmpstr (row->subject_code, ==, "F-due");
  g_assert_cmpstr (row->date, ==, "2026-11-03");

  passed = load_rows (f, LEDGER_OBSERVATIONS_DEADLINE_PASSED, NULL);
  g_assert_cmpuint (passed->len, ==, 1);
  row = g_ptr_array_index (passed, 0);
  g_assert_cmpstr (row->deadline, ==, "2026-11-30");
  g_assert_true (row->deadline_passed);
  g_assert_cmpint (row->subject_kind, ==, LEDGER_KIND_FACILITIES);

  township = load_rows (f, LEDGER_OBSERVATIONS_NOT_INSPECTED, "512022101");
  g_assert_cmpuint (township->len, ==, 1);
  g_assert_cmpstr (((LedgerObservationRow *) g_ptr_array_index (township, 0))->subject_code, ==, "F-due");
}

static void
test_lists_bad_today (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = ledger_observations_load (f->db, LEDGER_OBSERVATIONS_ALL, NULL, "soon", &error);

  g_assert_null (rows);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
}

/* ---- EXIF ---- */

static void
test_exif_files (void)
{
  static const struct { const char *name; gboolean time, position; const char *when; double lat, lon; } cases[] = {
    { "good.jpg", TRUE, TRUE, "2026-11-28 09:41:05", 30.2756, 105.0312 },
    { "le-south.jpg", TRUE, TRUE, "2025-02-03 14:05:59", -33.8688, -151.2093 },
    { "no-fix.jpg", TRUE, FALSE, "2026-01-02 03:04:05", 0, 0 },
    { "photo.png", TRUE, TRUE, "2026-12-01 08:00:00", 30.1, 104.9 },
    { "no-exif.jpg", FALSE, FALSE, NULL, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = photo_bytes (cases[i].name);
      LedgerExif exif;
      gboolean found = ledger_exif_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &exif);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (found, ==, cases[i].time || cases[i].position);
      g_assert_cmpint (exif.has_time, ==, cases[i].time);
      g_assert_cmpint (exif.has_position, ==, cases[i].position);
      if (cases[i].time)
        g_assert_cmpstr (exif.time, ==, cases[i].when);
      if (cases[i].position)
        {
          g_assert_cmpfloat_with_epsilon (exif.lat, cases[i].lat, 1e-6);
          g_assert_cmpfloat_with_epsilon (exif.lon, cases[i].lon, 1e-6);
        }
    }
}

/* every prefix of a good photo: never a crash, never a value that is not in the file */
static void
test_exif_truncated (void)
{
  g_autoptr (GBytes) bytes = photo_bytes ("good.jpg");
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  for (gsize n = 0; n < size; n++)
    {
      guint8 *copy = g_memdup2 (data, n);  /* exactly n bytes: ASan sees a read past them */
      LedgerExif exif;

      ledger_exif_read (copy, n, &exif);
      if (exif.has_time)
        g_assert_cmpstr (exif.time, ==, "2026-11-28 09:41:05");
      if (exif.has_position)
        g_assert_cmpfloat_with_epsilon (exif.lat, 30.2756, 1e-6);
      g_free (copy);
    }
}

/* A JPEG whose APP1 holds @tiff. */
static GByteArray *
jpeg_with_tiff (const guint8 *tiff, gsize len)
{
  GByteArray *jpeg = g_byte_array_new ();
  guint8 head[] = { 0xFF, 0xD8, 0xFF, 0xE1, (len + 8) >> 8, (len + 8) & 0xFF, 'E', 'x', 'i', 'f', 0, 0 };
  guint8 tail[] = { 0xFF, 0xD9 };

  g_byte_array_append (jpeg, head, sizeof head);
  g_byte_array_append (jpeg, tiff, len);
  g_byte_array_append (jpeg, tail, sizeof tail);
  return jpeg;
}

static void
test_exif_hostile (void)
{
  /* little-endian TIFF, IFD0 at 8 */
  static const guint8 huge_count[] = { 'I', 'I', 42, 0, 8, 0, 0, 0, 0xFF, 0xFF };
  static const guint8 ifd_past_end[] = { 'I', 'I', 42, 0, 0xF0, 0xFF, 0xFF, 0x7F };
  /* IFD0: one entry, the GPS IFD pointer pointing back at IFD0 */
  static const guint8 self_pointer[] = { 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0,
                                         0x25, 0x88, 4, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0 };
  /* GPS IFD at 26: latitude as 0x40000000 RATIONALs (count × 8 overflows 32 bits) */
  static const guint8 rational_overflow[] = { 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0,
                                              0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0,
                                              1, 0, 2, 0, 5, 0, 0, 0, 0, 0x40, 40, 0, 0, 0, 0, 0, 0, 0 };
  /* DateTime (0x0132) whose text runs past the end */
  static const guint8 time_past_end[] = { 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0,
                                          0x32, 0x01, 2, 0, 20, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0,
                                          '2', '0', '2', '6', ':', '0', '1' };
  /* DateTime that is not a date: 2026:02:30 */
  static const guint8 bad_date[] = { 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0,
                                     0x32, 0x01, 2, 0, 20, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0,
                                     '2', '0', '2', '6', ':', '0', '2', ':', '3', '0', ' ',
                                     '1', '0', ':', '0', '0', ':', '0', '0', 0 };
  static const struct { const guint8 *tiff; gsize len; } cases[] = {
    { huge_count, sizeof huge_count }, { ifd_past_end, sizeof ifd_past_end }, { self_pointer, sizeof self_pointer },
    { rational_overflow, sizeof rational_overflow }, { time_past_end, sizeof time_past_end },
    { bad_date, sizeof bad_date },
  };
  static const guint8 bad_segment[] = { 0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x' };
  static const guint8 short_segment[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0xFF, 0xD9 };
  static const guint8 png_chunk_too_long[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
                                               0xFF, 0xFF, 0xFF, 0xF0, 'e', 'X', 'I', 'f', 'M', 'M', 0, 42 };
  LedgerExif exif;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GByteArray) jpeg = jpeg_with_tiff (cases[i].tiff, cases[i].len);
      g_test_message ("case %u", i);
      g_assert_false (ledger_exif_read (jpeg->data, jpeg->len, &exif));
      g_assert_false (exif.has_time || exif.has_position);
    }
  g_assert_false (ledger_exif_read (bad_segment, sizeof bad_segment, &exif));
  g_assert_false (ledger_exif_read (short_segment, sizeof short_segment, &exif));
  g_assert_false (ledger_exif_read (png_chunk_too_long, sizeof png_chunk_too_long, &exif));
  g_assert_false (ledger_exif_read ((const guint8 *) "not a picture", 13, &exif));
  g_assert_false (ledger_exif_read (NULL, 0, &exif));
}

/* ---- photos ---- */

static void
test_photos (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *inspection = NULL;
  g_autofree char *uid = NULL;
  g_autoptr (GBytes) jpeg = photo_bytes ("good.jpg");
  g_autoptr (GBytes) thumbnail = g_bytes_new_static ("thumb", 5);
  g_autoptr (GBytes) text = g_bytes_new_static ("hello", 5);
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr (GPtrArray) photos = NULL;
  g_autoptr (GBytes) loaded = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  LedgerPhoto *photo;

  save_facility (f, "F1", VILLAGE, "normal");
  g_assert_true (save_inspection (f, "F1", "2026-11-10", "problem", NULL, NULL, &inspection, &error));

  uid = ledger_photo_add (f->db, inspection, "/home/officer/图片/格栅.jpg", jpeg, thumbnail, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uid);
  photos = ledger_photos_load (f->db, inspection, &error);
  g_assert_cmpuint (photos->len, ==, 1);
  photo = g_ptr_array_index (photos, 0);
  g_assert_cmpstr (photo->file_name, ==, "格栅.jpg");
  g_assert_cmpstr (photo->taken_at, ==, "2026-11-28 09:41:05");
  g_assert_true (g_bytes_equal (photo->thumbnail, thumbnail));
  loaded = ledger_photo_load_data (f->db, uid, &error);
  g_assert_true (g_bytes_equal (loaded, jpeg));
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit WHERE entity = 'inspection_photos'"
                                             " AND action = 'insert'"), ==, 1);
  rows = load_rows (f, LEDGER_OBSERVATIONS_ALL, NULL);
  g_assert_cmpuint (((LedgerObservationRow *) g_ptr_array_index (rows, 0))->n_photos, ==, 1);

  /* refused, by file name and reason; nothing written */
  g_assert_null (ledger_photo_add (f->db, inspection, "notes.jpg", text, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE);
  g_assert_nonnull (strstr (error->message, "notes.jpg"));
  g_clear_error (&error);
  g_assert_null (ledger_photo_add (f->db, inspection, "empty.png", empty, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INPUT_FILE);
  g_clear_error (&error);
  g_assert_null (ledger_photo_add (f->db, "no-such-inspection", "a.jpg", jpeg, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM inspection_photos"), ==, 1);

  g_assert_true (ledger_photo_delete (f->db, uid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM inspection_photos"), ==, 0);
  g_assert_cmpint (ledger_test_count (f->db, "SELECT count(*) FROM audit WHERE entity = 'inspection_photos'"
                                             " AND action = 'delete'"), ==, 1);
  g_assert_false (ledger_photo_delete (f->db, uid, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/inspections/deadline-check", test_deadline_check);
  ADD ("/inspections/follow-up-audited", test_follow_up_audited);
  ADD ("/inspections/lists", test_lists);
  ADD ("/inspections/lists-bad-today", test_lists_bad_today);
  ADD ("/inspections/photos", test_photos);
  g_test_add_func ("/inspections/parse-fields", test_parse_fields);
  g_test_add_func ("/exif/files", test_exif_files);
  g_test_add_func ("/exif/truncated", test_exif_truncated);
  g_test_add_func ("/exif/hostile", test_exif_hostile);
  return g_test_run ();
}
