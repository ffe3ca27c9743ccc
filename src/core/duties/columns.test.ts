// The columns of a duty list are the issue's, in its order, each with a meaning and an example;
// every vocabulary has a Chinese label for each key; the CSV template is the header and the example.
import { describe, expect, it } from 'vitest';
import {
  COMPLETENESS_COLUMNS,
  csvLine,
  DUTY_COLUMN_NAMES,
  DUTY_COLUMNS,
  DUTY_ROLE_LABELS,
  DUTY_ROLES,
  DUTY_STAGE_LABELS,
  DUTY_STAGES,
  dutiesTemplateCsv,
  dutyColumnsHelp,
  POWER_TYPE_LABELS,
  POWER_TYPES,
} from './columns.js';

describe('duty list columns', () => {
  it('are the issue’s, in its order', () => {
    expect(DUTY_COLUMN_NAMES).toEqual([
      '职权编码',
      '职权名称',
      '职权类型',
      '实施主体',
      '承办机构',
      '主办或协办',
      '设定依据',
      '责任事项',
      '追责情形',
      '法定办结时限',
      '生效日期',
      '失效日期',
    ]);
    for (const c of DUTY_COLUMNS) expect(c.meaning.length).toBeGreaterThan(0);
    expect(DUTY_COLUMNS.filter((c) => c.example === '').map((c) => c.name)).toEqual(['失效日期']);
    for (const c of COMPLETENESS_COLUMNS) expect(DUTY_COLUMN_NAMES).toContain(c);
  });

  it('have a Chinese label for every key of every vocabulary, none twice', () => {
    expect(Object.values(POWER_TYPE_LABELS)).toEqual([
      '行政许可',
      '行政处罚',
      '行政强制',
      '行政征收',
      '行政给付',
      '行政检查',
      '行政确认',
      '行政奖励',
      '行政裁决',
      '其他',
    ]);
    expect(Object.keys(POWER_TYPE_LABELS)).toEqual([...POWER_TYPES]);
    expect(DUTY_ROLES.map((r) => DUTY_ROLE_LABELS[r])).toEqual(['主办', '协办']);
    expect(DUTY_STAGES.map((s) => DUTY_STAGE_LABELS[s])).toEqual([
      '立案',
      '调查取证',
      '审核',
      '决定',
      '告知',
      '送达',
      '执行',
    ]);
  });

  it('--help lists them in order; the CSV template is the header row and the example row', () => {
    const help = dutyColumnsHelp().split('\n');
    expect(help).toHaveLength(12);
    for (const [i, line] of help.entries()) expect(line).toContain(`${i + 1}. ${DUTY_COLUMN_NAMES[i]}`);
    const [header, example, end] = dutiesTemplateCsv().split('\r\n');
    expect(header).toBe(DUTY_COLUMN_NAMES.join(','));
    expect(example.startsWith('CF-0014,违法建设查处,行政处罚,529900-ZHJ,')).toBe(true);
    expect(end).toBe('');
    expect(csvLine(['a,b', 'c"d', 'e'])).toBe('"a,b","c""d",e');
  });
});
