// The demo dataset: A市, a fictional city in Guizhou (region 529900) with three counties.
// Pure data, generated deterministically, shared by `wenze demo`, the act generator and tests.

import type { Role } from '../core/policies/actor.js';
import { createRng } from '../core/random.js';
import type { OrganKind } from '../core/referrals/organs.js';
import { demoReliefMembers } from './relief.js';

export type RegionLevel = 'province' | 'city' | 'county';
export type AgencyKind = 'administrative' | 'authorized' | 'entrusted';
export type Staffing = 'administrative' | 'civil_service_managed' | 'institution';
export type CertificateStatus = 'valid' | 'suspended' | 'revoked';
export type { Role };

export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface DemoAgency {
  id: string;
  regionCode: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  /** For an entrusted organisation: the agency that entrusted it. */
  parentId: string | null;
  principalName: string;
  /** Typical matters this agency handles (used by the act generator). */
  matters: string[];
}

export interface DemoCertificate {
  number: string;
  issuedOn: string;
  validUntil: string;
  status: CertificateStatus;
  statusReason: string | null;
}

export interface DemoOfficer {
  id: string;
  agencyId: string;
  regionCode: string;
  name: string;
  gender: 'M' | 'F';
  staffing: Staffing;
  post: string;
  phone: string;
  /** Oldest first; the last one is current. */
  certificates: DemoCertificate[];
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  agencyId: string | null;
  officerId: string | null;
  /** A user of a referral organ. */
  organId?: string | null;
}

/** The referral organs of the demo city's regions (移送机关登记册). */
export const demoOrgans: { id: string; regionCode: string; kind: OrganKind; name: string }[] = [
  { id: '520000-JW', regionCode: '520000', kind: 'discipline_commission', name: '贵州省纪委监委' },
  { id: '529900-JW', regionCode: '529900', kind: 'discipline_commission', name: 'A市纪委监委' },
  { id: '529900-ZF', regionCode: '529900', kind: 'appointing_authority', name: 'A市人民政府' },
  { id: '529900-GA', regionCode: '529900', kind: 'public_security', name: 'A市公安局' },
  { id: '529900-JCY', regionCode: '529900', kind: 'procuratorate', name: 'A市人民检察院' },
  { id: '529921-JW', regionCode: '529921', kind: 'discipline_commission', name: '甲县纪委监委' },
  { id: '529921-JCY', regionCode: '529921', kind: 'procuratorate', name: '甲县人民检察院' },
];

export const DEMO_PASSWORD = 'Wenze@2026';

export const demoRegions: DemoRegion[] = [
  { code: '520000', name: '贵州省', level: 'province', parentCode: null },
  { code: '529900', name: 'A市', level: 'city', parentCode: '520000' },
  { code: '529921', name: '甲县', level: 'county', parentCode: '529900' },
  { code: '529922', name: '乙县', level: 'county', parentCode: '529900' },
  { code: '529923', name: '丙县', level: 'county', parentCode: '529900' },
];

const market = ['食品经营许可', '食品安全监督检查', '特种设备安全检查', '价格违法行为查处', '无照经营查处'];
export const demoAgencies: DemoAgency[] = [
  a('529900-SCJ', '529900', 'A市市场监督管理局', '市市场监管局', 'administrative', null, '王建国', market),
  a('529900-ZHJ', '529900', 'A市综合行政执法局', '市综合执法局', 'administrative', null, '李明', [
    '违法建设查处',
    '占道经营查处',
    '户外广告设置许可',
    '建筑垃圾处置许可',
  ]),
  a('529900-ZJJ', '529900', 'A市住房和城乡建设局', '市住建局', 'administrative', null, '陈华', [
    '建筑工程施工许可',
    '建筑市场监督检查',
    '物业管理违规查处',
    '违法建设查处',
  ]),
  a('529900-STJ', '529900', 'A市生态环境局', '市生态环境局', 'administrative', null, '刘洋', [
    '排污许可',
    '环境污染查封扣押',
    '大气污染防治检查',
    '建设项目环评审批',
  ]),
  a('529900-JTJ', '529900', 'A市交通运输局', '市交通局', 'administrative', null, '赵强', [
    '道路运输经营许可',
    '超限运输查处',
    '出租汽车经营检查',
  ]),
  a('529900-GJJ', '529900', 'A市住房公积金管理中心', '市公积金中心', 'authorized', null, '孙丽', [
    '住房公积金缴存检查',
    '住房公积金违规提取查处',
  ]),
  a('529921-SCJ', '529921', '甲县市场监督管理局', '甲县市场监管局', 'administrative', null, '周涛', market),
  a('529921-ZHJ', '529921', '甲县综合行政执法局', '甲县综合执法局', 'administrative', null, '吴刚', [
    '违法建设查处',
    '占道经营查处',
    '环境卫生管理',
  ]),
  a('529921-ZZD', '529921', '甲县城关镇综合执法队', '城关镇执法队', 'entrusted', '529921-ZHJ', '郑伟', [
    '占道经营查处',
    '环境卫生管理',
  ]),
  a('529922-SCJ', '529922', '乙县市场监督管理局', '乙县市场监管局', 'administrative', null, '冯敏', market),
  a('529922-ZRJ', '529922', '乙县自然资源局', '乙县自然资源局', 'administrative', null, '何平', [
    '建设用地审批',
    '非法占地查处',
    '矿产资源开采检查',
  ]),
  a('529923-SCJ', '529923', '丙县市场监督管理局', '丙县市场监管局', 'administrative', null, '许静', market),
  a('529923-SZD', '529923', '丙县水政监察大队', '丙县水政监察大队', 'authorized', null, '韩磊', [
    '取水许可',
    '河道采砂检查',
    '水土保持费征收',
  ]),
];

function a(
  id: string,
  regionCode: string,
  name: string,
  shortName: string,
  kind: AgencyKind,
  parentId: string | null,
  principalName: string,
  matters: string[],
): DemoAgency {
  return { id, regionCode, name, shortName, kind, parentId, principalName, matters };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞波辉宇浩凯健俊帆鑫婷雪琳晨阳建国志红梅兰海峰';
const POSTS = ['执法科员', '执法科员', '执法科员', '中队长', '副科长', '科长', '法制审核员'];

function addYears(date: string, years: number, days = 0): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * About 120 officers across the demo agencies. `today` anchors certificate validity so that the
 * demo always has valid, expired, suspended and revoked certificates whenever it is loaded.
 */
export function demoOfficers(today: string, seed = 20241): DemoOfficer[] {
  const rng = createRng(seed);
  const officers: DemoOfficer[] = [];
  let n = 0;
  for (const agency of demoAgencies) {
    const count = agency.kind === 'entrusted' ? 5 : agency.regionCode === '529900' ? 11 : 9;
    for (let i = 0; i < count; i++) {
      n += 1;
      const id = `O-${String(n).padStart(4, '0')}`;
      const name =
        rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.chance(0.6) ? rng.pick([...GIVEN]) : '');
      const roll = rng.next();
      const staffing: Staffing =
        agency.kind === 'administrative'
          ? roll < 0.7
            ? 'administrative'
            : roll < 0.9
              ? 'civil_service_managed'
              : 'institution'
          : roll < 0.5
            ? 'civil_service_managed'
            : 'institution';
      const certificates: DemoCertificate[] = [];
      const certNo = (k: number) => `${agency.regionCode}${String(n * 3 + k).padStart(5, '0')}`;
      // Current certificate: issued within the past 5 years, 5-year validity unless expired on purpose.
      const s = rng.next();
      let issuedOn = addYears(today, -rng.int(0, 4), -rng.int(0, 300));
      let validUntil = addYears(issuedOn, 5, -1);
      let status: CertificateStatus = 'valid';
      let statusReason: string | null = null;
      if (s < 0.1) {
        // Expired: issued long ago, not renewed.
        issuedOn = addYears(today, -5, -rng.int(10, 400));
        validUntil = addYears(issuedOn, 5, -1);
      } else if (s < 0.15) {
        status = 'suspended';
        statusReason = '年度考核不合格，暂扣执法证';
      } else if (s < 0.17) {
        status = 'revoked';
        statusReason = '调离执法岗位，注销执法证';
      } else if (s < 0.4) {
        // Renewed once: the earlier certificate is kept in the history.
        const oldIssued = addYears(issuedOn, -5);
        certificates.push({
          number: certNo(1),
          issuedOn: oldIssued,
          validUntil: addYears(oldIssued, 5, -1),
          status: 'valid',
          statusReason: null,
        });
      }
      certificates.push({ number: certNo(2), issuedOn, validUntil, status, statusReason });
      officers.push({
        id,
        agencyId: agency.id,
        regionCode: agency.regionCode,
        name,
        gender: rng.chance(0.6) ? 'M' : 'F',
        staffing,
        post: rng.pick(POSTS),
        phone: `13${rng.int(0, 9)}${String(rng.int(0, 99999999)).padStart(8, '0')}`,
        certificates,
      });
    }
  }
  return officers;
}

export const demoUsers: DemoUser[] = [
  u('admin', '系统管理员', 'admin', '520000', null, null),
  u('secadmin', '安全管理员', 'security_admin', '520000', null, null),
  u('auditor', '审计管理员', 'audit_admin', '520000', null, null),
  u('gzsfj', '省司法厅执法监督处', 'supervisor', '520000', null, null),
  u('sfj', 'A市司法局执法监督科', 'supervisor', '529900', null, null),
  u('sfjdc', 'A市司法局调查员', 'supervisor', '529900', null, null),
  u('jxsfj', '甲县司法局', 'supervisor', '529921', null, null),
  u('scjfz', '市市场监管局法制科', 'agency_legal', '529900', '529900-SCJ', null),
  u('jxzhfz', '甲县综合执法局法制股', 'agency_legal', '529921', '529921-ZHJ', null),
  u('officer', '执法人员（O-0001）', 'officer', '529900', '529900-SCJ', 'O-0001'),
  // The relief pool's members (./relief.ts), one account each.
  ...demoReliefMembers.map((m) =>
    u(m.username, `救济委员会委员（${m.name}）`, 'panel', '529900', null, null),
  ),
  { ...u('jiwei', '市纪委监委', 'discipline', '529900', null, null), organId: '529900-JW' },
  u('pingjia', '外部评议员', 'evaluator', '529900', null, null),
];

function u(
  username: string,
  displayName: string,
  role: Role,
  regionCode: string,
  agencyId: string | null,
  officerId: string | null,
): DemoUser {
  return { username, displayName, role, regionCode, agencyId, officerId };
}
