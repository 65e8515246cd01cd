/* ledger-import-assistant.c: the import assistant's window, its pages and its threads
 *
 * Four pages in a GtkStack (libadwaita 1.2 has no navigation view): the file,
 * the mapping (ledger-import-assistant-mapping.c), the check
 * (ledger-import-assistant-check.c) and the import. Reading, checking and
 * importing each run in a worker thread through core's ledger-jobs.h; the
 * check and the import open their own connection to the ledger file, so
 * the window's connection stays the main thread's. The worker reports
 * progress through one atomic integer that a timeout shows.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ledger-import-assistant-private.h"
#include "ledger-jobs.h"

G_DEFINE_FINAL_TYPE (LedgerImportAssistant, ledger_import_assistant, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

#define PROGRESS_MS 100

/* An import's callback: the assistant, held until then, and the file of the
 * rejected rows (valid rows only). The table and the dry run's report that
 * the job borrows belong to the assistant: nothing replaces them while a job
 * runs. */
typedef struct
{
  LedgerImportAssistant *self;
  char                  *rejected_path;
} ImportCall;

static ImportCall *
import_call_new (LedgerImportAssistant *self,
                 const char            *rejected_path)
{
  ImportCall *call = g_new0 (ImportCall, 1);

  call->self = g_object_ref (self);
  call->rejected_path = g_strdup (rejected_path);
  return call;
}

static void
import_call_free (ImportCall *call)
{
  g_object_unref (call->self);
  g_free (call->rejected_path);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportCall, import_call_free)

/* ---- auxiliary functions ---- */

static gboolean
is_job (LedgerImportAssistant *self,
        const char            *name)
{
  return g_strcmp0 (self->job, name) == 0;
}

static void
set_page (LedgerImportAssistant *self,
          const char            *name)
{
  GtkWidget *defaults = NULL;

  gtk_stack_set_visible_child_name (self->stack, name);
  ledger_import_assistant_update_actions (self);
  if (g_str_equal (name, "file"))
    defaults = GTK_WIDGET (self->choose_button);
  else if (g_str_equal (name, "mapping"))
    defaults = GTK_WIDGET (self->check_button);
  else if (g_str_equal (name, "check"))
    defaults = gtk_widget_get_sensitive (GTK_WIDGET (self->import_all_button))
               ? GTK_WIDGET (self->import_all_button) : GTK_WIDGET (self->import_valid_button);
  else
    defaults = GTK_WIDGET (self->stop_import_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), defaults);
  if (gtk_widget_get_sensitive (defaults) && gtk_widget_get_visible (defaults))
    gtk_widget_grab_focus (defaults);
}

static gboolean
on_progress_timeout_cb (gpointer data)
{
  LedgerImportAssistant *self = data;
  double fraction = ledger_import_assistant_get_fraction (self);

  gtk_progress_bar_set_fraction (is_job (self, "import") ? self->import_progress : self->check_progress, fraction);
  return G_SOURCE_CONTINUE;
}

static void
report_progress (double   fraction,
                 gpointer data)
{
  g_atomic_int_set ((int *) data, (int) (CLAMP (fraction, 0, 1) * 1000));
}

static void
start_job (LedgerImportAssistant *self,
           const char            *name)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->job = name;
  g_atomic_int_set (&self->progress, 0);
  if (!g_str_equal (name, "read"))
    self->progress_id = g_timeout_add (PROGRESS_MS, on_progress_timeout_cb, self);
  ledger_import_assistant_update_actions (self);
}

static void
finish_job (LedgerImportAssistant *self)
{
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->job = NULL;
  if (!self->disposed)
    ledger_import_assistant_update_actions (self);
}

/* what the check and the import run with; @values: the value map as
 * triples, for the mapping remembered (free with g_strfreev) */
static void
fill_import_request (LedgerImportAssistant *self,
                     LedgerImportOptions   *options,
                     LedgerImportRequest   *request,
                     char                ***values)
{
  options->crs = ledger_import_assistant_get_crs (self);
  options->column_fields = self->column_fields;
  options->n_column_fields = self->n_columns;
  options->layout = self->layout;
  options->year = self->year;
  options->value_map = self->value_map;
  options->progress = report_progress;
  options->progress_data = &self->progress;
  *values = self->value_choices ? ledger_import_assistant_dup_values (self) : NULL;
  request->db_path = self->db_path;
  request->actor = self->actor;
  request->kind = self->kind;
  request->table = self->table;
  request->options = options;
  request->remember_mapping = TRUE;
  request->value_choices = (const char * const *) *values;
}

static void
show_status (LedgerImportAssistant *self,
             const char            *text,
             gboolean               is_error)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

/* ---- reading the file ---- */

static void
show_read_error (LedgerImportAssistant *self,
                 const char            *message)
{
  gtk_widget_set_visible (self->read_box, FALSE);
  gtk_spinner_stop (self->read_spinner);
  gtk_label_set_text (self->read_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->read_error_label), message != NULL);
}

static gboolean
table_has_header (const LedgerTable *table)
{
  return table->rows->len > 0 && ((LedgerCsvRow *) g_ptr_array_index (table->rows, 0))->n_cells > 0;
}

static void
on_read_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr (LedgerImportAssistant) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedgerTable) table = ledger_import_read_file_finish (result, &error);

  finish_job (self);
  if (self->disposed)
    return;
  if (table == NULL)
    {
      show_read_error (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? NULL : error->message);
      return;
    }
  if (!table_has_header (table))
    {
      show_read_error (self, _("The file has no header row: its first row must name the columns."));
      return;
    }
  show_read_error (self, NULL);
  g_clear_pointer (&self->table, ledger_table_free);
  self->table = g_steal_pointer (&table);
  self->guessed_kind = ledger_import_guess_kind (self->table);
  if (self->guessed_kind < LEDGER_N_KINDS)
    self->kind = self->guessed_kind;
  ledger_import_assistant_reset_values (self);
  ledger_import_assistant_fill_mapping (self);
  set_page (self, "mapping");
}

/* ---- checking and importing ---- */

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr (LedgerImportAssistant) self = data;
  g_autoptr (GError) error = NULL;
  LedgerImportReport *report = ledger_import_table_finish (result, &error);

  finish_job (self);
  if (self->disposed)
    {
      g_clear_pointer (&report, ledger_import_report_free);
      return;
    }
  gtk_widget_set_visible (self->check_progress_box, FALSE);
  if (report == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_status (self, _("The check was stopped. Nothing was written."), FALSE);
  else if (report == NULL)
    show_status (self, error->message, TRUE);
  else
    {
      g_clear_pointer (&self->preview, ledger_import_report_free);
      self->preview = report;
      ledger_import_assistant_show_preview (self);
    }
  set_page (self, "check");
}

static void
start_check (LedgerImportAssistant *self)
{
  LedgerImportOptions options = { .dry_run = TRUE };
  LedgerImportRequest request = { 0 };
  g_auto (GStrv) values = NULL;

  g_clear_pointer (&self->preview, ledger_import_report_free);
  ledger_import_assistant_clear_check (self);
  gtk_widget_set_visible (self->check_progress_box, TRUE);
  fill_import_request (self, &options, &request, &values);
  start_job (self, "check");
  set_page (self, "check");
  ledger_import_table_async (&request, self->cancellable, on_check_done_cb, g_object_ref (self));
}

static char *
format_imported (const LedgerImportReport *report,
                 const char               *rejected_path)
{
  g_autofree char *name = rejected_path ? g_filename_display_basename (rejected_path) : NULL;

  if (name != NULL && report->n_rejected > 0)
    return g_strdup_printf (ngettext ("Imported %u row: %u new, %u updated; rejected rows saved in “%s”",
                                      "Imported %u rows: %u new, %u updated; rejected rows saved in “%s”",
                                      report->n_written),
                            report->n_written, report->n_new, report->n_updated, name);
  return g_strdup_printf (ngettext ("Imported %u row: %u new, %u updated",
                                    "Imported %u rows: %u new, %u updated", report->n_written),
                          report->n_written, report->n_new, report->n_updated);
}

static void
import_failed (LedgerImportAssistant *self,
               GError                *error)
{
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    text = g_strdup (_("The import was stopped: nothing was written to the ledger."));
  else
    text = g_strdup_printf (_("Cannot import: %s Nothing was written to the ledger."), error->message);
  show_status (self, text, !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  set_page (self, "check");
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr (ImportCall) call = data;
  LedgerImportAssistant *self = call->self;
  g_autoptr (LedgerImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  report = ledger_import_table_finish (result, &error);
  finish_job (self);
  if (self->disposed)
    return;
  if (report == NULL && self->close_when_idle)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (report == NULL)
    import_failed (self, error);
  else if (report->n_rejected > 0 && call->rejected_path == NULL)
    {
      /* the ledger changed since the check: nothing was written, say why */
      g_clear_pointer (&self->preview, ledger_import_report_free);
      self->preview = g_steal_pointer (&report);
      ledger_import_assistant_show_preview (self);
      show_status (self, _("Rows were rejected while importing, so nothing was written: see the list."), TRUE);
      set_page (self, "check");
    }
  else
    {
      message = format_imported (report, call->rejected_path);
      self->imported_changes = report->changes ? g_bytes_ref (report->changes) : NULL;
      g_signal_emit (self, signals[IMPORTED], 0, message);
      g_clear_pointer (&self->imported_changes, g_bytes_unref);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
start_import (LedgerImportAssistant *self,
              const char            *rejected_path)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autofree char *title = g_strdup_printf (_("Importing “%s”"), name);
  LedgerImportOptions options = { .valid_only = rejected_path != NULL, .record_changes = TRUE };
  LedgerImportRequest request = { 0 };
  g_auto (GStrv) values = NULL;

  fill_import_request (self, &options, &request, &values);
  request.rejected_path = rejected_path;
  request.preview = self->preview;
  show_status (self, NULL, FALSE);
  adw_status_page_set_title (self->import_page, title);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  start_job (self, "import");
  set_page (self, "import");
  ledger_import_table_async (&request, self->cancellable, on_import_done_cb,
                             import_call_new (self, rejected_path));
}

/* ---- actions ---- */

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LedgerImportAssistant *self = LEDGER_IMPORT_ASSISTANT (widget);
  const char *page = ledger_import_assistant_get_page (self);

  set_page (self, g_str_equal (page, "check") ? "mapping" : "file");
}

static void
check_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  start_check (LEDGER_IMPORT_ASSISTANT (widget));
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LedgerImportAssistant *self = LEDGER_IMPORT_ASSISTANT (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
import_all_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  start_import (LEDGER_IMPORT_ASSISTANT (widget), NULL);
}

void
ledger_import_assistant_update_actions (LedgerImportAssistant *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const LedgerImportReport *report = self->preview;
  gboolean idle = self->cancellable == NULL;
  gboolean has_valid = report != NULL && report->n_new + report->n_updated > 0;
  const char *page = ledger_import_assistant_get_page (self);

  gtk_widget_action_set_enabled (widget, "assistant.choose-file", idle);
  gtk_widget_action_set_enabled (widget, "assistant.back", idle && !g_str_equal (page, "file"));
  gtk_widget_set_visible (self->back_button, g_str_equal (page, "mapping") || g_str_equal (page, "check"));
  gtk_widget_action_set_enabled (widget, "assistant.check", idle && self->table != NULL && self->missing_text == NULL);
  gtk_widget_action_set_enabled (widget, "assistant.stop", !idle);
  gtk_widget_action_set_enabled (widget, "assistant.import-all", idle && has_valid && report->n_rejected == 0);
  gtk_widget_action_set_enabled (widget, "assistant.import-valid", idle && has_valid && report->n_rejected > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->import_valid_button), report != NULL && report->n_rejected > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->import_all_button), report != NULL);
}

/* ---- closing ---- */

static void
on_stop_dialog_response_cb (AdwMessageDialog      *dialog,
                            const char            *response,
                            LedgerImportAssistant *self)
{
  if (!g_str_equal (response, "stop") || self->cancellable == NULL)
    return;
  self->close_when_idle = TRUE;
  g_cancellable_cancel (self->cancellable);
}

static void
ask_stop_import (LedgerImportAssistant *self)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Stop the Import?"),
                                                _("The rows are written in one transaction: stopping now writes nothing to the ledger.")));

  adw_message_dialog_add_response (dialog, "continue", _("_Continue Importing"));
  adw_message_dialog_add_response (dialog, "stop", _("_Stop and Close"));
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_stop_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ledger_import_assistant_close_request (GtkWindow *window)
{
  LedgerImportAssistant *self = LEDGER_IMPORT_ASSISTANT (window);

  if (is_job (self, "import"))
    {
      ask_stop_import (self);
      return TRUE;
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (ledger_import_assistant_parent_class)->close_request (window);
}

static gboolean
on_drop_cb (GtkDropTarget         *target,
            const GValue          *value,
            double                 x,
            double                 y,
            LedgerImportAssistant *self)
{
  GFile *file = NULL;
  g_autoptr (GSList) files = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files != NULL)
    file = files->data;
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  if (file == NULL || g_file_peek_path (file) == NULL || self->cancellable != NULL)
    return FALSE;
  ledger_import_assistant_open_file (self, g_file_peek_path (file));
  return TRUE;
}

/* ---- GObject ---- */

static void
ledger_import_assistant_dispose (GObject *object)
{
  LedgerImportAssistant *self = LEDGER_IMPORT_ASSISTANT (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_IMPORT_ASSISTANT);
  G_OBJECT_CLASS (ledger_import_assistant_parent_class)->dispose (object);
}

static void
ledger_import_assistant_finalize (GObject *object)
{
  LedgerImportAssistant *self = LEDGER_IMPORT_ASSISTANT (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->imported_changes, g_bytes_unref);
  g_clear_pointer (&self->table, ledger_table_free);
  g_clear_pointer (&self->column_fields, g_free);
  g_clear_pointer (&self->layout, ledger_table_layout_unref);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->value_map, ledger_value_map_unref);
  g_clear_pointer (&self->unknown_rows, g_ptr_array_unref);
  g_clear_pointer (&self->value_choices, g_ptr_array_unref);
  g_clear_pointer (&self->column_dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->missing_text, g_free);
  g_clear_pointer (&self->preview, ledger_import_report_free);
  g_clear_object (&self->listed);
  g_clear_pointer (&self->listed_types, g_array_unref);
  G_OBJECT_CLASS (ledger_import_assistant_parent_class)->finalize (object);
}

static void
bind_template_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, choose_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, read_box);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, read_spinner);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, read_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, read_error_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, file_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, crs_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, header_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, header_count_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, year_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, unknown_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, missing_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, preview_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, check_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, check_progress_box);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, check_progress);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, problem_stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, problem_view);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, status_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, choice_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, import_valid_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, import_all_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, import_page);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, import_progress);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportAssistant, stop_import_button);
}

static void
ledger_import_assistant_class_init (LedgerImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ledger_import_assistant_dispose;
  object_class->finalize = ledger_import_assistant_finalize;
  window_class->close_request = ledger_import_assistant_close_request;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  bind_template_children (widget_class);
  gtk_widget_class_install_action (widget_class, "assistant.choose-file", NULL,
                                   ledger_import_assistant_choose_file_activated);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "assistant.check", NULL, check_activated);
  gtk_widget_class_install_action (widget_class, "assistant.stop", NULL, stop_activated);
  gtk_widget_class_install_action (widget_class, "assistant.import-all", NULL, import_all_activated);
  gtk_widget_class_install_action (widget_class, "assistant.import-valid", NULL,
                                   ledger_import_assistant_import_valid_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_import_assistant_init (LedgerImportAssistant *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->guessed_kind = LEDGER_N_KINDS;
  ledger_import_assistant_init_mapping (self);
  ledger_import_assistant_init_layout (self);
  ledger_import_assistant_init_values (self);
  ledger_import_assistant_init_check (self);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  set_page (self, "file");
}

/* ---- public ---- */

LedgerImportAssistant *
ledger_import_assistant_new (GtkWindow  *parent,
                             LedgerDb   *db,
                             LedgerKind  kind)
{
  LedgerImportAssistant *self;

  g_return_val_if_fail (LEDGER_IS_DB (db), NULL);

  self = g_object_new (LEDGER_TYPE_IMPORT_ASSISTANT, "transient-for", parent, NULL);
  self->db_path = g_strdup (ledger_db_get_path (db));
  self->actor = g_strdup (ledger_db_get_actor (db));
  self->kind = kind < LEDGER_N_KINDS ? kind : LEDGER_KIND_FACILITIES;
  return self;
}

static void
start_reading (LedgerImportAssistant *self,
               const char            *path,
               const char            *sheet)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *reading = g_strdup_printf (_("Reading “%s”…"), name);

  if (self->cancellable != NULL)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  adw_window_title_set_subtitle (self->window_title, name);
  show_read_error (self, NULL);
  gtk_label_set_text (self->read_label, reading);
  gtk_widget_set_visible (self->read_box, TRUE);
  gtk_spinner_start (self->read_spinner);
  start_job (self, "read");
  set_page (self, "file");
  ledger_import_read_file_async (path, sheet, self->cancellable, on_read_done_cb, g_object_ref (self));
}

void
ledger_import_assistant_open_file (LedgerImportAssistant *self,
                                   const char            *path)
{
  g_return_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self));

  start_reading (self, path, NULL);
}

/* Reads another worksheet of the workbook open (the chosen kind's sheet). */
void
ledger_import_assistant_open_sheet (LedgerImportAssistant *self,
                                    const char            *sheet)
{
  g_autofree char *path = g_strdup (self->path);

  g_return_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (self->path != NULL);

  start_reading (self, path, sheet);
}

void
ledger_import_assistant_import_valid_to (LedgerImportAssistant *self,
                                         const char            *rejected_path)
{
  g_return_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (rejected_path != NULL);

  if (self->cancellable != NULL || self->preview == NULL)
    return;
  start_import (self, rejected_path);
}

const LedgerTableLayout *
ledger_import_assistant_get_layout (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), NULL);
  return self->layout;
}

const char *
ledger_import_assistant_get_page (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
ledger_import_assistant_is_busy (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), FALSE);
  return self->cancellable != NULL;
}

LedgerKind
ledger_import_assistant_get_kind (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), LEDGER_N_KINDS);
  return self->kind;
}

LedgerKind
ledger_import_assistant_get_guessed_kind (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), LEDGER_N_KINDS);
  return self->guessed_kind;
}

const char *
ledger_import_assistant_get_read_error (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->read_error_label))
         ? gtk_label_get_text (self->read_error_label) : NULL;
}

const char *
ledger_import_assistant_get_status_text (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->status_label))
         ? gtk_label_get_text (self->status_label) : NULL;
}

double
ledger_import_assistant_get_fraction (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), 0);
  return g_atomic_int_get (&self->progress) / 1000.0;
}

/* in an "imported" handler: the rows the import wrote, as a changeset (undo), or NULL */
GBytes *
ledger_import_assistant_get_imported_changes (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), NULL);
  return self->imported_changes;
}

/* the file imported, for the undo step's label */
const char *
ledger_import_assistant_get_path (LedgerImportAssistant *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ASSISTANT (self), NULL);
  return self->path;
}
