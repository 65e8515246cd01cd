/* ledger-import-assistant-check.c: the assistant's third page
 *
 * The dry run's counts, then every problem and every update by row: the
 * reason for each rejected value with its row and column, the warnings (a
 * point outside the county), and which fields each update changes. Listed in
 * a GtkListView, since a hostile file can have a million problems.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-import-assistant-private.h"

/* beyond this, the rejected rows' CSV holds the rest */
#define MAX_LISTED 20000

/* ---- auxiliary functions ---- */

static guint
count_warnings (const LedgerImportReport *report)
{
  guint n = 0;

  for (guint i = 0; i < report->problems->len; i++)
    n += ((LedgerProblem *) g_ptr_array_index (report->problems, i))->warning;
  return n;
}

/* the column as the file heads it, else the field's name */
static const char *
problem_column (LedgerImportAssistant *self,
                const LedgerProblem   *problem)
{
  const LedgerCsvRow *header = self->table->rows->len > 0 ? g_ptr_array_index (self->table->rows, 0) : NULL;
  guint n_fields = 0;
  const LedgerField *fields = ledger_kind_fields (self->kind, &n_fields);

  if (header != NULL && problem->column > 0 && (guint) problem->column <= header->n_cells)
    {
      const char *text = header->cells[problem->column - 1];

      if (text != NULL && text[0] != '\0')
        return text;
    }
  if (problem->field >= 0 && (guint) problem->field < n_fields)
    return ledger_field_display_name (&fields[problem->field]);
  return NULL;
}

static gboolean
is_geojson (LedgerImportAssistant *self)
{
  return ledger_table_has_features (self->table);
}

/* a GeoJSON file has features and properties, not rows and columns */
static char *
format_problem (LedgerImportAssistant *self,
                const LedgerProblem   *problem)
{
  const char *column = problem_column (self, problem);

  if (problem->line == 0)
    return g_strdup (problem->message);
  if (column != NULL && is_geojson (self))
    return g_strdup_printf (_("Feature %u, property “%s”: %s"), problem->line, column, problem->message);
  if (column != NULL)
    return g_strdup_printf (_("Row %u, column “%s”: %s"), problem->line, column, problem->message);
  if (is_geojson (self))
    return g_strdup_printf (_("Feature %u: %s"), problem->line, problem->message);
  return g_strdup_printf (_("Row %u: %s"), problem->line, problem->message);
}

static char *
format_update (LedgerImportAssistant    *self,
               const LedgerImportAction *action)
{
  g_autoptr (GString) names = g_string_new (NULL);
  guint n_fields = 0;
  const LedgerField *fields = ledger_kind_fields (self->kind, &n_fields);

  for (char **key = action->changed_fields; key != NULL && *key != NULL; key++)
    {
      int f = ledger_kind_field_index (self->kind, *key);

      if (names->len > 0)
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, f >= 0 && (guint) f < n_fields ? ledger_field_display_name (&fields[f]) : *key);
    }
  return g_strdup_printf (is_geojson (self) ? _("Feature %u: updates %s, changing %s")
                                             : _("Row %u: updates %s, changing %s"),
                          action->line, action->code ? action->code : "", names->str);
}

static gboolean
action_is_listed (const LedgerImportAction *action)
{
  return action->is_update && !action->unchanged;
}

typedef struct
{
  GPtrArray *texts;  /* char*, NULL-terminated at the end */
  GArray    *types;
} Listing;

static void
list_line (Listing    *listing,
           char       *text,
           ListedType  type)
{
  g_ptr_array_add (listing->texts, text);
  g_array_append_val (listing->types, type);
}

/* problems and changing updates, merged in row order */
static void
list_report (LedgerImportAssistant    *self,
             const LedgerImportReport *report,
             Listing                  *listing)
{
  guint p = 0, a = 0, n_left;

  while ((p < report->problems->len || a < report->actions->len) && listing->texts->len < MAX_LISTED)
    {
      const LedgerProblem *problem = p < report->problems->len ? g_ptr_array_index (report->problems, p) : NULL;
      const LedgerImportAction *action = a < report->actions->len ? g_ptr_array_index (report->actions, a) : NULL;

      if (action != NULL && !action_is_listed (action))
        a++;
      else if (problem != NULL && (action == NULL || problem->line <= action->line))
        {
          list_line (listing, format_problem (self, problem), problem->warning ? LISTED_WARNING : LISTED_ERROR);
          p++;
        }
      else
        {
          list_line (listing, format_update (self, action), LISTED_UPDATE);
          a++;
        }
    }
  n_left = report->problems->len - p;
  if (n_left > 0)
    list_line (listing, g_strdup_printf (_("… and %u more problems, not listed here: the rejected rows’ CSV names every one."),
                                         n_left), LISTED_MORE);
}

static const char *
choice_text (const LedgerImportReport *report)
{
  guint n_valid = report->n_new + report->n_updated + report->n_unchanged;

  if (report->n_rejected > 0 && n_valid == 0)
    return _("Every row is rejected: correct the file and check it again.");
  if (report->n_rejected > 0)
    return _("“Import All” writes nothing while any row is rejected. Correct the file and check it again, or import the valid rows now and fix the rejected ones in Excel: they are saved as a CSV with a column naming each problem.");
  if (report->n_new + report->n_updated == 0)
    return _("Nothing to import: every row is already in the ledger as it is.");
  return _("Every row is valid. The import is one change in the ledger’s history, recorded with the file’s name.");
}

/* ---- signal callbacks ---- */

static void
on_listed_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_listed_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   LedgerImportAssistant    *self)
{
  static const char *icons[] = {
    "dialog-error-symbolic", "dialog-warning-symbolic", "document-edit-symbolic", "view-more-symbolic",
  };
  static const char *classes[] = { "error", "warning", "accent", "dim-label" };
  const char *names[] = { _("Rejected"), _("Warning"), _("Update"), _("More") };
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  guint position = gtk_list_item_get_position (item);
  ListedType type = position < self->listed_types->len
                    ? g_array_index (self->listed_types, ListedType, position) : LISTED_MORE;
  const char *css[] = { classes[type], NULL };

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icons[type]);
  gtk_widget_set_css_classes (icon, css);
  gtk_widget_set_tooltip_text (icon, names[type]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, names[type], -1);
  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* ---- shared with the assistant ---- */

void
ledger_import_assistant_init_check (LedgerImportAssistant *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->listed = gtk_string_list_new (NULL);
  self->listed_types = g_array_new (FALSE, FALSE, sizeof (ListedType));
  g_signal_connect (factory, "setup", G_CALLBACK (on_listed_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_listed_bind_cb), self, 0);
  gtk_list_view_set_factory (self->problem_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->problem_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->listed)))));
}

char *
ledger_import_assistant_dup_summary (const LedgerImportReport *report)
{
  guint n_warnings = count_warnings (report);
  g_autoptr (GString) text = g_string_new (NULL);

  g_string_printf (text, _("Rows: %u · new: %u · updates: %u · unchanged: %u · rejected: %u"),
                   report->n_rows, report->n_new, report->n_updated, report->n_unchanged, report->n_rejected);
  if (n_warnings > 0)
    g_string_append_printf (text, _(" · warnings: %u (outside the county: %u)"), n_warnings,
                            report->n_outside_county);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
ledger_import_assistant_clear_check (LedgerImportAssistant *self)
{
  gtk_string_list_splice (self->listed, 0, g_list_model_get_n_items (G_LIST_MODEL (self->listed)), NULL);
  g_array_set_size (self->listed_types, 0);
  gtk_label_set_text (self->summary_label, "");
  gtk_label_set_text (self->choice_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  gtk_stack_set_visible_child_name (self->problem_stack, "empty");
  gtk_progress_bar_set_fraction (self->check_progress, 0);
}

/* the dry run's report on the page */
void
ledger_import_assistant_show_preview (LedgerImportAssistant *self)
{
  const LedgerImportReport *report = self->preview;
  g_autofree char *summary = ledger_import_assistant_dup_summary (report);
  Listing listing = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (ListedType)) };

  list_report (self, report, &listing);
  g_ptr_array_add (listing.texts, NULL);
  g_array_set_size (self->listed_types, 0);
  g_array_append_vals (self->listed_types, listing.types->data, listing.types->len);
  gtk_string_list_splice (self->listed, 0, g_list_model_get_n_items (G_LIST_MODEL (self->listed)),
                          (const char * const *) listing.texts->pdata);
  g_ptr_array_unref (listing.texts);
  g_array_unref (listing.types);

  gtk_label_set_text (self->summary_label, summary);
  ledger_import_assistant_fill_unknown (self);
  gtk_label_set_text (self->choice_label, choice_text (report));
  gtk_stack_set_visible_child_name (self->problem_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->listed)) > 0 ? "list" : "none");
}

/* ---- public, for tests ---- */

guint
ledger_import_assistant_get_n_listed (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->listed));
}

const char *
ledger_import_assistant_get_listed (LedgerImportAssistant *self,
                                    guint                  position)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), NULL);
  return gtk_string_list_get_string (self->listed, position);
}

const char *
ledger_import_assistant_get_choice_text (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), NULL);
  return gtk_label_get_text (self->choice_label);
}

const LedgerImportReport *
ledger_import_assistant_get_preview (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), NULL);
  return self->preview;
}
