// Who may do what in an external evaluation; comments before approval are the office's alone.
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import {
  canReadEvaluation,
  evaluationVisibility,
  resultsReach,
  seesUnmoderated,
  signedInAnswerRefusal,
} from './evaluation.js';

const actor = (role: Actor['role'], regionCode: string, agencyId: string | null = null): Actor => ({
  id: 'u',
  username: 'u',
  role,
  regionCode,
  agencyId,
  officerId: null,
});
const c = { regionCode: '529900', agencyIds: ['529900-SCJ'], state: 'open' as const };

describe('evaluation policies', () => {
  it('the office reads, moderates and reads every result; a county office does not reach the city', () => {
    expect(canReadEvaluation(actor('supervisor', '529900'), c)).toBe(true);
    expect(seesUnmoderated(actor('supervisor', '529900'), c)).toBe(true);
    expect(resultsReach(actor('supervisor', '529900'), c)).toBe('all');
    expect(canReadEvaluation(actor('supervisor', '529921'), c)).toBe(false);
  });

  it('an evaluator of the city answers signed in while open; reads no result, no unmoderated comment', () => {
    const e = actor('evaluator', '529921');
    expect(signedInAnswerRefusal(e, c)).toBeNull();
    expect(signedInAnswerRefusal(e, { ...c, state: 'closed' })).toMatch(/结束/);
    expect(signedInAnswerRefusal(actor('evaluator', '520100'), c)).toMatch(/本市/);
    expect(resultsReach(e, c)).toBeNull();
    expect(seesUnmoderated(e, c)).toBe(false);
    expect(evaluationVisibility(e).regionPrefix).toBe('5299');
  });

  it('an agency’s legal office reads its own results, never the unmoderated', () => {
    const l = actor('agency_legal', '529900', '529900-SCJ');
    expect(resultsReach(l, c)).toEqual({ agencyId: '529900-SCJ' });
    expect(seesUnmoderated(l, c)).toBe(false);
    expect(canReadEvaluation(actor('agency_legal', '529900', '529900-GA'), c)).toBe(false);
  });
});
