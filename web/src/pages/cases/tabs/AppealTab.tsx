// 申诉: the appeal window after service; for the officer concerned, while the decision pursues
// them and they have not appealed, the button to appeal; and the appeal before the relief panel —
// its number (a link to it), its state, the panel's due date and, once decided, its result. The
// decision stands during the appeal.
import { FlagOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { accessOf } from '../../../access';
import { AppealOutcomeTag, AppealStateTag } from '../../../components/AppealTags';
import { DeadlineTag } from '../../../components/DeadlineTag';
import { useVocabLabel } from '../../../hooks/useVocabLabel';
import { useIntl } from '../../../locales/intl';
import { appealHref } from '../../../services/appeals';
import { useUser } from '../../../session';
import type { CaseDetail } from '../../../types/case';
import { CASE_DESCRIPTIONS } from '../components/descriptions';

export default function AppealTab({ c, onAppeal }: { c: CaseDetail; onAppeal?(): void }) {
  const { t } = useIntl();
  const user = useUser();
  const label = useVocabLabel();
  const window = c.deadlines.find((d) => d.step === 'appeal_window');
  const answer = c.deadlines.find((d) => d.step === 'appeal_answer');
  const nameOf = new Map(c.persons.map((p) => [p.officerId, p.name]));
  const a = c.appeal;
  const linked = accessOf(user).appeals;
  const fileButton = onAppeal && (
    <Button type="primary" icon={<FlagOutlined />} onClick={onAppeal} data-testid="appeal-file">
      {t('pages.cases.appeal.file')}
    </Button>
  );
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
      {!a ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.cases.appeal.none')}>
          {fileButton}
        </Empty>
      ) : (
        <>
          <Alert type="info" showIcon title={t('pages.cases.appeal.stands')} />
          <Descriptions
            {...CASE_DESCRIPTIONS}
            data-testid="case-appeal"
            items={[
              {
                key: 'number',
                label: t('pages.cases.appeal.number'),
                children: linked ? (
                  <Link to={appealHref(a.id)} data-testid="case-appeal-link">
                    {a.number}
                  </Link>
                ) : (
                  <span data-testid="case-appeal-link">{a.number}</span>
                ),
              },
              {
                key: 'state',
                label: t('common.status'),
                children: <AppealStateTag state={a.state} testId="case-appeal-state" />,
              },
              {
                key: 'by',
                label: t('pages.cases.appeal.by'),
                children: `${nameOf.get(a.officerId) ?? ''}（${a.officerId}）`,
              },
              {
                key: 'on',
                label: t('pages.cases.appeal.filedOn'),
                children: <span data-testid="appeal-filed-on">{a.filedOn}</span>,
              },
              ...(a.grounds
                ? [
                    {
                      key: 'grounds',
                      label: t('pages.cases.field.grounds'),
                      span: 2,
                      children: <div className="wz-pre">{a.grounds}</div>,
                    },
                  ]
                : []),
              {
                key: 'result',
                label: t('pages.cases.appeal.result'),
                children: a.result ? (
                  <AppealOutcomeTag
                    outcome={a.result}
                    formLabel={a.form ? label('sanction', a.form) : null}
                    testId="case-appeal-result"
                  />
                ) : (
                  <Flex gap={8} wrap>
                    <Tag color="processing" data-testid="appeal-pending">
                      {t('pages.cases.appeal.pending')}
                    </Tag>
                    {answer ? (
                      <DeadlineTag deadline={answer} />
                    ) : (
                      a.dueOn && <span>{t('pages.cases.appeal.dueOn', { due: a.dueOn })}</span>
                    )}
                  </Flex>
                ),
              },
              {
                key: 'decided',
                label: t('pages.cases.appeal.decidedOn'),
                children: a.reviewedOn ?? t('common.none'),
              },
            ]}
          />
          {fileButton && <div>{fileButton}</div>}
        </>
      )}
    </Flex>
  );
}
