// 申诉: the appeal window after service; for the officer concerned, while the decision pursues
// them and they have not appealed, the button to appeal; and the appeal before the relief panel —
// its number (a link to it), its state, the panel's due date and, once decided, its result. The
// decision stands during the appeal. For the agency's legal office, when the served decision imposes
// Art. 25 measures on its agency, the button to appeal on the agency's behalf (以机关名义申诉); the
// agency's appeal itself is in the appeals register.

import { FlagOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { accessOf } from '../../../access';
import { AppealOutcomeTag, AppealStateTag } from '../../../components/AppealTags';
import { DeadlineTag } from '../../../components/DeadlineTag';
import { useApi } from '../../../hooks/useApi';
import { useVocabLabel } from '../../../hooks/useVocabLabel';
import { useIntl } from '../../../locales/intl';
import { appealHref, listAppeals } from '../../../services/appeals';
import { useUser } from '../../../session';
import type { CaseDetail } from '../../../types/case';
import AppealFileModal from '../components/AppealFileModal';
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
  const [agencyOpen, setAgencyOpen] = useState(false);
  // The Art. 25 measures the decision imposes on the case's agency (as the decision document prints them).
  const agencyMeasures =
    c.determination?.agencies.find((x) => x.id === c.agencyId && x.liable)?.measures ?? [];
  const agencyMay =
    user.role === 'agency_legal' &&
    user.agencyId === c.agencyId &&
    c.servedOn !== null &&
    c.decisionKind === 'pursue' &&
    agencyMeasures.length > 0;
  // The agency's own 复核 and appeal, once filed: a link to the latest; the button while one may
  // still be filed (an appeal after a decided 复核 that left measures to appeal).
  const agencyOwn =
    useApi(
      async (signal) =>
        agencyMay
          ? (await listAppeals({ caseId: c.id, page: 1, pageSize: 50 }, signal)).items.filter(
              (x) => x.appellantKind === 'agency' && x.state !== 'withdrawn',
            )
          : [],
      [c.id, c.version, agencyMay],
    ).data ?? [];
  const agencyReview = agencyOwn.find((x) => x.stage === 'review');
  const agencyFiled = agencyOwn.find((x) => x.stage === 'appeal') ?? agencyReview;
  const agencyMayFile =
    !agencyOwn.some((x) => x.stage === 'appeal') &&
    (!agencyReview || (agencyReview.state === 'decided' && agencyReview.outcome !== 'revoked'));
  const agencyAppeal = agencyMay && agencyFiled && (
    <Alert
      type="info"
      showIcon
      data-testid="agency-appeal-filed"
      title={
        <span>
          {t('pages.cases.appeal.agencyFiled')}
          <Link to={appealHref(agencyFiled.id)}>{agencyFiled.number}</Link>
        </span>
      }
    />
  );
  const agencyButton = agencyMay && agencyMayFile && (
    <Flex vertical gap={8} data-testid="agency-appeal">
      <Alert
        type="info"
        showIcon
        title={t('pages.cases.appeal.agencyHint', {
          measures: agencyMeasures.map((m) => label('measure', m)).join('、'),
        })}
      />
      <div>
        <Button icon={<FlagOutlined />} onClick={() => setAgencyOpen(true)} data-testid="appeal-file-agency">
          {t('pages.cases.appeal.fileAgency')}
        </Button>
      </div>
      <AppealFileModal
        c={c}
        open={agencyOpen}
        onClose={() => setAgencyOpen(false)}
        appellant="agency"
        reviewed={agencyReview !== undefined}
      />
    </Flex>
  );
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
      {agencyAppeal}
      {agencyButton}
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
                children: (
                  <Flex gap={6} align="center">
                    {linked ? (
                      <Link to={appealHref(a.id)} data-testid="case-appeal-link">
                        {a.number}
                      </Link>
                    ) : (
                      <span data-testid="case-appeal-link">{a.number}</span>
                    )}
                    <Tag data-testid="case-appeal-stage" data-stage={a.stage}>
                      {t(`enums.appealStage.${a.stage}`)}
                    </Tag>
                  </Flex>
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
                      {t(
                        a.stage === 'review'
                          ? 'pages.cases.appeal.reviewPending'
                          : 'pages.cases.appeal.pending',
                      )}
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
