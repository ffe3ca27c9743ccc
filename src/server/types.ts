// What the app adds to Fastify: the database, the acting user, and the auth hooks.

import type {} from '@fastify/cookie';
import type {} from '@fastify/multipart';
import type {} from '@fastify/rate-limit';
import type { onRequestAsyncHookHandler } from 'fastify';
import type { Actor, Role } from '../core/policies/actor.js';
import type { SessionRestriction } from '../core/policies/user.js';
import type { Database } from '../store/db.js';

export interface SessionInfo {
  id: string;
  csrfToken: string;
  displayName: string;
  locale: string;
  /** Until the account meets the policy, the session may only change the password or enrol 2FA. */
  restriction: SessionRestriction | null;
  isDemo: boolean;
  totpEnabled: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** onRequest hook: a valid session is required (401 otherwise); mutations also need the CSRF header. */
    authenticate: onRequestAsyncHookHandler;
    /** onRequest hook factory: authenticated and one of the roles (403 otherwise). */
    requireRole: (...roles: Role[]) => onRequestAsyncHookHandler;
  }
  interface FastifyContextConfig {
    /** The route stays open to a restricted session (changing the password, enrolling 2FA). */
    allowRestricted?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
  }
}

/** The actor of an authenticated request (the preHandler guarantees it). */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw new Error('route is missing the authenticate hook');
  return req.actor;
}
