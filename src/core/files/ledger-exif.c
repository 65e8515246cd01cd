/* ledger-exif.c: the time and GPS position of a photo (JPEG APP1 or PNG eXIf)
 *
 * Reads the TIFF structure of EXIF (CIPA DC-008) only as far as an inspection
 * needs: IFD0 → Exif IFD (DateTimeOriginal, 0x9003) and GPS IFD (0x0001–0x0004).
 * Every read goes through read16/read32, which check the offset against the
 * length; counts are bounded before they are multiplied; no IFD is followed
 * more than once, so a file that points at itself ends.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ledger-exif.h"

#define MAX_IFD_ENTRIES 1024

enum
{
  TAG_DATE_TIME = 0x0132,
  TAG_EXIF_IFD = 0x8769,
  TAG_GPS_IFD = 0x8825,
  TAG_DATE_TIME_ORIGINAL = 0x9003,
  TAG_GPS_LAT_REF = 0x0001,
  TAG_GPS_LAT = 0x0002,
  TAG_GPS_LON_REF = 0x0003,
  TAG_GPS_LON = 0x0004,
};

enum { TYPE_BYTE = 1, TYPE_ASCII = 2, TYPE_SHORT = 3, TYPE_LONG = 4, TYPE_RATIONAL = 5 };

typedef struct
{
  const guint8 *data;
  gsize         len;
  gboolean      little;   /* "II": little-endian */
} Tiff;

typedef struct
{
  guint   type;
  guint32 count;
  gsize   value;          /* offset of the value's bytes in the TIFF */
} Entry;

/* ---- bounded reads ---- */

static gboolean
has_bytes (const Tiff *t,
           gsize       offset,
           gsize       size)
{
  return offset <= t->len && t->len - offset >= size;
}

static gboolean
read16 (const Tiff *t,
        gsize       offset,
        guint      *out)
{
  const guint8 *p;

  if (!has_bytes (t, offset, 2))
    return FALSE;
  p = t->data + offset;
  *out = t->little ? (guint) p[0] | (guint) p[1] << 8 : (guint) p[0] << 8 | (guint) p[1];
  return TRUE;
}

static gboolean
read32 (const Tiff *t,
        gsize       offset,
        guint32    *out)
{
  const guint8 *p;

  if (!has_bytes (t, offset, 4))
    return FALSE;
  p = t->data + offset;
  if (t->little)
    *out = (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
  else
    *out = (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | (guint32) p[3];
  return TRUE;
}

static gsize
type_size (guint type)
{
  switch (type)
    {
    case TYPE_BYTE:
    case TYPE_ASCII:
    case 7:  /* UNDEFINED */
      return 1;
    case TYPE_SHORT:
      return 2;
    case TYPE_LONG:
    case 9:  /* SLONG */
      return 4;
    case TYPE_RATIONAL:
    case 10: /* SRATIONAL */
      return 8;
    default:
      return 0;
    }
}

/* The entry @tag of the IFD at @ifd, with its value's bytes inside the TIFF. */
static gboolean
find_entry (const Tiff *t,
            gsize       ifd,
            guint       tag,
            Entry      *entry)
{
  guint n_entries;

  if (!read16 (t, ifd, &n_entries) || n_entries > MAX_IFD_ENTRIES || !has_bytes (t, ifd + 2, n_entries * 12))
    return FALSE;
  for (guint i = 0; i < n_entries; i++)
    {
      gsize at = ifd + 2 + (gsize) i * 12;
      guint entry_tag, size;
      guint32 offset;

      if (!read16 (t, at, &entry_tag) || entry_tag != tag)
        continue;
      if (!read16 (t, at + 2, &entry->type) || !read32 (t, at + 4, &entry->count))
        return FALSE;
      size = type_size (entry->type);
      if (size == 0 || entry->count == 0 || entry->count > t->len / size)
        return FALSE;
      if ((gsize) size * entry->count <= 4)
        entry->value = at + 8;
      else if (read32 (t, at + 8, &offset))
        entry->value = offset;
      else
        return FALSE;
      return has_bytes (t, entry->value, (gsize) size * entry->count);
    }
  return FALSE;
}

static gboolean
find_ifd_pointer (const Tiff *t,
                  gsize       ifd,
                  guint       tag,
                  gsize      *out)
{
  Entry entry;
  guint32 offset;

  if (!find_entry (t, ifd, tag, &entry) || entry.type != TYPE_LONG || !read32 (t, entry.value, &offset))
    return FALSE;
  /* an IFD that points back at the one holding the pointer would loop */
  if (offset == ifd || offset < 8)
    return FALSE;
  *out = offset;
  return TRUE;
}

/* ---- values ---- */

static gboolean
digits (const guint8 *p,
        guint         n,
        int          *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      *value = *value * 10 + (p[i] - '0');
    }
  return TRUE;
}

/* "YYYY:MM:DD HH:MM:SS" → "YYYY-MM-DD HH:MM:SS", a real date and time */
static gboolean
read_time (const Tiff *t,
           gsize       ifd,
           guint       tag,
           char        out[20])
{
  Entry entry;
  const guint8 *p;
  int year, month, day, hour, minute, second;

  if (!find_entry (t, ifd, tag, &entry) || entry.type != TYPE_ASCII || entry.count < 19)
    return FALSE;
  p = t->data + entry.value;
  if (p[4] != ':' || p[7] != ':' || p[10] != ' ' || p[13] != ':' || p[16] != ':' ||
      !digits (p, 4, &year) || !digits (p + 5, 2, &month) || !digits (p + 8, 2, &day) ||
      !digits (p + 11, 2, &hour) || !digits (p + 14, 2, &minute) || !digits (p + 17, 2, &second))
    return FALSE;
  if (year < 1900 || month < 1 || month > 12 || !g_date_valid_dmy (day, month, year) ||
      hour > 23 || minute > 59 || second > 60)
    return FALSE;
  g_snprintf (out, 20, "%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute, second);
  return TRUE;
}

/* degrees, minutes, seconds as three RATIONALs; NAN when unreadable */
static double
read_degrees (const Tiff *t,
              gsize       ifd,
              guint       tag)
{
  Entry entry;
  double degrees = 0, scale = 1;

  if (!find_entry (t, ifd, tag, &entry) || entry.type != TYPE_RATIONAL || entry.count != 3)
    return NAN;
  for (guint i = 0; i < 3; i++, scale *= 60)
    {
      guint32 numerator, denominator;

      if (!read32 (t, entry.value + i * 8, &numerator) || !read32 (t, entry.value + i * 8 + 4, &denominator) ||
          denominator == 0)
        return NAN;
      degrees += (double) numerator / denominator / scale;
    }
  return degrees;
}

static char
read_ref (const Tiff *t,
          gsize       ifd,
          guint       tag)
{
  Entry entry;

  if (!find_entry (t, ifd, tag, &entry) || entry.type != TYPE_ASCII)
    return '\0';
  return (char) t->data[entry.value];
}

static gboolean
read_position (const Tiff *t,
               gsize       gps,
               LedgerExif *exif)
{
  double lat = read_degrees (t, gps, TAG_GPS_LAT);
  double lon = read_degrees (t, gps, TAG_GPS_LON);
  char lat_ref = read_ref (t, gps, TAG_GPS_LAT_REF);
  char lon_ref = read_ref (t, gps, TAG_GPS_LON_REF);

  if (!isfinite (lat) || !isfinite (lon) || lat > 90 || lon > 180 ||
      (lat_ref != 'N' && lat_ref != 'S') || (lon_ref != 'E' && lon_ref != 'W'))
    return FALSE;
  /* cameras without a fix write zeros */
  if (lat == 0 && lon == 0)
    return FALSE;
  exif->lat = lat_ref == 'S' ? -lat : lat;
  exif->lon = lon_ref == 'W' ? -lon : lon;
  return TRUE;
}

static gboolean
read_tiff (const guint8 *data,
           gsize         len,
           LedgerExif   *exif)
{
  Tiff t = { data, len, FALSE };
  guint magic;
  guint32 ifd0;
  gsize sub;

  if (len < 8 || !((data[0] == 'I' && data[1] == 'I') || (data[0] == 'M' && data[1] == 'M')))
    return FALSE;
  t.little = data[0] == 'I';
  if (!read16 (&t, 2, &magic) || magic != 42 || !read32 (&t, 4, &ifd0) || ifd0 < 8)
    return FALSE;
  if (find_ifd_pointer (&t, ifd0, TAG_EXIF_IFD, &sub))
    exif->has_time = read_time (&t, sub, TAG_DATE_TIME_ORIGINAL, exif->time);
  if (!exif->has_time)
    exif->has_time = read_time (&t, ifd0, TAG_DATE_TIME, exif->time);
  if (find_ifd_pointer (&t, ifd0, TAG_GPS_IFD, &sub))
    exif->has_position = read_position (&t, sub, exif);
  return exif->has_time || exif->has_position;
}

/* ---- containers ---- */

static gboolean
read_jpeg (const guint8 *data,
           gsize         len,
           LedgerExif   *exif)
{
  gsize pos = 2;

  while (pos + 4 <= len)
    {
      guint marker, size;

      if (data[pos] != 0xFF)
        return FALSE;
      marker = data[pos + 1];
      if (marker == 0xFF)       /* fill byte */
        {
          pos++;
          continue;
        }
      if (marker == 0xD9 || marker == 0xDA)  /* end of image, start of scan: no EXIF after */
        return FALSE;
      if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        {
          pos += 2;
          continue;
        }
      size = (guint) data[pos + 2] << 8 | data[pos + 3];
      if (size < 2 || size > len - pos - 2)
        return FALSE;
      if (marker == 0xE1 && size >= 8 && memcmp (data + pos + 4, "Exif\0\0", 6) == 0)
        return read_tiff (data + pos + 10, size - 8, exif);
      pos += 2 + size;
    }
  return FALSE;
}

static gboolean
read_png (const guint8 *data,
          gsize         len,
          LedgerExif   *exif)
{
  gsize pos = 8;

  while (len - pos >= 12)
    {
      const guint8 *p = data + pos;
      guint32 size = (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];

      if (size > len - pos - 12)
        return FALSE;
      if (memcmp (p + 4, "eXIf", 4) == 0)
        {
          /* some writers keep JPEG's "Exif\0\0" prefix */
          if (size >= 6 && memcmp (p + 8, "Exif\0\0", 6) == 0)
            return read_tiff (p + 14, size - 6, exif);
          return read_tiff (p + 8, size, exif);
        }
      if (memcmp (p + 4, "IEND", 4) == 0)
        return FALSE;
      pos += 12 + (gsize) size;
    }
  return FALSE;
}

/**
 * ledger_exif_read:
 * @data: (array length=len): the file's bytes
 * @exif: (out caller-allocates): what was found
 *
 * Returns: whether a valid time or position was found
 */
gboolean
ledger_exif_read (const guint8 *data,
                  gsize         len,
                  LedgerExif   *exif)
{
  static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

  g_return_val_if_fail (exif != NULL, FALSE);
  memset (exif, 0, sizeof *exif);
  if (data == NULL)
    return FALSE;
  if (len >= 4 && data[0] == 0xFF && data[1] == 0xD8)
    return read_jpeg (data, len, exif);
  if (len >= 8 && memcmp (data, png_signature, 8) == 0)
    return read_png (data, len, exif);
  return FALSE;
}
