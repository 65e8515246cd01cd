/* ledger-blank-map-source.c: the base map "none" */
#include "config.h"

#include "ledger-blank-map-source.h"

struct _LedgerBlankMapSource
{
  ShumateMapSource parent_instance;
};

G_DEFINE_FINAL_TYPE (LedgerBlankMapSource, ledger_blank_map_source, SHUMATE_TYPE_MAP_SOURCE)

static void
ledger_blank_map_source_fill_tile_async (ShumateMapSource    *source,
                                         ShumateTile         *tile,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (source, cancellable, callback, user_data);

  g_task_set_source_tag (task, ledger_blank_map_source_fill_tile_async);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (task, TRUE);
}

static gboolean
ledger_blank_map_source_fill_tile_finish (ShumateMapSource  *source,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ledger_blank_map_source_class_init (LedgerBlankMapSourceClass *klass)
{
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  source_class->fill_tile_async = ledger_blank_map_source_fill_tile_async;
  source_class->fill_tile_finish = ledger_blank_map_source_fill_tile_finish;
}

static void
ledger_blank_map_source_init (LedgerBlankMapSource *self)
{
}

ShumateMapSource *
ledger_blank_map_source_new (void)
{
  return g_object_new (LEDGER_TYPE_BLANK_MAP_SOURCE,
                       "id", "none",
                       "name", "",
                       "license", "",
                       "min-zoom-level", 0,
                       "max-zoom-level", 19,
                       "tile-size", 256,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
}
