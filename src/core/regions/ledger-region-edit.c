/* ledger-region-edit.c: add, rename, change kind, merge, split and retire units (issue 18)
 *
 * A change closes the unit's current period: the attributes it had until the
 * effective date go to region_history (and, for a merge target, its sewage
 * record to village_sewage_history), so progress for an earlier year reads
 * the list, the households and the records as they were (ledger-history-sql.h).
 * A merge moves the facilities, farms and water bodies of the merged units
 * to the unit they joined and writes each move to item_moves; the merged
 * units keep their own sewage records for the years they existed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-region-edit-private.h"
#include "ledger-db.h"
#include "ledger-values.h"

#define ITEM_TABLES "facilities", "farms", "water_bodies"

/* ---- auxiliary functions ---- */

/* Runs @sql with the text arguments bound to ?1, ?2, …; NULL binds NULL. */
static gboolean
run (LedgerDb           *db,
     const char         *sql,
     guint               n_args,
     const char * const *args,
     GError            **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_args; i++)
    sqlite3_bind_text (stmt, i + 1, args[i], -1, SQLITE_TRANSIENT);
  return ledger_db_step_done (db, stmt, error);
}

#define RUN(db, error, sql, ...) \
  run (db, sql, G_N_ELEMENTS (((const char *[]) { __VA_ARGS__ })), (const char *[]) { __VA_ARGS__ }, error)

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_village_level (const char *kind)
{
  return g_strcmp0 (kind, "village") == 0 || g_strcmp0 (kind, "community") == 0;
}

static gboolean
load_unit (LedgerDb     *db,
           const char   *code,
           LedgerUnit   *unit,
           GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT code, name, kind, parent, valid_to, coalesce(period_from, valid_from), local_code"
    " FROM regions WHERE code = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND, _("No region with code %s in this ledger."),
                   code ? code : "");
      return FALSE;
    }
  unit->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  unit->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  unit->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  unit->parent = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  unit->valid_to = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  unit->period_from = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  unit->local = sqlite3_column_int (stmt, 6) != 0;
  return TRUE;
}

/* The unit, current, and @effective after its last change. */
static gboolean
load_current_unit (LedgerDb    *db,
                   const char  *code,
                   const char  *effective,
                   LedgerUnit  *unit,
                   GError     **error)
{
  if (!load_unit (db, code, unit, error))
    return FALSE;
  if (unit->valid_to != NULL)
    return invalid (error, _("%s %s no longer exists since %s: it was merged, split or retired."),
                    unit->name, unit->code, unit->valid_to);
  /* the same day as the last change is allowed: the day's changes share one period */
  if (unit->period_from != NULL && g_strcmp0 (effective, unit->period_from) < 0)
    return invalid (error, _("%s %s last changed on %s: a new change must take effect after that day."),
                    unit->name, unit->code, unit->period_from);
  return TRUE;
}

/* A name is unique among the current units of a parent, but for @except
 * and the units in @replacing (which a merge ends the same day). */
static gboolean
check_name (LedgerDb           *db,
            const char         *parent,
            const char         *name,
            const char         *except,
            const char * const *replacing,
            GError            **error)
{
  g_autofree char *same = NULL;

  if (ledger_text_is_blank (name) || g_utf8_strlen (name, -1) > 60)
    return invalid (error, _("A name is required (at most 60 characters)."));
  same = ledger_db_lookup_text (db, "SELECT code FROM regions WHERE parent IS ?1 AND name = ?2"
                                    " AND valid_to IS NULL", parent, name);
  if (same != NULL && g_strcmp0 (same, except) != 0 &&
      (replacing == NULL || !g_strv_contains (replacing, same)))
    return invalid (error, _("“%s” is already the name of %s in the same township: two units may not share a name."),
                    name, same);
  return TRUE;
}

/* Keeps the unit's attributes until @effective in region_history; a second
 * change on the same day keeps the attributes from before the day. */
static gboolean
close_period (LedgerDb    *db,
              const char  *code,
              const char  *effective,
              GError     **error)
{
  return RUN (db, error,
              "INSERT OR IGNORE INTO region_history (code, name, kind, parent, households, population, valid_from, valid_to)"
              " SELECT code, name, kind, parent, households, population, coalesce(period_from, valid_from), ?2"
              " FROM regions WHERE code = ?1",
              code, effective) &&
         RUN (db, error, "UPDATE regions SET period_from = ?2 WHERE code = ?1", code, effective);
}

/* Keeps the village's sewage record (or that it had none) until @effective. */
static gboolean
close_sewage_period (LedgerDb    *db,
                     const char  *code,
                     const char  *effective,
                     GError     **error)
{
  return RUN (db, error,
              "INSERT OR IGNORE INTO village_sewage_history"
              " (village_code, mode, covered_households, year_done, note, valid_from, valid_to)"
              " SELECT ?1, s.mode, s.covered_households, s.year_done, s.note,"
              "  (SELECT max(valid_to) FROM village_sewage_history WHERE village_code = ?1), ?2"
              " FROM (SELECT 1) LEFT JOIN village_sewage s ON s.village_code = ?1",
              code, effective);
}

static char *
next_local_code (LedgerDb    *db,
                 const char  *parent,
                 GError     **error)
{
  g_autofree char *pattern = g_strconcat (parent, "L%", NULL);
  g_autofree char *last = ledger_db_lookup_text (db,
    "SELECT max(code) FROM regions WHERE code LIKE ?1 AND length(code) = length(?2) + 3", pattern, parent);
  guint64 n = last != NULL ? g_ascii_strtoull (last + strlen (parent) + 1, NULL, 10) : 0;

  if (n >= 99)
    {
      invalid (error, _("%s already has 99 units with local codes: no more can be added."), parent);
      return NULL;
    }
  return g_strdup_printf ("%sL%02u", parent, (guint) n + 1);
}

/* A national code given for a new unit: its parent's code and three digits. */
static gboolean
check_new_code (LedgerDb    *db,
                const char  *parent,
                const char  *code,
                GError     **error)
{
  gboolean found = FALSE;
  gsize len = strlen (parent);
  const char *tail = code + MIN (len, strlen (code));

  if (strlen (code) != len + 3 || !g_str_has_prefix (code, parent) ||
      !(g_ascii_isdigit (tail[0]) || tail[0] == 'L') || !g_ascii_isdigit (tail[1]) || !g_ascii_isdigit (tail[2]))
    return invalid (error, _("The code %s does not belong under %s: a code is its parent’s code and three more digits."),
                      code, parent);
  if (!ledger_db_has_row (db, "SELECT 1 FROM regions WHERE code = ?1", code, &found, error))
    return FALSE;
  if (found)
    return invalid (error, _("The code %s is already in this ledger."), code);
  return TRUE;
}

static gboolean
check_parent (LedgerDb    *db,
              const char  *parent,
              const char  *kind,
              GError     **error)
{
  g_auto (LedgerUnit) unit = { 0 };
  const char *wanted = is_village_level (kind) ? "township" : "county";

  if (!is_village_level (kind) && g_strcmp0 (kind, "township") != 0)
    return invalid (error, _("Unknown kind “%s”: use township, village or community."), kind ? kind : "");
  if (!load_unit (db, parent, &unit, error))
    return FALSE;
  if (!g_str_equal (unit.kind, wanted))
    return invalid (error, _("%s %s cannot hold a unit of this kind."), unit.name, unit.code);
  if (unit.valid_to != NULL)
    return invalid (error, _("%s %s no longer exists since %s: it was merged, split or retired."),
                    unit.name, unit.code, unit.valid_to);
  return TRUE;
}

/* Moves the items of @from to @into from @effective on, remembering where they were. */
static gboolean
move_items (LedgerDb    *db,
            const char  *from,
            const char  *into,
            const char  *effective,
            const char  *change,
            GError     **error)
{
  static const char *const tables[] = { ITEM_TABLES };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *insert = g_strdup_printf (
        "INSERT OR REPLACE INTO item_moves (uid, kind, from_village, to_village, effective, change_uid)"
        " SELECT uid, '%s', ?1, ?2, ?3, ?4 FROM %s WHERE village_code = ?1", tables[i], tables[i]);
      g_autofree char *update = g_strdup_printf ("UPDATE %s SET village_code = ?2 WHERE village_code = ?1",
                                                 tables[i]);

      if (!RUN (db, error, insert, from, into, effective, change) || !RUN (db, error, update, from, into))
        return FALSE;
    }
  return TRUE;
}

/* The merged unit's record: households summed, the treated mode of the most
 * covered households, the latest year done (see README, "The county's own list"). */
static gboolean
combine_sewage (LedgerDb           *db,
                const char * const *from_codes,
                const char         *into,
                GError            **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) codes = NULL;
  g_autofree char *list = NULL;

  g_strv_builder_add (builder, into);
  g_strv_builder_addv (builder, (const char **) from_codes);
  codes = g_strv_builder_end (builder);
  list = g_strjoinv (",", codes);
  return RUN (db, error,
              "INSERT OR REPLACE INTO village_sewage (village_code, mode, covered_households, year_done, note)"
              " SELECT ?1,"
              "  coalesce((SELECT mode FROM village_sewage WHERE instr(',' || ?2 || ',', ',' || village_code || ',')"
              "            AND mode <> 'none' ORDER BY coalesce(covered_households, 0) DESC LIMIT 1), max(mode)),"
              "  sum(covered_households), max(CASE WHEN mode <> 'none' THEN year_done END),"
              "  group_concat(note, '；')"
              " FROM village_sewage WHERE instr(',' || ?2 || ',', ',' || village_code || ',')"
              " HAVING count(*) > 0",
              into, list) &&
         RUN (db, error,
              "UPDATE regions SET households = (SELECT sum(households) FROM regions"
              "  WHERE instr(',' || ?2 || ',', ',' || code || ',')),"
              " population = (SELECT sum(population) FROM regions"
              "  WHERE instr(',' || ?2 || ',', ',' || code || ',')) WHERE code = ?1",
              into, list);
}

/* "磨盘村 (512022101208)、…" for the list of changes */
static char *
describe_units (LedgerDb           *db,
                const char * const *codes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *name = ledger_db_lookup_text (db, "SELECT name FROM regions WHERE code = ?1", codes[i], NULL);

      g_string_append_printf (out, "%s%s (%s)", i > 0 ? "、" : "", name ? name : "", codes[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
end_unit (LedgerDb    *db,
          const char  *code,
          const char  *effective,
          GError     **error)
{
  return RUN (db, error, "UPDATE regions SET valid_to = ?2 WHERE code = ?1", code, effective);
}

static gboolean
count_items (LedgerDb    *db,
             const char  *code,
             gint64      *n,
             GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT (SELECT count(*) FROM facilities WHERE village_code = ?1)"
    " + (SELECT count(*) FROM farms WHERE village_code = ?1)"
    " + (SELECT count(*) FROM water_bodies WHERE village_code = ?1)"
    " + (SELECT count(*) FROM regions WHERE parent = ?1 AND valid_to IS NULL)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return ledger_db_set_sqlite_error (db, sqlite3_errcode (ledger_db_get_handle (db)), error);
  *n = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
finish (LedgerDb  *db,
        gboolean   ok,
        GError   **error)
{
  if (!ok)
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  return ledger_db_commit (db, error);
}

/* ---- private API (inside an open transaction) ---- */

void
ledger_unit_clear (LedgerUnit *unit)
{
  g_clear_pointer (&unit->code, g_free);
  g_clear_pointer (&unit->name, g_free);
  g_clear_pointer (&unit->kind, g_free);
  g_clear_pointer (&unit->parent, g_free);
  g_clear_pointer (&unit->valid_to, g_free);
  g_clear_pointer (&unit->period_from, g_free);
}

char *
ledger_region_record_change (LedgerDb    *db,
                             const char  *action,
                             const char  *code,
                             const char  *old_value,
                             const char  *new_value,
                             const char  *effective,
                             GError     **error)
{
  g_autofree char *uid = ledger_uid_new ();

  if (!RUN (db, error,
            "INSERT INTO region_changes (uid, effective, action, code, old_value, new_value, batch, at, actor)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ledger_audit_batch(),"
            "  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ledger_actor())",
            uid, effective, action, code, old_value, new_value))
    return NULL;
  return g_steal_pointer (&uid);
}

gboolean
ledger_region_do_add (LedgerDb    *db,
                      const char  *parent,
                      const char  *code,
                      const char  *name,
                      const char  *kind,
                      const char  *effective,
                      char       **new_code,
                      GError     **error)
{
  return ledger_region_do_add_replacing (db, parent, code, name, kind, effective, NULL, new_code, error);
}

/* @record: FALSE for the parts of a split, which its own change records */
static gboolean
add_unit (LedgerDb           *db,
          const char         *parent,
          const char         *code,
          const char         *name,
          const char         *kind,
          const char         *effective,
          const char * const *replacing,
          gboolean            record,
          char              **new_code,
          GError            **error)
{
  g_autofree char *assigned = NULL;
  g_autofree char *change = NULL;

  if (!ledger_region_check_date (effective, error) || !check_parent (db, parent, kind, error) ||
      !check_name (db, parent, name, NULL, replacing, error))
    return FALSE;
  if (code != NULL && *code != '\0')
    {
      if (!check_new_code (db, parent, code, error))
        return FALSE;
      assigned = g_strdup (code);
    }
  else if ((assigned = next_local_code (db, parent, error)) == NULL)
    return FALSE;
  if (!RUN (db, error,
            "INSERT INTO regions (code, name, kind, parent, valid_from, local_code)"
            " VALUES (?1, ?2, ?3, ?4, ?5, instr(?1, 'L') > 0)",
            assigned, name, kind, parent, effective) ||
      (record && !(change = ledger_region_record_change (db, "add", assigned, NULL, name, effective, error))))
    return FALSE;
  if (new_code != NULL)
    *new_code = g_steal_pointer (&assigned);
  return TRUE;
}

gboolean
ledger_region_do_add_replacing (LedgerDb           *db,
                                const char         *parent,
                                const char         *code,
                                const char         *name,
                                const char         *kind,
                                const char         *effective,
                                const char * const *replacing,
                                char              **new_code,
                                GError            **error)
{
  return add_unit (db, parent, code, name, kind, effective, replacing, TRUE, new_code, error);
}

gboolean
ledger_region_do_rename (LedgerDb    *db,
                         const char  *code,
                         const char  *name,
                         const char  *effective,
                         GError     **error)
{
  g_auto (LedgerUnit) unit = { 0 };
  g_autofree char *change = NULL;

  if (!ledger_region_check_date (effective, error) || !load_current_unit (db, code, effective, &unit, error) ||
      !check_name (db, unit.parent, name, code, NULL, error))
    return FALSE;
  if (g_str_equal (unit.name, name))
    return TRUE;
  return close_period (db, code, effective, error) &&
         RUN (db, error, "UPDATE regions SET name = ?2 WHERE code = ?1", code, name) &&
         (change = ledger_region_record_change (db, "rename", code, unit.name, name, effective, error)) != NULL;
}

gboolean
ledger_region_do_set_kind (LedgerDb    *db,
                           const char  *code,
                           const char  *kind,
                           const char  *effective,
                           GError     **error)
{
  g_auto (LedgerUnit) unit = { 0 };
  g_autofree char *change = NULL;

  if (!ledger_region_check_date (effective, error) || !load_current_unit (db, code, effective, &unit, error))
    return FALSE;
  if (!is_village_level (unit.kind) || !is_village_level (kind))
    return invalid (error, _("Only a village-level unit changes its kind, between village (村) and community (社区)."));
  if (g_str_equal (unit.kind, kind))
    return TRUE;
  return close_period (db, code, effective, error) &&
         RUN (db, error, "UPDATE regions SET kind = ?2 WHERE code = ?1", code, kind) &&
         (change = ledger_region_record_change (db, "kind", code, unit.kind, kind, effective, error)) != NULL;
}

static gboolean
check_merge_sources (LedgerDb           *db,
                     const char * const *from_codes,
                     const LedgerUnit   *into,
                     const char         *effective,
                     GError            **error)
{
  if (from_codes == NULL || from_codes[0] == NULL)
    return invalid (error, _("Choose the units to merge into %s."), into->name);
  for (guint i = 0; from_codes[i] != NULL; i++)
    {
      g_auto (LedgerUnit) from = { 0 };

      if (g_str_equal (from_codes[i], into->code))
        return invalid (error, _("%s cannot be merged into itself."), into->name);
      if (!load_current_unit (db, from_codes[i], effective, &from, error))
        return FALSE;
      if (is_village_level (from.kind) != is_village_level (into->kind))
        return invalid (error, _("%s and %s are not of the same level: a village merges with villages, a township with townships."),
                        from.name, into->name);
    }
  return TRUE;
}

/* A township merged into another: each of its villages becomes a unit of
 * @into with a local code (codes carry their township), then is merged
 * into it, so its items and history follow. */
static gboolean
merge_township_villages (LedgerDb    *db,
                         const char  *township,
                         const char  *into,
                         const char  *effective,
                         GError     **error)
{
  g_autoptr (GPtrArray) villages = ledger_region_current_children (db, township, error);

  if (villages == NULL)
    return FALSE;
  for (guint i = 0; i < villages->len; i++)
    {
      LedgerUnit *village = g_ptr_array_index (villages, i);
      g_autofree char *code = NULL;
      const char *from[] = { village->code, NULL };

      if (!ledger_region_do_add (db, into, NULL, village->name, village->kind, effective, &code, error) ||
          !ledger_region_do_merge (db, from, code, effective, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ledger_region_do_merge (LedgerDb           *db,
                        const char * const *from_codes,
                        const char         *into_code,
                        const char         *effective,
                        GError            **error)
{
  g_auto (LedgerUnit) into = { 0 };
  g_autofree char *change = NULL;
  g_autofree char *names = NULL;

  if (!ledger_region_check_date (effective, error) || !load_current_unit (db, into_code, effective, &into, error) ||
      !check_merge_sources (db, from_codes, &into, effective, error))
    return FALSE;
  names = describe_units (db, from_codes);
  if (!(change = ledger_region_record_change (db, "merge", into_code, names, into.name, effective, error)))
    return FALSE;
  if (is_village_level (into.kind) &&
      (!close_period (db, into_code, effective, error) || !close_sewage_period (db, into_code, effective, error) ||
       !combine_sewage (db, from_codes, into_code, error)))
    return FALSE;
  for (guint i = 0; from_codes[i] != NULL; i++)
    {
      if (!is_village_level (into.kind) && !merge_township_villages (db, from_codes[i], into_code, effective, error))
        return FALSE;
      if ((is_village_level (into.kind) && !move_items (db, from_codes[i], into_code, effective, change, error)) ||
          !RUN (db, error, "INSERT INTO region_lineage (change_uid, from_code, to_code) VALUES (?1, ?2, ?3)",
                change, from_codes[i], into_code) ||
          !end_unit (db, from_codes[i], effective, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ledger_region_do_split (LedgerDb            *db,
                        const char          *code,
                        const char * const  *names,
                        const char * const  *kinds,
                        const char          *effective,
                        char              ***new_codes,
                        GError             **error)
{
  g_auto (LedgerUnit) unit = { 0 };
  g_autoptr (GStrvBuilder) made = g_strv_builder_new ();
  g_autofree char *change = NULL;
  g_autofree char *joined = NULL;

  if (!ledger_region_check_date (effective, error) || !load_current_unit (db, code, effective, &unit, error))
    return FALSE;
  if (!is_village_level (unit.kind))
    return invalid (error, _("Only a village-level unit can be split; a township’s villages are merged into other townships."));
  if (names == NULL || g_strv_length ((char **) names) < 2)
    return invalid (error, _("A split needs at least two new units."));
  joined = g_strjoinv ("、", (char **) names);
  if (!(change = ledger_region_record_change (db, "split", code, unit.name, joined, effective, error)) ||
      !end_unit (db, code, effective, error))
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *part = NULL;

      const char *kind = kinds != NULL && kinds[i] != NULL ? kinds[i] : unit.kind;

      if (!add_unit (db, unit.parent, NULL, names[i], kind, effective, NULL, FALSE, &part, error) ||
          !RUN (db, error, "INSERT INTO region_lineage (change_uid, from_code, to_code) VALUES (?1, ?2, ?3)",
                change, code, part) ||
          /* the items go to the first part; the officer moves the others by hand */
          (i == 0 && !move_items (db, code, part, effective, change, error)))
        return FALSE;
      g_strv_builder_add (made, part);
    }
  if (new_codes != NULL)
    *new_codes = g_strv_builder_end (made);
  return TRUE;
}

gboolean
ledger_region_do_retire (LedgerDb    *db,
                         const char  *code,
                         const char  *effective,
                         GError     **error)
{
  g_auto (LedgerUnit) unit = { 0 };
  g_autofree char *change = NULL;
  gint64 n = 0;

  if (!ledger_region_check_date (effective, error) || !load_current_unit (db, code, effective, &unit, error) ||
      !count_items (db, code, &n, error))
    return FALSE;
  if (g_str_equal (unit.kind, "county"))
    return invalid (error, _("The county itself cannot be retired."));
  if (n > 0)
    return invalid (error, _("%s %s still holds %u items or units: merge it into the unit that takes them over instead."),
                    unit.name, code, (guint) n);
  return end_unit (db, code, effective, error) &&
         (change = ledger_region_record_change (db, "retire", code, unit.name, NULL, effective, error)) != NULL;
}

GPtrArray *
ledger_region_current_children (LedgerDb    *db,
                                const char  *parent,
                                GError     **error)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func (ledger_unit_free);
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "SELECT code FROM regions WHERE parent IS ?1 AND valid_to IS NULL ORDER BY code", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, parent, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LedgerUnit *unit = g_new0 (LedgerUnit, 1);

      if (!load_unit (db, (const char *) sqlite3_column_text (stmt, 0), unit, error))
        {
          ledger_unit_free (unit);
          return NULL;
        }
      g_ptr_array_add (units, unit);
    }
  return g_steal_pointer (&units);
}

void
ledger_unit_free (gpointer data)
{
  if (data == NULL)
    return;
  ledger_unit_clear (data);
  g_free (data);
}

/* ---- public API ---- */

/**
 * ledger_region_is_local_code:
 * @code: (nullable): a region code
 *
 * Returns: %TRUE for a code this ledger gave (it holds an 'L'), which no
 *   national code can be
 */
gboolean
ledger_region_is_local_code (const char *code)
{
  return code != NULL && strchr (code, 'L') != NULL;
}

/**
 * ledger_region_check_date:
 * @effective: (nullable): YYYY-MM-DD
 *
 * Returns: %TRUE for a real date not after today; otherwise %FALSE with a
 *   translated LEDGER_ERROR_INVALID
 */
gboolean
ledger_region_check_date (const char  *effective,
                          GError     **error)
{
  g_autofree char *iso = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (effective == NULL || !ledger_parse_date (effective, &iso) || !g_str_equal (iso, effective))
    return invalid (error, _("The effective date “%s” is not a date (YYYY-MM-DD)."), effective ? effective : "");
  if (strcmp (effective, today) > 0)
    return invalid (error, _("The effective date %s is in the future: enter the change on or after that day."),
                    effective);
  return TRUE;
}

/**
 * ledger_region_add:
 * @parent: the county (for a township) or a township (for a village-level unit)
 * @code: (nullable): its national code, or %NULL for a local one
 * @kind: "township", "village" or "community"
 * @new_code: (out) (optional) (transfer full): the code it got
 *
 * Adds a unit that exists from @effective on. Returns: %TRUE on success
 */
gboolean
ledger_region_add (LedgerDb    *db,
                   const char  *parent,
                   const char  *code,
                   const char  *name,
                   const char  *kind,
                   const char  *effective,
                   char       **new_code,
                   GError     **error)
{
  if (!ledger_db_begin (db, error))
    return FALSE;
  return finish (db, ledger_region_do_add (db, parent, code, name, kind, effective, new_code, error), error);
}

/**
 * ledger_region_rename:
 *
 * Renames a current unit from @effective on; its old name stays the name of
 * earlier years. Returns: %TRUE on success
 */
gboolean
ledger_region_rename (LedgerDb    *db,
                      const char  *code,
                      const char  *name,
                      const char  *effective,
                      GError     **error)
{
  if (!ledger_db_begin (db, error))
    return FALSE;
  return finish (db, ledger_region_do_rename (db, code, name, effective, error), error);
}

/**
 * ledger_region_set_kind:
 * @kind: "village" (村, counted by the sewage rate) or "community" (社区)
 *
 * Returns: %TRUE on success
 */
gboolean
ledger_region_set_kind (LedgerDb    *db,
                        const char  *code,
                        const char  *kind,
                        const char  *effective,
                        GError     **error)
{
  if (!ledger_db_begin (db, error))
    return FALSE;
  return finish (db, ledger_region_do_set_kind (db, code, kind, effective, error), error);
}

/**
 * ledger_region_merge:
 * @from_codes: the units that join @into_code (villages, or townships)
 *
 * From @effective on, @from_codes no longer exist; their facilities, farms
 * and water bodies belong to @into_code, whose sewage record combines
 * theirs. A township's villages become villages of @into_code (local codes).
 * Returns: %TRUE on success
 */
gboolean
ledger_region_merge (LedgerDb           *db,
                     const char * const *from_codes,
                     const char         *into_code,
                     const char         *effective,
                     GError            **error)
{
  if (!ledger_db_begin (db, error))
    return FALSE;
  return finish (db, ledger_region_do_merge (db, from_codes, into_code, effective, error), error);
}

/**
 * ledger_region_split:
 * @names: the names of the new units (two or more); the first takes the items
 * @new_codes: (out) (optional) (transfer full): their local codes
 *
 * Returns: %TRUE on success
 */
gboolean
ledger_region_split (LedgerDb            *db,
                     const char          *code,
                     const char * const  *names,
                     const char          *effective,
                     char              ***new_codes,
                     GError             **error)
{
  if (!ledger_db_begin (db, error))
    return FALSE;
  return finish (db, ledger_region_do_split (db, code, names, NULL, effective, new_codes, error), error);
}

/**
 * ledger_region_retire:
 *
 * Ends a unit that holds nothing (no items, no current villages) from
 * @effective on. Returns: %TRUE on success
 */
gboolean
ledger_region_retire (LedgerDb    *db,
                      const char  *code,
                      const char  *effective,
                      GError     **error)
{
  if (!ledger_db_begin (db, error))
    return FALSE;
  return finish (db, ledger_region_do_retire (db, code, effective, error), error);
}
