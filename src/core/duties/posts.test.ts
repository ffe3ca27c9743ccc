import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_NAMES } from '../detect/rule.js';
import { CATALOGUE } from '../rulebook/catalogue.js';
import { DUTY_STAGES, type DutyStage } from './columns.js';
import { dutyItem } from './fixtures.js';
import {
  answerablePosts,
  CATALOGUE_STAGES,
  dutiesOfStages,
  faultStage,
  type Holding,
  heldOn,
  holdingsOverlap,
  matterItem,
  normaliseStages,
  officerDuties,
  type Post,
  proposeAttribution,
  RULE_STAGES,
  stageRole,
} from './posts.js';

const post = (id: string, stages: DutyStage[], codes: string[] = []): Post => ({
  id,
  agencyId: '529900-ZHJ',
  name: id,
  stages,
  codes,
});

describe('the stage where a fault arises', () => {
  it('states a stage or none for every catalogue item, and names no item that is not one', () => {
    const codes = CATALOGUE.map((i) => i.code).sort();
    expect(Object.keys(CATALOGUE_STAGES).sort()).toEqual(codes);
    for (const s of Object.values(CATALOGUE_STAGES)) if (s !== null) expect(DUTY_STAGES).toContain(s);
  });

  it('names only rules that exist, each with a stage', () => {
    for (const [rule, stage] of Object.entries(RULE_STAGES)) {
      expect(RULE_NAMES as readonly string[]).toContain(rule);
      expect(DUTY_STAGES).toContain(stage);
    }
  });

  it('takes the rule before the catalogue item, and says which', () => {
    // penalty.12 (其他违反法律规定的) has no stage of its own; the rule that found it does.
    expect(faultStage('penalty.12')).toBeNull();
    expect(faultStage('penalty.12', 'penalty-overdue')).toEqual({ stage: 'decision', source: 'rule' });
    expect(faultStage('penalty.12', 'fewer-than-two-officers')).toEqual({
      stage: 'investigation',
      source: 'rule',
    });
    expect(faultStage('penalty.09')).toEqual({ stage: 'notification', source: 'catalogue' });
    expect(faultStage('licensing.07', 'no-such-rule')).toEqual({ stage: 'decision', source: 'catalogue' });
    expect(faultStage('penalty.99')).toBeNull();
  });

  it('gives the holder of a review post the reviewer’s role, of a decision post the approver’s (Art. 15)', () => {
    expect(stageRole('review')).toBe('reviewer');
    expect(stageRole('decision')).toBe('approver');
    for (const s of ['filing', 'investigation', 'notification', 'service', 'execution'] as const)
      expect(stageRole(s)).toBe('handler');
  });
});

describe('holding a post', () => {
  it('covers its first and last day and none outside', () => {
    const h = { from: '2025-01-01', to: '2025-06-30' };
    expect(heldOn(h, '2024-12-31')).toBe(false);
    expect(heldOn(h, '2025-01-01')).toBe(true);
    expect(heldOn(h, '2025-06-30')).toBe(true);
    expect(heldOn(h, '2025-07-01')).toBe(false);
    expect(heldOn({ from: '2025-01-01', to: null }, '2099-01-01')).toBe(true);
  });

  const day = fc
    .integer({ min: 0, max: 400 })
    .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
  const span = fc
    .tuple(day, fc.option(day, { nil: null }))
    .map(([a, b]) => (b !== null && b < a ? { from: b, to: a } : { from: a, to: b }));

  it('two holdings overlap exactly when some day is held by both', () => {
    fc.assert(
      fc.property(span, span, fc.array(day, { maxLength: 30 }), (a, b, days) => {
        const both = [a.from, b.from, a.to, b.to, ...days].filter((d): d is string => d !== null);
        if (both.some((d) => heldOn(a, d) && heldOn(b, d))) expect(holdingsOverlap(a, b)).toBe(true);
        // Overlapping spans share the later of the two first days.
        if (holdingsOverlap(a, b)) {
          const later = [a.from, b.from].sort()[1];
          expect(heldOn(a, later) && heldOn(b, later)).toBe(true);
        }
      }),
    );
  });

  it('orders stages as the lists do, each once', () => {
    expect(normaliseStages(['service', 'filing', 'service'])).toEqual(['filing', 'service']);
  });
});

describe('the posts answerable for a stage of a matter', () => {
  const general = post('general', ['decision']);
  const special = post('special', ['decision'], ['CF-0014']);
  const other = post('other', ['decision'], ['XK-0001']);
  const review = post('review', ['review']);

  it('a post for the matter’s code comes before the general ones; a post for other codes never answers', () => {
    expect(answerablePosts([general, special, other, review], 'decision', 'CF-0014')).toEqual([special]);
    expect(answerablePosts([general, other, review], 'decision', 'CF-0014')).toEqual([general]);
    expect(answerablePosts([other], 'decision', 'CF-0014')).toEqual([]);
  });

  it('without a known matter: the general posts, else any post of the stage', () => {
    expect(answerablePosts([general, special], 'decision', null)).toEqual([general]);
    expect(answerablePosts([special, other], 'decision', null)).toEqual([special, other]);
    expect(answerablePosts([general, special], 'service', null)).toEqual([]);
  });
});

describe('the duty item of an act’s matter', () => {
  const lead = dutyItem();
  const assist = dutyItem({ role: 'assist', code: 'CF-0099' });
  it('is found by code or by name, the 主办 item first', () => {
    expect(matterItem([lead], 'CF-0014')).toBe(lead);
    expect(matterItem([assist, lead], '违法建设查处')).toBe(lead);
    expect(matterItem([assist], '违法建设查处')).toBe(assist);
    expect(matterItem([lead], '占道经营查处')).toBeNull();
    expect(matterItem([lead], null)).toBeNull();
  });

  it('gives the 责任事项 of the stages asked', () => {
    expect(dutiesOfStages(lead, ['service'])).toEqual(['送达责任：依法送达处罚决定书']);
    expect(dutiesOfStages(lead, ['review'])).toEqual([]);
  });
});

describe('proposing who answers for a fault', () => {
  const posts = [
    post('P-file', ['filing']),
    post('P-decide', ['decision']),
    post('P-serve', ['notification', 'service']),
    post('P-wfjs', ['service'], ['CF-0014']),
  ];
  const holdings: Holding[] = [
    { postId: 'P-decide', officerId: 'O-1', from: '2021-01-01', to: '2024-12-31' },
    { postId: 'P-decide', officerId: 'O-2', from: '2025-01-01', to: null },
    { postId: 'P-serve', officerId: 'O-3', from: '2021-01-01', to: null },
    { postId: 'P-wfjs', officerId: 'O-4', from: '2021-01-01', to: null },
  ];

  it('proposes who held the stage’s post on the act’s day, in the stage’s role', () => {
    const before = proposeAttribution({
      faults: [{ code: 'penalty.04' }],
      on: '2024-12-31',
      posts,
      holdings,
      item: null,
    });
    expect(before.people).toEqual([
      { officerId: 'O-1', role: 'approver', faults: ['penalty.04'], postIds: ['P-decide'] },
    ]);
    const after = proposeAttribution({
      faults: [{ code: 'penalty.04' }],
      on: '2025-01-01',
      posts,
      holdings,
      item: null,
    });
    expect(after.people.map((p) => p.officerId)).toEqual(['O-2']);
    expect(after.faults[0]).toMatchObject({
      stage: 'decision',
      source: 'catalogue',
      role: 'approver',
      gap: null,
    });
  });

  it('a 送达 fault of a matter with its own post goes to that post, with the matter’s 责任事项', () => {
    const a = proposeAttribution({
      faults: [{ code: 'penalty.12', stage: 'service' }],
      on: '2025-03-01',
      posts,
      holdings,
      item: dutyItem(),
    });
    expect(a.faults[0]).toMatchObject({
      stage: 'service',
      source: 'given',
      role: 'handler',
      duties: ['送达责任：依法送达处罚决定书'],
      posts: [{ postId: 'P-wfjs', officerIds: ['O-4'] }],
    });
    // Another matter: the general 送达 post.
    const b = proposeAttribution({
      faults: [{ code: 'penalty.12', stage: 'service' }],
      on: '2025-03-01',
      posts,
      holdings,
      item: dutyItem({ code: 'CF-0001', name: '占道经营查处' }),
    });
    expect(b.people.map((p) => p.officerId)).toEqual(['O-3']);
  });

  it('says why nobody is proposed: no stage, no post, nobody holding it', () => {
    const a = proposeAttribution({
      faults: [{ code: 'other.01' }, { code: 'penalty.08' }, { code: 'penalty.09' }],
      on: '2020-06-01',
      posts,
      holdings,
      item: null,
    });
    expect(a.faults.map((f) => f.gap)).toEqual(['no_stage', 'no_holder', 'no_holder']);
    const none = proposeAttribution({
      faults: [{ code: 'penalty.01' }],
      on: '2025-01-01',
      posts: [],
      holdings,
      item: null,
    });
    expect(none.faults[0].gap).toBe('no_post');
    expect(none.people).toEqual([]);
  });

  it('names each officer once, with every fault that makes them answerable', () => {
    const a = proposeAttribution({
      faults: [{ code: 'penalty.09' }, { code: 'penalty.10' }, { code: 'penalty.09' }],
      on: '2025-01-01',
      posts,
      holdings,
      item: null,
    });
    expect(a.faults).toHaveLength(2);
    expect(a.people).toEqual([
      { officerId: 'O-3', role: 'handler', faults: ['penalty.09', 'penalty.10'], postIds: ['P-serve'] },
    ]);
  });

  // Random agencies: posts with random stages and codes, holdings with random spans.
  const stageArb = fc.constantFrom(...DUTY_STAGES);
  const codeArb = fc.constantFrom('CF-0001', 'CF-0002', 'XK-0001');
  const dayArb = fc
    .integer({ min: 0, max: 60 })
    .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
  const world = fc
    .array(
      fc.record({
        stages: fc.uniqueArray(stageArb, { minLength: 1, maxLength: 3 }),
        codes: fc.uniqueArray(codeArb, { maxLength: 2 }),
      }),
      { minLength: 0, maxLength: 6 },
    )
    .chain((ps) =>
      fc.record({
        posts: fc.constant(ps.map((p, i) => post(`P${i}`, p.stages, p.codes))),
        holdings: fc.array(
          fc.record({
            postId: fc.integer({ min: 0, max: Math.max(0, ps.length - 1) }).map((i) => `P${i}`),
            officerId: fc.integer({ min: 1, max: 8 }).map((i) => `O-${i}`),
            from: dayArb,
            to: fc.option(dayArb, { nil: null }),
          }),
          { maxLength: 12 },
        ),
        on: dayArb,
        code: fc.option(codeArb, { nil: null }),
        faults: fc.array(fc.constantFrom(...CATALOGUE.map((i) => i.code)), { minLength: 1, maxLength: 4 }),
      }),
    );

  it('proposes exactly the holders on the day of the posts answerable for each fault’s stage', () => {
    fc.assert(
      fc.property(world, (w) => {
        const item = w.code ? dutyItem({ code: w.code }) : null;
        const a = proposeAttribution({
          faults: w.faults.map((code) => ({ code })),
          on: w.on,
          posts: w.posts,
          holdings: w.holdings,
          item,
        });
        const expected = new Set<string>();
        for (const code of new Set(w.faults)) {
          const stage = CATALOGUE_STAGES[code];
          if (!stage) continue;
          const answerable = new Set(answerablePosts(w.posts, stage, w.code).map((p) => p.id));
          for (const h of w.holdings) {
            if (answerable.has(h.postId) && heldOn(h, w.on)) expected.add(h.officerId);
          }
        }
        expect(new Set(a.people.map((p) => p.officerId))).toEqual(expected);
        // Sound: every proposed officer held, on the day, a post of the stage covering the matter.
        for (const p of a.people) {
          for (const postId of p.postIds) {
            const held = w.holdings.some(
              (h) => h.postId === postId && h.officerId === p.officerId && heldOn(h, w.on),
            );
            expect(held).toBe(true);
            const theirs = w.posts.find((x) => x.id === postId)!;
            if (w.code !== null)
              expect(theirs.codes.length === 0 || theirs.codes.includes(w.code)).toBe(true);
          }
        }
        expect(new Set(a.people.map((p) => p.officerId)).size).toBe(a.people.length);
      }),
    );
  });
});

describe('an officer’s duties', () => {
  it('are the items the post covers, with the 责任事项 of its stages', () => {
    const items = [
      dutyItem(),
      dutyItem({
        code: 'XK-0001',
        name: '户外广告设置许可',
        duties: ['受理责任：依法受理', '决定责任：依法决定'],
      }),
    ];
    const [serve, allFiling] = officerDuties(
      [post('P-serve', ['service'], ['CF-0014']), post('P-file', ['filing'])],
      items,
    );
    expect(serve.items.map((x) => [x.item.code, x.duties])).toEqual([
      ['CF-0014', ['送达责任：依法送达处罚决定书']],
    ]);
    // 受理 is the filing stage of a licence.
    expect(allFiling.items.map((x) => [x.item.code, x.duties])).toEqual([
      ['CF-0014', ['立案责任：审查线索，决定是否立案']],
      ['XK-0001', ['受理责任：依法受理']],
    ]);
    expect(officerDuties([post('P-review', ['review'])], items)[0].items).toEqual([]);
  });
});
