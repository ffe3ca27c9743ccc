// Test helpers: mutations of generated acts (a member deleted, set to null, to the wrong type, to
// an edge value) and damage to their text, for the property tests that hold the byte-level
// readers — the scan's screen and the import's fast lane — to the full parser.
import fc from 'fast-check';

export const DELETE = Symbol('delete');

/** Where a mutation lands. */
export const ACT_PATHS: (string | number)[][] = [
  ['id'],
  ['agency'],
  ['kind'],
  ['matter'],
  ['procedure'],
  ['party'],
  ['party', 'type'],
  ['party', 'id'],
  ['officers'],
  ['officers', 0],
  ['officers', 0, 'id'],
  ['officers', 1, 'id'],
  ['officers', 0, 'certificate'],
  ['officers', 1, 'certificate'],
  ['officers', 0, 'validUntil'],
  ['officers', 1, 'validUntil'],
  ['chain'],
  ['chain', 'handler'],
  ['chain', 'reviewer'],
  ['violation'],
  ['incidentDate'],
  ['dates'],
  ['dates', 'applied'],
  ['dates', 'accepted'],
  ['dates', 'filed'],
  ['dates', 'notified'],
  ['dates', 'decided'],
  ['dates', 'served'],
  ['dates', 'extended'],
  ['dates', 'seized'],
  ['dates', 'released'],
  ['fine'],
  ['payment'],
  ['payment', 'method'],
  ['payment', 'receipt'],
  ['payment', 'collectedOn'],
  ['payment', 'remittedOn'],
  ['hearing'],
  ['hearing', 'requested'],
  ['hearing', 'held'],
  ['hearing', 'noticedOn'],
  ['hearing', 'heldOn'],
  ['criminal'],
  ['criminal', 'suspected'],
  ['criminal', 'referred'],
  ['review'],
  ['decision'],
  ['reason'],
  ['receiptIssued'],
  ['measure'],
  ['extension'],
  ['extension', 'approved'],
  ['extension', 'on'],
  ['party', 'name'],
  ['party', 'creditCode'],
  ['party', 'idNumber'],
  ['documentNo'],
  ['itemName'],
  ['category'],
  ['content'],
  ['basis'],
  ['result'],
  ['publishedOn'],
  ['withhold'],
  ['extra'],
];

/** What a mutation sets: DELETE removes the member. */
export const mutationValues = fc.oneof(
  fc.constant(DELETE),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 300 }),
  fc.constantFrom(0, 100, 101, 1e21, 2.5, -0, 123456789012345, 1234567890123456),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(
    '',
    'org',
    'person',
    'penalty',
    'licensing',
    'inspection',
    'summary',
    'ordinary',
    'onsite',
    'bank',
    'refused',
    'not_accepted',
    'granted',
    'seal',
    'seize',
    ' ',
    'minor',
    'state_secret',
  ),
  fc.constantFrom('upheld', 'revoked', 'confirmed_illegal', '2024-02-29', '2025-02-29', '0000-01-01'),
  fc.constantFrom({ approved: true }, { approved: false, on: '2024-10-01' }, { on: '2024-10-01' }),
  fc.constantFrom('0001-01-01', '9999-12-31', '2023-01-01', '2025-12-31', '2026-06-30', 'O-0001'),
  fc.constantFrom('SCJ', '市场监管局', '529900-SCJ', '520100-XYZ', '52010-X', '未登记'),
  fc.constantFrom('市场', 'a"b', 'a\\b', 'x\u0001', '\u2028', 'tab\there', 'nul\u0000', 'cr\rlf\n'),
  fc.constant({}),
  fc.constant([]),
  fc.constant([{ id: 'O-1', certificate: '1', validUntil: '2030-01-01' }]),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A copy of `v` with the member at `path` set (or deleted); unchanged where the path is absent. */
export function mutate(v: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) {
    const next = node[k];
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}

/** A character inserted anywhere in a line ('' leaves it whole). */
export const damageChars = fc.constantFrom(
  ' ',
  '\t',
  '\r',
  '{',
  '}',
  '"',
  ',',
  ':',
  '[',
  ']',
  '\\',
  'x',
  '0',
  'n',
  '\u0000',
  '€',
  '',
);
