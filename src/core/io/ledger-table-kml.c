/* ledger-table-kml.c: the Placemarks of a KML or KMZ file as rows
 *
 * KML (OGC 07-147r2) is what Google Earth, 奥维互动地图 and 两步路 write. One
 * row per Placemark, wherever it sits in the Folder hierarchy (line =
 * Placemark index + 1), under a header of 名称 (the Placemark's <name>), the
 * names of its ExtendedData <Data name="…"> and <SchemaData><SimpleData
 * name="…">, the keys of a simple two-column table in its <description>
 * (what ArcGIS and 奥维 write), then lon, lat and geometry as in GeoJSON
 * tables: a Point gives lon and lat; a LineString or Polygon (several: Multi…)
 * becomes GeoJSON text in the geometry column. A value a Placemark leaves out
 * is a NULL cell, so that an import keeps the stored value. Styles, icons,
 * camera views and tracks are ignored.
 *
 * A KMZ is a zip whose main document is doc.kml (else its first .kml entry).
 * Everything is bounded like the other readers: the unpacked document, the
 * element nesting, the columns, the rows, a cell, the points of a shape.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unzip.h>

#include "ledger-error.h"
#include "ledger-table-private.h"
#include "ledger-table-xlsx-private.h"
#include "ledger-zip.h"

#define MAX_NESTING   100
#define MAX_COLUMNS   1000
#define MAX_KML_BYTES ((gsize) 256 * 1024 * 1024)
#define MAX_POSITIONS 200000       /* of one Placemark's shapes */
#define NAME_COLUMN   "名称"
#define UTF8_BOM      "\xEF\xBB\xBF"

typedef struct
{
  gboolean   is_polygon;
  GPtrArray *rings;       /* GArray of double lon, lat … ; one for a line */
} Shape;

typedef struct
{
  char       *name;
  char       *description;
  GPtrArray  *data;       /* name, value, name, value … */
  gboolean    has_point;
  double      lon, lat;
  GPtrArray  *shapes;     /* Shape */
  Shape      *polygon;    /* being read */
  guint       n_positions;
} Placemark;

typedef struct
{
  GCancellable *cancellable;
  GPtrArray    *stack;         /* local names of the open elements */
  GString      *text;
  char         *data_name;     /* of the <Data> or <SimpleData> being read */
  Placemark    *placemark;     /* being read, or NULL */
  GPtrArray    *placemarks;
  GPtrArray    *columns;       /* names in order of first appearance */
  GHashTable   *column_index;  /* name → index + 1 */
} KmlReader;

/* ---- auxiliary functions: placemarks ---- */

static void
shape_free (Shape *shape)
{
  g_ptr_array_unref (shape->rings);
  g_free (shape);
}

static Shape *
shape_new (gboolean is_polygon)
{
  Shape *shape = g_new0 (Shape, 1);

  shape->is_polygon = is_polygon;
  shape->rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return shape;
}

static void
placemark_free (Placemark *placemark)
{
  g_free (placemark->name);
  g_free (placemark->description);
  g_ptr_array_unref (placemark->data);
  g_ptr_array_unref (placemark->shapes);
  g_clear_pointer (&placemark->polygon, shape_free);
  g_free (placemark);
}

static Placemark *
placemark_new (void)
{
  Placemark *placemark = g_new0 (Placemark, 1);

  placemark->data = g_ptr_array_new_with_free_func (g_free);
  placemark->shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) shape_free);
  return placemark;
}

static const char *
element_at (KmlReader *self,
            guint      up)
{
  guint n = self->stack->len;

  return up < n ? g_ptr_array_index (self->stack, n - 1 - up) : "";
}

static gboolean
add_column (KmlReader   *self,
            const char  *name,
            GError     **error)
{
  if (g_hash_table_contains (self->column_index, name))
    return TRUE;
  if (self->columns->len >= MAX_COLUMNS)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The placemarks have more than %u different fields; this is not a ledger."),
                   (guint) MAX_COLUMNS);
      return FALSE;
    }
  g_ptr_array_add (self->columns, g_strdup (name));
  g_hash_table_insert (self->column_index, g_ptr_array_index (self->columns, self->columns->len - 1),
                       GUINT_TO_POINTER (self->columns->len));
  return TRUE;
}

static gboolean
add_data (KmlReader   *self,
          const char  *name,
          const char  *value,
          GError     **error)
{
  g_autofree char *key = g_strstrip (g_strdup (name));

  /* a Data field "name" is the Placemark's name: one column, the Data wins */
  if (g_ascii_strcasecmp (key, "name") == 0)
    {
      g_free (key);
      key = g_strdup (NAME_COLUMN);
    }
  if (*key == '\0' || !add_column (self, key, error))
    return *key == '\0';
  g_ptr_array_add (self->placemark->data, g_steal_pointer (&key));
  g_ptr_array_add (self->placemark->data, g_strdup (value));
  return TRUE;
}

/* ---- auxiliary functions: coordinates ---- */

static const char *
skip_space (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

/* "lon,lat[,alt] lon,lat[,alt] …" (KML 2.2 §16.10); a space after a comma,
 * as some writers leave, does not split a tuple. */
static GArray *
parse_coordinates (const char *text,
                   guint      *n_positions)
{
  GArray *xy = g_array_new (FALSE, FALSE, sizeof (double));
  const char *p = skip_space (text);

  while (*p != '\0')
    {
      double tuple[3];
      guint n = 0;
      char *end;

      for (;;)
        {
          double value = g_ascii_strtod (p, &end);

          if (end == p || n == 3)
            goto failed;
          tuple[n++] = value;
          p = skip_space (end);
          if (*p != ',')
            break;
          p = skip_space (p + 1);
        }
      if (n < 2 || ++*n_positions > MAX_POSITIONS)
        goto failed;
      g_array_append_vals (xy, tuple, 2);
    }
  return xy;

failed:
  g_array_unref (xy);
  return NULL;
}

static gboolean
refuse_coordinates (GError **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("A <coordinates> element is not a list of longitude,latitude pairs, "
                 "or a placemark has more than %u points."), (guint) MAX_POSITIONS);
  return FALSE;
}

/* <coordinates> closes inside Point, LineString, or a LinearRing of a
 * Polygon's outer or inner boundary; anything else (gx:Track) is ignored. */
static gboolean
take_coordinates (KmlReader   *self,
                  GError     **error)
{
  Placemark *placemark = self->placemark;
  const char *parent = element_at (self, 1);
  g_autoptr(GArray) xy = NULL;

  if (!g_str_equal (parent, "Point") && !g_str_equal (parent, "LineString") && !g_str_equal (parent, "LinearRing"))
    return TRUE;
  if (g_str_equal (parent, "LinearRing") && placemark->polygon == NULL)
    return TRUE;
  if (!(xy = parse_coordinates (self->text->str, &placemark->n_positions)))
    return refuse_coordinates (error);
  if (g_str_equal (parent, "Point"))
    {
      if (xy->len >= 2 && !placemark->has_point)
        {
          placemark->has_point = TRUE;
          placemark->lon = g_array_index (xy, double, 0);
          placemark->lat = g_array_index (xy, double, 1);
        }
    }
  else if (g_str_equal (parent, "LineString") && xy->len >= 4)
    {
      Shape *line = shape_new (FALSE);

      g_ptr_array_add (line->rings, g_steal_pointer (&xy));
      g_ptr_array_add (placemark->shapes, line);
    }
  else if (g_str_equal (parent, "LinearRing") && xy->len >= 8)
    {
      /* the outer boundary first, as GeoJSON wants it */
      if (g_str_equal (element_at (self, 2), "outerBoundaryIs"))
        g_ptr_array_insert (placemark->polygon->rings, 0, g_steal_pointer (&xy));
      else
        g_ptr_array_add (placemark->polygon->rings, g_steal_pointer (&xy));
    }
  return TRUE;
}

/* ---- auxiliary functions: a description's table ---- */

/* the entities HTML writers leave in a table: &lt;Null&gt;, &nbsp; */
static char *
decode_entities (char *text)
{
  static const char *const entities[][2] = {
    { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" }, { "&nbsp;", " " }, { "&amp;", "&" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities) && strchr (text, '&') != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (text, entities[i][0], -1);

      g_free (text);
      text = g_strjoinv (entities[i][1], parts);
    }
  return g_strstrip (text);
}

/* ArcGIS writes an empty field as <Null>: a value left out */
static gboolean
is_null_marker (const char *value)
{
  return g_ascii_strcasecmp (value, "<Null>") == 0 || g_str_equal (value, "<空>");
}

static char *
strip_tags (const char *html,
            gsize       len)
{
  GString *out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (html[i] == '<')
        in_tag = TRUE;
      else if (html[i] == '>')
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (out, html[i]);
    }
  return decode_entities (g_strstrip (g_string_free (out, FALSE)));
}

static const char *
find_tag (const char *p,
          const char *end,
          const char *tag)
{
  gsize n = strlen (tag);

  for (; p + n <= end; p++)
    if (g_ascii_strncasecmp (p, tag, n) == 0 && (p[n] == '>' || g_ascii_isspace (p[n])))
      return p;
  return NULL;
}

/* The cells' text of one <tr>…</tr>. */
static GPtrArray *
table_row_cells (const char *row,
                 const char *end)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *p = row;

  for (;;)
    {
      const char *td = find_tag (p, end, "<td");
      const char *th = find_tag (p, end, "<th");
      const char *start = td && (!th || td < th) ? td : th;
      const char *open_end, *close;

      if (start == NULL || !(open_end = strchr (start, '>')) || open_end >= end)
        break;
      close = find_tag (open_end, end, start == td ? "</td" : "</th");
      if (close == NULL)
        close = end;
      g_ptr_array_add (cells, strip_tags (open_end + 1, close - open_end - 1));
      p = close;
    }
  return cells;
}

/* Key–value rows of a description such as ArcGIS and 奥维 write:
 * <table><tr><td>编号</td><td>F1</td></tr>…</table>. Anything else in the
 * description is ignored. */
static gboolean
read_description_table (KmlReader   *self,
                        const char  *html,
                        GHashTable  *own,
                        GError     **error)
{
  const char *end = html + strlen (html);
  const char *p = html;
  const char *row;

  while ((row = find_tag (p, end, "<tr")) != NULL)
    {
      const char *close = find_tag (row + 3, end, "</tr");
      g_autoptr(GPtrArray) cells = table_row_cells (row, close ? close : end);

      if (cells->len == 2 && *(char *) cells->pdata[0] != '\0' && !is_null_marker (cells->pdata[1]) &&
          !g_hash_table_contains (own, cells->pdata[0]) &&
          !add_data (self, cells->pdata[0], cells->pdata[1], error))
        return FALSE;
      p = close ? close : end;
    }
  return TRUE;
}

/* ---- auxiliary functions: the rows ---- */

static void
append_ring (GString *out,
             GArray  *xy)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i + 1 < xy->len; i += 2)
    {
      g_autofree char *lon = ledger_table_format_number (g_array_index (xy, double, i));
      g_autofree char *lat = ledger_table_format_number (g_array_index (xy, double, i + 1));

      g_string_append_printf (out, "%s[%s,%s]", i > 0 ? "," : "", lon, lat);
    }
  g_string_append_c (out, ']');
}

static void
append_shape (GString *out,
              Shape   *shape)
{
  if (!shape->is_polygon)
    {
      append_ring (out, g_ptr_array_index (shape->rings, 0));
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; i < shape->rings->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_ring (out, g_ptr_array_index (shape->rings, i));
    }
  g_string_append_c (out, ']');
}

/* The Placemark's lines or areas as GeoJSON (areas win over lines when a
 * MultiGeometry holds both); "" for a point or nothing. */
static char *
geometry_json (Placemark *placemark)
{
  gboolean polygons = FALSE;
  GString *out;
  guint n = 0;

  for (guint i = 0; i < placemark->shapes->len; i++)
    polygons |= ((Shape *) g_ptr_array_index (placemark->shapes, i))->is_polygon;
  for (guint i = 0; i < placemark->shapes->len; i++)
    n += ((Shape *) g_ptr_array_index (placemark->shapes, i))->is_polygon == polygons;
  if (n == 0)
    return g_strdup ("");
  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"type\":\"%s%s\",\"coordinates\":", n > 1 ? "Multi" : "",
                          polygons ? "Polygon" : "LineString");
  if (n > 1)
    g_string_append_c (out, '[');
  for (guint i = 0, written = 0; i < placemark->shapes->len; i++)
    {
      Shape *shape = g_ptr_array_index (placemark->shapes, i);

      if (shape->is_polygon != polygons)
        continue;
      if (written++ > 0)
        g_string_append_c (out, ',');
      append_shape (out, shape);
    }
  g_string_append (out, n > 1 ? "]}" : "}");
  return g_string_free (out, FALSE);
}

static gboolean
check_cells (char   **cells,
             guint    n,
             guint    line,
             GError **error)
{
  for (guint i = 0; i < n; i++)
    if (cells[i] != NULL && strlen (cells[i]) > LEDGER_CSV_MAX_CELL)
      {
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                     _("Placemark %u: a value is longer than %u MiB; this is not a ledger."),
                     line, (guint) (LEDGER_CSV_MAX_CELL >> 20));
        return FALSE;
      }
  return TRUE;
}

static LedgerCsvRow *
placemark_row (KmlReader   *self,
               Placemark   *placemark,
               guint        line,
               GError     **error)
{
  guint n = self->columns->len + 3;
  g_autoptr(LedgerCsvRow) row = g_new0 (LedgerCsvRow, 1);

  row->line = line;
  row->n_cells = n;
  row->cells = g_new0 (char *, n + 1);
  if (placemark->name != NULL && g_hash_table_contains (self->column_index, NAME_COLUMN))
    row->cells[GPOINTER_TO_UINT (g_hash_table_lookup (self->column_index, NAME_COLUMN)) - 1] =
      g_strdup (placemark->name);
  /* ExtendedData after the name: a Data field 名称 wins over <name> */
  for (guint i = 0; i + 1 < placemark->data->len; i += 2)
    {
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (self->column_index, placemark->data->pdata[i])) - 1;

      g_free (row->cells[column]);
      row->cells[column] = g_strdup (placemark->data->pdata[i + 1]);
    }
  row->cells[n - 3] = placemark->has_point ? ledger_table_format_number (placemark->lon) : g_strdup ("");
  row->cells[n - 2] = placemark->has_point ? ledger_table_format_number (placemark->lat) : g_strdup ("");
  row->cells[n - 1] = geometry_json (placemark);
  if (!check_cells (row->cells, n, line, error))
    return NULL;
  return g_steal_pointer (&row);
}

/* ---- GMarkup callbacks ---- */

static gboolean
in_placemark_child (KmlReader  *self,
                    const char *name)
{
  return self->placemark != NULL && g_str_equal (element_at (self, 0), name) &&
         g_str_equal (element_at (self, 1), "Placemark");
}

static void
on_start_cb (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  KmlReader *self = user_data;
  const char *name = ledger_xlsx_local_name (element);

  if (self->stack->len >= MAX_NESTING)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The KML is nested more than %u levels deep; this is not a map."), (guint) MAX_NESTING);
      return;
    }
  g_ptr_array_add (self->stack, g_strdup (name));
  g_string_truncate (self->text, 0);
  if (g_str_equal (name, "Placemark") && self->placemark == NULL)
    self->placemark = placemark_new ();
  else if (self->placemark == NULL)
    return;
  else if (g_str_equal (name, "Data") || g_str_equal (name, "SimpleData"))
    {
      g_free (self->data_name);
      self->data_name = g_strdup (ledger_xlsx_attribute (names, values, "name", FALSE));
    }
  else if (g_str_equal (name, "Polygon") && self->placemark->polygon == NULL)
    self->placemark->polygon = shape_new (TRUE);
}

static gboolean
end_placemark (KmlReader  *self,
               GError    **error)
{
  Placemark *placemark = g_steal_pointer (&self->placemark);

  if (self->placemarks->len >= LEDGER_TABLE_MAX_ROWS)
    {
      placemark_free (placemark);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("The file has more than %u rows; split it into smaller files."),
                   (guint) LEDGER_TABLE_MAX_ROWS);
      return FALSE;
    }
  g_ptr_array_add (self->placemarks, placemark);
  return !(self->placemarks->len % 4096 == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error));
}

static gboolean
end_placemark_element (KmlReader   *self,
                       const char  *name,
                       GError     **error)
{
  Placemark *placemark = self->placemark;

  if (g_str_equal (name, "Placemark"))
    return end_placemark (self, error);
  if (in_placemark_child (self, "name") && placemark->name == NULL)
    {
      placemark->name = g_strstrip (g_strdup (self->text->str));
      return add_column (self, NAME_COLUMN, error);
    }
  if (in_placemark_child (self, "description") && placemark->description == NULL)
    placemark->description = g_strdup (self->text->str);
  else if (g_str_equal (name, "value") && g_str_equal (element_at (self, 1), "Data") && self->data_name)
    return add_data (self, self->data_name, self->text->str, error);
  else if (g_str_equal (name, "SimpleData") && self->data_name)
    return add_data (self, self->data_name, self->text->str, error);
  else if (g_str_equal (name, "coordinates"))
    return take_coordinates (self, error);
  else if (g_str_equal (name, "Polygon") && placemark->polygon != NULL)
    {
      Shape *polygon = g_steal_pointer (&placemark->polygon);

      if (polygon->rings->len > 0)
        g_ptr_array_add (placemark->shapes, polygon);
      else
        shape_free (polygon);
    }
  return TRUE;
}

static void
on_end_cb (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  KmlReader *self = user_data;
  const char *name = ledger_xlsx_local_name (element);

  if (self->placemark != NULL)
    end_placemark_element (self, name, error);
  if (self->stack->len > 0)
    g_ptr_array_set_size (self->stack, self->stack->len - 1);
  g_string_truncate (self->text, 0);
}

static void
on_text_cb (GMarkupParseContext  *context,
            const char           *text,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  KmlReader *self = user_data;

  if (self->placemark == NULL)
    return;
  if (self->text->len + len > LEDGER_CSV_MAX_CELL)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("Placemark %u: a value is longer than %u MiB; this is not a ledger."),
                   self->placemarks->len + 1, (guint) (LEDGER_CSV_MAX_CELL >> 20));
      return;
    }
  g_string_append_len (self->text, text, len);
}

/* ---- auxiliary functions: the document ---- */

static void
kml_reader_clear (KmlReader *self)
{
  g_ptr_array_unref (self->stack);
  g_string_free (self->text, TRUE);
  g_free (self->data_name);
  g_clear_pointer (&self->placemark, placemark_free);
  g_ptr_array_unref (self->placemarks);
  g_hash_table_unref (self->column_index);
  g_ptr_array_unref (self->columns);
}

static gboolean
parse_kml (KmlReader   *self,
           const char  *text,
           gsize        len,
           GError     **error)
{
  static const GMarkupParser parser = { on_start_cb, on_end_cb, on_text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context =
    g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, self, NULL);
  g_autoptr(GError) local = NULL;

  if (g_markup_parse_context_parse (context, text, len, &local) &&
      g_markup_parse_context_end_parse (context, &local))
    return TRUE;
  if (local->domain == G_MARKUP_ERROR)
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("The KML is damaged: %s"), local->message);
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Descriptions are read once every data field is known: a Data field wins
 * over the same key in a table. */
static gboolean
read_descriptions (KmlReader  *self,
                   GError    **error)
{
  for (guint i = 0; i < self->placemarks->len; i++)
    {
      Placemark *placemark = g_ptr_array_index (self->placemarks, i);
      g_autoptr(GHashTable) own = g_hash_table_new (g_str_hash, g_str_equal);
      gboolean ok;

      if (placemark->description == NULL || strstr (placemark->description, "<") == NULL)
        continue;
      self->placemark = placemark;
      for (guint j = 0; j < placemark->data->len; j += 2)
        g_hash_table_add (own, placemark->data->pdata[j]);
      ok = read_description_table (self, placemark->description, own, error);
      self->placemark = NULL;
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
build_rows (KmlReader  *self,
            GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_csv_row_free);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->columns->len; i++)
    g_ptr_array_add (names, g_strdup (g_ptr_array_index (self->columns, i)));
  g_ptr_array_add (names, g_strdup ("lon"));
  g_ptr_array_add (names, g_strdup ("lat"));
  g_ptr_array_add (names, g_strdup (LEDGER_TABLE_GEOMETRY_COLUMN));
  g_ptr_array_add (rows, ledger_table_row_new (0, names));
  for (guint i = 0; i < self->placemarks->len; i++)
    {
      LedgerCsvRow *row = placemark_row (self, g_ptr_array_index (self->placemarks, i), i + 1, error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

/* KML is UTF-8 (KML 2.2 §6.2), but a declaration may name another
 * encoding, and some Chinese tools write GB18030/GBK. */
static char *
decode_kml (const char  *bytes,
            gsize        len,
            gsize       *out_len,
            GError     **error)
{
  char *text;

  if (len >= 3 && memcmp (bytes, UTF8_BOM, 3) == 0)
    bytes += 3, len -= 3;
  if (memchr (bytes, '\0', len) == NULL && g_utf8_validate_len (bytes, len, NULL))
    {
      *out_len = len;
      return g_strndup (bytes, len);
    }
  text = g_convert (bytes, len, "UTF-8", "GB18030", NULL, out_len, NULL);
  if (text == NULL || memchr (text, '\0', *out_len) != NULL)
    {
      g_free (text);
      g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                           _("The KML is neither UTF-8 nor GB18030 text."));
      return NULL;
    }
  return text;
}

/* ---- auxiliary functions: KMZ ---- */

static gboolean
refuse_damaged_kmz (GError **error)
{
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("The file is not a valid KMZ: the zip archive is damaged."));
  return FALSE;
}

/* doc.kml, else the first .kml entry (Google Earth writes doc.kml) */
static gboolean
locate_document (unzFile   zip,
                 GError  **error)
{
  char name[512];

  if (unzLocateFile (zip, "doc.kml", 2) == UNZ_OK)
    return TRUE;
  for (int status = unzGoToFirstFile (zip); status == UNZ_OK; status = unzGoToNextFile (zip))
    {
      g_autofree char *lower = NULL;

      if (unzGetCurrentFileInfo64 (zip, NULL, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK)
        return refuse_damaged_kmz (error);
      lower = g_ascii_strdown (name, -1);
      if (g_str_has_suffix (lower, ".kml"))
        return TRUE;
    }
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("The KMZ holds no KML document (doc.kml)."));
  return FALSE;
}

static char *
inflate_document (unzFile   zip,
                  gsize    *len,
                  GError  **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  char buf[64 * 1024];
  int n;

  if (unzOpenCurrentFile (zip) != UNZ_OK)
    return refuse_damaged_kmz (error), NULL;
  while ((n = unzReadCurrentFile (zip, buf, sizeof buf)) > 0)
    {
      if (out->len + (gsize) n > MAX_KML_BYTES)
        {
          unzCloseCurrentFile (zip);
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                       _("The KML document in the KMZ unpacks to more than %u MiB; it is refused."),
                       (guint) (MAX_KML_BYTES >> 20));
          return NULL;
        }
      g_byte_array_append (out, (guint8 *) buf, n);
    }
  if (unzCloseCurrentFile (zip) != UNZ_OK || n < 0)   /* a CRC error shows here */
    return refuse_damaged_kmz (error), NULL;
  *len = out->len;
  return (char *) g_byte_array_free (g_steal_pointer (&out), FALSE);
}

static char *
unpack_kmz (const char  *bytes,
            gsize        len,
            gsize       *out_len,
            GError     **error)
{
  LedgerZipMemory memory = { bytes, len, 0 };
  unzFile zip = ledger_zip_open_memory (&memory);
  char *document = NULL;

  if (zip == NULL)
    return refuse_damaged_kmz (error), NULL;
  if (locate_document (zip, error))
    document = inflate_document (zip, out_len, error);
  unzClose (zip);
  return document;
}

/* ---- private API ---- */

/* Told by the suffix, a zip holding a .kml, or "<kml" near the start. */
gboolean
ledger_table_is_kml (const char *file_name,
                     const char *bytes,
                     gsize       len)
{
  g_autofree char *lower = g_ascii_strdown (file_name, -1);
  LedgerZipMemory memory = { bytes, len, 0 };
  unzFile zip;
  gboolean kmz;

  if (g_str_has_suffix (lower, ".kml") || g_str_has_suffix (lower, ".kmz"))
    return TRUE;
  if (len >= 2 && memcmp (bytes, "PK", 2) == 0)
    {
      if ((zip = ledger_zip_open_memory (&memory)) == NULL)
        return FALSE;
      kmz = unzLocateFile (zip, "doc.kml", 2) == UNZ_OK;
      unzClose (zip);
      return kmz;
    }
  return g_strstr_len (bytes, MIN (len, 1024), "<kml") != NULL;
}

gboolean
ledger_table_read_kml (LedgerTable   *table,
                       const char    *bytes,
                       gsize          len,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *packed = NULL;
  g_autofree char *text = NULL;
  gsize text_len = 0;
  KmlReader self = { cancellable };
  gboolean ok;

  table->format = LEDGER_TABLE_KML;
  g_free (table->encoding);
  table->encoding = g_strdup (len >= 2 && memcmp (bytes, "PK", 2) == 0 ? "KMZ" : "KML");
  g_clear_pointer (&table->sheet_name, g_free);
  if (len >= 2 && memcmp (bytes, "PK", 2) == 0 && !(packed = unpack_kmz (bytes, len, &len, error)))
    return FALSE;
  if (!(text = decode_kml (packed ? packed : bytes, len, &text_len, error)))
    return FALSE;
  self.stack = g_ptr_array_new_with_free_func (g_free);
  self.text = g_string_new (NULL);
  self.placemarks = g_ptr_array_new_with_free_func ((GDestroyNotify) placemark_free);
  self.columns = g_ptr_array_new_with_free_func (g_free);
  self.column_index = g_hash_table_new (g_str_hash, g_str_equal);
  ok = parse_kml (&self, text, text_len, error) && read_descriptions (&self, error);
  if (ok && self.placemarks->len == 0)
    {
      g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("The KML holds no placemark."));
      ok = FALSE;
    }
  if (ok)
    ok = (table->rows = build_rows (&self, error)) != NULL;
  kml_reader_clear (&self);
  return ok;
}
