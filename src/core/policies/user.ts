// User accounts and roles are the administrator's.
import type { Actor } from './actor.js';

export type UserAction = 'read' | 'create' | 'update';

export function canUser(actor: Actor, _action: UserAction): boolean {
  return actor.role === 'admin';
}
