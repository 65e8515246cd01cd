/* ledger-record.c */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-record.h"

G_DEFINE_BOXED_TYPE (LedgerRecord, ledger_record, ledger_record_copy, ledger_record_free)

LedgerRecord *
ledger_record_new (LedgerKind kind)
{
  LedgerRecord *self = g_new0 (LedgerRecord, 1);

  self->kind = kind;
  ledger_kind_fields (kind, &self->n_values);
  self->values = g_new0 (char *, self->n_values + 1);
  return self;
}

LedgerRecord *
ledger_record_copy (const LedgerRecord *self)
{
  LedgerRecord *copy = ledger_record_new (self->kind);

  copy->uid = g_strdup (self->uid);
  copy->is_demo = self->is_demo;
  for (guint i = 0; i < self->n_values; i++)
    copy->values[i] = g_strdup (self->values[i]);
  return copy;
}

void
ledger_record_free (LedgerRecord *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_values; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self->uid);
  g_free (self);
}

const char *
ledger_record_get (const LedgerRecord *self,
                   const char         *key)
{
  guint n;
  const LedgerField *fields = ledger_kind_fields (self->kind, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (fields[i].key, key) == 0)
      return self->values[i];
  g_return_val_if_reached (NULL);
}

double
ledger_record_get_double (const LedgerRecord *self,
                          const char         *key,
                          double              if_blank)
{
  const char *text = ledger_record_get (self, key);

  return text ? g_ascii_strtod (text, NULL) : if_blank;
}

void
ledger_record_set (LedgerRecord *self,
                   const char   *key,
                   const char   *canonical)
{
  guint n;
  const LedgerField *fields = ledger_kind_fields (self->kind, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (fields[i].key, key) == 0)
      {
        ledger_record_take (self, i, g_strdup (canonical));
        return;
      }
  g_return_if_reached ();
}

/* Takes ownership of @canonical; an empty string is stored as blank. */
void
ledger_record_take (LedgerRecord *self,
                    guint         index,
                    char         *canonical)
{
  g_return_if_fail (index < self->n_values);
  g_free (self->values[index]);
  if (canonical != NULL && *canonical == '\0')
    g_clear_pointer (&canonical, g_free);
  self->values[index] = canonical;
}

gboolean
ledger_record_equal (const LedgerRecord *a,
                     const LedgerRecord *b)
{
  if (a->kind != b->kind)
    return FALSE;
  for (guint i = 0; i < a->n_values; i++)
    if (g_strcmp0 (a->values[i], b->values[i]) != 0)
      return FALSE;
  return TRUE;
}

LedgerProblem *
ledger_problem_new (guint       line,
                    int         field,
                    const char *message)
{
  LedgerProblem *problem = g_new0 (LedgerProblem, 1);

  problem->line = line;
  problem->field = field;
  problem->message = g_strdup (message);
  return problem;
}

void
ledger_problem_free (LedgerProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}
