/* test-kml.c: KML/KMZ as Google Earth, 奥维 and ArcGIS write it, in and out */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-error.h"
#include "ledger-export-kml.h"
#include "ledger-import.h"
#include "ledger-shapes.h"
#include "ledger-store.h"
#include "ledger-table.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

#define VILLAGE  "512022101208"
#define VILLAGE2 "512022102204"

typedef struct
{
  char     *dir;
  LedgerDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->db = ledger_test_new_ledger ("test-kml", NULL, FALSE, &f->dir, NULL);
  g_assert_true (ledger_db_exec (f->db,
    "INSERT INTO regions (code, name, kind, parent) VALUES"
    " ('512022', '乐至县', 'county', NULL),"
    " ('512022101', '中天镇', 'township', '512022'),"
    " ('512022102', '佛星镇', 'township', '512022'),"
    " ('" VILLAGE "', '试验村', 'village', '512022101'),"
    " ('" VILLAGE2 "', '二村', 'village', '512022102')", &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static LedgerTable *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "kml", name, NULL);
  g_autoptr (GError) error = NULL;
  LedgerTable *table = ledger_table_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpint (table->format, ==, LEDGER_TABLE_KML);
  return table;
}

static int
column (const LedgerTable *table, const char *name)
{
  const LedgerCsvRow *header = g_ptr_array_index (table->rows, 0);

  for (guint i = 0; i < header->n_cells; i++)
    if (g_str_equal (header->cells[i], name))
      return i;
  return -1;
}

static const char *
cell (const LedgerTable *table, guint row, const char *name)
{
  const LedgerCsvRow *r = g_ptr_array_index (table->rows, row);
  int i = column (table, name);

  g_assert_cmpint (i, >=, 0);
  return r->cells[i];
}

static LedgerImportReport *
import_fixture (Fixture *f, LedgerKind kind, const char *name, gboolean valid_only)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "kml", name, NULL);
  LedgerImportOptions options = { .valid_only = valid_only };
  g_autoptr (GError) error = NULL;
  LedgerImportReport *report = ledger_import_file (f->db, kind, path, &options, &error);

  g_assert_no_error (error);
  return report;
}

/* Google Earth: Folders in Folders, a StyleMap, LookAt, altitude, Data with
 * and without displayName; ArcGIS's CDATA table in a description. */
static void
test_google_earth (void)
{
  g_autoptr (LedgerTable) table = read_fixture ("google-earth-farms.kml");

  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_cmpstr (table->encoding, ==, "KML");
  g_assert_cmpstr (cell (table, 1, "名称"), ==, "试验村生猪养殖场");
  g_assert_cmpstr (cell (table, 1, "编号"), ==, "L101");
  g_assert_cmpstr (cell (table, 1, "畜种"), ==, "生猪");
  g_assert_cmpstr (cell (table, 1, "lon"), ==, "105.1012");
  g_assert_cmpstr (cell (table, 1, "lat"), ==, "30.3021");
  g_assert_cmpstr (cell (table, 1, "geometry"), ==, "");
  g_assert_null (cell (table, 1, "年出栏"));
  /* the description's key–value rows; <Null> is a value left out */
  g_assert_cmpstr (cell (table, 2, "编号"), ==, "L102");
  g_assert_cmpstr (cell (table, 2, "畜种"), ==, "羊");
  g_assert_cmpstr (cell (table, 2, "年出栏"), ==, "320");
  g_assert_null (cell (table, 2, "存栏"));
  g_assert_cmpint (column (table, "二村肉羊养殖场"), ==, -1);
  g_assert_cmpuint (((LedgerCsvRow *) g_ptr_array_index (table->rows, 2))->line, ==, 2);
}

/* Some Chinese tools write GBK and say so in the declaration */
static void
test_gb18030 (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "kml", "ovital-facilities.kml", NULL);
  g_autofree char *utf8 = NULL;
  g_autofree char *gbk = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &utf8, NULL, NULL));
  gbk = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  table = ledger_table_read_bytes (gbk, len, "奥维.kml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell (table, 1, "名称"), ==, "一号站");
  g_assert_cmpstr (cell (table, 1, "类型"), ==, "村级集中处理站");
}

static void
test_kmz (void)
{
  g_autoptr (LedgerTable) kml = read_fixture ("google-earth-farms.kml");
  g_autoptr (LedgerTable) kmz = read_fixture ("farms.kmz");

  g_assert_cmpstr (kmz->encoding, ==, "KMZ");
  g_assert_cmpuint (kmz->rows->len, ==, kml->rows->len);
  g_assert_cmpstr (cell (kmz, 2, "年出栏"), ==, "320");
  g_assert_cmpstr (cell (kmz, 1, "lon"), ==, "105.1012");
}

/* 奥维: SchemaData/SimpleData, an inline Style, "lon, lat" with a space,
 * a plain-text description (no table: nothing read from it). */
static void
test_ovital (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerTable) table = read_fixture ("ovital-facilities.kml");
  g_autoptr (LedgerImportReport) report = NULL;
  g_autoptr (LedgerRecord) record = NULL;

  g_assert_cmpstr (cell (table, 2, "名称"), ==, "二号站 & 管网");
  g_assert_cmpstr (cell (table, 2, "lon"), ==, "105.2011");
  g_assert_cmpstr (cell (table, 2, "lat"), ==, "30.2009");
  g_assert_cmpstr (cell (table, 1, "运行状态"), ==, "正常运行");

  report = import_fixture (f, LEDGER_KIND_FACILITIES, "ovital-facilities.kml", FALSE);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (report->n_new, ==, 2);
  record = ledger_test_get_by_code (f->db, LEDGER_KIND_FACILITIES, "F2");
  g_assert_cmpstr (ledger_record_get (record, "name"), ==, "二号站 & 管网");
  g_assert_cmpstr (ledger_record_get (record, "status"), ==, "stopped");
  g_assert_cmpstr (ledger_record_get (record, "lon"), ==, "105.2011");
}

static void
test_import_farms (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) report = import_fixture (f, LEDGER_KIND_FARMS, "farms.kmz", FALSE);
  g_autoptr (LedgerRecord) sheep = NULL;
  g_autofree char *problems = ledger_test_problems_text (report);

  g_assert_cmpstr (problems, ==, "");
  g_assert_cmpuint (report->n_new, ==, 2);
  sheep = ledger_test_get_by_code (f->db, LEDGER_KIND_FARMS, "L102");
  g_assert_cmpstr (ledger_record_get (sheep, "name"), ==, "二村肉羊养殖场");
  g_assert_cmpstr (ledger_record_get (sheep, "species"), ==, "sheep_goat");
  g_assert_cmpstr (ledger_record_get (sheep, "annual_output"), ==, "320");
  g_assert_cmpstr (ledger_record_get (sheep, "lat"), ==, "30.2017");
}

/* A Polygon with a hole, a LineString beside its Point in a MultiGeometry,
 * and a 两步路 track that is no water body (rejected by name). */
static void
test_water_bodies (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerTable) table = read_fixture ("water-bodies.kml");
  g_autoptr (LedgerImportReport) report = NULL;
  g_autoptr (LedgerRecord) ditch = NULL;
  g_autofree char *pond = NULL;
  g_autofree char *problems = NULL;

  g_assert_cmpstr (cell (table, 1, "geometry"), ==,
                   "{\"type\":\"Polygon\",\"coordinates\":[[[105.1,30.31],[105.102,30.31],[105.102,30.3115],"
                   "[105.1,30.3115],[105.1,30.31]],[[105.1008,30.3105],[105.1012,30.3105],[105.1012,30.3109],"
                   "[105.1008,30.3105]]]}");
  g_assert_cmpstr (cell (table, 1, "lon"), ==, "");
  g_assert_cmpstr (cell (table, 2, "geometry"), ==,
                   "{\"type\":\"LineString\",\"coordinates\":[[105.2,30.2],[105.2003,30.2005],[105.201,30.2008]]}");
  g_assert_cmpstr (cell (table, 2, "lon"), ==, "105.2003");
  g_assert_cmpstr (cell (table, 3, "lon"), ==, "");

  report = import_fixture (f, LEDGER_KIND_WATER_BODIES, "water-bodies.kml", TRUE);
  problems = ledger_test_problems_text (report);
  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_cmpuint (report->n_written, ==, 2);
  g_assert_nonnull (strstr (problems, "water-bodies.kml:3:"));
  pond = ledger_shapes_dup_geometry (f->db, ledger_test_get_by_code (f->db, LEDGER_KIND_WATER_BODIES, "W1")->uid);
  g_assert_nonnull (strstr (pond, "\"Polygon\""));
  ditch = ledger_test_get_by_code (f->db, LEDGER_KIND_WATER_BODIES, "W2");
  g_assert_cmpstr (ledger_record_get (ditch, "lon"), ==, "105.2003");
}

static void
assert_round_trip (Fixture *f, LedgerKind kind, const char *file, guint expected)
{
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  LedgerImportOptions options = { .dry_run = TRUE };
  g_autoptr (LedgerImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *problems = NULL;

  g_assert_true (ledger_export_kml (f->db, kind, path, 0, NULL, &error));
  g_assert_no_error (error);
  report = ledger_import_file (f->db, kind, path, &options, &error);
  g_assert_no_error (error);
  problems = ledger_test_problems_text (report);
  g_assert_cmpstr (problems, ==, "");
  g_assert_cmpuint (report->n_rows, ==, expected);
  g_assert_cmpuint (report->n_unchanged, ==, expected);
}

/* export then import changes nothing: points, names, shapes, markup in text */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (LedgerImportReport) farms = import_fixture (f, LEDGER_KIND_FARMS, "google-earth-farms.kml", FALSE);
  g_autoptr (LedgerImportReport) facilities = import_fixture (f, LEDGER_KIND_FACILITIES, "ovital-facilities.kml", FALSE);
  g_autoptr (LedgerImportReport) water = import_fixture (f, LEDGER_KIND_WATER_BODIES, "water-bodies.kml", TRUE);
  g_autoptr (LedgerImportReport) villages = NULL;
  g_autoptr (LedgerImportReport) unnamed = NULL;
  g_autoptr (GError) error = NULL;

  villages = ledger_import_text (f->db, LEDGER_KIND_VILLAGES,
                                 "行政村代码,户数,经度,纬度,治理方式,覆盖户数\n" VILLAGE ",300,105.1,30.3,集中处理,200\n",
                                 "v.csv", NULL, &error);
  unnamed = ledger_import_text (f->db, LEDGER_KIND_FACILITIES,
                                "编号,名称,类型,运行状态,行政村代码,经度,纬度,工艺\n"
                                "F3,\"三号 <户用> & 湿地\",分散式处理设施,在建," VILLAGE ",105.11,30.31,\"A/O <&> 人工湿地\"\n",
                                "f.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unnamed->n_rejected, ==, 0);
  assert_round_trip (f, LEDGER_KIND_FARMS, "farms.kml", 2);
  assert_round_trip (f, LEDGER_KIND_FACILITIES, "facilities.kmz", 3);
  assert_round_trip (f, LEDGER_KIND_WATER_BODIES, "water.kml", 2);
  assert_round_trip (f, LEDGER_KIND_VILLAGES, "villages.kml", 1);
}

static void
test_export_refuses (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = ledger_export_kml_text (f->db, LEDGER_KIND_SAMPLES, 0, NULL, &error);
  g_autofree char *bad = g_build_filename (f->dir, "no-such-dir", "x.kmz", NULL);

  g_assert_null (text);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_export_kml (f->db, LEDGER_KIND_FARMS, bad, 0, NULL, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_FAILED);
}

static void
assert_refused (const char *bytes, gsize len, const char *name, const char *reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = ledger_table_read_bytes (bytes, len == (gsize) -1 ? strlen (bytes) : len,
                                                           name, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  if (strstr (error->message, reason) == NULL)
    g_error ("%s: “%s” does not say “%s”", name, error->message, reason);
}

static void
test_refused (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "kml", "farms.kmz", NULL);
  g_autofree char *kmz = NULL;
  g_autoptr (GString) deep = g_string_new ("<kml><Document>");
  gsize len;

  for (int i = 0; i < 150; i++)
    g_string_append (deep, "<Folder>");
  g_assert_true (g_file_get_contents (path, &kmz, &len, NULL));
  assert_refused (kmz, len / 2, "half.kmz", "damaged");
  g_free (kmz);
  g_free (path);
  path = g_test_build_filename (G_TEST_DIST, "kml", "no-document.kmz", NULL);
  g_assert_true (g_file_get_contents (path, &kmz, &len, NULL));
  assert_refused (kmz, len, "no-document.kmz", "doc.kml");
  assert_refused (deep->str, deep->len, "deep.kml", "nested");
  assert_refused ("<kml><Placemark><Point><coordinates>abc</coordinates></Point></Placemark></kml>", -1,
                  "bad.kml", "longitude,latitude");
  assert_refused ("<kml><Document><name>空</name></Document></kml>", -1,
                  "empty.kml", "no placemark");
  assert_refused ("<kml><Placemark><name>x</name></Document></kml>", -1, "broken.kml", "damaged");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kml/google-earth", test_google_earth);
  g_test_add_func ("/kml/kmz", test_kmz);
  g_test_add_func ("/kml/gb18030", test_gb18030);
  g_test_add_func ("/kml/refused", test_refused);
  g_test_add ("/kml/ovital", Fixture, NULL, fixture_set_up, test_ovital, fixture_tear_down);
  g_test_add ("/kml/import-farms", Fixture, NULL, fixture_set_up, test_import_farms, fixture_tear_down);
  g_test_add ("/kml/water-bodies", Fixture, NULL, fixture_set_up, test_water_bodies, fixture_tear_down);
  g_test_add ("/kml/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/kml/export-refuses", Fixture, NULL, fixture_set_up, test_export_refuses, fixture_tear_down);
  return g_test_run ();
}
