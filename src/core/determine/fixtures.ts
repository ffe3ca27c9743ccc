// Request builders shared by the rulebook's tests and the benchmark.
import type { DeterminationRequestInput } from './request.js';
import type { Determination, PersonDetermination } from './types.js';

type PersonRaw = DeterminationRequestInput['people'][number];

export function person(id: string, role: PersonRaw['role'], extra: Partial<PersonRaw> = {}): PersonRaw {
  return { id, role, agency: 'a1', ...extra };
}

/** A minimal valid request: one fault, approval chain, minor severity; override anything. */
export function request(overrides: Partial<DeterminationRequestInput> = {}): DeterminationRequestInput {
  return {
    occurredOn: '2025-03-10',
    faults: ['penalty.04'],
    decision: 'approval',
    people: [],
    agencies: [{ id: 'a1', triggers: [] }],
    circumstances: [],
    severity: { nature: 'minor', harm: 'small', impact: 'small' },
    suspected: { discipline: false, crime: false },
    ...overrides,
  };
}

/** The benchmark's request: a handler's negligent opinion that reviewer and approver let through. */
export function threePersonRequest(): DeterminationRequestInput {
  return request({
    people: [
      person('p1', 'handler', {
        conduct: ['negligent_wrong_opinion'],
        history: [
          { date: '2024-11-02', fault: 'penalty.04', sanctioned: true },
          { date: '2023-06-20', fault: 'penalty.04', sanctioned: true },
        ],
      }),
      person('p2', 'reviewer', { conduct: ['failed_to_detect'], share: 'secondary' }),
      person('p3', 'approver', {
        conduct: ['failed_to_detect'],
        share: 'secondary',
        circumstances: ['remedied_harm_occurred'],
      }),
    ],
    agencies: [{ id: 'a1', triggers: ['overturned_in_review'] }],
    severity: { nature: 'ordinary', harm: 'large', impact: 'small' },
    suspected: { discipline: true, crime: false },
  });
}

export function personOf(d: Determination, id: string): PersonDetermination {
  const p = d.persons.find((x) => x.id === id);
  if (!p) throw new Error(`no person ${id} in determination`);
  return p;
}
