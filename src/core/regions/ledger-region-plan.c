/* ledger-region-plan.c: what a list changes in the ledger's list, and applying it (issue 18)
 *
 * Each row of the list is one unit as it is now. It is matched to a current
 * unit by its code, else by its name in its township, else by its name
 * elsewhere in the county (a unit that moved to another township: it becomes
 * a unit of the new one, merged from the old). A matched unit may be renamed
 * or change kind; an unmatched row is a new unit, or, with 合并自, the unit
 * its former units merged into (one former unit named by several rows is
 * split into them). A national list's new code for an old name is a merge of
 * the old unit into the new code. Current units that no row matches or names
 * are retired; one that still holds items is a problem to resolve first,
 * never dropped silently.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-error.h"
#include "ledger-region-edit-private.h"
#include "ledger-region-plan-private.h"
#include "ledger-db.h"
#include "ledger-rules.h"

typedef enum
{
  PHASE_TOWNSHIPS,     /* add, rename townships */
  PHASE_ADD,
  PHASE_MERGE,         /* merge, split */
  PHASE_RETIRE,
  PHASE_RENAME,
  PHASE_KIND,
  PHASE_TOWNSHIP_RETIRE,
  N_PHASES
} Phase;

/* a row's unit when it is new: added by a step, or by a merge or split */
typedef struct
{
  const LedgerRegionRow *row;
  char                  *ref;       /* given code, or "@parent/name" until a code is assigned */
  char                  *parent;    /* code or ref */
  char                  *kind;
  gboolean               consumed;  /* made by a merge or split */
} NewUnit;

typedef struct
{
  LedgerDb    *db;
  const char  *file;
  const char  *effective;
  GPtrArray   *problems;
  GPtrArray   *phases[N_PHASES];
  char        *county;
  GHashTable  *units;          /* code → LedgerUnit*, current units below the county */
  GHashTable  *by_name;        /* "parent\tname" → code, current */
  GHashTable  *matched;        /* code → row, the current units that go on */
  GHashTable  *township_refs;  /* township name or code → code or ref, resolved once */
  GHashTable  *used_townships; /* code or ref → TRUE */
  GHashTable  *sources;        /* former unit code → GPtrArray of NewUnit* or codes (char*) */
  GHashTable  *targets;        /* target (code or ref) → NewUnit* (new) or NULL */
  GPtrArray   *new_units;      /* NewUnit* */
  GHashTable  *row_names;      /* "township\tname" → row, to refuse duplicates */
  gboolean     whole_county;   /* a national list: units of townships it lacks are retired too */
} Planner;

/* ---- auxiliary functions ---- */

static void
new_unit_free (gpointer data)
{
  NewUnit *unit = data;

  g_free (unit->ref);
  g_free (unit->parent);
  g_free (unit->kind);
  g_free (unit);
}

static void
step_free (gpointer data)
{
  LedgerRegionStep *step = data;

  g_free (step->action);
  g_free (step->code);
  g_free (step->parent);
  g_free (step->name);
  g_free (step->kind);
  g_strfreev (step->from);
  g_strfreev (step->kinds);
  g_free (step->old_name);
  g_free (step->effective);
  g_free (step);
}

static LedgerRegionStep *
add_step (Planner               *p,
          Phase                  phase,
          const char            *action,
          const LedgerRegionRow *row,
          const char            *code)
{
  LedgerRegionStep *step = g_new0 (LedgerRegionStep, 1);

  step->action = g_strdup (action);
  step->line = row ? row->line : 0;
  step->code = g_strdup (code);
  step->effective = g_strdup (row && row->effective ? row->effective : p->effective);
  g_ptr_array_add (p->phases[phase], step);
  return step;
}

static void G_GNUC_PRINTF (4, 5)
problem (Planner               *p,
         const LedgerRegionRow *row,
         guint                  column,
         const char            *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (p->problems, g_strdup_printf ("%s:%u:%u: %s", p->file, row ? row->line : 0, column, message));
}

static char *
name_key (const char *parent,
          const char *name)
{
  return g_strconcat (parent, "\t", name, NULL);
}

static const LedgerUnit *
unit_by_name (Planner    *p,
              const char *parent,
              const char *name)
{
  g_autofree char *key = name_key (parent, name);
  const char *code = g_hash_table_lookup (p->by_name, key);

  return code ? g_hash_table_lookup (p->units, code) : NULL;
}

/* the one current, unmatched village-level unit of that name anywhere in the county */
static const LedgerUnit *
unit_by_name_anywhere (Planner    *p,
                       const char *name,
                       gboolean    unmatched_only)
{
  GHashTableIter iter;
  const LedgerUnit *unit, *found = NULL;

  g_hash_table_iter_init (&iter, p->units);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &unit))
    {
      if (g_str_equal (unit->kind, "township") || !g_str_equal (unit->name, name) ||
          (unmatched_only && g_hash_table_contains (p->matched, unit->code)))
        continue;
      if (found != NULL)
        return NULL;
      found = unit;
    }
  return found;
}

static gboolean
load_current (Planner  *p,
              GError  **error)
{
  g_autoptr (GPtrArray) townships = ledger_region_current_children (p->db, p->county, error);

  if (townships == NULL)
    return FALSE;
  while (townships->len > 0)
    {
      LedgerUnit *township = g_ptr_array_steal_index (townships, 0);
      g_autoptr (GPtrArray) villages = ledger_region_current_children (p->db, township->code, error);

      g_hash_table_insert (p->by_name, name_key (p->county, township->name), g_strdup (township->code));
      g_hash_table_insert (p->units, township->code, township);
      if (villages == NULL)
        return FALSE;
      while (villages->len > 0)
        {
          LedgerUnit *village = g_ptr_array_steal_index (villages, 0);
          g_hash_table_insert (p->by_name, name_key (township->code, village->name), g_strdup (village->code));
          g_hash_table_insert (p->units, village->code, village);
        }
    }
  return TRUE;
}

/* ---- townships ---- */

static void
rename_township_once (Planner               *p,
                      const LedgerRegionRow *row,
                      const LedgerUnit      *township)
{
  LedgerRegionStep *step;

  if (row->township == NULL || g_str_equal (row->township, township->name) ||
      g_hash_table_contains (p->matched, township->code))
    return;
  step = add_step (p, PHASE_TOWNSHIPS, "rename", row, township->code);
  step->name = g_strdup (row->township);
  step->old_name = g_strdup (township->name);
}

static char *
add_township (Planner               *p,
              const LedgerRegionRow *row,
              const char            *code)
{
  LedgerRegionStep *step = add_step (p, PHASE_TOWNSHIPS, "add", row, code);

  step->parent = g_strdup (p->county);
  step->name = g_strdup (row->township);
  step->kind = g_strdup ("township");
  return code ? g_strdup (code) : g_strconcat ("@", p->county, "/", row->township, NULL);
}

static char *
resolve_township_uncached (Planner               *p,
                           const LedgerRegionRow *row)
{
  const LedgerUnit *township;
  g_autofree char *prefix = NULL;

  if (row->township_code != NULL)
    {
      township = g_hash_table_lookup (p->units, row->township_code);
      if (township != NULL && g_str_equal (township->kind, "township"))
        {
          rename_township_once (p, row, township);
          return g_strdup (township->code);
        }
      if (row->township == NULL)
        {
          problem (p, row, row->column_township, _("乡镇代码 %s is not a township of this ledger: give its name in 乡镇."),
                   row->township_code);
          return NULL;
        }
      return add_township (p, row, row->township_code);
    }
  if ((township = unit_by_name (p, p->county, row->township)) != NULL)
    return g_strdup (township->code);
  /* a national code tells the township: then the township was renamed */
  if (row->code != NULL && strlen (row->code) == strlen (p->county) + 6 && !ledger_region_is_local_code (row->code))
    {
      prefix = g_strndup (row->code, strlen (p->county) + 3);
      township = g_hash_table_lookup (p->units, prefix);
      if (township != NULL && g_str_equal (township->kind, "township"))
        {
          rename_township_once (p, row, township);
          return g_strdup (township->code);
        }
    }
  return add_township (p, row, NULL);
}

static const char *
resolve_township (Planner               *p,
                  const LedgerRegionRow *row)
{
  const char *key = row->township_code ? row->township_code : row->township;
  char *township;

  if (g_hash_table_contains (p->township_refs, key))
    return g_hash_table_lookup (p->township_refs, key);
  township = resolve_township_uncached (p, row);
  g_hash_table_insert (p->township_refs, g_strdup (key), township);
  if (township != NULL)
    {
      g_hash_table_add (p->used_townships, g_strdup (township));
      g_hash_table_replace (p->matched, g_strdup (township), (gpointer) row);
    }
  return township;
}

/* ---- village-level units ---- */

static const char *
kind_for_new (const LedgerRegionRow *row)
{
  if (row->kind != NULL)
    return row->kind;
  if (row->code != NULL && !ledger_region_is_local_code (row->code))
    return ledger_code_is_admin_village (row->code) ? "village" : "community";
  return g_str_has_suffix (row->name, "社区") || g_str_has_suffix (row->name, "居委会") ? "community" : "village";
}

static NewUnit *
new_unit (Planner               *p,
          const LedgerRegionRow *row,
          const char            *township)
{
  NewUnit *unit = g_new0 (NewUnit, 1);

  unit->row = row;
  unit->parent = g_strdup (township);
  unit->kind = g_strdup (kind_for_new (row));
  unit->ref = row->code ? g_strdup (row->code) : g_strconcat ("@", township, "/", row->name, NULL);
  g_ptr_array_add (p->new_units, unit);
  g_hash_table_insert (p->targets, g_strdup (unit->ref), unit);
  return unit;
}

static void
add_source (Planner    *p,
            const char *former,
            const char *target)
{
  GPtrArray *targets = g_hash_table_lookup (p->sources, former);

  if (targets == NULL)
    {
      targets = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (p->sources, g_strdup (former), targets);
    }
  g_ptr_array_add (targets, g_strdup (target));
}

static void
match_existing (Planner               *p,
                const LedgerRegionRow *row,
                const LedgerUnit      *unit)
{
  LedgerRegionStep *step;

  g_hash_table_insert (p->matched, g_strdup (unit->code), (gpointer) row);
  if (!g_str_equal (unit->name, row->name))
    {
      step = add_step (p, PHASE_RENAME, "rename", row, unit->code);
      step->name = g_strdup (row->name);
      step->old_name = g_strdup (unit->name);
    }
  if (row->kind != NULL && !g_str_equal (unit->kind, row->kind))
    {
      step = add_step (p, PHASE_KIND, "kind", row, unit->code);
      step->kind = g_strdup (row->kind);
      step->old_name = g_strdup (unit->kind);
    }
}

/* A row with a national code that the ledger lacks. */
static const char *
row_with_new_code (Planner               *p,
                   const LedgerRegionRow *row,
                   const char            *township)
{
  const LedgerUnit *former;
  NewUnit *unit;

  if (!g_str_has_prefix (row->code, township) || strlen (row->code) != strlen (township) + 3)
    {
      problem (p, row, row->column_code, _("代码 %s does not belong to township %s: its first digits must be the township’s code."),
               row->code, township);
      return NULL;
    }
  unit = new_unit (p, row, township);
  /* the same unit under a new code (a newer national list): merged into it */
  former = unit_by_name (p, township, row->name);
  if (former == NULL && row->merged_from == NULL)
    former = unit_by_name_anywhere (p, row->name, TRUE);
  if (former != NULL && !g_hash_table_contains (p->matched, former->code))
    {
      g_hash_table_insert (p->matched, g_strdup (former->code), NULL);
      add_source (p, former->code, unit->ref);
    }
  return unit->ref;
}

static const char *
resolve_row_unit (Planner               *p,
                  const LedgerRegionRow *row,
                  const char            *township)
{
  const LedgerUnit *unit;

  if (row->code != NULL)
    {
      g_autofree char *known = ledger_db_lookup_text (p->db, "SELECT code FROM regions WHERE code = ?1",
                                                      row->code, NULL);

      unit = g_hash_table_lookup (p->units, row->code);
      if (unit == NULL && known != NULL)
        {
          problem (p, row, row->column_code, _("%s was merged, split or retired before: it cannot come back."), row->code);
          return NULL;
        }
      if (unit == NULL)
        return row_with_new_code (p, row, township);
      if (g_strcmp0 (unit->parent, township) != 0)
        {
          problem (p, row, row->column_township, _("代码 %s is a unit of township %s, not of %s."),
                   row->code, unit->parent, row->township ? row->township : township);
          return NULL;
        }
      match_existing (p, row, unit);
      return unit->code;
    }
  if (township[0] != '@' && (unit = unit_by_name (p, township, row->name)) != NULL)
    {
      match_existing (p, row, unit);
      return unit->code;
    }
  /* moved to another township: a new unit there, merged from the old one */
  if (row->merged_from == NULL && (unit = unit_by_name_anywhere (p, row->name, TRUE)) != NULL)
    {
      NewUnit *moved = new_unit (p, row, township);
      g_hash_table_insert (p->matched, g_strdup (unit->code), NULL);
      add_source (p, unit->code, moved->ref);
      return moved->ref;
    }
  return new_unit (p, row, township)->ref;
}

/* a former unit the ledger already merged, split or retired: the sheet
 * still names it after an earlier import, and nothing is left to do */
static gboolean
former_is_gone (Planner    *p,
                const char *former)
{
  g_autofree char *code = ledger_db_lookup_text (p->db,
    "SELECT code FROM regions WHERE (code = ?1 OR name = ?1) AND valid_to IS NOT NULL", former, NULL);

  return code != NULL;
}

static void
resolve_merged_from (Planner               *p,
                     const LedgerRegionRow *row,
                     const char            *township,
                     const char            *target)
{
  for (guint i = 0; row->merged_from != NULL && row->merged_from[i] != NULL; i++)
    {
      const char *former = row->merged_from[i];
      const LedgerUnit *unit = g_hash_table_lookup (p->units, former);

      if (unit == NULL && township[0] != '@')
        unit = unit_by_name (p, township, former);
      if (unit == NULL)
        unit = unit_by_name_anywhere (p, former, FALSE);
      if (unit == NULL && former_is_gone (p, former))
        continue;
      if (unit == NULL || g_str_equal (unit->kind, "township"))
        {
          problem (p, row, row->column_from, _("合并自: “%s” is not a current village or community of this ledger."), former);
          continue;
        }
      if (g_strcmp0 (unit->code, target) == 0)
        continue;
      add_source (p, unit->code, target);
    }
}

static void
plan_row (Planner               *p,
          const LedgerRegionRow *row)
{
  const char *township = resolve_township (p, row);
  const char *target;
  g_autofree char *key = NULL;

  if (township == NULL)
    return;
  key = name_key (township, row->name);
  if (g_hash_table_contains (p->row_names, key))
    {
      problem (p, row, row->column_name, _("%s appears twice in township %s."), row->name,
               row->township ? row->township : township);
      return;
    }
  g_hash_table_add (p->row_names, g_steal_pointer (&key));
  if ((target = resolve_row_unit (p, row, township)) != NULL)
    resolve_merged_from (p, row, township, target);
}

/* ---- merges, splits, retirements ---- */

static void
plan_split (Planner    *p,
            const char *former,
            GPtrArray  *targets)
{
  const LedgerUnit *unit = g_hash_table_lookup (p->units, former);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) kinds = g_strv_builder_new ();
  const LedgerRegionRow *first = NULL;
  LedgerRegionStep *step;

  for (guint i = 0; i < targets->len; i++)
    {
      NewUnit *part = g_hash_table_lookup (p->targets, g_ptr_array_index (targets, i));

      if (part == NULL || part->row->code != NULL || g_strcmp0 (part->parent, unit->parent) != 0)
        {
          problem (p, part ? part->row : NULL, part ? part->row->column_from : 0,
                   _("%s is split: each part must be a new unit of the same township, without a code."), unit->name);
          return;
        }
      part->consumed = TRUE;
      first = first ? first : part->row;
      g_strv_builder_add (names, part->row->name);
      g_strv_builder_add (kinds, part->row->kind ? part->row->kind : unit->kind);
    }
  step = add_step (p, PHASE_MERGE, "split", first, former);
  step->from = g_strv_builder_end (names);
  step->kinds = g_strv_builder_end (kinds);
  step->old_name = g_strdup (unit->name);
}

static void
plan_merge_into (Planner    *p,
                 const char *target,
                 GPtrArray  *formers)
{
  NewUnit *unit = g_hash_table_lookup (p->targets, target);
  const LedgerRegionRow *row = unit ? unit->row : g_hash_table_lookup (p->matched, target);
  LedgerRegionStep *step = add_step (p, PHASE_MERGE, "merge", row, target);

  g_autoptr (GString) names = g_string_new (NULL);
  const LedgerUnit *existing = g_hash_table_lookup (p->units, target);

  g_ptr_array_add (formers, NULL);
  step->from = g_strdupv ((char **) formers->pdata);
  g_ptr_array_remove_index (formers, formers->len - 1);
  /* "磨盘村 (512022101208)、…" and the target's name, for the review */
  for (guint i = 0; i < formers->len; i++)
    {
      const LedgerUnit *former = g_hash_table_lookup (p->units, g_ptr_array_index (formers, i));
      g_string_append_printf (names, "%s%s (%s)", i > 0 ? "、" : "", former ? former->name : "",
                              (const char *) g_ptr_array_index (formers, i));
    }
  step->old_name = g_strdup (names->str);
  if (existing != NULL)
    step->name = g_strdup (existing->name);
  if (unit != NULL)
    {
      unit->consumed = TRUE;
      step->new_target = TRUE;
      step->parent = g_strdup (unit->parent);
      step->name = g_strdup (unit->row->name);
      step->kind = g_strdup (unit->kind);
    }
}

static void
plan_merges (Planner *p)
{
  g_autoptr (GHashTable) by_target = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GList) formers = g_list_sort (g_hash_table_get_keys (p->sources), (GCompareFunc) strcmp);

  for (GList *l = formers; l != NULL; l = l->next)
    {
      GPtrArray *targets = g_hash_table_lookup (p->sources, l->data);
      const LedgerRegionRow *continuing = g_hash_table_lookup (p->matched, l->data);
      GPtrArray *group;

      if (continuing != NULL)
        {
          problem (p, continuing, continuing->column_from, _("%s is in the list and also in 合并自 of another row."),
                   (const char *) l->data);
          continue;
        }
      if (targets->len > 1)
        {
          plan_split (p, l->data, targets);
          continue;
        }
      if ((group = g_hash_table_lookup (by_target, g_ptr_array_index (targets, 0))) == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (by_target, g_ptr_array_index (targets, 0), group);
        }
      g_ptr_array_add (group, l->data);
      g_hash_table_insert (p->matched, g_strdup (l->data), NULL);
    }
  for (guint i = 0; i < p->new_units->len; i++)
    {
      NewUnit *unit = g_ptr_array_index (p->new_units, i);
      GPtrArray *group = g_hash_table_lookup (by_target, unit->ref);

      if (group != NULL)
        plan_merge_into (p, unit->ref, group);
      g_hash_table_remove (by_target, unit->ref);
    }
  g_autoptr (GList) rest = g_list_sort (g_hash_table_get_keys (by_target), (GCompareFunc) strcmp);
  for (GList *l = rest; l != NULL; l = l->next)
    plan_merge_into (p, l->data, g_hash_table_lookup (by_target, l->data));
}

static void
plan_adds (Planner *p)
{
  for (guint i = 0; i < p->new_units->len; i++)
    {
      NewUnit *unit = g_ptr_array_index (p->new_units, i);
      LedgerRegionStep *step;

      if (unit->consumed)
        continue;
      step = add_step (p, PHASE_ADD, "add", unit->row, unit->row->code);
      step->parent = g_strdup (unit->parent);
      step->name = g_strdup (unit->row->name);
      step->kind = g_strdup (unit->kind);
    }
}

static gint64
count_items (Planner    *p,
             const char *code)
{
  g_autofree char *n = ledger_db_lookup_text (p->db,
    "SELECT (SELECT count(*) FROM facilities WHERE village_code = ?1)"
    " + (SELECT count(*) FROM farms WHERE village_code = ?1)"
    " + (SELECT count(*) FROM water_bodies WHERE village_code = ?1)", code, NULL);

  return n ? g_ascii_strtoll (n, NULL, 10) : 0;
}

/* whether the list speaks of the unit's township: a row names it, or it is
 * a township whose every unit the list moved or merged elsewhere */
static gboolean
township_is_listed (Planner          *p,
                    const LedgerUnit *unit)
{
  GHashTableIter iter;
  const LedgerUnit *other;

  if (!g_str_equal (unit->kind, "township"))
    return g_hash_table_contains (p->used_townships, unit->parent);
  g_hash_table_iter_init (&iter, p->units);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &other))
    if (g_strcmp0 (other->parent, unit->code) == 0 &&
        !(g_hash_table_contains (p->matched, other->code) && g_hash_table_lookup (p->matched, other->code) == NULL))
      return FALSE;
  return TRUE;
}

static void
plan_retirements (Planner *p)
{
  g_autoptr (GList) codes = g_list_sort (g_hash_table_get_keys (p->units), (GCompareFunc) strcmp);

  for (GList *l = codes; l != NULL; l = l->next)
    {
      const LedgerUnit *unit = g_hash_table_lookup (p->units, l->data);
      gboolean township = g_str_equal (unit->kind, "township");
      LedgerRegionStep *step;
      gint64 n;

      if (g_hash_table_contains (p->matched, unit->code) || g_hash_table_contains (p->sources, unit->code) ||
          (township && g_hash_table_contains (p->used_townships, unit->code)))
        continue;
      /* a sheet of some townships leaves the others as they are */
      if (!p->whole_county && !township_is_listed (p, unit))
        continue;
      if (!township && (n = count_items (p, unit->code)) > 0)
        {
          problem (p, NULL, 0, _("%s (%s) is not in the list but holds %u items: name it in 合并自 of the unit that took it over."),
                   unit->name, unit->code, (guint) n);
          continue;
        }
      step = add_step (p, township ? PHASE_TOWNSHIP_RETIRE : PHASE_RETIRE, "retire", NULL, unit->code);
      step->old_name = g_strdup (unit->name);
    }
}

static void
planner_clear (Planner *p)
{
  for (guint i = 0; i < N_PHASES; i++)
    g_clear_pointer (&p->phases[i], g_ptr_array_unref);
  g_clear_pointer (&p->county, g_free);
  g_clear_pointer (&p->units, g_hash_table_unref);
  g_clear_pointer (&p->by_name, g_hash_table_unref);
  g_clear_pointer (&p->matched, g_hash_table_unref);
  g_clear_pointer (&p->township_refs, g_hash_table_unref);
  g_clear_pointer (&p->used_townships, g_hash_table_unref);
  g_clear_pointer (&p->sources, g_hash_table_unref);
  g_clear_pointer (&p->targets, g_hash_table_unref);
  g_clear_pointer (&p->new_units, g_ptr_array_unref);
  g_clear_pointer (&p->row_names, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Planner, planner_clear)

static void
planner_init (Planner    *p,
              LedgerDb   *db,
              const char *file,
              const char *effective,
              GPtrArray  *problems)
{
  p->db = db;
  p->file = file;
  p->effective = effective;
  p->problems = problems;
  for (guint i = 0; i < N_PHASES; i++)
    p->phases[i] = g_ptr_array_new ();
  p->county = ledger_db_dup_region_code (db);
  p->units = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, ledger_unit_free);
  p->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p->matched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->township_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p->used_townships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  p->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->new_units = g_ptr_array_new_with_free_func (new_unit_free);
  p->row_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ---- applying ---- */

static const char *
resolve_ref (GHashTable *assigned,
             const char *code)
{
  const char *found = code ? g_hash_table_lookup (assigned, code) : NULL;

  return found ? found : code;
}

static gboolean
apply_merge (LedgerDb          *db,
             LedgerRegionStep  *step,
             GHashTable        *assigned,
             GError           **error)
{
  g_autofree char *made = NULL;
  const char *into = resolve_ref (assigned, step->code);

  if (step->new_target)
    {
      const char *given = step->code[0] == '@' ? NULL : step->code;

      if (!ledger_region_do_add_replacing (db, resolve_ref (assigned, step->parent), given, step->name, step->kind,
                                           step->effective, (const char * const *) step->from, &made, error))
        return FALSE;
      g_hash_table_insert (assigned, g_strdup (step->code), g_strdup (made));
      into = made;
    }
  return ledger_region_do_merge (db, (const char * const *) step->from, into, step->effective, error);
}

static gboolean
apply_step (LedgerDb          *db,
            LedgerRegionStep  *step,
            GHashTable        *assigned,
            GError           **error)
{
  const char *code = resolve_ref (assigned, step->code);
  const char *action = step->action;
  g_autofree char *made = NULL;

  if (g_str_equal (action, "add"))
    {
      const char *given = code && code[0] != '@' ? code : NULL;
      g_autofree char *ref = step->code ? g_strdup (step->code)
                                        : g_strconcat ("@", step->parent, "/", step->name, NULL);

      if (!ledger_region_do_add (db, resolve_ref (assigned, step->parent), given, step->name, step->kind,
                                 step->effective, &made, error))
        return FALSE;
      g_hash_table_insert (assigned, g_steal_pointer (&ref), g_steal_pointer (&made));
      return TRUE;
    }
  if (g_str_equal (action, "rename"))
    return ledger_region_do_rename (db, code, step->name, step->effective, error);
  if (g_str_equal (action, "kind"))
    return ledger_region_do_set_kind (db, code, step->kind, step->effective, error);
  if (g_str_equal (action, "merge"))
    return apply_merge (db, step, assigned, error);
  if (g_str_equal (action, "split"))
    return ledger_region_do_split (db, code, (const char * const *) step->from, (const char * const *) step->kinds,
                                   step->effective, NULL, error);
  return ledger_region_do_retire (db, code, step->effective, error);
}

static gboolean
open_batch (LedgerDb          *db,
            LedgerRegionPlan  *plan,
            const char        *id,
            GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db,
    "INSERT INTO audit_batches (id, at, actor, action, detail, kind, n_new, n_updated)"
    " VALUES (?1, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ledger_actor(), 'import', ?2, 'regions', 0, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, plan->file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, plan->steps->len);
  if (!ledger_db_step_done (db, stmt, error))
    return FALSE;
  ledger_db_set_audit_batch (db, id);
  return TRUE;
}

static gboolean
apply_all (LedgerDb          *db,
           LedgerRegionPlan  *plan,
           GError           **error)
{
  g_autoptr (GHashTable) assigned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *id = ledger_uid_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (!open_batch (db, plan, id, error))
    return FALSE;
  for (guint i = 0; i < plan->steps->len; i++)
    {
      LedgerRegionStep *step = g_ptr_array_index (plan->steps, i);
      g_autoptr (GError) local = NULL;

      if (!apply_step (db, step, assigned, &local))
        {
          g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, "%s:%u: %s", plan->file_name, step->line,
                       local->message);
          return FALSE;
        }
    }
  if (plan->national)
    return ledger_db_set_meta (db, "divisions_source", plan->file_name, error) &&
           ledger_db_set_meta (db, "divisions_vintage", today, error);
  return TRUE;
}

/* ---- private API ---- */

LedgerRegionPlan *
ledger_region_plan_make (LedgerDb    *db,
                         GPtrArray   *rows,
                         const char  *file_name,
                         const char  *effective,
                         gboolean     whole_county,
                         GPtrArray   *problems,
                         GError     **error)
{
  g_autoptr (LedgerRegionPlan) plan = g_new0 (LedgerRegionPlan, 1);
  g_auto (Planner) p = { 0 };

  if (!ledger_region_check_date (effective, error))
    return NULL;
  plan->file_name = g_strdup (file_name);
  plan->problems = g_ptr_array_ref (problems);
  plan->steps = g_ptr_array_new_with_free_func (step_free);
  planner_init (&p, db, plan->file_name, effective, problems);
  p.whole_county = whole_county;
  if (!load_current (&p, error))
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    plan_row (&p, g_ptr_array_index (rows, i));
  plan_merges (&p);
  plan_adds (&p);
  plan_retirements (&p);
  for (guint i = 0; i < N_PHASES; i++)
    for (guint j = 0; j < p.phases[i]->len; j++)
      g_ptr_array_add (plan->steps, g_ptr_array_index (p.phases[i], j));
  return g_steal_pointer (&plan);
}

/* ---- public API ---- */

void
ledger_region_plan_free (LedgerRegionPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->file_name);
  g_clear_pointer (&plan->steps, g_ptr_array_unref);
  g_clear_pointer (&plan->problems, g_ptr_array_unref);
  g_free (plan);
}

/**
 * ledger_region_plan_from_sheet:
 * @path: the county's own list (CSV, XLSX)
 * @effective: the date of the changes whose row gives none (YYYY-MM-DD)
 *
 * Returns: (transfer full) (nullable): the plan, with problems by row
 */
LedgerRegionPlan *
ledger_region_plan_from_sheet (LedgerDb    *db,
                               const char  *path,
                               const char  *effective,
                               GError     **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) rows = ledger_region_rows_from_sheet (path, problems, error);
  g_autofree char *name = g_filename_display_basename (path);

  if (rows == NULL)
    return NULL;
  return ledger_region_plan_make (db, rows, name, effective, FALSE, problems, error);
}

/**
 * ledger_region_plan_from_divisions:
 * @path: a national division list ("code<TAB>name" lines, gzip or not, or a
 *   CSV with code and name)
 *
 * Returns: (transfer full) (nullable): the plan that brings the ledger's
 *   list to that list's block for the ledger's county
 */
LedgerRegionPlan *
ledger_region_plan_from_divisions (LedgerDb    *db,
                                   const char  *path,
                                   const char  *effective,
                                   GError     **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *county = ledger_db_dup_region_code (db);
  g_autoptr (GPtrArray) rows = ledger_region_rows_from_divisions (path, county ? county : "", error);
  g_autofree char *name = g_filename_display_basename (path);
  LedgerRegionPlan *plan;

  if (rows == NULL)
    return NULL;
  plan = ledger_region_plan_make (db, rows, name, effective, TRUE, problems, error);
  if (plan != NULL)
    plan->national = TRUE;
  return plan;
}

/**
 * ledger_region_plan_apply:
 *
 * Applies every step, or none, in one transaction and one audit batch.
 * A plan with problems is refused.
 *
 * Returns: %TRUE when applied
 */
gboolean
ledger_region_plan_apply (LedgerDb          *db,
                          LedgerRegionPlan  *plan,
                          GError           **error)
{
  gboolean ok;

  if (plan->problems->len > 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("%s has %u problems: nothing was changed."), plan->file_name, plan->problems->len);
      return FALSE;
    }
  if (!ledger_db_begin (db, error))
    return FALSE;
  ok = apply_all (db, plan, error);
  ledger_db_set_audit_batch (db, NULL);
  if (!ok)
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  ledger_db_note_change (db, LEDGER_KIND_ALL, NULL);
  return ledger_db_commit (db, error);
}

static const char *
kind_word (const char *kind)
{
  if (g_strcmp0 (kind, "village") == 0)
    return _("village (村)");
  if (g_strcmp0 (kind, "community") == 0)
    return _("community (社区)");
  if (g_strcmp0 (kind, "township") == 0)
    return _("township");
  return kind ? kind : "";
}

static char *
code_shown (const char *code)
{
  if (code == NULL || code[0] == '@')
    return g_strdup (_("local code"));
  return g_strdup (code);
}

/**
 * ledger_region_step_describe:
 *
 * Returns: (transfer full): one line saying what the step does, translated
 */
char *
ledger_region_step_describe (const LedgerRegionStep *step)
{
  g_autofree char *code = code_shown (step->code);
  g_autofree char *from = step->from ? g_strjoinv ("、", step->from) : g_strdup ("");
  const char *merged = step->old_name ? step->old_name : from;

  if (g_str_equal (step->action, "add"))
    return g_strdup_printf (_("Add %s %s (%s) from %s"), kind_word (step->kind), step->name, code, step->effective);
  if (g_str_equal (step->action, "rename"))
    return g_strdup_printf (_("Rename %s %s → %s from %s"), code, step->old_name, step->name, step->effective);
  if (g_str_equal (step->action, "kind"))
    return g_strdup_printf (_("Change %s %s → %s from %s"), code, kind_word (step->old_name), kind_word (step->kind),
                            step->effective);
  if (g_str_equal (step->action, "merge") && step->new_target)
    return g_strdup_printf (_("Merge %s into the new %s %s (%s) from %s"), merged, kind_word (step->kind), step->name,
                            code, step->effective);
  if (g_str_equal (step->action, "merge"))
    return g_strdup_printf (_("Merge %s into %s (%s) from %s"), merged, step->name ? step->name : "", code,
                            step->effective);
  if (g_str_equal (step->action, "split"))
    return g_strdup_printf (_("Split %s %s into %s from %s"), code, step->old_name, from, step->effective);
  return g_strdup_printf (_("Retire %s %s from %s"), code, step->old_name, step->effective);
}

/**
 * ledger_region_plan_summary:
 *
 * Returns: (transfer full): "2 added, 1 renamed, 0 changed in kind, 1 merged, 0 split, 3 retired"
 */
char *
ledger_region_plan_summary (const LedgerRegionPlan *plan)
{
  static const char *const actions[] = { "add", "rename", "kind", "merge", "split", "retire" };
  guint n[G_N_ELEMENTS (actions)] = { 0 };

  for (guint i = 0; i < plan->steps->len; i++)
    {
      const LedgerRegionStep *step = g_ptr_array_index (plan->steps, i);
      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        if (g_str_equal (step->action, actions[a]))
          n[a]++;
    }
  /* Translators: the changes a list would make */
  return g_strdup_printf (_("%u changes: %u added, %u renamed, %u changed in kind, %u merged, %u split, %u retired"),
                          plan->steps->len, n[0], n[1], n[2], n[3], n[4], n[5]);
}
