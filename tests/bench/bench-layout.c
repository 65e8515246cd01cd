/* bench-layout.c: what finding the layout of an officer's sheet costs
 *
 * A farm sheet as officers keep it (title, 填报单位 line, two-row header with
 * one stock column per species, 序号, villages by name, a 小计 row every
 * 50 rows, footer), N rows (default 100,000), as CSV. Prints the time to
 * detect its layout (header rows, column targets, row classes, year) and,
 * as the peer from the same run, the time to read the file into a table.
 *   bench-layout [N]
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ledger-table-layout.h"

static char *
write_sheet (const char *dir,
             guint       n)
{
  static const char * const villages[] = { "石佛镇,庆云庵村", "佛星,三元桥", "天池街道,黄岭铺村", "中天镇,万安" };
  g_autoptr (GString) csv = g_string_new ("乐至县2025年畜禽规模养殖场粪污资源化利用台账,,,,,,,,,,\n"
                                          "填报单位（盖章）：乐至县农业农村局,,,,,,,,填报日期：2026年1月8日,,\n"
                                          "序号,养殖场名称,所在位置,,存栏量（头/只）,,,,粪污,,利用方式\n"
                                          ",,乡镇（街道）,村（社区）,生猪,奶牛,肉牛,羊,产生量（吨/年）,利用量（吨/年）,\n");
  char *path = g_build_filename (dir, "养殖场台账.csv", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (csv, "%u,乐至%u号养殖场,%s,%u,,,,%u,%u,还田利用\n", i + 1, i,
                              villages[i % G_N_ELEMENTS (villages)], 50 + i % 900, 100 + i % 800, 90 + i % 700);
      if (i % 50 == 49)
        g_string_append (csv, "小计,,,,=SUM(E5:E54),,,,,,\n");
    }
  g_string_append (csv, "填表人：赵六 审核人：钱七 联系电话：0832-3312345,,,,,,,,,,\n");
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return path;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("bench-layout-XXXXXX", NULL);
  g_autofree char *path = write_sheet (dir, n);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = NULL;
  g_autoptr (LedgerTableLayout) layout = NULL;
  gint64 start = g_get_monotonic_time ();
  double read_s, detect_s;
  guint n_data = 0;

  table = ledger_table_read_file (path, NULL, &error);
  g_assert_no_error (error);
  read_s = (g_get_monotonic_time () - start) / 1e6;
  start = g_get_monotonic_time ();
  layout = ledger_table_layout_detect (table, LEDGER_KIND_FARMS);
  detect_s = (g_get_monotonic_time () - start) / 1e6;
  for (guint r = 0; r < layout->n_rows; r++)
    n_data += layout->row_classes[r] == LEDGER_ROW_DATA;
  g_assert_cmpuint (n_data, ==, n);
  g_print ("bench-layout: %u rows: layout found in %.2f s (reading the file: %.2f s)\n", n, detect_s, read_s);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
