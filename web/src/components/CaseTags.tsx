// Coloured labels of a case: its state, its source, the viewer's part in it.
import { Tag } from 'antd';
import { useIntl } from '../locales/intl';
import type { CaseRole, CaseStateCode } from '../types/case';

const STATE_COLORS: Record<CaseStateCode, string> = {
  registered: 'default',
  accepted: 'cyan',
  declined: 'default',
  investigating: 'processing',
  findings: 'purple',
  statement: 'orange',
  proposed: 'gold',
  decided: 'magenta',
  served: 'geekblue',
  executed: 'green',
  closed: 'success',
};

export function CaseStateTag({ state }: { state: CaseStateCode }) {
  const { t } = useIntl();
  return (
    <Tag
      color={STATE_COLORS[state]}
      data-testid="case-state"
      data-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`enums.caseState.${state}`)}
    </Tag>
  );
}

/** The source of a lead or case in the current language (the server's label otherwise). */
export function SourceTag({ source, label }: { source: string; label?: string }) {
  const { t } = useIntl();
  const key = `enums.leadSource.${source}`;
  const text = t(key);
  return (
    <Tag
      color={source === 'complaint' ? 'blue' : source === 'detection' ? 'volcano' : 'default'}
      style={{ marginInlineEnd: 0 }}
    >
      {text === key ? (label ?? source) : text}
    </Tag>
  );
}

const ROLE_COLORS: Record<CaseRole, string> = {
  supervisor: 'geekblue',
  investigator: 'gold',
  subject: 'red',
};

export function CaseRoleTags({ roles }: { roles: CaseRole[] }) {
  const { t } = useIntl();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={ROLE_COLORS[r]} variant="filled">
          {t(`enums.caseRole.${r}`)}
        </Tag>
      ))}
    </>
  );
}
