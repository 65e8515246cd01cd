/* ledger-changeset.c: keeping some changes of an SQLite changeset
 *
 * SQLite 3.40 has no call that builds a changeset from chosen changes
 * (sqlite3changegroup_add_change came in 3.47), so the changes to keep are
 * chosen with SQLite's own iterator and their bytes copied from the
 * changeset as they are: the result is the same format, byte for byte, that
 * sqlite3session_changeset wrote. The format (sqlite3session.h, "changeset
 * format"): per table a header 'T', nCol (varint), nCol primary-key flags and
 * the NUL-terminated name; then per change the operation, the indirect flag
 * and one record (DELETE: old, INSERT: new) or two (UPDATE: old, new); a
 * record is nCol values, each a type byte (0 undefined, 5 NULL, 1 integer and
 * 2 real of 8 bytes, 3 text and 4 blob of a varint length).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-error.h"
#include "ledger-exchange-private.h"

/* far above any ledger table; a bound keeps damaged headers cheap */
#define LEDGER_CHANGESET_MAX_COLUMNS 256

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         pos;
} Reader;

static gboolean
read_varint (Reader  *r,
             guint64 *value)
{
  *value = 0;
  for (guint i = 0; i < 9; i++)
    {
      if (r->pos >= r->size)
        return FALSE;
      guint8 byte = r->data[r->pos++];
      if (i == 8)
        {
          *value = (*value << 8) | byte;
          return TRUE;
        }
      *value = (*value << 7) | (byte & 0x7f);
      if (!(byte & 0x80))
        return TRUE;
    }
  return TRUE;
}

static gboolean
skip_value (Reader *r)
{
  guint64 length;

  if (r->pos >= r->size)
    return FALSE;
  switch (r->data[r->pos++])
    {
    case 0: case 5:
      return TRUE;
    case 1: case 2:
      r->pos += 8;
      return r->pos <= r->size;
    case 3: case 4:
      if (!read_varint (r, &length) || length > r->size - r->pos)
        return FALSE;
      r->pos += length;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
skip_record (Reader  *r,
             guint64  n_columns)
{
  for (guint64 i = 0; i < n_columns; i++)
    if (!skip_value (r))
      return FALSE;
  return TRUE;
}

/* the table header at r->pos ('T' already seen): its end and column count */
static gboolean
skip_table_header (Reader  *r,
                   guint64 *n_columns)
{
  if (!read_varint (r, n_columns) || *n_columns == 0 || *n_columns > r->size - r->pos)
    return FALSE;
  r->pos += *n_columns;
  while (r->pos < r->size && r->data[r->pos] != 0)
    r->pos++;
  if (r->pos >= r->size)
    return FALSE;
  r->pos++;
  return TRUE;
}

static gboolean
skip_change (Reader  *r,
             guint64  n_columns)
{
  guint8 op;

  if (r->pos + 2 > r->size)
    return FALSE;
  op = r->data[r->pos];
  r->pos += 2;
  switch (op)
    {
    case SQLITE_INSERT: case SQLITE_DELETE:
      return skip_record (r, n_columns);
    case SQLITE_UPDATE:
      return skip_record (r, n_columns) && skip_record (r, n_columns);
    default:
      return FALSE;
    }
}

/* The whole changeset walked by its format before SQLite sees it: SQLite
 * 3.40's iterator loops for ever on some damaged changesets (found by
 * tests/fuzz/fuzz-package; reproducer in tests/fuzz/known/changeset-loop.bin),
 * so only well-formed bytes reach it. */
static gboolean
changeset_is_well_formed (const guint8 *data,
                          gsize         size)
{
  Reader r = { data, size, 0 };
  guint64 n_columns = 0;

  if (size > 0 && data[0] != 'T')
    return FALSE;
  while (r.pos < r.size)
    {
      if (r.data[r.pos] == 'T')
        {
          Reader flags = { data, size, ++r.pos };

          if (!skip_table_header (&r, &n_columns) || n_columns > LEDGER_CHANGESET_MAX_COLUMNS)
            return FALSE;
          read_varint (&flags, &n_columns);
          for (guint64 i = 0; i < n_columns; i++)
            if (flags.data[flags.pos + i] > n_columns)
              return FALSE;
        }
      else if (!skip_change (&r, n_columns))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_damaged (GError **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("The changes in the package are damaged."));
  return FALSE;
}

typedef struct
{
  GByteArray *out;
  const guint8 *header;      /* the current table's header in the input */
  gsize         header_size;
  gboolean      header_written;
} Output;

static void
keep_change (Output       *o,
             const guint8 *change,
             gsize         size)
{
  if (!o->header_written)
    {
      g_byte_array_append (o->out, o->header, o->header_size);
      o->header_written = TRUE;
    }
  g_byte_array_append (o->out, change, size);
}

/* walks the bytes and SQLite's iterator side by side */
static gboolean
filter_changes (Reader                 *r,
                sqlite3_changeset_iter *iter,
                LedgerChangeKeep        keep,
                gpointer                user_data,
                Output                 *o,
                GError                **error)
{
  guint64 n_columns = 0;
  int rc;

  while ((rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *table;
      int n, op, indirect;

      sqlite3changeset_op (iter, &table, &n, &op, &indirect);
      if (r->pos < r->size && r->data[r->pos] == 'T')
        {
          gsize start = r->pos++;
          if (!skip_table_header (r, &n_columns))
            return set_damaged (error);
          o->header = r->data + start;
          o->header_size = r->pos - start;
          o->header_written = FALSE;
        }
      gsize change_start = r->pos;
      if (n_columns != (guint64) n || r->pos >= r->size || r->data[r->pos] != op ||
          !skip_change (r, n_columns))
        return set_damaged (error);
      if (keep (iter, table, user_data))
        keep_change (o, r->data + change_start, r->pos - change_start);
    }
  if (rc != SQLITE_DONE || r->pos != r->size)
    return set_damaged (error);
  return TRUE;
}

/**
 * ledger_changeset_filter:
 * @changeset: a changeset as sqlite3session_changeset wrote it
 * @keep: called for each change, positioned on it; TRUE keeps it
 *
 * Returns: (transfer full) (nullable): the changes kept, in the same format
 *   (possibly empty); NULL with @error when @changeset is damaged
 */
GBytes *
ledger_changeset_filter (GBytes           *changeset,
                         LedgerChangeKeep  keep,
                         gpointer          user_data,
                         GError          **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (changeset, &size);
  Reader r = { data, size, 0 };
  Output o = { g_byte_array_new (), NULL, 0, FALSE };
  sqlite3_changeset_iter *iter = NULL;
  gboolean ok;

  if (size > G_MAXINT || !changeset_is_well_formed (data, size) ||
      sqlite3changeset_start (&iter, (int) size, (void *) data) != SQLITE_OK)
    {
      g_byte_array_unref (o.out);
      set_damaged (error);
      return NULL;
    }
  ok = filter_changes (&r, iter, keep, user_data, &o, error);
  sqlite3changeset_finalize (iter);
  if (!ok)
    {
      g_byte_array_unref (o.out);
      return NULL;
    }
  return g_byte_array_free_to_bytes (o.out);
}
