/* ledger-progress.h: progress against the targets (README.md, progress --json; docs/RULES.md) */
#pragma once

#include "ledger-db.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_INDICATOR_VILLAGE_SEWAGE,           /* 行政村农村生活污水有效治理比例 */
  LEDGER_INDICATOR_MANURE_UTILISATION,       /* 畜禽粪污综合利用率 */
  LEDGER_INDICATOR_SCALE_FARM_FACILITIES,    /* 规模养殖场粪污处理设施装备配套率 */
  LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED, /* 较大面积(国家监管清单)农村黑臭水体治理比例 */
  LEDGER_INDICATOR_BLACK_ODOROUS_REMEDIATED_ALL, /* 全部清单内黑臭水体, no default target */
  LEDGER_N_INDICATORS
} LedgerIndicatorId;

typedef struct
{
  double   numerator;
  double   denominator;
  double   rate;      /* NAN when the denominator is 0 */
  double   target;
  gboolean met;
} LedgerIndicator;

typedef struct
{
  char           *code;
  char           *name;
  LedgerIndicator indicators[LEDGER_N_INDICATORS];
  /* also shown, no target (docs/RULES.md 5.2 item 5) */
  guint           n_facilities;
  guint           n_facilities_normal;
  guint           n_villages_inspected;   /* administrative villages with an inspection this year */
  double          pig_equivalents;        /* 猪当量 of the stock */
  guint           n_warnings;             /* villages judged without a household count */
  guint           n_water_area_unknown;   /* 面积未填: counted on the national list */
  guint           n_water_below_survey;   /* under 200 m²: outside the survey */
} LedgerScopeProgress;

typedef struct
{
  int                  year;
  LedgerScopeProgress  county;
  GPtrArray           *townships;  /* LedgerScopeProgress*, by code */
} LedgerProgress;

LedgerProgress *ledger_progress_compute    (LedgerDb              *db,
                                            int                    year,
                                            const char            *township,
                                            GError               **error);
void            ledger_progress_free       (LedgerProgress        *progress);
char           *ledger_progress_to_json    (const LedgerProgress  *progress);
char           *ledger_progress_to_table   (const LedgerProgress  *progress);
const char     *ledger_indicator_key       (LedgerIndicatorId      id);
const char     *ledger_indicator_name      (LedgerIndicatorId      id);
/* "75.1 %", or "—" when there is no denominator */
char           *ledger_format_rate         (double                 rate);
int             ledger_current_year        (void);
/* what is still missing to reach the target, in the indicator's unit
 * (villages, tonnes, farms, water bodies): 0 when met, NAN without a
 * denominator or target; whole units are rounded up */
double          ledger_indicator_gap       (const LedgerIndicator *indicator,
                                            LedgerIndicatorId      id);
/* "Needs 3 more villages" / "需再完成 3 个行政村", "Met" / "已达标", or "—" */
char           *ledger_format_gap          (const LedgerIndicator *indicator,
                                            LedgerIndicatorId      id);

/* the first year of the trend: the plan's baseline */
#define LEDGER_BASELINE_YEAR 2020

/* one LedgerProgress per year from @first_year to @last_year */
GPtrArray      *ledger_progress_trend        (LedgerDb          *db,
                                              const char        *township,
                                              int                first_year,
                                              int                last_year,
                                              GError           **error);
/* the uids of what keeps @township (NULL: the county) from the target of
 * @indicator in @year; villages by their code */
GHashTable     *ledger_progress_holding_back (LedgerDb          *db,
                                              int                year,
                                              const char        *township,
                                              LedgerIndicatorId  indicator,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerProgress, ledger_progress_free)

G_END_DECLS
