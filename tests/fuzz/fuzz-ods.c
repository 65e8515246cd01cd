/* fuzz-ods.c: libFuzzer target for the ODS reader of ledger-table-ods.c */
#include "config.h"

#include <string.h>

#include "fuzz-table.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_table (data, size, "fuzz.ods");
  return 0;
}
