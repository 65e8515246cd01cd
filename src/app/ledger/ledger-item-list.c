/* ledger-item-list.c: one kind's rows as a lazy, filtered, sorted list model */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ledger-item-list.h"
#include "ledger-item-private.h"
#include "ledger-pinyin.h"

#define NO_ROW G_MAXUINT

/* A paced list (the Ledger page's) that shows more rows after a search hands
 * GTK a screenful of new positions (at least FIRST_STEP) in the keystroke's
 * frame and then PUBLISH_STEP a frame, as its view asks
 * (ledger_item_list_publish_step() from a tick callback): GTK 4.8's list
 * view makes a row of cells for each new position near the top (about 200
 * of them), which took a whole keystroke at once. Past ROWS_GTK_BUILDS
 * positions the rest come at once: GTK makes no rows for them.
 * Showing fewer rows, it drops the positions past ROWS_GTK_BUILDS at once and
 * keeps the others "vacated" (their row widgets hidden), dropped
 * PUBLISH_STEP a frame from the end: GTK destroys a row of cells per
 * position dropped, 175 of them took most of a keystroke. */
#define FIRST_STEP 8
#define PUBLISH_STEP 48
#define ROWS_GTK_BUILDS 256

struct _LedgerItemList
{
  GObject         parent_instance;

  LedgerKind      kind;
  LedgerRows     *rows;        /* NULL: nothing loaded */
  guint          *order;       /* every row, in sort order */
  guint          *shown;       /* the rows passing the filters, in sort order */
  guint           n_shown;
  guint           n_published; /* the positions the model has: the first
                                * n_shown of them, or all of them and vacated
                                * ones past them (see ROWS_GTK_BUILDS) */
  gboolean        paced;       /* new positions a step a frame */
  guint           rows_in_view; /* a paced list's first step: a screenful */
  guint           first_in_view; /* the first position on screen */
  guint           refill_from; /* positions from here on may have slots
                                * hidden until refilled (see near_view), or
                                * NO_ROW */
  GPtrArray      *slots;       /* position → its LedgerItem (or NULL), moved
                                * to another row when the shown rows change */

  GStrv           needles;     /* lowercase words of the search text */
  guint32         pinyin_needles; /* bit i: needles[i] may be pinyin (lz, laodong) */
  char           *township;
  GHashTable     *only;        /* uids shown, or NULL: every row */
  guint           status;
  char           *village;     /* village name shown only, or NULL */
  char           *operator;    /* 运维单位 / 经营主体 shown only, or NULL */
  LedgerColumnId  sort_column;
  gboolean        descending;

  guint8         *chosen;      /* per row of the load: selected */
  guint           n_chosen;
  guint           selected_row;
  char           *selected_uid;
};

enum { SIGNAL_USER_SELECTED, SIGNAL_PUBLISH_PENDING, SIGNAL_SHOWN_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

static void
unref_slot (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LedgerItemList, ledger_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

/* ---- GListModel ---- */

static GType
list_get_item_type (GListModel *model)
{
  return LEDGER_TYPE_ITEM;
}

static guint
list_get_n_items (GListModel *model)
{
  return LEDGER_ITEM_LIST (model)->n_published;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  LedgerItemList *self = LEDGER_ITEM_LIST (model);

  if (position >= self->n_published)
    return NULL;
  if (position >= self->slots->len)
    g_ptr_array_set_size (self->slots, position + 1);
  if (self->slots->pdata[position] == NULL)
    {
      self->slots->pdata[position] = ledger_item_new_slot (self->rows,
                                                           position < self->n_shown ? self->shown[position] : 0);
      if (position >= self->n_shown)
        ledger_item_vacate (self->slots->pdata[position]);
    }
  return g_object_ref (self->slots->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

/* ---- GtkSelectionModel: many rows; one of them is the current row ----
 *
 * chosen[] marks the selected rows of the load (by row, so a selection
 * follows its rows through filtering and sorting); selected_row is the row
 * the detail pane shows, the last one clicked. */

static int
position_of_row (LedgerItemList *self,
                 guint           row)
{
  if (row == NO_ROW)
    return -1;
  for (guint i = 0; i < self->n_shown; i++)
    if (self->shown[i] == row)
      return i;
  return -1;
}

static gboolean
sel_is_selected (GtkSelectionModel *model,
                 guint              position)
{
  LedgerItemList *self = LEDGER_ITEM_LIST (model);

  return position < MIN (self->n_published, self->n_shown) && self->chosen[self->shown[position]];
}

static void
set_current (LedgerItemList *self,
             guint           row)
{
  self->selected_row = row;
  g_clear_pointer (&self->selected_uid, g_free);
  if (row != NO_ROW)
    self->selected_uid = g_strdup (ledger_list_data_get (self->rows->data, row, LEDGER_LIST_UID));
}

static void
choose (LedgerItemList *self,
        guint           row,
        gboolean        yes)
{
  if (self->chosen[row] == yes)
    return;
  self->chosen[row] = yes;
  self->n_chosen += yes ? 1 : -1;
}

static void
unchoose_all (LedgerItemList *self)
{
  guint n_rows = self->rows ? self->rows->n_rows : 0;

  memset (self->chosen, 0, MAX (n_rows, 1));
  self->n_chosen = 0;
}

/* selects @row alone (NO_ROW: nothing) and makes it the current row */
static void
change_selection (LedgerItemList *self,
                  guint           row)
{
  int old_pos = position_of_row (self, self->selected_row);
  int new_pos = position_of_row (self, row);
  gboolean many = self->n_chosen > 1 || (self->n_chosen == 1 && (self->selected_row == NO_ROW ||
                                                                 !self->chosen[self->selected_row]));

  if (self->rows == NULL)
    {
      set_current (self, NO_ROW);
      return;
    }
  unchoose_all (self);
  if (row != NO_ROW)
    choose (self, row, TRUE);
  set_current (self, row);
  if (many)
    {
      if (self->n_published > 0)
        gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, self->n_published);
      return;
    }
  if (old_pos >= 0 && (guint) old_pos < self->n_published)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old_pos, 1);
  if (new_pos >= 0 && new_pos != old_pos && (guint) new_pos < self->n_published)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), new_pos, 1);
}

static gboolean
sel_select_item (GtkSelectionModel *model,
                 guint              position,
                 gboolean           unselect_rest)
{
  LedgerItemList *self = LEDGER_ITEM_LIST (model);
  guint row;

  if (position >= MIN (self->n_published, self->n_shown))
    return FALSE;
  row = self->shown[position];
  if (unselect_rest)
    {
      if (row != self->selected_row || self->n_chosen != 1)
        change_selection (self, row);
    }
  else
    {
      /* Ctrl+click: adds the row, which becomes the current one */
      choose (self, row, TRUE);
      if (row != self->selected_row)
        set_current (self, row);
      gtk_selection_model_selection_changed (model, position, 1);
    }
  g_signal_emit (self, signals[SIGNAL_USER_SELECTED], 0, self->selected_uid);
  return TRUE;
}

static gboolean
sel_unselect_item (GtkSelectionModel *model,
                   guint              position)
{
  LedgerItemList *self = LEDGER_ITEM_LIST (model);

  if (!sel_is_selected (model, position))
    return TRUE;
  choose (self, self->shown[position], FALSE);
  if (self->shown[position] == self->selected_row)
    set_current (self, NO_ROW);
  gtk_selection_model_selection_changed (model, position, 1);
  return TRUE;
}

static gboolean
sel_select_range (GtkSelectionModel *model,
                  guint              position,
                  guint              n_items,
                  gboolean           unselect_rest)
{
  LedgerItemList *self = LEDGER_ITEM_LIST (model);

  if (self->rows == NULL)
    return FALSE;
  if (unselect_rest)
    unchoose_all (self);
  for (guint i = position; i < position + n_items && i < self->n_shown; i++)
    choose (self, self->shown[i], TRUE);
  if (self->selected_row != NO_ROW && !self->chosen[self->selected_row])
    set_current (self, NO_ROW);
  if (self->n_published > 0)
    gtk_selection_model_selection_changed (model, 0, self->n_published);
  return TRUE;
}

static gboolean
sel_unselect_range (GtkSelectionModel *model,
                    guint              position,
                    guint              n_items)
{
  LedgerItemList *self = LEDGER_ITEM_LIST (model);

  for (guint i = position; i < position + n_items && i < MIN (self->n_published, self->n_shown); i++)
    choose (self, self->shown[i], FALSE);
  if (self->selected_row != NO_ROW && !self->chosen[self->selected_row])
    set_current (self, NO_ROW);
  if (n_items > 0 && position < self->n_published)
    gtk_selection_model_selection_changed (model, position, MIN (n_items, self->n_published - position));
  return TRUE;
}

static gboolean
sel_select_all (GtkSelectionModel *model)
{
  LedgerItemList *self = LEDGER_ITEM_LIST (model);

  return sel_select_range (model, 0, self->n_shown, FALSE);
}

static gboolean
sel_unselect_all (GtkSelectionModel *model)
{
  change_selection (LEDGER_ITEM_LIST (model), NO_ROW);
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = sel_is_selected;
  iface->select_item = sel_select_item;
  iface->unselect_item = sel_unselect_item;
  iface->select_range = sel_select_range;
  iface->unselect_range = sel_unselect_range;
  iface->select_all = sel_select_all;
  iface->unselect_all = sel_unselect_all;
}

/* ---- filtering ---- */

/* the list data's column of 运维单位 (facilities) or 经营主体 (farms), else 0 */
static guint
operator_column (LedgerKind kind)
{
  int column = ledger_list_column (kind, "operator");

  return MAX (column, 0);
}

/* bit @i of @bits: needle i may be pinyin (only the first 32 can) */
static inline gboolean
needle_bit (guint32 bits,
            guint   i)
{
  return i < 32 && (bits & (1u << i)) != 0;
}

static gboolean
row_passes (LedgerItemList *self,
            guint           row)
{
  const LedgerRowInfo *info = &self->rows->info[row];
  const char *hay;

  if (self->status > 0 && !(info->category & (1 << (self->status - 1))))
    return FALSE;
  if (self->township &&
      g_strcmp0 (ledger_list_data_get (self->rows->data, row, LEDGER_LIST_TOWNSHIP_CODE), self->township) != 0)
    return FALSE;
  if (self->only &&
      !g_hash_table_contains (self->only, ledger_list_data_get (self->rows->data, row, LEDGER_LIST_UID)))
    return FALSE;
  if (self->village &&
      g_strcmp0 (ledger_list_data_get (self->rows->data, row, LEDGER_LIST_VILLAGE_NAME), self->village) != 0)
    return FALSE;
  if (self->operator &&
      g_strcmp0 (ledger_list_data_get (self->rows->data, row, operator_column (self->kind)), self->operator) != 0)
    return FALSE;
  if (self->needles == NULL)
    return TRUE;
  hay = self->rows->haystack + info->hay;
  for (guint i = 0; self->needles[i]; i++)
    if (strstr (hay, self->needles[i]) == NULL &&
        !(needle_bit (self->pinyin_needles, i) && ledger_pinyin_match (hay, self->needles[i])))
      return FALSE;
  return TRUE;
}

/* TRUE when position @p is on screen or next to it. GTK 4.8 keeps a row of
 * cells for about 200 positions; refilling them all after a keystroke
 * (new text, measured again) was most of its time, so a paced list shows
 * the others' new rows a step a frame after (refill_step), hidden until then. */
static gboolean
near_view (LedgerItemList *self,
           guint           p)
{
  guint lo = self->first_in_view > FIRST_STEP ? self->first_in_view - FIRST_STEP : 0;

  return !self->paced || (p >= lo && p < self->first_in_view + self->rows_in_view + FIRST_STEP);
}

/* Moves the items of the positions both old and new rows have to their new
 * rows ("row-changed": their row widgets show the new row, none is made or
 * dropped; GTK 4.8's list view keeps no spare rows, and remaking 200 rows
 * of cells was most of a keystroke) and returns how many changed, from
 * @first on. */
static guint
move_slots (LedgerItemList *self,
            const guint    *shown,
            guint           first,
            guint           common)
{
  guint last_changed = first;

  for (guint p = first; p < common; p++)
    {
      LedgerItem *item = p < self->slots->len ? self->slots->pdata[p] : NULL;

      if (p < self->n_shown && shown[p] == self->shown[p])
        continue;
      last_changed = p + 1;
      if (item == NULL)
        continue;
      if (near_view (self, p))
        ledger_item_set_row (item, shown[p]);
      else
        {
          ledger_item_defer_row (item, shown[p]);
          self->refill_from = MIN (self->refill_from, p);
        }
    }
  return last_changed - first;
}

/* hides the row widgets of positions [@from, @to), dropped later */
static void
vacate_slots (LedgerItemList *self,
              guint           from,
              guint           to)
{
  for (guint p = from; p < MIN (to, self->slots->len); p++)
    if (self->slots->pdata[p] != NULL)
      ledger_item_vacate (self->slots->pdata[p]);
}

/* Shows the new rows of up to PUBLISH_STEP slots hidden by move_slots */
static void
refill_step (LedgerItemList *self)
{
  guint end = MIN (MIN (self->n_shown, self->n_published), self->slots->len);
  guint done = 0, p;

  for (p = self->refill_from; p < end && done < PUBLISH_STEP; p++)
    {
      LedgerItem *item = self->slots->pdata[p];

      if (item != NULL && ledger_item_is_vacated (item))
        {
          ledger_item_set_row (item, self->shown[p]);
          done++;
        }
    }
  self->refill_from = p < end ? p : NO_ROW;
}

static gboolean
steps_left (LedgerItemList *self)
{
  return self->refill_from != NO_ROW || self->n_published != self->n_shown;
}

/* Adds positions up to @n_published to the model, or drops the vacated
 * ones past it (one items-changed) */
static void
publish (LedgerItemList *self,
         guint           n_published)
{
  guint old = self->n_published;

  self->n_published = n_published;
  if (self->slots->len > n_published)
    g_ptr_array_set_size (self->slots, n_published);
  if (n_published > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n_published - old);
  else if (n_published < old)
    g_list_model_items_changed (G_LIST_MODEL (self), n_published, old - n_published, 0);
}

static guint
next_published (LedgerItemList *self)
{
  guint next = self->n_published + PUBLISH_STEP;

  if (self->n_published > self->n_shown)
    return self->n_published - MIN (PUBLISH_STEP, self->n_published - self->n_shown);
  return next >= ROWS_GTK_BUILDS ? self->n_shown : MIN (next, self->n_shown);
}

/**
 * ledger_item_list_publish_step:
 *
 * Gives the model the next step of a paced list's shown rows.
 *
 * Returns: whether rows are left for a later step
 */
gboolean
ledger_item_list_publish_step (LedgerItemList *self)
{
  if (self->refill_from != NO_ROW)
    refill_step (self);
  else
    publish (self, next_published (self));
  return steps_left (self);
}

/* A list paced by its view: see PUBLISH_STEP; "publish-pending" asks for
 * ledger_item_list_publish_step() until it returns FALSE. A search's first
 * step fills @rows_in_view, what the view shows at once. */
void
ledger_item_list_set_paced (LedgerItemList *self,
                            guint           rows_in_view)
{
  self->paced = rows_in_view > 0;
  self->rows_in_view = rows_in_view;
}

/* the first position a paced list's view shows: see near_view() */
void
ledger_item_list_set_view_start (LedgerItemList *self,
                                 guint           first)
{
  self->first_in_view = first;
}

/**
 * ledger_item_list_publish_all:
 *
 * Gives the model every shown row now, not a frame's worth at a time: for
 * what walks the items or a position past those given (copying, exporting,
 * editing the chosen rows, scrolling to a row). Not from a handler of the
 * model's own signals.
 */
void
ledger_item_list_publish_all (LedgerItemList *self)
{
  publish (self, self->n_shown);
  while (self->refill_from != NO_ROW)
    refill_step (self);
}

/* the positions a paced list gives GTK at once: a screenful more, or, for
 * fewer rows, all but those GTK has no rows of cells for (the others are
 * vacated and dropped a step a frame) */
static guint
target_published (LedgerItemList *self,
                  guint           old_n,
                  guint           n,
                  gboolean        all_changed)
{
  if (all_changed || !self->paced)
    return n;
  if (n >= old_n)
    return MIN (n, MAX (old_n + FIRST_STEP, self->rows_in_view));
  return MAX (n, MIN (old_n, ROWS_GTK_BUILDS));
}

/* Makes @shown (@n rows) the shown rows. The published positions both have
 * keep their items, moved to their new rows (near the view now, the others
 * a step a frame after); one items-changed removes the positions past @n
 * (a paced list: those past ROWS_GTK_BUILDS, vacating the others), or adds
 * new ones (a paced list: a screenful now); "publish-pending" asks for the
 * rest. One selection-changed covers the moved positions. @all_changed (a
 * new load): every position is new, all at once. */
static void
replace_shown (LedgerItemList *self,
               guint          *shown,
               guint           n,
               gboolean        all_changed)
{
  guint old_n = self->n_published, common = MIN (old_n, n), prefix = 0, moved = 0;
  guint published = target_published (self, old_n, n, all_changed);
  guint from = MIN (old_n, published);

  if (all_changed)
    {
      g_ptr_array_set_size (self->slots, 0);
      self->refill_from = NO_ROW;
    }
  else
    {
      while (prefix < common && prefix < self->n_shown && shown[prefix] == self->shown[prefix])
        prefix++;
      moved = move_slots (self, shown, prefix, common);
      vacate_slots (self, n, published);
      if (self->slots->len > published)
        g_ptr_array_set_size (self->slots, published);
    }
  g_free (self->shown);
  self->shown = shown;
  self->n_shown = n;
  self->n_published = published;
  if (all_changed && (old_n > 0 || n > 0))
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, n);
  else if (old_n != published)
    g_list_model_items_changed (G_LIST_MODEL (self), from, old_n - from, published - from);
  if (moved > 0 && self->n_chosen > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), prefix, moved);
  g_signal_emit (self, signals[SIGNAL_SHOWN_CHANGED], 0);
  if (steps_left (self))
    g_signal_emit (self, signals[SIGNAL_PUBLISH_PENDING], 0);
}

/* Recomputes the shown rows from the sort order: every row is tested. */
static void
refilter (LedgerItemList *self,
          gboolean        all_changed)
{
  guint n_rows = self->rows ? self->rows->n_rows : 0;
  guint *shown = g_new (guint, MAX (n_rows, 1));
  guint n = 0;

  for (guint i = 0; i < n_rows; i++)
    if (row_passes (self, self->order[i]))
      shown[n++] = self->order[i];
  replace_shown (self, shown, n, all_changed);
}

/* Narrows the shown rows: only the rows shown now are tested, in their
 * order, for a change that can only take rows away (see search_narrows). */
static void
refilter_shown (LedgerItemList *self)
{
  guint *shown = g_new (guint, MAX (self->n_shown, 1));
  guint n = 0;

  for (guint i = 0; i < self->n_shown; i++)
    if (row_passes (self, self->shown[i]))
      shown[n++] = self->shown[i];
  replace_shown (self, shown, n, FALSE);
}

/* TRUE when every text passing the search word @word (a pinyin query when
 * @pinyin) passes @old (a pinyin query when @old_pinyin) too: the text holds
 * @old wherever it holds @word, and whatever a pinyin @word spells, a start
 * of it is spelled too (ledger_pinyin_match takes any start of a reading
 * last), so @old when it is that start and a pinyin query itself. */
static gboolean
word_implies (const char *word,
              gboolean    pinyin,
              const char *old,
              gboolean    old_pinyin)
{
  if (strstr (word, old) == NULL)
    return FALSE;
  return !pinyin || (old_pinyin && g_str_has_prefix (word, old));
}

/* TRUE when the search @needles (pinyin bits @pinyin) can only show fewer
 * rows than the current one: each current word is implied by a new one. */
static gboolean
search_narrows (LedgerItemList *self,
                GStrv           needles,
                guint32         pinyin)
{
  if (self->needles == NULL)
    return TRUE;
  if (needles == NULL)
    return FALSE;
  for (guint i = 0; self->needles[i]; i++)
    {
      gboolean implied = FALSE;

      for (guint j = 0; needles[j] && !implied; j++)
        implied = word_implies (needles[j], needle_bit (pinyin, j),
                                self->needles[i], needle_bit (self->pinyin_needles, i));
      if (!implied)
        return FALSE;
    }
  return TRUE;
}

/* Returns: (nullable): the lowercase words of @text; bit i of @pinyin set
 * when word i may be pinyin (lz, laodong) */
static GStrv
split_search (const char *text,
              guint32    *pinyin)
{
  g_autofree char *down = text ? g_utf8_strdown (text, -1) : NULL;
  g_auto (GStrv) words = NULL;
  g_autoptr (GStrvBuilder) needles = g_strv_builder_new ();
  guint n = 0;
  char *space;

  /* the ideographic space of Chinese input methods separates words too */
  while (down && (space = strstr (down, "\u3000")))
    memset (space, ' ', 3);
  words = down ? g_strsplit_set (down, " \t\n", -1) : NULL;

  *pinyin = 0;
  for (guint i = 0; words && words[i]; i++)
    if (*words[i])
      {
        if (n < 32 && ledger_pinyin_is_query (words[i]))
          *pinyin |= 1u << n;
        g_strv_builder_add (needles, words[i]);
        n++;
      }
  return n > 0 ? g_strv_builder_end (needles) : NULL;
}

/* Typing on narrows the shown rows in place (only they are tested);
 * deleting tests every row again. Either way one items-changed, for the
 * range that differs. */
void
ledger_item_list_set_search (LedgerItemList *self,
                             const char     *text)
{
  guint32 pinyin;
  GStrv needles = split_search (text, &pinyin);
  gboolean narrows = self->rows != NULL && search_narrows (self, needles, pinyin);

  g_strfreev (self->needles);
  self->needles = needles;
  self->pinyin_needles = pinyin;
  if (narrows)
    refilter_shown (self);
  else
    refilter (self, FALSE);
}

void
ledger_item_list_set_township (LedgerItemList *self,
                               const char     *code_or_null)
{
  if (code_or_null && *code_or_null == '\0')
    code_or_null = NULL;
  if (g_strcmp0 (self->township, code_or_null) == 0)
    return;
  g_free (self->township);
  self->township = g_strdup (code_or_null);
  refilter (self, FALSE);
}

/* @uids: (nullable): the uids to show (villages: codes), NULL for all */
void
ledger_item_list_set_only (LedgerItemList *self,
                           GHashTable     *uids)
{
  if (self->only == uids)
    return;
  g_clear_pointer (&self->only, g_hash_table_unref);
  self->only = uids ? g_hash_table_ref (uids) : NULL;
  refilter (self, FALSE);
}

static void
set_text_filter (LedgerItemList  *self,
                 char           **filter,
                 const char      *value)
{
  if (value && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*filter, value) == 0)
    return;
  g_free (*filter);
  *filter = g_strdup (value);
  refilter (self, FALSE);
}

/* @name: (nullable): only the rows of the village of that name */
void
ledger_item_list_set_village (LedgerItemList *self,
                              const char     *name)
{
  set_text_filter (self, &self->village, name);
}

/* @name: (nullable): only the rows of that 运维单位 (facilities) or 经营主体 (farms) */
void
ledger_item_list_set_operator (LedgerItemList *self,
                               const char     *name)
{
  if (operator_column (self->kind) != 0)
    set_text_filter (self, &self->operator, name);
}

typedef struct
{
  char       *key;     /* collation key */
  const char *value;
} Choice;

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Choice *) a)->key, ((const Choice *) b)->key);
}

/**
 * ledger_item_list_dup_choices:
 * @village: TRUE: the village names, FALSE: the operators
 *
 * Returns: (transfer full): the distinct values of the rows in the chosen
 *   township (every row when none), sorted for reading
 */
GStrv
ledger_item_list_dup_choices (LedgerItemList *self,
                              gboolean        village)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  guint column = village ? LEDGER_LIST_VILLAGE_NAME : operator_column (self->kind);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint r = 0; self->rows && column != 0 && r < self->rows->n_rows; r++)
    {
      const char *value = ledger_list_data_get (self->rows->data, r, column);
      Choice choice;

      if (value == NULL || g_hash_table_contains (seen, value) ||
          (self->township && g_strcmp0 (ledger_list_data_get (self->rows->data, r, LEDGER_LIST_TOWNSHIP_CODE),
                                        self->township) != 0))
        continue;
      g_hash_table_add (seen, (gpointer) value);
      choice = (Choice) { g_utf8_collate_key (value, -1), value };
      g_array_append_val (choices, choice);
    }
  g_array_sort (choices, compare_choices);
  for (guint i = 0; i < choices->len; i++)
    {
      g_strv_builder_add (builder, g_array_index (choices, Choice, i).value);
      g_free (g_array_index (choices, Choice, i).key);
    }
  return g_strv_builder_end (builder);
}

void
ledger_item_list_set_status (LedgerItemList *self,
                             guint           option)
{
  if (self->status == option)
    return;
  self->status = option;
  refilter (self, FALSE);
}

static void
add_enum_labels (GStrvBuilder *builder,
                 const char   *enum_name)
{
  const LedgerEnum *e = ledger_enum_by_name (enum_name);

  for (guint i = 0; i < e->n_values; i++)
    g_strv_builder_add (builder, ledger_enum_display (e, e->values[i].key));
}

GStrv
ledger_item_list_status_options (LedgerKind kind)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, _("All"));
  switch (kind)
    {
    case LEDGER_KIND_VILLAGES:
      g_strv_builder_add (builder, _("Effective"));
      g_strv_builder_add (builder, _("Not effective"));
      g_strv_builder_add (builder, _("No record"));
      break;
    case LEDGER_KIND_FACILITIES:
      add_enum_labels (builder, "facility_status");
      break;
    case LEDGER_KIND_FARMS:
      g_strv_builder_add (builder, _("Scale farms"));
      g_strv_builder_add (builder, _("Facilities matched"));
      g_strv_builder_add (builder, _("Not matched"));
      g_strv_builder_add (builder, _("Scale farms not matched"));
      break;
    case LEDGER_KIND_WATER_BODIES:
      add_enum_labels (builder, "water_status");
      break;
    default:
      break;
    }
  return g_strv_builder_end (builder);
}

/* ---- sorting ---- */

typedef struct
{
  const double *num;
  char *const  *text;
  int           sign;
} SortContext;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortContext *ctx = user_data;
  guint ra = *(const guint *) a, rb = *(const guint *) b;
  int c = 0;

  if (ctx->num)
    {
      double x = ctx->num[ra], y = ctx->num[rb];
      if (isnan (x) || isnan (y))
        c = isnan (x) - isnan (y);   /* blanks last either way */
      else
        c = ctx->sign * ((x > y) - (x < y));
    }
  else if (ctx->text)
    {
      const char *x = ctx->text[ra], *y = ctx->text[rb];
      if (x == NULL || y == NULL)
        c = (x == NULL) - (y == NULL);
      else
        c = ctx->sign * strcmp (x, y);
    }
  return c != 0 ? c : (ra > rb) - (ra < rb);
}

static gboolean
column_is_numeric (LedgerKind     kind,
                   LedgerColumnId column)
{
  guint n;
  const LedgerColumnSpec *specs = ledger_item_columns (kind, &n);

  for (guint i = 0; i < n; i++)
    if (specs[i].id == column)
      return specs[i].numeric;
  return FALSE;
}

/* Sort keys are computed the first time a load is sorted by a column. */
static void
ensure_keys (LedgerRows     *rows,
             LedgerColumnId  column,
             SortContext    *ctx)
{
  if (column_is_numeric (rows->kind, column))
    {
      if (rows->num_keys[column] == NULL)
        {
          rows->num_keys[column] = g_new (double, MAX (rows->n_rows, 1));
          for (guint r = 0; r < rows->n_rows; r++)
            rows->num_keys[column][r] = ledger_rows_number (rows, r, column);
        }
      ctx->num = rows->num_keys[column];
      return;
    }
  if (rows->text_keys[column] == NULL)
    {
      rows->text_keys[column] = g_new0 (char *, MAX (rows->n_rows, 1));
      for (guint r = 0; r < rows->n_rows; r++)
        {
          g_autofree char *text = ledger_rows_dup_text (rows, r, column);
          rows->text_keys[column][r] = text && *text ? g_utf8_collate_key (text, -1) : NULL;
        }
    }
  ctx->text = rows->text_keys[column];
}

static void
sort_order (LedgerItemList *self)
{
  SortContext ctx = { NULL, NULL, self->descending ? -1 : 1 };
  guint n = self->rows ? self->rows->n_rows : 0;

  g_free (self->order);
  self->order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->order[i] = self->descending && self->sort_column == LEDGER_N_COLUMNS ? n - 1 - i : i;
  if (n == 0 || self->sort_column >= LEDGER_N_COLUMNS)
    return;
  ensure_keys (self->rows, self->sort_column, &ctx);
  g_qsort_with_data (self->order, n, sizeof (guint), compare_rows, &ctx);
}

void
ledger_item_list_sort (LedgerItemList *self,
                       LedgerColumnId  column,
                       gboolean        descending)
{
  if (self->sort_column == column && self->descending == descending)
    return;
  self->sort_column = column;
  self->descending = descending;
  sort_order (self);
  refilter (self, FALSE);
}

/* ---- loading ---- */

static guint
find_row (LedgerRows *rows,
          const char *uid)
{
  if (rows == NULL || uid == NULL)
    return NO_ROW;
  for (guint r = 0; r < rows->n_rows; r++)
    if (g_strcmp0 (ledger_list_data_get (rows->data, r, LEDGER_LIST_UID), uid) == 0)
      return r;
  return NO_ROW;
}

/* the uids of the chosen rows, when more than the current one */
static GHashTable *
dup_chosen_uids (LedgerItemList *self)
{
  GHashTable *uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; self->rows && self->n_chosen > 1 && r < self->rows->n_rows; r++)
    if (self->chosen[r])
      g_hash_table_add (uids, g_strdup (ledger_list_data_get (self->rows->data, r, LEDGER_LIST_UID)));
  return uids;
}

static void
set_rows (LedgerItemList *self,
          LedgerRows     *rows)
{
  g_autoptr (GHashTable) uids = dup_chosen_uids (self);
  guint n_rows = rows ? rows->n_rows : 0;

  g_clear_pointer (&self->rows, ledger_rows_unref);
  self->rows = rows;
  g_free (self->chosen);
  self->chosen = g_new0 (guint8, MAX (n_rows, 1));
  self->n_chosen = 0;
  for (guint r = 0; g_hash_table_size (uids) > 0 && r < n_rows; r++)
    if (g_hash_table_contains (uids, ledger_list_data_get (rows->data, r, LEDGER_LIST_UID)))
      choose (self, r, TRUE);
  self->selected_row = find_row (rows, self->selected_uid);
  if (self->selected_row == NO_ROW)
    g_clear_pointer (&self->selected_uid, g_free);
  else
    choose (self, self->selected_row, TRUE);
  sort_order (self);
  refilter (self, TRUE);
}

gboolean
ledger_item_list_load (LedgerItemList *self,
                       LedgerDb       *db,
                       int             year,
                       GError        **error)
{
  g_autoptr (LedgerListData) data = NULL;
  g_autoptr (LedgerRules) rules = NULL;

  if (db == NULL)
    {
      set_rows (self, NULL);
      return TRUE;
    }
  if (year <= 0)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      year = g_date_time_get_year (now);
    }
  rules = ledger_rules_load (db, error);
  if (rules == NULL)
    return FALSE;
  data = ledger_list_data_load (db, self->kind, year, error);
  if (data == NULL)
    return FALSE;
  set_rows (self, ledger_rows_new (data, rules, year));
  return TRUE;
}

gboolean
ledger_item_list_is_loaded (LedgerItemList *self)
{
  return self->rows != NULL;
}

guint
ledger_item_list_get_n_total (LedgerItemList *self)
{
  return self->rows ? self->rows->n_rows : 0;
}

guint
ledger_item_list_get_n_shown (LedgerItemList *self)
{
  return self->n_shown;
}

int
ledger_item_list_find (LedgerItemList *self,
                       const char     *uid)
{
  return position_of_row (self, find_row (self->rows, uid));
}

/**
 * ledger_item_list_get_chosen:
 *
 * Returns: (transfer full): the positions of the selected rows that are
 * shown, in the shown order
 */
GArray *
ledger_item_list_get_chosen (LedgerItemList *self)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; self->n_chosen > 0 && i < self->n_shown; i++)
    if (self->chosen[self->shown[i]])
      g_array_append_val (positions, i);
  return positions;
}

const char *
ledger_item_list_get_selected_uid (LedgerItemList *self)
{
  return self->selected_uid;
}

/* Selects without emitting "user-selected" */
void
ledger_item_list_set_selected_uid (LedgerItemList *self,
                                   const char     *uid)
{
  change_selection (self, find_row (self->rows, uid));
}

LedgerKind
ledger_item_list_get_kind (LedgerItemList *self)
{
  return self->kind;
}

/* ---- GObject ---- */

static void
ledger_item_list_finalize (GObject *object)
{
  LedgerItemList *self = LEDGER_ITEM_LIST (object);

  g_clear_pointer (&self->rows, ledger_rows_unref);
  g_free (self->order);
  g_free (self->shown);
  g_ptr_array_unref (self->slots);
  g_strfreev (self->needles);
  g_free (self->township);
  g_free (self->village);
  g_free (self->operator);
  g_clear_pointer (&self->only, g_hash_table_unref);
  g_free (self->chosen);
  g_free (self->selected_uid);
  G_OBJECT_CLASS (ledger_item_list_parent_class)->finalize (object);
}

static void
ledger_item_list_class_init (LedgerItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_item_list_finalize;

  signals[SIGNAL_USER_SELECTED] =
    g_signal_new ("user-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* a paced list has shown rows the model does not have yet */
  signals[SIGNAL_PUBLISH_PENDING] =
    g_signal_new ("publish-pending", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* the shown rows were filtered or sorted again: n_shown may differ from
   * the model's items while a paced list steps */
  signals[SIGNAL_SHOWN_CHANGED] =
    g_signal_new ("shown-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ledger_item_list_init (LedgerItemList *self)
{
  self->selected_row = NO_ROW;
  self->refill_from = NO_ROW;
  self->sort_column = LEDGER_N_COLUMNS;
  self->chosen = g_new0 (guint8, 1);
  self->slots = g_ptr_array_new_with_free_func (unref_slot);
}

LedgerItemList *
ledger_item_list_new (LedgerKind kind)
{
  LedgerItemList *self = g_object_new (LEDGER_TYPE_ITEM_LIST, NULL);

  self->kind = kind;
  return self;
}
