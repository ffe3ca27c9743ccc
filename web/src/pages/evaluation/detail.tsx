// One evaluation: the agencies, period, audiences and the form; the office issues codes (with QR codes
// and a CSV), moderates the comments and closes it; an evaluator answers signed in; the office and the
// agencies read the results per agency; the history of what was done.
import { App, Button, Card, Descriptions, Flex, List, Popconfirm, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { PageContainer } from '../../components/PageContainer';
import { PagePending } from '../../components/PagePending';
import { useApi } from '../../hooks/useApi';
import { useApiError } from '../../hooks/useApiError';
import { useIntl } from '../../locales/intl';
import { api } from '../../services/request';
import { useUser } from '../../session';
import AnswerForm from './components/AnswerForm';
import IssueCodes from './components/IssueCodes';
import Moderation from './components/Moderation';
import Results from './components/Results';
import { EvaluationStateTag } from './components/StateTag';
import { closeEvaluation, getEvaluation } from './service';

type History = {
  items: {
    id: number;
    at: string;
    actorName: string | null;
    action: string;
    detail: Record<string, unknown>;
  }[];
};

export default function EvaluationPage() {
  const { t } = useIntl();
  const user = useUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const { id = '' } = useParams();
  const loaded = useApi((signal) => getEvaluation(id, signal), [id]);
  const [tab, setTab] = useState<string>();
  const c = loaded.data?.id === id ? loaded.data : undefined;
  const history = useApi(
    (signal) =>
      api.get<History>(`/api/v1/evaluation-campaigns/${encodeURIComponent(id)}/history`, undefined, signal),
    [id, c?.version, c?.invitations],
  );
  const crumbs = [{ title: t('menu.evaluation'), to: '/evaluation' }];
  if (!c)
    return (
      <PagePending
        title={t('menu.evaluation')}
        breadcrumb={crumbs}
        error={loaded.error}
        onRetry={loaded.reload}
      />
    );

  const close = async () => {
    try {
      await closeEvaluation(c);
      message.success(t('pages.evaluation.close'));
      loaded.reload();
    } catch (e) {
      showError(e, { onReload: loaded.reload });
    }
  };
  const f = (k: string) => t(`pages.evaluation.field.${k}`);
  const readsResults = c.office || user.role === 'admin' || user.role === 'agency_legal';
  const open = c.state === 'open';

  const items = [
    {
      key: 'form',
      label: t('pages.evaluation.tab.overview'),
      children: (
        <List
          header={
            <Typography.Text type="secondary">
              {c.form.title} · {c.form.scale.map((s, i) => `${i + 1} ${s}`).join(' / ')}
            </Typography.Text>
          }
          dataSource={c.form.items}
          renderItem={(i, n) => (
            <List.Item>
              <List.Item.Meta title={`${n + 1}. ${i.label}`} description={i.hint} />
            </List.Item>
          )}
        />
      ),
    },
    c.office &&
      open && {
        key: 'codes',
        label: t('pages.evaluation.tab.codes'),
        children: <IssueCodes campaign={c} onIssued={loaded.reload} />,
      },
    c.office && {
      key: 'moderation',
      label: `${t('pages.evaluation.tab.moderation')}${c.pending > 0 ? ` (${c.pending})` : ''}`,
      children: <Moderation campaign={c} onChanged={loaded.reload} />,
    },
    readsResults && {
      key: 'results',
      label: t('pages.evaluation.tab.results'),
      children: <Results campaign={c} />,
    },
    c.canAnswer && {
      key: 'answer',
      label: t('pages.evaluation.tab.answer'),
      children: <AnswerForm campaign={c} onAnswered={loaded.reload} />,
    },
    {
      key: 'history',
      label: t('common.history'),
      children: <HistoryTimeline items={history.data?.items ?? []} testId="evaluation-history" />,
    },
  ].filter((x): x is Exclude<typeof x, false> => Boolean(x));

  return (
    <PageContainer
      testId="evaluation-detail"
      title={c.name}
      breadcrumb={crumbs}
      tags={<EvaluationStateTag state={c.state} />}
      extra={
        c.office &&
        open && (
          <Popconfirm title={t('pages.evaluation.closeConfirm')} onConfirm={close}>
            <Button data-testid="evaluation-close">{t('pages.evaluation.close')}</Button>
          </Popconfirm>
        )
      }
    >
      <Flex vertical gap={16}>
        <Card variant="borderless">
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={f('agencies')}>
              {c.agencies.map((a) => a.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={f('period')}>
              {c.from} ~ {c.to}
            </Descriptions.Item>
            <Descriptions.Item label={f('audiences')}>
              {c.audiences.map((a) => t(`enums.evaluationAudience.${a}`)).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={f('progress')}>
              <span data-testid="evaluation-progress">
                {t('pages.evaluation.progress', { invitations: c.invitations, answers: c.answers })}
              </span>
            </Descriptions.Item>
            {c.office && <Descriptions.Item label={f('pending')}>{c.pending}</Descriptions.Item>}
            <Descriptions.Item label={t('pages.review.field.createdBy')}>
              {c.createdByName ?? t('common.none')} · {dayjs(c.createdAt).format('YYYY-MM-DD')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card variant="borderless">
          <Tabs activeKey={tab ?? items[0]?.key} onChange={setTab} items={items} />
        </Card>
      </Flex>
    </PageContainer>
  );
}
