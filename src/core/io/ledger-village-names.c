/* ledger-village-names.c: a village by its township and name → its 12-digit code
 *
 * A full name wins over a short one (三元桥村 is the 村 even when a
 * 三元桥社区 is beside it); a short name that fits several is refused with
 * the candidates, never guessed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-regions.h"
#include "ledger-village-names.h"

#define MAX_LISTED 40

struct _LedgerVillageNames
{
  GPtrArray *townships;   /* LedgerRegion */
  GPtrArray *villages;    /* LedgerRegion: villages and communities */
};

static const char * const township_suffixes[] = { "街道办事处", "街道办", "街道", "民族乡", "镇", "乡", NULL };
static const char * const village_suffixes[] = {
  "村民委员会", "居民委员会", "村委会", "居委会", "社区", "村", "居", NULL
};

/* ---- auxiliary functions ---- */

/* no white space, half-width */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0x00A0)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
strip_suffix (const char         *name,
              const char * const *suffixes)
{
  g_autofree char *squeezed = squeeze (name);

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (squeezed, suffixes[i]) && strlen (squeezed) > strlen (suffixes[i]))
      return g_strndup (squeezed, strlen (squeezed) - strlen (suffixes[i]));
  return g_steal_pointer (&squeezed);
}

static gboolean
is_village_level (const LedgerRegion *region)
{
  return g_strcmp0 (region->kind, "village") == 0 || g_strcmp0 (region->kind, "community") == 0;
}

/* Regions named @text: the full name first, then the short one. */
static GPtrArray *
find_named (GPtrArray          *regions,
            const char         *prefix,
            const char         *text,
            const char * const *suffixes)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autofree char *full = squeeze (text);
  g_autofree char *brief = strip_suffix (text, suffixes);

  for (int pass = 0; pass < 2 && found->len == 0; pass++)
    for (guint i = 0; i < regions->len; i++)
      {
        LedgerRegion *region = g_ptr_array_index (regions, i);
        g_autofree char *name = pass == 0 ? squeeze (region->name) : strip_suffix (region->name, suffixes);

        if (prefix != NULL && !g_str_has_prefix (region->code, prefix))
          continue;
        if (strcmp (name, pass == 0 ? full : brief) == 0)
          g_ptr_array_add (found, region);
      }
  return found;
}

static char *
list_regions (GPtrArray  *regions,
              const char *prefix,
              gboolean    with_codes)
{
  GString *list = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < regions->len; i++)
    {
      LedgerRegion *region = g_ptr_array_index (regions, i);

      if (prefix != NULL && !g_str_has_prefix (region->code, prefix))
        continue;
      if (n++ == MAX_LISTED)
        {
          g_string_append (list, "…");
          break;
        }
      g_string_append_printf (list, "%s%s", n > 1 ? "、" : "", region->name);
      if (with_codes)
        g_string_append_printf (list, " (%s)", region->code);
    }
  return g_string_free (list, FALSE);
}

static gboolean
one_township (LedgerVillageNames  *names,
              const char          *township,
              char               **prefix,
              char               **message)
{
  g_autoptr (GPtrArray) found = find_named (names->townships, NULL, township, township_suffixes);
  g_autofree char *list = NULL;

  if (found->len == 1)
    {
      *prefix = g_strdup (((LedgerRegion *) g_ptr_array_index (found, 0))->code);
      return TRUE;
    }
  list = list_regions (found->len > 0 ? found : names->townships, NULL, found->len > 0);
  if (found->len == 0)
    *message = g_strdup_printf (_("Township “%s” is not a township of this ledger; they are: %s"), township, list);
  else
    *message = g_strdup_printf (_("Township “%s” names several townships: %s"), township, list);
  return FALSE;
}

static char *
where (LedgerVillageNames *names,
       const char         *prefix)
{
  for (guint i = 0; prefix != NULL && i < names->townships->len; i++)
    {
      LedgerRegion *township = g_ptr_array_index (names->townships, i);
      if (g_str_equal (township->code, prefix))
        return g_strdup (township->name);
    }
  return g_strdup (_("this ledger"));
}

/* ---- public API ---- */

LedgerVillageNames *
ledger_village_names_new (LedgerDb  *db,
                          GError   **error)
{
  g_autoptr (GPtrArray) villages = ledger_regions_list (db, "village", error);
  g_autoptr (GPtrArray) communities = villages ? ledger_regions_list (db, "community", error) : NULL;
  g_autoptr (GPtrArray) townships = communities ? ledger_regions_list (db, "township", error) : NULL;
  LedgerVillageNames *names;

  if (townships == NULL)
    return NULL;
  names = g_new0 (LedgerVillageNames, 1);
  names->townships = g_steal_pointer (&townships);
  names->villages = g_steal_pointer (&villages);
  for (guint i = 0; i < communities->len; i++)
    g_ptr_array_add (names->villages, g_ptr_array_steal_index (communities, i--));
  return names;
}

void
ledger_village_names_free (LedgerVillageNames *names)
{
  if (names == NULL)
    return;
  g_clear_pointer (&names->townships, g_ptr_array_unref);
  g_clear_pointer (&names->villages, g_ptr_array_unref);
  g_free (names);
}

char *
ledger_village_names_short (const char *name)
{
  g_autofree char *village = strip_suffix (name, village_suffixes);

  return g_strcmp0 (village, name) != 0 ? g_steal_pointer (&village) : strip_suffix (name, township_suffixes);
}

/**
 * ledger_village_names_resolve:
 * @township: (nullable): the township's name, full or short
 * @village: the village's name, full or short
 * @message: (out) (transfer full): why not, with the candidates
 *
 * Returns: (transfer full) (nullable): the 12-digit code
 */
char *
ledger_village_names_resolve (LedgerVillageNames  *names,
                              const char          *township,
                              const char          *village,
                              char               **message)
{
  g_autofree char *prefix = NULL;
  g_autofree char *place = NULL;
  g_autofree char *list = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *township_text = township ? squeeze (township) : NULL;

  *message = NULL;
  if (township_text != NULL && *township_text != '\0' &&
      !one_township (names, township, &prefix, message))
    return NULL;
  found = find_named (names->villages, prefix, village, village_suffixes);
  for (guint i = 0; i < found->len; i++)
    if (!is_village_level (g_ptr_array_index (found, i)))
      g_ptr_array_remove_index (found, i--);
  if (found->len == 1)
    return g_strdup (((LedgerRegion *) g_ptr_array_index (found, 0))->code);
  place = where (names, prefix);
  if (found->len > 1)
    {
      list = list_regions (found, NULL, TRUE);
      *message = g_strdup_printf (_("Village “%s” names several in %s: %s. Give the township, the full name or the village code."),
                                  village, place, list);
      return NULL;
    }
  list = prefix ? list_regions (names->villages, prefix, FALSE) : NULL;
  if (list != NULL && *list != '\0')
    *message = g_strdup_printf (_("Village “%s” is not in %s; its villages are: %s"), village, place, list);
  else
    *message = g_strdup_printf (_("Village “%s” is not in %s; add the township column or the village code."),
                                village, place);
  return NULL;
}
