/* ledger-progress-format.c: progress as JSON (README.md, progress --json) and as a text table
 *
 * The JSON is written by hand rather than with JsonGenerator because
 * json-glib prints doubles with 17 significant digits (0.75209999999999999);
 * the contract asks for rates rounded to 4 decimals and tonnes to 1, as a
 * person would read them. Strings are escaped here; tests parse the result
 * back with json-glib.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ledger-json.h"
#include "ledger-progress.h"

/* ---- JSON ---- */

/* a number with at most @decimals decimals, at least one ("1.0", "0.7521"), or null */
static void
append_json_number (GString *out,
                    double   value,
                    int      decimals)
{
  char format[8];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  if (isnan (value) || isinf (value))
    {
      g_string_append (out, "null");
      return;
    }
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  len = strlen (buffer);
  while (decimals > 1 && len > 0 && buffer[len - 1] == '0' && buffer[len - 2] != '.')
    buffer[--len] = '\0';
  if (strcmp (buffer, "-0.0") == 0)
    strcpy (buffer, "0.0");
  g_string_append (out, buffer);
}

static void
append_json_indicator (GString               *out,
                       const LedgerIndicator *indicator,
                       LedgerIndicatorId      id)
{
  /* counts are integers; manure is in tonnes with one decimal */
  gboolean tonnes = id == LEDGER_INDICATOR_MANURE_UTILISATION;

  g_string_append_printf (out, "\"%s\": {\"numerator\": ", ledger_indicator_key (id));
  if (tonnes)
    append_json_number (out, indicator->numerator, 1);
  else
    g_string_append_printf (out, "%.0f", indicator->numerator);
  g_string_append (out, ", \"denominator\": ");
  if (tonnes)
    append_json_number (out, indicator->denominator, 1);
  else
    g_string_append_printf (out, "%.0f", indicator->denominator);
  g_string_append (out, ", \"rate\": ");
  append_json_number (out, indicator->rate, 4);
  g_string_append (out, ", \"target\": ");
  append_json_number (out, indicator->target, 4);
  /* no target (black_odorous_remediated_all by default): met is null */
  g_string_append_printf (out, ", \"met\": %s}",
                          isnan (indicator->target) ? "null" : indicator->met ? "true" : "false");
}

static void
append_json_indicators (GString                   *out,
                        const LedgerScopeProgress *scope,
                        const char                *indent)
{
  g_string_append (out, "{\n");
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    {
      g_string_append_printf (out, "%s  ", indent);
      append_json_indicator (out, &scope->indicators[i], i);
      g_string_append (out, i + 1 < LEDGER_N_INDICATORS ? ",\n" : "\n");
    }
  g_string_append_printf (out, "%s}", indent);
  /* the water bodies flagged (面积未填 counts on the national list; < 200 m² outside the survey) */
  g_string_append_printf (out, ", \"flags\": {\"water_area_unknown\": %u, \"water_below_survey\": %u}",
                          scope->n_water_area_unknown, scope->n_water_below_survey);
}

/**
 * ledger_progress_to_json:
 * @progress: progress
 *
 * Returns: (transfer full): the progress in the shape of README.md, progress --json:
 *   region {code, name}, year, indicators, townships [{code, name,
 *   indicators}]; a rate without a denominator is null
 */
char *
ledger_progress_to_json (const LedgerProgress *progress)
{
  GString *out = g_string_new ("{\n  \"region\": {\"code\": ");

  ledger_json_append_string (out, progress->county.code);
  g_string_append (out, ", \"name\": ");
  ledger_json_append_string (out, progress->county.name);
  g_string_append_printf (out, "},\n  \"year\": %d,\n  \"indicators\": ", progress->year);
  append_json_indicators (out, &progress->county, "  ");
  g_string_append (out, ",\n  \"townships\": [");
  for (guint i = 0; i < progress->townships->len; i++)
    {
      const LedgerScopeProgress *township = g_ptr_array_index (progress->townships, i);

      g_string_append (out, i ? ",\n    {\"code\": " : "\n    {\"code\": ");
      ledger_json_append_string (out, township->code);
      g_string_append (out, ", \"name\": ");
      ledger_json_append_string (out, township->name);
      g_string_append (out, ", \"indicators\": ");
      append_json_indicators (out, township, "    ");
      g_string_append (out, "}");
    }
  g_string_append (out, progress->townships->len ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free (out, FALSE);
}

/* ---- text table ---- */

/* columns on a terminal: CJK characters take two */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  guint pad = width > display_width (text) ? width - display_width (text) : 0;

  if (right)
    g_string_append_printf (out, "%*s%s", pad, "", text);
  else
    g_string_append_printf (out, "%s%*s", text, pad, "");
}

static char *
format_cell (const LedgerIndicator *indicator,
             LedgerIndicatorId      id)
{
  g_autofree char *rate = ledger_format_rate (indicator->rate);
  const char *mark = isnan (indicator->rate) ? " " : indicator->met ? "✓" : "✗";

  if (id == LEDGER_INDICATOR_MANURE_UTILISATION)
    /* TRANSLATORS: a progress table cell: mark, rate, then tonnes utilised / produced */
    return g_strdup_printf (_("%s %s (%.1f/%.1f t)"), mark, rate, indicator->numerator, indicator->denominator);
  return g_strdup_printf ("%s %s (%.0f/%.0f)", mark, rate, indicator->numerator, indicator->denominator);
}

/* rows of cells: header, targets, county, townships */
static GPtrArray *
table_rows (const LedgerProgress *progress)
{
  const char *headers[] = { _("Region"), _("Village sewage"), _("Manure utilisation"),
                            _("Scale-farm facilities"), _("Black-odorous remediated"),
                            _("Black-odorous, all listed"), NULL };
  G_STATIC_ASSERT (G_N_ELEMENTS (headers) == LEDGER_N_INDICATORS + 2);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **targets = g_new0 (char *, LEDGER_N_INDICATORS + 2);

  g_ptr_array_add (rows, g_strdupv ((char **) headers));
  targets[0] = g_strdup (_("Target"));
  for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
    targets[i + 1] = ledger_format_rate (progress->county.indicators[i].target);
  g_ptr_array_add (rows, targets);

  for (guint r = 0; r <= progress->townships->len; r++)
    {
      const LedgerScopeProgress *scope = r == 0 ? &progress->county
                                                : g_ptr_array_index (progress->townships, r - 1);
      char **row = g_new0 (char *, LEDGER_N_INDICATORS + 2);

      row[0] = r == 0 ? g_strdup (scope->name) : g_strdup_printf ("  %s", scope->name);
      for (guint i = 0; i < LEDGER_N_INDICATORS; i++)
        row[i + 1] = format_cell (&scope->indicators[i], i);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/**
 * ledger_progress_to_table:
 * @progress: progress
 *
 * Returns: (transfer full): the progress as an aligned text table for a
 *   terminal, county first, then each township; ✓ marks a target met
 */
char *
ledger_progress_to_table (const LedgerProgress *progress)
{
  g_autoptr (GPtrArray) rows = table_rows (progress);
  guint widths[LEDGER_N_INDICATORS + 1] = { 0 };
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("Progress of %s in %d"), progress->county.name, progress->year);
  g_string_append (out, "\n\n");
  for (guint r = 0; r < rows->len; r++)
    for (guint i = 0; i <= LEDGER_N_INDICATORS; i++)
      widths[i] = MAX (widths[i], display_width (((char **) g_ptr_array_index (rows, r))[i]));
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint i = 0; i <= LEDGER_N_INDICATORS; i++)
        {
          if (i > 0)
            g_string_append (out, "  ");
          append_padded (out, row[i], widths[i], i > 0);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* ---- gap to the target ---- */

/**
 * ledger_indicator_gap:
 * @indicator: an indicator of a scope
 * @id: which one (tonnes for manure, whole units otherwise)
 *
 * Returns: how much is still missing to reach the target: 0 when met, NAN
 *   when there is no denominator or no target
 */
double
ledger_indicator_gap (const LedgerIndicator *indicator,
                      LedgerIndicatorId      id)
{
  double missing;

  if (isnan (indicator->rate) || isnan (indicator->target) || indicator->denominator <= 0)
    return NAN;
  if (indicator->met)
    return 0;
  missing = indicator->target * indicator->denominator - indicator->numerator;
  if (missing <= 0)
    return 0;
  if (id == LEDGER_INDICATOR_MANURE_UTILISATION)
    return ceil (missing * 10 - 1e-6) / 10;
  return ceil (missing - 1e-9);
}

/**
 * ledger_format_gap:
 *
 * Returns: (transfer full): "Needs 3 more villages", "Met", or "—"
 */
char *
ledger_format_gap (const LedgerIndicator *indicator,
                   LedgerIndicatorId      id)
{
  double gap = ledger_indicator_gap (indicator, id);
  gulong count = (gulong) gap;

  if (isnan (gap))
    return g_strdup ("—");
  if (gap <= 0)
    return g_strdup (_("Met"));
  switch (id)
    {
    case LEDGER_INDICATOR_VILLAGE_SEWAGE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Needs %lu more village", "Needs %lu more villages", count), count);
    case LEDGER_INDICATOR_MANURE_UTILISATION:
      return g_strdup_printf (_("Needs %.1f t more utilised"), gap);
    case LEDGER_INDICATOR_SCALE_FARM_FACILITIES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Needs %lu more scale farm equipped", "Needs %lu more scale farms equipped", count), count);
    case LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED:
    case LEDGER_N_INDICATORS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Needs %lu more water body remediated", "Needs %lu more water bodies remediated", count), count);
    }
}
