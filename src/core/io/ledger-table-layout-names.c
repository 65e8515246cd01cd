/* ledger-table-layout-names.c: what an officer's header names
 *
 * Besides the fields of the kind (ledger-import-columns.c): 序号, the
 * township and the village by name (乡镇（街道）, 村（社区）, 所在村 …) and
 * one column per species of a farm figure (存栏量 over 生猪, or 生猪存栏量).
 * Names are compared as ledger_normalise_header() leaves them (no
 * spaces, no bracketed units, half-width, lower case).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-import-private.h"
#include "ledger-table-layout-private.h"
#include "ledger-vocabulary.h"

static const char * const serial_names[] = {
  "序号", "序", "顺序号", "no.", "no", "排序", "编序", NULL
};

static const char * const township_names[] = {
  "乡镇", "乡镇街道", "所在乡镇", "所属乡镇", "镇", "乡", "街道", "镇乡", "乡镇名称", "镇街",
  "所在镇", "所在乡镇街道", "所属乡镇街道", "乡镇街道名称", "镇乡街道", "township", NULL
};

static const char * const village_names[] = {
  "村", "村名", "村名称", "所在村", "所属村", "行政村", "行政村名称", "村社区", "村居",
  "所在行政村", "所属行政村", "村委会", "村庄", "所在村社区", "村社区名称", "village", NULL
};

/* ---- auxiliary functions ---- */

static gboolean
in_list (const char * const *list,
         const char         *normalised)
{
  return g_strv_contains (list, normalised);
}

static gboolean
has_village (LedgerKind kind)
{
  return ledger_kind_field_index (kind, "village_code") >= 0;
}

static gboolean
is_figure_field (int field)
{
  return field == ledger_kind_field_index (LEDGER_KIND_FARMS, "stock") ||
         field == ledger_kind_field_index (LEDGER_KIND_FARMS, "annual_output");
}

/* stock or annual_output of farms, named alone (存栏量, 年出栏, 存栏) */
static int
figure_field (const char *normalised)
{
  int field = ledger_import_match_header (LEDGER_KIND_FARMS, normalised);

  if (is_figure_field (field))
    return field;
  if (strcmp (normalised, "出栏") == 0 || strcmp (normalised, "出栏量") == 0)
    return ledger_kind_field_index (LEDGER_KIND_FARMS, "annual_output");
  return -1;
}

static int
species_index (const char *normalised)
{
  const LedgerEnum *species = ledger_enum_by_name ("species");
  const LedgerEnumValue *value = ledger_vocabulary_lookup (species, normalised);

  return value ? (int) (value - species->values) : -1;
}

/* 生猪存栏量, 存栏生猪, 羊存栏数: a species and a figure in one name */
static int
split_wide (const char *normalised)
{
  for (const char *p = g_utf8_next_char (normalised); *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *left = g_strndup (normalised, p - normalised);
      int species, field;

      if ((species = species_index (left)) >= 0 && (field = figure_field (p)) >= 0)
        return LEDGER_TARGET_WIDE (field, species);
      if ((field = figure_field (left)) >= 0 && (species = species_index (p)) >= 0)
        return LEDGER_TARGET_WIDE (field, species);
    }
  return LEDGER_TARGET_IGNORE;
}

/* ---- private API ---- */

int
ledger_layout_match_name (LedgerKind  kind,
                          const char *name)
{
  g_autofree char *normalised = ledger_normalise_header (name);
  int field;

  if (*normalised == '\0')
    return LEDGER_TARGET_IGNORE;
  if (in_list (serial_names, normalised))
    return LEDGER_TARGET_SERIAL;
  if ((field = ledger_import_match_header (kind, normalised)) >= 0)
    return field;
  if (has_village (kind) && in_list (township_names, normalised))
    return LEDGER_TARGET_TOWNSHIP_NAME;
  if (has_village (kind) && kind != LEDGER_KIND_VILLAGES && in_list (village_names, normalised))
    return LEDGER_TARGET_VILLAGE_NAME;
  if (kind == LEDGER_KIND_FARMS)
    return split_wide (normalised);
  return LEDGER_TARGET_IGNORE;
}

int
ledger_layout_match_wide (LedgerKind  kind,
                          const char *group,
                          const char *sub)
{
  g_autofree char *figure = ledger_normalise_header (group);
  g_autofree char *species = ledger_normalise_header (sub);
  int field, index;

  if (kind != LEDGER_KIND_FARMS)
    return LEDGER_TARGET_IGNORE;
  /* 存栏量（头/只）/ 生猪, or a deeper group ending with the figure */
  if (strrchr (figure, '/') != NULL)
    memmove (figure, strrchr (figure, '/') + 1, strlen (strrchr (figure, '/')));
  if ((field = figure_field (figure)) < 0 || (index = species_index (species)) < 0)
    return LEDGER_TARGET_IGNORE;
  return LEDGER_TARGET_WIDE (field, index);
}

static gboolean
has_target (const LedgerTableLayout *layout,
            int                      target)
{
  for (guint c = 0; c < layout->n_columns; c++)
    if (layout->columns[c].target == target)
      return TRUE;
  return FALSE;
}

/* ---- public API ---- */

/**
 * ledger_table_layout_missing_fields:
 *
 * Returns: (transfer full): the keys of required fields no column gives
 */
char **
ledger_table_layout_missing_fields (const LedgerTableLayout *layout)
{
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (layout->kind, &n_fields);
  g_autoptr (GStrvBuilder) missing = g_strv_builder_new ();
  g_autofree gboolean *given = g_new0 (gboolean, n_fields);
  int village = ledger_kind_field_index (layout->kind, "village_code");
  int species = ledger_kind_field_index (layout->kind, "species");

  for (guint c = 0; c < layout->n_columns; c++)
    {
      int target = layout->columns[c].target;

      if (target >= 0 && (guint) target < n_fields)
        given[target] = TRUE;
      else if (target == LEDGER_TARGET_VILLAGE_NAME && village >= 0)
        given[village] = TRUE;
      else if (LEDGER_TARGET_IS_WIDE (target) && species >= 0)
        given[species] = TRUE;
    }
  /* villages: the name with a township tells the code */
  if (layout->kind == LEDGER_KIND_VILLAGES && given[ledger_kind_field_index (layout->kind, "name")] &&
      has_target (layout, LEDGER_TARGET_TOWNSHIP_NAME))
    given[village] = TRUE;
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].required && !given[i])
      g_strv_builder_add (missing, fields[i].key);
  return g_strv_builder_end (missing);
}

/**
 * ledger_target_describe:
 *
 * Returns: (transfer full): the target's name for people
 */
char *
ledger_target_describe (LedgerKind kind,
                        int        target)
{
  guint n_fields;
  const LedgerField *fields = ledger_kind_fields (kind, &n_fields);

  if (target >= 0 && (guint) target < n_fields)
    return g_strdup (ledger_field_display_name (&fields[target]));
  if (LEDGER_TARGET_IS_WIDE (target) && LEDGER_TARGET_WIDE_FIELD (target) < n_fields)
    {
      const LedgerEnum *species = ledger_enum_by_name ("species");
      guint index = LEDGER_TARGET_WIDE_SPECIES (target);

      /* TRANSLATORS: a farm figure of one species, e.g. "Stock: Pigs" */
      return g_strdup_printf (_("%s: %s"), ledger_field_display_name (&fields[LEDGER_TARGET_WIDE_FIELD (target)]),
                              index < species->n_values ? _(species->values[index].label_en) : "?");
    }
  switch (target)
    {
    case LEDGER_TARGET_SERIAL:
      return g_strdup (_("Row number (序号), ignored"));
    case LEDGER_TARGET_TOWNSHIP_NAME:
      return g_strdup (_("Township name"));
    case LEDGER_TARGET_VILLAGE_NAME:
      return g_strdup (_("Village name"));
    default:
      return g_strdup (_("Ignored"));
    }
}

const char *
ledger_row_class_describe (LedgerRowClass row_class)
{
  switch (row_class)
    {
    case LEDGER_ROW_DATA:
      return _("data");
    case LEDGER_ROW_ABOVE_HEADER:
      return _("title line above the header");
    case LEDGER_ROW_HEADER:
      return _("header row");
    case LEDGER_ROW_BLANK:
      return _("blank row");
    case LEDGER_ROW_TOTAL:
      return _("total row (合计/小计)");
    case LEDGER_ROW_FOOTER:
      return _("footer line (填表人, 审核人, 说明 …)");
    case LEDGER_ROW_COLUMN_NUMBERS:
      return _("column numbers under the header");
    case LEDGER_ROW_SECTION:
      return _("section heading (一、…)");
    case LEDGER_ROW_NO_VALUES:
    default:
      return _("nothing in the imported columns");
    }
}
