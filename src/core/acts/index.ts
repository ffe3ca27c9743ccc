export * from './codes.js';
export {
  DEFAULT_AS_OF,
  DEFAULT_FAULT_RATE,
  type GeneratedChunk,
  type GenerateOptions,
  generateActChunks,
  generateActs,
  type TruthEntry,
} from './generate.js';
export {
  ActLineError,
  actError,
  isBlankLine,
  isValidAct,
  parseActLine,
  parseActsJsonl,
  readAct,
} from './parse.js';
export { type Act, type ActOfficer, actDatesSchema, actSchema, officerSchema } from './schema.js';
