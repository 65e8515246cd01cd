/* ledger-import-assistant-private.h: what the assistant's files share */
#pragma once

#include "ledger-import-assistant.h"
#include "ledger-table-layout.h"
#include "ledger-vocabulary.h"

G_BEGIN_DECLS

typedef enum
{
  LISTED_ERROR,
  LISTED_WARNING,
  LISTED_UPDATE,
  LISTED_MORE,
} ListedType;

struct _LedgerImportAssistant
{
  AdwWindow            parent_instance;

  char                *db_path;
  char                *actor;
  char                *path;            /* the file chosen */
  LedgerTable         *table;           /* as read; kept until another file is read */
  LedgerKind           kind;
  GBytes              *imported_changes; /* the last import's changeset, while "imported" is emitted */
  LedgerKind           guessed_kind;    /* LEDGER_N_KINDS: the headers tell none */
  LedgerTableLayout   *layout;          /* header rows, column targets, skipped rows */
  guint                year;            /* the year field; 0: from the title or file name */
  gboolean             remembered;      /* the columns were mapped as an earlier import's */
  LedgerValueMap      *value_map;       /* "treat every 'X' as …", chosen on the check page */
  GPtrArray           *unknown_rows;    /* AdwComboRow per value the check did not understand */
  GPtrArray           *value_choices;   /* the value map as field key, text, value triples (char *) */
  GArray              *targets;         /* the column drop-downs' targets, in their order */
  int                 *column_fields;   /* per column of the layout: field index or LEDGER_TARGET_* */
  guint                n_columns;
  GPtrArray           *column_dropdowns; /* GtkDropDown per previewed column */
  char                *missing_text;
  LedgerImportReport  *preview;         /* the dry run of the current mapping */
  GCancellable        *cancellable;     /* of the running job; NULL when idle */
  const char          *job;             /* "read", "check", "import" or NULL */
  int                  progress;        /* per mille, written by the worker (atomic) */
  guint                progress_id;
  gboolean             building;        /* filling widgets: their signals are ours */
  gboolean             close_when_idle; /* the officer closed during an import */
  gboolean             disposed;
  GtkStringList       *listed;          /* the check page's lines */
  GArray              *listed_types;    /* ListedType per line */

  /* template children */
  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  GtkStack            *stack;
  GtkButton           *choose_button;
  GtkWidget           *read_box;
  GtkSpinner          *read_spinner;
  GtkLabel            *read_label;
  GtkLabel            *read_error_label;
  AdwActionRow        *file_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *crs_row;
  AdwComboRow         *sheet_row;
  GtkSpinButton       *header_spin;
  GtkSpinButton       *header_count_spin;
  GtkSpinButton       *year_spin;
  GtkLabel            *missing_label;
  GtkLabel            *preview_label;
  GtkGrid             *preview_grid;
  GtkButton           *check_button;
  GtkWidget           *check_progress_box;
  GtkProgressBar      *check_progress;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *unknown_group;
  GtkStack            *problem_stack;
  GtkListView         *problem_view;
  GtkLabel            *status_label;
  GtkLabel            *choice_label;
  GtkButton           *import_valid_button;
  GtkButton           *import_all_button;
  AdwStatusPage       *import_page;
  GtkProgressBar      *import_progress;
  GtkButton           *stop_import_button;
};

/* ledger-import-assistant-mapping.c */
void        ledger_import_assistant_init_mapping   (LedgerImportAssistant *self);
void        ledger_import_assistant_fill_mapping   (LedgerImportAssistant *self);
void ledger_import_assistant_open_sheet   (LedgerImportAssistant *self,
                                           const char            *sheet);
LedgerDatum ledger_import_assistant_get_crs        (LedgerImportAssistant *self);
void        ledger_import_assistant_layout_changed (LedgerImportAssistant *self);

/* ledger-import-assistant-values.c */
void        ledger_import_assistant_init_values    (LedgerImportAssistant *self);
void        ledger_import_assistant_reset_values   (LedgerImportAssistant *self);
void        ledger_import_assistant_fill_unknown   (LedgerImportAssistant *self);
void        ledger_import_assistant_add_value      (LedgerImportAssistant *self,
                                                    const char            *field_key,
                                                    const char            *text,
                                                    const char            *value);
char      **ledger_import_assistant_dup_values     (LedgerImportAssistant *self);

/* ledger-import-assistant-layout.c */
GArray     *ledger_import_assistant_new_targets    (LedgerKind             kind);
void        ledger_import_assistant_init_layout    (LedgerImportAssistant *self);
void        ledger_import_assistant_detect_layout  (LedgerImportAssistant *self);
void        ledger_import_assistant_fill_layout_controls (LedgerImportAssistant *self);
void        ledger_import_assistant_sync_layout_controls (LedgerImportAssistant *self);

/* ledger-import-assistant-check.c */
void        ledger_import_assistant_init_check     (LedgerImportAssistant *self);
void        ledger_import_assistant_clear_check    (LedgerImportAssistant *self);
void        ledger_import_assistant_show_preview   (LedgerImportAssistant *self);
char       *ledger_import_assistant_dup_summary    (const LedgerImportReport *report);

/* ledger-import-assistant-choosers.c: the actions assistant.choose-file and
 * assistant.import-valid */
void        ledger_import_assistant_choose_file_activated  (GtkWidget  *widget,
                                                            const char *action_name,
                                                            GVariant   *parameter);
void        ledger_import_assistant_import_valid_activated (GtkWidget  *widget,
                                                            const char *action_name,
                                                            GVariant   *parameter);

/* ledger-import-assistant.c */
void        ledger_import_assistant_update_actions (LedgerImportAssistant *self);

G_END_DECLS
