/* test-regions.c: a county's regions from the national division list */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ledger-test-db.h"
#include "ledger-divisions.h"
#include "ledger-error.h"
#include "ledger-regions.h"
#include "ledger-rules.h"
#include "ledger-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("test-regions-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "ledger.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LedgerDb *
new_ledger (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  LedgerDb *db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return db;
}

/* every village-level unit of ../shared/data/lezhi/villages.csv, with its kind by code */
static void
check_against_shared_list (LedgerDb *db)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  if (g_getenv ("LEDGER_SHARED_DATA") == NULL)
    return;
  path = g_build_filename (g_getenv ("LEDGER_SHARED_DATA"), "lezhi", "villages.csv", NULL);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autofree char *code = g_strndup (lines[i], 12);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM regions WHERE code = '%s' AND kind = '%s'"
                                              " AND parent = substr(code, 1, 9)",
                                              code, ledger_code_is_admin_village (code) ? "village" : "community");
      g_assert_cmpint (ledger_test_count (db, sql), ==, 1);
      n++;
    }
  g_assert_cmpuint (n, ==, 315);
}

static void
test_lezhi (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (LedgerDb) db = new_ledger (f);
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  g_assert_true (ledger_regions_init (db, "512022", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind = 'county'"), ==, 1);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind = 'township' AND parent = '512022'"), ==, 21);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind IN ('village', 'community')"), ==, 315);
  /* split by the NBS code: 200–399 村委会, 001–199 居委会 */
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind = 'village'"
                              " AND substr(code, 10) BETWEEN '200' AND '399'"), ==, 234);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind = 'community'"
                              " AND substr(code, 10) BETWEEN '001' AND '199'"), ==, 81);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions r WHERE length(code) = 12"
                              " AND NOT EXISTS (SELECT 1 FROM regions t WHERE t.code = r.parent"
                              " AND t.kind = 'township')"), ==, 0);
  code = ledger_db_dup_region_code (db);
  name = ledger_regions_county_name (db);
  g_assert_cmpstr (code, ==, "512022");
  g_assert_cmpstr (name, ==, "乐至县");
  check_against_shared_list (db);

  /* a second county into the same ledger is refused */
  g_assert_false (ledger_regions_init (db, "110101", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions"), ==, 1 + 21 + 315);
}

static void
test_other_counties (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *code; const char *name; gint64 min_units; } counties[] = {
    { "110101", "东城区", 100 },   /* a municipal district */
    { "310115", "浦东新区", 1500 }, /* the biggest in the list */
    { "659012", "白杨市", 1 },      /* the last county of the file */
  };

  for (guint i = 0; i < G_N_ELEMENTS (counties); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%u", f->path, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (LedgerDb) db = ledger_ledger_create (path, counties[i].code, FALSE, &error);
      g_autofree char *name = NULL;

      g_assert_no_error (error);
      name = ledger_regions_county_name (db);
      g_assert_cmpstr (name, ==, counties[i].name);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind = 'township'"), >, 0);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE length(code) = 12"), >=,
                       counties[i].min_units);
      /* only 村委会 codes are villages: 400–599 units are not */
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind = 'village'"
                                  " AND substr(code, 10) NOT BETWEEN '200' AND '399'"), ==, 0);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE length(code) > 6"
                                  " AND substr(code, 1, 6) <> (SELECT value FROM meta WHERE key = 'region_code')"), ==, 0);
    }
}

static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  static const char *const codes[] = { "5120", "999999", "512000", "51", "512022001", "abcdef", "" };
  g_autoptr (LedgerDb) db = new_ledger (f);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("No county with code %s in the national division list.", codes[i]);

      g_assert_false (ledger_regions_init (db, codes[i], &error));
      g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
      g_assert_cmpstr (error->message, ==, expected);
    }
  g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions"), ==, 0);
  g_assert_null (ledger_db_dup_region_code (db));
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_ledger_create (f->path, "512022", FALSE, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "unknown.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);

  g_assert_no_error (error);
  g_clear_object (&db);
  before = file_digest (f->path);

  /* an existing ledger with its county is refused and left alone */
  g_assert_null (ledger_ledger_create (f->path, "110101", FALSE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);

  /* an unknown code leaves no half-made file */
  g_assert_null (ledger_ledger_create (missing, "999999", FALSE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* something that is not a ledger is not touched */
  g_assert_true (g_file_set_contents (text, "not a ledger\n", -1, NULL));
  g_free (before);
  before = file_digest (text);
  g_assert_null (ledger_ledger_create (text, "512022", FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_free (after);
  after = file_digest (text);
  g_assert_cmpstr (before, ==, after);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_ledger_create (f->path, "512022", FALSE, &error);
  g_autoptr (GPtrArray) townships = NULL;
  LedgerRegion *first;

  g_assert_no_error (error);
  townships = ledger_regions_list (db, "township", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (townships->len, ==, 21);
  first = g_ptr_array_index (townships, 0);
  g_assert_cmpstr (first->code, ==, "512022001");
  g_assert_cmpstr (first->name, ==, "天池街道");
  g_assert_true (isnan (first->lon) && isnan (first->lat));
  g_clear_pointer (&townships, g_ptr_array_unref);

  /* a village with a location gives its township one */
  g_assert_true (ledger_regions_set_location (db, "512022001201", 105.04, 30.29, FALSE, &error));
  g_assert_true (ledger_regions_set_location (db, "512022001202", 105.02, 30.27, FALSE, &error));
  g_assert_no_error (error);
  townships = ledger_regions_list (db, "township", &error);
  first = g_ptr_array_index (townships, 0);
  g_assert_cmpfloat_with_epsilon (first->lon, 105.03, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->lat, 30.28, 1e-9);
  g_clear_pointer (&townships, g_ptr_array_unref);
  /* the stored locations only: the same townships, without the mean */
  townships = ledger_regions_list_stored (db, "township", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (townships->len, ==, 21);
  first = g_ptr_array_index (townships, 0);
  g_assert_cmpstr (first->name, ==, "天池街道");
  g_assert_true (isnan (first->lon) && isnan (first->lat));
  g_clear_pointer (&townships, g_ptr_array_unref);

  /* a stored seat wins */
  g_assert_true (ledger_regions_set_location (db, "512022001", 105.0, 30.3, TRUE, &error));
  townships = ledger_regions_list (db, "township", &error);
  first = g_ptr_array_index (townships, 0);
  g_assert_cmpfloat (first->lon, ==, 105.0);
  g_assert_cmpint (ledger_test_count (db, "SELECT is_demo FROM regions WHERE code = '512022001'"), ==, 1);

  g_assert_false (ledger_regions_set_location (db, "512022999", 105.0, 30.3, FALSE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
}

static void
test_boundary (void)
{
  g_autofree char *lezhi = ledger_regions_boundary_geojson ("512022");
  g_autofree char *other = ledger_regions_boundary_geojson ("110101");

  g_assert_nonnull (lezhi);
  g_assert_nonnull (strstr (lezhi, "MultiPolygon"));
  g_assert_null (other);
  g_assert_null (ledger_regions_boundary_geojson ("../x"));
}

/* ---- the national index: browse and search ---- */

static LedgerDivisionIndex *
get_index (void)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  LedgerDivisionIndex *index = ledger_division_index_get (&error);

  g_assert_no_error (error);
  g_assert_nonnull (index);
  g_test_message ("division index: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  return index;
}

static gboolean
contains_code (GPtrArray  *divisions,
               const char *code)
{
  for (guint i = 0; i < divisions->len; i++)
    if (g_str_equal (((LedgerDivision *) g_ptr_array_index (divisions, i))->code, code))
      return TRUE;
  return FALSE;
}

static void
test_browse (void)
{
  LedgerDivisionIndex *index = get_index ();
  g_autoptr (GPtrArray) provinces = ledger_division_index_children (index, NULL);
  g_autoptr (GPtrArray) beijing = ledger_division_index_children (index, "11");
  g_autoptr (GPtrArray) districts = ledger_division_index_children (index, "1101");
  g_autoptr (GPtrArray) henan = ledger_division_index_children (index, "41");
  g_autoptr (GPtrArray) direct = ledger_division_index_children (index, "4190");
  g_autoptr (GPtrArray) ziyang = ledger_division_index_children (index, "5120");
  g_autoptr (GPtrArray) none = ledger_division_index_children (index, "99");
  const LedgerDivision *first;

  /* 31 provinces, Taiwan, Hong Kong and Macao are not in the NBS list */
  g_assert_cmpuint (provinces->len, ==, 31);
  first = g_ptr_array_index (provinces, 0);
  g_assert_cmpstr (first->code, ==, "11");
  g_assert_cmpstr (first->name, ==, "北京市");
  g_assert_cmpint (first->level, ==, LEDGER_DIVISION_PROVINCE);
  g_assert_null (first->parent);

  /* a municipality: 北京市 → 市辖区 → 东城区 */
  g_assert_cmpuint (beijing->len, ==, 1);
  g_assert_true (ledger_division_is_placeholder (g_ptr_array_index (beijing, 0)));
  g_assert_cmpuint (districts->len, ==, 16);
  g_assert_cmpstr (((LedgerDivision *) g_ptr_array_index (districts, 0))->name, ==, "东城区");

  /* province-level counties sit under 省直辖县级行政区划: 济源市 */
  g_assert_true (contains_code (henan, "4190"));
  g_assert_true (contains_code (direct, "419001"));

  g_assert_true (contains_code (ziyang, "512022"));
  g_assert_cmpuint (ziyang->len, ==, 3);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_null (ledger_division_index_lookup (index, "999999"));
}

static void
test_counts_match_ledger (Fixture       *f,
                          gconstpointer  data)
{
  const char *codes[] = { "512022", "110101", "540102", "653101" };
  LedgerDivisionIndex *index = get_index ();

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.db", f->dir, codes[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (LedgerDb) db = ledger_ledger_create (path, codes[i], FALSE, &error);
      const LedgerDivision *county = ledger_division_index_lookup (index, codes[i]);

      g_assert_no_error (error);
      g_assert_nonnull (county);
      g_assert_cmpint (county->level, ==, LEDGER_DIVISION_COUNTY);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind = 'township'"), ==, county->n_townships);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind = 'village'"), ==, county->n_villages);
      g_assert_cmpint (ledger_test_count (db, "SELECT count(*) FROM regions WHERE kind = 'community'"), ==, county->n_communities);
    }
  g_assert_cmpuint (ledger_division_index_lookup (index, "512022")->n_townships, ==, 21);
  g_assert_cmpuint (ledger_division_index_lookup (index, "512022")->n_villages, ==, 234);
}

static void
test_counties_match_shared_list (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  LedgerDivisionIndex *index = get_index ();
  guint n = 0;

  if (g_getenv ("LEDGER_SHARED_DATA") == NULL)
    {
      g_test_skip ("LEDGER_SHARED_DATA is not set");
      return;
    }
  path = g_build_filename (g_getenv ("LEDGER_SHARED_DATA"), "divisions", "areas.csv", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the shared data (../shared/data) is not beside this checkout");
      return;
    }
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++, n++)
    {
      g_autofree char *code = g_strndup (lines[i], 6);
      g_assert_nonnull (ledger_division_index_lookup (index, code));
    }
  g_assert_cmpuint (ledger_division_index_get_n_counties (index), ==, n);
}

static char *
first_label (GPtrArray *results)
{
  g_assert_cmpuint (results->len, >, 0);
  return ledger_division_dup_label (g_ptr_array_index (results, 0));
}

static void
test_search (void)
{
  LedgerDivisionIndex *index = get_index ();
  g_autoptr (GPtrArray) lezhi = ledger_division_index_search (index, "乐至", 20);
  g_autoptr (GPtrArray) by_code = ledger_division_index_search (index, "5120", 20);
  g_autoptr (GPtrArray) with_province = ledger_division_index_search (index, "四川 · 安岳", 20);
  g_autoptr (GPtrArray) dongcheng = ledger_division_index_search (index, "东城", 0);
  g_autoptr (GPtrArray) dongguan = ledger_division_index_search (index, "东莞", 0);
  g_autoptr (GPtrArray) limited = ledger_division_index_search (index, "区", 5);
  g_autoptr (GPtrArray) nothing = ledger_division_index_search (index, "不存在的县", 0);
  g_autoptr (GPtrArray) blank = ledger_division_index_search (index, "  ", 0);
  g_autofree char *label = first_label (lezhi);
  g_autofree char *beijing = first_label (dongcheng);
  g_autofree char *guangdong = first_label (dongguan);

  g_assert_cmpuint (lezhi->len, ==, 1);
  g_assert_cmpstr (label, ==, "四川省 · 资阳市 · 乐至县 (512022)");
  /* code prefixes first: 512002 雁江区, 512021 安岳县, 512022 乐至县 */
  g_assert_cmpuint (by_code->len, >=, 3);
  g_assert_cmpstr (((LedgerDivision *) g_ptr_array_index (by_code, 0))->code, ==, "512002");
  g_assert_true (contains_code (by_code, "512022"));
  g_assert_cmpuint (with_province->len, ==, 1);
  g_assert_cmpstr (((LedgerDivision *) g_ptr_array_index (with_province, 0))->code, ==, "512021");
  /* name prefixes before other name matches; the placeholder 市辖区 is left out of the path */
  g_assert_cmpstr (beijing, ==, "北京市 · 东城区 (110101)");
  g_assert_true (contains_code (dongcheng, "110101"));
  /* a city with one county is not repeated */
  g_assert_cmpstr (guangdong, ==, "广东省 · 东莞市 (441900)");
  g_assert_cmpuint (limited->len, ==, 5);
  g_assert_cmpuint (nothing->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
}

static void
test_search_speed (void)
{
  LedgerDivisionIndex *index = get_index ();
  const char *queries[] = { "乐", "乐至", "5", "51", "512", "县", "四川 区" };
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_ptr_array_unref (ledger_division_index_search (index, queries[i], 200));
  /* a figure to read, not an assertion: one keystroke's search */
  g_test_message ("search: %.2f ms per query over %u counties",
                  (g_get_monotonic_time () - start) / 1000.0 / G_N_ELEMENTS (queries),
                  ledger_division_index_get_n_counties (index));
}

static void
on_index_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LedgerDivisionIndex **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = ledger_division_index_get_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  LedgerDivisionIndex *index = NULL;

  ledger_division_index_get_async (NULL, on_index_loaded_cb, &index);
  while (index == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ledger_division_index_is_loaded ());
  g_assert_true (index == ledger_division_index_get (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/regions/lezhi", Fixture, NULL, fixture_set_up, test_lezhi, fixture_tear_down);
  g_test_add ("/regions/other-counties", Fixture, NULL, fixture_set_up, test_other_counties, fixture_tear_down);
  g_test_add ("/regions/unknown", Fixture, NULL, fixture_set_up, test_unknown, fixture_tear_down);
  g_test_add ("/regions/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/regions/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add_func ("/regions/boundary", test_boundary);
  g_test_add_func ("/regions/divisions/async", test_async);
  g_test_add_func ("/regions/divisions/browse", test_browse);
  g_test_add ("/regions/divisions/counts", Fixture, NULL, fixture_set_up, test_counts_match_ledger, fixture_tear_down);
  g_test_add_func ("/regions/divisions/shared-list", test_counties_match_shared_list);
  g_test_add_func ("/regions/divisions/search", test_search);
  g_test_add_func ("/regions/divisions/search-speed", test_search_speed);
  return g_test_run ();
}
