/* fuzz-package.c: libFuzzer target for the update-package reader (ledger-package.c)
 * and the changeset filter (ledger-changeset.c), which walks SQLite's changeset
 * bytes beside SQLite's own iterator */
#include "config.h"

#include <stdint.h>

#include "ledger-exchange-private.h"
#include "ledger-package.h"

static gboolean
keep_every_other (sqlite3_changeset_iter *iter,
                  const char             *table,
                  gpointer                user_data)
{
  guint *n = user_data;

  return (*n)++ % 2 == 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerPackage) package = ledger_package_parse (data, size, &error);
  g_autoptr (GBytes) raw = g_bytes_new_static (data, size);
  g_autoptr (GBytes) kept = NULL;
  guint n = 0;

  /* the bytes as a bare changeset too: the checksum stops most inputs above */
  kept = ledger_changeset_filter (raw, keep_every_other, &n, NULL);
  for (guint i = 0; package != NULL && i < package->entries->len; i++)
    {
      LedgerPackageEntry *entry = g_ptr_array_index (package->entries, i);
      g_autoptr (GBytes) some = ledger_changeset_filter (entry->changeset, keep_every_other, &n, NULL);

      (void) some;
    }
  return 0;
}
