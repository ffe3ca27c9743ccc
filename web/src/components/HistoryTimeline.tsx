// An object's audit trail (newest first): who did what when, and which fields changed.
import { Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { type Translate, useIntl } from '../locales/intl';

export interface HistoryItem {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  detail: Record<string, unknown>;
}

const ENUM_FIELDS: Record<string, string> = {
  kind: 'enums.kind',
  staffing: 'enums.staffing',
  status: 'enums.cert',
  gender: 'enums.gender',
  role: 'enums.role',
};
const HIDDEN = new Set(['version', 'unlock', 'passwordReset', 'certificateId']);

function valueText(t: Translate, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string' && ENUM_FIELDS[key]) return t(`${ENUM_FIELDS[key]}.${value}`);
  if (key === 'certificate' && typeof value === 'object') {
    const c = value as { number?: string; validUntil?: string };
    return `${c.number ?? ''}（${t('history.field.validUntil')} ${c.validUntil ?? ''}）`;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function fieldLabel(t: Translate, key: string): string {
  const label = t(`history.field.${key}`);
  return label === `history.field.${key}` ? key : label;
}

const COLORS: Record<string, string> = {
  'certificate.status': 'orange',
  'certificate.add': 'green',
  'officer.create': 'green',
  'agency.create': 'green',
  'user.create': 'green',
};

export function HistoryTimeline({ items, testId }: { items: HistoryItem[]; testId?: string }) {
  const { t } = useIntl();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;
  return (
    <Timeline
      data-testid={testId}
      items={items.map((h) => {
        const label = t(`history.action.${h.action}`);
        const fields = Object.entries(h.detail).filter(([k]) => !HIDDEN.has(k));
        return {
          key: h.id,
          color: COLORS[h.action] ?? 'blue',
          title: (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(h.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
          ),
          content: (
            <div className="wz-history-item">
              <Typography.Text strong>
                {label === `history.action.${h.action}` ? h.action : label}
              </Typography.Text>
              <Typography.Text type="secondary"> · {h.actorName ?? t('history.system')}</Typography.Text>
              {fields.length > 0 && (
                <ul className="wz-history-fields">
                  {fields.map(([k, v]) => (
                    <li key={k}>
                      <span className="wz-history-key">{fieldLabel(t, k)}</span>
                      {valueText(t, k, v)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
