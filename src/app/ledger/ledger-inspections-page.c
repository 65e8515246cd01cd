/* ledger-inspections-page.c: the Inspections and Samples page
 *
 * Every inspection and sample of the county (or the chosen township), and the
 * two "overdue" lists core defines (ledger-inspections.c): facilities in
 * operation without an inspection this month, and inspections whose
 * rectification deadline passed unrectified. Activating a row selects its
 * item in the window.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ledger-array-model.h"
#include "ledger-inspections-page.h"
#include "ledger-inspections.h"
#include "ledger-kinds.h"
#include "ledger-values.h"

struct _LedgerInspectionsPage
{
  GtkWidget         parent_instance;

  LedgerDb         *db;
  GSignalGroup     *db_signals;
  char             *township;
  char             *today;
  char             *filter;
  guint             reload_id;
  LedgerArrayModel *model;

  /* template children */
  GtkColumnView    *column_view;
  GtkLabel         *count_label;
  GtkStack         *stack;
  AdwStatusPage    *empty_page;
};

G_DEFINE_FINAL_TYPE (LedgerInspectionsPage, ledger_inspections_page, GTK_TYPE_WIDGET)

/* "db" and "township": what the window binds (docs/ARCHITECTURE.md, "The
 * window's state"); the page has no year: a change of year does not reload it */
enum { PROP_0, PROP_FILTER, PROP_DB, PROP_TOWNSHIP, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { ITEM_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* fixed: the width in pixels of a column whose text is ellipsized, else -1 */
static const struct { const char *key; const char *title; gboolean expand; int fixed; } columns[] = {
  { "type", N_("Type"), FALSE, -1 },
  { "subject", N_("Item"), FALSE, 160 },
  { "township", N_("Township"), FALSE, -1 },
  { "village", N_("Village"), FALSE, -1 },
  { "date", N_("Date"), FALSE, -1 },
  { "result", N_("Result"), FALSE, 140 },
  { "rectification", N_("Rectification"), TRUE, -1 },
  { "photos", N_("Photos"), FALSE, -1 },
};

/* ---- auxiliary functions ---- */

static LedgerObservationsFilter
filter_value (LedgerInspectionsPage *self)
{
  if (g_strcmp0 (self->filter, "not-inspected") == 0)
    return LEDGER_OBSERVATIONS_NOT_INSPECTED;
  if (g_strcmp0 (self->filter, "deadline-passed") == 0)
    return LEDGER_OBSERVATIONS_DEADLINE_PASSED;
  return LEDGER_OBSERVATIONS_ALL;
}

/* 整改: the deadline, the follow-up, and whether the deadline passed */
static char *
rectification_text (const LedgerObservationRow *row)
{
  /* ⚠ as well as the colour: the state must not be colour alone */
  g_autoptr (GString) text = g_string_new (row->deadline_passed ? "⚠ " : NULL);

  if (row->deadline != NULL)
    {
      g_autofree char *deadline = ledger_date_display (row->deadline);
      g_string_append (text, deadline);
    }
  if (row->follow_up != NULL)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "",
                            ledger_enum_display (ledger_enum_by_name ("follow_up"), row->follow_up));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
cell_text (const LedgerObservationRow *row,
           const char                 *key)
{
  if (g_str_equal (key, "type"))
    return g_strdup (row->kind == LEDGER_KIND_SAMPLES ? _("Sample")
                     : row->kind == LEDGER_KIND_INSPECTIONS ? _("Inspection") : _("Not inspected"));
  if (g_str_equal (key, "subject"))
    return g_strdup (row->subject_name ? row->subject_name : row->subject_code ? row->subject_code : "—");
  if (g_str_equal (key, "subject-tooltip"))
    return g_strdup_printf ("%s %s", row->subject_code ? row->subject_code : "",
                            row->subject_name ? row->subject_name : "");
  if (g_str_equal (key, "township"))
    return g_strdup (row->township ? row->township : "—");
  if (g_str_equal (key, "village"))
    return g_strdup (row->village ? row->village : "—");
  if (g_str_equal (key, "date"))
    {
      g_autofree char *date = row->date ? ledger_date_display (row->date) : NULL;
      if (row->uid == NULL)
        /* Translators: the last inspection of a facility not inspected this month */
        return date ? g_strdup_printf (_("last %s"), date) : g_strdup (_("never"));
      return g_strdup (date ? date : "—");
    }
  if (g_str_equal (key, "result"))
    return g_strdup (row->result ? ledger_enum_display (ledger_enum_by_name ("inspection_result"), row->result) : "");
  if (g_str_equal (key, "rectification"))
    return rectification_text (row);
  if (g_str_equal (key, "photos"))
    return row->n_photos ? g_strdup_printf ("%u", row->n_photos) : g_strdup ("");
  return g_strdup ("");
}

static void
update_count (LedgerInspectionsPage *self,
              guint                  n)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n), n);
  const char *empty_title[] = { N_("No inspections or samples yet"), N_("Every facility in operation was inspected this month"),
                                N_("No deadline has passed unrectified") };

  gtk_label_set_text (self->count_label, text);
  adw_status_page_set_title (self->empty_page, _(empty_title[filter_value (self)]));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "rows" : "empty");
}

static void
reload (LedgerInspectionsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  if (self->db != NULL)
    rows = ledger_observations_load (self->db, filter_value (self), self->township, self->today, &error);
  if (error != NULL)
    g_warning ("Cannot list the inspections: %s", error->message);
  ledger_array_model_set_array (self->model, rows);
  update_count (self, rows ? rows->len : 0);
}

static gboolean
reload_idle_cb (gpointer data)
{
  LedgerInspectionsPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_db_changed_cb (LedgerInspectionsPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

/* ---- signal callbacks ---- */

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);
  const char *key = g_object_get_data (G_OBJECT (factory), "column");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* only free text is cut (in its fixed width); dates, names of places and
   * types read in full: a cut label's width is no width at all */
  if (g_strcmp0 (key, "subject") == 0 || g_strcmp0 (key, "result") == 0)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  const char *key = g_object_get_data (G_OBJECT (factory), "column");
  LedgerArrayItem *element = gtk_list_item_get_item (item);
  const LedgerObservationRow *row = ledger_array_item_get (element);
  g_autofree char *text = cell_text (row, key);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (g_str_equal (key, "subject"))
    {
      g_autofree char *tooltip = cell_text (row, "subject-tooltip");
      gtk_widget_set_tooltip_text (label, tooltip);
    }
  else if (g_str_equal (key, "rectification") && row->deadline_passed)
    {
      /* Translators: the tooltip of a passed deadline, e.g. "overdue: 2026-05-16 · 待整改" */
      g_autofree char *tooltip = g_strdup_printf (_("overdue: %s"), text + strlen ("⚠ "));
      gtk_widget_set_tooltip_text (label, tooltip);
    }
  else
    gtk_widget_set_tooltip_text (label, NULL);
  if (row->deadline_passed && g_str_equal (key, "rectification"))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
on_column_view_activate_cb (LedgerInspectionsPage *self,
                            guint                  position)
{
  g_autoptr (LedgerArrayItem) element = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  const LedgerObservationRow *row = element ? ledger_array_item_get (element) : NULL;

  if (row != NULL && row->subject_uid != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (int) row->subject_kind, row->subject_uid);
}

/* ---- parent class overrides ---- */

static void
add_columns (LedgerInspectionsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "column", (gpointer) columns[i].key);
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), NULL);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].fixed);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

static void
ledger_inspections_page_dispose (GObject *object)
{
  LedgerInspectionsPage *self = LEDGER_INSPECTIONS_PAGE (object);

  ledger_inspections_page_set_db (self, NULL);
  g_clear_object (&self->db_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_INSPECTIONS_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (ledger_inspections_page_parent_class)->dispose (object);
}

static void
ledger_inspections_page_finalize (GObject *object)
{
  LedgerInspectionsPage *self = LEDGER_INSPECTIONS_PAGE (object);

  g_free (self->township);
  g_free (self->today);
  g_free (self->filter);
  G_OBJECT_CLASS (ledger_inspections_page_parent_class)->finalize (object);
}

static void
ledger_inspections_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LedgerInspectionsPage *self = LEDGER_INSPECTIONS_PAGE (object);

  if (prop_id == PROP_FILTER)
    g_value_set_string (value, self->filter);
  else if (prop_id == PROP_DB)
    g_value_set_object (value, self->db);
  else if (prop_id == PROP_TOWNSHIP)
    g_value_set_string (value, self->township);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ledger_inspections_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LedgerInspectionsPage *self = LEDGER_INSPECTIONS_PAGE (object);
  const char *filter;

  if (prop_id == PROP_DB)
    {
      ledger_inspections_page_set_db (self, g_value_get_object (value));
      return;
    }
  if (prop_id == PROP_TOWNSHIP)
    {
      ledger_inspections_page_set_township (self, g_value_get_string (value));
      return;
    }
  filter = g_value_get_string (value);
  if (prop_id != PROP_FILTER)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (g_strcmp0 (filter, self->filter) == 0)
    return;
  g_free (self->filter);
  self->filter = g_strdup (filter ? filter : "all");
  reload (self);
  g_object_notify_by_pspec (object, properties[PROP_FILTER]);
}

static void
ledger_inspections_page_class_init (LedgerInspectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_inspections_page_dispose;
  object_class->finalize = ledger_inspections_page_finalize;
  object_class->get_property = ledger_inspections_page_get_property;
  object_class->set_property = ledger_inspections_page_set_property;

  properties[PROP_FILTER] = g_param_spec_string ("filter", NULL, NULL, "all",
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, LEDGER_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOWNSHIP] = g_param_spec_string ("township", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-inspections-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerInspectionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LedgerInspectionsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerInspectionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerInspectionsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_install_property_action (widget_class, "inspections.filter", "filter");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ledger_inspections_page_init (LedgerInspectionsPage *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter = g_strdup ("all");
  /* the ledger's "changed", whichever ledger is shown (set_db sets the target) */
  self->db_signals = g_signal_group_new (LEDGER_TYPE_DB);
  g_signal_group_connect_object (self->db_signals, "changed", G_CALLBACK (on_db_changed_cb), self, G_CONNECT_SWAPPED);
  self->model = ledger_array_model_new ();
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_columns (self);
  update_count (self, 0);
}

/* ---- public API ---- */

void
ledger_inspections_page_set_db (LedgerInspectionsPage *self,
                                LedgerDb              *db)
{
  g_return_if_fail (LEDGER_IS_INSPECTIONS_PAGE (self));

  if (self->db == db)
    return;
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_set_object (&self->db, db);
  g_signal_group_set_target (self->db_signals, db);
  if (self->model != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

void
ledger_inspections_page_set_township (LedgerInspectionsPage *self,
                                      const char            *township)
{
  g_return_if_fail (LEDGER_IS_INSPECTIONS_PAGE (self));
  if (g_strcmp0 (township, self->township) == 0)
    return;
  g_free (self->township);
  self->township = g_strdup (township);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOWNSHIP]);
}

void
ledger_inspections_page_set_today (LedgerInspectionsPage *self,
                                   const char            *today)
{
  g_return_if_fail (LEDGER_IS_INSPECTIONS_PAGE (self));
  g_free (self->today);
  self->today = g_strdup (today);
  reload (self);
}

guint
ledger_inspections_page_get_n_rows (LedgerInspectionsPage *self)
{
  g_return_val_if_fail (LEDGER_IS_INSPECTIONS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

char *
ledger_inspections_page_dup_cell (LedgerInspectionsPage *self,
                                  guint                  row,
                                  const char            *column)
{
  g_autoptr (LedgerArrayItem) element = g_list_model_get_item (G_LIST_MODEL (self->model), row);

  g_return_val_if_fail (LEDGER_IS_INSPECTIONS_PAGE (self), NULL);
  return element ? cell_text (ledger_array_item_get (element), column) : NULL;
}
