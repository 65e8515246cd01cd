/* ledger-vocabulary.c: the words officers write for enumerated values
 *
 * One table: enumeration, value, words. The words are those township and
 * county ledgers use for the same thing (本地口径: collected from officers'
 * sheets, not from a standard). A word is compared without spaces, in
 * half-width forms and ASCII lower case, so "正 常" and "Normal" match too.
 */
#include "config.h"

#include <string.h>

#include "ledger-vocabulary.h"

typedef struct
{
  const char *enumeration;
  const char *key;
  const char *words;   /* "|"-separated */
} Synonyms;

static const Synonyms synonyms[] = {
  { "mode", "sewer", "纳管|城镇管网|接入管网|纳入管网|接入城镇污水管网|纳入城镇污水管网|管网收集|纳入污水处理厂" },
  { "mode", "centralised", "集中式|集中处理设施|集中治理|村级集中处理|集中收集处理|集中式处理" },
  { "mode", "decentralised", "分散式|分散治理|分散处理设施|户用|分户处理|分散式处理" },
  { "mode", "reuse", "资源化|资源化利用|资源化处理|就地资源化利用|生态处理" },
  { "mode", "none", "无|未处理|未治理|暂未治理" },

  { "facility_kind", "township_plant", "污水处理厂|污水厂|乡镇污水厂|集镇污水处理厂|场镇污水处理厂|乡镇污水处理站|城镇污水处理厂" },
  { "facility_kind", "village_station", "集中式|集中式处理设施|村级污水处理站|污水处理站|村污水处理站|集中处理站|一体化处理设施|集中式污水处理设施" },
  { "facility_kind", "household_unit", "分散式|分散式处理|户用|户用处理设施|分散处理设施|小型污水处理设施|三格式化粪池" },

  { "facility_status", "normal", "正常|运行正常|正常运转|在运行|运行|良好" },
  { "facility_status", "faulty", "异常|故障|不正常|运行不正常|部分运行" },
  { "facility_status", "stopped", "停用|停止运行|未运行|闲置|停运中" },
  { "facility_status", "building", "建设中|在建中|正在建设|施工中" },
  { "facility_status", "planned", "拟建|计划建设|规划建设|未建" },

  { "species", "pig", "猪|pigs|生猪养殖" },
  { "species", "dairy", "乳牛|奶牛养殖" },
  { "species", "beef", "牛|黄牛|肉牛养殖" },
  { "species", "sheep_goat", "绵羊|肉羊|sheep|羊只" },
  /* issue 12: goats are not in Sichuan's scale standard (肉羊 only), so they are a species of their own */
  { "species", "goat", "黑山羊|乐至黑山羊|goat|goats" },
  { "species", "meat_duck", "鸭" },
  { "species", "goose", "肉鹅" },
  { "species", "rabbit", "兔|肉兔" },
  { "basis", "sensory", "感官" },
  { "basis", "public", "公众|群众评议|问卷调查" },
  { "basis", "monitoring", "监测|水质检测" },
  { "species", "layer", "产蛋鸡|蛋禽" },
  { "species", "broiler", "肉禽鸡|鸡|肉禽" },
  { "species", "other_poultry", "鸭|鹅|肉鸭|蛋鸭|家禽|禽|鸽|鹌鹑" },

  { "utilisation", "field", "还田利用|农田利用|种养结合|就地还田|粪肥还田|还田消纳|农田消纳" },
  { "utilisation", "fertiliser", "生产有机肥|有机肥加工|堆肥|制作有机肥|有机肥生产" },
  { "utilisation", "biogas", "沼气工程|沼气利用|厌氧发酵|沼气池" },
  { "utilisation", "third_party", "第三方|委托处理|集中处理中心|第三方收运|社会化服务" },
  { "utilisation", "other", "其它" },

  { "water_kind", "river", "河道|河|溪|溪沟|小河|河沟" },
  { "water_kind", "ditch", "沟|渠|水沟|排水沟|沟道" },
  { "water_kind", "pond", "池塘|塘|山坪塘|水塘|坑|塘堰" },
  { "water_kind", "other", "其它" },

  { "water_status", "not_started", "未开始|未整治|未治理" },
  { "water_status", "in_progress", "整治中|正在治理|治理中|推进中|施工中" },
  { "water_status", "completed", "已完成|完成治理|已治理|已整治|完成整治|已完工" },
  { "water_status", "verified", "已销号|验收通过|已通过验收" },

  { "inspection_result", "ok", "合格|无问题|未发现问题|良好|运行正常" },
  { "inspection_result", "problem", "存在问题|有问题|不合格|需整改|待整改" },
  { "inspection_result", "fixed", "整改完成|已整改完成|已完成整改" },

  { "follow_up", "pending", "未整改|整改中|需整改" },
  { "follow_up", "rectified", "整改完成|已整改完成|已完成整改|已完成" },
  { "follow_up", "not_needed", "不需整改|无需|无" },
};

/* ---- auxiliary functions ---- */

static gboolean
is_open_bracket (gunichar c)
{
  return c == '(' || c == '[' || c == 0x3010 /* 【 */ || c == 0x3014 /* 〔 */;
}

static gboolean
is_close_bracket (gunichar c)
{
  return c == ')' || c == ']' || c == 0x3011 || c == 0x3015;
}

static gunichar
half_width (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;
  if (c == 0x3000)
    return ' ';
  return c;
}

/**
 * ledger_normalise_header:
 *
 * Returns: (transfer full): @header trimmed, half-width, without white
 *   space, bracketed parts, a leading "*" or a trailing ":", ASCII lower case
 */
char *
ledger_normalise_header (const char *header)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  if (header == NULL || !g_utf8_validate (header, -1, NULL))
    return g_string_free (out, FALSE);
  for (const char *p = header; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = half_width (g_utf8_get_char (p));

      if (is_open_bracket (c))
        depth++;
      else if (is_close_bracket (c))
        depth = MAX (depth - 1, 0);
      else if (depth == 0 && !g_unichar_isspace (c) && c != '*' && c != ':' && c != 0xFEFF)
        g_string_append_unichar (out, c < 128 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  return g_string_free (out, FALSE);
}

static const LedgerEnumValue *
value_of (const LedgerEnum *enumeration,
          const char       *key)
{
  for (guint i = 0; i < enumeration->n_values; i++)
    if (g_str_equal (enumeration->values[i].key, key))
      return &enumeration->values[i];
  return NULL;
}

/* @word normalised → @value unless an earlier word took it: the first
 * match wins, as in the order the words are listed */
static void
add_word (GHashTable            *words,
          const char            *word,
          const LedgerEnumValue *value)
{
  char *normalised = ledger_normalise_header (word);

  if (*normalised == '\0' || g_hash_table_contains (words, normalised))
    g_free (normalised);
  else
    g_hash_table_insert (words, normalised, (gpointer) value);
}

static void
add_words (GHashTable            *words,
           const char            *list,
           const LedgerEnumValue *value)
{
  g_auto (GStrv) each = list ? g_strsplit (list, "|", -1) : NULL;

  for (guint i = 0; each != NULL && each[i] != NULL; i++)
    add_word (words, each[i], value);
}

/* Every word of @enumeration, normalised, to the value it means (NULL for
 * a synonym of a key the enumeration lacks): its values' keys, labels and
 * aliases, then the synonyms above. */
static GHashTable *
words_of (const LedgerEnum *enumeration)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < enumeration->n_values; i++)
    {
      const LedgerEnumValue *v = &enumeration->values[i];
      add_word (words, v->key, v);
      add_word (words, v->label, v);
      add_words (words, v->aliases, v);
    }
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_str_equal (synonyms[i].enumeration, enumeration->name))
      add_words (words, synonyms[i].words, value_of (enumeration, synonyms[i].key));
  return words;
}

/* The words of an enumeration (they are static), made on first use (issue
 * 19: each lookup normalised every word anew, and the header search makes
 * hundreds). Returns whether @normalised is one; its value in @value. */
static gboolean
lookup_word (const LedgerEnum       *enumeration,
             const char             *normalised,
             const LedgerEnumValue **value)
{
  static GMutex lock;
  static GHashTable *enumerations;   /* LedgerEnum * → its words */
  GHashTable *words;
  gpointer found = NULL;
  gboolean known;

  g_mutex_lock (&lock);
  if (enumerations == NULL)
    enumerations = g_hash_table_new (NULL, NULL);
  words = g_hash_table_lookup (enumerations, enumeration);
  if (words == NULL)
    {
      words = words_of (enumeration);
      g_hash_table_insert (enumerations, (gpointer) enumeration, words);
    }
  known = g_hash_table_lookup_extended (words, normalised, NULL, &found);
  g_mutex_unlock (&lock);
  *value = found;
  return known;
}

/* ---- public API ---- */

/**
 * ledger_vocabulary_lookup:
 *
 * Returns: (nullable): the value @word means, or %NULL
 */
const LedgerEnumValue *
ledger_vocabulary_lookup (const LedgerEnum *enumeration,
                          const char       *word)
{
  g_autofree char *normalised = NULL;
  const LedgerEnumValue *value = NULL;

  g_return_val_if_fail (enumeration != NULL, NULL);

  if (word == NULL)
    return NULL;
  for (guint i = 0; i < enumeration->n_values; i++)
    {
      const LedgerEnumValue *v = &enumeration->values[i];
      if (g_ascii_strcasecmp (v->key, word) == 0 || strcmp (v->label, word) == 0)
        return v;
    }
  normalised = ledger_normalise_header (word);
  if (*normalised == '\0' || !lookup_word (enumeration, normalised, &value))
    return NULL;
  return value;
}

/**
 * ledger_vocabulary_words:
 *
 * Returns: (transfer full): the synonyms of the value, NULL-terminated
 */
const char **
ledger_vocabulary_words (const LedgerEnum *enumeration,
                         const char       *key)
{
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_str_equal (synonyms[i].enumeration, enumeration->name) && g_str_equal (synonyms[i].key, key))
      {
        g_auto (GStrv) each = g_strsplit (synonyms[i].words, "|", -1);
        for (guint j = 0; each[j] != NULL; j++)
          g_ptr_array_add (words, (gpointer) g_intern_string (each[j]));
      }
  g_ptr_array_add (words, NULL);
  return (const char **) g_ptr_array_free (words, FALSE);
}
