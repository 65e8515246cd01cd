/* ledger-test-app.h: what the UI tests share — the application on a new
 * Lezhi demo ledger */
#pragma once

#include "ledger-application.h"
#include "ledger-regions.h"
#include "ledger-settings.h"
#include "ledger-window.h"

G_BEGIN_DECLS

/* Creates a Lezhi demo ledger at @db_path, starts the application on it
 * (with no online tiles: tests never load them) and returns its main
 * window, drawn once. */
static inline LedgerWindow *
ledger_test_open_app (const char         *db_path,
                      LedgerApplication **app)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = ledger_settings_new ();
  g_autoptr (LedgerDb) demo = ledger_ledger_create (db_path, "512022", TRUE, &error);
  LedgerWindow *window;

  g_assert_no_error (error);
  g_clear_object (&demo);
  g_settings_set_string (settings, "base-map", "none");
  *app = ledger_application_new ();
  ledger_application_set_db_path (*app, db_path);
  g_application_register (G_APPLICATION (*app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (*app));
  window = LEDGER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (*app)));
  g_assert_true (LEDGER_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

G_END_DECLS
