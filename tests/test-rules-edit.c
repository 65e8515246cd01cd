/* test-rules-edit.c: changing the ledger's rules — validated, audited, announced */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-error.h"
#include "ledger-rules.h"
#include "ledger-rules-edit.h"
#include "ledger-store.h"

typedef struct
{
  char     *dir;
  char     *path;
  LedgerDb *db;
  guint     n_changed;
  int       last_kind;
} Fixture;

static void
on_changed (LedgerDb   *db,
            int         kind,
            const char *uid,
            Fixture    *f)
{
  f->n_changed++;
  f->last_kind = kind;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-rules-edit-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "ledger.db", NULL);
  f->db = ledger_db_open (f->path, LEDGER_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_signal_connect (f->db, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->db);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_valid_values_saved_and_audited (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerRules) rules = NULL;
  g_autoptr (GPtrArray) history = NULL;
  LedgerAuditEntry *entry;

  g_assert_true (ledger_rules_set (f->db, "coverage_threshold", "0.6", &error));
  g_assert_no_error (error);
  g_assert_true (ledger_rules_set (f->db, "manure_t_per_head_year.pig", "2.1", &error));
  g_assert_true (ledger_rules_set (f->db, "scale_standard", "sichuan2017", &error));
  g_assert_true (ledger_rules_set (f->db, "national_list_area_m2", "1500", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 4);
  g_assert_cmpint (f->last_kind, ==, LEDGER_KIND_ALL);

  rules = ledger_rules_load (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (rules->coverage_threshold, 0.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (rules->manure_t_per_head_year[LEDGER_SPECIES_PIG], 2.1, 1e-9);
  g_assert_cmpstr (rules->scale_standard, ==, "sichuan2017");
  /* Sichuan 2017: beef from 100 a year */
  g_assert_cmpfloat (rules->scale[LEDGER_SPECIES_BEEF].threshold, ==, 100);
  g_assert_cmpfloat_with_epsilon (rules->national_list_area_m2, 1500, 1e-9);

  /* who changed the threshold, from what to what */
  history = ledger_store_history (f->db, "coverage_threshold", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->old_value, ==, "0.5");
  g_assert_cmpstr (entry->new_value, ==, "0.6");
}

static void
test_invalid_values_rejected (Fixture *f, gconstpointer data)
{
  static const struct { const char *key; const char *value; int code; } cases[] = {
    { "coverage_threshold", "0", LEDGER_ERROR_INVALID },
    { "coverage_threshold", "1.5", LEDGER_ERROR_INVALID },
    { "coverage_threshold", "half", LEDGER_ERROR_INVALID },
    { "coverage_threshold", "nan", LEDGER_ERROR_INVALID },
    { "manure_t_per_head_year.pig", "-1", LEDGER_ERROR_INVALID },
    { "manure_t_per_head_year.pig", "0", LEDGER_ERROR_INVALID },
    { "manure_t_per_head_year.unicorn", "1", LEDGER_ERROR_INVALID },
    { "national_list_area_m2", "0", LEDGER_ERROR_INVALID },
    { "scale_standard", "guangdong2030", LEDGER_ERROR_NOT_FOUND },
    { "no_such_rule", "1", LEDGER_ERROR_INVALID },
  };
  g_autoptr (LedgerRules) rules = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (ledger_rules_set (f->db, cases[i].key, cases[i].value, &error));
      g_assert_error (error, LEDGER_ERROR, cases[i].code);
    }
  g_assert_cmpuint (f->n_changed, ==, 0);
  rules = ledger_rules_load (f->db, NULL);
  g_assert_cmpfloat_with_epsilon (rules->coverage_threshold, 0.5, 1e-9);
  g_assert_cmpstr (rules->scale_standard, ==, "mara2025");
}

static void
test_scale_standards_listed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) standards = ledger_rules_list_scale_standards (f->db, &error);
  LedgerScaleStandard *newest;

  g_assert_no_error (error);
  g_assert_cmpuint (standards->len, ==, 2);
  newest = g_ptr_array_index (standards, 0);
  g_assert_cmpstr (newest->key, ==, "mara2025");
  g_assert_cmpstr (newest->effective, ==, "2025-09-01");
  g_assert_cmpstr (((LedgerScaleStandard *) g_ptr_array_index (standards, 1))->key, ==, "sichuan2017");
}

static void
test_read_only_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) reader = NULL;

  reader = ledger_db_open (f->path, LEDGER_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (ledger_rules_set (reader, "coverage_threshold", "0.7", &error));
  g_assert_error (error, LEDGER_ERROR, LEDGER_ERROR_READ_ONLY);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rules-edit/valid-values-saved-and-audited", Fixture, NULL,
              fixture_set_up, test_valid_values_saved_and_audited, fixture_tear_down);
  g_test_add ("/rules-edit/invalid-values-rejected", Fixture, NULL,
              fixture_set_up, test_invalid_values_rejected, fixture_tear_down);
  g_test_add ("/rules-edit/scale-standards-listed", Fixture, NULL,
              fixture_set_up, test_scale_standards_listed, fixture_tear_down);
  g_test_add ("/rules-edit/read-only-refused", Fixture, NULL,
              fixture_set_up, test_read_only_refused, fixture_tear_down);
  return g_test_run ();
}
