/* test-village-marks.c: the villages on the map stand as the indicator
 * counts them, by year; those without a location are counted */
#include "config.h"

#include <math.h>

#include "ledger-progress.h"
#include "ledger-regions.h"
#include "ledger-test-util.h"
#include "ledger-village-marks.h"

static void
count_states (LedgerVillageMarks *marks,
              guint               counts[LEDGER_N_VILLAGE_STATES])
{
  for (guint s = 0; s < LEDGER_N_VILLAGE_STATES; s++)
    counts[s] = 0;
  for (guint i = 0; i < marks->marks->len; i++)
    counts[((LedgerVillageMark *) g_ptr_array_index (marks->marks, i))->state]++;
}

static void
assert_matches_progress (LedgerDb *db,
                         int       year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerVillageMarks) marks = ledger_village_marks_load (db, year, &error);
  g_autoptr (LedgerProgress) progress = ledger_progress_compute (db, year, NULL, &error);
  const LedgerIndicator *village = &progress->county.indicators[LEDGER_INDICATOR_VILLAGE_SEWAGE];
  guint counts[LEDGER_N_VILLAGE_STATES];

  g_assert_no_error (error);
  count_states (marks, counts);
  g_assert_cmpuint (counts[LEDGER_VILLAGE_STATE_EFFECTIVE], ==, (guint) village->numerator);
  g_assert_cmpuint (counts[LEDGER_VILLAGE_STATE_NOT_EFFECTIVE], ==,
                    (guint) (village->denominator - village->numerator));
  g_assert_cmpuint (counts[LEDGER_VILLAGE_STATE_NOT_COUNTED], >, 0);
}

static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-village-marks-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_ledger_create (path, "512022", TRUE, &error);
  g_autoptr (LedgerVillageMarks) marks = NULL;
  g_autoptr (LedgerVillageMarks) after = NULL;
  guint counts_2020[LEDGER_N_VILLAGE_STATES], counts_2025[LEDGER_N_VILLAGE_STATES];
  const LedgerVillageMark *first;

  g_assert_no_error (error);
  assert_matches_progress (db, 2020);
  assert_matches_progress (db, 2025);

  /* the demo places every village-level unit; later years treat more */
  marks = ledger_village_marks_load (db, 2020, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->n_without_location, ==, 0);
  g_assert_cmpuint (marks->marks->len, ==, 315);
  count_states (marks, counts_2020);
  g_clear_pointer (&marks, ledger_village_marks_free);
  marks = ledger_village_marks_load (db, 2025, &error);
  count_states (marks, counts_2025);
  g_assert_cmpuint (counts_2025[LEDGER_VILLAGE_STATE_EFFECTIVE], >, counts_2020[LEDGER_VILLAGE_STATE_EFFECTIVE]);

  /* a village without a location is counted, not drawn */
  first = g_ptr_array_index (marks->marks, 0);
  g_assert_true (ledger_regions_set_location (db, first->code, NAN, NAN, FALSE, &error));
  g_assert_no_error (error);
  after = ledger_village_marks_load (db, 2025, &error);
  g_assert_cmpuint (after->n_without_location, ==, 1);
  g_assert_cmpuint (ledger_villages_count_without_location (db), ==, 1);
  g_assert_cmpuint (after->marks->len, ==, 314);
  g_assert_cmpstr (((LedgerVillageMark *) g_ptr_array_index (after->marks, 0))->code, !=, first->code);

  g_clear_object (&db);
  ledger_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/village-marks/demo", test_demo);
  return g_test_run ();
}
