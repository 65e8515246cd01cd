/* test-item-list-search.c: typing in a list's search keeps each position's
 * item, moves those whose row changed, adds or removes only the positions
 * past the shorter list, and shows what a fresh search shows (issue 19) */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "ledger-item.h"
#include "ledger-item-list.h"
#include "ledger-test-db.h"

static const char *const first[] = { "金", "顺", "宝", "林", "石", "佛", "回", "澜" };
static const char *const second[] = { "丰", "盛", "兴", "旺", "福", "康", "瑞", "祥" };
static const char *const trades[] = { "生猪养殖场", "奶牛场", "蛋鸡场" };

typedef struct
{
  char     *dir;
  LedgerDb *db;
} Fixture;

typedef struct
{
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
} Changes;

/* 乐至 + two of first[]/second[] + a trade + a number: names that share
 * prefixes, so typing one narrows step by step */
static void
add_farms (LedgerDb *db,
           guint     n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = ledger_regions_list (db, "village", &error);

  g_assert_no_error (error);
  g_assert_true (ledger_db_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LedgerRecord) farm = ledger_record_new (LEDGER_KIND_FARMS);
      g_autofree char *name = g_strdup_printf ("乐至%s%s%s%u", first[i % 8], second[(i / 8) % 8],
                                               trades[i % 3], i);
      LedgerRegion *village = g_ptr_array_index (villages, i % villages->len);

      ledger_record_set (farm, "name", name);
      ledger_record_set (farm, "operator", "测试农牧有限公司");
      ledger_record_set (farm, "village_code", village->code);
      ledger_record_set (farm, "species", i % 2 ? "pig" : "layer");
      ledger_record_set (farm, "year", "2025");
      ledger_record_set (farm, "stock", i % 5 ? "800" : "20");
      ledger_record_set (farm, "facilities_matched", i % 3 ? "1" : "0");
      g_assert_true (ledger_store_save (db, farm, &error));
    }
  g_assert_true (ledger_db_commit (db, &error));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = ledger_test_new_ledger ("test-item-list-search", "512022", TRUE, &fixture->dir, NULL);
  add_farms (fixture->db, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  ledger_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_emissions++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static LedgerItemList *
new_list (Fixture    *fixture,
          LedgerKind  kind)
{
  g_autoptr (GError) error = NULL;
  LedgerItemList *list = ledger_item_list_new (kind);

  g_assert_true (ledger_item_list_load (list, fixture->db, 2025, &error));
  g_assert_no_error (error);
  return list;
}

/* the uids shown, in order */
static GPtrArray *
dup_shown (LedgerItemList *list)
{
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr (LedgerItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      /* a paced list's positions past its rows are vacated, dropped later */
      if (i >= ledger_item_list_get_n_shown (list))
        {
          g_assert_true (ledger_item_is_vacated (item));
          continue;
        }
      g_ptr_array_add (uids, g_strdup (ledger_item_get_uid (item)));
    }
  return uids;
}

static void
assert_same_uids (GPtrArray *a,
                  GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

/* what a list just loaded shows for @text, with @status */
static GPtrArray *
fresh_search (Fixture    *fixture,
              LedgerKind  kind,
              guint       status,
              const char *text)
{
  g_autoptr (LedgerItemList) list = new_list (fixture, kind);

  ledger_item_list_set_status (list, status);
  ledger_item_list_set_search (list, text);
  return dup_shown (list);
}

static void
on_row_changed (LedgerItem *item,
                guint      *n_moved)
{
  (*n_moved)++;
}

/* Sets @text on @list and checks how the list tells it: the positions
 * before and after both have keep their items (the same objects), each one
 * whose row changed says so once ("row-changed") and no other does; one
 * items-changed adds or removes the positions past the shorter of the two,
 * and none is emitted when the number of rows stays. The rows shown are
 * those of a list just loaded with the same search. */
static void
search_and_check (Fixture        *fixture,
                  LedgerItemList *list,
                  guint           status,
                  const char     *text)
{
  g_autoptr (GPtrArray) before = dup_shown (list);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) expected = fresh_search (fixture, ledger_item_list_get_kind (list), status, text);
  g_autofree guint *n_moved = g_new0 (guint, MAX (before->len, 1));
  Changes changes = { 0 };
  gulong handler;
  guint common;

  for (guint i = 0; i < before->len; i++)
    {
      LedgerItem *item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_ptr_array_add (items, item);
      g_signal_connect (item, "row-changed", G_CALLBACK (on_row_changed), &n_moved[i]);
    }
  handler = g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  ledger_item_list_set_search (list, text);
  g_signal_handler_disconnect (list, handler);
  for (guint i = 0; i < items->len; i++)
    g_signal_handlers_disconnect_by_func (items->pdata[i], on_row_changed, &n_moved[i]);
  after = dup_shown (list);
  assert_same_uids (after, expected);

  common = MIN (before->len, after->len);
  for (guint i = 0; i < common; i++)
    {
      g_autoptr (LedgerItem) now = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_true (now == items->pdata[i]);
      g_assert_cmpuint (n_moved[i], ==, g_str_equal (before->pdata[i], after->pdata[i]) ? 0 : 1);
    }
  if (before->len == after->len)
    {
      g_assert_cmpuint (changes.n_emissions, ==, 0);
      return;
    }
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (changes.position, ==, common);
  g_assert_cmpuint (changes.removed, ==, before->len - common);
  g_assert_cmpuint (changes.added, ==, after->len - common);
}

/* types @text a character at a time, then deletes it again */
static void
type_and_delete (Fixture        *fixture,
                 LedgerItemList *list,
                 guint           status,
                 const char     *text)
{
  glong len = g_utf8_strlen (text, -1);

  for (glong i = 1; i <= 2 * len; i++)
    {
      g_autofree char *prefix = g_utf8_substring (text, 0, i <= len ? i : 2 * len - i);
      search_and_check (fixture, list, status, prefix);
    }
}

static void
test_typing_chinese (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (LedgerItemList) list = new_list (fixture, LEDGER_KIND_FARMS);
  guint n_total = ledger_item_list_get_n_total (list);

  g_assert_cmpuint (n_total, >=, 700);
  type_and_delete (fixture, list, 0, "乐至金康蛋鸡场");
  g_assert_cmpuint (ledger_item_list_get_n_shown (list), ==, n_total);

  /* the narrowing really narrowed: the steps show fewer and fewer rows */
  ledger_item_list_set_search (list, "乐至金");
  g_assert_cmpuint (ledger_item_list_get_n_shown (list), <, n_total);
  g_assert_cmpuint (ledger_item_list_get_n_shown (list), >=, 700 / 8);
  ledger_item_list_set_search (list, "乐至金康");
  g_assert_cmpuint (ledger_item_list_get_n_shown (list), >=, 700 / 64);
  g_assert_cmpuint (ledger_item_list_get_n_shown (list), <, 700 / 8);
}

/* words in any order, pinyin, replacing a word, widening by a word */
static void
test_words_and_pinyin (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (LedgerItemList) list = new_list (fixture, LEDGER_KIND_FARMS);
  const char *const steps[] = {
    "l", "lz", "lzj", "lzjk", "lzj", "lz", "lezhi", "lezhij", "le", "",
    "蛋鸡", "蛋鸡 金", "蛋鸡 金康", "金康 蛋鸡", "金康\u3000蛋鸡", "金康", "金康 5", "金康 50", "金康 5", "康",
    "lzjin", "lzjink", "lzji", "乐至 lz", "乐至 lzsh", "乐至 sh", "养殖场 sh", "养殖场 shun", "zhi", "zh", "z",
    "金康 蛋鸡 金", "nomatch", "nomatchx", "",
  };

  g_autoptr (GString) many = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    search_and_check (fixture, list, 0, steps[i]);

  /* past the 32nd word a word is never taken for pinyin (the first is) */
  g_string_append (many, "lz ");
  for (guint i = 1; i < 32; i++)
    g_string_append (many, "乐至 ");
  g_string_append (many, "l");
  search_and_check (fixture, list, 0, many->str);
  g_string_append (many, "z");
  search_and_check (fixture, list, 0, many->str);
  g_assert_cmpuint (ledger_item_list_get_n_shown (list), ==, 0);
  g_string_truncate (many, many->len - 3);
  search_and_check (fixture, list, 0, many->str);
  g_assert_cmpuint (ledger_item_list_get_n_shown (list), >=, 700);
}

/* a status filter and the search combine, narrowing and widening */
static void
test_with_status (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (LedgerItemList) list = new_list (fixture, LEDGER_KIND_FARMS);
  g_autoptr (GPtrArray) all = NULL;

  ledger_item_list_set_status (list, 3);   /* not matched */
  all = dup_shown (list);
  g_assert_cmpuint (all->len, >, 0);
  g_assert_cmpuint (all->len, <, ledger_item_list_get_n_total (list));
  type_and_delete (fixture, list, 3, "乐至顺福");
  type_and_delete (fixture, list, 3, "lzsf");
}

static void
test_villages (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (LedgerItemList) list = new_list (fixture, LEDGER_KIND_VILLAGES);

  type_and_delete (fixture, list, 0, "天池");
  type_and_delete (fixture, list, 0, "tchi");
}

static void
on_publish_pending (LedgerItemList *list,
                    guint          *n_pending)
{
  (*n_pending)++;
}

/* the positions of @list from @from on whose item is vacated */
static guint
count_vacated (LedgerItemList *list,
               guint           from)
{
  GListModel *model = G_LIST_MODEL (list);
  guint n = 0;

  for (guint i = from; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LedgerItem) item = g_list_model_get_item (model, i);
      n += ledger_item_is_vacated (item);
    }
  return n;
}

/* TRUE when, every row selected, a position past the shown rows reads as
 * selected (it must not: it is vacated) */
static gboolean
sel_is_selected_past_shown (LedgerItemList *list)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (list);
  guint n_shown = ledger_item_list_get_n_shown (list);
  gboolean any = FALSE;

  gtk_selection_model_select_all (selection);
  g_assert_true (n_shown == 0 || gtk_selection_model_is_selected (selection, n_shown - 1));
  for (guint i = n_shown; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    any = any || gtk_selection_model_is_selected (selection, i);
  gtk_selection_model_unselect_all (selection);
  return any;
}

/* Runs a paced list's steps; each drops PUBLISH_STEP (48) vacated positions
 * from the end, or fewer at the last, and adds none. Returns the steps. */
static guint
drop_vacated (LedgerItemList *list,
              Changes        *changes)
{
  GListModel *model = G_LIST_MODEL (list);
  guint steps = 0;

  while (g_list_model_get_n_items (model) > ledger_item_list_get_n_shown (list))
    {
      guint before = g_list_model_get_n_items (model);

      ledger_item_list_publish_step (list);
      g_assert_cmpuint (changes->added, ==, 0);
      g_assert_cmpuint (changes->removed, ==, MIN (48, before - ledger_item_list_get_n_shown (list)));
      g_assert_cmpuint (changes->position + changes->removed, ==, before);
      steps++;
    }
  return steps;
}

/* A paced list (the Ledger page's) hands on new positions a step at a time:
 * the first step a screenful (or 8 more), then each publish step 48 more
 * until 256, then the rest at once. A narrowing drops the positions past
 * 256 at once and keeps the others vacated (hidden by the view), dropped 48
 * a step from the end. Positions away from the view whose row changed are
 * vacated too until a step shows their row again. The rows are those of a
 * fresh search once all steps are done; walking or choosing all rows takes
 * them all at once. */
static void
test_paced (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (LedgerItemList) list = new_list (fixture, LEDGER_KIND_FARMS);
  g_autoptr (GPtrArray) expected = fresh_search (fixture, LEDGER_KIND_FARMS, 0, "乐至");
  GListModel *model = G_LIST_MODEL (list);
  guint n_pending = 0, steps = 0;
  Changes changes = { 0 };

  ledger_item_list_set_paced (list, 10);
  g_signal_connect (list, "publish-pending", G_CALLBACK (on_publish_pending), &n_pending);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpuint (ledger_item_list_get_n_total (list), >, 256);
  /* fetched before, as a view does: the slots the narrowing vacates */
  for (guint i = 0; i < 20; i++)
    g_object_unref (g_list_model_get_item (model, i));
  ledger_item_list_set_search (list, "乐至金康蛋鸡场");
  g_assert_cmpuint (ledger_item_list_get_n_shown (list), <, 10);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 256);
  g_assert_cmpuint (changes.position, ==, 256);
  g_assert_cmpuint (n_pending, ==, 1);
  g_assert_cmpuint (count_vacated (list, 0), ==, 256 - ledger_item_list_get_n_shown (list));
  g_assert_cmpuint (drop_vacated (list, &changes), ==, (256 - ledger_item_list_get_n_shown (list) + 47) / 48);
  g_assert_false (ledger_item_list_publish_step (list));

  ledger_item_list_set_search (list, "乐至");
  g_assert_cmpuint (ledger_item_list_get_n_shown (list), ==, expected->len);
  g_assert_cmpuint (expected->len, >, 300);
  g_assert_cmpuint (n_pending, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, MAX (changes.position + 8, 10));
  g_assert_null (g_list_model_get_item (model, g_list_model_get_n_items (model)));
  while (ledger_item_list_publish_step (list))
    {
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, changes.position + changes.added);
      g_assert_cmpuint (changes.added, ==, 48);
      g_assert_cmpuint (changes.removed, ==, 0);
      steps++;
    }
  g_assert_cmpuint (steps, >, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
  {
    g_autoptr (GPtrArray) shown = dup_shown (list);
    assert_same_uids (shown, expected);
  }

  /* a narrowing: the view's rows move now, those away from it a step later */
  for (guint i = 0; i < 200; i++)
    g_object_unref (g_list_model_get_item (model, i));
  ledger_item_list_set_search (list, "乐至 养殖");
  g_assert_cmpuint (ledger_item_list_get_n_shown (list), >, 200);
  g_assert_cmpuint (count_vacated (list, 0), >, 100);
  g_assert_cmpuint (count_vacated (list, 0), ==, count_vacated (list, 18));
  {
    g_autoptr (GPtrArray) shown = dup_shown (list);
    g_autoptr (GPtrArray) fresh = fresh_search (fixture, LEDGER_KIND_FARMS, 0, "乐至 养殖");
    assert_same_uids (shown, fresh);   /* hidden, but of their new rows */
  }
  while (ledger_item_list_publish_step (list))
    ;
  g_assert_cmpuint (count_vacated (list, 0), ==, 0);

  /* fewer: vacated; publish_all drops them; a widening then walked: all at once */
  ledger_item_list_set_search (list, "乐至金康");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, ledger_item_list_get_n_shown (list));
  g_assert_cmpuint (count_vacated (list, ledger_item_list_get_n_shown (list)),
                    ==, g_list_model_get_n_items (model) - ledger_item_list_get_n_shown (list));
  g_assert_false (sel_is_selected_past_shown (list));
  ledger_item_list_publish_all (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ledger_item_list_get_n_shown (list));
  ledger_item_list_set_search (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), <, ledger_item_list_get_n_shown (list));
  ledger_item_list_publish_all (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ledger_item_list_get_n_shown (list));
  g_assert_cmpuint (count_vacated (list, 0), ==, 0);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/item-list-search/typing-chinese", test_typing_chinese);
  ADD ("/item-list-search/words-and-pinyin", test_words_and_pinyin);
  ADD ("/item-list-search/with-status", test_with_status);
  ADD ("/item-list-search/villages", test_villages);
  ADD ("/item-list-search/paced", test_paced);
  return g_test_run ();
}
