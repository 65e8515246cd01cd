/* ledger-item.c: the rows of one load, their columns, and the row object
 *
 * What a cell shows is ledger-row-text.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ledger-item-private.h"
#include "ledger-values.h"

/* Where each kind's columns go. COL is a column of the app's own. A field of
 * the kind's table whose list_label is set (ledger-kinds.c) is a column titled
 * by it, numeric when the field is a number, expanding when it is free text,
 * its text as the detail pane shows it: placed by FIELD where a column of the
 * app's own goes next to it or where it shows the row's mark, by COMPUTED
 * where the app computes its text, else where REST stands, in the table's
 * order. So a field marked in the kinds table shows without touching this file. */
typedef struct
{
  LedgerColumnId  id;
  const char     *key;      /* the field's key, for FIELD and COMPUTED */
  const char     *title;    /* msgid of an app column */
  gboolean        numeric;
  gboolean        marked;
  gboolean        expand;
} Place;

#define COL(id, title, numeric, marked, expand) { LEDGER_COLUMN_##id, NULL, title, numeric, marked, expand }
#define FIELD(key, marked) { LEDGER_COLUMN_FIELD, key, NULL, FALSE, marked, FALSE }
#define COMPUTED(id, key) { LEDGER_COLUMN_##id, key, NULL, FALSE, FALSE, FALSE }
#define REST { LEDGER_COLUMN_FIELD, NULL, NULL, FALSE, FALSE, FALSE }
#define END { LEDGER_N_COLUMNS, NULL, NULL, FALSE, FALSE, FALSE }

static const Place village_places[] = {
  COL (CODE, N_("Code"), FALSE, FALSE, FALSE),
  COL (NAME, N_("Name"), FALSE, FALSE, TRUE),
  COL (TOWNSHIP, N_("Township"), FALSE, FALSE, FALSE),
  REST,
  COL (VERDICT, N_("Effective treatment"), FALSE, TRUE, TRUE),
  END
};

static const Place facility_places[] = {
  COL (CODE, N_("Code"), FALSE, FALSE, FALSE),
  COL (NAME, N_("Name"), FALSE, FALSE, TRUE),
  FIELD ("kind", FALSE),
  COL (TOWNSHIP, N_("Township"), FALSE, FALSE, FALSE),
  COL (VILLAGE, N_("Village"), FALSE, FALSE, FALSE),
  FIELD ("status", TRUE),
  REST,
  END
};

static const Place farm_places[] = {
  COL (CODE, N_("Code"), FALSE, FALSE, FALSE),
  COL (NAME, N_("Name"), FALSE, FALSE, TRUE),
  FIELD ("species", FALSE),
  COL (TOWNSHIP, N_("Township"), FALSE, FALSE, FALSE),
  COL (VILLAGE, N_("Village"), FALSE, FALSE, FALSE),
  FIELD ("stock", FALSE),
  FIELD ("annual_output", FALSE),
  COL (SCALE, N_("Scale farm"), FALSE, FALSE, FALSE),
  FIELD ("facilities_matched", TRUE),
  COMPUTED (PRODUCED, "manure_produced_t"),
  REST,
  COL (PIG_EQ, N_("Pig equivalents"), TRUE, FALSE, FALSE),
  END
};

static const Place water_places[] = {
  COL (CODE, N_("Code"), FALSE, FALSE, FALSE),
  COL (NAME, N_("Name"), FALSE, FALSE, TRUE),
  FIELD ("kind", FALSE),
  COL (TOWNSHIP, N_("Township"), FALSE, FALSE, FALSE),
  COL (VILLAGE, N_("Village"), FALSE, FALSE, FALSE),
  FIELD ("area_m2", FALSE),
  FIELD ("status", TRUE),
  COL (LIST_LEVEL, N_("Supervision list"), FALSE, FALSE, FALSE),
  REST,
  END
};

static const Place *const places[] = {
  [LEDGER_KIND_VILLAGES] = village_places,
  [LEDGER_KIND_FACILITIES] = facility_places,
  [LEDGER_KIND_FARMS] = farm_places,
  [LEDGER_KIND_WATER_BODIES] = water_places,
};

static gboolean
field_is_placed (const Place *place,
                 const char  *key)
{
  for (; place->id != LEDGER_N_COLUMNS; place++)
    if (g_strcmp0 (place->key, key) == 0)
      return TRUE;
  return FALSE;
}

static void
add_field_column (LedgerItemColumns *table,
                  LedgerKind   kind,
                  const Place *place,
                  int          index)
{
  const LedgerField *field;
  LedgerColumnSpec spec;

  g_return_if_fail (index >= 0 && LEDGER_COLUMN_FIELD + index < LEDGER_N_COLUMNS);
  field = &ledger_kind_fields (kind, NULL)[index];
  g_return_if_fail (field->list_label != NULL);
  spec = (LedgerColumnSpec) {
    place->id == LEDGER_COLUMN_FIELD ? (LedgerColumnId) (LEDGER_COLUMN_FIELD + index) : place->id,
    field->list_label,
    field->type == LEDGER_FIELD_INT || field->type == LEDGER_FIELD_REAL || field->type == LEDGER_FIELD_YEAR,
    place->marked,
    field->type == LEDGER_FIELD_TEXT,
    field,
  };
  table->data[spec.id] = ledger_list_column (kind, field->key);
  g_array_append_val (table->specs, spec);
}

/* every listed field that no place names, in the table's order */
static void
add_rest (LedgerItemColumns *table,
          LedgerKind   kind,
          const Place *place)
{
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].list_label != NULL && !field_is_placed (places[kind], fields[i].key))
      add_field_column (table, kind, place, i);
}

static void
add_app_column (LedgerItemColumns *table,
                LedgerKind   kind,
                const Place *place)
{
  static const char *const data_keys[] = {
    [LEDGER_COLUMN_CODE] = "code", [LEDGER_COLUMN_NAME] = "name", [LEDGER_COLUMN_TOWNSHIP] = "township_name",
  };
  LedgerColumnSpec spec = { place->id, place->title, place->numeric, place->marked, place->expand, NULL };

  if (place->id < G_N_ELEMENTS (data_keys) && data_keys[place->id] != NULL)
    table->data[place->id] = ledger_list_column (kind, data_keys[place->id]);
  g_array_append_val (table->specs, spec);
}

static void
find_rule_columns (LedgerRuleColumns *rules,
                   LedgerKind   kind)
{
  rules->mode = ledger_list_column (kind, "mode");
  rules->households = ledger_list_column (kind, "households");
  rules->covered = ledger_list_column (kind, "covered_households");
  rules->year_done = ledger_list_column (kind, "year_done");
  rules->facility_down = ledger_list_column (kind, "facility_down");
  rules->region_kind = ledger_list_column (kind, "region_kind");
  rules->status = ledger_list_column (kind, "status");
  rules->species = ledger_list_column (kind, "species");
  rules->stock = ledger_list_column (kind, "stock");
  rules->output = ledger_list_column (kind, "annual_output");
  rules->matched = ledger_list_column (kind, "facilities_matched");
  rules->produced = ledger_list_column (kind, "manure_produced_t");
  rules->area = ledger_list_column (kind, "area_m2");
  rules->operator = ledger_list_column (kind, "operator");
}

/* every field's column, listed or not: what ledger_rows_dup_text() shows */
static void
find_fields (LedgerItemColumns *table,
             LedgerKind         kind)
{
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

  for (guint i = 0; i < n_fields && LEDGER_COLUMN_FIELD + i < LEDGER_N_COLUMNS; i++)
    table->field[LEDGER_COLUMN_FIELD + i] = &fields[i];
}

static LedgerItemColumns *
build_table (LedgerKind kind)
{
  LedgerItemColumns *table = g_new0 (LedgerItemColumns, 1);

  table->specs = g_array_new (FALSE, FALSE, sizeof (LedgerColumnSpec));
  for (guint c = 0; c < LEDGER_N_COLUMNS; c++)
    table->data[c] = -1;
  for (const Place *place = places[kind]; place->id != LEDGER_N_COLUMNS; place++)
    {
      if (place->key != NULL)
        add_field_column (table, kind, place, ledger_kind_field_index (kind, place->key));
      else if (place->id == LEDGER_COLUMN_FIELD)
        add_rest (table, kind, place);
      else
        add_app_column (table, kind, place);
    }
  find_rule_columns (&table->rules, kind);
  find_fields (table, kind);
  for (guint v = 0; v < G_N_ELEMENTS (table->verdict_text); v++)
    table->verdict_text[v] = ledger_village_verdict_describe (v);
  return table;
}

static const LedgerItemColumns *
table_of (LedgerKind kind)
{
  static LedgerItemColumns *tables[G_N_ELEMENTS (places)];

  if (g_once_init_enter (&tables[kind]))
    g_once_init_leave (&tables[kind], build_table (kind));
  return tables[kind];
}

const LedgerColumnSpec *
ledger_item_columns (LedgerKind  kind,
                     guint      *n_columns)
{
  if (kind >= G_N_ELEMENTS (places))
    {
      *n_columns = 0;
      return NULL;
    }
  *n_columns = table_of (kind)->specs->len;
  return (const LedgerColumnSpec *) (gpointer) table_of (kind)->specs->data;
}

LedgerColumnId
ledger_item_field_column (LedgerKind  kind,
                          const char *key)
{
  guint n;
  const LedgerColumnSpec *specs = ledger_item_columns (kind, &n);

  for (guint i = 0; i < n; i++)
    if (specs[i].field != NULL && g_strcmp0 (specs[i].field->key, key) == 0)
      return specs[i].id;
  return LEDGER_N_COLUMNS;
}

/* ---- LedgerRows: what is computed once per load ---- */

#define CELL LEDGER_ROWS_CELL
#define CELL_AT LEDGER_ROWS_CELL_AT

static double
cell_number (const char *text)
{
  return text ? g_ascii_strtod (text, NULL) : NAN;
}

static int
cell_int (const char *text,
          int         if_blank)
{
  return text ? (int) g_ascii_strtoll (text, NULL, 10) : if_blank;
}

/* index of an enum key, or -1 */
static int
enum_index (const char *enum_name,
            const char *key)
{
  const LedgerEnum *e = ledger_enum_by_name (enum_name);
  const LedgerEnumValue *v = key ? ledger_enum_lookup (e, key) : NULL;

  return v ? (int) (v - e->values) : -1;
}

static void
classify_village (LedgerRows        *rows,
                  guint              row,
                  const LedgerRules *rules,
                  int                year)
{
  LedgerRowInfo *info = &rows->info[row];
  const LedgerRuleColumns *c = &rows->columns->rules;
  LedgerVillageStatus status = {
    .mode = CELL_AT (rows, row, c->mode),
    .households = cell_int (CELL_AT (rows, row, c->households), -1),
    .covered_households = cell_int (CELL_AT (rows, row, c->covered), -1),
    .year_done = cell_int (CELL_AT (rows, row, c->year_done), 0),
    .facility_down = g_strcmp0 (CELL_AT (rows, row, c->facility_down), "1") == 0,
  };
  LedgerVillageVerdict verdict = ledger_village_verdict (rules, &status, year);

  info->verdict = verdict;
  if (g_strcmp0 (CELL_AT (rows, row, c->region_kind), "community") == 0)
    {
      info->flags |= ROW_COMMUNITY;
      return;
    }
  info->flags |= ROW_MARKED;
  info->mark = ledger_mark_for_village (verdict);
  if (ledger_village_verdict_counts (verdict))
    info->category = 1 << 0;
  else if (verdict == LEDGER_VILLAGE_NO_RECORD)
    info->category = 1 << 2;
  else
    info->category = 1 << 1;
}

static void
classify_facility (LedgerRows *rows,
                   guint       row)
{
  LedgerRowInfo *info = &rows->info[row];
  const char *status = CELL_AT (rows, row, rows->columns->rules.status);
  int i = enum_index ("facility_status", status);

  if (i < 0)
    return;
  info->flags |= ROW_MARKED;
  info->mark = ledger_mark_for_facility (status);
  info->category = 1 << i;
}

static void
classify_farm (LedgerRows        *rows,
               guint              row,
               const LedgerRules *rules)
{
  LedgerRowInfo *info = &rows->info[row];
  const LedgerRuleColumns *c = &rows->columns->rules;
  LedgerSpecies species;
  double stock = cell_number (CELL_AT (rows, row, c->stock));
  double output = cell_number (CELL_AT (rows, row, c->output));
  const char *matched = CELL_AT (rows, row, c->matched);
  gboolean is_matched = g_strcmp0 (matched, "1") == 0;

  info->pig_eq = NAN;
  info->produced = cell_number (CELL_AT (rows, row, c->produced));
  if (!ledger_species_from_key (CELL_AT (rows, row, c->species), &species))
    return;
  if (!isnan (stock))
    {
      info->pig_eq = ledger_pig_equivalents_by (rules, species, stock);
      if (isnan (info->produced))
        {
          info->produced = ledger_manure_estimate (rules, species, stock);
          info->flags |= ROW_PRODUCED_ESTIMATED;
        }
    }
  if (ledger_is_scale_farm (rules, species, stock, output))
    info->flags |= ROW_SCALE;
  info->flags |= ROW_MARKED;
  info->mark = ledger_mark_for_farm ((info->flags & ROW_SCALE) != 0, is_matched);
  info->category = ((info->flags & ROW_SCALE) ? 1 << 0 : 0)
                   | (is_matched ? 1 << 1 : 1 << 2)
                   | ((info->flags & ROW_SCALE) && !is_matched ? 1 << 3 : 0);
}

static void
classify_water_body (LedgerRows        *rows,
                     guint              row)
{
  LedgerRowInfo *info = &rows->info[row];
  const char *status = CELL_AT (rows, row, rows->columns->rules.status);
  int i = enum_index ("water_status", status);

  if (i < 0)
    return;
  info->flags |= ROW_MARKED;
  info->mark = ledger_mark_for_water_body (status, FALSE);
  info->category = 1 << i;
}

static void
append_hay (GString    *hay,
            const char *text)
{
  if (text == NULL)
    return;
  g_string_append (hay, text);
  g_string_append_c (hay, '\n');
}

/* code, name, operator, village and township names, lowercased, '\n' between fields */
static void
build_haystack (LedgerRows *rows)
{
  GString *hay = g_string_sized_new (rows->n_rows * 48 + 1);
  int operator_col = rows->columns->rules.operator;

  for (guint row = 0; row < rows->n_rows; row++)
    {
      gsize start = hay->len;
      gboolean ascii = TRUE;

      rows->info[row].hay = start;
      append_hay (hay, CELL (rows, row, LEDGER_LIST_CODE));
      append_hay (hay, CELL (rows, row, LEDGER_LIST_NAME));
      append_hay (hay, CELL_AT (rows, row, operator_col));
      append_hay (hay, CELL (rows, row, LEDGER_LIST_VILLAGE_NAME));
      append_hay (hay, CELL (rows, row, LEDGER_LIST_TOWNSHIP_NAME));
      for (gsize i = start; i < hay->len; i++)
        {
          if ((guchar) hay->str[i] >= 0x80)
            ascii = FALSE;
          hay->str[i] = g_ascii_tolower (hay->str[i]);
        }
      if (!ascii)
        {
          g_autofree char *down = g_utf8_strdown (hay->str + start, hay->len - start);
          g_string_truncate (hay, start);
          g_string_append (hay, down);
        }
      g_string_append_c (hay, '\0');
    }
  rows->haystack = g_string_free (hay, FALSE);
}

LedgerRows *
ledger_rows_new (LedgerListData    *data,
                 const LedgerRules *rules,
                 int                year)
{
  LedgerRows *rows = g_rc_box_new0 (LedgerRows);

  rows->kind = data->kind;
  rows->columns = table_of (data->kind);
  rows->data = ledger_list_data_ref (data);
  rows->n_rows = data->n_rows;
  rows->info = g_new0 (LedgerRowInfo, MAX (rows->n_rows, 1));
  for (guint row = 0; row < rows->n_rows; row++)
    {
      switch (rows->kind)
        {
        case LEDGER_KIND_VILLAGES:
          classify_village (rows, row, rules, year);
          break;
        case LEDGER_KIND_FACILITIES:
          classify_facility (rows, row);
          break;
        case LEDGER_KIND_FARMS:
          classify_farm (rows, row, rules);
          break;
        case LEDGER_KIND_WATER_BODIES:
          classify_water_body (rows, row);
          if (ledger_water_body_is_national (rules, cell_number (CELL_AT (rows, row, rows->columns->rules.area))))
            rows->info[row].category |= 1 << 7;
          break;
        default:
          break;
        }
    }
  build_haystack (rows);
  return rows;
}

LedgerRows *
ledger_rows_ref (LedgerRows *rows)
{
  return g_rc_box_acquire (rows);
}

static void
rows_clear (gpointer data)
{
  LedgerRows *rows = data;

  for (guint c = 0; c < LEDGER_N_COLUMNS; c++)
    {
      g_free (rows->num_keys[c]);
      if (rows->text_keys[c])
        {
          for (guint r = 0; r < rows->n_rows; r++)
            g_free (rows->text_keys[c][r]);
          g_free (rows->text_keys[c]);
        }
    }
  g_free (rows->info);
  g_free (rows->haystack);
  ledger_list_data_unref (rows->data);
}

void
ledger_rows_unref (LedgerRows *rows)
{
  g_rc_box_release_full (rows, rows_clear);
}

/* NAN when blank or where the kind has no such column */
double
ledger_rows_number (LedgerRows     *rows,
                    guint           row,
                    LedgerColumnId  column)
{
  const LedgerRowInfo *info = &rows->info[row];

  if (column == LEDGER_COLUMN_PIG_EQ)
    return info->pig_eq;
  if (column == LEDGER_COLUMN_PRODUCED)
    return info->produced;
  if (column >= LEDGER_N_COLUMNS)
    return NAN;
  return cell_number (CELL_AT (rows, row, rows->columns->data[column]));
}

/* ---- LedgerItem ---- */

struct _LedgerItem
{
  GObject     parent_instance;
  LedgerRows *rows;
  guint       row;
  gboolean    vacated;   /* a position leaving its list (see ledger_item_vacate) */
};

G_DEFINE_FINAL_TYPE (LedgerItem, ledger_item, G_TYPE_OBJECT)

enum { SIGNAL_ROW_CHANGED, N_ITEM_SIGNALS };
static guint item_signals[N_ITEM_SIGNALS];

static void
ledger_item_finalize (GObject *object)
{
  LedgerItem *self = LEDGER_ITEM (object);

  ledger_rows_unref (self->rows);
  G_OBJECT_CLASS (ledger_item_parent_class)->finalize (object);
}

static void
ledger_item_class_init (LedgerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_item_finalize;

  /* a position's item of a LedgerItemList now shows another row */
  item_signals[SIGNAL_ROW_CHANGED] =
    g_signal_new ("row-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ledger_item_init (LedgerItem *self)
{
}

/* Returns: (transfer full): an item of its own for @row, which a list
 * moves to another row with ledger_item_set_row() (a position of the list,
 * so its row widgets are kept while a search changes what they show) */
LedgerItem *
ledger_item_new_slot (LedgerRows *rows,
                      guint       row)
{
  LedgerItem *item = g_object_new (LEDGER_TYPE_ITEM, NULL);

  item->rows = ledger_rows_ref (rows);
  item->row = row;
  return item;
}

void
ledger_item_set_row (LedgerItem *self,
                     guint       row)
{
  g_return_if_fail (row < self->rows->n_rows);

  if (self->row == row && !self->vacated)
    return;
  self->row = row;
  self->vacated = FALSE;
  g_signal_emit (self, item_signals[SIGNAL_ROW_CHANGED], 0);
}

/* Marks a slot whose position a list drops a few frames later: its row
 * widgets hide, and keep their text, until then or until the slot gets a
 * row again (ledger_item_set_row) */
void
ledger_item_vacate (LedgerItem *self)
{
  if (self->vacated)
    return;
  self->vacated = TRUE;
  g_signal_emit (self, item_signals[SIGNAL_ROW_CHANGED], 0);
}

/* Moves a slot to @row, hidden (vacated) until ledger_item_set_row() shows
 * it: a row out of view, refilled a few frames later */
void
ledger_item_defer_row (LedgerItem *self,
                       guint       row)
{
  g_return_if_fail (row < self->rows->n_rows);

  self->row = row;
  ledger_item_vacate (self);
}

gboolean
ledger_item_is_vacated (LedgerItem *self)
{
  return self->vacated;
}

LedgerKind
ledger_item_get_kind (LedgerItem *self)
{
  return self->rows->kind;
}

const char *
ledger_item_get_uid (LedgerItem *self)
{
  return CELL (self->rows, self->row, LEDGER_LIST_UID);
}

const char *
ledger_item_get_name (LedgerItem *self)
{
  return CELL (self->rows, self->row, LEDGER_LIST_NAME);
}

char *
ledger_item_dup_text (LedgerItem     *self,
                      LedgerColumnId  column)
{
  return ledger_rows_dup_text (self->rows, self->row, column);
}

const char *
ledger_item_get_mark_class (LedgerItem *self)
{
  const LedgerRowInfo *info = &self->rows->info[self->row];

  return (info->flags & ROW_MARKED) ? ledger_mark_css_class (info->mark) : NULL;
}
