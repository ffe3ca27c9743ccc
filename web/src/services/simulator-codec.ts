// The case lives in the URL (?case=…, base64url of compact JSON) so that a simulation can be
// shared as a link. `?faults=` and `?pack=` start a new case from the regulation browser.
import dayjs from 'dayjs';
import type { CaseState, PersonInput } from '../types/determination';

export function blankPerson(id: string, role: PersonInput['role'] = 'handler', agency?: string): PersonInput {
  return { id, role, agency, conduct: [], share: 'main', circumstances: [], history: [] };
}

export function newCase(init: { faults?: string[]; pack?: string } = {}): CaseState {
  return {
    pack: init.pack,
    occurredOn: dayjs().format('YYYY-MM-DD'),
    faults: init.faults ?? [],
    decision: 'approval',
    people: [blankPerson('p1', 'handler', 'a1')],
    agencies: [{ id: 'a1', triggers: [] }],
    circumstances: [],
    severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
    suspected: { discipline: false, crime: false },
  };
}

/** A worked example: a duplicate fine on an approval chain, with a repeat offender. */
export function sampleCase(): CaseState {
  return {
    occurredOn: '2025-03-10',
    faults: ['penalty.04'],
    decision: 'approval',
    people: [
      {
        ...blankPerson('张某', 'handler', 'a1'),
        conduct: ['negligent_wrong_opinion'],
        history: [
          { date: '2024-06-02', fault: 'penalty.04', sanctioned: true },
          { date: '2024-11-02', fault: 'penalty.04', sanctioned: true },
        ],
      },
      {
        ...blankPerson('李某', 'reviewer', 'a1'),
        conduct: ['failed_to_detect'],
        share: 'secondary',
        circumstances: ['remedied_harm_occurred'],
      },
      { ...blankPerson('王某', 'approver', 'a1'), conduct: ['failed_to_detect'], share: 'secondary' },
    ],
    agencies: [{ id: 'a1', triggers: ['overturned_in_review'] }],
    circumstances: [],
    severity: { nature: 'ordinary', harm: 'large', impact: 'small' },
    suspected: { discipline: true, crime: false },
  };
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodeCase(c: CaseState): string {
  return toBase64Url(JSON.stringify(c));
}

/** A case from the URL, or null when it is missing or unreadable (then a new case starts). */
export function decodeCase(s: string | null | undefined): CaseState | null {
  if (!s) return null;
  try {
    const raw = JSON.parse(fromBase64Url(s)) as Partial<CaseState>;
    const base = newCase();
    return {
      ...base,
      ...raw,
      people: (raw.people ?? base.people).map((p) => ({ ...blankPerson(p.id ?? 'p1'), ...p })),
      agencies: raw.agencies ?? [],
      severity: { ...base.severity, ...raw.severity },
      suspected: { ...base.suspected, ...raw.suspected },
    };
  } catch {
    return null;
  }
}
