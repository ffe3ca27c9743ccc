// Track a complaint with its receipt code: where it stands in the process, the reply or the
// reasons for not opening a case, and the case number once a case is opened. The code is
// kept in the address (?receipt=) so the page can be bookmarked.
import { ArrowLeftOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Result,
  Skeleton,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { normalizeReceipt } from '../../../../src/core/complaints/receipt';
import { textLimit } from '../../components/textLimit';
import { useApi } from '../../hooks/useApi';
import { type Translate, useIntl } from '../../locales/intl';
import { ApiError } from '../../services/request';
import { trackComplaint } from './service';
import type { ComplaintStatus, PublicStatus } from './types';

const STATUS_COLORS: Record<PublicStatus, string> = {
  received: 'processing',
  registered: 'processing',
  investigating: 'processing',
  decided: 'blue',
  closed: 'success',
  dismissed: 'default',
  declined: 'default',
  merged: 'purple',
};

/** The public process in five steps, and where a status stands in it. */
function progress(s: PublicStatus, t: Translate) {
  const titles = ['received', 'review', 'investigating', 'decided', 'closed'].map((k) =>
    t(`pages.public.track.step.${k}`),
  );
  const at: Record<PublicStatus, number> = {
    received: 1,
    registered: 2,
    investigating: 2,
    decided: 3,
    closed: 4,
    dismissed: 1,
    declined: 2,
    merged: 1,
  };
  const stopped = s === 'dismissed' || s === 'declined';
  const current = at[s];
  const items = titles.map((title) => ({ title }));
  if (stopped) items[current] = { title: t('pages.public.track.step.notOpened') };
  if (s === 'merged') items[current] = { title: t('pages.public.track.step.merged') };
  return {
    items: stopped || s === 'merged' ? items.slice(0, current + 1) : items,
    current,
    status: stopped ? ('error' as const) : s === 'closed' ? ('finish' as const) : ('process' as const),
  };
}

function StatusCard({ c }: { c: ComplaintStatus }) {
  const { t } = useIntl();
  const p = progress(c.status, t);
  return (
    <Card variant="borderless" data-testid="track-result" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">{t('pages.public.track.status')}</Typography.Text>
      <div style={{ margin: '6px 0 16px' }}>
        <Tag
          color={STATUS_COLORS[c.status]}
          className="wz-public-status"
          data-testid="track-status"
          data-status={c.status}
        >
          {c.statusLabel}
        </Tag>
      </div>
      <Steps orientation="vertical" size="small" current={p.current} status={p.status} items={p.items} />
      {c.reply && (
        <Alert
          type={c.status === 'dismissed' || c.status === 'declined' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(
            c.status === 'dismissed' || c.status === 'declined'
              ? 'pages.public.track.reasons'
              : 'pages.public.track.reply',
          )}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.reply}</span>}
          data-testid="track-reply"
        />
      )}
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'receipt',
            label: t('pages.public.receipt.code'),
            children: <Typography.Text code>{c.receipt}</Typography.Text>,
          },
          { key: 'subject', label: t('pages.public.complaint.subject'), children: c.subject },
          { key: 'filed', label: t('pages.public.track.filedOn'), children: c.filedOn },
          {
            key: 'case',
            label: t('pages.public.track.caseNumber'),
            children: c.caseNumber ? (
              <span data-testid="track-case-number">{c.caseNumber}</span>
            ) : (
              t('pages.public.track.noCase')
            ),
          },
          {
            key: 'att',
            label: t('pages.public.receipt.attachments'),
            children: t('pages.public.track.attachments', { n: c.attachments }),
          },
        ]}
      />
    </Card>
  );
}

export default function TrackPage() {
  const { t } = useIntl();
  const [params, setParams] = useSearchParams();
  const typed = params.get('receipt') ?? '';
  // As displayed or typed: spaces, hyphens, lower case and look-alike letters are accepted.
  const receipt = normalizeReceipt(typed) ?? typed.trim().toUpperCase();
  const result = useApi(
    (signal) => (receipt ? trackComplaint(receipt, signal) : Promise.resolve(undefined)),
    [receipt],
  );
  const notFound = result.error instanceof ApiError && result.error.status === 404;

  return (
    <div data-testid="track-page">
      <Link to="/public" className="wz-public-back">
        <ArrowLeftOutlined /> {t('common.back')}
      </Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {t('pages.public.track.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pages.public.track.intro')}</Typography.Paragraph>
      <Card variant="borderless">
        <Form
          key={receipt}
          layout="vertical"
          size="large"
          initialValues={{ receipt }}
          onFinish={(v: { receipt: string }) =>
            setParams({ receipt: normalizeReceipt(v.receipt) ?? v.receipt.trim() })
          }
        >
          <Form.Item
            name="receipt"
            label={t('pages.public.receipt.code')}
            normalize={(v: string) => v.toUpperCase()}
            rules={[
              { required: true, message: t('common.required', { field: t('pages.public.receipt.code') }) },
              {
                validator: (_, v: string | undefined) =>
                  !v || normalizeReceipt(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('pages.public.track.invalid'))),
              },
              textLimit(40, t).rule,
            ]}
          >
            <Input
              count={textLimit(40, t).count}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              className="wz-receipt-input"
              placeholder={t('pages.public.track.placeholder')}
              data-testid="track-receipt"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block icon={<SearchOutlined />} data-testid="track-submit">
            {t('common.search')}
          </Button>
        </Form>
      </Card>
      {receipt &&
        (notFound ? (
          <Card variant="borderless" style={{ marginTop: 16 }}>
            <Result
              status="warning"
              title={t('pages.public.track.notFound')}
              subTitle={t('pages.public.track.notFoundHint')}
              data-testid="track-not-found"
            />
          </Card>
        ) : result.error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={
              result.error instanceof ApiError && result.error.status === 0
                ? t('errors.network')
                : (result.error as Error).message || t('errors.server')
            }
          />
        ) : result.loading || !result.data ? (
          <Card variant="borderless" style={{ marginTop: 16 }}>
            <Skeleton active />
          </Card>
        ) : (
          <StatusCard c={result.data} />
        ))}
      {!receipt && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('pages.public.track.empty')}
          style={{ marginTop: 24 }}
        />
      )}
    </div>
  );
}
