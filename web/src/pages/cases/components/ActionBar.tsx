// The case's action panel: the actions the API says this user may take on the case now, each a
// button that opens its form, and those a precondition blocks, disabled with the reason (the
// generic ProcedureActions). The step that moves the case forward is the primary one.
import {
  AuditOutlined,
  CheckOutlined,
  CloseOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FormOutlined,
  MessageOutlined,
  NotificationOutlined,
  PlayCircleOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SoundOutlined,
  StopOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UndoOutlined,
  UserDeleteOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import ProcedureActions from '../../../components/ProcedureActions';
import { useIntl } from '../../../locales/intl';
import type { CaseAction, CaseDetail, CaseStateCode } from '../../../types/case';

const ICONS: Record<CaseAction, ReactNode> = {
  accept: <CheckOutlined />,
  decline: <CloseOutlined />,
  assign_investigators: <TeamOutlined />,
  recuse: <UserDeleteOutlined />,
  start_investigation: <PlayCircleOutlined />,
  extend_investigation: <FieldTimeOutlined />,
  record_findings: <AuditOutlined />,
  notify_statement: <NotificationOutlined />,
  record_statement: <MessageOutlined />,
  waive_statement: <StopOutlined />,
  hold_hearing: <SoundOutlined />,
  propose_decision: <FormOutlined />,
  decide: <SafetyCertificateOutlined />,
  return_proposal: <UndoOutlined />,
  serve: <SendOutlined />,
  execute: <ThunderboltOutlined />,
  close: <FileDoneOutlined />,
};

/** The steps that move a case forward; the others are secondary. */
const FORWARD = new Set<CaseAction>([
  'accept',
  'start_investigation',
  'record_findings',
  'notify_statement',
  'record_statement',
  'propose_decision',
  'decide',
  'serve',
  'execute',
  'close',
]);

/**
 * The step that normally comes next in each state, most likely first. An appeal (申诉) is not a
 * step of the case: the officer files it from the appeal tab and the relief panel hears it.
 */
function nextSteps(c: Pick<CaseDetail, 'state' | 'decisionKind'>): CaseAction[] {
  const noExecution = c.decisionKind === 'not_pursue' || c.decisionKind === 'exempt';
  const next: Partial<Record<CaseStateCode, CaseAction[]>> = {
    registered: ['accept'],
    accepted: ['start_investigation', 'assign_investigators'],
    investigating: ['record_findings'],
    findings: ['notify_statement', 'propose_decision'],
    statement: ['propose_decision', 'record_statement'],
    proposed: ['decide'],
    decided: ['serve'],
    served: noExecution ? ['close'] : ['execute'],
    executed: ['close'],
    declined: ['close'],
  };
  return next[c.state] ?? [];
}

export default function ActionBar({
  c,
  onAction,
}: {
  c: Pick<CaseDetail, 'state' | 'decisionKind' | 'actions' | 'availability'>;
  onAction(a: CaseAction): void;
}) {
  const { t } = useIntl();
  return (
    <ProcedureActions
      availability={c.availability}
      labelOf={(a) => t(`pages.cases.action.${a}`)}
      onAction={onAction}
      icons={ICONS}
      primary={nextSteps(c).find((a) => c.actions.includes(a))}
      danger={['decline', 'return_proposal']}
      forward={FORWARD}
    />
  );
}
