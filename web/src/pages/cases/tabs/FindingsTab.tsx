// 认定: the determination the rulebook made from the recorded facts — each explanation line
// linked to its article — and the conclusions the investigators changed, with their reasons.
import { AuditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import ArticleDrawer from '../../../components/ArticleDrawer';
import { CitePreview } from '../../../components/CiteLink';
import { ResponsiveTable } from '../../../components/ListTable';
import ResultPanel from '../../../components/ResultPanel';
import { PersonToleranceTag } from '../../../components/ToleranceTags';
import { useVocabLabel } from '../../../hooks/useVocabLabel';
import { useIntl } from '../../../locales/intl';
import { newCase } from '../../../services/simulator-codec';
import type { CaseDetail, Override } from '../../../types/case';
import type { Basis } from '../../../types/determination';
import { initialFacts } from '../components/FindingsDrawer';

export default function FindingsTab({ c, onEdit }: { c: CaseDetail; onEdit?(): void }) {
  const { t } = useIntl();
  const label = useVocabLabel();
  const [article, setArticle] = useState<Basis | null>(null);
  const d = c.determination;
  const nameOf = new Map(c.persons.map((p) => [p.officerId, p.name]));
  const engine = new Map((d?.persons ?? []).map((p) => [p.id, p.outcome]));

  if (!d)
    return (
      <Empty description={t('pages.cases.findings.none')} data-testid="findings-empty">
        {onEdit && (
          <Button type="primary" icon={<AuditOutlined />} onClick={onEdit}>
            {t('pages.cases.action.record_findings')}
          </Button>
        )}
      </Empty>
    );

  // The recorded request gives the people's roles; without it (a narrower view) they show as officers.
  const request = c.facts ? initialFacts(c) : { ...newCase({ pack: c.pack }), people: [], agencies: [] };
  return (
    <CitePreview.Provider value={{ pack: c.pack, open: setArticle }}>
      <Flex vertical gap={16} data-testid="findings-tab">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          styles={{ label: { width: 120 } }}
          items={[
            {
              key: 'on',
              label: t('pages.cases.field.findingsOn'),
              children: c.findingsOn ?? t('common.none'),
            },
            {
              key: 'persons',
              label: t('pages.cases.field.persons'),
              children: (
                <Flex gap={4} wrap>
                  {c.persons.map((p) => (
                    <Flex key={p.officerId} gap={4} align="center">
                      <Tag color={p.liable ? 'red' : 'green'}>
                        {p.name}（{p.officerId}）
                        {p.liable ? t('pages.cases.liable') : t('pages.cases.notLiable')}
                      </Tag>
                      {p.tolerance && <PersonToleranceTag tolerance={p.tolerance} />}
                    </Flex>
                  ))}
                </Flex>
              ),
            },
            ...(c.findingsText
              ? [
                  {
                    key: 'text',
                    label: t('pages.cases.findings.text'),
                    span: 2,
                    children: <div className="wz-pre">{c.findingsText}</div>,
                  },
                ]
              : []),
          ]}
        />
        {c.overrides.length > 0 && (
          <Card
            size="small"
            variant="borderless"
            title={t('pages.cases.findings.overrides')}
            className="wz-inner-card"
          >
            <ResponsiveTable<Override>
              rowKey="personId"
              size="small"
              pagination={false}
              dataSource={c.overrides}
              data-testid="overrides"
              columns={[
                {
                  title: t('pages.cases.field.person'),
                  dataIndex: 'personId',
                  width: 150,
                  render: (id: string) => `${nameOf.get(id) ?? ''}（${id}）`,
                },
                {
                  title: t('pages.cases.findings.change'),
                  key: 'change',
                  width: 220,
                  render: (_, o) => (
                    <span>
                      <Typography.Text delete type="secondary">
                        {engine.has(o.personId) ? label('outcome', engine.get(o.personId)!) : ''}
                      </Typography.Text>{' '}
                      → <Tag color="orange">{label('outcome', o.outcome)}</Tag>
                    </span>
                  ),
                },
                { title: t('pages.cases.findings.reason'), dataIndex: 'reason' },
                {
                  title: t('pages.cases.findings.by'),
                  key: 'by',
                  width: 140,
                  render: (_, o) => [o.by, o.on].filter(Boolean).join(' · '),
                },
              ]}
            />
          </Card>
        )}
        <Card
          size="small"
          variant="borderless"
          className="wz-inner-card"
          title={t('pages.cases.findings.determination')}
          extra={
            onEdit && (
              <Button size="small" icon={<AuditOutlined />} onClick={onEdit}>
                {t('pages.cases.findings.edit')}
              </Button>
            )
          }
        >
          <ResultPanel result={d} request={request} names={Object.fromEntries(nameOf)} />
        </Card>
      </Flex>
      <ArticleDrawer basis={article} selection={{ pack: c.pack }} onClose={() => setArticle(null)} />
    </CitePreview.Provider>
  );
}
