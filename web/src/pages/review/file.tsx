// Scoring one case file of a review campaign: the act's record (read-only) beside the rubric —
// veto items, 卷面 and 内容 deductions with a note each — with the total and the grade computed as
// one marks; saved, the server scores the same marks and, at the spot-check, turns each failed item
// that names a catalogue fault into a lead. The self-check's grade shows beside it where the reader
// may see it; a reader who may not score (not assigned, another stage) sees the sheet read-only.
import { Alert, App, Card, Col, Descriptions, Flex, Row, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { accessOf } from '../../access';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { useApiError } from '../../hooks/useApiError';
import { useIntl } from '../../locales/intl';
import { useUser } from '../../session';
import ActRecord from './components/ActRecord';
import DoubleScoring from './components/DoubleScoring';
import ScoreSheet, { sheetOf } from './components/ScoreSheet';
import { GradeTag, StageTag } from './components/Tags';
import { campaignHref, getFile, saveMarks } from './service';
import type { Marks } from './types';

export default function ReviewFilePage() {
  const { t } = useIntl();
  const user = useUser();
  const { message } = App.useApp();
  const showError = useApiError();
  const { fileId = '' } = useParams();
  const loaded = useApi((signal) => getFile(fileId, signal), [fileId]);
  const [saving, setSaving] = useState(false);
  const d = loaded.data?.file.id === fileId ? loaded.data : undefined;
  const crumbs = [{ title: t('menu.review'), to: '/review' }];

  if (loaded.error)
    return (
      <PageContainer title={t('pages.review.file')} breadcrumb={crumbs}>
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      </PageContainer>
    );
  if (!d)
    return (
      <PageContainer title={t('pages.review.file')} breadcrumb={crumbs}>
        <Skeleton active />
      </PageContainer>
    );
  const f = d.file;
  // Double scoring: the sheet starts from the reader's own score, not the file's final one.
  const initialMarks = d.doubleScoring ? (d.scores.find((s) => s.mine)?.marks ?? null) : f.marks;

  const save = async (marks: Marks) => {
    setSaving(true);
    try {
      const saved = await saveMarks(f, marks);
      const leads = saved.file.leads.length - f.leads.length;
      const mine = saved.scores.find((s) => s.mine);
      message.success(
        saved.doubleScoring && saved.file.grade === null && mine
          ? t('pages.review.saved', { grade: t(`enums.reviewGrade.${mine.grade}`) })
          : leads > 0
            ? t('pages.review.savedWithLeads', {
                grade: t(`enums.reviewGrade.${saved.file.grade}`),
                n: leads,
              })
            : t('pages.review.saved', { grade: t(`enums.reviewGrade.${saved.file.grade}`) }),
      );
      loaded.reload();
    } catch (e) {
      showError(e, { onReload: loaded.reload });
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer
      testId="review-file"
      title={t('pages.review.fileTitle', { act: f.actId })}
      breadcrumb={[...crumbs, { title: d.campaign.name, to: campaignHref(d.campaign.id) }]}
      tags={
        <>
          <StageTag stage={f.stage} />
          <GradeTag grade={f.grade} testId="review-file-grade" />
        </>
      }
    >
      <Flex vertical gap={16}>
        {!f.canScore && d.refusal && (
          <Alert type="info" showIcon title={d.refusal} data-testid="review-refusal" />
        )}
        {d.doubleScoring && <DoubleScoring d={d} onDone={loaded.reload} />}
        {f.leads.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="review-file-leads"
            title={t('pages.review.leadsOpened', { n: f.leads.length })}
            description={
              <Flex gap={8} wrap>
                {f.leads.map((l) =>
                  accessOf(user).leads ? (
                    <Link key={l.leadId} to={`/leads?q=${encodeURIComponent(f.actId)}`}>
                      {l.fault}
                    </Link>
                  ) : (
                    <span key={l.leadId}>{l.fault}</span>
                  ),
                )}
              </Flex>
            }
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card variant="borderless" title={t('pages.review.actRecord')}>
              <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('pages.review.field.agency')}>
                  {d.act.agencyName}
                </Descriptions.Item>
                {f.stage === 'spot' && (
                  <Descriptions.Item label={t('pages.review.field.reviewers')}>
                    {f.reviewers.map((r) => r.name).join('、') || t('pages.review.unassigned')}
                  </Descriptions.Item>
                )}
                {f.scoredAt && (
                  <Descriptions.Item label={t('pages.review.field.scoredBy')}>
                    {f.scoredByName ?? t('common.none')} · {dayjs(f.scoredAt).format('YYYY-MM-DD HH:mm')}
                  </Descriptions.Item>
                )}
                {d.twin && (
                  <Descriptions.Item label={t(`pages.review.twin.${d.twin.stage}`)}>
                    <Flex gap={6} align="center" data-testid="review-twin">
                      {d.twin.total ?? t('common.none')}
                      <GradeTag grade={d.twin.grade} />
                    </Flex>
                  </Descriptions.Item>
                )}
              </Descriptions>
              <ActRecord body={d.act.body} />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {d.rubric.title}
              {d.rubric.summary ? ` · ${t('pages.review.rubricSummary')}` : ''}
            </Typography.Paragraph>
            <ScoreSheet
              key={`${f.id}-${f.version}`}
              rubric={d.rubric}
              act={f.actId}
              kind={f.kind}
              initial={sheetOf(initialMarks)}
              editable={f.canScore}
              saving={saving}
              onSave={save}
            />
          </Col>
        </Row>
      </Flex>
    </PageContainer>
  );
}
