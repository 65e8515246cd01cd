/* fuzz-csv.c: libFuzzer target for the CSV reader of ledger-table.c */
#include "config.h"

#include <string.h>

#include "fuzz-table.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_table (data, size, "fuzz.csv");
  return 0;
}
