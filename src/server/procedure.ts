// A procedure's steps over HTTP, the same way for every procedure the engine runs: the engine's
// verdict as an error (403 for who, 400 naming what), the step's transaction (the version the user
// read claimed first, the effect, the new state, what the step issues, the audit entry), and one
// route per action.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type AnyProcedure, auditDetail, type Check } from '../core/workflow/engine.js';
import type { DB } from '../store/schema.js';
import { claimVersion, setStateOf } from '../store/scope.js';
import { auditAs } from './audit.js';
import { conflict, forbidden, HttpError } from './errors.js';
import { errors } from './schemas.js';

/** The engine's verdict on a step as HTTP: 403 when the actor may not take it, 400 naming each problem. */
export function refuseUnlessAllowed(check: Pick<Check<string>, 'ok' | 'blocked' | 'problems'>): void {
  if (check.blocked === 'actor') throw forbidden(check.problems[0]!.message);
  if (!check.ok) throw new HttpError(400, check.problems.map((p) => p.message).join('；'), check.problems);
}

/** One checked step on a stored object of a procedure. */
export interface Step<State extends string, Snap extends { state: State }, Actor extends string, Ctx> {
  procedure: AnyProcedure<State, Snap, Actor, Ctx>;
  table: Parameters<typeof claimVersion>[1];
  /** The object as the user read it. */
  object: { id: string; version: number; state: State; regionCode: string };
  action: string;
  body: Record<string, unknown>;
  /** The state the engine's check moves it to. */
  next: State;
}

/**
 * The step's transaction, in this order: claim the version the user read (409 when someone was
 * first), the action's `effect`, the new state, what the step `issue`s in that state (its
 * documents), and the audit entry `<procedure>.<action>` with the input as the procedure declares.
 */
export async function commitStep<
  State extends string,
  Snap extends { state: State },
  Actor extends string,
  Ctx,
>(
  req: FastifyRequest,
  step: Step<State, Snap, Actor, Ctx>,
  effect: (trx: Transaction<DB>) => Promise<void>,
  issue?: (trx: Transaction<DB>) => Promise<void>,
): Promise<void> {
  const { procedure: p, object: o } = step;
  await req.server.database.db.transaction().execute(async (trx) => {
    if (!(await claimVersion(trx, step.table, o.id, o.version))) throw conflict();
    await effect(trx);
    await setStateOf(trx, step.table, o.id, step.next);
    if (issue) await issue(trx);
    await auditAs(req, trx, {
      regionCode: o.regionCode,
      action: `${p.name}.${step.action}`,
      objectType: p.name,
      objectId: o.id,
      detail: auditDetail(p, step.action, step.body, o.state, step.next),
    });
  });
}

/** What the routes show of an action: its label, who may take it, from which states. */
interface ActionLabel {
  label: string;
  by: readonly string[];
  from: readonly string[];
}

/** The usual description of an action's route: who, from where, and the version it needs. */
export const actionDescription = (spec: ActionLabel) =>
  `可由 ${spec.by.join('、')} 在状态 ${spec.from.join('、')} 执行；body.version 须为读取时的版本，否则 409。`;

/**
 * POST `<base>/:id/actions/<action>` for each action with a body schema: the body validated by
 * that schema, `run` takes the step and answers with the object as `response` presents it.
 */
export function actionRoutes<A extends string>(
  app: FastifyInstance,
  o: {
    base: string;
    tags: string[];
    /** The summary's subject: '申诉' → '申诉操作：受理'. */
    noun: string;
    specs: NoInfer<{ readonly [K in A]: ActionLabel }>;
    bodies: { readonly [K in A]: z.ZodType };
    params: z.ZodObject<{ id: z.ZodType<string> }>;
    response: z.ZodType;
    /** The route's description (default: actionDescription); null for none. */
    describe?: ((spec: ActionLabel) => string) | null;
    run: (req: FastifyRequest, id: string, action: A, body: never) => Promise<unknown>;
  },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const describe = o.describe === undefined ? actionDescription : o.describe;
  for (const action of Object.keys(o.bodies) as A[]) {
    const spec = o.specs[action];
    r.post(
      `${o.base}/:id/actions/${action}`,
      {
        onRequest: app.authenticate,
        schema: {
          tags: o.tags,
          summary: `${o.noun}操作：${spec.label}`,
          ...(describe ? { description: describe(spec) } : {}),
          params: o.params,
          body: o.bodies[action],
          response: { 200: o.response, ...errors },
        },
      },
      async (req) => o.run(req, req.params.id, action, req.body as never),
    );
  }
}
