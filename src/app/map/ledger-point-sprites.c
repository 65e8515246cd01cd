/* ledger-point-sprites.c: the symbols of the point layer, rendered once */
#include "config.h"

#include <math.h>

#include "ledger-palette.h"
#include "ledger-point-sprites.h"

#define POINT_SIZE          20.0
#define SELECTED_SIZE       34.0
#define MAX_CLUSTER_SPRITES 2048

struct _LedgerPointSprites
{
  GtkWidget  *widget;       /* unowned: the layer owns us */
  int         scale;
  LedgerSprite *points[3][LEDGER_N_MARKS][2];
  GHashTable   *clusters;   /* count << 3 | mark -> LedgerSprite */
};

static const GdkRGBA white = { 1, 1, 1, 1 };
static const GdkRGBA ring_blue = { 0.0, 0.447, 0.698, 1 };   /* Okabe–Ito blue #0072B2 */

static int
kind_slot (LedgerKind kind)
{
  switch (kind)
    {
    case LEDGER_KIND_FACILITIES:
      return 0;
    case LEDGER_KIND_FARMS:
      return 1;
    default:
      return 2;
    }
}

static void
sprite_free (LedgerSprite *sprite)
{
  cairo_surface_destroy (sprite->surface);
  g_clear_object (&sprite->texture);
  g_free (sprite);
}

GdkTexture *
ledger_sprite_get_texture (LedgerSprite *sprite)
{
  if (sprite->texture == NULL)
    {
      g_autoptr (GBytes) bytes = NULL;
      int width = cairo_image_surface_get_width (sprite->surface);
      int height = cairo_image_surface_get_height (sprite->surface);
      int stride = cairo_image_surface_get_stride (sprite->surface);

      bytes = g_bytes_new (cairo_image_surface_get_data (sprite->surface), (gsize) stride * height);
      sprite->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
    }
  return sprite->texture;
}

/* square = facility, triangle = farm, circle = water body */
static void
trace_symbol (cairo_t    *cr,
              LedgerKind  kind,
              double      c,
              double      r)
{
  switch (kind_slot (kind))
    {
    case 0:
      cairo_rectangle (cr, c - r * 0.85, c - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 1:
      cairo_move_to (cr, c, c - r * 1.1);
      cairo_line_to (cr, c + r * 1.05, c + r * 0.75);
      cairo_line_to (cr, c - r * 1.05, c + r * 0.75);
      cairo_close_path (cr);
      break;
    default:
      cairo_arc (cr, c, c, r, 0, 2 * G_PI);
      break;
    }
}

static void
draw_point (cairo_t    *cr,
            LedgerKind  kind,
            LedgerMark  mark,
            gboolean    selected,
            double      size)
{
  double c = size / 2, r = selected ? 8.5 : 6.0;
  GdkRGBA color;

  ledger_mark_color (mark, &color);
  if (selected)
    {
      cairo_arc (cr, c, c, size / 2 - 2.5, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &white);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &ring_blue);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  trace_symbol (cr, kind, c, r);
  /* a white outline, then a faint dark edge: readable on light and dark tiles */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_set_line_width (cr, 4.5);
  cairo_stroke_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &white);
  cairo_set_line_width (cr, 3);
  cairo_stroke_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill (cr);
}

static LedgerSprite *
render (LedgerPointSprites *sprites,
        double              size,
        void              (*draw) (cairo_t *cr, double size, gpointer data),
        gpointer            data)
{
  int pixels = (int) ceil (size * sprites->scale);
  LedgerSprite *sprite = g_new0 (LedgerSprite, 1);
  cairo_t *cr;

  sprite->size = (double) pixels / sprites->scale;
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels, pixels);
  cr = cairo_create (sprite->surface);
  cairo_scale (cr, sprites->scale, sprites->scale);
  draw (cr, size, data);
  cairo_destroy (cr);
  cairo_surface_flush (sprite->surface);
  cairo_surface_set_device_scale (sprite->surface, sprites->scale, sprites->scale);
  return sprite;
}

typedef struct
{
  LedgerKind kind;
  LedgerMark mark;
  gboolean   selected;
  guint      count;
  GtkWidget *widget;
} SpriteRequest;

static void
draw_point_cb (cairo_t  *cr,
               double    size,
               gpointer  data)
{
  SpriteRequest *request = data;

  draw_point (cr, request->kind, request->mark, request->selected, size);
}

static void
draw_cluster_cb (cairo_t  *cr,
                 double    size,
                 gpointer  data)
{
  SpriteRequest *request = data;
  g_autofree char *text = g_strdup_printf ("%u", request->count);
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (request->widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();
  double c = size / 2, r = ledger_point_sprites_cluster_radius (request->count);
  GdkRGBA color;
  int width, height;

  ledger_mark_color (request->mark, &color);
  cairo_arc (cr, c, c, r - 3, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.94);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 5);
  cairo_stroke (cr);

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, c - width / 2.0, c - height / 2.0);
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  pango_cairo_show_layout (cr, layout);
}

LedgerPointSprites *
ledger_point_sprites_new (GtkWidget *widget)
{
  LedgerPointSprites *sprites = g_new0 (LedgerPointSprites, 1);

  sprites->widget = widget;
  sprites->scale = 1;
  sprites->clusters = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sprite_free);
  return sprites;
}

void
ledger_point_sprites_clear (LedgerPointSprites *sprites)
{
  for (guint k = 0; k < 3; k++)
    for (guint m = 0; m < LEDGER_N_MARKS; m++)
      for (guint s = 0; s < 2; s++)
        g_clear_pointer (&sprites->points[k][m][s], sprite_free);
  g_hash_table_remove_all (sprites->clusters);
}

void
ledger_point_sprites_free (LedgerPointSprites *sprites)
{
  ledger_point_sprites_clear (sprites);
  g_hash_table_unref (sprites->clusters);
  g_free (sprites);
}

static void
check_scale (LedgerPointSprites *sprites)
{
  int scale = gtk_widget_get_scale_factor (sprites->widget);

  if (scale != sprites->scale)
    {
      ledger_point_sprites_clear (sprites);
      sprites->scale = scale;
    }
}

LedgerSprite *
ledger_point_sprites_point (LedgerPointSprites *sprites,
                            LedgerKind          kind,
                            LedgerMark          mark,
                            gboolean            selected)
{
  LedgerSprite **slot;

  check_scale (sprites);
  mark = MIN (mark, LEDGER_N_MARKS - 1);
  slot = &sprites->points[kind_slot (kind)][mark][selected ? 1 : 0];
  if (*slot == NULL)
    {
      SpriteRequest request = { .kind = kind, .mark = mark, .selected = selected };

      *slot = render (sprites, selected ? SELECTED_SIZE : POINT_SIZE, draw_point_cb, &request);
    }
  return *slot;
}

double
ledger_point_sprites_cluster_radius (guint count)
{
  return 14.0 + 3.5 * floor (log10 (MAX (count, 1)));
}

LedgerSprite *
ledger_point_sprites_cluster (LedgerPointSprites *sprites,
                              guint               count,
                              LedgerMark          worst)
{
  gpointer key = GSIZE_TO_POINTER (((gsize) count << 3) | (worst & 7));
  LedgerSprite *sprite;

  check_scale (sprites);
  sprite = g_hash_table_lookup (sprites->clusters, key);
  if (sprite == NULL)
    {
      SpriteRequest request = { .count = count, .mark = worst, .widget = sprites->widget };

      if (g_hash_table_size (sprites->clusters) >= MAX_CLUSTER_SPRITES)
        g_hash_table_remove_all (sprites->clusters);
      sprite = render (sprites, 2 * ledger_point_sprites_cluster_radius (count) + 2, draw_cluster_cb, &request);
      g_hash_table_insert (sprites->clusters, key, sprite);
    }
  return sprite;
}
