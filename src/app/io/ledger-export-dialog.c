/* ledger-export-dialog.c: format, year and scope, then the file; the export
 * runs in a worker thread on its own connection, as the import does */
#include "config.h"

#include <glib/gi18n.h>

#include "ledger-export-dialog.h"
#include "ledger-export-kml.h"
#include "ledger-export-xlsx.h"
#include "ledger-export.h"
#include "ledger-file-chooser.h"
#include "ledger-jobs.h"
#include "ledger-regions.h"

#define PROGRESS_INTERVAL_MS 100

struct _LedgerExportDialog
{
  AdwWindow            parent_instance;

  LedgerDb            *db;
  GPtrArray           *township_codes;  /* char*, index 0 = NULL (the county) */
  GArray              *row_kinds;       /* LedgerKind per row of kind_row */
  GCancellable        *cancellable;     /* non-NULL while exporting */
  guint                progress_id;
  gint                 permille;        /* written by the worker, atomically */

  /* template children */
  GtkStack            *stack;
  GtkButton           *export_button;
  AdwPreferencesGroup *options_group;
  AdwComboRow         *format_row;
  AdwComboRow         *kind_row;
  AdwActionRow        *year_row;
  GtkSpinButton       *year_spin;
  AdwComboRow         *township_row;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
};

G_DEFINE_FINAL_TYPE (LedgerExportDialog, ledger_export_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_EXPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* the export's callback: the dialog, held until then, and the file written */
typedef struct
{
  LedgerExportDialog *self;
  char               *path;
} ExportCall;

static void
export_call_free (ExportCall *call)
{
  g_object_unref (call->self);
  g_free (call->path);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportCall, export_call_free)

/* ---- auxiliary functions ---- */

static gboolean
kind_has_points (LedgerKind kind)
{
  return ledger_kind_field_index (kind, "lon") >= 0;
}

static void
fill_kinds (LedgerExportDialog *self)
{
  LedgerExportFormat format = ledger_export_dialog_get_format (self);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->row_kinds, 0);
  if (format == LEDGER_EXPORT_FORMAT_GEOJSON || format == LEDGER_EXPORT_FORMAT_KML)
    {
      LedgerKind all = LEDGER_EXPORT_ALL_KINDS;
      gtk_string_list_append (names, _("Every kind with coordinates"));
      g_array_append_val (self->row_kinds, all);
    }
  for (LedgerKind k = 0; k < LEDGER_N_KINDS; k++)
    if (format == LEDGER_EXPORT_FORMAT_CSV || kind_has_points (k))
      {
        gtk_string_list_append (names, ledger_kind_display_name (k));
        g_array_append_val (self->row_kinds, k);
      }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (names));
}

static const char *
format_description (LedgerExportFormat format)
{
  switch (format)
    {
    case LEDGER_EXPORT_FORMAT_CSV:
      return _("One kind, every year, Chinese headers: opens in Excel and WPS and imports back unchanged");
    case LEDGER_EXPORT_FORMAT_GEOJSON:
      return _("Points in WGS-84 with every field, for QGIS");
    case LEDGER_EXPORT_FORMAT_KML:
      return _("Points and water-body shapes in WGS-84 with names and every field, for Google Earth, 奥维 and 两步路; "
               "name the file .kmz for a compressed one");
    case LEDGER_EXPORT_FORMAT_XLSX:
    default:
      return _("The four indicators by township with charts, and one sheet per kind");
    }
}

static void
update_rows (LedgerExportDialog *self)
{
  LedgerExportFormat format = ledger_export_dialog_get_format (self);

  adw_preferences_group_set_description (self->options_group, format_description (format));
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), format != LEDGER_EXPORT_FORMAT_XLSX);
  /* a CSV holds every year, so that it imports back unchanged */
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), format != LEDGER_EXPORT_FORMAT_CSV);
  fill_kinds (self);
}

static void
fill_townships (LedgerExportDialog *self,
                const char         *selected)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) townships = ledger_regions_list (self->db, "township", NULL);
  guint position = 0;

  gtk_string_list_append (names, _("Whole county"));
  g_ptr_array_add (self->township_codes, NULL);
  for (guint i = 0; townships != NULL && i < townships->len; i++)
    {
      LedgerRegion *township = g_ptr_array_index (townships, i);
      gtk_string_list_append (names, township->name);
      g_ptr_array_add (self->township_codes, g_strdup (township->code));
      if (g_strcmp0 (township->code, selected) == 0)
        position = i + 1;
    }
  adw_combo_row_set_model (self->township_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->township_row, position);
}

static LedgerKind
selected_kind (LedgerExportDialog *self)
{
  guint row = adw_combo_row_get_selected (self->kind_row);

  if (row >= self->row_kinds->len)
    return LEDGER_KIND_VILLAGES;
  return g_array_index (self->row_kinds, LedgerKind, row);
}

static char *
suggested_name (LedgerExportDialog *self)
{
  LedgerExportFormat format = ledger_export_dialog_get_format (self);
  LedgerKind kind = selected_kind (self);
  const char *township = ledger_export_dialog_get_township (self);
  g_autofree char *code = township ? g_strdup (township) : ledger_db_dup_region_code (self->db);
  g_autofree char *scope = ledger_db_dup_region_name (self->db, code);

  if (format == LEDGER_EXPORT_FORMAT_XLSX)
    /* Translators: the file name of the workbook: county or township, year */
    return g_strdup_printf (_("%s ledger %d.xlsx"), scope ? scope : "", ledger_export_dialog_get_year (self));
  if (format == LEDGER_EXPORT_FORMAT_GEOJSON)
    return g_strdup_printf ("%s.geojson", kind == LEDGER_EXPORT_ALL_KINDS ? _("Points") : ledger_kind_display_name (kind));
  if (format == LEDGER_EXPORT_FORMAT_KML)
    return g_strdup_printf ("%s.kml", kind == LEDGER_EXPORT_ALL_KINDS ? _("Points") : ledger_kind_display_name (kind));
  return g_strdup_printf ("%s.csv", ledger_kind_display_name (kind));
}

static GtkFileFilter *
format_filter (LedgerExportFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  switch (format)
    {
    case LEDGER_EXPORT_FORMAT_CSV:
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_pattern (filter, "*.csv");
      break;
    case LEDGER_EXPORT_FORMAT_GEOJSON:
      gtk_file_filter_set_name (filter, _("GeoJSON files"));
      gtk_file_filter_add_pattern (filter, "*.geojson");
      break;
    case LEDGER_EXPORT_FORMAT_KML:
      gtk_file_filter_set_name (filter, _("KML and KMZ files"));
      gtk_file_filter_add_pattern (filter, "*.kml");
      gtk_file_filter_add_pattern (filter, "*.kmz");
      break;
    case LEDGER_EXPORT_FORMAT_XLSX:
    default:
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_pattern (filter, "*.xlsx");
      break;
    }
  return filter;
}

static const char *
format_suffix (LedgerExportFormat format)
{
  switch (format)
    {
    case LEDGER_EXPORT_FORMAT_CSV:
      return ".csv";
    case LEDGER_EXPORT_FORMAT_GEOJSON:
      return ".geojson";
    case LEDGER_EXPORT_FORMAT_KML:
      return ".kml";
    case LEDGER_EXPORT_FORMAT_XLSX:
    default:
      return ".xlsx";
    }
}

/* "台账" chosen for a workbook becomes "台账.xlsx" */
static char *
path_with_suffix (const char         *path,
                  LedgerExportFormat  format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, format_suffix (format)) ||
      (format == LEDGER_EXPORT_FORMAT_GEOJSON && g_str_has_suffix (lower, ".json")) ||
      (format == LEDGER_EXPORT_FORMAT_KML && g_str_has_suffix (lower, ".kmz")))
    return g_strdup (path);
  return g_strconcat (path, format_suffix (format), NULL);
}

static void
set_busy (LedgerExportDialog *self,
          gboolean            busy)
{
  gtk_stack_set_visible_child_name (self->stack, busy ? "progress" : "options");
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), !busy);
}

/* ---- the worker's progress ---- */

/* called in the worker thread (ledger-jobs.h) */
static void
on_job_progress (double   fraction,
                 gpointer data)
{
  LedgerExportDialog *self = data;

  g_atomic_int_set (&self->permille, (gint) (fraction * 1000));
}

/* ---- signal callbacks ---- */

static gboolean
on_progress_tick_cb (gpointer data)
{
  LedgerExportDialog *self = data;
  gint permille = g_atomic_int_get (&self->permille);

  if (ledger_export_dialog_get_format (self) != LEDGER_EXPORT_FORMAT_XLSX)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
show_error (LedgerExportDialog *self,
            const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Export"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr (ExportCall) call = data;
  LedgerExportDialog *self = call->self;
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  if (ledger_export_finish (result, &error))
    {
      g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, call->path);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      set_busy (self, FALSE);
      show_error (self, error);
    }
}

static void
on_file_chosen (gpointer    owner,
                const char *chosen,
                gpointer    data)
{
  LedgerExportDialog *self = LEDGER_EXPORT_DIALOG (owner);
  g_autofree char *path = path_with_suffix (chosen, ledger_export_dialog_get_format (self));

  ledger_export_dialog_export_to (self, path);
}

static void
on_export_clicked_cb (LedgerExportDialog *self)
{
  g_autofree char *name = suggested_name (self);
  g_autoptr (GtkFileFilter) filter = format_filter (ledger_export_dialog_get_format (self));
  LedgerFileChoice choice = {
    .title = _("Export"), .action = GTK_FILE_CHOOSER_ACTION_SAVE, .accept_label = _("_Export"),
    .filter = filter, .name = name,
  };

  ledger_choose_file (GTK_WINDOW (self), self, &choice, on_file_chosen, NULL, NULL);
}

static void
on_cancel_clicked_cb (LedgerExportDialog *self)
{
  if (ledger_export_dialog_is_busy (self))
    ledger_export_dialog_cancel (self);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_format_changed_cb (LedgerExportDialog *self)
{
  update_rows (self);
}

/* closing the window while exporting cancels; the dialog closes once the
 * worker has removed its temporary file */
static gboolean
on_close_request_cb (LedgerExportDialog *self)
{
  if (!ledger_export_dialog_is_busy (self))
    return FALSE;
  ledger_export_dialog_cancel (self);
  return TRUE;
}

/* ---- show in folder ---- */

static void
launch_folder (const char *folder_uri)
{
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (folder_uri, NULL, &error))
    g_warning ("Cannot open the folder %s: %s", folder_uri, error->message);
}

static void
on_show_items_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  g_autofree char *folder_uri = data;
  g_autoptr (GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  if (reply == NULL)
    launch_folder (folder_uri);
}

/* ---- parent class overrides, class_init, init ---- */

static void
ledger_export_dialog_dispose (GObject *object)
{
  LedgerExportDialog *self = LEDGER_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_clear_pointer (&self->township_codes, g_ptr_array_unref);
  g_clear_pointer (&self->row_kinds, g_array_unref);
  G_OBJECT_CLASS (ledger_export_dialog_parent_class)->dispose (object);
}

static void
ledger_export_dialog_class_init (LedgerExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_export_dialog_dispose;
  signals[SIGNAL_EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ruralsanitation/Ledger/ledger-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerExportDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerExportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerExportDialog, township_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_export_dialog_init (LedgerExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->township_codes = g_ptr_array_new_with_free_func (g_free);
  self->row_kinds = g_array_new (FALSE, FALSE, sizeof (LedgerKind));
}

/* ---- public API ---- */

/**
 * ledger_export_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @db: the ledger (its path is opened again by the worker)
 * @year: the year preselected (the window's)
 * @township: (nullable): the township preselected (the window's filter)
 */
LedgerExportDialog *
ledger_export_dialog_new (GtkWindow  *parent,
                          LedgerDb   *db,
                          int         year,
                          const char *township)
{
  LedgerExportDialog *self = g_object_new (LEDGER_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  gtk_spin_button_set_value (self->year_spin, year);
  fill_townships (self, township);
  update_rows (self);
  return self;
}

LedgerExportFormat
ledger_export_dialog_get_format (LedgerExportDialog *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPORT_DIALOG (self), LEDGER_EXPORT_FORMAT_XLSX);
  return (LedgerExportFormat) adw_combo_row_get_selected (self->format_row);
}

void
ledger_export_dialog_set_format (LedgerExportDialog *self,
                                 LedgerExportFormat  format)
{
  g_return_if_fail (LEDGER_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format);
}

void
ledger_export_dialog_set_kind (LedgerExportDialog *self,
                               LedgerKind          kind)
{
  g_return_if_fail (LEDGER_IS_EXPORT_DIALOG (self));
  for (guint i = 0; i < self->row_kinds->len; i++)
    if (g_array_index (self->row_kinds, LedgerKind, i) == kind)
      adw_combo_row_set_selected (self->kind_row, i);
}

int
ledger_export_dialog_get_year (LedgerExportDialog *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPORT_DIALOG (self), 0);
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

/**
 * ledger_export_dialog_get_township:
 *
 * Returns: (nullable): the township chosen, or NULL for the whole county
 */
const char *
ledger_export_dialog_get_township (LedgerExportDialog *self)
{
  guint row;

  g_return_val_if_fail (LEDGER_IS_EXPORT_DIALOG (self), NULL);
  row = adw_combo_row_get_selected (self->township_row);
  return row < self->township_codes->len ? g_ptr_array_index (self->township_codes, row) : NULL;
}

gboolean
ledger_export_dialog_is_busy (LedgerExportDialog *self)
{
  g_return_val_if_fail (LEDGER_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

void
ledger_export_dialog_cancel (LedgerExportDialog *self)
{
  g_return_if_fail (LEDGER_IS_EXPORT_DIALOG (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
ledger_export_dialog_export_to (LedgerExportDialog *self,
                                const char         *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *label = g_strdup_printf (_("Exporting to “%s”…"), name);
  LedgerExportRequest request = { 0 };
  ExportCall *call;

  g_return_if_fail (LEDGER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (!ledger_export_dialog_is_busy (self));

  request.format = ledger_export_dialog_get_format (self);
  request.kind = selected_kind (self);
  request.year = ledger_export_dialog_get_year (self);
  request.township = ledger_export_dialog_get_township (self);
  request.progress = on_job_progress;
  request.progress_data = self;
  call = g_new0 (ExportCall, 1);
  call->self = g_object_ref (self);
  call->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->permille, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->progress_label, label);
  set_busy (self, TRUE);
  self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, on_progress_tick_cb, self);
  ledger_export_async (ledger_db_get_path (self->db), path, &request, self->cancellable,
                       on_export_done_cb, call);
}

void
ledger_show_in_folder (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (file);
  char *folder_uri = g_file_get_uri (folder);
  const char *uris[] = { uri, NULL };
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  if (bus == NULL)
    {
      launch_folder (folder_uri);
      g_free (folder_uri);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems", g_variant_new ("(^ass)", uris, ""),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_show_items_done_cb, folder_uri);
}
