// 容错纠错 beside the case: for each liable person named in the findings, the tolerance decided
// for them (免责 / 从轻减轻, the application's number linking to it), an application under way, or —
// for the officer concerned (their own person) and the agency's legal office (any person of the
// agency), while the case's stage and the city's policy allow — the button to apply.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { accessOf } from '../../../access';
import ToleranceApplyModal, { type ApplyTarget } from '../../../components/ToleranceApplyModal';
import { PersonToleranceTag, ToleranceStateTag } from '../../../components/ToleranceTags';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import { listTolerance, toleranceHref, tolerancePolicy } from '../../../services/tolerance';
import { useUser } from '../../../session';
import type { CaseDetail } from '../../../types/case';
import { APPLY_AFTER, APPLY_DURING, applicantKindOf, type ToleranceSummary } from '../../../types/tolerance';

const OPEN = new Set(['submitted', 'verifying', 'verified', 'decided']);

export default function TolerancePanel({ c }: { c: CaseDetail }) {
  const { t } = useIntl();
  const user = useUser();
  const [target, setTarget] = useState<ApplyTarget | null>(null);
  const liable = c.persons.filter((p) => p.liable);
  const stageAllows = [...APPLY_DURING, ...APPLY_AFTER].includes(c.state);
  const reads = accessOf(user).tolerance;
  const applicable = liable.filter(
    (p) => !p.tolerance && applicantKindOf(user, { agencyId: c.agencyId, officerId: p.officerId }) !== null,
  );
  const policy = useApi(
    async () => (stageAllows && applicable.length > 0 ? tolerancePolicy(c.pack) : null),
    [c.pack, stageAllows, applicable.length > 0],
  );
  const applications = useApi(
    async (signal) =>
      reads && liable.length > 0
        ? (await listTolerance({ caseId: c.id, page: 1, pageSize: 100 }, signal)).items
        : ([] as ToleranceSummary[]),
    [c.id, c.version, reads, liable.length],
  );
  const openOf = (officerId: string) =>
    (applications.data ?? []).find((a) => a.officerId === officerId && OPEN.has(a.state));
  const mayApply = (officerId: string) =>
    stageAllows &&
    policy.data !== null &&
    policy.data !== undefined &&
    applications.data !== undefined &&
    !openOf(officerId) &&
    applicable.some((p) => p.officerId === officerId);

  const rows = liable.filter((p) => p.tolerance || openOf(p.officerId) || mayApply(p.officerId));
  if (rows.length === 0) return null;
  return (
    <Card
      title={
        <Flex gap={6} align="center">
          <SafetyCertificateOutlined />
          {t('pages.tolerance.case.title')}
        </Flex>
      }
      variant="borderless"
      size="small"
      data-testid="tolerance-panel"
    >
      <Flex vertical gap={12}>
        {rows.map((p) => {
          const open = openOf(p.officerId);
          const kind = applicantKindOf(user, { agencyId: c.agencyId, officerId: p.officerId });
          return (
            <Flex key={p.officerId} vertical gap={4} data-testid={`tolerance-person-${p.officerId}`}>
              <Typography.Text strong>
                {p.name}（{p.officerId}）
              </Typography.Text>
              {p.tolerance ? (
                <span>
                  <PersonToleranceTag tolerance={p.tolerance} />
                </span>
              ) : open ? (
                <Flex gap={8} align="center" wrap>
                  <Link to={toleranceHref(open.id)} data-testid="tolerance-application-link">
                    {open.number}
                  </Link>
                  <ToleranceStateTag state={open.state} />
                </Flex>
              ) : kind ? (
                <Flex vertical gap={4} align="start">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('pages.tolerance.case.canApply')}
                  </Typography.Text>
                  <Button
                    size="small"
                    icon={<SafetyCertificateOutlined />}
                    data-testid={`tolerance-apply-${p.officerId}`}
                    onClick={() =>
                      setTarget({
                        caseId: c.id,
                        caseNumber: c.number,
                        officerId: p.officerId,
                        name: p.name,
                        kind,
                      })
                    }
                  >
                    {t('pages.tolerance.apply')}
                  </Button>
                </Flex>
              ) : null}
            </Flex>
          );
        })}
      </Flex>
      <ToleranceApplyModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
