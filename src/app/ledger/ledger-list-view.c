/* ledger-list-view.c: the Ledger page, one GtkColumnView per kind
 *
 * Each kind's list is a LedgerItemList, which is also the column view's
 * selection model. Sorting by a column header does not go through a
 * GtkSortListModel: the column view's sorter tells which column and
 * direction the user chose (found by a probe compare, since GTK 4.8 has no
 * getter for it), and the model sorts its index array itself.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ledger-item-list.h"
#include "ledger-list-view-private.h"
#include "ledger-village-marks.h"
#include "ledger-tooltip.h"

enum {
  PROP_0, PROP_N_SHOWN, PROP_N_TOTAL,
  /* what the window binds (docs/ARCHITECTURE.md, "The window's state") */
  PROP_DB, PROP_YEAR, PROP_TOWNSHIP, PROP_SELECTED_KIND, PROP_SELECTED_UID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_ITEM_SELECTED, SIGNAL_FILTERS_CLEARED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LedgerListView, ledger_list_view, GTK_TYPE_WIDGET)

/* ---- counts ---- */

static void
update_counts (LedgerListView *self)
{
  LedgerItemList *list = self->lists[self->kind];
  guint shown = ledger_item_list_get_n_shown (list);
  guint total = ledger_item_list_get_n_total (list);
  g_autofree char *text = g_strdup_printf (_("Showing %u of %u"), shown, total);
  guint unlocated = self->kind == LEDGER_KIND_VILLAGES && self->db != NULL
                    ? ledger_villages_count_without_location (self->db) : 0;

  if (unlocated > 0)
    {
      g_autofree char *with = g_strdup_printf (ngettext ("%s · %u without a location (not on the map)",
                                                         "%s · %u without a location (not on the map)", unlocated),
                                               text, unlocated);
      g_free (text);
      text = g_steal_pointer (&with);
    }

  gtk_label_set_text (self->count_label, text);
  ledger_list_view_update_empty_state (self);
  ledger_list_view_update_actions (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (shown != self->n_shown)
    {
      self->n_shown = shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
  if (total != self->n_total)
    {
      self->n_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_shown_changed_cb (LedgerListView *self,
                     LedgerItemList *list)
{
  if (list == self->lists[self->kind])
    update_counts (self);
}

static void
on_user_selected_cb (LedgerListView *self,
                     const char     *uid,
                     LedgerItemList *list)
{
  self->selected_kind = ledger_item_list_get_kind (list);
  g_free (self->selected_uid);
  self->selected_uid = g_strdup (uid);
  g_signal_emit (self, signals[SIGNAL_ITEM_SELECTED], 0, (int) ledger_item_list_get_kind (list), uid);
}

static void
on_selection_changed_cb (LedgerListView    *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *model)
{
  if (LEDGER_ITEM_LIST (model) == self->lists[self->kind])
    ledger_list_view_update_actions (self);
}

/* ---- loading ---- */

static void
load_list (LedgerListView *self,
           LedgerKind      kind)
{
  g_autoptr (GError) error = NULL;

  self->dirty[kind] = FALSE;
  if (!ledger_item_list_load (self->lists[kind], self->db, self->year, &error))
    g_warning ("Cannot load the %s list: %s", ledger_kind_to_key (kind), error->message);
}

/* The shown list is loaded when it is shown or changed; the others when
 * they are next shown. */
static void
ensure_loaded (LedgerListView *self,
               LedgerKind      kind)
{
  LedgerItemList *list = self->lists[kind];

  if (self->db && (self->dirty[kind] || !ledger_item_list_is_loaded (list)))
    load_list (self, kind);
  ledger_item_list_set_township (list, self->township);
  ledger_list_view_refill_filters (self, kind);
  ledger_item_list_set_search (list, self->search);
}

static gboolean
reload_idle_cb (gpointer data)
{
  LedgerListView *self = data;

  self->reload_idle = 0;
  if (self->dirty[self->kind] && gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self, self->kind);
  update_counts (self);
  return G_SOURCE_REMOVE;
}

static void
on_db_changed_cb (LedgerListView *self,
                  int             kind,
                  const char     *uid,
                  LedgerDb       *db)
{
  switch (kind)
    {
    case LEDGER_KIND_ALL:
      for (guint k = 0; k < N_LIST_KINDS; k++)
        self->dirty[k] = TRUE;
      break;
    case LEDGER_KIND_FACILITIES:
      /* a facility's status is part of its village's verdict */
      self->dirty[LEDGER_KIND_FACILITIES] = self->dirty[LEDGER_KIND_VILLAGES] = TRUE;
      break;
    case LEDGER_KIND_VILLAGES:
    case LEDGER_KIND_FARMS:
    case LEDGER_KIND_WATER_BODIES:
      self->dirty[kind] = TRUE;
      break;
    default:
      return;
    }
  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void scroll_to_position (LedgerListView *self,
                                LedgerKind      kind,
                                guint           position);

/* ---- sorting by the column headers ---- */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnProbe *probe = user_data;

  if (!probe->view->probing)
    return GTK_ORDERING_EQUAL;
  if (probe->view->probed_column < 0)
    probe->view->probed_column = probe->id;
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed_cb (LedgerListView *self,
                      GtkSorterChange change,
                      GtkSorter      *sorter)
{
  LedgerKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sorter), "ledger-kind"));
  GtkOrdering ordering;

  self->probing = TRUE;
  self->probed_column = -1;
  ordering = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  self->probing = FALSE;
  /* the new order shows its top (below): its rows there first */
  ledger_item_list_set_view_start (self->lists[kind], 0);
  if (self->probed_column < 0 || ordering == GTK_ORDERING_EQUAL)
    ledger_item_list_sort (self->lists[kind], LEDGER_N_COLUMNS, FALSE);
  else
    ledger_item_list_sort (self->lists[kind], self->probed_column, ordering == GTK_ORDERING_LARGER);
  /* a new order starts at its top, not at the selected row */
  if (ledger_item_list_get_n_shown (self->lists[kind]) > 0)
    scroll_to_position (self, kind, 0);
}

/* ---- cells ---- */

/* The tooltip of an ellipsized cell is its own text, made when asked:
 * gtk_widget_set_tooltip_text() on every bound cell cost GTK 4.8 a round
 * trip to the X server per cell, most of a keystroke's time in a search. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *label,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0')
    return FALSE;
  ledger_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A plain cell is one label; a status cell a box of a coloured dot and a
 * label. The list keeps up to 200 rows of cells, so they stay light. */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const LedgerColumnSpec   *spec)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *box, *dot;

  /* long free text ellipsizes (with a tooltip); codes, numbers and enum
   * labels keep their full width */
  if (spec->expand)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), spec->id == LEDGER_COLUMN_NAME ? 18 : 10);
    }
  gtk_label_set_xalign (GTK_LABEL (label), spec->numeric ? 1.0 : 0.0);
  if (spec->numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (spec->expand || spec->marked)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
    }
  if (!spec->marked)
    {
      gtk_list_item_set_child (list_item, label);
      return;
    }
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  dot = gtk_label_new ("●");
  gtk_widget_add_css_class (dot, "mark-dot");
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

/* A vacated position (ledger-item-list.c, near_view) shows nothing, and its
 * cells keep their text, so nothing is measured again; its row is not
 * drawn and takes no clicks (opacity 0) until the position shows a row again
 * or goes. */
static gboolean
hide_vacated_row (GtkWidget  *child,
                  LedgerItem *item)
{
  GtkWidget *cell = gtk_widget_get_parent (child);
  GtkWidget *row = cell ? gtk_widget_get_parent (cell) : NULL;
  gboolean vacated = ledger_item_is_vacated (item);

  if (row != NULL)
    gtk_widget_set_opacity (row, vacated ? 0 : 1);
  return vacated;
}

static void
fill_cell (GtkListItem            *list_item,
           const LedgerColumnSpec *spec)
{
  LedgerItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *label = spec->marked ? gtk_widget_get_last_child (child) : child;
  g_autofree char *text = NULL;

  if (hide_vacated_row (child, item))
    return;
  text = ledger_item_dup_text (item, spec->id);
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  if (spec->marked)
    {
      GtkWidget *dot = gtk_widget_get_first_child (child);
      const char *mark = ledger_item_get_mark_class (item);
      const char *classes[] = { "mark-dot", mark, NULL };

      gtk_widget_set_css_classes (dot, classes);
      gtk_widget_set_visible (dot, mark != NULL);
    }
}

/* the list moved this position's item to another row */
static void
on_item_row_changed_cb (LedgerItem  *item,
                        GtkListItem *list_item)
{
  fill_cell (list_item, g_object_get_data (G_OBJECT (list_item), "ledger-column-spec"));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              const LedgerColumnSpec   *spec)
{
  g_object_set_data (G_OBJECT (list_item), "ledger-column-spec", (gpointer) spec);
  fill_cell (list_item, spec);
  g_signal_connect (gtk_list_item_get_item (list_item), "row-changed",
                    G_CALLBACK (on_item_row_changed_cb), list_item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                const LedgerColumnSpec   *spec)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item),
                                        on_item_row_changed_cb, list_item);
}

static GtkColumnViewColumn *
make_column (LedgerListView         *self,
             const LedgerColumnSpec *spec)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnProbe *probe = g_new0 (ColumnProbe, 1);
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), (gpointer) spec);
  column = gtk_column_view_column_new (_(spec->title), factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, spec->expand);
  probe->view = self;
  probe->id = spec->id;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  g_object_set_data (G_OBJECT (column), "ledger-column", GUINT_TO_POINTER (spec->id));
  return column;
}

/* Enter or a double click on a row: "show on map" (issue 11) */
static void
on_row_activated_cb (LedgerListView *self,
                     guint           position,
                     GtkColumnView  *view)
{
  g_autoptr (LedgerItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-on-map", "(is)",
                                (int) ledger_item_get_kind (item), ledger_item_get_uid (item));
}

/* the rows a list shows at once until its view has measured them */
#define ROWS_IN_VIEW_GUESS 32

/* one step of each list's shown rows a frame: GTK makes and lays out one
 * step of rows, paints, then takes the next (ledger-item-list.c, PUBLISH_STEP) */
static gboolean
publish_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  LedgerListView *self = LEDGER_LIST_VIEW (widget);
  gboolean more = FALSE;

  /* the keystroke's own frame paints its screenful first */
  if (gdk_frame_clock_get_frame_counter (clock) <= self->publish_after)
    return G_SOURCE_CONTINUE;
  for (guint k = 0; k < N_LIST_KINDS; k++)
    if (self->lists[k] != NULL)
      more = ledger_item_list_publish_step (self->lists[k]) || more;
  if (more)
    return G_SOURCE_CONTINUE;
  self->publish_tick = 0;
  return G_SOURCE_REMOVE;
}

/* How many rows the list shows at once: its height over the rows' average
 * (GTK estimates the content's height from the rows it made) */
static void
on_list_adjustment_changed_cb (GtkAdjustment  *adjustment,
                               LedgerItemList *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (n > 0 && upper > 0 && page > 0)
    {
      ledger_item_list_set_paced (list, (guint) ceil (page * n / upper) + 2);
      ledger_item_list_set_view_start (list, (guint) (gtk_adjustment_get_value (adjustment) * n / upper));
    }
}

static void
on_publish_pending_cb (LedgerListView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->publish_after = clock ? gdk_frame_clock_get_frame_counter (clock) + 1 : 0;
  if (self->publish_tick == 0)
    self->publish_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), publish_tick_cb, NULL, NULL);
}

static GtkWidget *
make_list (LedgerListView *self,
           LedgerKind      kind)
{
  guint n;
  const LedgerColumnSpec *specs = ledger_item_columns (kind, &n);
  GtkColumnView *view;
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->lists[kind] = ledger_item_list_new (kind);
  ledger_item_list_set_paced (self->lists[kind], ROWS_IN_VIEW_GUESS);
  g_signal_connect_object (self->lists[kind], "publish-pending", G_CALLBACK (on_publish_pending_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lists[kind], "shown-changed", G_CALLBACK (on_shown_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lists[kind], "user-selected", G_CALLBACK (on_user_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lists[kind], "selection-changed", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->lists[kind]))));
  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_column_view_set_reorderable (view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "ledger-list");
  g_signal_connect_object (view, "activate", G_CALLBACK (on_row_activated_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = make_column (self, &specs[i]);
      gtk_column_view_append_column (view, column);
    }
  g_object_set_data (G_OBJECT (gtk_column_view_get_sorter (view)), "ledger-kind", GUINT_TO_POINTER (kind));
  g_signal_connect_object (gtk_column_view_get_sorter (view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  self->column_views[kind] = view;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), "changed",
                           G_CALLBACK (on_list_adjustment_changed_cb), self->lists[kind], 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), "value-changed",
                           G_CALLBACK (on_list_adjustment_changed_cb), self->lists[kind], 0);
  return scrolled;
}

static void
on_status_selected_cb (LedgerListView *self,
                       GParamSpec     *pspec,
                       GtkDropDown    *dropdown)
{
  for (guint k = 0; k < N_LIST_KINDS; k++)
    if (self->status_dropdowns[k] == dropdown)
      ledger_item_list_set_status (self->lists[k], gtk_drop_down_get_selected (dropdown));
}

static GtkWidget *
make_status_dropdown (LedgerListView *self,
                      LedgerKind      kind)
{
  g_auto (GStrv) options = ledger_item_list_status_options (kind);
  GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char *const *) options);

  gtk_widget_set_tooltip_text (dropdown, _("Show only items of this status"));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_status_selected_cb),
                           self, G_CONNECT_SWAPPED);
  self->status_dropdowns[kind] = GTK_DROP_DOWN (dropdown);
  return dropdown;
}

/* ---- kind ---- */

static void
show_kind (LedgerListView *self,
           LedgerKind      kind)
{
  if (kind >= N_LIST_KINDS)
    return;
  self->kind = kind;
  if (!gtk_toggle_button_get_active (self->kind_buttons[kind]))
    gtk_toggle_button_set_active (self->kind_buttons[kind], TRUE);
  gtk_stack_set_visible_child_name (self->list_stack, ledger_kind_to_key (kind));
  gtk_stack_set_visible_child_name (self->status_stack, ledger_kind_to_key (kind));
  gtk_stack_set_visible_child_name (self->filter_stack, ledger_kind_to_key (kind));
  ensure_loaded (self, kind);
  update_counts (self);
}

static void
on_kind_toggled_cb (LedgerListView  *self,
                    GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint k = 0; k < N_LIST_KINDS; k++)
    if (self->kind_buttons[k] == button && self->kind != k)
      show_kind (self, k);
}

static void
show_kind_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_kind (LEDGER_LIST_VIEW (widget), g_variant_get_int32 (parameter));
}

/* GTK 4.8's GtkColumnView has no scroll_to: its inner GtkListView does
 * through the list.scroll-to-item action. */
static void
scroll_to_position (LedgerListView *self,
                    LedgerKind      kind,
                    guint           position)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->column_views[kind]));
       child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

/* ---- public API ---- */

GtkWidget *
ledger_list_view_new (void)
{
  return g_object_new (LEDGER_TYPE_LIST_VIEW, NULL);
}

void
ledger_list_view_set_db (LedgerListView *self,
                         LedgerDb       *db,
                         int             year)
{
  gboolean new_db, new_year;

  g_return_if_fail (LEDGER_IS_LIST_VIEW (self));

  new_db = self->db != db;
  new_year = self->year != year;
  g_set_object (&self->db, db);
  self->year = year;
  g_signal_group_set_target (self->db_signals, db);
  for (guint k = 0; k < N_LIST_KINDS; k++)
    {
      self->dirty[k] = TRUE;
      if (db == NULL)
        ledger_item_list_load (self->lists[k], NULL, 0, NULL);
    }
  /* a list not on screen loads when shown (a nation's 620,573 villages are
   * not read for a window that opens on the map), or when asked */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self, self->kind);
  update_counts (self);
  if (new_db)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  if (new_year)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* every list reloads when next shown: farms' figures are the year's */
static void
set_year (LedgerListView *self,
          int             year)
{
  if (self->year != year)
    ledger_list_view_set_db (self, self->db, year);
}

/* The window's selection: the row, without scrolling again to the row the
 * user just chose. An empty selection leaves the kind shown as it is. */
static void
set_selected (LedgerListView *self,
              const char     *uid)
{
  if (g_strcmp0 (uid, self->selected_uid) == 0)
    return;
  g_free (self->selected_uid);
  self->selected_uid = g_strdup (uid);
  if (uid != NULL)
    ledger_list_view_select (self, self->selected_kind, uid);
  else if (self->selected_kind >= 0 && self->selected_kind < N_LIST_KINDS)
    ledger_item_list_set_selected_uid (self->lists[self->selected_kind], NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UID]);
}

/* what a getter answers is up to date even when the list was never shown */
static void
ensure_current (LedgerListView *self)
{
  if (self->db != NULL && (self->dirty[self->kind] || !ledger_item_list_is_loaded (self->lists[self->kind])))
    {
      ensure_loaded (self, self->kind);
      update_counts (self);
    }
}

void
ledger_list_view_set_search (LedgerListView *self,
                             const char     *text)
{
  g_return_if_fail (LEDGER_IS_LIST_VIEW (self));

  g_free (self->search);
  self->search = g_strdup (text);
  ledger_item_list_set_search (self->lists[self->kind], text);
}

void
ledger_list_view_set_township (LedgerListView *self,
                               const char     *code_or_null)
{
  g_return_if_fail (LEDGER_IS_LIST_VIEW (self));

  if (g_strcmp0 (code_or_null && *code_or_null ? code_or_null : NULL, self->township) == 0)
    return;
  g_free (self->township);
  self->township = code_or_null && *code_or_null ? g_strdup (code_or_null) : NULL;
  ledger_item_list_set_township (self->lists[self->kind], self->township);
  ledger_list_view_refill_filters (self, self->kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOWNSHIP]);
}

/**
 * ledger_list_view_set_only:
 * @kind: the list to filter, which is shown
 * @uids: (nullable): the uids it shows (villages: their codes); %NULL
 *   shows every row of every list again
 */
void
ledger_list_view_set_only (LedgerListView *self,
                           LedgerKind      kind,
                           GHashTable     *uids)
{
  g_return_if_fail (LEDGER_IS_LIST_VIEW (self));

  for (guint k = 0; k < N_LIST_KINDS; k++)
    ledger_item_list_set_only (self->lists[k], k == kind ? uids : NULL);
  if (uids != NULL)
    show_kind (self, kind);
  update_counts (self);
}

void
ledger_list_view_select (LedgerListView *self,
                         int             kind,
                         const char     *uid)
{
  int position;

  g_return_if_fail (LEDGER_IS_LIST_VIEW (self));
  if (kind < 0 || kind >= N_LIST_KINDS)
    return;
  show_kind (self, kind);
  ledger_item_list_set_selected_uid (self->lists[kind], uid);
  if (uid != NULL)
    ledger_item_list_publish_all (self->lists[kind]);
  position = ledger_item_list_find (self->lists[kind], uid);
  if (position >= 0)
    scroll_to_position (self, kind, position);
}

LedgerKind
ledger_list_view_get_kind (LedgerListView *self)
{
  g_return_val_if_fail (LEDGER_IS_LIST_VIEW (self), LEDGER_KIND_VILLAGES);
  return self->kind;
}

guint
ledger_list_view_get_n_shown (LedgerListView *self)
{
  g_return_val_if_fail (LEDGER_IS_LIST_VIEW (self), 0);
  ensure_current (self);
  return self->n_shown;
}

guint
ledger_list_view_get_n_total (LedgerListView *self)
{
  g_return_val_if_fail (LEDGER_IS_LIST_VIEW (self), 0);
  ensure_current (self);
  return self->n_total;
}

/* ---- GObject ---- */

static void
ledger_list_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LedgerListView *self = LEDGER_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_SHOWN:
      g_value_set_uint (value, self->n_shown);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_TOWNSHIP:
      g_value_set_string (value, self->township);
      break;
    case PROP_SELECTED_KIND:
      g_value_set_int (value, self->selected_kind);
      break;
    case PROP_SELECTED_UID:
      g_value_set_string (value, self->selected_uid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_list_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LedgerListView *self = LEDGER_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      if (g_value_get_object (value) != (gpointer) self->db)
        ledger_list_view_set_db (self, g_value_get_object (value), self->year);
      break;
    case PROP_YEAR:
      set_year (self, g_value_get_int (value));
      break;
    case PROP_TOWNSHIP:
      ledger_list_view_set_township (self, g_value_get_string (value));
      break;
    case PROP_SELECTED_KIND:
      /* the uid that follows shows it */
      self->selected_kind = g_value_get_int (value);
      break;
    case PROP_SELECTED_UID:
      set_selected (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_list_view_dispose (GObject *object)
{
  LedgerListView *self = LEDGER_LIST_VIEW (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->publish_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->publish_tick);
  self->publish_tick = 0;
  g_clear_object (&self->db_signals);
  g_clear_object (&self->db);
  for (guint k = 0; k < N_LIST_KINDS; k++)
    {
      if (self->column_views[k])
        g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_views[k]), self);
      self->column_views[k] = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_LIST_VIEW);
  for (guint k = 0; k < N_LIST_KINDS; k++)
    g_clear_object (&self->lists[k]);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  G_OBJECT_CLASS (ledger_list_view_parent_class)->dispose (object);
}

static void
ledger_list_view_finalize (GObject *object)
{
  LedgerListView *self = LEDGER_LIST_VIEW (object);

  g_free (self->search);
  g_free (self->township);
  g_free (self->selected_uid);
  G_OBJECT_CLASS (ledger_list_view_parent_class)->finalize (object);
}

static void
ledger_list_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ledger_list_view_parent_class)->map (widget);
  ensure_current (LEDGER_LIST_VIEW (widget));
}

static void
ledger_list_view_class_init (LedgerListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ledger_list_view_get_property;
  object_class->set_property = ledger_list_view_set_property;
  object_class->dispose = ledger_list_view_dispose;
  object_class->finalize = ledger_list_view_finalize;
  widget_class->map = ledger_list_view_map;

  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, LEDGER_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOWNSHIP] = g_param_spec_string ("township", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_KIND] = g_param_spec_int ("selected-kind", NULL, NULL, -1, G_MAXINT, -1,
                                                     G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_UID] = g_param_spec_string ("selected-uid", NULL, NULL, NULL,
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_FILTERS_CLEARED] =
    g_signal_new ("filters-cleared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ITEM_SELECTED] =
    g_signal_new ("item-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ruralsanitation/Ledger/ledger-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerListView, content);
  gtk_widget_class_bind_template_child_full (widget_class, "villages_button", FALSE,
                                             G_STRUCT_OFFSET (LedgerListView, kind_buttons[LEDGER_KIND_VILLAGES]));
  gtk_widget_class_bind_template_child_full (widget_class, "facilities_button", FALSE,
                                             G_STRUCT_OFFSET (LedgerListView, kind_buttons[LEDGER_KIND_FACILITIES]));
  gtk_widget_class_bind_template_child_full (widget_class, "farms_button", FALSE,
                                             G_STRUCT_OFFSET (LedgerListView, kind_buttons[LEDGER_KIND_FARMS]));
  gtk_widget_class_bind_template_child_full (widget_class, "water_button", FALSE,
                                             G_STRUCT_OFFSET (LedgerListView, kind_buttons[LEDGER_KIND_WATER_BODIES]));
  gtk_widget_class_bind_template_child (widget_class, LedgerListView, status_stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerListView, filter_stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerListView, count_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerListView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerListView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerListView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled_cb);

  gtk_widget_class_install_action (widget_class, "ledger-list.show-kind", "i", show_kind_action);
  ledger_list_view_install_actions (widget_class);
  for (guint k = 0; k < N_LIST_KINDS; k++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + k, GDK_ALT_MASK,
                                         "ledger-list.show-kind", "i", (int) k);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ledger-list-view");
}

static void
ledger_list_view_init (LedgerListView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_kind = -1;
  /* the ledger's "changed", whichever ledger is shown (set_db sets the target) */
  self->db_signals = g_signal_group_new (LEDGER_TYPE_DB);
  g_signal_group_connect_object (self->db_signals, "changed", G_CALLBACK (on_db_changed_cb), self, G_CONNECT_SWAPPED);
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  for (guint k = 0; k < N_LIST_KINDS; k++)
    {
      const char *key = ledger_kind_to_key (k);
      gtk_stack_add_named (self->list_stack, make_list (self, k), key);
      gtk_stack_add_named (self->status_stack, make_status_dropdown (self, k), key);
      gtk_stack_add_named (self->filter_stack, ledger_list_view_make_filters (self, k), key);
    }
  update_counts (self);
}
