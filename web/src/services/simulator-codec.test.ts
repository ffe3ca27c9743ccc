// The simulated case in the URL (?case=…): base64url of compact JSON.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ACT_CIRCUMSTANCES,
  AGENCY_TRIGGERS,
  CONDUCT_CODES,
  DECISION_KINDS,
  HARMS,
  IMPACTS,
  NATURES,
  PERSONAL_CIRCUMSTANCES,
  ROLES,
  SHARES,
} from '../../../src/core/rulebook/types';
import type { CaseState, PersonInput } from '../types/determination';
import { blankPerson, decodeCase, encodeCase, newCase, sampleCase } from './simulator-codec';

/** Base64url (RFC 4648 §5, no padding) of UTF-8 text, for hand-made links. */
function b64url(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const day = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) })
  .map((t) => new Date(t).toISOString().slice(0, 10));
const text = fc.string({ unit: 'binary', maxLength: 12 });
const codes = (list: readonly string[]) =>
  fc.uniqueArray(fc.constantFrom(...list), { maxLength: list.length });

const person: fc.Arbitrary<PersonInput> = fc.record(
  {
    id: text,
    role: fc.constantFrom(...ROLES),
    agency: fc.string({ maxLength: 4 }),
    conduct: codes(CONDUCT_CODES),
    share: fc.constantFrom(...SHARES),
    circumstances: codes(PERSONAL_CIRCUMSTANCES),
    history: fc.array(fc.record({ date: day, fault: text, sanctioned: fc.boolean() }), { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'role', 'conduct', 'share', 'circumstances', 'history'] },
);

const caseState: fc.Arbitrary<CaseState> = fc.record(
  {
    pack: fc.string({ minLength: 1, maxLength: 10 }),
    occurredOn: day,
    faults: fc.array(text, { maxLength: 4 }),
    decision: fc.constantFrom(...DECISION_KINDS),
    people: fc.array(person, { maxLength: 4 }),
    agencies: fc.array(fc.record({ id: text, triggers: codes(AGENCY_TRIGGERS) }), { maxLength: 3 }),
    circumstances: codes(ACT_CIRCUMSTANCES),
    severity: fc.record({
      nature: fc.constantFrom(...NATURES),
      harm: fc.constantFrom(...HARMS),
      impact: fc.constantFrom(...IMPACTS),
    }),
    suspected: fc.record({ discipline: fc.boolean(), crime: fc.boolean() }),
  },
  {
    requiredKeys: [
      'occurredOn',
      'faults',
      'decision',
      'people',
      'agencies',
      'circumstances',
      'severity',
      'suspected',
    ],
  },
);

afterEach(() => {
  vi.useRealTimers();
});

describe('encodeCase / decodeCase', () => {
  it('round-trips every case', () => {
    fc.assert(
      fc.property(caseState, (c) => {
        expect(decodeCase(encodeCase(c))).toEqual(c);
      }),
    );
  });

  it('writes only URL-safe characters, without padding', () => {
    fc.assert(
      fc.property(caseState, (c) => {
        expect(encodeCase(c)).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
    );
  });

  it('uses the URL-safe alphabet: - and _ for + and /, no = padding', () => {
    // Standard base64 of {"faults":[">>>???~"]} is eyJmYXVsdHMiOlsiPj4+Pz8/fiJdfQ==
    const c = { faults: ['>>>???~'] } as unknown as CaseState;
    expect(encodeCase(c)).toBe('eyJmYXVsdHMiOlsiPj4-Pz8_fiJdfQ');
    expect(decodeCase('eyJmYXVsdHMiOlsiPj4-Pz8_fiJdfQ')?.faults).toEqual(['>>>???~']);
    // {"faults":["张?>"]}: UTF-8, padding dropped.
    expect(decodeCase('eyJmYXVsdHMiOlsi5bygPz4iXX0')?.faults).toEqual(['张?>']);
  });

  it('is base64url of the compact JSON', () => {
    const c = sampleCase();
    expect(encodeCase(c)).toBe(b64url(JSON.stringify(c)));
    expect(decodeCase(b64url(JSON.stringify(c)))).toEqual(c);
  });

  it('keeps Chinese names and other non-ASCII text', () => {
    const c = { ...newCase(), people: [blankPerson('张某 ✓ 😀', 'approver', 'a1')] };
    expect(decodeCase(encodeCase(c))?.people[0].id).toBe('张某 ✓ 😀');
  });

  it('gives null for a missing or unreadable case', () => {
    expect(decodeCase(null)).toBeNull();
    expect(decodeCase(undefined)).toBeNull();
    expect(decodeCase('')).toBeNull();
    expect(decodeCase('%%%')).toBeNull();
    expect(decodeCase(b64url('{"faults": ['))).toBeNull();
    expect(decodeCase(b64url('null'))).toBeNull();
  });

  it('fills what an older or hand-made link leaves out', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 4, 20, 12));
    const c = decodeCase(
      b64url(
        JSON.stringify({
          faults: ['penalty.04'],
          people: [{ id: '张某', conduct: ['failed_to_detect'] }, {}],
          severity: { harm: 'large' },
          suspected: { crime: true },
        }),
      ),
    );
    expect(c).toEqual({
      pack: undefined,
      occurredOn: '2026-05-20',
      faults: ['penalty.04'],
      decision: 'approval',
      people: [{ ...blankPerson('张某'), conduct: ['failed_to_detect'] }, blankPerson('p1')],
      // No agencies in the link: none (the new case's a1 is not added).
      agencies: [],
      circumstances: [],
      severity: { nature: 'ordinary', harm: 'large', impact: 'small' },
      suspected: { discipline: false, crime: true },
    });
  });

  it('starts the people of a link without people from the new case', () => {
    const c = decodeCase(b64url('{}'));
    expect(c?.people).toEqual([blankPerson('p1', 'handler', 'a1')]);
    expect(c?.agencies).toEqual([]);
  });
});

describe('newCase', () => {
  it('is an approval chain of one handler in one agency, occurring today', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2025, 2, 10, 9));
    expect(newCase()).toEqual({
      pack: undefined,
      occurredOn: '2025-03-10',
      faults: [],
      decision: 'approval',
      people: [
        {
          id: 'p1',
          role: 'handler',
          agency: 'a1',
          conduct: [],
          share: 'main',
          circumstances: [],
          history: [],
        },
      ],
      agencies: [{ id: 'a1', triggers: [] }],
      circumstances: [],
      severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
      suspected: { discipline: false, crime: false },
    });
  });

  it('starts from the faults and the pack of the regulation browser', () => {
    const c = newCase({ faults: ['penalty.04', 'penalty.12'], pack: 'guizhou' });
    expect(c.faults).toEqual(['penalty.04', 'penalty.12']);
    expect(c.pack).toBe('guizhou');
  });

  it('gives a fresh case each time', () => {
    const a = newCase();
    a.faults.push('x');
    a.people[0].conduct.push('y');
    expect(newCase().faults).toEqual([]);
    expect(newCase().people[0].conduct).toEqual([]);
  });
});

describe('blankPerson and sampleCase', () => {
  it('a blank person is a main handler with nothing found', () => {
    expect(blankPerson('p2')).toEqual({
      id: 'p2',
      role: 'handler',
      agency: undefined,
      conduct: [],
      share: 'main',
      circumstances: [],
      history: [],
    });
    expect(blankPerson('p3', 'reviewer', 'a2')).toMatchObject({ role: 'reviewer', agency: 'a2' });
  });

  it('the sample uses only codes of the rulebook', () => {
    const c = sampleCase();
    expect(DECISION_KINDS).toContain(c.decision);
    for (const p of c.people) {
      expect(ROLES).toContain(p.role);
      for (const code of p.conduct) expect(CONDUCT_CODES).toContain(code);
      for (const code of p.circumstances) expect(PERSONAL_CIRCUMSTANCES).toContain(code);
    }
    for (const a of c.agencies) for (const t of a.triggers) expect(AGENCY_TRIGGERS).toContain(t);
    expect(c.people.map((p) => p.id)).toEqual(['张某', '李某', '王某']);
  });
});
