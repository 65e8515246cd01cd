/* bench-map-common.h: the generated ledger and the window that bench-map
 * and bench-click share */
#pragma once

#include <glib/gstdio.h>
#include <math.h>

#include "ledger-application.h"
#include "ledger-regions.h"
#include "ledger-settings.h"
#include "ledger-store.h"
#include "ledger-window.h"

static void
set_coordinate (LedgerRecord *record,
                const char   *key,
                double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  ledger_record_set (record, key, g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
}

static LedgerRecord *
new_item (guint       i,
          const char *village_code,
          GRand      *rand)
{
  static const LedgerKind kinds[] = { LEDGER_KIND_FACILITIES, LEDGER_KIND_FARMS, LEDGER_KIND_WATER_BODIES };
  static const char *const facility_status[] = { "normal", "faulty", "stopped", "building" };
  static const char *const water_status[] = { "not_started", "in_progress", "completed", "verified" };
  LedgerKind kind = kinds[i % 3];
  LedgerRecord *record = ledger_record_new (kind);
  g_autofree char *name = g_strdup_printf ("Bench item %u", i);
  gboolean in_lezhi = g_rand_int_range (rand, 0, 5) == 0;

  ledger_record_set (record, "name", name);
  ledger_record_set (record, "village_code", village_code);
  set_coordinate (record, "lon", in_lezhi ? g_rand_double_range (rand, 104.85, 105.35)
                                          : g_rand_double_range (rand, 98.0, 108.5));
  set_coordinate (record, "lat", in_lezhi ? g_rand_double_range (rand, 30.0, 30.5)
                                          : g_rand_double_range (rand, 26.5, 33.5));
  if (kind == LEDGER_KIND_FACILITIES)
    {
      ledger_record_set (record, "kind", "village_station");
      ledger_record_set (record, "status", facility_status[g_rand_int_range (rand, 0, 4)]);
    }
  else if (kind == LEDGER_KIND_FARMS)
    ledger_record_set (record, "species", "pig");
  else
    {
      ledger_record_set (record, "kind", "pond");
      ledger_record_set (record, "status", water_status[g_rand_int_range (rand, 0, 4)]);
    }
  return record;
}

static void
generate_ledger (const char *path,
                 guint       n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerDb) db = ledger_ledger_create (path, "512022", FALSE, &error);
  g_autoptr (GPtrArray) villages = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20251);
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  villages = ledger_regions_list (db, "village", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (villages->len, >, 0);

  ledger_db_begin (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      LedgerRegion *village = g_ptr_array_index (villages, i % villages->len);
      g_autoptr (LedgerRecord) record = new_item (i, village->code, rand);

      if (!ledger_store_save (db, record, &error))
        g_error ("cannot save item %u: %s", i, error->message);
    }
  ledger_db_commit (db, &error);
  g_assert_no_error (error);
  g_printerr ("bench-map: generated %u points in %.1f s\n", n,
              (g_get_monotonic_time () - start) / 1e6);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return NAN;
  return g_array_index (values, double, (guint) MIN (values->len - 1, floor (p * values->len)));
}

static LedgerWindow *
open_window (LedgerApplication *app,
             const char        *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = ledger_settings_new ();
  GtkWindow *window;

  /* no network in a benchmark: the outline layer paints the land */
  g_settings_set_string (settings, "base-map", "none");
  g_settings_set_string (settings, "last-view", "map");
  ledger_application_set_db_path (app, path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LEDGER_IS_WINDOW (window));
  gtk_window_set_default_size (window, 1200, 800);
  return LEDGER_WINDOW (window);
}

