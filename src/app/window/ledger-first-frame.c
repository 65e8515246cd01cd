/* ledger-first-frame.c: a marker for timing the window's open (issue 19)
 *
 * With LEDGER_FIRST_FRAME set in the environment, the window prints
 * "first frame: X ms" on stderr (time from the window's creation to the end
 * of its first paint); LEDGER_FIRST_FRAME=quit then quits the application,
 * so that /usr/bin/time -v reports the time and memory of an open.
 */
#include "config.h"

#include "ledger-first-frame.h"

typedef struct
{
  gint64  start;
  gulong  handler;
  GWeakRef window;
} FirstFrame;

static void
first_frame_free (gpointer data)
{
  FirstFrame *marker = data;

  g_weak_ref_clear (&marker->window);
  g_free (marker);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  FirstFrame *marker = data;
  g_autoptr (GtkWidget) window = g_weak_ref_get (&marker->window);

  g_printerr ("first frame: %.0f ms\n", (g_get_monotonic_time () - marker->start) / 1000.0);
  g_signal_handler_disconnect (clock, marker->handler);
  first_frame_free (marker);
  if (window != NULL && g_strcmp0 (g_getenv ("LEDGER_FIRST_FRAME"), "quit") == 0)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
on_realize_cb (GtkWidget *window,
               gpointer   data)
{
  FirstFrame *marker = data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, on_realize_cb, data);
  marker->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), marker);
}

void
ledger_first_frame_watch (GtkWindow *window)
{
  FirstFrame *marker;

  if (g_getenv ("LEDGER_FIRST_FRAME") == NULL)
    return;
  marker = g_new0 (FirstFrame, 1);
  marker->start = g_get_monotonic_time ();
  g_weak_ref_init (&marker->window, window);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), marker);
}
