/* ledger-editor-private.h: what the editor's files share */
#pragma once

#include "ledger-editor.h"
#include "ledger-record.h"

G_BEGIN_DECLS

typedef enum
{
  FIELD_ENTRY,     /* AdwEntryRow */
  FIELD_COMBO,     /* AdwComboRow: enums and yes/no */
  FIELD_VILLAGE,   /* AdwActionRow with a searchable GtkDropDown */
} FieldWidget;

typedef struct
{
  const LedgerField *field;
  guint              index;
  FieldWidget        widget;
  GtkWidget         *row;
  GtkDropDown       *dropdown;   /* FIELD_VILLAGE */
  GtkWidget         *message;    /* AdwActionRow under the row; hidden when empty */
  char              *parse_error;
  char              *problem;    /* from ledger_store_check */
  gboolean           warning;    /* @problem is a warning */
  char              *hint;       /* shown when there is nothing else to say */
  gboolean           hint_is_info; /* hint not dimmed: it says something the user must know */
} EditorField;

struct _LedgerEditor
{
  AdwWindow          parent_instance;

  LedgerDb          *db;
  LedgerKind         kind;
  int                year;
  LedgerRecord      *original;   /* as loaded, or blank */
  GPtrArray         *baseline;   /* the text of each field as first filled in: "modified" */
  guint              baseline_datum;
  char              *figures_year; /* farms: the year whose figures the form shows */
  GPtrArray         *fields;     /* EditorField*, one per field of the kind */
  GPtrArray         *village_codes;
  gboolean           loading;
  gboolean           can_save;
  gboolean           discard_confirmed;
  gboolean           show_all_problems; /* after a Save: blank required fields are errors too */
  gboolean           figures_touched;
  gboolean           record_carried_figures; /* farms: the user chose to record the shown figures for the new year */

  /* template children */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *year_group;
  AdwPreferencesGroup *location_group;
  AdwComboRow       *datum_row;
};

/* ledger-editor-fields.c */
void          ledger_editor_build_fields     (LedgerEditor      *self);
void         ledger_editor_add_pick_row     (LedgerEditor *self);
void          ledger_editor_fill             (LedgerEditor      *self,
                                              const LedgerRecord *record,
                                              gboolean           figures_only);
char         *ledger_editor_read_text        (LedgerEditor      *self,
                                              EditorField       *f);
void          ledger_editor_set_text         (LedgerEditor      *self,
                                              EditorField       *f,
                                              const char        *canonical);
EditorField  *ledger_editor_find_field       (LedgerEditor      *self,
                                              const char        *key);
void          ledger_editor_show_messages    (LedgerEditor      *self);
void          editor_field_free              (EditorField       *f);

/* ledger-editor.c */
void          ledger_editor_revalidate       (LedgerEditor      *self);
LedgerDatum   ledger_editor_get_datum        (LedgerEditor      *self);

G_END_DECLS
