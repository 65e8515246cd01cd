/* ledger-table-layout.h: where the header and the data are in an officer's sheet
 *
 * Officers' ledgers are not our export: a merged title row, a 填报单位/填报日期
 * line, a two-row header with merged group cells (存栏量（头/只） over
 * 生猪/奶牛/肉牛/羊), a 序号 column, 合计/小计 rows, blank rows and footer
 * lines (填表人：… 审核人：… 联系电话：…), the year only in the title. The
 * layout of a table says, for one kind:
 *
 *   - which rows are the header (found by scoring rows against the kind's
 *     column names and variants, not "the first row"),
 *   - per column its flattened name (group/sub: "存栏量（头/只）/生猪") and
 *     the target it goes to: a field of the kind, or one of the targets
 *     below (序号, township name, village name, one species' stock …),
 *   - per row its class: data, or skipped with the reason (title, header,
 *     blank, 合计, footer, …),
 *   - the year of the figures and where it came from (a --year option, the
 *     title lines, the file name).
 *
 * It works on the generic table (rows of text cells, ledger-table.h), so
 * CSV, XLSX, XLS and ODS alike. The import (ledger-import.h) detects the
 * layout itself unless LedgerImportOptions.layout gives one; the import
 * assistant detects it, shows it, lets the officer change the header rows
 * or a column's target, and passes it on.
 *
 * API CONTRACT (issue 10, shared by the core/CLI and the assistant work):
 * extend, don't break.
 */
#pragma once

#include "ledger-kinds.h"
#include "ledger-table.h"

G_BEGIN_DECLS

/* Targets of a column besides a field index (0 … n_fields-1). */
#define LEDGER_TARGET_IGNORE        (-1)     /* not imported (an unknown column) */
#define LEDGER_TARGET_SERIAL        0x1000   /* 序号: ignored without a warning */
#define LEDGER_TARGET_TOWNSHIP_NAME 0x1001   /* 乡镇（街道）: with the village name → village code */
#define LEDGER_TARGET_VILLAGE_NAME  0x1002   /* 村（社区）: resolved to the 12-digit village code */
/* Wide layout: one column per species of a figure (stock or annual output)
 * of farms: the species is the one whose column holds a number. @field is
 * the field index of stock or annual_output, @species the index of the
 * value in the species enumeration. */
#define LEDGER_TARGET_WIDE(field, species) (0x10000 | ((field) << 8) | (species))
#define LEDGER_TARGET_IS_WIDE(target)      (((target) & ~0xffff) == 0x10000)
#define LEDGER_TARGET_WIDE_FIELD(target)   (((target) >> 8) & 0xff)
#define LEDGER_TARGET_WIDE_SPECIES(target) ((target) & 0xff)

typedef enum
{
  LEDGER_ROW_DATA,          /* an item */
  LEDGER_ROW_ABOVE_HEADER,  /* title, 填报单位/填报日期, anything above the header */
  LEDGER_ROW_HEADER,        /* one of the header rows (or the header repeated) */
  LEDGER_ROW_BLANK,         /* every cell blank */
  LEDGER_ROW_TOTAL,         /* 合计 / 小计 / 总计 */
  LEDGER_ROW_FOOTER,        /* 填表人, 审核人, 联系电话, 说明, 注：… and what follows them */
  LEDGER_ROW_COLUMN_NUMBERS,/* 甲 乙 1 2 3 … under the header */
  LEDGER_ROW_NO_VALUES,     /* nothing in any column that is imported */
  LEDGER_ROW_SECTION,       /* a heading inside the table alone on its row: 一、石佛镇, （二）佛星镇 */
} LedgerRowClass;

typedef enum
{
  LEDGER_YEAR_NONE,         /* no year: farm figures need a 统计年度 column */
  LEDGER_YEAR_OPTION,       /* import --year, the assistant's year field */
  LEDGER_YEAR_TITLE,        /* a single four-digit year in the lines above the header */
  LEDGER_YEAR_FILE_NAME,    /* a single four-digit year in the file name */
} LedgerYearSource;

typedef struct
{
  char       *name;     /* flattened: "group/sub", or the one header cell; "" when blank */
  char       *group;    /* the upper header cell that covers this column, or NULL */
  char       *sub;      /* the lowest non-blank header cell, or NULL */
  int         target;   /* field index or LEDGER_TARGET_* */
} LedgerLayoutColumn;

typedef struct
{
  LedgerKind          kind;
  char               *sheet_name;   /* the sheet read (workbooks), or NULL */
  guint               sheet_number; /* 1-based position of that sheet, 0 for CSV/GeoJSON */
  guint               n_sheets;     /* sheets in the workbook, 0 for CSV/GeoJSON */
  gboolean            sheet_chosen; /* TRUE when chosen among several by its header */
  gboolean            detected;     /* the header was found by its names (FALSE: first non-blank row) */
  guint               header_first; /* index into table->rows of the first header row */
  guint               header_last;  /* … and of the last (== first for a one-row header) */
  guint               header_line_first; /* the same as the file's line numbers */
  guint               header_line_last;
  guint               score;        /* distinct fields and targets the header names */
  LedgerLayoutColumn *columns;      /* n_columns long */
  guint               n_columns;
  LedgerRowClass     *row_classes;  /* one per table row */
  guint               n_rows;
  guint               year;         /* 0 when none */
  LedgerYearSource    year_source;
  guint               year_line;    /* LEDGER_YEAR_TITLE: the file line it was read from */
} LedgerTableLayout;

/* Finds the header of @kind in @table (the best-scoring run of one to three
 * rows among the first ones; the first non-blank row when nothing scores),
 * maps every column and classes every row. The table's file name is
 * searched for a year when the title lines have none.
 * Never NULL; an empty table gives a layout with no rows. */
LedgerTableLayout *ledger_table_layout_detect      (const LedgerTable       *table,
                                                    LedgerKind               kind);
/* The same with the header rows chosen by hand (indices into table->rows,
 * @first ≤ @last): the columns and the rows below are found again. */
LedgerTableLayout *ledger_table_layout_new_with_header (const LedgerTable   *table,
                                                        LedgerKind           kind,
                                                        guint                first,
                                                        guint                last);
/* The year given by the officer (0: none) wins over the title and file name. */
void               ledger_table_layout_set_year    (LedgerTableLayout       *layout,
                                                    guint                    year);
/* Changes one column's target (a field index or LEDGER_TARGET_*); rows are
 * classed again (a row may become data or "no values"). */
void               ledger_table_layout_set_target  (LedgerTableLayout       *layout,
                                                    const LedgerTable       *table,
                                                    guint                    column,
                                                    int                      target);
LedgerTableLayout *ledger_table_layout_ref         (LedgerTableLayout       *layout);
void               ledger_table_layout_unref       (LedgerTableLayout       *layout);

/* The keys of the kind's required fields that no column gives, NULL-terminated
 * (the village code is given by a village name column, the species by
 * one-column-per-species figures). (transfer full) */
char             **ledger_table_layout_missing_fields (const LedgerTableLayout *layout);
/* "合计 row", "footer line", … in the user's language */
const char        *ledger_row_class_describe       (LedgerRowClass           row_class);
/* A column's target for people: the field's name, "序号 (ignored)",
 * "Township name", "Stock: 生猪" … in the user's language */
char              *ledger_target_describe          (LedgerKind               kind,
                                                    int                      target);
/* "Sheet “养殖场” (2 of 2), header rows 3–4; year 2025 from the title (line 1)"
 * in the user's language, for the CLI and the assistant; @table is unused (nullable) */
char              *ledger_table_layout_describe    (const LedgerTableLayout *layout,
                                                    const LedgerTable       *table);

/* Reads @path for @kind: the sheet named or numbered by @sheet ("养殖场",
 * "2"), or else the sheet of the workbook whose header names the kind's
 * columns best (the first when none is better; the kind's sheet of a
 * workbook this program exported), and detects its layout.
 * Returns: (transfer full): the table, and its layout in @layout; NULL with
 * @error when the file cannot be read or has no such sheet (the message
 * names the sheets it has). */
LedgerTable       *ledger_table_read_for_kind      (const char              *path,
                                                    LedgerKind               kind,
                                                    const char              *sheet,
                                                    LedgerTableLayout      **layout,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);
/* @sheet is a name, or a 1-based number ("2"); the name is looked up first.
 * NULL with @error (naming the sheets there are) when there is no such sheet. */
const char        *ledger_table_find_sheet         (const LedgerTable       *table,
                                                    const char              *sheet,
                                                    GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerTableLayout, ledger_table_layout_unref)

G_END_DECLS
