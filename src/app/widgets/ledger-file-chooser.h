/* ledger-file-chooser.h: asking for one file, the same way everywhere in the app */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* called only when a local file was chosen, and only while @owner lives */
typedef void (*LedgerFileChosenFunc) (gpointer    owner,
                                      const char *path,
                                      gpointer    data);

typedef struct
{
  const char           *title;
  GtkFileChooserAction  action;
  const char           *accept_label;  /* NULL: the toolkit's (Open, Save) */
  GtkFileFilter        *filter;        /* NULL: every file */
  const char           *folder;        /* NULL: the toolkit's choice */
  const char           *name;          /* a suggested name, for saving */
} LedgerFileChoice;

void           ledger_choose_file        (GtkWindow              *parent,
                                          gpointer                owner,
                                          const LedgerFileChoice *choice,
                                          LedgerFileChosenFunc    func,
                                          gpointer                data,
                                          GDestroyNotify          destroy_data);
GtkFileFilter *ledger_file_filter_new    (const char             *name,
                                          const char             *first_pattern,
                                          ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
