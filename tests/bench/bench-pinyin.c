/* bench-pinyin.c: the pinyin search's cost over N list rows
 *
 * Usage: bench-pinyin [N]
 * Builds N haystacks as the Ledger list keeps them (code, name, operator,
 * village and township, lowercased, '\n' between fields) and times, for
 * queries a person types (lz, laodong, ldz, and one that matches nothing),
 * a pass of ledger_pinyin_match over all of them; the peer is strstr of the
 * same query over the same rows, the plain search the list also runs. Each
 * figure is the best of five passes.
 * Prints `bench-pinyin: N rows, worst query X ms (limit 50 ms a keystroke;
 * peer: strstr Y ms)`.
 */
#include "config.h"

#include <string.h>

#include "ledger-pinyin.h"

static const char *const names[] = { "金顺", "宝林", "石佛", "回澜", "童家", "良安", "天池", "南塔", "劳动", "乐至" };
static const char *const trades[] = { "生猪养殖场", "奶牛场", "肉牛养殖场", "养羊场", "蛋鸡场" };

static char **
make_rows (guint n)
{
  char **rows = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    rows[i] = g_strdup_printf ("l512022%06u-1\n%s%s%s%u\n%s农牧有限公司\n%s村\n%s镇\n", i,
                               names[i % 10], names[(i / 10) % 10], trades[i % 5], i,
                               names[(i / 7) % 10], names[(i / 3) % 10], names[(i / 100) % 10]);
  return rows;
}

/* the best of five passes: the machine is shared, the best is the cost */
static double
time_pass (char     **rows,
           const char *query,
           gboolean    pinyin,
           guint      *matched)
{
  double best = G_MAXDOUBLE;

  for (guint pass = 0; pass < 5; pass++)
    {
      gint64 start = g_get_monotonic_time ();
      *matched = 0;
      for (guint i = 0; rows[i]; i++)
        *matched += pinyin ? ledger_pinyin_match (rows[i], query) : strstr (rows[i], query) != NULL;
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  return best;
}

int
main (int argc, char **argv)
{
  static const char *const queries[] = { "lz", "laodong", "ldz", "qqxq" };
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_auto (GStrv) rows = make_rows (n);
  double worst = 0, peer = 0;
  guint matched, plain_matched;

  ledger_pinyin_readings ('a'); /* the table, loaded once per process */
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double ms = time_pass (rows, queries[q], TRUE, &matched);
      double plain = time_pass (rows, queries[q], FALSE, &plain_matched);
      g_printerr ("bench-pinyin: %-8s %6.1f ms (%u rows match); strstr %.2f ms (%u rows match)\n",
                  queries[q], ms, matched, plain, plain_matched);
      worst = MAX (worst, ms);
      peer = MAX (peer, plain);
    }
  g_print ("bench-pinyin: %u rows, worst query %.1f ms (limit 50 ms a keystroke; peer: strstr %.2f ms)\n",
           n, worst, peer);
  return 0;
}
