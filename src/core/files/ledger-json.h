/* ledger-json.h: parsing JSON from files people hand us, with a depth limit;
 * writing JSON text by hand where a tree would be too big or change numbers */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* GeoJSON needs five levels (MultiPolygon in a feature in a collection) and
 * properties a few more; json-glib recurses once per level, so deeper nesting
 * is refused before parsing rather than overflowing the stack. */
#define LEDGER_JSON_MAX_NESTING 64

gboolean ledger_json_nesting_is_sane (const char  *text,
                                      gssize       length);
gboolean ledger_json_parse           (JsonParser  *parser,
                                      const char  *text,
                                      gssize       length,
                                      GError     **error);
void     ledger_json_append_string   (GString     *out,
                                      const char  *text);

G_END_DECLS
