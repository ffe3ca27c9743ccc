import { describe, expect, it } from 'vitest';
import { defaultOrgan, organFits } from './organs.js';

const organs = [
  { id: 'P-JW', kind: 'discipline_commission' as const, regionCode: '520000' },
  { id: 'A-JW', kind: 'discipline_commission' as const, regionCode: '529900' },
  { id: 'A-GOV', kind: 'appointing_authority' as const, regionCode: '529900' },
  { id: 'A-JCY', kind: 'procuratorate' as const, regionCode: '529900' },
  { id: 'J-GA', kind: 'public_security' as const, regionCode: '529921' },
];

describe('referral organs', () => {
  it('defaults to the usual organ of the case region, else the nearest region above', () => {
    expect(defaultOrgan(organs, 'discipline', '529900')?.id).toBe('A-JW');
    expect(defaultOrgan(organs, 'judicial', '529900')?.id).toBe('A-JCY');
    // 甲县 has only its public security bureau: a crime goes there, discipline to the city.
    expect(defaultOrgan(organs, 'judicial', '529921')?.id).toBe('J-GA');
    expect(defaultOrgan(organs, 'discipline', '529921')?.id).toBe('A-JW');
    expect(defaultOrgan(organs, 'judicial', '521000')).toBeNull();
    expect(defaultOrgan(organs, 'discipline', '521000')?.id).toBe('P-JW');
  });

  it('an organ takes only its kinds of referral, within its region', () => {
    expect(organFits(organs[1]!, 'discipline', '529921')).toBeNull();
    expect(organFits(organs[2]!, 'discipline', '529900')).toBeNull();
    expect(organFits(organs[3]!, 'discipline', '529900')).toMatch(/不受理涉嫌违纪/);
    expect(organFits(organs[4]!, 'judicial', '529900')).toMatch(/不管辖/);
    expect(organFits(organs[0]!, 'discipline', '529921')).toBeNull();
  });
});
