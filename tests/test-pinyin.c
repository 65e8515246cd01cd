/* test-pinyin.c: finding names by pinyin, full and initials */
#include "config.h"

#include <string.h>

#include "ledger-pinyin.h"

typedef struct
{
  const char *text;
  const char *needle;
  gboolean    matches;
} Case;

static const Case cases[] = {
  /* full pinyin and initials */
  { "乐至县", "lezhi", TRUE },
  { "乐至县", "lz", TRUE },
  { "乐至县", "lzx", TRUE },
  { "乐至县", "lezhixian", TRUE },
  { "劳动镇", "ldz", TRUE },
  { "劳动镇", "laodong", TRUE },
  { "劳动镇", "laodongzhen", TRUE },
  /* mixed, and the last syllable typed halfway */
  { "劳动镇", "laodz", TRUE },
  { "劳动镇", "ldzh", TRUE },
  { "劳动镇", "laodo", TRUE },
  /* zh/ch/sh as an initial */
  { "乐至县", "lzhx", TRUE },
  /* a run anywhere in the text, and across nothing else */
  { "石佛镇三元桥村", "syq", TRUE },
  { "石佛镇三元桥村", "sanyuanqiao", TRUE },
  { "石佛镇\n三元桥村", "zs", FALSE },
  /* polyphonic characters: every reading counts (乐: le, yue) */
  { "乐至县", "yuezhi", TRUE },
  { "音乐厅", "yinyue", TRUE },
  /* ü typed as v or u */
  { "吕家沟", "lvjg", TRUE },
  { "吕家沟", "lujiagou", TRUE },
  /* not matching */
  { "乐至县", "lezhu", FALSE },
  { "乐至县", "zl", FALSE },
  { "劳动镇", "ldx", FALSE },
  /* a middle syllable may not be cut short (l-a-o-d… is laod, not la+od) */
  { "劳动镇", "ladz", FALSE },
  /* ASCII in the text matches itself */
  { "L512022-养殖场", "lyzc", FALSE },
  { "L512022-养殖场", "yzc", TRUE },
  { "abc养殖场", "cyz", TRUE },
  { "", "lz", FALSE },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean got = ledger_pinyin_match (cases[i].text, cases[i].needle);
      if (got != cases[i].matches)
        g_error ("“%s” by “%s”: expected %s", cases[i].text, cases[i].needle,
                 cases[i].matches ? "a match" : "none");
    }
}

static void
test_is_query (void)
{
  g_assert_true (ledger_pinyin_is_query ("lz"));
  g_assert_true (ledger_pinyin_is_query ("LeZhi"));
  g_assert_false (ledger_pinyin_is_query ("l"));
  g_assert_false (ledger_pinyin_is_query ("l51"));
  g_assert_false (ledger_pinyin_is_query ("乐至"));
  g_assert_false (ledger_pinyin_is_query (""));
  g_assert_false (ledger_pinyin_is_query (NULL));
}

static void
test_table (void)
{
  const char *const *le = ledger_pinyin_readings (g_utf8_get_char ("乐"));
  g_autofree char *joined = NULL;

  g_assert_nonnull (le);
  joined = g_strjoinv (" ", (char **) le);
  g_assert_nonnull (strstr (joined, "le"));
  g_assert_nonnull (strstr (joined, "yue"));
  g_assert_null (ledger_pinyin_readings ('a'));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pinyin/cases", test_cases);
  g_test_add_func ("/pinyin/is-query", test_is_query);
  g_test_add_func ("/pinyin/table", test_table);
  return g_test_run ();
}
