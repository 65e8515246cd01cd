/* ledger-store-write.c: checking, saving and deleting records */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-field-slots.h"
#include "ledger-county-outline.h"
#include "ledger-error.h"
#include "ledger-geo.h"
#include "ledger-regions.h"
#include "ledger-rules.h"
#include "ledger-store-private.h"
#include "ledger-undo.h"
#include "ledger-inspections.h"

/* ---- auxiliary functions ---- */

void
ledger_store_bind_value (sqlite3_stmt      *stmt,
                         int                index,
                         const LedgerField *field,
                         const char        *canonical)
{
  if (canonical == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  switch (field->type)
    {
    case LEDGER_FIELD_INT:
    case LEDGER_FIELD_YEAR:
    case LEDGER_FIELD_BOOL:
      sqlite3_bind_int64 (stmt, index, g_ascii_strtoll (canonical, NULL, 10));
      break;
    case LEDGER_FIELD_REAL:
    case LEDGER_FIELD_LON:
    case LEDGER_FIELD_LAT:
      sqlite3_bind_double (stmt, index, g_ascii_strtod (canonical, NULL));
      break;
    default:
      sqlite3_bind_text (stmt, index, canonical, -1, SQLITE_TRANSIENT);
    }
}

static void G_GNUC_PRINTF (4, 5)
add_problem (GPtrArray *problems,
             int        field,
             gboolean   warning,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  LedgerProblem *problem;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  problem = ledger_problem_new (0, field, message);
  problem->warning = warning;
  g_ptr_array_add (problems, problem);
}

/* Which column of samples/inspections a subject code resolves to, and the uid. */
typedef struct
{
  const char *column;   /* facility_uid, farm_uid, water_body_uid, village_code */
  char       *uid;
} Subject;

static gboolean
resolve_subject (LedgerDb   *db,
                 LedgerKind  kind,
                 const char *code,
                 Subject    *subject)
{
  static const struct { const char *column; const char *sql; gboolean inspections_only; } lookups[] = {
    { "facility_uid", "SELECT uid FROM facilities WHERE code = ?", FALSE },
    { "water_body_uid", "SELECT uid FROM water_bodies WHERE code = ?", FALSE },
    { "farm_uid", "SELECT uid FROM farms WHERE code = ?", TRUE },
    { "village_code", "SELECT code FROM regions WHERE code = ? AND kind IN ('village', 'community')", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    {
      if (lookups[i].inspections_only && kind != LEDGER_KIND_INSPECTIONS)
        continue;
      subject->uid = ledger_db_lookup_text (db, lookups[i].sql, code, NULL);
      if (subject->uid != NULL)
        {
          subject->column = lookups[i].column;
          return TRUE;
        }
    }
  return FALSE;
}


/* ---- checks ---- */

static void
check_fields (LedgerDb           *db,
              const LedgerRecord *record,
              GPtrArray          *problems)
{
  const LedgerField *fields = ledger_kind_fields (record->kind, NULL);

  for (guint i = 0; i < record->n_values; i++)
    {
      const LedgerField *field = &fields[i];
      const char *value = record->values[i];
      Subject subject = { 0 };

      if (value == NULL)
        {
          if (field->required)
            add_problem (problems, i, FALSE, _("%s is required."), ledger_field_display_name (field));
          continue;
        }
      if (field->type == LEDGER_FIELD_REGION)
        {
          g_autofree char *kind = ledger_db_lookup_text (db, "SELECT kind FROM regions WHERE code = ? AND valid_to IS NULL", value, NULL);
          if (kind == NULL || !(g_str_equal (kind, "village") || g_str_equal (kind, "community")))
            add_problem (problems, i, FALSE, _("%s: %s is not a village or community of this ledger’s county."),
                         ledger_field_display_name (field), value);
        }
      else if (field->type == LEDGER_FIELD_SUBJECT)
        {
          if (!resolve_subject (db, record->kind, value, &subject))
            add_problem (problems, i, FALSE, _("%s: nothing in this ledger has the code %s."),
                         ledger_field_display_name (field), value);
          g_free (subject.uid);
        }
    }
}

/* The county's outline, read once per ledger; NULL when none ships. */
static const LedgerOutline *
county_outline (LedgerDb *db)
{
  LedgerOutline *outline = g_object_get_data (G_OBJECT (db), "ledger-county-outline");
  g_autofree char *geojson = NULL;

  if (outline != NULL || g_object_get_data (G_OBJECT (db), "ledger-county-outline-read"))
    return outline;
  geojson = ledger_county_outline_dup_geojson (db);
  outline = geojson ? ledger_outline_new_from_geojson (geojson, NULL) : NULL;
  g_object_set_data (G_OBJECT (db), "ledger-county-outline-read", GINT_TO_POINTER (TRUE));
  if (outline != NULL)
    g_object_set_data_full (G_OBJECT (db), "ledger-county-outline", outline,
                            (GDestroyNotify) ledger_outline_free);
  return outline;
}

static void
check_location (LedgerDb           *db,
                const LedgerRecord *record,
                GPtrArray          *problems)
{
  int lon = ledger_field_slots (record->kind)->lon;
  const LedgerOutline *outline;

  if (lon < 0)
    return;
  if ((record->values[lon] == NULL) != (record->values[lon + 1] == NULL))
    {
      add_problem (problems, record->values[lon] ? lon + 1 : lon, FALSE,
                   _("Longitude and latitude go together: give both or neither."));
      return;
    }
  if (record->values[lon] == NULL || (outline = county_outline (db)) == NULL)
    return;
  /* the outline is approximate: a warning, never a refusal */
  if (!ledger_outline_contains (outline, g_ascii_strtod (record->values[lon], NULL),
                                g_ascii_strtod (record->values[lon + 1], NULL)))
    add_problem (problems, lon, TRUE, _("The location %s, %s is outside the county’s outline: check the coordinates."),
                 record->values[lon], record->values[lon + 1]);
}

static void
check_code_unique (LedgerDb           *db,
                   const LedgerRecord *record,
                   GPtrArray          *problems)
{
  g_autofree char *sql = NULL;
  g_autofree char *owner = NULL;
  const char *code;

  if (record->kind != LEDGER_KIND_FACILITIES && record->kind != LEDGER_KIND_FARMS &&
      record->kind != LEDGER_KIND_WATER_BODIES)
    return;
  code = ledger_record_slot (record, ledger_field_slots (record->kind)->code);
  if (code == NULL || record->uid == NULL)
    return;
  sql = g_strdup_printf ("SELECT name FROM %s WHERE code = ? AND uid <> ?", ledger_kind_table (record->kind));
  owner = ledger_db_lookup_text (db, sql, code, record->uid);
  if (owner != NULL)
    add_problem (problems, ledger_field_slots (record->kind)->code, FALSE,
                 _("Code %s is already used by “%s”."), code, owner);
}

static void
check_farm (LedgerDb           *db,
            const LedgerRecord *record,
            GPtrArray          *problems)
{
  const LedgerFieldSlots *slot = ledger_field_slots (record->kind);
  const LedgerRules *rules;
  LedgerSpecies species;
  double produced, utilised;

  /* the year's figures: the fields after the year (ledger-kinds.c) */
  for (guint i = slot->year + 1; i < record->n_values && record->values[slot->year] == NULL; i++)
    if (record->values[i] != NULL)
      {
        add_problem (problems, slot->year, FALSE,
                     _("Year is required when the year’s figures are given."));
        break;
      }
  utilised = ledger_record_slot_double (record, slot->manure_utilised_t, NAN);
  if (isnan (utilised) || !ledger_species_from_key (ledger_record_slot (record, slot->species), &species))
    return;
  rules = ledger_store_cached_rules (db);
  produced = ledger_manure_produced (rules, species, ledger_record_slot_double (record, slot->stock, NAN),
                                     ledger_record_slot_double (record, slot->manure_produced_t, NAN));
  if (isnan (produced))
    add_problem (problems, slot->manure_produced_t, FALSE,
                 _("Manure utilised is given but neither manure produced nor stock: give one of them."));
  else if (utilised > produced + 1e-9)
    add_problem (problems, slot->manure_utilised_t, FALSE,
                 _("Manure utilised (%g t) exceeds manure produced (%g t)."), utilised, produced);
}

static void
check_village (LedgerDb           *db,
               const LedgerRecord *record,
               GPtrArray          *problems)
{
  const LedgerFieldSlots *slot = ledger_field_slots (record->kind);
  double households = ledger_record_slot_double (record, slot->households, NAN);
  double covered = ledger_record_slot_double (record, slot->covered_households, NAN);

  if (!isnan (households) && !isnan (covered) && covered > households)
    add_problem (problems, slot->covered_households, FALSE,
                 _("Households covered (%g) exceed the village’s households (%g)."), covered, households);
}

/**
 * ledger_store_check:
 * @problems: (element-type LedgerProblem): where problems are appended
 *
 * Returns: FALSE when the record cannot be saved
 */
gboolean
ledger_store_check (LedgerDb           *db,
                    const LedgerRecord *record,
                    GPtrArray          *problems)
{
  guint before = problems->len;
  gboolean snapshot = ledger_store_begin_snapshot (db);

  check_fields (db, record, problems);
  check_location (db, record, problems);
  check_code_unique (db, record, problems);
  if (record->kind == LEDGER_KIND_FARMS)
    check_farm (db, record, problems);
  else if (record->kind == LEDGER_KIND_VILLAGES)
    check_village (db, record, problems);
  else if (record->kind == LEDGER_KIND_INSPECTIONS)
    ledger_inspection_check (record, problems);
  ledger_store_end_snapshot (db, snapshot);

  for (guint i = before; i < problems->len; i++)
    if (!((LedgerProblem *) g_ptr_array_index (problems, i))->warning)
      return FALSE;
  return TRUE;
}

/* ---- finding what a record updates ---- */

/* The uid of the stored item @record updates, or NULL for a new one. */
char *
ledger_store_existing_uid (LedgerDb           *db,
                           const LedgerRecord *record)
{
  g_autofree char *by_uid = NULL;
  g_autofree char *by_code = NULL;
  const char *table = ledger_kind_table (record->kind);
  const LedgerFieldSlots *slot = ledger_field_slots (record->kind);
  const char *code = ledger_record_slot (record, slot->code);
  Subject subject = { 0 };
  char *uid = NULL;

  switch (record->kind)
    {
    case LEDGER_KIND_VILLAGES:
      return g_strdup (ledger_record_slot (record, slot->village_code));
    case LEDGER_KIND_SAMPLES:
    case LEDGER_KIND_INSPECTIONS:
      if (record->uid != NULL)
        {
          by_uid = g_strdup_printf ("SELECT uid FROM %s WHERE uid = ?", table);
          if ((uid = ledger_db_lookup_text (db, by_uid, record->uid, NULL)))
            return uid;
        }
      if (!resolve_subject (db, record->kind, ledger_record_slot (record, slot->subject_code), &subject))
        return NULL;
      by_code = g_strdup_printf ("SELECT uid FROM %s WHERE %s = ? AND date = ?%s", table, subject.column,
                                 record->kind == LEDGER_KIND_INSPECTIONS ? " AND inspector IS ?3" : "");
      {
        g_autoptr (sqlite3_stmt) stmt = ledger_db_prepare (db, by_code, NULL);
        if (stmt != NULL)
          {
            sqlite3_bind_text (stmt, 1, subject.uid, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text (stmt, 2, ledger_record_slot (record, slot->date), -1, SQLITE_TRANSIENT);
            if (record->kind == LEDGER_KIND_INSPECTIONS)
              sqlite3_bind_text (stmt, 3, ledger_record_slot (record, slot->inspector), -1, SQLITE_TRANSIENT);
            if (sqlite3_step (stmt) == SQLITE_ROW)
              uid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          }
      }
      g_free (subject.uid);
      return uid;
    default:
      if (record->uid != NULL)
        {
          by_uid = g_strdup_printf ("SELECT uid FROM %s WHERE uid = ?", table);
          return ledger_db_lookup_text (db, by_uid, record->uid, NULL);
        }
      if (code != NULL)
        {
          by_code = g_strdup_printf ("SELECT uid FROM %s WHERE code = ?", table);
          return ledger_db_lookup_text (db, by_code, code, NULL);
        }
      return NULL;
    }
}

/**
 * ledger_store_find_existing:
 *
 * Returns: (transfer full) (nullable): the stored record @record would
 *   update; for farms, with that year's figures only
 */
LedgerRecord *
ledger_store_find_existing (LedgerDb           *db,
                            const LedgerRecord *record)
{
  g_autofree char *uid = ledger_store_existing_uid (db, record);
  int year_slot = ledger_field_slots (LEDGER_KIND_FARMS)->year;
  const char *year = record->kind == LEDGER_KIND_FARMS ? record->values[year_slot] : NULL;
  LedgerRecord *existing;

  if (uid == NULL)
    return NULL;
  existing = ledger_store_get (db, record->kind, uid, year ? atoi (year) : 0, NULL);
  if (existing != NULL && year != NULL && g_strcmp0 (existing->values[year_slot], year) != 0)
    {
      for (guint i = year_slot; i < existing->n_values; i++)
        ledger_record_take (existing, i, NULL);
    }
  return existing;
}

/* ---- saving ---- */

/**
 * ledger_store_insert_head:
 *
 * Returns: (transfer full): "INSERT INTO @table (KEY, …, is_demo, @key_column)
 *   VALUES " naming the fields @first to @last - 1 of @kind
 */
char *
ledger_store_insert_head (const char *table,
                          LedgerKind  kind,
                          guint       first,
                          guint       last,
                          const char *key_column)
{
  const LedgerField *fields = ledger_kind_fields (kind, NULL);
  GString *head = g_string_new (NULL);

  g_string_append_printf (head, "INSERT INTO %s (", table);
  for (guint i = first; i < last; i++)
    g_string_append_printf (head, "%s, ", fields[i].key);
  g_string_append_printf (head, "is_demo, %s) VALUES ", key_column);
  return g_string_free (head, FALSE);
}

static char *
build_upsert_sql (LedgerKind kind,
                  guint      n_fields,
                  gboolean   update)
{
  const LedgerField *fields = ledger_kind_fields (kind, NULL);
  const char *table = ledger_kind_table (kind);
  GString *sql = g_string_new (NULL);

  if (update)
    {
      g_string_append_printf (sql, "UPDATE %s SET ", table);
      for (guint i = 0; i < n_fields; i++)
        g_string_append_printf (sql, "%s = ?%u, ", fields[i].key, i + 1);
      g_string_append_printf (sql, "is_demo = ?%u WHERE uid = ?%u", n_fields + 1, n_fields + 2);
    }
  else
    {
      g_autofree char *head = ledger_store_insert_head (table, kind, 0, n_fields, "uid");

      g_string_append_printf (sql, "%s(", head);
      for (guint i = 0; i < n_fields + 2; i++)
        g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
      g_string_append (sql, ")");
    }
  return g_string_free (sql, FALSE);
}

/* The statement's text, built once per kind (n_fields is fixed per kind). */
static const char *
upsert_sql (LedgerKind kind,
            guint      n_fields,
            gboolean   update)
{
  static char *built[LEDGER_N_KINDS][2];
  char **slot = &built[kind][update ? 1 : 0];

  if (g_once_init_enter (slot))
    g_once_init_leave (slot, build_upsert_sql (kind, n_fields, update));
  return *slot;
}

/* INSERT or UPDATE the first @n_fields fields of an item of its own table. */
static gboolean
upsert_item (LedgerDb      *db,
             LedgerRecord  *record,
             guint          n_fields,
             const char    *existing,
             GError       **error)
{
  const LedgerField *fields = ledger_kind_fields (record->kind, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!(stmt = ledger_db_prepare (db, upsert_sql (record->kind, n_fields, existing != NULL), error)))
    return FALSE;
  for (guint i = 0; i < n_fields; i++)
    ledger_store_bind_value (stmt, i + 1, &fields[i], record->values[i]);
  sqlite3_bind_int (stmt, n_fields + 1, record->is_demo);
  sqlite3_bind_text (stmt, n_fields + 2, record->uid, -1, SQLITE_TRANSIENT);
  if (existing == NULL)
    return ledger_store_insert_audited (db, stmt, ledger_kind_table (record->kind), record->uid, error);
  return ledger_db_step_done (db, stmt, error);
}

/* A new farm's year is inserted (its audit row written by the store); a
 * stored farm's year is upserted, audited by the triggers. */
static gboolean
save_farm_year (LedgerDb      *db,
                LedgerRecord  *record,
                gboolean       new_farm,
                GError       **error)
{
  guint first = ledger_field_slots (LEDGER_KIND_FARMS)->year;
  const LedgerField *fields = ledger_kind_fields (LEDGER_KIND_FARMS, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (record->values[first] == NULL)
    return TRUE;
  stmt = ledger_db_prepare (db,
    "INSERT INTO farm_years (year, stock, annual_output, facilities_matched, manure_produced_t,"
    " manure_utilised_t, utilisation, is_demo, farm_uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT (farm_uid, year) DO UPDATE SET stock = excluded.stock,"
    " annual_output = excluded.annual_output, facilities_matched = excluded.facilities_matched,"
    " manure_produced_t = excluded.manure_produced_t, manure_utilised_t = excluded.manure_utilised_t,"
    " utilisation = excluded.utilisation, is_demo = excluded.is_demo", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = first; i < record->n_values; i++)
    ledger_store_bind_value (stmt, i - first + 1, &fields[i], record->values[i]);
  sqlite3_bind_int (stmt, 8, record->is_demo);
  sqlite3_bind_text (stmt, 9, record->uid, -1, SQLITE_TRANSIENT);
  if (new_farm)
    {
      g_autofree char *key = g_strdup_printf ("%s/%s", record->uid, record->values[first]);
      return ledger_store_insert_audited (db, stmt, "farm_years", key, error);
    }
  return ledger_db_step_done (db, stmt, error);
}

static gboolean
save_village (LedgerDb      *db,
              LedgerRecord  *record,
              GError       **error)
{
  const LedgerField *fields = ledger_kind_fields (LEDGER_KIND_VILLAGES, NULL);
  g_autoptr (sqlite3_stmt) region = ledger_db_prepare (db,
    "UPDATE regions SET name = coalesce(?2, name), households = ?3, population = ?4, lon = ?5, lat = ?6,"
    " is_demo = is_demo OR ?7 WHERE code = ?1", error);
  gboolean no_sewage = TRUE;
  const char *sql;

  if (region == NULL)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    ledger_store_bind_value (region, i + 1, &fields[i], record->values[i]);
  sqlite3_bind_int (region, 7, record->is_demo);
  if (!ledger_db_step_done (db, region, error))
    return FALSE;

  for (guint i = 6; i < record->n_values; i++)
    no_sewage = no_sewage && record->values[i] == NULL;
  sql = no_sewage ? "DELETE FROM village_sewage WHERE village_code = ?1"
                  : "INSERT INTO village_sewage (village_code, mode, covered_households, year_done, note, is_demo)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (village_code) DO UPDATE SET"
                    " mode = excluded.mode, covered_households = excluded.covered_households,"
                    " year_done = excluded.year_done, note = excluded.note, is_demo = excluded.is_demo";
  {
    g_autoptr (sqlite3_stmt) sewage = ledger_db_prepare (db, sql, error);
    if (sewage == NULL)
      return FALSE;
    sqlite3_bind_text (sewage, 1, record->values[0], -1, SQLITE_TRANSIENT);
    for (guint i = 6; i < record->n_values && !no_sewage; i++)
      ledger_store_bind_value (sewage, i - 4, &fields[i], record->values[i]);
    if (!no_sewage)
      sqlite3_bind_int (sewage, 6, record->is_demo);
    return ledger_db_step_done (db, sewage, error);
  }
}

/* samples and inspections: the subject code becomes a uid column */
static gboolean
save_observation (LedgerDb      *db,
                  LedgerRecord  *record,
                  const char    *existing,
                  GError       **error)
{
  const LedgerField *fields = ledger_kind_fields (record->kind, NULL);
  const char *table = ledger_kind_table (record->kind);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  Subject subject = { 0 };
  gboolean ok;

  if (!resolve_subject (db, record->kind, record->values[0], &subject))
    return FALSE; /* checked before */
  g_string_append_printf (sql, "INSERT INTO %s (uid, is_demo, %s", table, subject.column);
  for (guint i = 1; i < record->n_values; i++)
    g_string_append_printf (sql, ", %s", fields[i].key);
  g_string_append (sql, ") VALUES (?1, ?2, ?3");
  for (guint i = 1; i < record->n_values; i++)
    g_string_append_printf (sql, ", ?%u", i + 3);
  g_string_append (sql, ")");
  if (existing != NULL)
    {
      /* an UPDATE keeps the audit per field */
      g_string_truncate (sql, 0);
      g_string_append_printf (sql, "UPDATE %s SET is_demo = ?2, %s = ?3", table, subject.column);
      for (guint i = 1; i < record->n_values; i++)
        g_string_append_printf (sql, ", %s = ?%u", fields[i].key, i + 3);
      g_string_append (sql, " WHERE uid = ?1");
    }
  stmt = ledger_db_prepare (db, sql->str, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, record->uid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, record->is_demo);
      sqlite3_bind_text (stmt, 3, subject.uid, -1, SQLITE_TRANSIENT);
      for (guint i = 1; i < record->n_values; i++)
        ledger_store_bind_value (stmt, i + 3, &fields[i], record->values[i]);
      ok = ledger_db_step_done (db, stmt, error);
    }
  g_free (subject.uid);
  return ok;
}

static gboolean
save_checked (LedgerDb      *db,
              LedgerRecord  *record,
              GError       **error)
{
  g_autofree char *existing = ledger_store_existing_uid (db, record);

  if (existing != NULL)
    {
      g_free (record->uid);
      record->uid = g_strdup (existing);
    }
  else if (record->uid == NULL)
    record->uid = ledger_uid_new ();

  switch (record->kind)
    {
    case LEDGER_KIND_VILLAGES:
      return save_village (db, record, error);
    case LEDGER_KIND_SAMPLES:
    case LEDGER_KIND_INSPECTIONS:
      return save_observation (db, record, existing, error);
    case LEDGER_KIND_FARMS:
      if (record->values[ledger_field_slots (record->kind)->code] == NULL)
        ledger_record_take (record, 0, ledger_store_assign_code (db, record));
      else
        ledger_store_note_code (db, record);
      return upsert_item (db, record, ledger_field_slots (LEDGER_KIND_FARMS)->year, existing, error) &&
             save_farm_year (db, record, existing == NULL, error);
    default:
      if (ledger_record_slot (record, ledger_field_slots (record->kind)->code) == NULL)
        ledger_record_take (record, 0, ledger_store_assign_code (db, record));
      else
        ledger_store_note_code (db, record);
      return upsert_item (db, record, record->n_values, existing, error);
    }
}

static gboolean
set_problems_error (GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      LedgerProblem *problem = g_ptr_array_index (problems, i);
      if (!problem->warning)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", problem->message);
    }
  g_set_error_literal (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, text->str);
  return FALSE;
}

/**
 * ledger_store_save:
 * @record: the record; on success its uid (and a blank code) are filled in
 *
 * Returns: TRUE when saved; FALSE with every problem in @error, nothing written
 */
gboolean
ledger_store_save (LedgerDb      *db,
                   LedgerRecord  *record,
                   GError       **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);

  LedgerUndo *journal = ledger_undo_recording (db);
  g_autoptr (LedgerRecord) before = NULL;

  if (!ledger_store_check (db, record, problems))
    return set_problems_error (problems, error);
  if (journal != NULL)
    before = ledger_undo_load_stored (db, record);
  if (!ledger_db_begin (db, error))
    return FALSE;
  if (!ledger_store_save_prechecked (db, record, error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  if (!ledger_db_commit (db, error))
    return FALSE;
  if (journal != NULL)
    ledger_undo_note_saved (journal, g_steal_pointer (&before), record);
  return TRUE;
}

/**
 * ledger_store_save_prechecked:
 * @record: a record ledger_store_check() accepted in the transaction still open
 *
 * Writes in the caller's transaction, without a savepoint of its own: on
 * failure the caller rolls its transaction back.
 *
 * Returns: FALSE with @error when the ledger cannot be written
 */
gboolean
ledger_store_save_prechecked (LedgerDb      *db,
                              LedgerRecord  *record,
                              GError       **error)
{
  g_return_val_if_fail (ledger_db_in_transaction (db), FALSE);

  if (!save_checked (db, record, error))
    return FALSE;
  ledger_db_note_change (db, record->kind, record->uid);
  return TRUE;
}

static int
original_year (const LedgerRecord *original)
{
  const char *year = original->kind == LEDGER_KIND_FARMS
    ? original->values[ledger_field_slots (LEDGER_KIND_FARMS)->year] : NULL;

  return year ? atoi (year) : 0;
}

/**
 * ledger_store_save_if_unchanged:
 * @original: (nullable): the record as the editor first loaded it
 *
 * Returns: TRUE when saved; FALSE with LEDGER_ERROR_CONFLICT when the item
 *   changed since @original was read (nothing written)
 */
gboolean
ledger_store_save_if_unchanged (LedgerDb           *db,
                                LedgerRecord       *record,
                                const LedgerRecord *original,
                                GError            **error)
{
  g_autoptr (LedgerRecord) current = NULL;
  LedgerUndo *journal = NULL;

  if (original == NULL || original->uid == NULL)
    return ledger_store_save (db, record, error);
  journal = ledger_undo_recording (db);
  if (!ledger_db_begin (db, error))
    return FALSE;
  current = ledger_store_get (db, original->kind, original->uid, original_year (original), NULL);
  if (current == NULL || !ledger_record_equal (current, original))
    {
      ledger_db_rollback (db);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_CONFLICT,
                   current == NULL ? _("This item was deleted by someone else since you opened it.")
                                   : _("This item was changed by someone else since you opened it. Close the editor to see the newer data, then make your change again."));
      return FALSE;
    }
  if (!ledger_store_save (db, record, error))
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  if (!ledger_db_commit (db, error))
    return FALSE;
  if (journal != NULL)
    ledger_undo_note_saved (journal, g_steal_pointer (&current), record);
  return TRUE;
}

