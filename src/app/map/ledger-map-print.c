/* ledger-map-print.c: the map as a page (PNG or PDF, A4 or A3)
 *
 * What the officer sees on the Map page — the same view, base map, layers
 * and filters — with what a printed map needs around it: a title (county,
 * year, layers), the filters in words, a legend, a scale bar, a north
 * arrow, the date and the data sources. The map is the ShumateMap widget's
 * own snapshot drawn with cairo (gsk_render_node_draw), so a PDF keeps the
 * outline, labels and symbols as vectors; a PNG is rendered at 150 dpi.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ledger-county-outline.h"
#include "ledger-map-print.h"
#include "ledger-palette.h"
#include "ledger-point-layer.h"
#include "ledger-point-sprites.h"

#define PNG_DPI        150.0
#define EARTH_CIRCUMFERENCE 40075016.686   /* metres at the equator (WGS-84 sphere of Web Mercator) */

typedef struct
{
  cairo_t                  *cr;
  double                    width, height;  /* page, points */
  double                    k;              /* text scale: 1 on A4, 1.41 on A3 */
  LedgerMapView            *view;
  const LedgerMapPrintInfo *info;
  double                    map_x, map_y, map_w, map_h;
} Page;

static const LedgerKind printed_kinds[] = { LEDGER_KIND_FACILITIES, LEDGER_KIND_FARMS, LEDGER_KIND_WATER_BODIES };

/* the same words as the map's Legend popover */
static const char *const kind_names[LEDGER_N_KINDS] = {
  [LEDGER_KIND_FACILITIES] = N_("Sewage facility"),
  [LEDGER_KIND_FARMS] = N_("Livestock farm"),
  [LEDGER_KIND_WATER_BODIES] = N_("Black-odorous water body"),
};

/* ---- auxiliary functions: text ---- */

static double
draw_text (Page       *page,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int text_w, text_h;

  pango_font_description_set_absolute_size (font, size * page->k * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (page->cr, x, y);
  cairo_set_source_rgb (page->cr, 0.1, 0.1, 0.1);
  pango_cairo_show_layout (page->cr, layout);
  pango_layout_get_size (layout, &text_w, &text_h);
  pango_font_description_free (font);
  g_object_unref (layout);
  return (double) text_h / PANGO_SCALE;
}

static char *
visible_layers (LedgerMapView *view)
{
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (view);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (printed_kinds); i++)
    if (ledger_point_layer_get_kind_visible (layer, printed_kinds[i]))
      {
        if (text->len > 0)
          g_string_append (text, _(", "));
        g_string_append (text, ledger_kind_display_name (printed_kinds[i]));
      }
  if (text->len == 0)
    g_string_append (text, _("county outline only"));
  return g_string_free (text, FALSE);
}

static void
draw_title (Page *page)
{
  g_autofree char *code = ledger_db_dup_region_code (page->info->db);
  g_autofree char *county = ledger_db_dup_region_name (page->info->db, code);
  g_autofree char *layers = visible_layers (page->view);
  g_autofree char *title = NULL;
  g_autofree char *filters = NULL;
  double y = 24 * page->k;

  /* Translators: the title of a printed map: county, year */
  title = g_strdup_printf (_("%s: rural sewage and livestock manure, %d"), county ? county : "", page->info->year);
  y += draw_text (page, title, 28, y, page->width - 56, 18, TRUE);
  /* Translators: under the title of a printed map: layers; area; another filter or nothing */
  filters = g_strdup_printf (_("Layers: %s · Area: %s%s%s"), layers,
                             page->info->township_name ? page->info->township_name : _("whole county"),
                             page->info->filter_note ? " · " : "", page->info->filter_note ? page->info->filter_note : "");
  y += draw_text (page, filters, 28, y + 2, page->width - 56, 10, FALSE);
  page->map_y = y + 10 * page->k;
}

/* ---- auxiliary functions: the map and its furniture ---- */

static void
draw_map (Page *page)
{
  GtkWidget *map = GTK_WIDGET (ledger_map_view_get_map (page->view));
  double widget_w = MAX (gtk_widget_get_width (map), 1), widget_h = MAX (gtk_widget_get_height (map), 1);
  double scale = MIN (page->map_w / widget_w, page->map_h / widget_h);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (map);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;

  /* the frame takes the view's shape, centred in the space left */
  page->map_x += (page->map_w - widget_w * scale) / 2;
  page->map_w = widget_w * scale;
  page->map_h = widget_h * scale;
  gdk_paintable_snapshot (paintable, snapshot, widget_w, widget_h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  cairo_save (page->cr);
  cairo_rectangle (page->cr, page->map_x, page->map_y, page->map_w, page->map_h);
  cairo_clip (page->cr);
  cairo_set_source_rgb (page->cr, 0.949, 0.937, 0.914);
  cairo_paint (page->cr);
  cairo_translate (page->cr, page->map_x, page->map_y);
  cairo_scale (page->cr, scale, scale);
  if (node != NULL)
    gsk_render_node_draw (node, page->cr);
  cairo_restore (page->cr);
  cairo_set_line_width (page->cr, 1.0);
  cairo_set_source_rgb (page->cr, 0.2, 0.2, 0.2);
  cairo_rectangle (page->cr, page->map_x, page->map_y, page->map_w, page->map_h);
  cairo_stroke (page->cr);
}

/* metres on the ground per point on the page, at the view's centre */
static double
metres_per_point (Page *page)
{
  ShumateViewport *viewport = ledger_map_view_get_viewport (page->view);
  GtkWidget *map = GTK_WIDGET (ledger_map_view_get_map (page->view));
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double per_pixel = EARTH_CIRCUMFERENCE * cos (lat * G_PI / 180) / (256.0 * exp2 (zoom));

  return per_pixel * MAX (gtk_widget_get_width (map), 1) / page->map_w;
}

/* 1, 2 or 5 × 10ⁿ metres, as long as fits in @max_points */
static double
nice_distance (double metres_per_pt,
               double max_points)
{
  double limit = metres_per_pt * max_points;
  double base = pow (10, floor (log10 (limit)));

  if (5 * base <= limit)
    return 5 * base;
  if (2 * base <= limit)
    return 2 * base;
  return base;
}

static void
draw_scale_bar (Page *page)
{
  double per_pt = metres_per_point (page);
  double metres = nice_distance (per_pt, page->map_w / 4);
  double length = metres / per_pt;
  double x = page->map_x + 12 * page->k, y = page->map_y + page->map_h - 14 * page->k;
  g_autofree char *label = metres >= 1000 ? g_strdup_printf (_("%g km"), metres / 1000)
                                          : g_strdup_printf (_("%g m"), metres);
  cairo_t *cr = page->cr;

  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_rectangle (cr, x - 6 * page->k, y - 22 * page->k, length + 12 * page->k, 30 * page->k);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_rectangle (cr, x, y, length / 2, 4 * page->k);
  cairo_fill (cr);
  cairo_rectangle (cr, x, y, length, 4 * page->k);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  draw_text (page, label, x, y - 18 * page->k, length + 40 * page->k, 9, FALSE);
}

static void
draw_north_arrow (Page *page)
{
  ShumateViewport *viewport = ledger_map_view_get_viewport (page->view);
  double size = 22 * page->k;
  double cx = page->map_x + page->map_w - size - 10 * page->k, cy = page->map_y + size + 10 * page->k;
  cairo_t *cr = page->cr;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_arc (cr, cx, cy, size, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_translate (cr, cx, cy);
  cairo_rotate (cr, -shumate_viewport_get_rotation (viewport));
  cairo_move_to (cr, 0, -size * 0.8);
  cairo_line_to (cr, size * 0.35, size * 0.5);
  cairo_line_to (cr, 0, size * 0.25);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_fill (cr);
  cairo_move_to (cr, 0, -size * 0.8);
  cairo_line_to (cr, -size * 0.35, size * 0.5);
  cairo_line_to (cr, 0, size * 0.25);
  cairo_close_path (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
  /* Translators: N for north on the arrow of a printed map */
  draw_text (page, C_("compass", "N"), cx - 4 * page->k, cy - size * 0.8 - 14 * page->k, 20 * page->k, 9, TRUE);
}

static void
draw_sprite (Page         *page,
             LedgerSprite *sprite,
             double        x,
             double        y,
             double        size)
{
  cairo_save (page->cr);
  cairo_translate (page->cr, x, y);
  cairo_scale (page->cr, size / sprite->size, size / sprite->size);
  cairo_set_source_surface (page->cr, sprite->surface, 0, 0);
  cairo_paint (page->cr);
  cairo_restore (page->cr);
}

static void
draw_legend (Page   *page,
             double  x,
             double  width)
{
  LedgerPointSprites *sprites = ledger_point_sprites_new (GTK_WIDGET (page->view));
  LedgerPointLayer *layer = ledger_map_view_get_point_layer (page->view);
  double y = page->map_y, symbol = 14 * page->k, text_x = x + symbol + 6 * page->k;

  y += draw_text (page, _("Legend"), x, y, width, 12, TRUE) + 6 * page->k;
  for (guint i = 0; i < G_N_ELEMENTS (printed_kinds); i++)
    {
      if (!ledger_point_layer_get_kind_visible (layer, printed_kinds[i]))
        continue;
      draw_sprite (page, ledger_point_sprites_point (sprites, printed_kinds[i], LEDGER_MARK_GOOD, FALSE), x, y, symbol);
      y += MAX (symbol, draw_text (page, _(kind_names[printed_kinds[i]]), text_x, y, width - symbol - 6, 9, FALSE));
      y += 5 * page->k;
    }
  y += 4 * page->k;
  y += draw_text (page, _("Colour: status"), x, y, width, 10, TRUE) + 4 * page->k;
  for (guint mark = 0; mark < LEDGER_N_MARKS; mark++)
    {
      GdkRGBA rgba;

      ledger_mark_color (mark, &rgba);
      gdk_cairo_set_source_rgba (page->cr, &rgba);
      cairo_arc (page->cr, x + symbol / 2, y + symbol / 2, symbol / 2.4, 0, 2 * G_PI);
      cairo_fill (page->cr);
      y += MAX (symbol, draw_text (page, ledger_mark_legend (mark), text_x, y, width - symbol - 6, 8, FALSE));
      y += 5 * page->k;
    }
  draw_text (page, _("A number in a circle: several items at this scale"), x, y + 4 * page->k, width, 8, FALSE);
  ledger_point_sprites_free (sprites);
}

static void
draw_footer (Page *page)
{
  ShumateViewport *viewport = ledger_map_view_get_viewport (page->view);
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  const char *license = source ? shumate_map_source_get_license (source) : NULL;
  g_autofree char *outline = ledger_county_outline_dup_geojson (page->info->db);
  g_autofree char *file = g_path_get_basename (ledger_db_get_path (page->info->db));
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *text = NULL;

  /* Translators: the foot of a printed map: date; ledger file; base map; outline */
  text = g_strdup_printf (_("Made %s with Sanitation Ledger. Data: the ledger “%s”, as of %d. Base map: %s. "
                            "County outline: %s. Coordinates WGS-84."),
                          date, file, page->info->year,
                          license && *license ? license : _("none"),
                          outline ? _("kept in the ledger") : _("none"));
  draw_text (page, text, 28, page->height - 30 * page->k, page->width - 56, 8, FALSE);
}

static void
draw_page (cairo_t                  *cr,
           double                    width,
           double                    height,
           LedgerMapView            *view,
           const LedgerMapPrintInfo *info)
{
  Page page = { cr, width, height, width / 842.0, view, info };
  double legend_w = 170 * page.k;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_title (&page);
  page.map_x = 28;
  page.map_w = width - 56 - legend_w - 14 * page.k;
  page.map_h = height - page.map_y - 40 * page.k;
  draw_legend (&page, width - 28 - legend_w, legend_w);
  draw_map (&page);
  draw_scale_bar (&page);
  draw_north_arrow (&page);
  draw_footer (&page);
}

static gboolean
refuse_write (const char       *path,
              cairo_status_t    status,
              GError          **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), name,
               cairo_status_to_string (status));
  return FALSE;
}

/* ---- public ---- */

void
ledger_paper_get_size (LedgerPaper  paper,
                       double      *width,
                       double      *height)
{
  /* ISO 216 landscape: A4 297 × 210 mm, A3 420 × 297 mm */
  *width = paper == LEDGER_PAPER_A3 ? 1191 : 842;
  *height = paper == LEDGER_PAPER_A3 ? 842 : 595;
}

/**
 * ledger_map_print_to_file:
 * @path: a .pdf or .png file, replaced
 *
 * Returns: FALSE with @error when the file cannot be written
 */
gboolean
ledger_map_print_to_file (LedgerMapView            *view,
                          const LedgerMapPrintInfo *info,
                          LedgerPaper               paper,
                          const char               *path,
                          GError                  **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  gboolean png = g_str_has_suffix (lower, ".png");
  double width, height, scale = png ? PNG_DPI / 72.0 : 1.0;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  ledger_paper_get_size (paper, &width, &height);
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale), (int) ceil (height * scale));
  else
    surface = cairo_pdf_surface_create (path, width, height);
  if ((status = cairo_surface_status (surface)) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return refuse_write (path, status, error);
    }
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  draw_page (cr, width, height, view, info);
  cairo_destroy (cr);
  status = cairo_surface_status (surface);
  if (png && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);   /* a PDF is written out here */
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status == CAIRO_STATUS_SUCCESS || refuse_write (path, status, error);
}
