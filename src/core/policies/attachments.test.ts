import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { mayReadCaseAttachments, mayReadLeadAttachments } from './attachments.js';
import type { CaseRef } from './case.js';

const actor = (over: Partial<Actor>): Actor => ({
  id: 'u',
  username: 'u',
  role: 'supervisor',
  regionCode: '529900',
  agencyId: null,
  officerId: null,
  ...over,
});

const ref: CaseRef = {
  regionCode: '529921',
  agencyId: '529921-SCJ',
  investigators: ['inv'],
  persons: ['O-1'],
};

describe('who reads a complaint’s attachments', () => {
  it('on a lead: the supervision office covering its region, nobody else', () => {
    expect(mayReadLeadAttachments(actor({}), '529921')).toBe(true);
    expect(mayReadLeadAttachments(actor({ regionCode: '529921' }), '529921')).toBe(true);
    expect(mayReadLeadAttachments(actor({ regionCode: '529922' }), '529921')).toBe(false);
    for (const role of ['admin', 'agency_legal', 'officer', 'discipline', 'audit_admin'] as const)
      expect(mayReadLeadAttachments(actor({ role, regionCode: '520000' }), '529921'), role).toBe(false);
  });

  it('on a case: its investigators and the covering supervisor; not the agency, the officer, the admin', () => {
    expect(mayReadCaseAttachments(actor({}), ref)).toBe(true);
    expect(mayReadCaseAttachments(actor({ id: 'inv', regionCode: '529921' }), ref)).toBe(true);
    expect(mayReadCaseAttachments(actor({ regionCode: '529922' }), ref)).toBe(false);
    // A recused investigator is no longer in `investigators` (caseRefOf drops them).
    expect(mayReadCaseAttachments(actor({ id: 'inv', role: 'panel' }), { ...ref, investigators: [] })).toBe(
      false,
    );
    expect(mayReadCaseAttachments(actor({ role: 'agency_legal', agencyId: '529921-SCJ' }), ref)).toBe(false);
    expect(mayReadCaseAttachments(actor({ role: 'officer', officerId: 'O-1' }), ref)).toBe(false);
    expect(mayReadCaseAttachments(actor({ role: 'admin', regionCode: '520000' }), ref)).toBe(false);
  });
});
