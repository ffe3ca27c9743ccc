// Coloured labels for the register's codes, in the current language.
import { Badge, Tag } from 'antd';
import { useIntl } from '../locales/intl';
import type { Role } from '../services/auth';

export type CertStatus = 'valid' | 'expired' | 'suspended' | 'revoked' | 'none';
export type AgencyKind = 'administrative' | 'authorized' | 'entrusted';
export type Staffing = 'administrative' | 'civil_service_managed' | 'institution';

const CERT_COLORS: Record<CertStatus, string> = {
  valid: 'success',
  expired: 'warning',
  suspended: 'orange',
  revoked: 'error',
  none: 'default',
};

export function CertStatusTag({ status }: { status: CertStatus }) {
  const { t } = useIntl();
  return (
    <Tag color={CERT_COLORS[status]} data-testid="cert-status" data-status={status} variant="outlined">
      {t(`enums.cert.${status}`)}
    </Tag>
  );
}

const KIND_COLORS: Record<AgencyKind, string> = {
  administrative: 'blue',
  authorized: 'cyan',
  entrusted: 'purple',
};

export function KindTag({ kind }: { kind: AgencyKind }) {
  const { t } = useIntl();
  return <Tag color={KIND_COLORS[kind]}>{t(`enums.kind.${kind}`)}</Tag>;
}

const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  security_admin: 'magenta',
  audit_admin: 'cyan',
  supervisor: 'geekblue',
  agency_legal: 'blue',
  officer: 'green',
  panel: 'gold',
  discipline: 'volcano',
  evaluator: 'purple',
};

export function RoleTag({ role }: { role: Role }) {
  const { t } = useIntl();
  return (
    <Tag color={ROLE_COLORS[role]} data-testid="role-tag" style={{ marginInlineEnd: 0 }}>
      {t(`enums.role.${role}`)}
    </Tag>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useIntl();
  return (
    <Badge
      status={active ? 'success' : 'default'}
      text={active ? t('common.enabled') : t('common.disabled')}
    />
  );
}
