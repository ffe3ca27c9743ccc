// Who decides the overlaps of the duty lists (职责交叉, issue 13): the supervision office of the
// region the overlap is in (its lists' agencies' region), and the system administrator. An agency's
// legal office is a party to the overlap, never its judge; it reads the decisions as the worklist
// shows them. The boundary list (职责边界清单) is read as the lists are (policies/duties.ts).
import { type Actor, regionCovers } from './actor.js';

/** May the actor decide overlaps at all (for some region)? */
export const canResolveOverlaps = (actor: Actor): boolean =>
  actor.role === 'admin' || actor.role === 'supervisor';

/** May the actor decide an overlap of this region? */
export const canResolveOverlapIn = (actor: Actor, region: string): boolean =>
  actor.role === 'admin' || (actor.role === 'supervisor' && regionCovers(actor.regionCode, region));
