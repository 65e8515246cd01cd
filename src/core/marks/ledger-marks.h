/* ledger-marks.h: an item's mark, decided once, and the one palette of marks
 * (docs/ARCHITECTURE.md, "Marks and the palette")
 *
 * A mark is what the colour of an item says about its status. Every place
 * that shows a status — map points, shapes, village symbols, list chips, the
 * legend, the printed map, the bar chart — asks here for the mark and takes
 * its colour and legend words from ledger_mark_style(). The app turns the
 * palette into its CSS classes (.mark-good, …) at start-up; no colour of a
 * mark is written anywhere else (tools/check-palette.sh).
 */
#pragma once

#include <glib.h>

#include "ledger-rules.h"
#include "ledger-village-marks.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_MARK_GOOD,      /* facility normal; scale farm matched; water body remediated, not black */
  LEDGER_MARK_PENDING,   /* facility building/planned; water body in progress; non-scale farm */
  LEDGER_MARK_BAD,       /* facility faulty; scale farm unmatched; water body not started */
  LEDGER_MARK_STOPPED,   /* facility stopped; water body remediated but still black (治理后仍黑臭) */
  LEDGER_N_MARKS,        /* the status marks: points, lists, the legend */
  LEDGER_MARK_NOT_COUNTED = LEDGER_N_MARKS, /* a community on the map: recorded, not counted */
  LEDGER_N_PALETTE
} LedgerMark;

typedef struct
{
  const char *key;      /* "good": the CSS class is "mark-good" */
  const char *color;    /* "#RRGGBB", CSS and GdkRGBA syntax */
  const char *legend;   /* untranslated; ledger_mark_legend() translates it */
} LedgerMarkStyle;

const LedgerMarkStyle *ledger_mark_style             (LedgerMark            mark);
const char            *ledger_mark_legend            (LedgerMark            mark);

LedgerMark             ledger_mark_for_facility      (const char           *status);
LedgerMark             ledger_mark_for_farm          (gboolean              is_scale,
                                                      gboolean              matched);
LedgerMark             ledger_mark_for_water_body    (const char           *status,
                                                      gboolean              still_black);
LedgerMark             ledger_mark_for_village       (LedgerVillageVerdict  verdict);
LedgerMark             ledger_mark_for_village_state (LedgerVillageState    state);

G_END_DECLS
