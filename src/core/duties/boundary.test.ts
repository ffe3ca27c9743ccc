import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation.js';
import {
  applyResolutions,
  BOUNDARY_CSV_HEADERS,
  boundaryDecision,
  boundaryListCsv,
  type DutyResolution,
  ESTABLISHMENT_OFFICE,
  RESOLUTION_TEXT_MAX,
  referralDecision,
  resolutionsInForce,
} from './boundary.js';

const ZHJ = '529900-ZHJ';
const ZJJ = '529900-ZJJ';
const GTJ = '529900-GTJ';

const overlap = (agencies = [ZHJ, ZJJ], code = 'CF-0014', region: string | null = '529900') => ({
  code,
  name: '违法建设查处',
  region,
  agencies,
});

function boundary(over: Partial<DutyResolution> = {}): DutyResolution {
  return {
    id: 1,
    region: '529900',
    code: 'CF-0014',
    kind: 'boundary',
    parties: [ZHJ, ZJJ],
    lead: ZHJ,
    assisting: [ZJJ],
    ground: '《A市违法建设治理办法》第五条',
    referral: null,
    validFrom: '2026-03-01',
    ...over,
  };
}

function referral(over: Partial<DutyResolution> = {}): DutyResolution {
  return boundary({
    kind: 'referral',
    lead: null,
    assisting: [],
    ground: null,
    referral: {
      number: 'A编办函〔2026〕3号',
      referredTo: ESTABLISHMENT_OFFICE,
      referredOn: '2026-02-01',
      note: null,
    },
    validFrom: '2026-02-01',
    ...over,
  });
}

/** The error's field paths, or [] when it does not throw. */
function fieldsOf(f: () => unknown): string[] {
  try {
    f();
    return [];
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return e.fields.map((x) => x.path);
  }
}

describe('resolutionsInForce', () => {
  it('takes the latest decision that has started, per region and code', () => {
    const rs = [referral({ id: 1 }), boundary({ id: 2, validFrom: '2026-03-01' })];
    expect(resolutionsInForce(rs, '2026-01-31').size).toBe(0);
    expect(resolutionsInForce(rs, '2026-02-01').get('529900/CF-0014')?.id).toBe(1);
    expect(resolutionsInForce(rs, '2026-02-28').get('529900/CF-0014')?.id).toBe(1);
    expect(resolutionsInForce(rs, '2026-03-01').get('529900/CF-0014')?.id).toBe(2);
  });

  it('a later decision overrides an earlier one even when it starts earlier', () => {
    const rs = [
      boundary({ id: 1, validFrom: '2027-01-01' }),
      boundary({ id: 2, validFrom: '2026-12-01', lead: ZJJ }),
    ];
    expect(resolutionsInForce(rs, '2027-02-01').get('529900/CF-0014')?.lead).toBe(ZJJ);
  });

  it('keeps regions and codes apart', () => {
    const rs = [
      boundary({ id: 1 }),
      boundary({ id: 2, region: '529921' }),
      boundary({ id: 3, code: 'CF-0015' }),
    ];
    expect([...resolutionsInForce(rs, '2026-06-01').keys()].sort()).toEqual([
      '529900/CF-0014',
      '529900/CF-0015',
      '529921/CF-0014',
    ]);
  });

  it('property: the one in force is the highest id among those started', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), code: fc.constantFrom('A', 'B') }), {
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 28 }),
        (decisions, onDay) => {
          const day = (d: number) => `2026-02-${String(d).padStart(2, '0')}`;
          const rs = decisions.map((d, i) => boundary({ id: i + 1, code: d.code, validFrom: day(d.day) }));
          const inForce = resolutionsInForce(rs, day(onDay));
          for (const code of ['A', 'B']) {
            const started = rs.filter((r) => r.code === code && r.validFrom <= day(onDay));
            const expected = started.length === 0 ? undefined : Math.max(...started.map((r) => r.id));
            expect(inForce.get(`529900/${code}`)?.id).toBe(expected);
          }
        },
      ),
    );
  });
});

describe('applyResolutions', () => {
  it('an overlap without a decision is open', () => {
    const { open, settled } = applyResolutions([overlap()], [], '2026-06-01');
    expect(settled).toEqual([]);
    expect(open).toEqual([{ ...overlap(), status: 'open', resolution: null, uncovered: [] }]);
  });

  it('a boundary naming every leading agency settles it: it leaves the worklist', () => {
    const b = boundary();
    const { open, settled } = applyResolutions([overlap()], [b], '2026-03-01');
    expect(open).toEqual([]);
    expect(settled).toEqual([{ ...overlap(), resolution: b }]);
  });

  it('before the boundary takes effect the previous split stands: still open', () => {
    const { open } = applyResolutions([overlap()], [boundary()], '2026-02-28');
    expect(open.map((o) => o.status)).toEqual(['open']);
  });

  it('a referred overlap stays on the worklist, marked, until a boundary is recorded', () => {
    const r = referral();
    expect(applyResolutions([overlap()], [r], '2026-02-01').open).toEqual([
      { ...overlap(), status: 'referred', resolution: r, uncovered: [] },
    ]);
    const later = applyResolutions([overlap()], [r, boundary({ id: 2 })], '2026-03-01');
    expect(later.open).toEqual([]);
    expect(later.settled).toHaveLength(1);
  });

  it('a boundary that does not name a new leading agency leaves the overlap open again', () => {
    const { open, settled } = applyResolutions([overlap([GTJ, ZHJ, ZJJ])], [boundary()], '2026-06-01');
    expect(settled).toEqual([]);
    expect(open[0]).toMatchObject({ status: 'reopened', uncovered: [GTJ] });
  });

  it('takes agencies as ids or as { id, name }, and a decision of another region does not apply', () => {
    const named = {
      ...overlap(),
      agencies: [
        { id: ZHJ, name: '综合执法局' },
        { id: ZJJ, name: '住建局' },
      ],
    };
    expect(applyResolutions([named], [boundary()], '2026-06-01').settled).toHaveLength(1);
    expect(applyResolutions([overlap()], [boundary({ region: '529921' })], '2026-06-01').open).toHaveLength(
      1,
    );
  });

  it('property: every overlap is either open or settled, once, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('A', 'B', 'C', 'D'), { maxLength: 8 }),
        fc.array(fc.record({ code: fc.constantFrom('A', 'B', 'C'), referral: fc.boolean() }), {
          maxLength: 6,
        }),
        (codes, decisions) => {
          const overlaps = [...new Set(codes)].map((c) => overlap([ZHJ, ZJJ], c));
          const rs = decisions.map((d, i) =>
            d.referral ? referral({ id: i + 1, code: d.code }) : boundary({ id: i + 1, code: d.code }),
          );
          const { open, settled } = applyResolutions(overlaps, rs, '2026-06-01');
          expect(open.length + settled.length).toBe(overlaps.length);
          const seen = [...open, ...settled].map((o) => o.code).sort();
          expect(seen).toEqual(overlaps.map((o) => o.code).sort());
          for (const s of settled) expect(s.resolution.kind).toBe('boundary');
        },
      ),
    );
  });
});

describe('boundaryDecision', () => {
  const today = '2026-05-01';
  const leading = [ZHJ, ZJJ];

  it('the lead is one of the leading agencies and the others become 协办', () => {
    expect(
      boundaryDecision({ lead: ZJJ, ground: '  市政府常务会议纪要〔2026〕5号 ' }, leading, today),
    ).toEqual({
      lead: ZJJ,
      assisting: [ZHJ],
      ground: '市政府常务会议纪要〔2026〕5号',
      validFrom: today,
    });
  });

  it('names the field of each problem', () => {
    expect(fieldsOf(() => boundaryDecision({ lead: GTJ, ground: 'x' }, leading, today))).toEqual(['lead']);
    expect(fieldsOf(() => boundaryDecision({ lead: '', ground: ' ' }, leading, today))).toEqual([
      'lead',
      'ground',
    ]);
    expect(fieldsOf(() => boundaryDecision({ lead: ZHJ, ground: 'a\u0000' }, leading, today))).toEqual([
      'ground',
    ]);
  });

  it('the ground: up to the limit, not one character more', () => {
    const at = '依'.repeat(RESOLUTION_TEXT_MAX);
    expect(fieldsOf(() => boundaryDecision({ lead: ZHJ, ground: at }, leading, today))).toEqual([]);
    expect(fieldsOf(() => boundaryDecision({ lead: ZHJ, ground: `${at}据` }, leading, today))).toEqual([
      'ground',
    ]);
  });

  it('takes effect today or later, never earlier', () => {
    const at = (validFrom: string) => () =>
      boundaryDecision({ lead: ZHJ, ground: 'g', validFrom }, leading, today);
    expect(fieldsOf(at('2026-05-01'))).toEqual([]);
    expect(fieldsOf(at('2026-07-01'))).toEqual([]);
    expect(fieldsOf(at('2026-04-30'))).toEqual(['validFrom']);
    expect(fieldsOf(at('2026-02-30'))).toEqual(['validFrom']);
  });
});

describe('referralDecision', () => {
  const today = '2026-05-01';

  it('keeps the number and date, the establishment office by default', () => {
    expect(referralDecision({ number: ' A编办函〔2026〕3号', referredOn: today }, today)).toEqual({
      number: 'A编办函〔2026〕3号',
      referredOn: today,
      referredTo: ESTABLISHMENT_OFFICE,
      note: null,
    });
    expect(
      referralDecision(
        { number: 'n', referredOn: today, referredTo: 'A市委编办', note: ' 双方各执一词 ' },
        today,
      ),
    ).toMatchObject({ referredTo: 'A市委编办', note: '双方各执一词' });
  });

  it('the number is required; the date is a real day not after today', () => {
    expect(fieldsOf(() => referralDecision({ number: '', referredOn: '2026-05-02' }, today))).toEqual([
      'number',
      'referredOn',
    ]);
    expect(fieldsOf(() => referralDecision({ number: 'n', referredOn: '2026-13-01' }, today))).toEqual([
      'referredOn',
    ]);
    expect(fieldsOf(() => referralDecision({ number: 'n', referredOn: '2026-04-30' }, today))).toEqual([]);
  });
});

describe('boundaryListCsv', () => {
  it('a header row, one line per entry, quoting and no formula', () => {
    const csv = boundaryListCsv([
      {
        regionName: 'A市',
        code: 'CF-0014',
        name: '违法建设查处',
        leadName: 'A市综合行政执法局',
        assistingNames: ['A市住房和城乡建设局', 'A市自然资源局'],
        ground: '=HYPERLINK("x"),第五条',
        validFrom: '2026-03-01',
        decidedByName: 'sfj',
        decidedAt: '2026-02-20T02:00:00.000Z',
      },
    ]);
    const lines = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe(BOUNDARY_CSV_HEADERS.join(','));
    expect(lines[1]).toBe(
      'A市,CF-0014,违法建设查处,A市综合行政执法局,A市住房和城乡建设局；A市自然资源局,"\'=HYPERLINK(""x""),第五条",2026-03-01,sfj,2026-02-20T02:00:00.000Z',
    );
    expect(lines[2]).toBe('');
  });
});
