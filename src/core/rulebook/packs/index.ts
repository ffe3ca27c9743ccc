export { GUIZHOU, GUIZHOU_PARAMS } from './guizhou.js';
export { GUIZHOU_A_CITY } from './guizhou-a-city.js';
export {
  BUILTIN_PACKS,
  createPackRegistry,
  DEFAULT_PACK,
  deepMerge,
  defaultPacks,
  PackRegistry,
  selectPack,
} from './registry.js';
export { packDefinitionSchema, packParamsSchema } from './schema.js';
export type * from './types.js';
