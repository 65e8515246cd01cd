/* ledger-marks.c: an item's mark from its kind and status, and the palette
 *
 * The mark of an item is decided here and nowhere else; so is its colour.
 * The colours are Okabe–Ito's, distinguishable with the common colour-vision
 * deficiencies; a community's grey is neutral.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-marks.h"

static const LedgerMarkStyle palette[LEDGER_N_PALETTE] = {
  [LEDGER_MARK_GOOD] = { "good", "#009E73",
                         N_("Running normally · scale farm with matched facilities · remediated") },
  [LEDGER_MARK_PENDING] = { "pending", "#E69F00",
                            N_("Being built or planned · not a scale farm · remediation under way") },
  [LEDGER_MARK_BAD] = { "bad", "#D55E00",
                        N_("Faulty · scale farm without matched facilities · remediation not started") },
  [LEDGER_MARK_STOPPED] = { "stopped", "#000000", N_("Stopped · still black-odorous after remediation") },
  [LEDGER_MARK_NOT_COUNTED] = { "not-counted", "#737373", N_("Community: recorded, not counted") },
};

/**
 * ledger_mark_style:
 * @mark: a mark
 *
 * Returns: (transfer none): its key, colour and legend words; an unknown
 *   mark has the style of %LEDGER_MARK_STOPPED
 */
const LedgerMarkStyle *
ledger_mark_style (LedgerMark mark)
{
  return &palette[(guint) mark < LEDGER_N_PALETTE ? mark : LEDGER_MARK_STOPPED];
}

/**
 * ledger_mark_legend:
 * @mark: a mark
 *
 * Returns: what @mark means, translated, for a legend
 */
const char *
ledger_mark_legend (LedgerMark mark)
{
  return _(ledger_mark_style (mark)->legend);
}

/**
 * ledger_mark_for_facility:
 * @status: (nullable): a facility_status key
 *
 * Returns: normal: good; faulty: bad; stopped: stopped; building, planned or
 *   none: pending
 */
LedgerMark
ledger_mark_for_facility (const char *status)
{
  if (g_strcmp0 (status, "normal") == 0)
    return LEDGER_MARK_GOOD;
  if (g_strcmp0 (status, "faulty") == 0)
    return LEDGER_MARK_BAD;
  if (g_strcmp0 (status, "stopped") == 0)
    return LEDGER_MARK_STOPPED;
  return LEDGER_MARK_PENDING;
}

/**
 * ledger_mark_for_farm:
 * @is_scale: a scale farm by the ledger's rules (docs/RULES.md)
 * @matched: its manure facilities are matched
 *
 * Returns: a scale farm is good when matched and bad when not; any other
 *   farm is pending
 */
LedgerMark
ledger_mark_for_farm (gboolean is_scale,
                      gboolean matched)
{
  if (!is_scale)
    return LEDGER_MARK_PENDING;
  return matched ? LEDGER_MARK_GOOD : LEDGER_MARK_BAD;
}

/**
 * ledger_mark_for_water_body:
 * @status: (nullable): a water_status key, as of the year shown
 * @still_black: remediated, but the latest sample still grades it black-odorous
 *
 * Returns: still black: stopped; completed or verified: good; in progress:
 *   pending; not started or none: bad
 */
LedgerMark
ledger_mark_for_water_body (const char *status,
                            gboolean    still_black)
{
  if (still_black)
    return LEDGER_MARK_STOPPED;
  if (g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "verified") == 0)
    return LEDGER_MARK_GOOD;
  if (g_strcmp0 (status, "in_progress") == 0)
    return LEDGER_MARK_PENDING;
  return LEDGER_MARK_BAD;
}

/**
 * ledger_mark_for_village:
 * @verdict: an administrative village's verdict in the year shown
 *
 * The village list's status: counted: good; not done yet in that year:
 * pending; no record: stopped; any other reason: bad.
 *
 * Returns: the mark
 */
LedgerMark
ledger_mark_for_village (LedgerVillageVerdict verdict)
{
  if (ledger_village_verdict_counts (verdict))
    return LEDGER_MARK_GOOD;
  if (verdict == LEDGER_VILLAGE_NO_RECORD)
    return LEDGER_MARK_STOPPED;
  if (verdict == LEDGER_VILLAGE_NOT_YET)
    return LEDGER_MARK_PENDING;
  return LEDGER_MARK_BAD;
}

/**
 * ledger_mark_for_village_state:
 * @state: a village's state on the map
 *
 * The map's village symbols (whose shape tells the state too): effective:
 * good; not effective: bad; a community: not counted.
 *
 * Returns: the mark
 */
LedgerMark
ledger_mark_for_village_state (LedgerVillageState state)
{
  switch (state)
    {
    case LEDGER_VILLAGE_STATE_EFFECTIVE:
      return LEDGER_MARK_GOOD;
    case LEDGER_VILLAGE_STATE_NOT_EFFECTIVE:
      return LEDGER_MARK_BAD;
    case LEDGER_VILLAGE_STATE_NOT_COUNTED:
    case LEDGER_N_VILLAGE_STATES:
    default:
      return LEDGER_MARK_NOT_COUNTED;
    }
}
