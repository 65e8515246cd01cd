/* ledger-test-util.h: what the test programs share */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

/* Removes a temporary folder of the test and the files in it. */
static inline void
ledger_test_remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_remove (file);
    }
  g_rmdir (path);
}

/* Runs the default main loop for @ms milliseconds (at least one iteration),
 * so that what a person would wait for (a redraw, a timeout) happens. */
static inline void
ledger_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  do
    g_main_context_iteration (NULL, FALSE);
  while (g_get_monotonic_time () < end);
}

/* Runs the default main loop until @check (@data) holds or @seconds pass;
 * returns what @check says last. */
static inline gboolean
ledger_test_wait_for (gboolean (*check) (gpointer),
                      gpointer   data,
                      guint      seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!check (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return check (data);
}

G_END_DECLS
