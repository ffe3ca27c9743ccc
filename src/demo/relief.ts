// The demo city's relief pool (救济委员会委员库): legal experts, lawyers, scholars, senior officers
// of other agencies and 行政执法监督员, each with a panel account (panel, panel2 … panel11) so that
// every member a draw seats can sign in and vote. Two are never drawn for the city's own decisions:
// RM-09 works in the city's supervision office, and RM-05 in the market regulator (for its officers).
import type { MemberKind } from '../core/relief/panel.js';

export interface DemoReliefMember {
  id: string;
  regionCode: string;
  name: string;
  kind: MemberKind;
  expertise: string;
  agencyId: string | null;
  officeRegion: string | null;
  enforcementOfficer: boolean;
  username: string;
}

const m = (
  n: number,
  name: string,
  kind: MemberKind,
  expertise: string,
  extra: Partial<DemoReliefMember> = {},
): DemoReliefMember => ({
  id: `RM-${String(n).padStart(2, '0')}`,
  regionCode: '529900',
  name,
  kind,
  expertise,
  agencyId: null,
  officeRegion: null,
  enforcementOfficer: false,
  username: n === 1 ? 'panel' : `panel${n}`,
  ...extra,
});

export const demoReliefMembers: DemoReliefMember[] = [
  m(1, '张法明', 'legal_expert', '行政法学教授（贵州大学法学院）', { regionCode: '520000' }),
  m(2, '李律言', 'lawyer', '执业律师，行政诉讼'),
  m(3, '王学政', 'scholar', '公共管理学者', { regionCode: '520000' }),
  m(4, '赵正清', 'senior_officer', '生态环境执法（现职）', {
    agencyId: '529900-STJ',
    enforcementOfficer: true,
  }),
  m(5, '钱进忠', 'senior_officer', '市场监管执法（现职）', {
    agencyId: '529900-SCJ',
    enforcementOfficer: true,
  }),
  m(6, '孙明督', 'enforcement_supervisor', '特邀行政执法监督员（人大代表）'),
  m(7, '周宪章', 'legal_expert', '法律顾问，行政复议', { regionCode: '529921' }),
  m(8, '吴理平', 'lawyer', '执业律师，政府法律顾问', { regionCode: '529922' }),
  m(9, '郑守法', 'enforcement_supervisor', 'A市司法局执法监督科', { officeRegion: '529900' }),
  m(10, '冯勤务', 'senior_officer', '交通运输执法（现职）', {
    agencyId: '529900-JTJ',
    enforcementOfficer: true,
  }),
  m(11, '陈公平', 'scholar', '法社会学学者'),
];
