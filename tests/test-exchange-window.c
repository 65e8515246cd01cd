/* test-exchange-window.c: update packages in the window (issue 13) — the
 * header's status, receiving a package through the file chooser, the
 * conflicts list where the officer takes the other value */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ledger-application.h"
#include "ledger-exchange.h"
#include "ledger-exchange-window.h"
#include "ledger-regions.h"
#include "ledger-settings.h"
#include "ledger-store.h"
#include "ledger-test-util.h"
#include "ledger-window.h"

#define T1 "512022101"
#define FARM1 "L512022101213-1"

static char *tmp_dir;

/* a visible button under @widget whose label (or AdwButtonContent's) starts with @label */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));
      const char *text = gtk_button_get_label (GTK_BUTTON (widget));
      if (text == NULL && ADW_IS_BUTTON_CONTENT (child))
        text = adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
      if (text != NULL && g_str_equal (text, label))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
file_selected (gpointer chooser)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL;
}

static gboolean
exchange_window_shown (gpointer data)
{
  return find_toplevel (LEDGER_TYPE_EXCHANGE_WINDOW) != NULL;
}

/* 待发送 N 项: N is what the township has not acknowledged */
static char *
expected_badge (LedgerWindow *window)
{
  LedgerDb *db = ledger_window_get_db (window);
  g_autoptr (GPtrArray) partners = db ? ledger_exchange_list_partners (db, NULL) : NULL;
  LedgerPartner *p = partners && partners->len ? g_ptr_array_index (partners, 0) : NULL;

  return p ? g_strdup_printf ("%u to send", p->pending) : NULL;
}

static gboolean
badge_shown (gpointer window)
{
  g_autofree char *label = expected_badge (window);

  return label != NULL && find_button (window, label) != NULL;
}

static char *
farm_name (LedgerDb *db)
{
  g_autoptr (GPtrArray) farms = ledger_store_load (db, LEDGER_KIND_FARMS, NULL, NULL);

  for (guint i = 0; i < farms->len; i++)
    {
      LedgerRecord *r = g_ptr_array_index (farms, i);
      if (g_strcmp0 (ledger_record_get (r, "code"), FARM1) == 0)
        return g_strdup (ledger_record_get (r, "name"));
    }
  return NULL;
}

static gboolean
county_took_township_name (gpointer window)
{
  g_autofree char *name = farm_name (ledger_window_get_db (window));

  return g_strcmp0 (name, "乡镇的名字") == 0;
}

static void
rename_farm (LedgerDb   *db,
             const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) farms = ledger_store_load (db, LEDGER_KIND_FARMS, NULL, NULL);

  for (guint i = 0; i < farms->len; i++)
    {
      LedgerRecord *r = g_ptr_array_index (farms, i);
      if (g_strcmp0 (ledger_record_get (r, "code"), FARM1) != 0)
        continue;
      ledger_record_set (r, "name", name);
      g_assert_true (ledger_store_save (db, r, &error));
      g_assert_no_error (error);
    }
}

/* a county ledger and T1's package that conflicts with the county's own rename */
static char *
make_ledgers (const char *county_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *town_path = g_build_filename (tmp_dir, "t1.db", NULL);
  char *package = g_build_filename (tmp_dir, "t1.pkg", NULL);
  g_autoptr (LedgerDb) county = ledger_ledger_create (county_path, "512022", TRUE, &error);
  g_autoptr (LedgerDb) town = NULL;
  LedgerExchangeSummary summary = { 0 };

  g_assert_true (ledger_exchange_share (county, T1, town_path, &error));
  town = ledger_db_open (town_path, LEDGER_DB_OPEN_DEFAULT, &error);
  rename_farm (town, "乡镇的名字");
  rename_farm (county, "县里的名字");
  g_assert_true (ledger_exchange_send (town, NULL, package, &summary, &error));
  ledger_exchange_summary_clear (&summary);
  return package;
}

static void
test_receive_and_settle (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = ledger_settings_new ();
  g_autofree char *county_path = g_build_filename (tmp_dir, "county.db", NULL);
  g_autofree char *package = make_ledgers (county_path);
  g_autoptr (GFile) package_file = g_file_new_for_path (package);
  g_autofree char *name = NULL, *label = NULL;
  LedgerApplication *app;
  LedgerWindow *window;
  GtkWidget *badge, *take_other;
  GtkFileChooser *chooser;
  GtkWindow *exchange;

  g_settings_set_string (settings, "base-map", "none");
  app = ledger_application_new ();
  ledger_application_set_db_path (app, county_path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_application_activate (G_APPLICATION (app));
  window = LEDGER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* a linked ledger says so in its header: 待发送 N 项, 上次交换 … in the tooltip */
  g_assert_true (ledger_test_wait_for (badge_shown, window, 30));
  label = expected_badge (window);
  g_assert_cmpstr (label, !=, "0 to send");
  badge = find_button (GTK_WIDGET (window), label);
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (badge), "Last exchange: "));

  /* receive through the file chooser, as an officer does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.receive-package", NULL));
  g_assert_true (ledger_test_wait_for (file_chooser_shown, NULL, 30));
  chooser = GTK_FILE_CHOOSER (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_true (gtk_file_chooser_set_file (chooser, package_file, &error));
  /* the chooser loads the folder before the file is selected */
  g_assert_true (ledger_test_wait_for (file_selected, chooser, 30));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* the owner (the township) wins; with a conflict the exchange window opens */
  if (!ledger_test_wait_for (county_took_township_name, window, 30))
    {
      g_autoptr (GList) toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l; l = l->next)
        g_printerr ("toplevel %s %s %s\n", G_OBJECT_TYPE_NAME (l->data), gtk_window_get_title (l->data),
                    ADW_IS_MESSAGE_DIALOG (l->data) ? adw_message_dialog_get_body (l->data) : "");
      g_assert_not_reached ();
    }
  g_assert_true (ledger_test_wait_for (exchange_window_shown, NULL, 30));
  exchange = find_toplevel (LEDGER_TYPE_EXCHANGE_WINDOW);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (exchange));

  /* the officer takes the county's own value back */
  take_other = find_button (GTK_WIDGET (exchange), "_Take Other");
  g_assert_nonnull (take_other);
  g_signal_emit_by_name (take_other, "clicked");
  ledger_test_iterate (100);
  name = farm_name (ledger_window_get_db (window));
  g_assert_cmpstr (name, ==, "县里的名字");
  g_assert_null (find_button (GTK_WIDGET (exchange), "_Take Other"));

  gtk_window_destroy (exchange);
  gtk_window_destroy (GTK_WINDOW (window));
  ledger_test_iterate (50);
  g_object_unref (app);
}

int
main (int argc, char **argv)
{
  int status;

  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmp_dir = g_dir_make_tmp ("test-exchange-window-XXXXXX", NULL);
  g_test_add_func ("/exchange-window/receive-and-settle", test_receive_and_settle);
  status = g_test_run ();
  ledger_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
