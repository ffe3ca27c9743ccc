// The demo city's duty lists (issue 13): a list for every demo agency (src/demo/city.ts), several
// hundred items, deterministic for a seed. Every matter the act generator draws for an agency
// (`agency.matters`, classified by `matterInfo`) is on that agency's list as 主办, so the demo acts
// carry matters of the lists. The lists have what a real city's have:
//   - overlaps: 违法建设查处 led by both 市综合执法局 and 市住建局; 占道经营查处 (and 环境卫生管理) led by
//     甲县综合执法局 and the township team it entrusted (城关镇综合执法队);
//   - a gap: 餐厨废弃物收运监督检查 held only as 协办 by 市市场监管局 and 市生态环境局;
//   - a few incomplete items (no 设定依据, 责任事项 or 追责情形);
//   - versions: the lists of 2021 for all, and a newer import of 市住建局 and 市市场监管局 from
//     2025-01-01 superseding theirs (`supersede`).
// The 设定依据 name the statute of the field; only well-known articles are cited by number.
// Pure data; not loaded into the database here.
import { type DemoAgency, demoAgencies } from '../../demo/city.js';
import { matterInfo } from '../acts/generate-parts.js';
import { createRng, type Rng } from '../random.js';
import { supersede } from './check.js';
import type { DutyRole, PowerType } from './columns.js';
import type { DutyItem } from './item.js';

/** The letters of a power type in the demo's codes (XK-0001, CF-0012, …). */
const TYPE_LETTERS: Readonly<Record<PowerType, string>> = {
  licensing: 'XK',
  penalty: 'CF',
  coercion: 'QZ',
  levy: 'ZS',
  benefit: 'JF',
  inspection: 'JC',
  confirmation: 'QR',
  reward: 'JL',
  adjudication: 'CJ',
  other: 'QT',
};

interface Domain {
  /** The statutes of the field, for 设定依据. */
  laws: string[];
  /** Internal units (承办机构). */
  units: string[];
  /** Subjects for which the list has licensing, inspection and penalty powers. */
  subjects: string[];
  /** Subjects that need no licence. */
  unlicensed?: string[];
  /** Further powers by name and type. */
  extra?: [string, PowerType][];
}

/** The fields of the demo agencies, by the part of their code after the region. */
const DOMAINS: Record<string, Domain> = {
  SCJ: {
    laws: [
      '《中华人民共和国食品安全法》',
      '《中华人民共和国特种设备安全法》',
      '《中华人民共和国产品质量法》',
      '《中华人民共和国价格法》',
      '《中华人民共和国广告法》',
      '《无证无照经营查处办法》',
    ],
    units: ['登记注册科', '食品经营安全监督管理科', '特种设备安全监察科', '价格监督检查科', '执法稽查大队'],
    subjects: ['食品生产', '药品零售', '医疗器械经营', '特种设备使用', '计量器具制造', '工业产品生产'],
    unlicensed: ['化妆品经营', '广告发布', '网络交易', '商标使用', '产品质量'],
    extra: [
      ['涉嫌违法财物查封扣押', 'coercion'],
      ['个体工商户登记', 'confirmation'],
      ['消费者投诉举报奖励', 'reward'],
      ['商标侵权赔偿数额争议裁决', 'adjudication'],
    ],
  },
  ZHJ: {
    laws: ['《中华人民共和国城乡规划法》', '《城市市容和环境卫生管理条例》', '《城市绿化条例》'],
    units: ['执法一大队', '执法二大队', '市容环卫执法科', '法制科'],
    subjects: ['城市道路挖掘', '临时建筑设置', '城市树木砍伐'],
    unlicensed: ['乱张贴乱涂写', '渣土运输', '噪声扰民', '违规停车'],
    extra: [['违法建筑强制拆除', 'coercion']],
  },
  ZZD: {
    laws: ['《城市市容和环境卫生管理条例》', '《中华人民共和国行政处罚法》第二十条'],
    units: ['综合执法中队'],
    subjects: [],
    unlicensed: ['流动摊贩', '乱堆乱放'],
  },
  ZJJ: {
    laws: [
      '《中华人民共和国建筑法》',
      '《建设工程质量管理条例》',
      '《物业管理条例》',
      '《中华人民共和国城乡规划法》第六十四条',
    ],
    units: ['建筑市场监管科', '工程质量安全监督站', '房地产市场监管科', '物业管理科'],
    subjects: ['建筑业企业资质', '房地产开发', '商品房预售', '燃气经营'],
    unlicensed: ['工程质量', '施工安全', '房屋租赁'],
    extra: [
      ['城市基础设施配套费征收', 'levy'],
      ['住房保障租赁补贴发放', 'benefit'],
    ],
  },
  STJ: {
    laws: [
      '《中华人民共和国环境保护法》',
      '《中华人民共和国大气污染防治法》',
      '《中华人民共和国水污染防治法》',
      '《中华人民共和国固体废物污染环境防治法》',
    ],
    units: ['环境影响评价科', '大气环境科', '水生态环境科', '生态环境保护综合行政执法支队'],
    subjects: ['危险废物经营', '辐射安全'],
    unlicensed: ['水污染防治', '固体废物污染防治', '噪声污染防治', '机动车排放'],
    extra: [['环境污染举报奖励', 'reward']],
  },
  JTJ: {
    laws: ['《中华人民共和国道路运输条例》', '《中华人民共和国公路法》', '《巡游出租汽车经营服务管理规定》'],
    units: ['运输管理科', '公路管理科', '交通运输综合行政执法支队'],
    subjects: ['道路货物运输经营', '机动车维修经营', '驾驶员培训', '公路占用挖掘'],
    unlicensed: ['网络预约出租汽车', '公路路政'],
    extra: [['车辆通行费征收', 'levy']],
  },
  GJJ: {
    laws: ['《住房公积金管理条例》'],
    units: ['归集管理科', '稽核审计科', '信贷管理科'],
    subjects: [],
    unlicensed: ['单位缴存登记'],
    extra: [
      ['住房公积金提取', 'benefit'],
      ['住房公积金贷款', 'benefit'],
      ['住房公积金缴存确认', 'confirmation'],
    ],
  },
  ZRJ: {
    laws: ['《中华人民共和国土地管理法》', '《中华人民共和国矿产资源法》', '《不动产登记暂行条例》'],
    units: ['耕地保护科', '矿产资源管理科', '不动产登记中心', '自然资源执法监察大队'],
    subjects: ['采矿', '临时用地', '乡村建设规划'],
    unlicensed: ['土地复垦', '测绘地理信息'],
    extra: [
      ['不动产登记', 'confirmation'],
      ['土地权属争议裁决', 'adjudication'],
      ['土地复垦费征收', 'levy'],
    ],
  },
  SZD: {
    laws: ['《中华人民共和国水法》', '《中华人民共和国水土保持法》', '《中华人民共和国防洪法》'],
    units: ['水政监察中队', '水资源管理股'],
    subjects: ['河道管理范围内建设项目', '取水工程'],
    unlicensed: ['水资源', '水土保持'],
    extra: [
      ['水资源费征收', 'levy'],
      ['水事纠纷裁决', 'adjudication'],
    ],
  },
};

function domainOf(agency: DemoAgency): Domain {
  const d = DOMAINS[agency.id.slice(agency.id.indexOf('-') + 1)];
  if (d === undefined) throw new Error(`no demo duty domain for ${agency.id}`);
  return d;
}

/** The statute a demo agency's own matters rest on (`agency.matters`). */
const MATTER_BASES: Record<string, string> = {
  违法建设查处: '《中华人民共和国城乡规划法》第六十四条',
  占道经营查处: '《城市市容和环境卫生管理条例》',
  环境卫生管理: '《城市市容和环境卫生管理条例》',
  户外广告设置许可: '《城市市容和环境卫生管理条例》',
  建筑垃圾处置许可: '《城市建筑垃圾管理规定》',
  食品经营许可: '《中华人民共和国食品安全法》',
  食品安全监督检查: '《中华人民共和国食品安全法》',
  特种设备安全检查: '《中华人民共和国特种设备安全法》',
  价格违法行为查处: '《中华人民共和国价格法》',
  无照经营查处: '《无证无照经营查处办法》',
  环境污染查封扣押: '《中华人民共和国环境保护法》第二十五条',
  水土保持费征收: '《中华人民共和国水土保持法》',
};

/** The gap of the demo: a matter held only as 协办 (nobody leads it). */
const ASSIST_ONLY = {
  name: '餐厨废弃物收运监督检查',
  type: 'inspection' as PowerType,
  agencies: ['529900-SCJ', '529900-STJ'],
};
/** 协办 items of matters another agency of the region leads. */
const ASSISTS: [agency: string, matter: string][] = [
  ['529900-STJ', '建筑垃圾处置许可'],
  ['529900-SCJ', '占道经营查处'],
  ['529921-SCJ', '占道经营查处'],
];

/** The responsibility items by stage, per power type. */
const DUTIES: Record<PowerType, string[]> = {
  licensing: [
    '受理责任：公示申请条件和材料，一次性告知补正，依法受理或不予受理并说明理由',
    '审查责任：对申请材料进行审查，需要现场核查的组织核查',
    '决定责任：在法定期限内作出准予或不予许可的决定，不予许可的说明理由',
    '送达责任：依法送达许可决定和证照',
    '事后监管责任：对被许可人从事许可事项的活动进行监督检查',
  ],
  penalty: [
    '立案责任：对发现的违法线索进行审查，决定是否立案',
    '调查取证责任：两名以上执法人员出示证件，全面、客观、公正调查取证',
    '审核责任：对拟作出的处罚决定进行法制审核',
    '告知责任：作出处罚决定前告知拟处罚的事实、理由、依据及陈述申辩、听证权利',
    '决定责任：依法作出处罚决定，制作处罚决定书',
    '送达责任：依法送达行政处罚决定书',
    '执行责任：监督当事人履行处罚决定，依法催告、申请强制执行',
  ],
  coercion: [
    '审核责任：实施前向负责人报告并经批准',
    '告知责任：当场告知当事人采取强制措施的理由、依据以及依法享有的权利、救济途径',
    '决定责任：制作并当场交付查封、扣押决定书和清单',
    '执行责任：妥善保管查封、扣押的财物，在法定期限内作出处理决定',
    '送达责任：依法送达解除或处理决定',
  ],
  levy: [
    '审核责任：核定征收对象、标准和数额',
    '决定责任：依法作出征收决定',
    '告知责任：告知缴纳期限、方式和救济途径',
    '执行责任：按规定开具票据，及时足额上缴国库',
  ],
  benefit: [
    '受理责任：一次性告知申请材料，依法受理',
    '审核责任：对申请人条件进行审核',
    '决定责任：作出给付或不予给付的决定',
    '执行责任：按时足额发放',
  ],
  inspection: [
    '检查责任：两名以上执法人员出示证件，按计划或随机抽查实施检查',
    '告知责任：告知检查结果，责令改正发现的问题',
    '执行责任：对检查中发现的违法行为依法处置或移送',
  ],
  confirmation: [
    '受理责任：一次性告知申请材料，依法受理',
    '审核责任：对材料真实性、合法性进行审核',
    '决定责任：作出确认或不予确认的决定',
    '送达责任：依法送达确认文书',
  ],
  reward: ['审核责任：对奖励对象的事迹进行审核并公示', '决定责任：依法作出奖励决定', '执行责任：兑现奖励'],
  adjudication: [
    '受理责任：审查申请，决定是否受理',
    '调查取证责任：调查核实争议事实',
    '决定责任：依法作出裁决',
    '送达责任：依法送达裁决书',
  ],
  other: ['调查取证责任：依法开展调查、检查', '决定责任：依法作出处理决定', '执行责任：督促当事人履行'],
};

/** The catalogue items (wenze catalog) of a power type's faults. */
const ACCOUNTABILITY: Record<PowerType, string[]> = {
  licensing: ['licensing.01', 'licensing.04', 'licensing.06', 'licensing.07'],
  penalty: ['penalty.02', 'penalty.03', 'penalty.04', 'penalty.10', 'penalty.12'],
  coercion: ['coercion.01', 'coercion.02', 'coercion.03'],
  levy: ['levy.01', 'levy.02'],
  benefit: ['other.01', 'nonperformance.01'],
  inspection: ['inspection.01', 'inspection.04'],
  confirmation: ['other.01', 'nonperformance.01'],
  reward: ['other.01'],
  adjudication: ['other.01', 'nonperformance.01'],
  other: ['other.01', 'nonperformance.01'],
};

const TIME_LIMITS: Partial<Record<PowerType, string>> = {
  licensing: '20个工作日',
  penalty: '90日',
  coercion: '30日',
  benefit: '20个工作日',
  confirmation: '20个工作日',
  adjudication: '60日',
};

const FIRST_LISTS = '2021-01-01';
const SECOND_LISTS = '2025-01-01';

/** Every power of the demo: its name, type and code. */
interface Power {
  name: string;
  type: PowerType;
  code: string;
}

class Codes {
  private readonly byName = new Map<string, Power>();
  private readonly serial = new Map<PowerType, number>();
  power(name: string, type: PowerType): Power {
    const known = this.byName.get(name);
    if (known) return known;
    const n = (this.serial.get(type) ?? 0) + 1;
    this.serial.set(type, n);
    const p = { name, type, code: `${TYPE_LETTERS[type]}-${String(n).padStart(4, '0')}` };
    this.byName.set(name, p);
    return p;
  }
}

/** The powers of an agency: its own matters first (as the act generator knows them), then its field's. */
function powersOf(agency: DemoAgency, codes: Codes): Power[] {
  const domain = domainOf(agency);
  const out: Power[] = agency.matters.map((m) => codes.power(m, matterInfo(m).kind));
  for (const s of domain.subjects) {
    out.push(codes.power(`${s}许可`, 'licensing'));
    out.push(codes.power(`${s}监督检查`, 'inspection'));
    out.push(codes.power(`${s}违法行为查处`, 'penalty'));
  }
  for (const s of domain.unlicensed ?? []) {
    out.push(codes.power(`${s}监督检查`, 'inspection'));
    out.push(codes.power(`${s}违法行为查处`, 'penalty'));
  }
  for (const [name, type] of domain.extra ?? []) out.push(codes.power(name, type));
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.code) && seen.add(p.code));
}

function item(
  rng: Rng,
  agency: DemoAgency,
  power: Power,
  role: DutyRole,
  effectiveFrom: string,
  row: number,
): DutyItem {
  const domain = domainOf(agency);
  const basis = MATTER_BASES[power.name] ?? rng.pick(domain.laws);
  const accountability = ACCOUNTABILITY[power.type].filter((_, i) => i === 0 || rng.chance(0.6));
  if (rng.chance(0.15)) accountability.push('不履行法定职责或者怠于履行职责的');
  return {
    row,
    code: power.code,
    name: power.name,
    type: power.type,
    agency: agency.id,
    region: agency.regionCode,
    unit: rng.pick(domain.units),
    role,
    basis,
    duties: [...DUTIES[power.type]],
    accountability,
    timeLimit: TIME_LIMITS[power.type] ?? null,
    effectiveFrom,
    effectiveUntil: null,
  };
}

/** The agencies that imported a newer list from SECOND_LISTS, and the power each list added. */
const ADDED: Record<string, [string, PowerType]> = {
  '529900-SCJ': ['电子商务经营者违法行为查处', 'penalty'],
  '529900-ZJJ': ['建筑节能监督检查', 'inspection'],
};
/** Matters of the province's reference catalogue that no demo agency holds. */
const UNHELD: [string, PowerType][] = [
  ['城镇排水许可', 'licensing'],
  ['地质灾害危险性评估监督检查', 'inspection'],
];

/** Every power of the demo with its code, numbered in one fixed order. */
function demoPowers(): { codes: Codes; byAgency: Map<string, Power[]> } {
  const codes = new Codes();
  const byAgency = new Map(demoAgencies.map((a) => [a.id, powersOf(a, codes)]));
  for (const [, matter] of ASSISTS) codes.power(matter, matterInfo(matter).kind);
  codes.power(ASSIST_ONLY.name, ASSIST_ONLY.type);
  for (const [name, type] of Object.values(ADDED)) codes.power(name, type);
  for (const [name, type] of UNHELD) codes.power(name, type);
  return { codes, byAgency };
}

export interface DemoDutyImport {
  /** The 生效日期 of the import. */
  effectiveFrom: string;
  /** Its rows (row = the row of its file: the header is row 1). */
  items: DutyItem[];
}

/**
 * The demo's imports, oldest first: every agency's list of 2021, then the newer lists of 市住建局
 * and 市市场监管局 from 2025 (one power more and one fewer, penalty time limits revised).
 */
export function demoDutyImports(seed = 20_130_413): DemoDutyImport[] {
  const rng = createRng(seed);
  const { codes, byAgency } = demoPowers();
  const rows = (agencies: readonly DemoAgency[], from: string, revised: boolean): DutyItem[] => {
    const out: DutyItem[] = [];
    const add = (agency: DemoAgency, power: Power, role: DutyRole) => {
      const i = item(rng, agency, power, role, from, out.length + 2);
      if (revised && i.type === 'penalty') i.timeLimit = '90日（可延长30日）';
      out.push(i);
    };
    for (const agency of agencies) {
      let list = byAgency.get(agency.id) ?? [];
      const added = ADDED[agency.id];
      if (revised && added) {
        // The newer list drops one of the field's powers (never one the acts use) and adds one.
        const dropped = list.findLast((p) => !agency.matters.includes(p.name));
        list = [...list.filter((p) => p !== dropped), codes.power(added[0], added[1])];
      }
      for (const p of list) add(agency, p, 'lead');
      for (const [id, matter] of ASSISTS) {
        if (id === agency.id) add(agency, codes.power(matter, matterInfo(matter).kind), 'assist');
      }
      if (ASSIST_ONLY.agencies.includes(agency.id)) {
        add(agency, codes.power(ASSIST_ONLY.name, ASSIST_ONLY.type), 'assist');
      }
    }
    return out;
  };
  const first = rows(demoAgencies, FIRST_LISTS, false);
  // A few incomplete items, one column each, none of the matters the acts use.
  const candidates = first.filter(
    (i) => i.role === 'lead' && !demoAgencies.some((a) => a.id === i.agency && a.matters.includes(i.name)),
  );
  const blanks = ['basis', 'duties', 'accountability', 'accountability', 'basis', 'duties'] as const;
  for (const blank of blanks) {
    const i = candidates.splice(rng.int(0, candidates.length - 1), 1)[0];
    if (blank === 'basis') i.basis = null;
    else i[blank] = [];
  }
  const revised = demoAgencies.filter((a) => ADDED[a.id] !== undefined);
  const second = rows(revised, SECOND_LISTS, true);
  return [
    { effectiveFrom: FIRST_LISTS, items: first },
    { effectiveFrom: SECOND_LISTS, items: second },
  ];
}

/** The demo's lists as held after every import: versioned, the superseded items ended. */
export function demoDutyItems(seed?: number): DutyItem[] {
  let held: DutyItem[] = [];
  for (const imp of demoDutyImports(seed)) held = supersede(held, imp.items);
  return held;
}

/**
 * The province's reference catalogue (a part of it) for `--reference`: matters every region is to
 * hold, two of which no demo agency holds (UNHELD).
 */
export function demoDutyReference(): DutyItem[] {
  const { codes } = demoPowers();
  const matters: [string, PowerType][] = [
    ['食品经营许可', 'licensing'],
    ['食品安全监督检查', 'inspection'],
    ['违法建设查处', 'penalty'],
    ['占道经营查处', 'penalty'],
    ...UNHELD,
  ];
  return matters.map(([name, type], i) => ({
    row: i + 2,
    code: codes.power(name, type).code,
    name,
    type,
    agency: '贵州省人民政府',
    region: null,
    unit: null,
    role: 'lead',
    basis: MATTER_BASES[name] ?? null,
    duties: [...DUTIES[type]],
    accountability: [ACCOUNTABILITY[type][0]],
    timeLimit: TIME_LIMITS[type] ?? null,
    effectiveFrom: FIRST_LISTS,
    effectiveUntil: null,
  }));
}
