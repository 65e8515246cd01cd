/* ledger-rules.h: the domain formulas of docs/RULES.md
 *
 * Pure functions over plain values: no database, no I/O. The coefficients come
 * from a LedgerRules, loaded from the ledger's rules tables (or the defaults).
 * Every formula lives here once; the UI, the CLI and the exports call it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LedgerDb LedgerDb;

typedef enum
{
  LEDGER_SPECIES_PIG,
  LEDGER_SPECIES_DAIRY,
  LEDGER_SPECIES_BEEF,
  LEDGER_SPECIES_SHEEP_GOAT,
  LEDGER_SPECIES_LAYER,
  LEDGER_SPECIES_BROILER,
  LEDGER_SPECIES_OTHER_POULTRY,
  LEDGER_SPECIES_GOAT,         /* 山羊: not in Sichuan's 2017 standard */
  LEDGER_SPECIES_MEAT_DUCK,    /* 肉鸭 */
  LEDGER_SPECIES_LAYING_DUCK,  /* 蛋鸭 */
  LEDGER_SPECIES_GOOSE,        /* 鹅 */
  LEDGER_SPECIES_RABBIT,       /* 家兔 */
  LEDGER_N_SPECIES
} LedgerSpecies;

typedef enum
{
  LEDGER_SCALE_BY_STOCK,          /* 存栏 */
  LEDGER_SCALE_BY_ANNUAL_OUTPUT,  /* 年出栏 */
} LedgerScaleMeasure;

typedef struct
{
  gboolean           defined;     /* FALSE: this species is never a scale farm */
  LedgerScaleMeasure measure;
  double             threshold;   /* a farm reaching it (≥) is a scale farm */
} LedgerScaleThreshold;

/* 猪当量 ratios (docs/RULES.md item 3) */
typedef enum
{
  LEDGER_PIG_EQUIVALENT_COMMON,   /* 100 pigs = 15 dairy = 30 beef = 250 sheep = 2,500 poultry (source not confirmed) */
  LEDGER_PIG_EQUIVALENT_GB18596,  /* GB 18596-2001 1.2.2/1.2.5: 30 layers, 60 broilers, 1 dairy = 10, 1 beef = 5, 3 sheep = 1 pig */
} LedgerPigEquivalentRatios;

typedef struct
{
  double               coverage_threshold;                    /* default 0.5, 本地口径 */
  double               manure_t_per_head_year[LEDGER_N_SPECIES];
  char                *scale_standard;                        /* "mara2025", "sichuan2017"; resolved */
  gboolean             scale_standard_by_province;            /* stored "auto": Sichuan's in 51xxxx */
  LedgerScaleThreshold scale[LEDGER_N_SPECIES];
  double               national_list_area_m2;                 /* default 2000 */
  double               survey_min_area_m2;                    /* default 200: smaller is outside the survey */
  LedgerPigEquivalentRatios pig_equivalent_ratios;
} LedgerRules;

LedgerRules  *ledger_rules_new_default   (void);
LedgerRules  *ledger_rules_load          (LedgerDb          *db,
                                          GError           **error);
void          ledger_rules_free          (LedgerRules       *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerRules, ledger_rules_free)

gboolean      ledger_species_from_key    (const char        *key,
                                          LedgerSpecies     *species);
const char   *ledger_species_to_key      (LedgerSpecies      species);

/* A rate whose denominator is 0 is NAN (JSON null), never a division by zero. */
double        ledger_rate                (double             numerator,
                                          double             denominator);

/* 1. village sewage effective treatment */
typedef enum
{
  LEDGER_VILLAGE_EFFECTIVE,
  LEDGER_VILLAGE_EFFECTIVE_NO_HOUSEHOLDS, /* passes on mode alone, with a warning */
  LEDGER_VILLAGE_NO_RECORD,
  LEDGER_VILLAGE_NOT_TREATED,             /* mode none */
  LEDGER_VILLAGE_NOT_YET,                 /* year_done after the year asked */
  LEDGER_VILLAGE_LOW_COVERAGE,
  LEDGER_VILLAGE_FACILITY_DOWN,           /* a facility serving it is stopped or faulty */
} LedgerVillageVerdict;

typedef struct
{
  const char *mode;               /* enum key or NULL (no record) */
  int         households;         /* -1 unknown */
  int         covered_households; /* -1 unknown */
  int         year_done;          /* 0 blank = done before any year */
  gboolean    facility_down;      /* a centralised/decentralised facility serving it is stopped/faulty,
                                     or (mode sewer) the township plant it drains to is */
} LedgerVillageStatus;

LedgerVillageVerdict ledger_village_verdict      (const LedgerRules         *rules,
                                                  const LedgerVillageStatus *status,
                                                  int                        year);
gboolean             ledger_village_verdict_counts (LedgerVillageVerdict verdict);
const char          *ledger_village_verdict_describe (LedgerVillageVerdict verdict);

/* NBS rule: last three digits 001–199 community, 200–399 administrative village */
gboolean      ledger_code_is_admin_village (const char *code12);
gboolean      ledger_code_is_community     (const char *code12);

/* 2. manure */
double        ledger_manure_estimate     (const LedgerRules *rules,
                                          LedgerSpecies      species,
                                          double             stock);
/* produced if given (not NAN), else the estimate from stock */
double        ledger_manure_produced     (const LedgerRules *rules,
                                          LedgerSpecies      species,
                                          double             stock,
                                          double             produced_or_nan);

/* 3. scale farms; stock/annual_output NAN when unknown */
gboolean      ledger_is_scale_farm       (const LedgerRules *rules,
                                          LedgerSpecies      species,
                                          double             stock,
                                          double             annual_output);
/* 猪当量: 100 pigs = 15 dairy = 30 beef = 250 sheep/goats = 2,500 poultry */
double        ledger_pig_equivalents     (LedgerSpecies      species,
                                          double             stock);
/* 猪当量 by the ratios the rules choose; 0 for a species the ratios do not name */
double        ledger_pig_equivalents_by  (const LedgerRules *rules,
                                          LedgerSpecies      species,
                                          double             stock);
const char   *ledger_pig_equivalent_ratios_to_key   (LedgerPigEquivalentRatios ratios);
gboolean      ledger_pig_equivalent_ratios_from_key (const char                *key,
                                                     LedgerPigEquivalentRatios *ratios);

/* 4. black-odorous water bodies; docs/RULES.md; every measurement NAN when missing */
typedef struct
{
  double transparency_cm;
  double depth_cm;
  double do_mgl;
  double orp_mv;
  double nh3n_mgl;
  double cod_mgl;
  double tp_mgl;
  double ss_mgl;
  double ph;
} LedgerMeasurements;

void          ledger_measurements_init_missing (LedgerMeasurements *m);

typedef enum
{
  LEDGER_BLACK_NO_SAMPLE,     /* never sampled */
  LEDGER_BLACK_INSUFFICIENT,  /* none of transparency, DO, NH3-N */
  LEDGER_BLACK_NONE,          /* 不黑臭 */
  LEDGER_BLACK_LIGHT,         /* 轻度 */
  LEDGER_BLACK_HEAVY,         /* 重度 */
} LedgerBlackLevel;

LedgerBlackLevel ledger_black_odorous_level    (const LedgerMeasurements *m);
const char      *ledger_black_level_describe   (LedgerBlackLevel level);
const char      *ledger_water_body_status_in_year (const char *status_key,
                                                   const char *completed_on,
                                                   int         year);
gboolean         ledger_water_body_remediated  (const char *status_key,
                                                const char *completed_on, /* YYYY-MM-DD or NULL */
                                                int         year);
/* TRUE: national supervision list (≥ national_list_area_m2), FALSE: provincial */
gboolean         ledger_water_body_is_national (const LedgerRules *rules,
                                                double             area_m2);
/* TRUE: the body is on the national list, or its area is unknown (面积未填):
 * the scope of black_odorous_remediated */
gboolean         ledger_water_body_in_target_scope (const LedgerRules *rules,
                                                    double             area_m2);
/* TRUE: a known area under survey_min_area_m2 (200 m²), outside the survey */
gboolean         ledger_water_body_below_survey (const LedgerRules *rules,
                                                 double             area_m2);
/* the urban guide's level over the last samples (up to three, oldest first):
 * heavy when the worst of them is heavy, by the rule of docs/RULES.md 5.3 */
LedgerBlackLevel ledger_black_odorous_level_of_samples (const LedgerMeasurements *samples,
                                                        guint                     n_samples);

/* 5. effluent compliance; docs/RULES.md; a limit of NAN means no limit */
typedef struct
{
  const char *key;
  const char *name;
  double      cod_max;
  double      nh3n_max;
  double      tp_max;
  double      ss_max;
  double      ph_min;
  double      ph_max;
} LedgerEffluentStandard;

const LedgerEffluentStandard *ledger_effluent_standard_builtin (const char *key_or_name);
/* the scale-farm standard "auto" stands for: "sichuan2017" for a 51xxxx
 * region, "mara2025" elsewhere */
const char   *ledger_scale_standard_for_region (const char *region_code);
/* TRUE for a DB51/2626-2019 grade (四川省农村生活污水处理设施水污染物排放标准):
 * its limits are the county's to fill in (docs/RULES.md) */
gboolean      ledger_effluent_is_db51_2626   (const char *name);
/* The standard a facility falls under, in words, by docs/RULES.md: in
 * Sichuan (@region_code 51…) under 500 m³/d DB51/2626-2019, else GB 18918-2002.
 * Returns: (transfer full): a translated suggestion */
char         *ledger_effluent_suggestion     (const char *region_code,
                                              double      capacity_m3d);
/* Returns TRUE when no limit is exceeded; appends the exceeded parameters'
 * names ("COD", "NH3-N", "TP", "SS", "pH") to @exceeded when not NULL. */
gboolean      ledger_effluent_complies   (const LedgerEffluentStandard *standard,
                                          const LedgerMeasurements     *m,
                                          GPtrArray                    *exceeded);

G_END_DECLS
