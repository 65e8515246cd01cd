/* ledger-store-batch.c: one field set on many items, one transaction */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-error.h"
#include "ledger-store-batch.h"
#include "ledger-store-private.h"
#include "ledger-undo.h"
#include "ledger-values.h"

static const LedgerField *
find_field (LedgerKind   kind,
            const char  *key,
            GError     **error)
{
  int index = ledger_kind_field_index (kind, key);
  guint n;
  const LedgerField *fields = ledger_kind_fields (kind, &n);

  if (index < 0 || g_strcmp0 (key, "code") == 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID,
                   _("“%s” cannot be edited for several items at once."), key);
      return NULL;
    }
  return &fields[index];
}

/* the parsed value, or an error naming the field, the value and the reason */
static gboolean
parse_value (const LedgerField  *field,
             const char         *text,
             char              **canonical,
             GError            **error)
{
  if (!ledger_field_parse (field, text, canonical, error))
    return FALSE;
  if (*canonical == NULL && field->required)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("%s is required."),
                   ledger_field_display_name (field));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_record (LedgerDb            *db,
              const LedgerRecord  *record,
              GError             **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_problem_free);
  g_autofree char *name = NULL;
  g_autoptr (GString) text = NULL;

  if (ledger_store_check (db, record, problems))
    return TRUE;
  name = ledger_undo_record_name (record);
  text = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      LedgerProblem *problem = g_ptr_array_index (problems, i);
      if (!problem->warning)
        g_string_append_printf (text, "%s%s", text->len ? " " : "", problem->message);
    }
  /* Translators: an item of a batch edit the checks refuse: its name, then why */
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID, _("“%s”: %s Nothing was changed."), name, text->str);
  return FALSE;
}

/* writes every item inside the open transaction; @before and @after get
 * the changed items as stored before and after */
static gboolean
write_items (LedgerDb           *db,
             LedgerKind          kind,
             const char *const  *uids,
             const char         *key,
             const char         *canonical,
             GPtrArray          *before,
             GPtrArray          *after,
             GError            **error)
{
  for (guint i = 0; uids[i] != NULL; i++)
    {
      g_autoptr (LedgerRecord) record = ledger_store_get (db, kind, uids[i], 0, error);
      if (record == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_NOT_FOUND,
                         _("An item of the selection was deleted meanwhile. Nothing was changed."));
          return FALSE;
        }
      if (g_strcmp0 (ledger_record_get (record, key), canonical) == 0)
        continue;
      g_ptr_array_add (before, ledger_record_copy (record));
      ledger_record_set (record, key, canonical);
      if (!check_record (db, record, error) || !ledger_store_save_prechecked (db, record, error))
        return FALSE;
      g_ptr_array_add (after, ledger_store_get (db, kind, uids[i], 0, NULL));
    }
  return TRUE;
}

static char *
describe_batch (const LedgerField *field,
                const char        *canonical,
                guint              n_items)
{
  g_autofree char *shown = canonical ? ledger_field_display (field, canonical) : g_strdup ("");

  /* Translators: a batch edit in the history: field, new value, number of items */
  return g_strdup_printf (ngettext ("%s = %s, %u item", "%s = %s, %u items", n_items),
                          ledger_field_display_name (field), shown, n_items);
}

/**
 * ledger_store_set_field:
 *
 * Sets @field_key to the value of @text on every item of @uids, in one
 * transaction with one audit label; one undo step when the window records.
 *
 * Returns: FALSE with a message naming the field (or the item) and the
 *   reason, nothing written
 */
gboolean
ledger_store_set_field (LedgerDb           *db,
                        LedgerKind          kind,
                        const char *const  *uids,
                        const char         *field_key,
                        const char         *text,
                        guint              *n_changed,
                        GError            **error)
{
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_record_free);
  g_autoptr (GPtrArray) after = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_record_free);
  g_autofree char *canonical = NULL;
  g_autofree char *detail = NULL;
  LedgerUndo *journal = ledger_undo_recording (db);
  const LedgerField *field;
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_DB (db), FALSE);
  g_return_val_if_fail (uids != NULL, FALSE);

  if ((field = find_field (kind, field_key, error)) == NULL ||
      !parse_value (field, text, &canonical, error))
    return FALSE;
  detail = describe_batch (field, canonical, g_strv_length ((char **) uids));
  if (!ledger_db_begin (db, error))
    return FALSE;
  ok = ledger_undo_label_begin (db, "batch", detail, error) &&
       write_items (db, kind, uids, field_key, canonical, before, after, error);
  ledger_undo_label_end (db);
  if (!ok)
    {
      ledger_db_rollback (db);
      return FALSE;
    }
  if (!ledger_db_commit (db, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = before->len;
  if (journal != NULL && before->len > 0)
    ledger_undo_note_batch (journal, kind, detail, g_steal_pointer (&before), g_steal_pointer (&after));
  return TRUE;
}
