// The generator's 双公示 details (issue 15), so that the demo portal looks like a real one: every
// licensing and penalty decision gets its party's name (an organisation's full name and credit code;
// a natural person's name, which the portal publishes masked), a document number, and — a penalty —
// its name, facts, basis, category and result (a fine alone, or with a warning, a confiscation, a
// suspension or revocation, a closure). A random stream of its own: the acts' other fields, the
// faults and the ground truth stay as they were. No detection rule reads these fields.
import { demoAgencies } from '../../demo/city.js';
import { createRng } from '../random.js';
import type { Act } from './schema.js';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志斌鹏辉俊峰海燕宇浩凯颖婷雪琳晨欣怡子轩梓涵浩然雨泽';
const FIRMS =
  '恒昌 鑫源 黔丰 宏达 兴盛 瑞祥 华信 永康 金桥 安顺 和美 嘉禾 山水 云岭 福临 汇通 众诚 德润 鸿运 天成'.split(
    ' ',
  );
const TRADES = '商贸 餐饮 建筑工程 物业管理 运输 食品 医药连锁 农业开发 建材 酒业 旅游开发 环保科技'.split(
  ' ',
);
const FORMS = ['有限公司', '有限责任公司', '股份有限公司'];

/** The matters' 事由 and 依据, by the matter's name (others: a general wording). */
const FACTS: Record<string, { reason: string; basis: string }> = {
  价格违法行为查处: { reason: '未按规定明码标价', basis: '《中华人民共和国价格法》第四十二条' },
  无照经营查处: { reason: '未依法取得营业执照从事经营活动', basis: '《无证无照经营查处办法》第十三条' },
  违法建设查处: {
    reason: '未取得建设工程规划许可证进行建设',
    basis: '《中华人民共和国城乡规划法》第六十四条',
  },
  占道经营查处: { reason: '擅自占用城市道路从事经营活动', basis: '《城市道路管理条例》第四十二条' },
  物业管理违规查处: { reason: '物业服务企业擅自改变物业管理用房用途', basis: '《物业管理条例》第六十三条' },
  超限运输查处: { reason: '车辆违法超限运输', basis: '《公路安全保护条例》第六十六条' },
  住房公积金违规提取查处: {
    reason: '以欺骗手段违法提取住房公积金',
    basis: '《住房公积金管理条例》第三十六条',
  },
  非法占地查处: { reason: '未经批准非法占用土地', basis: '《中华人民共和国土地管理法》第七十七条' },
};
const GENERAL = { reason: '违反有关行政管理规定', basis: '有关法律、法规、规章的规定' };

/** What is added to the fine (most are a fine alone), with the category text it gives. */
const WITH_FINE: { share: number; category: string; result: (fine: string) => string }[] = [
  { share: 0.7, category: '罚款', result: (f) => `罚款${f}元` },
  { share: 0.12, category: '警告、罚款', result: (f) => `警告，并处罚款${f}元` },
  { share: 0.1, category: '没收违法所得、罚款', result: (f) => `没收违法所得，并处罚款${f}元` },
  { share: 0.04, category: '罚款、暂扣许可证件', result: (f) => `罚款${f}元，暂扣许可证件一个月` },
  { share: 0.02, category: '罚款、吊销许可证件', result: (f) => `罚款${f}元，吊销许可证件` },
  { share: 0.02, category: '责令停产停业、罚款', result: (f) => `责令停产停业十五日，并处罚款${f}元` },
];
/** The combination whose share `r` (0–1) falls in. */
function pickShare(r: number) {
  let left = r;
  for (const w of WITH_FINE) {
    left -= w.share;
    if (left < 0) return w;
  }
  return WITH_FINE[0]!;
}
const WITHOUT_FINE = [
  { category: '警告', result: '警告' },
  { category: '通报批评', result: '通报批评' },
  { category: '没收非法财物', result: '没收非法财物' },
  { category: '责令关闭', result: '责令关闭' },
];
const shortNames = new Map(demoAgencies.map((a) => [a.id, a.shortName]));
const LICENSING_CATEGORIES = ['普通', '普通', '普通', '核准', '登记', '认可', '特许'];

/** The writer of the details, seeded apart from the acts. */
export function detailsWriter(seed: number): (act: Act) => void {
  const rng = createRng(seed ^ 0x5f_a1_b0);
  const numbers = new Map<string, number>();
  const pick = <T>(list: readonly T[]) => list[rng.int(0, list.length - 1)] as T;
  const char = (s: string) => Array.from(s)[rng.int(0, Array.from(s).length - 1)];
  const personName = () => `${char(SURNAMES)}${char(GIVEN)}${rng.chance(0.7) ? char(GIVEN) : ''}`;
  const orgName = () => `A市${pick(FIRMS)}${pick(TRADES)}${pick(FORMS)}`;
  return (act) => {
    const decided = act.dates.decided;
    if (!decided || (act.kind !== 'penalty' && act.kind !== 'licensing')) return;
    const p = act.party;
    if (p) {
      if (p.type === 'org') {
        p.name = orgName();
        p.creditCode = p.id;
      } else p.name = personName();
    }
    const year = decided.slice(0, 4);
    const series = `${act.agency}|${act.kind}|${year}`;
    const n = (numbers.get(series) ?? 0) + 1;
    numbers.set(series, n);
    const short = shortNames.get(act.agency) ?? act.agency;
    act.documentNo = `${short}${act.kind === 'penalty' ? '罚' : '许'}〔${year}〕${n}号`;
    if (act.kind === 'licensing') {
      act.category = pick(LICENSING_CATEGORIES);
      act.content = `准予${act.matter ?? '行政许可'}，有效期五年`;
      return;
    }
    const facts = FACTS[act.matter ?? ''] ?? GENERAL;
    act.itemName = `${p?.name ?? '当事人'}${facts.reason}案`;
    act.reason = facts.reason;
    act.basis = facts.basis;
    if (act.fine != null && act.fine > 0) {
      const w = pickShare(rng.next());
      act.category = w.category;
      act.result = w.result(String(act.fine));
    } else {
      const w = pick(WITHOUT_FINE);
      act.category = w.category;
      act.result = w.result;
    }
  };
}
