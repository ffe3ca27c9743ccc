// The rubric as pack data: the A市 standard as PRACTICE.md (d) gives it, and a bad rubric is refused
// naming the field.
import { describe, expect, it } from 'vitest';
import { CATALOGUE_CODES } from '../rulebook/catalogue.js';
import { A_CITY_REVIEW } from '../rulebook/packs/a-city-review.js';
import { selectPack } from '../rulebook/packs/registry.js';
import { type ReviewRubric, reviewRubricSchema, rubricItems } from './rubric.js';

const issues = (r: unknown) => {
  const result = reviewRubricSchema.safeParse(r);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the A市 rubric', () => {
  it('is valid: nine vetoes, 卷面 20 and 内容 80, each section the sum of its items', () => {
    expect(issues(A_CITY_REVIEW)).toEqual([]);
    expect(A_CITY_REVIEW.vetoes.map((v) => v.label)).toEqual([
      '执法主体合法',
      '执法人员具备执法资格',
      '应当移送司法机关的已经移送',
      '证据确实充分',
      '违法事实清楚',
      '定性准确',
      '适用法律依据正确',
      '执法程序合法',
      '执法人员不少于两人',
    ]);
    expect(A_CITY_REVIEW.sections.form.max).toBe(20);
    expect(A_CITY_REVIEW.sections.content.max).toBe(80);
    const form = Object.fromEntries(A_CITY_REVIEW.sections.form.items.map((i) => [i.key, [i.max, i.step]]));
    expect(form).toMatchObject({
      'form.templates': [2, 1],
      'form.filling': [4, 1],
      'form.one_file': [2, 2],
      'form.cover': [1, 1],
      'form.index_pages': [2, 1],
      'form.order': [1, 1],
      'form.numbering': [2, 1],
    });
    const groups = new Set(A_CITY_REVIEW.sections.content.items.map((i) => i.group));
    expect([...groups]).toEqual(['证据', '程序', '文书', '法律适用', '裁量']);
  });

  it('every fault it names is in the catalogue and of the act kind it is listed under', () => {
    const maps = [...A_CITY_REVIEW.vetoes, ...rubricItems(A_CITY_REVIEW)].flatMap((i) =>
      Object.entries(i.faults),
    );
    expect(maps.length).toBeGreaterThan(10);
    for (const [kind, code] of maps) {
      expect(CATALOGUE_CODES.has(code!)).toBe(true);
      expect(code!.startsWith(`${kind}.`)).toBe(true);
    }
  });

  it('is in the A市 pack from 2026; the province has none', () => {
    expect(selectPack('guizhou-a-city', '2026-01-01').params.review).toEqual(A_CITY_REVIEW);
    expect(selectPack('guizhou', '2026-01-01').params.review).toBeNull();
    expect(selectPack('guizhou-a-city', '2025-12-31').params.review).toBeNull();
  });
});

describe('reviewRubricSchema', () => {
  const edit = (f: (r: ReviewRubric) => void) => {
    const r = structuredClone(A_CITY_REVIEW);
    f(r);
    return issues(r);
  };

  it('refuses sections that do not add up, naming the field', () => {
    expect(
      edit((r) => {
        r.sections.form.items[0]!.max = 3;
      }),
    ).toEqual(['sections.form.items: 各项分值之和应等于本部分总分 20（现为 21）']);
    expect(
      edit((r) => {
        r.sections.form.max = 25;
        r.sections.form.items[0]!.max = 7;
      }),
    ).toEqual(['sections: 卷面与内容分值之和应为 100（现为 105）']);
  });

  it('refuses bad bands, a step above the maximum, a repeated key and a fault of another kind', () => {
    expect(
      edit((r) => {
        r.bands = { excellent: 60, pass: 90 };
      }),
    ).toEqual(['bands: 优秀分数线应高于合格分数线，合格分数线应大于 0']);
    expect(
      edit((r) => {
        r.sections.form.items[1]!.step = 5;
      }),
    ).toEqual(['sections.form.items.1.step: 每处扣分不能大于该项分值']);
    expect(
      edit((r) => {
        r.vetoes[1]!.key = r.vetoes[0]!.key;
      }),
    ).toEqual(['vetoes.1.key: 编码 subject_lawful 重复']);
    expect(
      edit((r) => {
        r.vetoes[2]!.faults = { licensing: 'penalty.07' };
      })[0],
    ).toMatch(/^vetoes\.2\.faults\.licensing: 过错行为代码应属于/);
    expect(
      edit((r) => {
        r.vetoes[2]!.faults = { penalty: 'penalty.99' };
      })[0],
    ).toMatch(/^vetoes\.2\.faults\.penalty: 未知的过错行为代码/);
    expect(
      edit((r) => {
        r.sections.content.items[0]!.step = 0.3;
      })[0],
    ).toMatch(/step: 分值应为 0\.5 的整数倍/);
  });
});
