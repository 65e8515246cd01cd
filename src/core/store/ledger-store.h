/* ledger-store.h: reading and writing records of every kind
 *
 * The one place where records meet tables. Every write is one transaction,
 * checked first with the same rules whether it comes from an import, the
 * editor or the command line; the audit triggers log each changed field.
 */
#pragma once

#include "ledger-db.h"
#include "ledger-record.h"

G_BEGIN_DECLS

typedef struct
{
  int         year;          /* farms: 0 = one record per farm and year (export);
                                > 0 = each farm with the figures of that year or the latest before */
  const char *township;      /* 9-digit code or NULL: only items in it */
  const char *uid;           /* NULL or one item */
} LedgerLoadOptions;

GPtrArray    *ledger_store_load            (LedgerDb                *db,
                                            LedgerKind               kind,
                                            const LedgerLoadOptions *options,
                                            GError                 **error);
/* Returns FALSE (and sets @error) to stop a walk. */
typedef gboolean (*LedgerRecordFunc) (const LedgerRecord *record,
                                      gpointer            user_data,
                                      GError            **error);

gboolean      ledger_store_foreach         (LedgerDb                *db,
                                            LedgerKind               kind,
                                            const LedgerLoadOptions *options,
                                            LedgerRecordFunc         func,
                                            gpointer                 user_data,
                                            GError                 **error);
LedgerRecord *ledger_store_get             (LedgerDb                *db,
                                            LedgerKind               kind,
                                            const char              *uid,
                                            int                      year,
                                            GError                 **error);
guint         ledger_store_count           (LedgerDb                *db,
                                            LedgerKind               kind);

/* Cross-field and database checks (codes exist, utilised ≤ produced, …);
 * appends LedgerProblem (line 0) to @problems. Returns FALSE on an error
 * (warnings alone return TRUE). */
gboolean      ledger_store_check           (LedgerDb                *db,
                                            const LedgerRecord      *record,
                                            GPtrArray               *problems);

/* The stored record that @record would update (same uid, code, village code,
 * or subject and date), or NULL when it would be new. */
LedgerRecord *ledger_store_find_existing   (LedgerDb                *db,
                                            const LedgerRecord      *record);

/* Checks and saves in one transaction (a savepoint when one is open): updates
 * the existing item or inserts a new one, assigning uid and code. On a check
 * failure nothing is written and @error carries every problem, one a line. */
gboolean      ledger_store_save            (LedgerDb                *db,
                                            LedgerRecord            *record,
                                            GError                 **error);
/* As ledger_store_save, without checking again: only for a record that
 * ledger_store_check() accepted inside the write transaction that is still
 * open, so that nothing can have changed since (the import does this). It
 * writes in that transaction; on failure the caller rolls it back. */
gboolean      ledger_store_save_prechecked (LedgerDb                *db,
                                            LedgerRecord            *record,
                                            GError                 **error);

/* As ledger_store_save, but refuses with LEDGER_ERROR_CONFLICT when the
 * stored item no longer equals @original (what the editor was opened on):
 * another window or process changed it meanwhile, and saving would overwrite
 * newer data. @original NULL: a new item. */
gboolean      ledger_store_save_if_unchanged (LedgerDb           *db,
                                              LedgerRecord       *record,
                                              const LedgerRecord *original,
                                              GError            **error);

/* Deletes an item and what hangs off it (farm years, samples, inspections);
 * returns what was deleted so that ledger_store_restore can undo it. */
GPtrArray    *ledger_store_delete          (LedgerDb                *db,
                                            LedgerKind               kind,
                                            const char              *uid,
                                            GError                 **error);
gboolean      ledger_store_restore         (LedgerDb                *db,
                                            GPtrArray               *deleted,
                                            GError                 **error);

/* Removes every record flagged as demo data, in one transaction. */
gboolean      ledger_store_remove_demo     (LedgerDb                *db,
                                            guint                   *n_removed,
                                            GError                 **error);

/* The change history of one item, newest first: LedgerAuditEntry. */
typedef struct
{
  char *at;         /* UTC ISO 8601 */
  char *actor;
  char *action;     /* insert, update, delete */
  char *field;      /* column key, NULL for insert/delete */
  char *old_value;
  char *new_value;
  char *import_file; /* the file of the import that made the change, or NULL (schema v2) */
  char *label;      /* what the transaction was: "删除“X”", "撤销：编辑“X”", or NULL */
  char *batch;      /* the audit batch (import, undo, …) the row belongs to, or NULL */
} LedgerAuditEntry;

GPtrArray    *ledger_store_history         (LedgerDb                *db,
                                            const char              *uid,
                                            GError                 **error);
void          ledger_audit_entry_free      (LedgerAuditEntry        *entry);

/* TRUE when a facility the village depends on is stopped or faulty (the
 * schema's view village_facility_down, docs/RULES.md). */
gboolean      ledger_store_village_facility_down (LedgerDb          *db,
                                                  const char        *village_code);

/* Samples or inspections of one subject (facility, farm, water body uid or village code). */
GPtrArray    *ledger_store_load_for_subject (LedgerDb               *db,
                                             LedgerKind              kind,
                                             const char             *subject_uid,
                                             GError                **error);

/* ledger-store-lookups.c: what import and export ask by name */
char         *ledger_store_code_by_name     (LedgerDb               *db,
                                             LedgerKind              kind,
                                             const char             *name,
                                             const char             *village_code,
                                             const char             *species);
gboolean      ledger_store_region_names     (LedgerDb               *db,
                                             GHashTable             *into,
                                             GError                **error);
gboolean      ledger_store_item_villages    (LedgerDb               *db,
                                             GHashTable             *into,
                                             GError                **error);

G_END_DECLS
