// A tolerance request whose facts meet every condition of A市's policy: tests change one fact at a
// time from here.
import type { ToleranceFacts, ToleranceRequest } from './assess.js';

export const CLEAN_FACTS: ToleranceFacts = {
  withinDuty: true,
  procedureFollowed: true,
  privateGain: false,
  knowingViolation: false,
  expresslyProhibited: false,
  misconduct: 'none',
  falsified: false,
  obstructed: false,
  crimeSuspected: false,
  cause: 'no_rule',
  corrected: 'in_time',
  preRegistered: null,
  priorTolerance: [],
};

export const toleranceRequest = (
  facts: Partial<ToleranceFacts> = {},
  codes = ['licensing.07'],
): ToleranceRequest => ({
  pack: 'guizhou-a-city',
  appliedOn: '2026-11-20',
  fault: { occurredOn: '2026-10-08', codes },
  facts: { ...CLEAN_FACTS, ...facts },
});
