/* ledger-item.c: the rows of one load, their columns, and the row object */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ledger-item-private.h"
#include "ledger-values.h"

#define COL(id, title, numeric, marked, expand) { LEDGER_COLUMN_##id, title, numeric, marked, expand }

static const LedgerColumnSpec village_columns[] = {
  COL (CODE, N_("Code"), FALSE, FALSE, FALSE),
  COL (NAME, N_("Name"), FALSE, FALSE, TRUE),
  COL (TOWNSHIP, N_("Township"), FALSE, FALSE, FALSE),
  COL (HOUSEHOLDS, N_("Households"), TRUE, FALSE, FALSE),
  COL (MODE, N_("Treatment mode"), FALSE, FALSE, FALSE),
  COL (COVERED, N_("Households covered"), TRUE, FALSE, FALSE),
  COL (YEAR_DONE, N_("Year done"), TRUE, FALSE, FALSE),
  COL (VERDICT, N_("Effective treatment"), FALSE, TRUE, TRUE),
};

static const LedgerColumnSpec facility_columns[] = {
  COL (CODE, N_("Code"), FALSE, FALSE, FALSE),
  COL (NAME, N_("Name"), FALSE, FALSE, TRUE),
  COL (TYPE, N_("Type"), FALSE, FALSE, FALSE),
  COL (TOWNSHIP, N_("Township"), FALSE, FALSE, FALSE),
  COL (VILLAGE, N_("Village"), FALSE, FALSE, FALSE),
  COL (STATUS, N_("Status"), FALSE, TRUE, FALSE),
  COL (CAPACITY, N_("Capacity (t/day)"), TRUE, FALSE, FALSE),
  COL (OPERATOR, N_("Operator"), FALSE, FALSE, TRUE),
};

static const LedgerColumnSpec farm_columns[] = {
  COL (CODE, N_("Code"), FALSE, FALSE, FALSE),
  COL (NAME, N_("Name"), FALSE, FALSE, TRUE),
  COL (SPECIES, N_("Species"), FALSE, FALSE, FALSE),
  COL (TOWNSHIP, N_("Township"), FALSE, FALSE, FALSE),
  COL (VILLAGE, N_("Village"), FALSE, FALSE, FALSE),
  COL (STOCK, N_("Stock"), TRUE, FALSE, FALSE),
  COL (ANNUAL_OUTPUT, N_("Annual output"), TRUE, FALSE, FALSE),
  COL (SCALE, N_("Scale farm"), FALSE, FALSE, FALSE),
  COL (MATCHED, N_("Manure facilities matched"), FALSE, TRUE, FALSE),
  COL (PRODUCED, N_("Manure produced (t/year)"), TRUE, FALSE, FALSE),
  COL (UTILISED, N_("Manure utilised (t/year)"), TRUE, FALSE, FALSE),
  COL (PIG_EQ, N_("Pig equivalents"), TRUE, FALSE, FALSE),
};

static const LedgerColumnSpec water_columns[] = {
  COL (CODE, N_("Code"), FALSE, FALSE, FALSE),
  COL (NAME, N_("Name"), FALSE, FALSE, TRUE),
  COL (TYPE, N_("Type"), FALSE, FALSE, FALSE),
  COL (TOWNSHIP, N_("Township"), FALSE, FALSE, FALSE),
  COL (VILLAGE, N_("Village"), FALSE, FALSE, FALSE),
  COL (AREA, N_("Area (m²)"), TRUE, FALSE, FALSE),
  COL (STATUS, N_("Remediation status"), FALSE, TRUE, FALSE),
  COL (LIST_LEVEL, N_("Supervision list"), FALSE, FALSE, FALSE),
  COL (DUE, N_("Due date"), FALSE, FALSE, FALSE),
  COL (COMPLETED, N_("Completed on"), FALSE, FALSE, FALSE),
};

const LedgerColumnSpec *
ledger_item_columns (LedgerKind  kind,
                     guint      *n_columns)
{
  switch (kind)
    {
    case LEDGER_KIND_VILLAGES:
      *n_columns = G_N_ELEMENTS (village_columns);
      return village_columns;
    case LEDGER_KIND_FACILITIES:
      *n_columns = G_N_ELEMENTS (facility_columns);
      return facility_columns;
    case LEDGER_KIND_FARMS:
      *n_columns = G_N_ELEMENTS (farm_columns);
      return farm_columns;
    case LEDGER_KIND_WATER_BODIES:
      *n_columns = G_N_ELEMENTS (water_columns);
      return water_columns;
    default:
      *n_columns = 0;
      return NULL;
    }
}

/* ---- LedgerRows: what is computed once per load ---- */

#define CELL(rows, row, col) ledger_list_data_get ((rows)->data, (row), (col))

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
  LedgerVillageStatus status = {
    .mode = CELL (rows, row, LEDGER_LIST_V_MODE),
    .households = cell_int (CELL (rows, row, LEDGER_LIST_V_HOUSEHOLDS), -1),
    .covered_households = cell_int (CELL (rows, row, LEDGER_LIST_V_COVERED), -1),
    .year_done = cell_int (CELL (rows, row, LEDGER_LIST_V_YEAR_DONE), 0),
    .facility_down = g_strcmp0 (CELL (rows, row, LEDGER_LIST_V_FACILITY_DOWN), "1") == 0,
  };
  LedgerVillageVerdict verdict = ledger_village_verdict (rules, &status, year);

  info->verdict = verdict;
  if (g_strcmp0 (CELL (rows, row, LEDGER_LIST_V_REGION_KIND), "community") == 0)
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
  const char *status = CELL (rows, row, LEDGER_LIST_F_STATUS);
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
  LedgerSpecies species;
  double stock = cell_number (CELL (rows, row, LEDGER_LIST_A_STOCK));
  double output = cell_number (CELL (rows, row, LEDGER_LIST_A_ANNUAL_OUTPUT));
  const char *matched = CELL (rows, row, LEDGER_LIST_A_MATCHED);
  gboolean is_matched = g_strcmp0 (matched, "1") == 0;

  info->pig_eq = NAN;
  info->produced = cell_number (CELL (rows, row, LEDGER_LIST_A_PRODUCED));
  if (!ledger_species_from_key (CELL (rows, row, LEDGER_LIST_A_SPECIES), &species))
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
  const char *status = CELL (rows, row, LEDGER_LIST_W_STATUS);
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
  guint operator_col = rows->kind == LEDGER_KIND_FACILITIES ? LEDGER_LIST_F_OPERATOR
                       : rows->kind == LEDGER_KIND_FARMS ? LEDGER_LIST_A_OPERATOR : 0;

  for (guint row = 0; row < rows->n_rows; row++)
    {
      gsize start = hay->len;
      gboolean ascii = TRUE;

      rows->info[row].hay = start;
      append_hay (hay, CELL (rows, row, LEDGER_LIST_CODE));
      append_hay (hay, CELL (rows, row, LEDGER_LIST_NAME));
      if (operator_col)
        append_hay (hay, CELL (rows, row, operator_col));
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
  rows->data = ledger_list_data_ref (data);
  rows->n_rows = data->n_rows;
  rows->info = g_new0 (LedgerRowInfo, MAX (rows->n_rows, 1));
  rows->cache = g_new0 (LedgerItem *, MAX (rows->n_rows, 1));
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
          if (ledger_water_body_is_national (rules, cell_number (CELL (rows, row, LEDGER_LIST_W_AREA))))
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
  g_free (rows->cache);
  ledger_list_data_unref (rows->data);
}

void
ledger_rows_unref (LedgerRows *rows)
{
  g_rc_box_release_full (rows, rows_clear);
}

/* ---- what a cell shows ---- */

static char *
format_number (double value)
{
  if (isnan (value))
    return NULL;
  if (fabs (value - round (value)) < 0.005 || fabs (value) >= 1000)
    return g_strdup_printf ("%.0f", value);
  if (fabs (value) >= 100)
    return g_strdup_printf ("%.1f", value);
  return g_strdup_printf ("%.2f", value);
}

static char *
enum_text (const char *enum_name,
           const char *key)
{
  return key ? g_strdup (ledger_enum_display (ledger_enum_by_name (enum_name), key)) : NULL;
}

static char *
yes_no (gboolean yes)
{
  return g_strdup (yes ? _("Yes") : _("No"));
}

static guint
data_column (LedgerKind     kind,
             LedgerColumnId column)
{
  switch (column)
    {
    case LEDGER_COLUMN_CODE: return LEDGER_LIST_CODE;
    case LEDGER_COLUMN_NAME: return LEDGER_LIST_NAME;
    case LEDGER_COLUMN_TOWNSHIP: return LEDGER_LIST_TOWNSHIP_NAME;
    case LEDGER_COLUMN_HOUSEHOLDS: return LEDGER_LIST_V_HOUSEHOLDS;
    case LEDGER_COLUMN_COVERED: return LEDGER_LIST_V_COVERED;
    case LEDGER_COLUMN_YEAR_DONE: return LEDGER_LIST_V_YEAR_DONE;
    case LEDGER_COLUMN_CAPACITY: return LEDGER_LIST_F_CAPACITY;
    case LEDGER_COLUMN_OPERATOR:
      return kind == LEDGER_KIND_FARMS ? LEDGER_LIST_A_OPERATOR : LEDGER_LIST_F_OPERATOR;
    case LEDGER_COLUMN_STOCK: return LEDGER_LIST_A_STOCK;
    case LEDGER_COLUMN_ANNUAL_OUTPUT: return LEDGER_LIST_A_ANNUAL_OUTPUT;
    case LEDGER_COLUMN_UTILISED: return LEDGER_LIST_A_UTILISED;
    case LEDGER_COLUMN_AREA: return LEDGER_LIST_W_AREA;
    case LEDGER_COLUMN_DUE: return LEDGER_LIST_W_DUE;
    case LEDGER_COLUMN_COMPLETED: return LEDGER_LIST_W_COMPLETED;
    default: return G_MAXUINT;
    }
}

double
ledger_rows_number (LedgerRows     *rows,
                    guint           row,
                    LedgerColumnId  column)
{
  const LedgerRowInfo *info = &rows->info[row];
  guint col;

  if (column == LEDGER_COLUMN_PIG_EQ)
    return info->pig_eq;
  if (column == LEDGER_COLUMN_PRODUCED)
    return info->produced;
  col = data_column (rows->kind, column);
  return col == G_MAXUINT ? NAN : cell_number (CELL (rows, row, col));
}

static char *
verdict_text (const LedgerRowInfo *info)
{
  if (info->flags & ROW_COMMUNITY)
    return g_strdup (_("Community (not counted)"));
  return g_strdup (ledger_village_verdict_describe (info->verdict));
}

static char *
derived_text (LedgerRows     *rows,
              guint           row,
              LedgerColumnId  column)
{
  const LedgerRowInfo *info = &rows->info[row];
  LedgerKind kind = rows->kind;
  g_autofree char *number = NULL;

  switch (column)
    {
    case LEDGER_COLUMN_VILLAGE:
      return g_strdup (CELL (rows, row, LEDGER_LIST_VILLAGE_NAME) ?: CELL (rows, row, LEDGER_LIST_VILLAGE_CODE));
    case LEDGER_COLUMN_MODE:
      return enum_text ("mode", CELL (rows, row, LEDGER_LIST_V_MODE));
    case LEDGER_COLUMN_VERDICT:
      return verdict_text (info);
    case LEDGER_COLUMN_TYPE:
      return kind == LEDGER_KIND_FACILITIES ? enum_text ("facility_kind", CELL (rows, row, LEDGER_LIST_F_KIND))
                                            : enum_text ("water_kind", CELL (rows, row, LEDGER_LIST_W_KIND));
    case LEDGER_COLUMN_STATUS:
      return kind == LEDGER_KIND_FACILITIES ? enum_text ("facility_status", CELL (rows, row, LEDGER_LIST_F_STATUS))
                                            : enum_text ("water_status", CELL (rows, row, LEDGER_LIST_W_STATUS));
    case LEDGER_COLUMN_SPECIES:
      return enum_text ("species", CELL (rows, row, LEDGER_LIST_A_SPECIES));
    case LEDGER_COLUMN_SCALE:
      return yes_no (info->flags & ROW_SCALE);
    case LEDGER_COLUMN_MATCHED:
      return CELL (rows, row, LEDGER_LIST_A_MATCHED) ? yes_no (g_strcmp0 (CELL (rows, row, LEDGER_LIST_A_MATCHED), "1") == 0)
                                                     : g_strdup (_("Not recorded"));
    case LEDGER_COLUMN_PRODUCED:
      number = format_number (info->produced);
      if (number && (info->flags & ROW_PRODUCED_ESTIMATED))
        return g_strdup_printf ("≈ %s", number);
      return g_steal_pointer (&number);
    case LEDGER_COLUMN_PIG_EQ:
      return format_number (info->pig_eq);
    case LEDGER_COLUMN_LIST_LEVEL:
      if (CELL (rows, row, LEDGER_LIST_W_AREA) == NULL)
        return NULL;
      return g_strdup ((info->category & (1 << 7)) ? _("National") : _("Provincial"));
    default:
      return NULL;
    }
}

char *
ledger_rows_dup_text (LedgerRows     *rows,
                      guint           row,
                      LedgerColumnId  column)
{
  guint col = data_column (rows->kind, column);

  if (col == G_MAXUINT)
    return derived_text (rows, row, column);
  if (column == LEDGER_COLUMN_CAPACITY || column == LEDGER_COLUMN_UTILISED || column == LEDGER_COLUMN_AREA)
    return format_number (cell_number (CELL (rows, row, col)));
  if (column == LEDGER_COLUMN_DUE || column == LEDGER_COLUMN_COMPLETED)
    return CELL (rows, row, col) ? ledger_date_display (CELL (rows, row, col)) : NULL;
  return g_strdup (CELL (rows, row, col));
}

/* ---- LedgerItem ---- */

struct _LedgerItem
{
  GObject     parent_instance;
  LedgerRows *rows;
  guint       row;
};

G_DEFINE_FINAL_TYPE (LedgerItem, ledger_item, G_TYPE_OBJECT)

static void
ledger_item_finalize (GObject *object)
{
  LedgerItem *self = LEDGER_ITEM (object);

  if (self->rows->cache[self->row] == self)
    self->rows->cache[self->row] = NULL;
  ledger_rows_unref (self->rows);
  G_OBJECT_CLASS (ledger_item_parent_class)->finalize (object);
}

static void
ledger_item_class_init (LedgerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_item_finalize;
}

static void
ledger_item_init (LedgerItem *self)
{
}

/* Returns: (transfer full): the row's object, the same while one is alive */
LedgerItem *
ledger_rows_get_item (LedgerRows *rows,
                      guint       row)
{
  LedgerItem *item = rows->cache[row];

  if (item)
    return g_object_ref (item);
  item = g_object_new (LEDGER_TYPE_ITEM, NULL);
  item->rows = ledger_rows_ref (rows);
  item->row = row;
  rows->cache[row] = item;
  return item;
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
