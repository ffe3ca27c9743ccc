// Double scoring on the scoring page: the reviewers' own scores the reader may see (the other's only
// once both are in), how their totals compare with the rubric's margin, and — for the group leader,
// when they differ by more than it — the final score with a note (合议), scored by the same sheet.
import { Alert, App, Button, Card, Flex, Input, List, Modal, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { textLimit } from '../../../components/textLimit';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { reconcileFile } from '../service';
import type { FileDetail, Marks } from '../types';
import ScoreSheet, { sheetOf } from './ScoreSheet';
import { GradeTag } from './Tags';

export default function DoubleScoring({ d, onDone }: { d: FileDetail; onDone(): void }) {
  const { t } = useIntl();
  const noteLimit = textLimit(2000, t);
  const { message } = App.useApp();
  const showError = useApiError();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const f = d.file;
  const r = d.reconciliation;

  const reconcile = async (marks: Marks) => {
    if (note.trim().length < 2 || noteLimit.over(note)) {
      setNoteMissing(true);
      return;
    }
    setSaving(true);
    try {
      const saved = await reconcileFile(f, marks, note.trim());
      message.success(
        t('pages.review.double.reconciled', {
          total: saved.file.total ?? '',
          grade: t(`enums.reviewGrade.${saved.file.grade}`),
        }),
      );
      setOpen(false);
      onDone();
    } catch (e) {
      showError(e, { onReload: onDone });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      variant="borderless"
      size="small"
      title={t('pages.review.double.title')}
      data-testid="review-double"
      extra={
        d.reconcileRefusal === null && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="review-reconcile-open">
            {t('pages.review.double.reconcile')}
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        {d.scores.length < 2 && f.grade === null && (
          <Typography.Text type="secondary">
            {t('pages.review.double.waiting', { n: f.scoreCount })}
            {f.scoreCount > d.scores.length ? ` · ${t('pages.review.double.hidden')}` : ''}
          </Typography.Text>
        )}
        <List
          size="small"
          dataSource={d.scores}
          renderItem={(s) => (
            <List.Item>
              <Flex gap={8} align="center" wrap>
                {s.mine ? <Tag color="blue">{t('pages.review.double.mine')}</Tag> : null}
                {s.reviewerName}
                <Typography.Text strong>{s.total}</Typography.Text>
                <GradeTag grade={s.grade} />
                <Typography.Text type="secondary">
                  {dayjs(s.scoredAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
        {r && (
          <Alert
            type={r.agreed ? 'success' : r.note ? 'info' : 'warning'}
            showIcon
            title={r.reason}
            description={
              r.note
                ? `${t('pages.review.double.note')}：${r.note}（${r.byName ?? ''} ${r.at ? dayjs(r.at).format('YYYY-MM-DD') : ''}）`
                : undefined
            }
            data-testid="review-reconciliation"
          />
        )}
      </Flex>
      <Modal
        open={open}
        title={t('pages.review.double.reconcile')}
        onCancel={() => setOpen(false)}
        footer={null}
        width={960}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          {r && <Alert type="warning" showIcon title={r.reason} />}
          <Input.TextArea
            rows={3}
            count={noteLimit.count}
            placeholder={t('pages.review.double.note')}
            value={note}
            status={noteMissing || noteLimit.over(note) ? 'error' : undefined}
            onChange={(e) => {
              setNote(e.target.value);
              setNoteMissing(false);
            }}
            data-testid="review-reconcile-note"
          />
          <ScoreSheet
            rubric={d.rubric}
            act={f.actId}
            kind={f.kind}
            initial={sheetOf(d.scores[0]?.marks ?? null)}
            editable
            saving={saving}
            onSave={reconcile}
            saveLabel={t('pages.review.double.reconcile')}
          />
        </Flex>
      </Modal>
    </Card>
  );
}
