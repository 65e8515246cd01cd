/* ledger-package.c: writing and reading update packages */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ledger-error.h"
#include "ledger-input.h"
#include "ledger-json.h"
#include "ledger-package.h"

#define MAGIC "SANITATION-LEDGER-PACKAGE 1\n"
#define MAX_HEADER (64 * 1024)
#define MAX_PACKAGE ((gsize) 1024 * 1024 * 1024)

static void
entry_free (gpointer data)
{
  LedgerPackageEntry *entry = data;

  g_bytes_unref (entry->changeset);
  g_free (entry);
}

LedgerPackage *
ledger_package_new (void)
{
  LedgerPackage *package = g_new0 (LedgerPackage, 1);

  package->header.format = LEDGER_PACKAGE_FORMAT;
  package->entries = g_ptr_array_new_with_free_func (entry_free);
  return package;
}

void
ledger_package_add (LedgerPackage *package,
                    gint64         log_id,
                    GBytes        *changeset)
{
  LedgerPackageEntry *entry = g_new0 (LedgerPackageEntry, 1);

  entry->log_id = log_id;
  entry->changeset = g_bytes_ref (changeset);
  g_ptr_array_add (package->entries, entry);
}

void
ledger_package_free (LedgerPackage *package)
{
  LedgerPackageHeader *h = &package->header;

  g_free (h->region);
  g_free (h->sender);
  g_free (h->sender_role);
  g_free (h->township);
  g_free (h->recipient);
  g_free (h->author);
  g_free (h->created);
  g_ptr_array_unref (package->entries);
  g_free (package);
}

static GByteArray *
body_bytes (LedgerPackage *package)
{
  GByteArray *body = g_byte_array_new ();

  for (guint i = 0; i < package->entries->len; i++)
    {
      LedgerPackageEntry *entry = g_ptr_array_index (package->entries, i);
      guint64 id = GUINT64_TO_BE ((guint64) entry->log_id);
      guint32 size = GUINT32_TO_BE ((guint32) g_bytes_get_size (entry->changeset));

      g_byte_array_append (body, (const guint8 *) &id, 8);
      g_byte_array_append (body, (const guint8 *) &size, 4);
      g_byte_array_append (body, g_bytes_get_data (entry->changeset, NULL), g_bytes_get_size (entry->changeset));
    }
  return body;
}

static char *
header_json (LedgerPackageHeader *h,
             GByteArray          *body)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, body->data, body->len);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format"); json_builder_add_int_value (b, h->format);
  json_builder_set_member_name (b, "schema"); json_builder_add_int_value (b, h->schema);
  json_builder_set_member_name (b, "region"); json_builder_add_string_value (b, h->region);
  json_builder_set_member_name (b, "sender"); json_builder_add_string_value (b, h->sender);
  json_builder_set_member_name (b, "sender_role"); json_builder_add_string_value (b, h->sender_role);
  json_builder_set_member_name (b, "township"); json_builder_add_string_value (b, h->township);
  json_builder_set_member_name (b, "recipient"); json_builder_add_string_value (b, h->recipient);
  json_builder_set_member_name (b, "seq"); json_builder_add_int_value (b, h->seq);
  json_builder_set_member_name (b, "ack"); json_builder_add_int_value (b, h->ack);
  json_builder_set_member_name (b, "since"); json_builder_add_int_value (b, h->since);
  json_builder_set_member_name (b, "through"); json_builder_add_int_value (b, h->through);
  json_builder_set_member_name (b, "author"); json_builder_add_string_value (b, h->author);
  json_builder_set_member_name (b, "created"); json_builder_add_string_value (b, h->created);
  json_builder_set_member_name (b, "body_size"); json_builder_add_int_value (b, body->len);
  json_builder_set_member_name (b, "body_sha256"); json_builder_add_string_value (b, sha);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/**
 * ledger_package_to_bytes:
 *
 * Returns: (transfer full): the package file's bytes
 */
GBytes *
ledger_package_to_bytes (LedgerPackage *package)
{
  g_autoptr (GByteArray) body = body_bytes (package);
  g_autofree char *header = header_json (&package->header, body);
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *) MAGIC, strlen (MAGIC));
  g_byte_array_append (out, (const guint8 *) header, strlen (header));
  g_byte_array_append (out, (const guint8 *) "\n", 1);
  g_byte_array_append (out, body->data, body->len);
  return g_byte_array_free_to_bytes (out);
}

static gboolean
set_invalid (GError     **error,
             const char  *reason)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
               _("This is not a valid update package: %s."), reason);
  return FALSE;
}

static char *
dup_member (JsonObject *o,
            const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
get_int (JsonObject *o,
         const char *name,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return *value >= 0;
}

static gboolean
read_header (LedgerPackageHeader  *h,
             JsonObject           *o,
             gint64               *body_size,
             char                **sha,
             GError              **error)
{
  gint64 format = 0, schema = 0;

  if (!get_int (o, "format", &format) || !get_int (o, "schema", &schema) ||
      !get_int (o, "seq", &h->seq) || !get_int (o, "ack", &h->ack) || !get_int (o, "since", &h->since) ||
      !get_int (o, "through", &h->through) || !get_int (o, "body_size", body_size))
    return set_invalid (error, _("its header lacks a number"));
  h->format = format;
  h->schema = schema;
  h->region = dup_member (o, "region");
  h->sender = dup_member (o, "sender");
  h->sender_role = dup_member (o, "sender_role");
  h->township = dup_member (o, "township");
  h->recipient = dup_member (o, "recipient");
  h->author = dup_member (o, "author");
  h->created = dup_member (o, "created");
  *sha = dup_member (o, "body_sha256");
  if (h->format != LEDGER_PACKAGE_FORMAT)
    return set_invalid (error, _("it is of another format version"));
  if (h->sender == NULL || h->recipient == NULL || h->sender_role == NULL || h->township == NULL || *sha == NULL)
    return set_invalid (error, _("its header lacks the sender or the recipient"));
  if (h->since > h->through)
    return set_invalid (error, _("its header is inconsistent"));
  return TRUE;
}

static gboolean
read_entries (LedgerPackage  *package,
              const guint8   *body,
              gsize           size,
              GError        **error)
{
  gsize pos = 0;
  gint64 previous = package->header.since;

  while (pos < size)
    {
      guint64 id;
      guint32 length;

      if (size - pos < 12)
        return set_invalid (error, _("it is cut short"));
      memcpy (&id, body + pos, 8);
      memcpy (&length, body + pos + 8, 4);
      id = GUINT64_FROM_BE (id);
      length = GUINT32_FROM_BE (length);
      pos += 12;
      if (length > size - pos || id > G_MAXINT64 || (gint64) id <= previous ||
          (gint64) id > package->header.through)
        return set_invalid (error, _("its changes are out of order or cut short"));
      g_autoptr (GBytes) changeset = g_bytes_new (body + pos, length);
      ledger_package_add (package, (gint64) id, changeset);
      previous = (gint64) id;
      pos += length;
    }
  return TRUE;
}

/**
 * ledger_package_parse:
 *
 * Checks the format line, the header, the body's size and SHA-256, and the
 * order of its entries. The changesets themselves are checked when applied.
 *
 * Returns: (transfer full) (nullable): the package
 */
LedgerPackage *
ledger_package_parse (const guint8  *data,
                      gsize          size,
                      GError       **error)
{
  g_autoptr (LedgerPackage) package = ledger_package_new ();
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *sha = NULL;
  g_autofree char *actual = NULL;
  const guint8 *newline;
  gsize magic = strlen (MAGIC), header_size;
  gint64 body_size = 0;

  if (size < magic || memcmp (data, MAGIC, magic) != 0)
    return set_invalid (error, _("it does not begin like one")), NULL;
  newline = memchr (data + magic, '\n', MIN (size - magic, MAX_HEADER));
  if (newline == NULL)
    return set_invalid (error, _("its header is missing or too long")), NULL;
  header_size = newline - (data + magic);
  if (!g_utf8_validate ((const char *) data + magic, header_size, NULL) ||
      !ledger_json_parse (parser, (const char *) data + magic, header_size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return set_invalid (error, _("its header is not readable")), NULL;
  if (!read_header (&package->header, json_node_get_object (json_parser_get_root (parser)),
                    &body_size, &sha, error))
    return NULL;
  const guint8 *body = newline + 1;
  gsize available = size - (body - data);
  if ((guint64) body_size != available)
    return set_invalid (error, _("it is cut short or has bytes added")), NULL;
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, body, available);
  if (g_ascii_strcasecmp (actual, sha) != 0)
    return set_invalid (error, _("its checksum does not match: it was damaged or altered")), NULL;
  if (!read_entries (package, body, available, error))
    return NULL;
  return g_steal_pointer (&package);
}

/**
 * ledger_package_read_file:
 *
 * Reads a package from a regular file of at most 1 GiB.
 *
 * Returns: (transfer full) (nullable): the package
 */
LedgerPackage *
ledger_package_read_file (const char  *path,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  gsize size;

  /* opened once, a regular file only, read up to the limit (issue 15) */
  if (!ledger_input_read_file (path, MAX_PACKAGE, &contents, &size, error))
    return NULL;
  return ledger_package_parse ((const guint8 *) contents, size, error);
}
