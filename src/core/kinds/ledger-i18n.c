#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "ledger-i18n.h"

/* The installed catalogue when there is one; else the one compiled into the
 * build tree, so that ./build/src/sanitation-ledger speaks Chinese too. */
void
ledger_i18n_init (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  const char *dir = g_file_test (installed, G_FILE_TEST_EXISTS) ? LOCALEDIR : LEDGER_BUILD_LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LEDGER_LOCALEDIR") ? g_getenv ("LEDGER_LOCALEDIR") : dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
