#include "config.h"

#include "ledger-application.h"

struct _LedgerApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (LedgerApplication, ledger_application, ADW_TYPE_APPLICATION)

static void
ledger_application_activate (GApplication *app)
{
  GtkWidget *win = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (win));
}

static void
ledger_application_class_init (LedgerApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = ledger_application_activate;
}

static void
ledger_application_init (LedgerApplication *self)
{
}

LedgerApplication *
ledger_application_new (void)
{
  return g_object_new (LEDGER_TYPE_APPLICATION, "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE, NULL);
}
