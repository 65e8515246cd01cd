/* test-list-data.c: the Ledger page's list data follows the kinds table
 *
 * The list SQL is made from the kinds table (ledger-list-data.c): the common
 * columns, then every field whose list_label is set, in the table's order,
 * then the few the list computes. These tests walk the table itself, so a
 * field marked (or unmarked) there is checked without touching this file:
 * its column is where the table puts it, and its cells are what the store
 * reads for the same item.
 */
#include "config.h"

#include <math.h>

#include "ledger-list-data.h"
#include "ledger-test-db.h"

#define N_LIST_KINDS (LEDGER_KIND_WATER_BODIES + 1)

static guint
n_listed (LedgerKind kind)
{
  guint n_fields, n = 0;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    n += fields[i].list_label != NULL;
  return n;
}

/* After the common columns come the listed fields, in the table's order;
 * a field not listed has no column there (farms' operator is an extra, after
 * them, for the search). */
static void
test_columns_follow_table (void)
{
  for (LedgerKind kind = 0; kind < N_LIST_KINDS; kind++)
    {
      guint n_fields, next = LEDGER_LIST_N_COMMON;
      const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

      g_assert_cmpuint (n_listed (kind), >, 0);
      g_assert_cmpuint (ledger_list_n_columns (kind), >=, LEDGER_LIST_N_COMMON + n_listed (kind));
      g_assert_cmpint (ledger_list_column (kind, "uid"), ==, LEDGER_LIST_UID);
      g_assert_cmpint (ledger_list_column (kind, "township_code"), ==, LEDGER_LIST_TOWNSHIP_CODE);
      g_assert_cmpint (ledger_list_column (kind, "village_name"), ==, LEDGER_LIST_VILLAGE_NAME);
      for (guint i = 0; i < n_fields; i++)
        {
          int column = ledger_list_column (kind, fields[i].key);

          if (fields[i].list_label != NULL)
            {
              g_assert_cmpint (column, ==, next);
              g_assert_cmpstr (ledger_list_column_key (kind, next), ==, fields[i].key);
              next++;
            }
          else if (column >= LEDGER_LIST_N_COMMON)  /* not code, name, village_code */
            g_assert_cmpint (column, >=, LEDGER_LIST_N_COMMON + n_listed (kind));
        }
      g_assert_cmpint (ledger_list_column (kind, "no_such_column"), ==, -1);
    }
  /* what the app's rules read besides the listed fields */
  g_assert_cmpint (ledger_list_column (LEDGER_KIND_VILLAGES, "facility_down"), >, 0);
  g_assert_cmpint (ledger_list_column (LEDGER_KIND_FARMS, "operator"), >, 0);
  g_assert_cmpint (ledger_list_column (LEDGER_KIND_FACILITIES, "facility_down"), ==, -1);
}

static const LedgerRecord *
record_of (GPtrArray  *records,
           const char *uid)
{
  for (guint i = 0; i < records->len; i++)
    {
      const LedgerRecord *record = g_ptr_array_index (records, i);
      if (g_strcmp0 (record->uid, uid) == 0)
        return record;
    }
  return NULL;
}

static void
assert_same_value (const LedgerField *field,
                   const char        *listed,
                   const char        *stored)
{
  if (listed == NULL || stored == NULL)
    g_assert_cmpstr (listed, ==, stored);
  else if (field->type == LEDGER_FIELD_REAL)
    g_assert_cmpfloat (g_ascii_strtod (listed, NULL), ==, g_ascii_strtod (stored, NULL));
  else
    g_assert_cmpstr (listed, ==, stored);
}

/* Each listed field's cells are the store's values of the same item (a year
 * after every completion, so a water body's status is the one stored). */
static void
check_cells (LedgerDb   *db,
             LedgerKind  kind,
             int         year)
{
  g_autoptr (GError) error = NULL;
  LedgerLoadOptions options = { .year = year };
  g_autoptr (GPtrArray) records = ledger_store_load (db, kind, &options, &error);
  g_autoptr (LedgerListData) data = ledger_list_data_load (db, kind, year, &error);
  guint n_fields, n_checked = 0;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

  g_assert_no_error (error);
  g_assert_cmpuint (data->n_rows, >, 0);
  g_assert_cmpuint (data->n_columns, ==, ledger_list_n_columns (kind));
  for (guint row = 0; row < data->n_rows; row++)
    {
      const LedgerRecord *record = record_of (records, ledger_list_data_get (data, row, LEDGER_LIST_UID));

      g_assert_nonnull (record);
      for (guint i = 0; i < n_fields; i++)
        {
          if (fields[i].list_label == NULL)
            continue;
          assert_same_value (&fields[i], ledger_list_data_get (data, row, ledger_list_column (kind, fields[i].key)),
                             record->values[i]);
          n_checked += record->values[i] != NULL;
        }
    }
  /* the demo fills the listed fields: the comparison saw values, not blanks */
  g_assert_cmpuint (n_checked, >, data->n_rows);
}

static void
test_cells_are_the_stored_values (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (LedgerDb) db = ledger_test_new_ledger ("test-list-data", "512022", TRUE, &dir, NULL);

  for (LedgerKind kind = 0; kind < N_LIST_KINDS; kind++)
    check_cells (db, kind, 2100);
  ledger_test_remove_dir (dir);
}

/* A water body completed after the year asked is listed as in progress that
 * year: the one computed cell of a listed field, found by its key. */
static void
test_water_status_as_of_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (LedgerDb) db = ledger_test_new_ledger ("test-list-data", "512022", TRUE, &dir, NULL);
  g_autoptr (LedgerListData) data = ledger_list_data_load (db, LEDGER_KIND_WATER_BODIES, 2000, NULL);
  int status = ledger_list_column (LEDGER_KIND_WATER_BODIES, "status");
  int completed = ledger_list_column (LEDGER_KIND_WATER_BODIES, "completed_on");
  guint n_completed = 0;

  g_assert_nonnull (data);
  for (guint row = 0; row < data->n_rows; row++)
    {
      if (ledger_list_data_get (data, row, completed) == NULL)
        continue;
      g_assert_cmpstr (ledger_list_data_get (data, row, status), ==, "in_progress");
      n_completed++;
    }
  g_assert_cmpuint (n_completed, >, 0);
  ledger_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/list-data/columns-follow-table", test_columns_follow_table);
  g_test_add_func ("/list-data/cells-are-the-stored-values", test_cells_are_the_stored_values);
  g_test_add_func ("/list-data/water-status-as-of-year", test_water_status_as_of_year);
  return g_test_run ();
}
