/* test-targets.c: targets per year and township, the trend, and what holds a township back */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-progress.h"
#include "ledger-regions.h"
#include "ledger-rules.h"
#include "ledger-store.h"
#include "ledger-targets.h"
#include "ledger-test-db.h"
#include "ledger-test-util.h"

#define ZHONGTIAN "512022111"  /* 中天镇 */

typedef struct
{
  char     *dir;
  LedgerDb *db;
  guint     n_changed;
} Fixture;

static void
on_changed (LedgerDb   *db,
            int         kind,
            const char *uid,
            Fixture    *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ledger_test_new_ledger ("test-targets", "512022", TRUE, &f->dir, NULL);
  g_signal_connect (f->db, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  ledger_test_remove_dir (f->dir);
  g_free (f->dir);
}

static const LedgerTarget *
find_target (GPtrArray         *targets,
             LedgerIndicatorId  id,
             int                year,
             const char        *scope)
{
  for (guint i = 0; i < targets->len; i++)
    {
      const LedgerTarget *target = g_ptr_array_index (targets, i);

      if (target->indicator == id && target->year == year && g_str_equal (target->scope, scope))
        return target;
    }
  return NULL;
}

static const LedgerScopeProgress *
township_scope (const LedgerProgress *progress,
                const char           *code)
{
  for (guint i = 0; i < progress->townships->len; i++)
    {
      const LedgerScopeProgress *scope = g_ptr_array_index (progress->townships, i);

      if (g_str_equal (scope->code, code))
        return scope;
    }
  g_assert_not_reached ();
}

static void
test_defaults_listed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) targets = ledger_targets_list (f->db, &error);
  const LedgerTarget *sewage;

  g_assert_no_error (error);
  /* black_odorous_remediated_all has no default target */
  g_assert_cmpuint (targets->len, ==, LEDGER_N_INDICATORS - 1);
  g_assert_null (find_target (targets, LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED_ALL, 0, "county"));
  sewage = find_target (targets, LEDGER_INDICATOR_VILLAGE_SEWAGE, 0, "county");
  g_assert_nonnull (sewage);
  g_assert_cmpfloat_with_epsilon (sewage->value, 0.75, 1e-9);
}

static void
test_set_change_remove_audited (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) targets = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (LedgerProgress) progress = NULL;
  LedgerAuditEntry *entry;

  g_assert_true (ledger_targets_set (f->db, LEDGER_INDICATOR_VILLAGE_SEWAGE, 2025, ZHONGTIAN, 0.9, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_targets_set (f->db, LEDGER_INDICATOR_VILLAGE_SEWAGE, 2025, ZHONGTIAN, 0.8, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 2);

  targets = ledger_targets_list (f->db, &error);
  g_assert_cmpfloat_with_epsilon (find_target (targets, LEDGER_INDICATOR_VILLAGE_SEWAGE, 2025, ZHONGTIAN)->value,
                                  0.8, 1e-9);
  /* progress holds the township to its own target in 2025, to the county's in 2024 */
  progress = ledger_progress_compute (f->db, 2025, ZHONGTIAN, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (township_scope (progress, ZHONGTIAN)->indicators[0].target, 0.8, 1e-9);
  g_clear_pointer (&progress, ledger_progress_free);
  progress = ledger_progress_compute (f->db, 2024, ZHONGTIAN, &error);
  g_assert_cmpfloat_with_epsilon (township_scope (progress, ZHONGTIAN)->indicators[0].target, 0.75, 1e-9);

  g_assert_true (ledger_targets_remove (f->db, LEDGER_INDICATOR_VILLAGE_SEWAGE, 2025, ZHONGTIAN, &error));
  g_assert_no_error (error);
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = ledger_targets_list (f->db, &error);
  g_assert_null (find_target (targets, LEDGER_INDICATOR_VILLAGE_SEWAGE, 2025, ZHONGTIAN));

  /* insert, change, removal: who did what, from what to what */
  history = ledger_store_history (f->db, "village_sewage/2025/" ZHONGTIAN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 2);
  for (guint i = 0; i < history->len; i++)
    {
      entry = g_ptr_array_index (history, i);
      if (g_strcmp0 (entry->action, "update") == 0)
        {
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (entry->old_value, NULL), 0.9, 1e-9);
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (entry->new_value, NULL), 0.8, 1e-9);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_invalid_rejected (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { int year; const char *scope; double value; int code; } cases[] = {
    { 0, "county", 1.2, LEDGER_ERROR_INVALID },
    { 0, "county", -0.1, LEDGER_ERROR_INVALID },
    { 0, "county", NAN, LEDGER_ERROR_INVALID },
    { 1999, "county", 0.5, LEDGER_ERROR_INVALID },
    { 2025, "512022999", 0.5, LEDGER_ERROR_NOT_FOUND },
    { 2025, "anywhere", 0.5, LEDGER_ERROR_NOT_FOUND },
  };
  g_autoptr (GPtrArray) targets = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (ledger_targets_set (f->db, LEDGER_INDICATOR_MANURE_UTILISATION, cases[i].year,
                                          cases[i].scope, cases[i].value, &error));
      g_assert_error (error, LEDGER_ERROR, cases[i].code);
      /* the message names the indicator or the township */
      g_assert_true (strstr (error->message, ledger_indicator_name (LEDGER_INDICATOR_MANURE_UTILISATION)) != NULL ||
                     strstr (error->message, cases[i].scope) != NULL);
      g_clear_error (&error);
    }
  /* the county's every-year target cannot be removed; a missing one is not found */
  g_assert_false (ledger_targets_remove (f->db, LEDGER_INDICATOR_MANURE_UTILISATION, 0, "county", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_targets_remove (f->db, LEDGER_INDICATOR_MANURE_UTILISATION, 2030, "county", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* nothing was written */
  g_assert_cmpuint (f->n_changed, ==, 0);
  targets = ledger_targets_list (f->db, &error);
  g_assert_cmpuint (targets->len, ==, LEDGER_N_INDICATORS - 1);
}

static void
test_trend_matches_each_year (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  int last = ledger_current_year ();
  g_autoptr (GPtrArray) trend = ledger_progress_trend (f->db, NULL, LEDGER_BASELINE_YEAR, last, &error);
  gint64 start;

  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, last - LEDGER_BASELINE_YEAR + 1);
  for (guint i = 0; i < trend->len; i++)
    {
      const LedgerProgress *year = g_ptr_array_index (trend, i);
      g_autoptr (LedgerProgress) alone = ledger_progress_compute (f->db, LEDGER_BASELINE_YEAR + i, NULL, &error);

      g_assert_cmpint (year->year, ==, LEDGER_BASELINE_YEAR + i);
      for (guint k = 0; k < LEDGER_N_INDICATORS; k++)
        {
          g_assert_cmpfloat (year->county.indicators[k].numerator, ==, alone->county.indicators[k].numerator);
          g_assert_cmpfloat (year->county.indicators[k].denominator, ==, alone->county.indicators[k].denominator);
        }
      /* villages done never go down from one year to the next */
      if (i > 0)
        g_assert_cmpfloat (year->county.indicators[0].numerator, >=,
                           ((LedgerProgress *) g_ptr_array_index (trend, i - 1))->county.indicators[0].numerator);
    }
  /* the demo treats villages over the years: the baseline is behind today */
  g_assert_cmpfloat (((LedgerProgress *) g_ptr_array_index (trend, 0))->county.indicators[0].numerator, <,
                     ((LedgerProgress *) g_ptr_array_index (trend, trend->len - 1))->county.indicators[0].numerator);

  start = g_get_monotonic_time ();
  g_clear_pointer (&trend, g_ptr_array_unref);
  trend = ledger_progress_trend (f->db, NULL, LEDGER_BASELINE_YEAR, last, &error);
  g_test_message ("trend of %u years on the demo ledger: %.1f ms", trend->len,
                  (g_get_monotonic_time () - start) / 1000.0);
}

static void
test_holding_back_matches_progress (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  int year = ledger_current_year ();
  g_autoptr (LedgerProgress) progress = ledger_progress_compute (f->db, year, NULL, &error);
  guint n_nonzero = 0;

  g_assert_no_error (error);
  for (guint t = 0; t < progress->townships->len; t++)
    {
      const LedgerScopeProgress *scope = g_ptr_array_index (progress->townships, t);

      for (LedgerIndicatorId id = 0; id < LEDGER_N_INDICATORS; id++)
        {
          g_autoptr (GHashTable) uids = NULL;
          const LedgerIndicator *indicator = &scope->indicators[id];

          uids = ledger_progress_holding_back (f->db, year, scope->code, id, &error);
          g_assert_no_error (error);
          n_nonzero += g_hash_table_size (uids) > 0;
          if (id == LEDGER_INDICATOR_MANURE_UTILISATION)
            {
              /* behind the target: at least one farm below it; met: none needed */
              if (!isnan (indicator->rate) && !indicator->met)
                g_assert_cmpuint (g_hash_table_size (uids), >, 0);
              continue;
            }
          g_assert_cmpfloat (g_hash_table_size (uids), ==, indicator->denominator - indicator->numerator);
        }
    }
  g_assert_cmpuint (n_nonzero, >, 0);
}

static void
test_holding_back_villages_are_codes (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) uids = NULL;
  GHashTableIter iter;
  const char *code;

  uids = ledger_progress_holding_back (f->db, ledger_current_year (), ZHONGTIAN,
                                       LEDGER_INDICATOR_VILLAGE_SEWAGE, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, uids);
  while (g_hash_table_iter_next (&iter, (gpointer *) &code, NULL))
    {
      g_assert_true (g_str_has_prefix (code, ZHONGTIAN));
      g_assert_true (ledger_code_is_admin_village (code));
    }
  g_assert_null (ledger_progress_holding_back (f->db, 2025, "512022999", LEDGER_INDICATOR_VILLAGE_SEWAGE, &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/targets/defaults-listed", test_defaults_listed);
  ADD ("/targets/set-change-remove-audited", test_set_change_remove_audited);
  ADD ("/targets/invalid-rejected", test_invalid_rejected);
  ADD ("/progress/trend-matches-each-year", test_trend_matches_each_year);
  ADD ("/progress/holding-back-matches-progress", test_holding_back_matches_progress);
  ADD ("/progress/holding-back-villages-are-codes", test_holding_back_villages_are_codes);
#undef ADD
  return g_test_run ();
}
