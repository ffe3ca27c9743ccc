import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../types/case';
import { fieldFor, namePathOf, problemText } from './fieldErrors';

const c = {
  persons: [
    { officerId: 'O-0001', name: '戴峰', liable: true },
    { officerId: 'O-0002', name: '李明', liable: true },
  ],
} as unknown as CaseDetail;

describe('server field errors on an action form', () => {
  it('reads a path as a form name', () => {
    expect(namePathOf('reasons')).toEqual(['reasons']);
    expect(namePathOf('sanctions[0].reason')).toEqual(['sanctions', 0, 'reason']);
    expect(namePathOf('collective.votesFor')).toEqual(['collective', 'votesFor']);
    expect(namePathOf('userIds[1]')).toEqual(['userIds', 1]);
  });

  it('lands on the field named, else the nearest registered field above it', () => {
    const fields = [
      ['opinion'],
      ['collectiveHeld'],
      ['collective', 'attendees'],
      ['collective', 'votesFor'],
      ['sanctions', 1, 'form'],
      ['sanctions', 1, 'reason'],
      ['userIds'],
    ];
    expect(fieldFor('collective.votesFor', fields)).toEqual(['collective', 'votesFor']);
    expect(fieldFor('collective.attendees[2]', fields)).toEqual(['collective', 'attendees']);
    expect(fieldFor('sanctions[1].reason', fields)).toEqual(['sanctions', 1, 'reason']);
    expect(fieldFor('userIds[0]', fields)).toEqual(['userIds']);
    // Not on the form: listed in the modal instead.
    expect(fieldFor('collective', fields)).toBeUndefined();
    expect(fieldFor('sanctions', fields)).toBeUndefined();
    expect(fieldFor('sanctions[0].reason', fields)).toBeUndefined();
    expect(fieldFor('persons[0]', fields)).toBeUndefined();
  });

  it('names the person a listed problem concerns, never the raw path', () => {
    expect(problemText({ path: 'persons[1]', message: '尚未听取陈述申辩' }, c)).toBe(
      '李明（O-0002）：尚未听取陈述申辩',
    );
    const sent = { sanctions: [{ personId: 'O-0002', form: 'off_post_training' }] };
    expect(problemText({ path: 'sanctions[0].reason', message: '须写明理由' }, c, sent)).toBe(
      '李明（O-0002）：须写明理由',
    );
    expect(problemText({ path: 'sanctions', message: '须为 O-0001 选定追究形式' }, c, sent)).toBe(
      '须为 O-0001 选定追究形式',
    );
  });
});
