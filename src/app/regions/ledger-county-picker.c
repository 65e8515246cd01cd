/* ledger-county-picker.c: choose any county of China and create its ledger
 *
 * A search entry with live results over the 2,978 counties, and beside it
 * province → city → county lists to browse. The national index takes about
 * 0.1 s to build, so it loads in a worker thread while a spinner shows; the
 * ledger itself is created in a worker thread too, on its own connection,
 * and the window then opens the file ("ledger-created").
 *
 * Keyboard: type, Down to the results, Enter chooses a county and moves to
 * "Create Ledger…"; Enter in the entry chooses the first result at once.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ledger-county-outline.h"
#include "ledger-county-picker.h"
#include "ledger-divisions.h"
#include "ledger-error.h"
#include "ledger-file-chooser.h"
#include "ledger-jobs.h"
#include "ledger-regions.h"

#define MAX_RESULTS 100

struct _LedgerCountyPicker
{
  AdwWindow             parent_instance;

  LedgerDivisionIndex  *index;
  const LedgerDivision *chosen;
  char                 *outline_path;
  char                 *open_path;     /* the window's ledger: never overwritten */
  gboolean              revealing;     /* selecting the chosen county in the columns */
  GCancellable         *cancellable;

  /* template children */
  GtkStack             *stack;
  GtkStack             *list_stack;
  GtkSearchEntry       *search_entry;
  GtkListBox           *provinces_list;
  GtkListBox           *cities_list;
  GtkListBox           *counties_list;
  GtkListBox           *results_list;
  AdwActionRow         *chosen_row;
  AdwActionRow         *outline_row;
  GtkButton            *outline_clear_button;
  AdwComboRow          *datum_row;
  GtkButton            *create_button;
  GtkLabel             *creating_label;
};

G_DEFINE_FINAL_TYPE (LedgerCountyPicker, ledger_county_picker, ADW_TYPE_WINDOW)

enum { LEDGER_CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* the picker, held until the ledger is made, and where */
typedef struct
{
  LedgerCountyPicker *self;
  char               *path;
} CreateCall;

static void
create_call_free (CreateCall *call)
{
  g_object_unref (call->self);
  g_free (call->path);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CreateCall, create_call_free)

/* ---- auxiliary functions ---- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const LedgerDivision *
row_division (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "division") : NULL;
}

static GtkWidget *
new_row (const LedgerDivision *division,
         gboolean              with_path)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *text = with_path ? ledger_division_dup_path (division) : g_strdup (division->name);
  GtkWidget *name = gtk_label_new (text);
  GtkWidget *code = gtk_label_new (division->code);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "division", (gpointer) division);
  return row;
}

static void
fill_list (GtkListBox *list,
           GPtrArray  *divisions,
           gboolean    with_path)
{
  clear_list (list);
  for (guint i = 0; i < divisions->len; i++)
    gtk_list_box_append (list, new_row (g_ptr_array_index (divisions, i), with_path));
}

static void
fill_children (LedgerCountyPicker *self,
               GtkListBox         *list,
               const char         *parent_code)
{
  g_autoptr (GPtrArray) children = ledger_division_index_children (self->index, parent_code);

  fill_list (list, children, FALSE);
}

static GtkListBox *
visible_list (LedgerCountyPicker *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->list_stack);

  return g_strcmp0 (page, "results") == 0 ? self->results_list : self->provinces_list;
}

static char *
describe_counts (const LedgerDivision *county)
{
  g_autofree char *townships = g_strdup_printf (ngettext ("%u township", "%u townships", county->n_townships),
                                                county->n_townships);
  g_autofree char *villages = g_strdup_printf (ngettext ("%u administrative village", "%u administrative villages",
                                                         county->n_villages), county->n_villages);
  g_autofree char *communities = g_strdup_printf (ngettext ("%u community", "%u communities", county->n_communities),
                                                  county->n_communities);

  /* TRANSLATORS: "21 townships, 234 administrative villages and 81 communities" */
  return g_strdup_printf (_("%s, %s and %s"), townships, villages, communities);
}

static void
select_division_row (GtkListBox           *list,
                     const LedgerDivision *division)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (row_division (row) == division)
      {
        if (gtk_list_box_get_selected_row (list) != row)
          gtk_list_box_select_row (list, row);
        return;
      }
}

/* The browse columns follow a county found by search, so that its
 * neighbours are one click away. */
static void
reveal_in_columns (LedgerCountyPicker   *self,
                   const LedgerDivision *county)
{
  if (self->revealing)
    return;
  self->revealing = TRUE;
  select_division_row (self->provinces_list, county->parent->parent);
  select_division_row (self->cities_list, county->parent);
  select_division_row (self->counties_list, county);
  self->revealing = FALSE;
}

/* the whole nation, first in the provinces column: a ledger of every county
 * ("init --region all") */
static LedgerDivision *
nation_division (void)
{
  static LedgerDivision nation = { .code = (char *) "all" };

  nation.name = (char *) _("The whole nation");
  return &nation;
}

/* the counts of a province's or the nation's counties, summed */
static void
sum_counts (LedgerDivisionIndex *index,
            const char          *code,
            LedgerDivision      *sum)
{
  g_autoptr (GPtrArray) children = ledger_division_index_children (index, code);

  for (guint i = 0; i < children->len; i++)
    {
      const LedgerDivision *child = g_ptr_array_index (children, i);

      if (child->level == LEDGER_DIVISION_COUNTY)
        {
          sum->n_townships += child->n_townships;
          sum->n_villages += child->n_villages;
          sum->n_communities += child->n_communities;
        }
      else
        sum_counts (index, child->code, sum);
    }
}

/* A county, a whole province ("init --region 51") or the nation. */
static void
choose_division (LedgerCountyPicker   *self,
                 const LedgerDivision *division)
{
  g_autofree char *label = NULL;
  g_autofree char *counts = NULL;
  gboolean county = division != NULL && division->level == LEDGER_DIVISION_COUNTY;
  LedgerDivision sum = { 0 };

  if (division == NULL || (!county && division->level != LEDGER_DIVISION_PROVINCE &&
                           division != nation_division ()))
    return;
  self->chosen = division;
  label = division == nation_division () ? g_strdup (division->name) : ledger_division_dup_label (division);
  if (!county)
    sum_counts (self->index, division == nation_division () ? NULL : division->code, &sum);
  counts = describe_counts (county ? division : &sum);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), label);
  adw_action_row_set_subtitle (self->chosen_row, counts);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), TRUE);
  if (county)
    reveal_in_columns (self, division);
}

static void
show_error (LedgerCountyPicker *self,
            const char         *heading,
            const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- signal callbacks ---- */

static void
on_index_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (LedgerCountyPicker) self = user_data;
  g_autoptr (GError) error = NULL;
  LedgerDivisionIndex *index = ledger_division_index_get_finish (result, &error);

  if (index == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Cannot Read the Division List"), error);
      return;
    }
  self->index = index;
  fill_children (self, self->provinces_list, NULL);
  gtk_list_box_prepend (self->provinces_list, new_row (nation_division (), FALSE));
  gtk_stack_set_visible_child_name (self->stack, "choose");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_create_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (CreateCall) call = user_data;
  LedgerCountyPicker *self = call->self;
  g_autoptr (GError) error = NULL;

  if (!ledger_ledger_create_finish (result, &error))
    {
      gtk_stack_set_visible_child_name (self->stack, "choose");
      gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), TRUE);
      show_error (self, _("Cannot Create the Ledger"), error);
      return;
    }
  g_signal_emit (self, signals[LEDGER_CREATED], 0, call->path);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_search_entry_search_changed_cb (LedgerCountyPicker *self,
                                   GtkSearchEntry     *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (GPtrArray) results = NULL;

  if (self->index == NULL)
    return;
  if (text[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->list_stack, "browse");
      return;
    }
  results = ledger_division_index_search (self->index, text, MAX_RESULTS);
  fill_list (self->results_list, results, TRUE);
  /* one match is the county meant */
  if (results->len == 1)
    gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));
  gtk_stack_set_visible_child_name (self->list_stack, results->len > 0 ? "results" : "no-results");
}

static void
on_search_entry_activate_cb (LedgerCountyPicker *self,
                             GtkSearchEntry     *entry)
{
  GtkListBoxRow *first;

  on_search_entry_search_changed_cb (self, entry);
  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first == NULL || !g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "results"))
    return;
  if (self->chosen != NULL && self->chosen == row_division (first))
    {
      gtk_widget_activate (GTK_WIDGET (self->create_button));
      return;
    }
  gtk_list_box_select_row (self->results_list, first);
}

static gboolean
on_search_entry_key_pressed_cb (LedgerCountyPicker    *self,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                GtkEventControllerKey *controller)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  first = gtk_list_box_get_row_at_index (visible_list (self), 0);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
  return first != NULL;
}

static void
on_provinces_list_row_selected_cb (LedgerCountyPicker *self,
                                   GtkListBoxRow      *row,
                                   GtkListBox         *list)
{
  const LedgerDivision *province = row_division (row);
  GtkListBoxRow *only;

  clear_list (self->counties_list);
  if (province == NULL || province == nation_division ())
    {
      clear_list (self->cities_list);
      if (province != NULL)
        choose_division (self, province);
      return;
    }
  /* a province is a choice of its own until a county is chosen in it */
  if (!self->revealing)
    choose_division (self, province);
  fill_children (self, self->cities_list, province->code);
  /* a municipality has one grouping entry (市辖区): open it at once */
  only = gtk_list_box_get_row_at_index (self->cities_list, 0);
  if (only != NULL && gtk_list_box_get_row_at_index (self->cities_list, 1) == NULL)
    gtk_list_box_select_row (self->cities_list, only);
}

static void
on_cities_list_row_selected_cb (LedgerCountyPicker *self,
                                GtkListBoxRow      *row,
                                GtkListBox         *list)
{
  const LedgerDivision *city = row_division (row);

  if (city != NULL)
    fill_children (self, self->counties_list, city->code);
  else
    clear_list (self->counties_list);
}

/* Enter on a province or city goes on to the next column. */
static void
on_browse_list_row_activated_cb (LedgerCountyPicker *self,
                                 GtkListBoxRow      *row,
                                 GtkListBox         *list)
{
  GtkListBox *next = list == self->provinces_list ? self->cities_list : self->counties_list;
  GtkListBoxRow *first;

  gtk_list_box_select_row (list, row);
  first = gtk_list_box_get_selected_row (next);
  if (first == NULL)
    first = gtk_list_box_get_row_at_index (next, 0);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
on_county_row_selected_cb (LedgerCountyPicker *self,
                           GtkListBoxRow      *row,
                           GtkListBox         *list)
{
  choose_division (self, row_division (row));
}

static void
on_county_row_activated_cb (LedgerCountyPicker *self,
                            GtkListBoxRow      *row,
                            GtkListBox         *list)
{
  choose_division (self, row_division (row));
  if (self->chosen != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->create_button));
}

static void
on_cancel_button_clicked_cb (LedgerCountyPicker *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_save_chosen (gpointer    owner,
                const char *path,
                gpointer    data)
{
  ledger_county_picker_create_at (LEDGER_COUNTY_PICKER (owner), path);
}

static void
on_create_button_clicked_cb (LedgerCountyPicker *self)
{
  g_autofree char *path = ledger_county_picker_dup_default_path (self);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GtkFileFilter) filter = ledger_file_filter_new (_("Ledger files"), "*.db", NULL);
  LedgerFileChoice choice = {
    .title = _("Save the New Ledger"), .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .filter = filter, .folder = dir, .name = name,
  };

  if (self->chosen == NULL)
    return;
  g_mkdir_with_parents (dir, 0700);
  ledger_choose_file (GTK_WINDOW (self), self, &choice, on_save_chosen, NULL, NULL);
}

static void
on_outline_chosen (gpointer    owner,
                   const char *path,
                   gpointer    data)
{
  ledger_county_picker_set_outline (LEDGER_COUNTY_PICKER (owner), path);
}

static void
on_outline_button_clicked_cb (LedgerCountyPicker *self)
{
  g_autoptr (GtkFileFilter) filter = ledger_file_filter_new (_("GeoJSON files"), "*.geojson", "*.json", NULL);
  LedgerFileChoice choice = { .title = _("County Outline"), .action = GTK_FILE_CHOOSER_ACTION_OPEN, .filter = filter };

  ledger_choose_file (GTK_WINDOW (self), self, &choice, on_outline_chosen, NULL, NULL);
}

static void
on_outline_clear_button_clicked_cb (LedgerCountyPicker *self)
{
  ledger_county_picker_set_outline (self, NULL);
}

/* ---- GObject ---- */

static void
ledger_county_picker_dispose (GObject *object)
{
  LedgerCountyPicker *self = LEDGER_COUNTY_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (ledger_county_picker_parent_class)->dispose (object);
}

static void
ledger_county_picker_finalize (GObject *object)
{
  LedgerCountyPicker *self = LEDGER_COUNTY_PICKER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->outline_path, g_free);
  g_clear_pointer (&self->open_path, g_free);
  G_OBJECT_CLASS (ledger_county_picker_parent_class)->finalize (object);
}

static void
ledger_county_picker_class_init (LedgerCountyPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_county_picker_dispose;
  object_class->finalize = ledger_county_picker_finalize;

  /**
   * LedgerCountyPicker::ledger-created:
   * @path: the new ledger file
   */
  signals[LEDGER_CREATED] = g_signal_new ("ledger-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-county-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, provinces_list);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, cities_list);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, counties_list);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, results_list);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, outline_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, outline_clear_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, datum_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, create_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerCountyPicker, creating_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_provinces_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cities_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_browse_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_county_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_county_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_clear_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_county_picker_init (LedgerCountyPicker *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  ledger_division_index_get_async (self->cancellable, on_index_loaded_cb, g_object_ref (self));
}

/* ---- public API ---- */

/**
 * ledger_county_picker_new:
 * @parent: the window it belongs to
 * @open_path: (nullable): the ledger open in @parent, which must not be replaced
 */
LedgerCountyPicker *
ledger_county_picker_new (GtkWindow  *parent,
                          const char *open_path)
{
  LedgerCountyPicker *self = g_object_new (LEDGER_TYPE_COUNTY_PICKER, "transient-for", parent, NULL);

  self->open_path = g_strdup (open_path);
  return self;
}

/* Returns: whether the division list is loaded and a county can be chosen */
gboolean
ledger_county_picker_is_ready (LedgerCountyPicker *self)
{
  g_return_val_if_fail (LEDGER_IS_COUNTY_PICKER (self), FALSE);
  return self->index != NULL;
}

void
ledger_county_picker_set_search (LedgerCountyPicker *self,
                                 const char         *text)
{
  g_return_if_fail (LEDGER_IS_COUNTY_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_search_entry_search_changed_cb (self, self->search_entry);
}

/* Returns: %FALSE when @code is no county of the list (or the list is not loaded yet) */
gboolean
ledger_county_picker_choose (LedgerCountyPicker *self,
                             const char         *code)
{
  const LedgerDivision *county;

  g_return_val_if_fail (LEDGER_IS_COUNTY_PICKER (self), FALSE);

  county = self->index ? ledger_division_index_lookup (self->index, code) : NULL;
  if (county == NULL || county->level != LEDGER_DIVISION_COUNTY)
    return FALSE;
  choose_division (self, county);
  return TRUE;
}

const char *
ledger_county_picker_get_chosen_code (LedgerCountyPicker *self)
{
  g_return_val_if_fail (LEDGER_IS_COUNTY_PICKER (self), NULL);
  return self->chosen ? self->chosen->code : NULL;
}

/**
 * ledger_county_picker_set_outline:
 * @path: (nullable): a GeoJSON file to store as the county's outline, or %NULL
 */
void
ledger_county_picker_set_outline (LedgerCountyPicker *self,
                                  const char         *path)
{
  g_autofree char *name = path ? g_filename_display_basename (path) : NULL;

  g_return_if_fail (LEDGER_IS_COUNTY_PICKER (self));

  g_free (self->outline_path);
  self->outline_path = g_strdup (path);
  adw_action_row_set_subtitle (self->outline_row, name ? name :
                               _("A GeoJSON file with the county’s boundary; Lezhi’s ships with the program. It can also be imported later."));
  gtk_widget_set_visible (GTK_WIDGET (self->outline_clear_button), path != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->datum_row), path != NULL);
}

/**
 * ledger_county_picker_create_at:
 * @path: where to create the ledger (an existing file there is replaced:
 *   the file chooser asked)
 *
 * Creates the chosen county's ledger in a worker thread; emits
 * "ledger-created" and closes, or shows why not and stays open.
 */
void
ledger_county_picker_create_at (LedgerCountyPicker *self,
                                const char         *path)
{
  g_autofree char *label = NULL;
  LedgerCreateRequest request = { 0 };
  CreateCall *call;

  g_return_if_fail (LEDGER_IS_COUNTY_PICKER (self));
  g_return_if_fail (self->chosen != NULL);

  if (g_strcmp0 (path, self->open_path) == 0)
    {
      g_autoptr (GError) error = g_error_new (LEDGER_ERROR, LEDGER_ERROR_INVALID,
                                              _("This is the ledger that is open now: choose another file name."));
      show_error (self, _("Cannot Create the Ledger"), error);
      return;
    }
  /* the file chooser asked before replacing an existing file */
  request.path = path;
  request.county_code = self->chosen->code;
  request.replace = TRUE;
  request.outline_path = self->outline_path;
  request.outline_datum = adw_combo_row_get_selected (self->datum_row);
  call = g_new0 (CreateCall, 1);
  call->self = g_object_ref (self);
  call->path = g_strdup (path);
  label = g_strdup_printf (_("Creating the ledger of %s…"), self->chosen->name);
  gtk_label_set_text (self->creating_label, label);
  gtk_stack_set_visible_child_name (self->stack, "creating");
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), FALSE);
  ledger_ledger_create_async (&request, NULL, on_create_done_cb, call);
}

/**
 * ledger_county_picker_dup_default_path:
 *
 * Returns: (transfer full): "<县名>台账.db" in the Documents folder, or in
 *   the data folder when there is none
 */
char *
ledger_county_picker_dup_default_path (LedgerCountyPicker *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "sanitation-ledger", NULL);
  g_autofree char *name = NULL;

  g_return_val_if_fail (LEDGER_IS_COUNTY_PICKER (self), NULL);

  /* TRANSLATORS: the file name of a new ledger; %s is the county, e.g. 乐至县台账.db */
  name = g_strdup_printf (_("%s Ledger.db"), self->chosen ? self->chosen->name : _("County"));
  return g_build_filename (documents && g_file_test (documents, G_FILE_TEST_IS_DIR) ? documents : data_dir,
                           name, NULL);
}
