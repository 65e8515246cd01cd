/* ledger-settings.c */
#include "config.h"

#include "ledger-settings.h"

/* The installed schema when there is one; else the one compiled in the build
 * tree, so that ./build/src/sanitation-ledger runs without installing. */
GSettings *
ledger_settings_new (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaSource) build_tree = NULL;

  if (installed != NULL && (schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE)))
    return g_settings_new_full (schema, NULL, NULL);
  build_tree = g_settings_schema_source_new_from_directory (LEDGER_BUILD_SCHEMADIR, installed, FALSE, NULL);
  if (build_tree != NULL && (schema = g_settings_schema_source_lookup (build_tree, APP_ID, FALSE)))
    return g_settings_new_full (schema, NULL, NULL);
  g_error ("The settings schema %s is not installed: run “meson install” or start the program from its build directory.", APP_ID);
}
