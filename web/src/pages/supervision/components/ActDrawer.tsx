// One enforcement act: its record as submitted, what each detection rule found in it (with the
// catalogue item and the statutory basis), and the leads and cases that came of the findings. The
// supervision office sets a rectification (整改措施, a correction measure) on a finding here.
import { ToolOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Collapse,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  List,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { accessOf } from '../../../access';
import CorrectionForm from '../../../components/CorrectionForm';
import { LeadStatusTag } from '../../../components/LeadStatusTag';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useDrawerSize } from '../../../hooks/usePhone';
import { useRuleLabel } from '../../../hooks/useRuleLabel';
import { useIntl } from '../../../locales/intl';
import { browserHref, itemAnchor } from '../../../services/cite';
import { correctionHref } from '../../../services/corrections';
import { getAct } from '../../../services/supervision';
import { useUser } from '../../../session';
import type { Correction } from '../../../types/correction';
import type { ActDetail, Finding } from '../../../types/supervision';

export default function ActDrawer({
  id,
  onClose,
  onShowAct,
}: {
  id: string | null;
  onClose(): void;
  onShowAct(id: string): void;
}) {
  const size = useDrawerSize(720);
  const { t } = useIntl();
  const user = useUser();
  const access = accessOf(user);
  const ruleLabel = useRuleLabel();
  const act = useApi((signal) => (id ? getAct(id, signal) : Promise.resolve(undefined)), [id]);
  const a = act.data && act.data.id === id ? act.data : undefined;
  const none = t('common.none');
  // The office sets a rectification on a finding; the measure set last is linked from here.
  const [setting, setSetting] = useState<Finding | null>(null);
  const [lastSet, setLastSet] = useState<Correction | null>(null);
  const mayCorrect = user.role === 'supervisor';

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={size}
      title={a ? `${t('pages.acts.detail')} ${a.id}` : t('pages.acts.detail')}
      data-testid="act-drawer"
    >
      {act.error ? (
        <LoadError error={act.error} onRetry={act.reload} />
      ) : !a ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2 }}
            styles={{ label: { width: 110 } }}
            items={overview(a, t, none)}
          />
          <div>
            <Typography.Title level={5}>
              {t('pages.acts.field.findings')}（{a.findings.length}）
            </Typography.Title>
            {a.findings.length === 0 ? (
              <Alert type="success" showIcon title={t('pages.acts.noFindings')} />
            ) : (
              <Flex vertical gap={12} data-testid="act-findings">
                {a.findings.map((f) => (
                  <FindingCard
                    key={`${f.rule}|${f.relatedActId ?? ''}`}
                    finding={f}
                    label={ruleLabel(f.rule, f.label)}
                    onShowAct={onShowAct}
                    onSetMeasure={mayCorrect ? () => setSetting(f) : undefined}
                  />
                ))}
              </Flex>
            )}
            {lastSet && lastSet.actId === a.id && (
              <Alert
                type="success"
                showIcon
                style={{ marginTop: 12 }}
                data-testid="act-correction-set"
                title={t('pages.corrections.created.finding')}
                description={lastSet.measure}
                action={
                  <Link to={correctionHref(lastSet.id)} data-testid="act-correction-link">
                    {t('pages.corrections.createdView')}
                  </Link>
                }
              />
            )}
          </div>
          {a.findings.length > 0 && (
            <div>
              <Typography.Title level={5}>{t('pages.acts.leads')}</Typography.Title>
              {a.leads.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.acts.noLeads')} />
              ) : (
                <List
                  size="small"
                  bordered
                  dataSource={a.leads}
                  data-testid="act-leads"
                  renderItem={(l) => (
                    <List.Item
                      actions={[
                        l.caseId && access.cases ? (
                          <Link key="case" to={`/cases/${encodeURIComponent(l.caseId)}`}>
                            {t('pages.acts.lead.case', { number: l.caseNumber ?? '' })}
                          </Link>
                        ) : null,
                        access.leads ? (
                          <Link key="lead" to={`/leads?status=all&lead=${encodeURIComponent(l.id)}`}>
                            {t('pages.acts.lead.open')}
                          </Link>
                        ) : null,
                      ].filter(Boolean)}
                    >
                      <Flex gap={8} align="center" wrap>
                        <LeadStatusTag status={l.status} />
                        {l.rule && <Typography.Text>{ruleLabel(l.rule)}</Typography.Text>}
                        {l.dismissReason && (
                          <Typography.Text type="secondary">{l.dismissReason}</Typography.Text>
                        )}
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </div>
          )}
          <CorrectionForm
            target={setting && { source: 'finding', actId: a.id, rule: setting.rule }}
            subject={
              setting &&
              t('pages.corrections.subject.finding', {
                id: a.id,
                rule: ruleLabel(setting.rule, setting.label),
              })
            }
            onClose={() => setSetting(null)}
            onSaved={(m) => {
              setSetting(null);
              setLastSet(m);
            }}
          />
          <Collapse
            size="small"
            items={[
              {
                key: 'body',
                label: t('pages.acts.body'),
                children: (
                  <pre className="wz-pre" style={{ margin: 0, fontSize: 12 }} data-testid="act-body">
                    {JSON.stringify(a.body, null, 2)}
                  </pre>
                ),
              },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}

function overview(a: ActDetail, t: (k: string, v?: Record<string, string | number>) => string, none: string) {
  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'kind', label: t('pages.acts.field.kind'), children: t(`enums.actKind.${a.kind}`) },
    { key: 'actOn', label: t('pages.acts.field.actOn'), children: a.actOn ?? none },
    { key: 'agency', label: t('pages.acts.field.agency'), children: a.agencyName ?? a.agencyId, span: 2 },
    { key: 'matter', label: t('pages.acts.field.matter'), children: a.matter ?? none, span: 2 },
    {
      key: 'procedure',
      label: t('pages.acts.field.procedure'),
      children: a.procedure ? t(`pages.acts.procedure.${a.procedure}`) : none,
    },
    {
      key: 'party',
      label: t('pages.acts.field.party'),
      children: a.partyType
        ? `${t(`pages.acts.party.${a.partyType}`)}${a.partyId ? ` · ${a.partyId}` : ''}`
        : none,
    },
    { key: 'decided', label: t('pages.acts.field.decided'), children: a.decided ?? none },
    {
      key: 'fine',
      label: t('pages.acts.field.fine'),
      children: a.fine === null ? none : a.fine.toLocaleString('zh-CN'),
    },
    {
      key: 'importedAt',
      label: t('pages.acts.field.importedAt'),
      children: dayjs(a.importedAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'updatedAt',
      label: t('pages.acts.field.updatedAt'),
      children: dayjs(a.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];
  return items;
}

function FindingCard({
  finding: f,
  label,
  onShowAct,
  onSetMeasure,
}: {
  finding: Finding;
  label: string;
  onShowAct(id: string): void;
  /** The office: set a rectification for this finding. */
  onSetMeasure?: () => void;
}) {
  const { t } = useIntl();
  return (
    <Alert
      type="error"
      data-testid="act-finding"
      data-rule={f.rule}
      action={
        onSetMeasure && (
          <Button
            size="small"
            icon={<ToolOutlined />}
            onClick={onSetMeasure}
            data-testid="act-finding-correct"
          >
            {t('pages.corrections.set.finding')}
          </Button>
        )
      }
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{label}</Typography.Text>
          {f.fault && (
            <Link to={browserHref(itemAnchor(f.fault))}>
              <Tag color="volcano">
                {t('pages.acts.finding.fault')} {f.fault}
              </Tag>
            </Link>
          )}
        </Flex>
      }
      description={
        <Flex vertical gap={4}>
          <Typography.Text>{f.detail}</Typography.Text>
          <Typography.Text type="secondary">
            {t('pages.acts.finding.basis')}：{f.basis}
          </Typography.Text>
          {f.relatedActId && (
            <Typography.Text type="secondary">
              {t('pages.acts.finding.related')}：
              <Typography.Link onClick={() => onShowAct(f.relatedActId!)}>{f.relatedActId}</Typography.Link>
            </Typography.Text>
          )}
          {f.officerId && (
            <Typography.Text type="secondary">
              {t('pages.acts.finding.officer')}：{f.officerId}
            </Typography.Text>
          )}
        </Flex>
      }
    />
  );
}
