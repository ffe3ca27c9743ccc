import { describe, expect, it } from 'vitest';
import { overturned } from './overturned.js';
import { act, check } from './testing.js';

describe('overturned (贵州省行政执法过错责任追究办法第二十五条, agency liability)', () => {
  it('changed, revoked or confirmed illegal in review is a finding against the agency', () => {
    expect(check(overturned, act('penalty', { review: 'revoked' }))).toEqual({
      act: 'A-2024-0000001',
      rule: 'overturned',
      fault: null,
      basis: '贵州省行政执法过错责任追究办法第二十五条',
      detail: '执法行为在行政复议或者行政诉讼中被撤销，由执法机关529900-SCJ承担责任',
    });
    expect(check(overturned, act('licensing', { review: 'changed' }))?.detail).toContain('被变更');
    expect(check(overturned, act('coercion', { review: 'confirmed_illegal' }))?.detail).toContain(
      '被确认违法',
    );
  });

  it('upheld or not reviewed is no finding', () => {
    expect(check(overturned, act('penalty', { review: 'upheld' }))).toBeNull();
    expect(check(overturned, act('penalty', { review: null }))).toBeNull();
  });
});
