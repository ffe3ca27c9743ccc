// The duty list (权责清单, issue 13): its columns in the order of the .xlsx/.csv header row, and the
// vocabularies its cells take — the power types, the roles (主办/协办) and the stages of the
// responsibility items (责任事项). One source for the reader, `wenze duties --help`, the template and
// the console. No zod, no Node.
//
// Sources: 中共中央办公厅、国务院办公厅《关于推行地方各级政府工作部门权力清单制度的指导意见》
// (中办发〔2015〕21号): a power list (权力清单) with its responsibility list (责任清单), each power
// with its basis, its implementing body, its responsibility items and the accountability for them;
// the columns and the stages as local lists publish them (../shared/design/PRACTICE.md (c)).

/** The power types (职权类型) of a list, in the order lists publish them. */
export const POWER_TYPES = [
  'licensing',
  'penalty',
  'coercion',
  'levy',
  'benefit',
  'inspection',
  'confirmation',
  'reward',
  'adjudication',
  'other',
] as const;
export type PowerType = (typeof POWER_TYPES)[number];
export const POWER_TYPE_LABELS: Readonly<Record<PowerType, string>> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  levy: '行政征收',
  benefit: '行政给付',
  inspection: '行政检查',
  confirmation: '行政确认',
  reward: '行政奖励',
  adjudication: '行政裁决',
  other: '其他',
};
/** Other spellings in use for a power type. */
export const POWER_TYPE_ALIASES: Readonly<Record<string, PowerType>> = {
  行政征用: 'levy',
  行政征收征用: 'levy',
  行政监督: 'inspection',
  行政监督检查: 'inspection',
  监督检查: 'inspection',
  其他行政权力: 'other',
  其他职权: 'other',
  其他权力: 'other',
};

/**
 * Who leads a matter: the lead agency (主办, also 牵头) or an assisting one (协办, also 配合).
 * "一件事情原则上由一个部门负责": several agencies name one lead and the others assist
 * (《中共中央关于深化党和国家机构改革的决定》, 2018; PRACTICE.md (c)).
 */
export const DUTY_ROLES = ['lead', 'assist'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];
export const DUTY_ROLE_LABELS: Readonly<Record<DutyRole, string>> = { lead: '主办', assist: '协办' };
export const DUTY_ROLE_ALIASES: Readonly<Record<string, DutyRole>> = {
  牵头: 'lead',
  牵头部门: 'lead',
  主办部门: 'lead',
  配合: 'assist',
  配合部门: 'assist',
  协办部门: 'assist',
};

/** The stages of a responsibility item (责任事项), each of which a post is answerable for. */
export const DUTY_STAGES = [
  'filing',
  'investigation',
  'review',
  'decision',
  'notification',
  'service',
  'execution',
] as const;
export type DutyStage = (typeof DUTY_STAGES)[number];
export const DUTY_STAGE_LABELS: Readonly<Record<DutyStage, string>> = {
  filing: '立案',
  investigation: '调查取证',
  review: '审核',
  decision: '决定',
  notification: '告知',
  service: '送达',
  execution: '执行',
};
/** Other names lists give a stage (a licence is 受理'd, not 立案'd; 审查/审理 for 审核). */
export const DUTY_STAGE_ALIASES: Readonly<Record<string, DutyStage>> = {
  受理: 'filing',
  调查: 'investigation',
  检查: 'investigation',
  取证: 'investigation',
  审查: 'review',
  审理: 'review',
  法制审核: 'review',
  处罚告知: 'notification',
  事先告知: 'notification',
};

/** One column of the list. `key` is the field of the parsed item (item.ts). */
export interface DutyColumn {
  readonly name: string;
  readonly key: string;
  readonly required: boolean;
  readonly meaning: string;
  readonly example: string;
}

/** The columns, in the order of the header row (issue 13). */
export const DUTY_COLUMNS = [
  {
    name: '职权编码',
    key: 'code',
    required: true,
    meaning: '职权基本编码，持有同一职权的各部门使用同一编码（字母、数字、“-”“.”“_”）',
    example: 'CF-0014',
  },
  { name: '职权名称', key: 'name', required: true, meaning: '职权事项名称', example: '违法建设查处' },
  {
    name: '职权类型',
    key: 'type',
    required: true,
    meaning: '行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他',
    example: '行政处罚',
  },
  {
    name: '实施主体',
    key: 'agency',
    required: true,
    meaning: '实施机关：机构编码（6 位行政区划代码-机构简码）或登记册中的机关全称',
    example: '529900-ZHJ',
  },
  {
    name: '承办机构',
    key: 'unit',
    required: false,
    meaning: '实施主体内部的承办科室或队所',
    example: '执法一大队',
  },
  { name: '主办或协办', key: 'role', required: true, meaning: '主办 或 协办', example: '主办' },
  {
    name: '设定依据',
    key: 'basis',
    required: false,
    meaning: '设定该职权的法律、法规、规章条款（缺失即为要素不全）',
    example: '《中华人民共和国城乡规划法》第六十四条',
  },
  {
    name: '责任事项',
    key: 'duties',
    required: false,
    meaning:
      '按环节分列的责任（立案、调查取证、审核、决定、告知、送达、执行），以“；”分隔（缺失即为要素不全）',
    example:
      '立案责任：对发现的违法建设线索审查，决定是否立案；调查取证责任：两名以上执法人员调查取证；送达责任：依法送达处罚决定书',
  },
  {
    name: '追责情形',
    key: 'accountability',
    required: false,
    meaning: '过错行为目录编号或情形描述，以“；”分隔（缺失即为要素不全）',
    example: 'penalty.03；penalty.12；不履行法定职责的',
  },
  {
    name: '法定办结时限',
    key: 'timeLimit',
    required: false,
    meaning: '法定办结期限，如“90日”“20个工作日”',
    example: '90日',
  },
  {
    name: '生效日期',
    key: 'effectiveFrom',
    required: true,
    meaning: '该项自此日起施行（YYYY-MM-DD）',
    example: '2024-01-01',
  },
  {
    name: '失效日期',
    key: 'effectiveUntil',
    required: false,
    meaning: '该项自此日起不再施行（YYYY-MM-DD，须晚于生效日期）；空为长期有效',
    example: '',
  },
] as const satisfies readonly DutyColumn[];

export type DutyColumnName = (typeof DUTY_COLUMNS)[number]['name'];
export type DutyColumnKey = (typeof DUTY_COLUMNS)[number]['key'];
export const DUTY_COLUMN_NAMES: readonly DutyColumnName[] = DUTY_COLUMNS.map((c) => c.name);

/** The Chinese column name of an item field. */
export const DUTY_COLUMN_OF: Readonly<Record<DutyColumnKey, DutyColumnName>> = Object.fromEntries(
  DUTY_COLUMNS.map((c) => [c.key, c.name]),
) as Record<DutyColumnKey, DutyColumnName>;

/** The columns whose absence makes an item incomplete (要素不全). */
export const COMPLETENESS_COLUMNS = ['设定依据', '责任事项', '追责情形'] as const;
export type CompletenessColumn = (typeof COMPLETENESS_COLUMNS)[number];

/** Separators of the multi-valued cells (责任事项, 追责情形): full-width "；" and ";". */
export const DUTY_SEPARATOR = /[;；]/;

/** The example row of the template, by column name. */
export const DUTY_EXAMPLE_ROW: Readonly<Record<DutyColumnName, string>> = Object.fromEntries(
  DUTY_COLUMNS.map((c) => [c.name, c.example]),
) as Record<DutyColumnName, string>;

/** The columns as `--help` lists them: one line each, in order, with meaning and example. */
export function dutyColumnsHelp(): string {
  return DUTY_COLUMNS.map(
    (c, i) =>
      `  ${String(i + 1).padStart(2)}. ${c.name}${c.required ? '（必填）' : ''}：${c.meaning}${c.example ? `；例：${c.example}` : ''}`,
  ).join('\n');
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (RFC 4180 quoting), without its line end. */
export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** The CSV template: the header row and one example row, CRLF line ends. */
export function dutiesTemplateCsv(): string {
  return `${csvLine(DUTY_COLUMN_NAMES)}\r\n${csvLine(DUTY_COLUMNS.map((c) => c.example))}\r\n`;
}
