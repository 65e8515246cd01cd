/* ledger-file-chooser.c: asking for one file, the same way everywhere in the app
 *
 * A modal native chooser over @parent; on "accept" with a local file the
 * caller's function gets its path, unless the widget that asked is gone by
 * then. The chooser is destroyed and freed in every case.
 */
#include "config.h"

#include "ledger-file-chooser.h"

typedef struct
{
  GWeakRef             owner;
  LedgerFileChosenFunc func;
  gpointer             data;
  GDestroyNotify       destroy_data;
} Request;

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->owner);
  if (request->destroy_data != NULL)
    request->destroy_data (request->data);
  g_free (request);
}

static void
on_response_cb (GtkNativeDialog *native,
                int              response,
                Request         *request)
{
  g_autoptr (GObject) owner = g_weak_ref_get (&request->owner);
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (owner != NULL && file != NULL && g_file_peek_path (file) != NULL)
    request->func (owner, g_file_peek_path (file), request->data);
  gtk_native_dialog_destroy (native);
  request_free (request);
  g_object_unref (native);
}

/**
 * ledger_choose_file:
 * @parent: (nullable): the window the chooser is modal over
 * @owner: (type GObject): what asks; @func is not called once it is finalized
 * @choice: the chooser's title, action, filter, folder and suggested name
 * @func: called with @owner and the chosen file's path
 * @data: (nullable): passed to @func
 * @destroy_data: (nullable): frees @data when the chooser closes
 */
void
ledger_choose_file (GtkWindow              *parent,
                    gpointer                owner,
                    const LedgerFileChoice *choice,
                    LedgerFileChosenFunc    func,
                    gpointer                data,
                    GDestroyNotify          destroy_data)
{
  GtkFileChooserNative *native;
  Request *request;

  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (choice != NULL && func != NULL);

  native = gtk_file_chooser_native_new (choice->title, parent, choice->action, choice->accept_label, NULL);
  if (choice->filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), choice->filter);
  if (choice->folder != NULL)
    {
      g_autoptr (GFile) folder = g_file_new_for_path (choice->folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  if (choice->name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), choice->name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  request = g_new0 (Request, 1);
  g_weak_ref_init (&request->owner, owner);
  request->func = func;
  request->data = data;
  request->destroy_data = destroy_data;
  g_signal_connect (native, "response", G_CALLBACK (on_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * ledger_file_filter_new:
 * @name: the filter's name, as the chooser shows it
 * @first_pattern: a glob ("*.geojson"), then more, then %NULL
 *
 * Returns: (transfer full): the filter
 */
GtkFileFilter *
ledger_file_filter_new (const char *name,
                        const char *first_pattern,
                        ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_pattern);
  for (const char *pattern = first_pattern; pattern != NULL; pattern = va_arg (args, const char *))
    gtk_file_filter_add_pattern (filter, pattern);
  va_end (args);
  return filter;
}
