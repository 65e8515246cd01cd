/* ledger-detail-pane-photos.c: an inspection's photos in the detail pane
 *
 * Under each inspection, its photos as thumbnails; a click opens the photo
 * full size. "Attach Photo…" reads a JPEG or PNG file, makes the thumbnail
 * here (core keeps no image library) and stores both through core; when the
 * photo's EXIF carries a time or GPS position that the inspection lacks or
 * differs from, the pane offers them as the inspection's date and location.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ledger-a11y.h"
#include "ledger-detail-pane-private.h"
#include "ledger-exif.h"
#include "ledger-photos.h"
#include "ledger-store.h"
#include "ledger-values.h"

#define THUMBNAIL_SIZE 256
#define THUMBNAIL_SHOWN 72

/* ---- auxiliary functions ---- */

/* the picture upright, as the camera held it */
static GdkPixbuf *
load_pixbuf (GBytes  *data,
             int      size,
             GError **error)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (data);
  g_autoptr (GdkPixbuf) pixbuf = NULL;

  if (size > 0)
    pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, size, size, TRUE, NULL, error);
  else
    pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, error);
  return pixbuf ? gdk_pixbuf_apply_embedded_orientation (pixbuf) : NULL;
}

static GBytes *
make_thumbnail (GBytes  *data,
                GError **error)
{
  g_autoptr (GdkPixbuf) pixbuf = load_pixbuf (data, THUMBNAIL_SIZE, error);
  gchar *buffer = NULL;
  gsize size = 0;

  if (pixbuf == NULL)
    return NULL;
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, gdk_pixbuf_get_has_alpha (pixbuf) ? "png" : "jpeg",
                                  error, NULL))
    return NULL;
  return g_bytes_new_take (buffer, size);
}

static GtkWidget *
thumbnail_button (LedgerPhoto *photo)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *picture = gtk_picture_new ();
  g_autoptr (GdkTexture) texture = photo->thumbnail ? gdk_texture_new_from_bytes (photo->thumbnail, NULL) : NULL;
  g_autofree char *tooltip = photo->taken_at ? g_strdup_printf (_("%s, taken %s"), photo->file_name, photo->taken_at)
                                             : g_strdup (photo->file_name);

  if (texture != NULL)
    gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_size_request (picture, THUMBNAIL_SHOWN, THUMBNAIL_SHOWN);
  gtk_button_set_child (GTK_BUTTON (button), picture);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "photo-thumbnail");
  ledger_a11y_set_icon_button_label (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "pane.open-photo");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (photo->uid));
  return button;
}

static char *
describe_exif (const LedgerExif *exif)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (exif->has_time)
    g_string_append_printf (text, _("Taken on %s."), exif->time);
  if (exif->has_position)
    {
      /* Translators: a photo's GPS position, latitude then longitude in degrees */
      g_autofree char *position = g_strdup_printf (_("Position: latitude %.6f, longitude %.6f."), exif->lat, exif->lon);
      g_string_append_printf (text, "%s%s", text->len ? " " : "", position);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The inspection with the photo's date and place, or NULL when it has them;
 * @offered: what of @exif the returned record takes. A photo taken after the
 * inspection's rectification deadline shows the rectification: its time is
 * not offered as the inspection's date. */
static LedgerRecord *
record_with_exif (LedgerDb         *db,
                  const char       *inspection_uid,
                  const LedgerExif *exif,
                  LedgerExif       *offered)
{
  g_autoptr (LedgerRecord) record = ledger_store_get (db, LEDGER_KIND_INSPECTIONS, inspection_uid, 0, NULL);
  const char *deadline = record ? ledger_record_get (record, "deadline") : NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  memset (offered, 0, sizeof *offered);
  if (record == NULL)
    return NULL;
  if (exif->has_time && strncmp (exif->time, ledger_record_get (record, "date"), 10) != 0 &&
      (deadline == NULL || strncmp (exif->time, deadline, 10) <= 0))
    {
      ledger_record_take (record, ledger_kind_field_index (LEDGER_KIND_INSPECTIONS, "date"), g_strndup (exif->time, 10));
      offered->has_time = TRUE;
      memcpy (offered->time, exif->time, sizeof offered->time);
    }
  if (exif->has_position)
    {
      double lon = ledger_record_get_double (record, "lon", NAN), lat = ledger_record_get_double (record, "lat", NAN);
      if (isnan (lon) || isnan (lat) || fabs (lon - exif->lon) > 1e-6 || fabs (lat - exif->lat) > 1e-6)
        {
          int index = ledger_kind_field_index (LEDGER_KIND_INSPECTIONS, "lon");
          ledger_record_take (record, index, g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6f", exif->lon)));
          ledger_record_take (record, index + 1, g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6f", exif->lat)));
          offered->has_position = TRUE;
          offered->lon = exif->lon;
          offered->lat = exif->lat;
        }
    }
  return offered->has_time || offered->has_position ? g_steal_pointer (&record) : NULL;
}

static void
show_message (LedgerDetailPane *self,
              const char       *heading,
              const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- signal callbacks ---- */

static void
on_use_exif_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         LedgerDetailPane *self)
{
  LedgerRecord *record = g_object_get_data (G_OBJECT (dialog), "record");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "use") != 0 || self->db == NULL)
    return;
  if (!ledger_store_save (self->db, record, &error))
    show_message (self, _("Cannot Use the Photo’s Time and Place"), error->message);
}

static void
offer_exif (LedgerDetailPane *self,
            const char       *inspection_uid,
            GBytes           *data)
{
  LedgerExif exif, offered;
  LedgerRecord *record;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (!ledger_exif_read (g_bytes_get_data (data, NULL), g_bytes_get_size (data), &exif) ||
      (record = record_with_exif (self->db, inspection_uid, &exif, &offered)) == NULL)
    return;
  body = describe_exif (&offered);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Use the Photo’s Time and Place?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n%s", body,
                                  _("They can become the inspection’s date and location."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep the Inspection’s"),
                                    "use", _("_Use the Photo’s"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "use");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "record", record, (GDestroyNotify) ledger_record_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_use_exif_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_attach_response_cb (GtkNativeDialog  *native,
                       int               response,
                       LedgerDetailPane *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  const char *uid = g_object_get_data (G_OBJECT (native), "inspection");
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL &&
      !ledger_detail_pane_attach_photo (self, uid, file, &error))
    show_message (self, _("Cannot Attach the Photo"), error->message);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static gboolean
destroy_window_cb (gpointer window)
{
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
on_delete_photo_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             LedgerDetailPane *self)
{
  GtkWindow *viewer = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  const char *uid = g_object_get_data (G_OBJECT (viewer), "photo-uid");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->db == NULL)
    return;
  if (!ledger_photo_delete (self->db, uid, &error))
    {
      show_message (self, _("Cannot Delete"), error->message);
      return;
    }
  /* once the dialog, transient for the viewer, has finished its response */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window_cb, g_object_ref (viewer), g_object_unref);
}

static void
on_delete_photo_clicked_cb (GtkButton        *button,
                            LedgerDetailPane *self)
{
  GtkWidget *viewer = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (button)));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (viewer), _("Delete Photo?"),
                                              _("It is removed from the ledger; the change history keeps a record of it."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_photo_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
viewer_header (LedgerDetailPane *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  ledger_a11y_set_icon_button_label (delete, _("Delete Photo"));
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_photo_clicked_cb), self, 0);
  gtk_widget_set_sensitive (delete, self->db != NULL && !ledger_db_is_read_only (self->db));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), delete);
  return header;
}

/* ---- shared with ledger-detail-pane.c ---- */

void
ledger_detail_pane_add_photos_row (LedgerDetailPane *self,
                                   const char       *inspection_uid)
{
  g_autoptr (GPtrArray) photos = ledger_photos_load (self->db, inspection_uid, NULL);
  GtkWidget *row, *box;

  if (photos == NULL || photos->len == 0)
    return;
  row = adw_preferences_row_new ();
  box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), MIN (photos->len, 8));
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  for (guint i = 0; i < photos->len; i++)
    gtk_flow_box_append (GTK_FLOW_BOX (box), thumbnail_button (g_ptr_array_index (photos, i)));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Translators: the accessible name of the row of an inspection's photos */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Photos"));
  ledger_detail_pane_add_row (self, self->inspections_group, row);
}

void
ledger_detail_pane_choose_photo (LedgerDetailPane *self,
                                 const char       *inspection_uid)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Attach a Photo"),
                                                              GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Photos (JPEG, PNG)"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data_full (G_OBJECT (native), "inspection", g_strdup (inspection_uid), g_free);
  g_signal_connect_object (native, "response", G_CALLBACK (on_attach_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
ledger_detail_pane_open_photo (LedgerDetailPane *self,
                               const char       *photo_uid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) data = ledger_photo_load_data (self->db, photo_uid, &error);
  g_autoptr (GdkPixbuf) pixbuf = data ? load_pixbuf (data, 0, &error) : NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window, *box, *picture;

  if (pixbuf == NULL)
    {
      show_message (self, _("Cannot Open the Photo"), error->message);
      return;
    }
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Photo"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), viewer_header (self));
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_box_append (GTK_BOX (box), picture);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data_full (G_OBJECT (window), "photo-uid", g_strdup (photo_uid), g_free);
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- public API ---- */

/**
 * ledger_detail_pane_attach_photo:
 *
 * What "Attach Photo…" does once a file is chosen: reads it, makes its
 * thumbnail, stores both, and offers the photo's EXIF time and place.
 *
 * Returns: whether the photo was stored
 */
gboolean
ledger_detail_pane_attach_photo (LedgerDetailPane  *self,
                                 const char        *inspection_uid,
                                 GFile             *file,
                                 GError           **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, error);
  g_autoptr (GBytes) data = NULL;
  g_autoptr (GBytes) thumbnail = NULL;
  g_autoptr (GError) image_error = NULL;
  g_autofree char *uid = NULL;

  g_return_val_if_fail (LEDGER_IS_DETAIL_PANE (self), FALSE);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > LEDGER_PHOTO_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the photo is larger than %d MB: make it smaller first."),
                   name, LEDGER_PHOTO_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if ((data = g_file_load_bytes (file, NULL, NULL, error)) == NULL)
    return FALSE;
  if (ledger_photo_sniff (data) != NULL && (thumbnail = make_thumbnail (data, &image_error)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the picture cannot be read: %s"), name,
                   image_error->message);
      return FALSE;
    }
  if ((uid = ledger_photo_add (self->db, inspection_uid, name, data, thumbnail, error)) == NULL)
    return FALSE;
  offer_exif (self, inspection_uid, data);
  return TRUE;
}
