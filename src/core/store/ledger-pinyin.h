/* ledger-pinyin.h: finding Chinese names by pinyin, full or initials
 *
 * Officers type `lz` or `lezhi` for 乐至, `ldz` or `laodong` for 劳动镇. The
 * readings come from data/pinyin.tsv (tools/make-pinyin-table.py, from the
 * npm package pinyin-data, ISC); every reading of a polyphonic character
 * counts.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @needle is a pinyin query: ASCII letters only, 2 to 63 of them */
gboolean ledger_pinyin_is_query (const char *needle);

/* TRUE when @needle (lowercase ASCII letters) spells a run of consecutive
 * characters of @text (UTF-8): each character by a whole reading or its
 * initial (a letter, or zh/ch/sh), the last one by any start of a reading;
 * ASCII letters in @text match themselves, case aside. */
gboolean ledger_pinyin_match    (const char *text,
                                 const char *needle);

/* Returns: (transfer none) (nullable): the toneless readings of @c,
 * NULL-terminated, or NULL if the table has none */
const char *const *ledger_pinyin_readings (gunichar c);

G_END_DECLS
