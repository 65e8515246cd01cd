/* ledger-array-model.c: a GListModel over a GPtrArray, items made on demand
 *
 * A list of 41,352 townships needs no 41,352 objects: GtkListView asks for
 * the few items it shows, and each is made when asked, holding a reference
 * to the array so that its element outlives a change of the model.
 */
#include "config.h"

#include "ledger-array-model.h"

struct _LedgerArrayItem
{
  GObject    parent_instance;
  GPtrArray *array;
  guint      index;
};

G_DEFINE_FINAL_TYPE (LedgerArrayItem, ledger_array_item, G_TYPE_OBJECT)

static void
ledger_array_item_finalize (GObject *object)
{
  LedgerArrayItem *self = LEDGER_ARRAY_ITEM (object);

  g_clear_pointer (&self->array, g_ptr_array_unref);
  G_OBJECT_CLASS (ledger_array_item_parent_class)->finalize (object);
}

static void
ledger_array_item_class_init (LedgerArrayItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_array_item_finalize;
}

static void
ledger_array_item_init (LedgerArrayItem *self)
{
}

/**
 * ledger_array_item_get:
 * @self: an item
 *
 * Returns: (transfer none): the element of the array
 */
gpointer
ledger_array_item_get (LedgerArrayItem *self)
{
  g_return_val_if_fail (LEDGER_IS_ARRAY_ITEM (self), NULL);

  return g_ptr_array_index (self->array, self->index);
}

guint
ledger_array_item_get_index (LedgerArrayItem *self)
{
  g_return_val_if_fail (LEDGER_IS_ARRAY_ITEM (self), 0);

  return self->index;
}

struct _LedgerArrayModel
{
  GObject    parent_instance;
  GPtrArray *array;
};

static void ledger_array_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LedgerArrayModel, ledger_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ledger_array_model_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return LEDGER_TYPE_ARRAY_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  LedgerArrayModel *self = LEDGER_ARRAY_MODEL (model);

  return self->array ? self->array->len : 0;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LedgerArrayModel *self = LEDGER_ARRAY_MODEL (model);
  LedgerArrayItem *item;

  if (self->array == NULL || position >= self->array->len)
    return NULL;
  item = g_object_new (LEDGER_TYPE_ARRAY_ITEM, NULL);
  item->array = g_ptr_array_ref (self->array);
  item->index = position;
  return item;
}

static void
ledger_array_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
ledger_array_model_finalize (GObject *object)
{
  LedgerArrayModel *self = LEDGER_ARRAY_MODEL (object);

  g_clear_pointer (&self->array, g_ptr_array_unref);
  G_OBJECT_CLASS (ledger_array_model_parent_class)->finalize (object);
}

static void
ledger_array_model_class_init (LedgerArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_array_model_finalize;
}

static void
ledger_array_model_init (LedgerArrayModel *self)
{
}

LedgerArrayModel *
ledger_array_model_new (void)
{
  return g_object_new (LEDGER_TYPE_ARRAY_MODEL, NULL);
}

void
ledger_array_model_set_array (LedgerArrayModel *self,
                              GPtrArray        *array)
{
  guint removed, added;

  g_return_if_fail (LEDGER_IS_ARRAY_MODEL (self));

  removed = self->array ? self->array->len : 0;
  added = array ? array->len : 0;
  if (array != NULL)
    g_ptr_array_ref (array);
  g_clear_pointer (&self->array, g_ptr_array_unref);
  self->array = array;
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}
