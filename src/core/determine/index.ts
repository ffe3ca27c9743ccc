// The determination engine's front door: validate at the edge (zod, then the checks that need the
// pack), then run the fast path. `determineValidated` is the hot path for callers that validated.
import { DEFAULT_PACK, defaultPacks, type PackRegistry } from '../rulebook/packs/registry.js';
import type { ResolvedPack } from '../rulebook/packs/types.js';
import { parseWith, ValidationError } from '../validation.js';
import { type CompiledPack, compilePack } from './compile.js';
import { evaluateRequest, present } from './engine.js';
import { checkRequest, type DeterminationRequest, determinationRequestSchema } from './request.js';
import type { Determination } from './types.js';
import { attachWhatIf } from './whatif.js';

export interface DetermineOptions {
  /** Overrides the request's `pack` (CLI `--pack`, API `?pack=`). */
  pack?: string;
  /** Selects the pack version in force on this date instead of `occurredOn` (CLI `--on`). */
  on?: string;
  /** Also search the smallest changes of the facts that change each result (`whatIf`). */
  whatIf?: boolean;
}

/**
 * The hot path for a request that passed validation (`prepareDetermination`): the determination,
 * with `whatIf` on every person and agency when asked.
 */
export function determineValidated(
  request: DeterminationRequest,
  compiled: CompiledPack,
  options: { whatIf?: boolean } = {},
): Determination {
  const evaluated = evaluateRequest(request, compiled);
  const det = present(request, compiled, evaluated);
  return options.whatIf ? attachWhatIf(det, request, compiled, evaluated) : det;
}

export interface PreparedRequest {
  request: DeterminationRequest;
  pack: ResolvedPack;
  compiled: CompiledPack;
}

/** Validate a request and select its pack. Throws ValidationError naming every bad field. */
export function prepareDetermination(
  input: unknown,
  packs: PackRegistry = defaultPacks,
  options: DetermineOptions = {},
): PreparedRequest {
  return prepareParsed(parseWith(determinationRequestSchema, input, '判定请求无效'), packs, options);
}

/** As prepareDetermination, for a request that already passed `determinationRequestSchema` (HTTP body). */
export function prepareParsed(
  request: DeterminationRequest,
  packs: PackRegistry = defaultPacks,
  options: DetermineOptions = {},
): PreparedRequest {
  const pack = packs.select(options.pack ?? request.pack ?? DEFAULT_PACK, options.on ?? request.occurredOn, {
    pack: 'pack',
    on: options.on === undefined ? 'occurredOn' : 'on',
  });
  const problems = checkRequest(request, pack);
  if (problems.length > 0) throw new ValidationError('判定请求无效', problems);
  return { request, pack, compiled: compilePack(pack) };
}

/**
 * Who is liable for a fault, on which article, with which circumstances and sanction forms
 * (CONTRACTS.md §2). `packs` defaults to the built-in packs.
 */
export function determine(
  input: unknown,
  packs: PackRegistry = defaultPacks,
  options: DetermineOptions = {},
): Determination {
  const { request, compiled } = prepareDetermination(input, packs, options);
  return determineValidated(request, compiled, options);
}

export { type CompiledPack, compilePack } from './compile.js';
export { setAtPath } from './path.js';
export * from './request.js';
export { basisSchema, determinationSchema } from './response.js';
export type * from './types.js';
export { WHAT_IF_LIMIT } from './whatif.js';
