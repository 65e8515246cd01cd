/* fuzz-table.h: what the libFuzzer targets of the table readers share
 *
 * Every input must either be refused with a LEDGER_ERROR or come out as a
 * table whose rows keep the contract of ledger-table.h; anything else (a
 * crash, a sanitizer report, a GLib critical, a broken invariant) is a bug.
 */
#pragma once

#include <stdint.h>
#include <stdlib.h>

#include "ledger-error.h"
#include "ledger-table.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_table (const LedgerTable *table,
             gboolean           cells_may_be_null)
{
  if (table->rows == NULL || table->rows->len > LEDGER_TABLE_MAX_ROWS)
    abort ();
  for (guint r = 0; r < table->rows->len; r++)
    {
      const LedgerCsvRow *row = g_ptr_array_index (table->rows, r);

      if (row->cells[row->n_cells] != NULL)
        abort ();
      for (guint c = 0; c < row->n_cells; c++)
        {
          const char *cell = row->cells[c];

          if (cell == NULL && !cells_may_be_null)
            abort ();
          if (cell != NULL && (!g_utf8_validate (cell, -1, NULL) || strlen (cell) > LEDGER_CSV_MAX_CELL))
            abort ();
        }
    }
}

static void
fuzz_table (const uint8_t *data,
            size_t         size,
            const char    *file_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTable) table = ledger_table_read_bytes ((const char *) data, size, file_name,
                                                          NULL, &error);

  if (table == NULL)
    {
      if (error == NULL || error->domain != LEDGER_ERROR || !g_str_has_prefix (error->message, file_name))
        abort ();
      return;
    }
  if (error != NULL)
    abort ();
  check_table (table, ledger_table_has_features (table));
}
