// The moderation queue (the office's alone): each pending comment with its agency, audience and scores;
// approve it (then others read it) or reject it with a reason (kept with who and when).
import { App, Button, Empty, Flex, Input, List, Modal, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { textLimit } from '../../../components/textLimit';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { evaluationAnswers, moderateAnswer } from '../service';
import type { EvaluationAnswerRow, EvaluationCampaign } from '../types';

export default function Moderation({
  campaign,
  onChanged,
}: {
  campaign: EvaluationCampaign;
  onChanged(): void;
}) {
  const { t } = useIntl();
  const reasonLimit = textLimit(500, t);
  const { message } = App.useApp();
  const showError = useApiError();
  const queue = useApi(
    (signal) => evaluationAnswers(campaign.id, { moderation: 'pending' }, signal),
    [campaign.id],
  );
  const [rejecting, setRejecting] = useState<EvaluationAnswerRow>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const decide = async (a: EvaluationAnswerRow, decision: 'approve' | 'reject', why?: string) => {
    setBusy(true);
    try {
      await moderateAnswer(a, decision, why);
      message.success(t(decision === 'approve' ? 'pages.evaluation.approved' : 'pages.evaluation.rejected'));
      setRejecting(undefined);
      setReason('');
      queue.reload();
      onChanged();
    } catch (e) {
      showError(e, { onReload: queue.reload });
    } finally {
      setBusy(false);
    }
  };

  const items = queue.data?.items ?? [];
  return (
    <>
      {items.length === 0 && !queue.loading ? (
        <Empty description={t('pages.evaluation.queueEmpty')} />
      ) : (
        <List<EvaluationAnswerRow>
          loading={queue.loading}
          dataSource={items}
          data-testid="evaluation-queue"
          renderItem={(a) => (
            <List.Item
              data-testid="evaluation-queue-item"
              actions={[
                <Button
                  key="a"
                  type="primary"
                  size="small"
                  disabled={busy}
                  onClick={() => decide(a, 'approve')}
                  data-testid="evaluation-approve"
                >
                  {t('pages.evaluation.approve')}
                </Button>,
                <Button
                  key="r"
                  danger
                  size="small"
                  disabled={busy}
                  onClick={() => setRejecting(a)}
                  data-testid="evaluation-reject"
                >
                  {t('pages.evaluation.reject')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Flex gap={8} wrap align="center">
                    {a.agencyName}
                    <Tag>{t(`enums.evaluationAudience.${a.audience}`)}</Tag>
                    <Tag>{a.byCode ? t('pages.evaluation.byCode') : t('pages.evaluation.signedIn')}</Tag>
                    <Typography.Text type="secondary">
                      {t('pages.evaluation.field.mean')} {a.mean} ·{' '}
                      {dayjs(a.createdAt).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  </Flex>
                }
                description={
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {a.comment}
                  </Typography.Paragraph>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Modal
        open={Boolean(rejecting)}
        title={t('pages.evaluation.reject')}
        onCancel={() => setRejecting(undefined)}
        onOk={() => rejecting && decide(rejecting, 'reject', reason.trim())}
        okButtonProps={{
          danger: true,
          disabled: reason.trim().length === 0 || reasonLimit.over(reason),
          loading: busy,
          'data-testid': 'evaluation-reject-submit',
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{rejecting?.comment}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          count={reasonLimit.count}
          status={reasonLimit.over(reason) ? 'error' : undefined}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('pages.evaluation.field.reason')}
          data-testid="evaluation-reject-reason"
        />
      </Modal>
    </>
  );
}
