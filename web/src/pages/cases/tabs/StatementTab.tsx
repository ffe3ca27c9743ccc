// 陈述申辩: the persons concerned, whether each is liable, their statement and defence (or
// waiver), a requested hearing and its record. The decision waits until every liable person
// has been heard or the period has run out.
import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { PersonReliefTag } from '../../../components/AppealTags';
import { DeadlineTag } from '../../../components/DeadlineTag';
import { PersonToleranceTag } from '../../../components/ToleranceTags';
import { useIntl } from '../../../locales/intl';
import type { CaseDetail, CasePerson } from '../../../types/case';

function PersonStatement({ p, own }: { p: CasePerson; own: boolean }) {
  const { t } = useIntl();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`person-statement-${p.officerId}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>
            {p.name}（{p.officerId}）
          </span>
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
            {[p.agencyName, p.post].filter(Boolean).join(' · ')}
          </Typography.Text>
          <Tag color={p.liable ? 'red' : 'green'}>
            {p.liable ? t('pages.cases.liable') : t('pages.cases.notLiable')}
          </Tag>
          {own && <Tag color="gold">{t('pages.cases.statement.you')}</Tag>}
          {p.tolerance && <PersonToleranceTag tolerance={p.tolerance} />}
          {p.relief && <PersonReliefTag relief={p.relief} />}
        </Flex>
      }
      extra={
        p.statement ? (
          <Tag color="success" data-testid="statement-status">
            {t('pages.cases.statement.stated', { date: p.statement.on })}
          </Tag>
        ) : p.waived ? (
          <Tag data-testid="statement-status">{t('pages.cases.statement.waived')}</Tag>
        ) : p.liable ? (
          <Tag color="warning" data-testid="statement-status">
            {t('pages.cases.statement.pending')}
          </Tag>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 110 } }}
        items={[
          {
            key: 'statement',
            label: t('pages.cases.field.statement'),
            children: p.statement ? (
              <div className="wz-pre" data-testid="statement-text">
                {p.statement.text}
              </div>
            ) : (
              none
            ),
          },
          {
            key: 'hearing',
            label: t('pages.cases.statement.hearing'),
            children: p.hearing ? (
              <div>
                <div>{t('pages.cases.statement.heldOn', { date: p.hearing.heldOn })}</div>
                <div className="wz-pre">{p.hearing.summary}</div>
              </div>
            ) : p.hearingRequested ? (
              <Tag color="orange">{t('pages.cases.statement.hearingRequested')}</Tag>
            ) : (
              none
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function StatementTab({ c, ownOfficerId }: { c: CaseDetail; ownOfficerId: string | null }) {
  const { t } = useIntl();
  const deadline = c.deadlines.find((d) => d.step === 'statement');
  if (c.persons.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.cases.statement.noPersons')} />;
  return (
    <Flex vertical gap={12} data-testid="statement-tab">
      <Flex gap={12} align="center" wrap>
        <Typography.Text type="secondary">
          {c.statementNoticeOn
            ? t('pages.cases.statement.notifiedOn', { date: c.statementNoticeOn })
            : t('pages.cases.statement.notNotified')}
        </Typography.Text>
        {deadline && <DeadlineTag deadline={deadline} />}
      </Flex>
      {c.persons.map((p) => (
        <PersonStatement key={p.officerId} p={p} own={p.officerId === ownOfficerId} />
      ))}
    </Flex>
  );
}
