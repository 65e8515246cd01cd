/* ledger-geo.c */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ledger-error.h"
#include "ledger-json.h"
#include "ledger-geo.h"

/* The edges of every ring sorted into horizontal bands, so that a point is
 * tested against the few edges of its band, not the thousands of a county's
 * outline (an import tests every row's location). */
#define N_BANDS 256

struct _LedgerOutline
{
  GPtrArray *rings;   /* GArray of double: lon, lat, lon, lat, … */
  double     min_lon, min_lat, max_lon, max_lat;
  GArray    *bands[N_BANDS];   /* of double: x1, y1, x2, y2 per edge; NULL when flat */
};

static guint
band_of (const LedgerOutline *outline,
         double               lat)
{
  double band = (lat - outline->min_lat) / (outline->max_lat - outline->min_lat) * N_BANDS;

  return (guint) CLAMP (band, 0, N_BANDS - 1);
}

static void
add_ring_to_bands (LedgerOutline *outline,
                   GArray        *ring)
{
  const double *p = (const double *) ring->data;
  guint n = ring->len / 2;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double edge[4] = { p[2 * i], p[2 * i + 1], p[2 * j], p[2 * j + 1] };
      guint first = band_of (outline, MIN (edge[1], edge[3]));
      guint last = band_of (outline, MAX (edge[1], edge[3]));

      for (guint b = first; b <= last; b++)
        g_array_append_vals (outline->bands[b], edge, 4);
    }
}

static void
build_bands (LedgerOutline *outline)
{
  if (!(outline->max_lat > outline->min_lat))
    return;
  for (guint b = 0; b < N_BANDS; b++)
    outline->bands[b] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < outline->rings->len; i++)
    {
      GArray *ring = g_ptr_array_index (outline->rings, i);
      if (ring->len >= 6)
        add_ring_to_bands (outline, ring);
    }
}

/* Files are hostile: every member is checked for its type before it is
 * taken (json-glib's getters are for trusted documents; fuzz-outline). */
static JsonArray *
element_array (JsonArray *array,
               guint      index)
{
  JsonNode *node = array != NULL && index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
element_number (JsonArray *array,
                guint      index,
                double    *value)
{
  JsonNode *node = json_array_get_element (array, index);
  GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_double (node);
  return isfinite (*value);
}

static JsonNode *
member_of_type (JsonObject *object,
                const char *name,
                JsonNodeType type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_TYPE (node) == type ? node : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_VALUE);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";
}

static void
add_ring (LedgerOutline *outline,
          JsonArray     *coordinates)
{
  guint n = coordinates != NULL ? json_array_get_length (coordinates) : 0;
  GArray *ring;

  if (coordinates == NULL)
    return;
  ring = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n);
  for (guint i = 0; i < n; i++)
    {
      JsonArray *pair = element_array (coordinates, i);
      double xy[2];

      if (pair == NULL || json_array_get_length (pair) < 2 ||
          !element_number (pair, 0, &xy[0]) || !element_number (pair, 1, &xy[1]))
        continue;
      g_array_append_vals (ring, xy, 2);
      outline->min_lon = MIN (outline->min_lon, xy[0]);
      outline->max_lon = MAX (outline->max_lon, xy[0]);
      outline->min_lat = MIN (outline->min_lat, xy[1]);
      outline->max_lat = MAX (outline->max_lat, xy[1]);
    }
  g_ptr_array_add (outline->rings, ring);
}

/* Polygon: [ring, …]; MultiPolygon: [[ring, …], …]. Holes are rings too:
 * the even-odd rule of ledger_outline_contains handles them. */
static void
add_geometry (LedgerOutline *outline,
              JsonObject    *geometry)
{
  const char *type = member_string (geometry, "type");
  JsonNode *node = member_of_type (geometry, "coordinates", JSON_NODE_ARRAY);
  JsonArray *coordinates = node != NULL ? json_node_get_array (node) : NULL;
  gboolean multi = g_str_equal (type, "MultiPolygon");

  if (coordinates == NULL || !(multi || g_str_equal (type, "Polygon")))
    return;
  for (guint i = 0; i < json_array_get_length (coordinates); i++)
    {
      JsonArray *part = element_array (coordinates, i);
      if (!multi)
        add_ring (outline, part);
      else
        for (guint j = 0; part != NULL && j < json_array_get_length (part); j++)
          add_ring (outline, element_array (part, j));
    }
}

static void
add_object (LedgerOutline *outline,
            JsonObject    *object)
{
  const char *type = member_string (object, "type");
  JsonNode *features = member_of_type (object, "features", JSON_NODE_ARRAY);
  JsonNode *geometry = member_of_type (object, "geometry", JSON_NODE_OBJECT);

  if (g_str_equal (type, "FeatureCollection") && features != NULL)
    {
      JsonArray *array = json_node_get_array (features);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *feature = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_OBJECT (feature))
            add_object (outline, json_node_get_object (feature));
        }
    }
  else if (g_str_equal (type, "Feature") && geometry != NULL)
    add_geometry (outline, json_node_get_object (geometry));
  else if (!g_str_equal (type, "FeatureCollection") && !g_str_equal (type, "Feature"))
    add_geometry (outline, object);
}

/**
 * ledger_outline_new_from_geojson:
 *
 * Returns: (transfer full) (nullable): the outline, or NULL when the text
 *   holds no polygon
 */
LedgerOutline *
ledger_outline_new_from_geojson (const char  *text,
                                 GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (LedgerOutline) outline = g_new0 (LedgerOutline, 1);
  JsonNode *root;

  outline->rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  outline->min_lon = outline->min_lat = INFINITY;
  outline->max_lon = outline->max_lat = -INFINITY;
  if (!ledger_json_parse (parser, text, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    add_object (outline, json_node_get_object (root));
  if (outline->rings->len == 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("The outline holds no polygon."));
      return NULL;
    }
  build_bands (outline);
  return g_steal_pointer (&outline);
}

void
ledger_outline_free (LedgerOutline *outline)
{
  if (outline == NULL)
    return;
  g_ptr_array_unref (outline->rings);
  for (guint b = 0; b < N_BANDS; b++)
    g_clear_pointer (&outline->bands[b], g_array_unref);
  g_free (outline);
}

static gboolean
ring_contains (GArray *ring,
               double  x,
               double  y)
{
  const double *p = (const double *) ring->data;
  guint n = ring->len / 2;
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

/* The same crossing test over the edges of the point's band: every edge a
 * horizontal ray from the point can cross spans the point's latitude. */
static gboolean
band_contains (GArray *band,
               double  x,
               double  y)
{
  const double *e = (const double *) band->data;
  gboolean inside = FALSE;

  for (guint k = 0; k < band->len; k += 4)
    {
      double xi = e[k], yi = e[k + 1], xj = e[k + 2], yj = e[k + 3];
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

/* Even-odd over every ring: inside an odd number of rings is inside. */
gboolean
ledger_outline_contains (const LedgerOutline *outline,
                         double               lon,
                         double               lat)
{
  gboolean inside = FALSE;

  if (lon < outline->min_lon || lon > outline->max_lon || lat < outline->min_lat || lat > outline->max_lat)
    return FALSE;
  if (outline->bands[0] != NULL)
    return band_contains (outline->bands[band_of (outline, lat)], lon, lat);
  for (guint i = 0; i < outline->rings->len; i++)
    {
      GArray *ring = g_ptr_array_index (outline->rings, i);
      if (ring->len >= 6 && ring_contains (ring, lon, lat))
        inside = !inside;
    }
  return inside;
}

void
ledger_outline_get_bounds (const LedgerOutline *outline,
                           double              *min_lon,
                           double              *min_lat,
                           double              *max_lon,
                           double              *max_lat)
{
  *min_lon = outline->min_lon;
  *min_lat = outline->min_lat;
  *max_lon = outline->max_lon;
  *max_lat = outline->max_lat;
}

guint
ledger_outline_get_n_rings (const LedgerOutline *outline)
{
  return outline->rings->len;
}

const double *
ledger_outline_get_ring (const LedgerOutline *outline,
                         guint                index,
                         guint               *n_points)
{
  GArray *ring = g_ptr_array_index (outline->rings, index);

  *n_points = ring->len / 2;
  return (const double *) ring->data;
}
