/* ledger-divisions.c: the province → city → county index of the national list
 *
 * divisions.tsv.gz is sorted by code, so one pass over it sees every county
 * followed by its townships (9 digits) and village-level units (12 digits):
 * the pass keeps the three upper levels (3,351 of 665k lines) and counts the
 * rest per county. The whole file is inflated into memory first and split
 * with memchr, which is several times faster than reading it line by line
 * through a stream; the text is dropped once the index is built.
 */
#include "config.h"

#include <string.h>

#include "ledger-core-resources.h"
#include "ledger-divisions.h"
#include "ledger-rules.h"

#define DIVISIONS_RESOURCE "/org/ruralsanitation/Ledger/core/divisions.tsv.gz"

struct _LedgerDivisionIndex
{
  GPtrArray  *divisions;  /* LedgerDivision*, owned, in code order */
  GHashTable *by_code;    /* code → LedgerDivision* */
  GHashTable *children;   /* parent code ("" for the country) → GPtrArray of LedgerDivision* */
  GPtrArray  *counties;   /* LedgerDivision*, in code order */
};

typedef struct
{
  const LedgerDivision *county;
  guint                 score;  /* lower is better */
} SearchHit;

/* City-level names that only group counties: a path leaves them out. */
static const char *const placeholder_names[] = {
  "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划",
};

static LedgerDivisionIndex *shared_index;
static GMutex shared_lock;

/* ---- auxiliary functions ---- */

static void
division_free (gpointer data)
{
  LedgerDivision *division = data;

  g_free (division->code);
  g_free (division->name);
  g_free (division);
}

static GBytes *
inflate_divisions (GError **error)
{
  g_autoptr (GDataInputStream) plain = ledger_divisions_open (error);
  g_autoptr (GOutputStream) memory = NULL;

  if (plain == NULL)
    return NULL;
  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, G_INPUT_STREAM (plain), G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static GPtrArray *
children_of (LedgerDivisionIndex *index,
             const char          *parent_code)
{
  GPtrArray *list = g_hash_table_lookup (index->children, parent_code);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index->children, g_strdup (parent_code), list);
    }
  return list;
}

static LedgerDivision *
add_division (LedgerDivisionIndex *index,
              const char          *code,
              gsize                code_len,
              const char          *name,
              gsize                name_len)
{
  LedgerDivision *division = g_new0 (LedgerDivision, 1);
  g_autofree char *parent_code = g_strndup (code, code_len - 2);

  division->code = g_strndup (code, code_len);
  division->name = g_strndup (name, name_len);
  division->level = code_len / 2;
  division->parent = g_hash_table_lookup (index->by_code, parent_code);
  g_ptr_array_add (index->divisions, division);
  g_hash_table_insert (index->by_code, division->code, division);
  g_ptr_array_add (children_of (index, division->parent ? parent_code : ""), division);
  if (division->level == LEDGER_DIVISION_COUNTY)
    g_ptr_array_add (index->counties, division);
  return division;
}

/* Counts a township or village-level unit under the county it belongs to. */
static void
count_unit (LedgerDivision *county,
            const char     *code,
            gsize           code_len)
{
  char code12[13];

  if (county == NULL || strncmp (county->code, code, 6) != 0)
    return;
  if (code_len == 9)
    county->n_townships++;
  else if (code_len == 12)
    {
      memcpy (code12, code, 12);
      code12[12] = '\0';
      if (ledger_code_is_admin_village (code12))
        county->n_villages++;
      else
        county->n_communities++;
    }
}

static void
index_lines (LedgerDivisionIndex *index,
             const char          *text,
             gsize                size)
{
  const char *end = text + size;
  LedgerDivision *county = NULL;

  for (const char *line = text; line < end;)
    {
      const char *eol = memchr (line, '\n', end - line);
      const char *tab;

      if (eol == NULL)
        eol = end;
      tab = memchr (line, '\t', eol - line);
      if (tab != NULL)
        {
          gsize code_len = tab - line;

          if (code_len == 2 || code_len == 4 || code_len == 6)
            {
              LedgerDivision *division = add_division (index, line, code_len, tab + 1, eol - tab - 1);
              county = code_len == 6 ? division : NULL;
            }
          else
            count_unit (county, line, code_len);
        }
      line = eol + 1;
    }
}

static LedgerDivisionIndex *
build_index (GError **error)
{
  g_autoptr (GBytes) bytes = inflate_divisions (error);
  LedgerDivisionIndex *index;
  gsize size;
  const char *text;

  if (bytes == NULL)
    return NULL;
  text = g_bytes_get_data (bytes, &size);
  index = g_new0 (LedgerDivisionIndex, 1);
  index->divisions = g_ptr_array_new_with_free_func (division_free);
  index->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  index->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  index->counties = g_ptr_array_new ();
  index_lines (index, text, size);
  return index;
}

static gboolean
is_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* How well one query word matches a county; G_MAXUINT when it does not. */
static guint
score_token (const LedgerDivision *county,
             const char           *token)
{
  const char *found;

  if (is_digits (token))
    {
      found = strstr (county->code, token);
      return found == NULL ? G_MAXUINT : found == county->code ? 0 : 2;
    }
  if ((found = strstr (county->name, token)) != NULL)
    return found == county->name ? 0 : 1;
  for (const LedgerDivision *up = county->parent; up != NULL; up = up->parent)
    if (strstr (up->name, token) != NULL)
      return 3;
  return G_MAXUINT;
}

static guint
score_county (const LedgerDivision *county,
              char                **tokens)
{
  guint total = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      guint score;

      if (*tokens[i] == '\0')
        continue;
      if ((score = score_token (county, tokens[i])) == G_MAXUINT)
        return G_MAXUINT;
      total += score;
    }
  return total;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const SearchHit *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return strcmp (x->county->code, y->county->code);
}

/* Splits on spaces, the path separator and the code's parentheses. */
static char **
split_query (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  static const char *const separators[] = { "·", "（", "）", "(", ")", "　", "\t", ",", "，" };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_auto (GStrv) parts = g_strsplit (copy, separators[i], -1);

      g_free (copy);
      copy = g_strjoinv (" ", parts);
    }
  return g_strsplit (g_strstrip (copy), " ", -1);
}

static gboolean
has_words (char **tokens)
{
  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      return TRUE;
  return FALSE;
}

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  LedgerDivisionIndex *index = ledger_division_index_get (&error);

  if (index == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, index, NULL);
}

/* ---- public API ---- */

/**
 * ledger_divisions_open:
 * @error: return location for an error
 *
 * Opens the national division list compiled into the program
 * (data/divisions.tsv.gz): one "code<TAB>name" line per division, sorted by
 * code, unzipped as it is read. The one place that opens it.
 *
 * Returns: (transfer full) (nullable): the lines
 */
GDataInputStream *
ledger_divisions_open (GError **error)
{
  g_autoptr (GInputStream) raw = NULL;
  g_autoptr (GConverter) gunzip = NULL;
  g_autoptr (GInputStream) plain = NULL;

  raw = g_resource_open_stream (ledger_core_get_resource (), DIVISIONS_RESOURCE,
                                G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (raw == NULL)
    return NULL;
  gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  plain = g_converter_input_stream_new (raw, gunzip);
  return g_data_input_stream_new (plain);
}

/**
 * ledger_division_index_get:
 * @error: why the list could not be read (a damaged build)
 *
 * Returns the process-wide index, building it on first use (about 0.1 s:
 * call ledger_division_index_get_async from a user interface). Thread-safe.
 *
 * Returns: (transfer none) (nullable): the index, valid until the process ends
 */
LedgerDivisionIndex *
ledger_division_index_get (GError **error)
{
  LedgerDivisionIndex *index;

  g_mutex_lock (&shared_lock);
  if (shared_index == NULL)
    shared_index = build_index (error);
  index = shared_index;
  g_mutex_unlock (&shared_lock);
  return index;
}

/**
 * ledger_division_index_get_async:
 *
 * Builds the index in a worker thread when it is not built yet.
 */
void
ledger_division_index_get_async (GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ledger_division_index_get_async);
  if (ledger_division_index_is_loaded ())
    g_task_return_pointer (task, shared_index, NULL);
  else
    g_task_run_in_thread (task, load_in_thread);
}

LedgerDivisionIndex *
ledger_division_index_get_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
ledger_division_index_is_loaded (void)
{
  gboolean loaded;

  g_mutex_lock (&shared_lock);
  loaded = shared_index != NULL;
  g_mutex_unlock (&shared_lock);
  return loaded;
}

/**
 * ledger_division_index_children:
 * @index: the index
 * @parent_code: (nullable): %NULL or "" for the provinces, a 2-digit
 *   province code for its cities (including 市辖区 and 省直辖县级行政区划),
 *   a 4-digit city code for its counties
 *
 * Returns: (transfer container) (element-type LedgerDivision): the children
 *   in code order; empty for an unknown code
 */
GPtrArray *
ledger_division_index_children (LedgerDivisionIndex *index,
                                const char          *parent_code)
{
  GPtrArray *list;
  GPtrArray *copy = g_ptr_array_new ();

  g_return_val_if_fail (index != NULL, copy);

  list = g_hash_table_lookup (index->children, parent_code ? parent_code : "");
  for (guint i = 0; list != NULL && i < list->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (list, i));
  return copy;
}

/**
 * ledger_division_index_lookup:
 *
 * Returns: (transfer none) (nullable): the province, city or county of @code
 */
const LedgerDivision *
ledger_division_index_lookup (LedgerDivisionIndex *index,
                              const char          *code)
{
  g_return_val_if_fail (index != NULL, NULL);
  return code ? g_hash_table_lookup (index->by_code, code) : NULL;
}

/**
 * ledger_division_index_search:
 * @index: the index
 * @text: words to find: parts of a county's name or code, optionally with
 *   its province or city ("乐至", "5120", "四川 乐至", "东城")
 * @max_results: at most this many counties (0: no limit)
 *
 * Every word must match the county's code, its name, or the name of its
 * city or province. Counties whose name or code starts with the words come
 * first, then other matches of the name, the code, and the city or province.
 *
 * Returns: (transfer container) (element-type LedgerDivision): the counties
 */
GPtrArray *
ledger_division_index_search (LedgerDivisionIndex *index,
                              const char          *text,
                              guint                max_results)
{
  g_auto (GStrv) tokens = NULL;
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (SearchHit));
  GPtrArray *result = g_ptr_array_new ();

  g_return_val_if_fail (index != NULL, result);

  tokens = split_query (text ? text : "");
  if (!has_words (tokens))
    return result;
  for (guint i = 0; i < index->counties->len; i++)
    {
      SearchHit hit = { g_ptr_array_index (index->counties, i), 0 };

      if ((hit.score = score_county (hit.county, tokens)) != G_MAXUINT)
        g_array_append_val (hits, hit);
    }
  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len && (max_results == 0 || i < max_results); i++)
    g_ptr_array_add (result, (gpointer) g_array_index (hits, SearchHit, i).county);
  return result;
}

guint
ledger_division_index_get_n_counties (LedgerDivisionIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);
  return index->counties->len;
}

/**
 * ledger_division_is_placeholder:
 *
 * Returns: whether @division is a city-level entry that only groups counties
 *   (市辖区 of a municipality, 省直辖县级行政区划, …)
 */
gboolean
ledger_division_is_placeholder (const LedgerDivision *division)
{
  if (division->level != LEDGER_DIVISION_CITY)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (placeholder_names); i++)
    if (g_str_equal (division->name, placeholder_names[i]))
      return TRUE;
  return FALSE;
}

/**
 * ledger_division_dup_path:
 *
 * Returns: (transfer full): "四川省 · 资阳市 · 乐至县"; grouping entries
 *   (市辖区) and a city repeated by its only county (东莞市) are left out
 */
char *
ledger_division_dup_path (const LedgerDivision *division)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const char *below = NULL;

  for (const LedgerDivision *d = division; d != NULL; d = d->parent)
    {
      if (!ledger_division_is_placeholder (d) && g_strcmp0 (d->name, below) != 0)
        g_ptr_array_insert (parts, 0, d->name);
      below = d->name;
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/**
 * ledger_division_dup_label:
 *
 * Returns: (transfer full): the path and the code, "四川省 · 资阳市 · 乐至县 (512022)"
 */
char *
ledger_division_dup_label (const LedgerDivision *division)
{
  g_autofree char *path = ledger_division_dup_path (division);

  return g_strdup_printf ("%s (%s)", path, division->code);
}
