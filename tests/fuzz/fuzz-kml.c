/* fuzz-kml.c: libFuzzer target for the KML and KMZ reader (ledger-table-kml.c) */
#include "config.h"

#include <string.h>

#include "fuzz-table.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_table (data, size, "fuzz.kml");
  return 0;
}
