/* fuzz-xlsx.c: libFuzzer target for the XLSX reader of ledger-table.c */
#include "config.h"

#include <string.h>

#include "fuzz-table.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_table (data, size, "fuzz.xlsx");
  return 0;
}
