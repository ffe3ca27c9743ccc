// The case's way through the process (立案 → 取证 → 审批定案 → 送达 → 执行 → 结案) as steps,
// 审批定案 being the proposal awaiting approval (待审批) and then the decision, each step with
// the day it was reached. A declined case stops after registration; a decision
// not to pursue (or an exemption) needs no execution.
import { Steps } from 'antd';
import { usePhone } from '../../../hooks/usePhone';
import { useIntl } from '../../../locales/intl';
import type { CaseDetail, CaseStateCode } from '../../../types/case';

const FLOW: CaseStateCode[] = [
  'registered',
  'accepted',
  'investigating',
  'findings',
  'statement',
  'proposed',
  'decided',
  'served',
  'executed',
  'closed',
];

function reachedOn(c: CaseDetail, s: CaseStateCode): string | null {
  switch (s) {
    case 'registered':
      return c.registeredOn;
    case 'accepted':
      return c.acceptedOn;
    case 'investigating':
      return c.investigationStartedOn;
    case 'findings':
      return c.findingsOn;
    case 'statement':
      return c.statementNoticeOn;
    case 'proposed':
      return c.proposal?.on ?? null;
    case 'decided':
      return c.decision?.on ?? null;
    case 'served':
      return c.servedOn;
    case 'executed':
      return c.executedOn;
    case 'closed':
      return c.closedOn;
    default:
      return null;
  }
}

export function flowOf(c: Pick<CaseDetail, 'state' | 'decisionKind' | 'closedOn'>): CaseStateCode[] {
  if (c.state === 'declined' || (c.state === 'closed' && !c.decisionKind))
    return ['registered', 'declined', 'closed'];
  if (c.decisionKind === 'not_pursue' || c.decisionKind === 'exempt')
    return FLOW.filter((s) => s !== 'executed');
  return FLOW;
}

export default function ProcessSteps({ c }: { c: CaseDetail }) {
  const { t } = useIntl();
  const phone = usePhone();
  const flow = flowOf(c);
  const current = Math.max(0, flow.indexOf(c.state));
  return (
    <Steps
      className="wz-case-steps"
      size="small"
      // A phone keeps the steps in a row, titles under the icons, the far ones folded away.
      {...(phone ? { responsive: false, titlePlacement: 'vertical' as const, maxCount: 5 } : {})}
      current={current}
      status={c.state === 'declined' ? 'error' : c.state === 'closed' ? 'finish' : 'process'}
      data-testid="case-steps"
      items={flow.map((s) => {
        const on = s === 'declined' ? null : reachedOn(c, s);
        return { title: t(`enums.caseState.${s}`), content: on ?? undefined };
      })}
    />
  );
}
