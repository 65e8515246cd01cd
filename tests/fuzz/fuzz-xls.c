/* fuzz-xls.c: libFuzzer target for the XLS reader of ledger-table-xls.c (libfreexl) */
#include "config.h"

#include <string.h>

#include "fuzz-table.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_table (data, size, "fuzz.xls");
  return 0;
}
