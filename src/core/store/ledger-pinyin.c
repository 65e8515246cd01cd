/* ledger-pinyin.c: pinyin matching over the table in data/pinyin.tsv */
#include "config.h"

#include <string.h>

#include "ledger-core-resources.h"
#include "ledger-pinyin.h"

#define PINYIN_RESOURCE "/org/ruralsanitation/Ledger/core/pinyin.tsv"
#define MAX_NEEDLE 63
#define MAX_TEXT 256

/* character → NULL-terminated array of readings (pointers into syllables);
 * the CJK blocks U+3400–U+9FFF also in a plain array, the lookup a search
 * makes for every character of every row */
#define DIRECT_FIRST 0x3400
#define DIRECT_LAST  0x9FFF
static GHashTable *readings_by_char;
static const char *const **direct;
static guint32 *direct_initials;   /* bit i: a reading starts with 'a' + i */

static void
add_reading (GHashTable *table,
             gunichar    c,
             const char *syllable)
{
  GPtrArray *list = g_hash_table_lookup (table, GUINT_TO_POINTER (c));

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_ptr_array_add (list, NULL);
      g_hash_table_insert (table, GUINT_TO_POINTER (c), list);
    }
  list->pdata[list->len - 1] = (gpointer) syllable;
  g_ptr_array_add (list, NULL);
}

static void
parse_line (GHashTable *table,
            char       *line)
{
  char *tab = strchr (line, '\t');
  const char *syllable;

  if (line[0] == '#' || tab == NULL)
    return;
  *tab = '\0';
  syllable = g_intern_string (line);
  for (const char *p = tab + 1; *p; p = g_utf8_next_char (p))
    add_reading (table, g_utf8_get_char (p), syllable);
}

static GHashTable *
load_table (void)
{
  g_autoptr (GBytes) bytes = g_resource_lookup_data (ledger_core_get_resource (), PINYIN_RESOURCE,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GHashTable *table = g_hash_table_new (NULL, NULL);

  g_assert (bytes != NULL); /* compiled into core */
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    parse_line (table, lines[i]);
  direct = g_new0 (const char *const *, DIRECT_LAST - DIRECT_FIRST + 1);
  direct_initials = g_new0 (guint32, DIRECT_LAST - DIRECT_FIRST + 1);
  for (gunichar c = DIRECT_FIRST; c <= DIRECT_LAST; c++)
    {
      GPtrArray *list = g_hash_table_lookup (table, GUINT_TO_POINTER (c));
      direct[c - DIRECT_FIRST] = list ? (const char *const *) list->pdata : NULL;
      for (guint r = 0; list && list->pdata[r]; r++)
        direct_initials[c - DIRECT_FIRST] |= 1u << (((const char *) list->pdata[r])[0] - 'a');
    }
  return table;
}

const char *const *
ledger_pinyin_readings (gunichar c)
{
  GPtrArray *list;

  if (g_once_init_enter (&readings_by_char))
    g_once_init_leave (&readings_by_char, load_table ());
  if (c >= DIRECT_FIRST && c <= DIRECT_LAST)
    return direct[c - DIRECT_FIRST];
  list = g_hash_table_lookup (readings_by_char, GUINT_TO_POINTER (c));
  return list ? (const char *const *) list->pdata : NULL;
}

gboolean
ledger_pinyin_is_query (const char *needle)
{
  gsize n = 0;

  for (const char *p = needle; p && *p; p++, n++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return n >= 2 && n <= MAX_NEEDLE;
}

/* May @len letters of @reading stand for its character here? The whole
 * reading, its initial (z, zh, …), or, where the query ends, any start. */
static gboolean
is_allowed_part (const char *reading,
                 gsize       len,
                 gboolean    ends_query)
{
  if (ends_query || reading[len] == '\0' || len == 1)
    return TRUE;
  return len == 2 && reading[1] == 'h' && strchr ("zcs", reading[0]) != NULL;
}

/* the query positions reachable after character @c from those in @from */
static guint64
step (gunichar    c,
      guint64     from,
      const char *needle,
      gsize       n)
{
  const char *const *readings = NULL;
  guint32 initials = G_MAXUINT32;   /* outside the plain array: try every reading */
  guint64 to = 0;

  if (c < 0x80)
    {
      char lower = g_ascii_tolower ((char) c);
      for (gsize q = 0; q < n; q++)
        if ((from & (G_GUINT64_CONSTANT (1) << q)) && needle[q] == lower)
          to |= G_GUINT64_CONSTANT (1) << (q + 1);
      return to;
    }
  readings = ledger_pinyin_readings (c);
  if (readings != NULL && c >= DIRECT_FIRST && c <= DIRECT_LAST)
    initials = direct_initials[c - DIRECT_FIRST];
  for (gsize q = 0; readings && q < n; q++)
    {
      if (!(from & (G_GUINT64_CONSTANT (1) << q)) || !(initials & (1u << (needle[q] - 'a'))))
        continue;
      for (guint r = 0; readings[r]; r++)
        for (gsize len = 1; readings[r][len - 1] && q + len <= n && readings[r][len - 1] == needle[q + len - 1]; len++)
          if (is_allowed_part (readings[r], len, q + len == n))
            to |= G_GUINT64_CONSTANT (1) << (q + len);
    }
  return to;
}

gboolean
ledger_pinyin_match (const char *text,
                     const char *needle)
{
  gsize n = needle ? strlen (needle) : 0;
  guint64 reach = 0, done;
  guint count = 0;

  if (text == NULL || n == 0 || n > MAX_NEEDLE)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (needle[i] < 'a' || needle[i] > 'z')
      return FALSE;
  done = G_GUINT64_CONSTANT (1) << n;
  for (const char *p = text; *p && count < MAX_TEXT; p = g_utf8_next_char (p), count++)
    {
      /* a match may start at any character */
      reach = step (g_utf8_get_char (p), reach | 1, needle, n);
      if (reach & done)
        return TRUE;
    }
  return FALSE;
}
