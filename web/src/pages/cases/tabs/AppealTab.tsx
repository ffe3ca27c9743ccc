// 申诉: the appeal window after service, the appeal (grounds) and its review. The decision
// stands during the appeal.
import { Alert, Button, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { DeadlineTag } from '../../../components/DeadlineTag';
import { useIntl } from '../../../locales/intl';
import type { CaseDetail } from '../../../types/case';
import { CASE_DESCRIPTIONS } from '../components/descriptions';

const RESULT_COLORS = { upheld: 'default', changed: 'orange', revoked: 'green' } as const;

export default function AppealTab({ c, onAppeal }: { c: CaseDetail; onAppeal?(): void }) {
  const { t } = useIntl();
  const window = c.deadlines.find((d) => d.step === 'appeal_window');
  const answer = c.deadlines.find((d) => d.step === 'appeal_answer');
  const nameOf = new Map(c.persons.map((p) => [p.officerId, p.name]));
  return (
    <Flex vertical gap={16} data-testid="appeal-tab">
      {window ? (
        <Flex gap={12} align="center" wrap>
          <Typography.Text type="secondary">{t('pages.cases.appeal.window')}</Typography.Text>
          <DeadlineTag deadline={window} />
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('pages.cases.appeal.notServed')}</Typography.Text>
      )}
      {!c.appeal ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.cases.appeal.none')}>
          {onAppeal && (
            <Button type="primary" onClick={onAppeal}>
              {t('pages.cases.action.appeal')}
            </Button>
          )}
        </Empty>
      ) : (
        <>
          <Alert type="info" showIcon title={t('pages.cases.appeal.stands')} />
          <Descriptions
            {...CASE_DESCRIPTIONS}
            items={[
              {
                key: 'by',
                label: t('pages.cases.appeal.by'),
                children: `${nameOf.get(c.appeal.officerId) ?? ''}（${c.appeal.officerId}）`,
              },
              {
                key: 'on',
                label: t('pages.cases.appeal.filedOn'),
                children: <span data-testid="appeal-filed-on">{c.appeal.filedOn}</span>,
              },
              {
                key: 'grounds',
                label: t('pages.cases.field.grounds'),
                span: 2,
                children: <div className="wz-pre">{c.appeal.grounds || t('common.none')}</div>,
              },
              {
                key: 'result',
                label: t('pages.cases.field.reviewResult'),
                children: c.appeal.result ? (
                  <Tag color={RESULT_COLORS[c.appeal.result]}>
                    {t(`enums.appealResult.${c.appeal.result}`)}
                  </Tag>
                ) : (
                  <Flex gap={8} wrap>
                    <Tag color="processing" data-testid="appeal-pending">
                      {t('pages.cases.appeal.pending')}
                    </Tag>
                    {answer && <DeadlineTag deadline={answer} />}
                  </Flex>
                ),
              },
              {
                key: 'reviewed',
                label: t('pages.cases.appeal.reviewedOn'),
                children: c.appeal.reviewedOn ?? t('common.none'),
              },
              ...(c.appeal.reasons
                ? [
                    {
                      key: 'reasons',
                      label: t('pages.cases.field.reviewReasons'),
                      span: 2,
                      children: <div className="wz-pre">{c.appeal.reasons}</div>,
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Flex>
  );
}
