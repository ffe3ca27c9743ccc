// The procedure engine: a procedure (the accountability case, the leads inbox, and the ones to
// come — tolerance applications, appeals to the relief panel, review campaigns) is declared as
// data: its states, its actions (from → to), who may take each (actor kinds the adapter derives
// from the user and the object), the preconditions that need no input and the guards that read
// the input, the documents a step issues and what its audit entry records. Guards are pure
// functions of the snapshot, the input and a context (today, the calendar, the pack's
// parameters) and return problems naming the field with a sentence that says why.
//
// The engine answers three questions for any procedure: may this actor take this action now
// with this input (checkAction), which actions may they take and why not the others
// (actionAvailability), and what does the step issue and record (issuedDocuments, auditDetail).
// Adapters persist: a typed map of effects per procedure, one transaction per step.
import type { FieldError } from '../validation.js';

export type Problems = FieldError[];

export const problem = (path: string, message: string): Problems => [{ path, message }];

export interface ActionSpec<
  State extends string,
  Snap,
  Input,
  Actor extends string,
  Ctx,
  Doc extends string,
> {
  /** The states the action may start from. */
  from: readonly State[];
  /** The state it leads to; null: the procedure stays where it is. */
  to: State | ((s: Snap, input: Input) => State) | null;
  /** The actor kinds that may take it. */
  by: readonly Actor[];
  /** Its name in Chinese, as in the documents and the console. */
  label: string;
  /**
   * Whether the action belongs to this object at all (a variant of the procedure, e.g. an appeal's
   * 复核 stage has no panel): when it fails the action is not offered, as in another state.
   */
  applies?: (s: Snap) => Problems;
  /** Preconditions that need no input: when one fails, the action is offered disabled, with the reason. */
  pre?: readonly ((s: Snap, ctx: Ctx) => Problems)[];
  /** Checks of the input. */
  guards: readonly ((s: Snap, input: Input, ctx: Ctx) => Problems)[];
  /** The documents the step issues (in this order). */
  issues?: readonly Doc[] | ((s: Snap, input: Input) => readonly Doc[]);
  /** What the audit entry records of the input (default: all of it); from and to are added. */
  audit?: (input: Input) => Record<string, unknown>;
}

export interface Procedure<
  State extends string,
  Snap extends { state: State },
  Inputs extends object,
  Actor extends string,
  Ctx,
  Doc extends string = never,
> {
  /** The object type of its audit entries and its API paths ('case', 'lead'). */
  name: string;
  /** What the object is called in sentences ('案件', '线索'). */
  noun: string;
  states: readonly State[];
  stateLabels: Record<State, string>;
  actions: { [A in keyof Inputs & string]: ActionSpec<State, Snap, Inputs[A], Actor, Ctx, Doc> };
}

/** Declare a procedure; the identity, for inference and one place to check the declaration. */
export function defineProcedure<
  State extends string,
  Snap extends { state: State },
  Inputs extends object,
  Actor extends string,
  Ctx,
  Doc extends string = never,
>(p: Procedure<State, Snap, Inputs, Actor, Ctx, Doc>): Procedure<State, Snap, Inputs, Actor, Ctx, Doc> {
  const states = new Set<string>(p.states);
  for (const [name, a] of Object.entries(p.actions) as [
    string,
    ActionSpec<State, Snap, never, Actor, Ctx, Doc>,
  ][]) {
    for (const s of a.from) if (!states.has(s)) throw new Error(`${p.name}.${name}: unknown state ${s}`);
    if (typeof a.to === 'string' && !states.has(a.to))
      throw new Error(`${p.name}.${name}: unknown state ${a.to}`);
    if (a.by.length === 0) throw new Error(`${p.name}.${name}: nobody may take it`);
  }
  return p;
}

/** Why an action cannot be taken: not from this state, not by this actor, or a precondition fails. */
export const BLOCKED = ['state', 'actor', 'precondition'] as const;
export type Blocked = (typeof BLOCKED)[number];

export interface Check<State extends string> {
  ok: boolean;
  /** Set when the action may not be taken at all (before its input is read). */
  blocked: Blocked | null;
  problems: Problems;
  next: State;
}

/** Any procedure, as the engine reads it (the input of each action is opaque here). */
export interface AnyProcedure<
  State extends string,
  Snap extends { state: State },
  Actor extends string,
  Ctx,
> {
  name: string;
  noun: string;
  states: readonly State[];
  stateLabels: Record<State, string>;
  actions: { [action: string]: ActionSpec<State, Snap, never, Actor, Ctx, string> };
}

function specOf<State extends string, Snap extends { state: State }, Actor extends string, Ctx>(
  p: AnyProcedure<State, Snap, Actor, Ctx>,
  action: string,
): ActionSpec<State, Snap, unknown, Actor, Ctx, string> {
  const spec = p.actions[action];
  if (!spec) throw new Error(`${p.name}: unknown action ${action}`);
  // The adapter validated the input against the action's schema before the engine sees it.
  return spec as ActionSpec<State, Snap, unknown, Actor, Ctx, string>;
}

/** May these actor kinds take the action from this snapshot at all (state, actor, preconditions)? */
export function precheck<State extends string, Snap extends { state: State }, Actor extends string, Ctx>(
  p: AnyProcedure<State, Snap, Actor, Ctx>,
  s: Snap,
  action: string,
  actorKinds: readonly Actor[],
  ctx: Ctx,
): { blocked: Blocked | null; problems: Problems } {
  const spec = specOf(p, action);
  if (!spec.from.includes(s.state)) {
    return {
      blocked: 'state',
      problems: problem('state', `${p.noun}处于“${p.stateLabels[s.state]}”，不能${spec.label}`),
    };
  }
  const foreign = spec.applies?.(s) ?? [];
  if (foreign.length > 0) return { blocked: 'state', problems: foreign };
  if (!spec.by.some((b) => actorKinds.includes(b))) {
    return { blocked: 'actor', problems: problem('actor', `无权${spec.label}`) };
  }
  const problems = (spec.pre ?? []).flatMap((g) => g(s, ctx));
  return { blocked: problems.length > 0 ? 'precondition' : null, problems };
}

/** Check an action with its input: state, actor kind, preconditions, then every guard. Pure. */
export function checkAction<State extends string, Snap extends { state: State }, Actor extends string, Ctx>(
  p: AnyProcedure<State, Snap, Actor, Ctx>,
  s: Snap,
  action: string,
  input: unknown,
  actorKinds: readonly Actor[],
  ctx: Ctx,
): Check<State> {
  const spec = specOf(p, action);
  const pre = precheck(p, s, action, actorKinds, ctx);
  if (pre.blocked === 'state' || pre.blocked === 'actor') {
    return { ok: false, blocked: pre.blocked, problems: pre.problems, next: s.state };
  }
  const problems = [...pre.problems, ...spec.guards.flatMap((g) => g(s, input, ctx))];
  const next = spec.to === null ? s.state : typeof spec.to === 'function' ? spec.to(s, input) : spec.to;
  return { ok: problems.length === 0, blocked: pre.blocked, problems, next };
}

export interface Availability<A extends string = string> {
  action: A;
  label: string;
  available: boolean;
  /** Why not (empty when available). */
  reasons: Problems;
  blocked: Blocked | null;
}

/**
 * Every action the actor kinds may ever take in this procedure, each available or not with the
 * reasons: the console shows those of the current state, disabled with the reason where a
 * precondition fails ("调查人员不得少于 2 人").
 */
export function actionAvailability<
  State extends string,
  Snap extends { state: State },
  Actor extends string,
  Ctx,
  A extends string,
>(
  p: AnyProcedure<State, Snap, Actor, Ctx> & { actions: Record<A, unknown> },
  s: Snap,
  actorKinds: readonly Actor[],
  ctx: Ctx,
): Availability<A>[] {
  return (Object.keys(p.actions) as A[])
    .filter((a) => specOf(p, a).by.some((b) => actorKinds.includes(b)))
    .map((action) => {
      const { blocked, problems } = precheck(p, s, action, actorKinds, ctx);
      return {
        action,
        label: specOf(p, action).label,
        available: blocked === null,
        reasons: problems,
        blocked,
      };
    });
}

/** The documents a step issues. */
export function issuedDocuments<
  State extends string,
  Snap extends { state: State },
  Actor extends string,
  Ctx,
>(p: AnyProcedure<State, Snap, Actor, Ctx>, action: string, s: Snap, input: unknown): string[] {
  const issues = specOf(p, action).issues;
  if (!issues) return [];
  return [...(typeof issues === 'function' ? issues(s, input) : issues)];
}

/** What the step's audit entry records: the input as declared, with where it came from and went. */
export function auditDetail<State extends string, Snap extends { state: State }, Actor extends string, Ctx>(
  p: AnyProcedure<State, Snap, Actor, Ctx>,
  action: string,
  input: Record<string, unknown>,
  from: State,
  to: State,
): Record<string, unknown> {
  const spec = specOf(p, action);
  const { version: _v, ...rest } = input;
  return { ...(spec.audit ? spec.audit(input as never) : rest), from, to };
}
