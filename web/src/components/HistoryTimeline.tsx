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

/** How one kind of object shows its trail: its own code tables, hidden and formatted fields. */
export interface HistoryFormat {
  /** Fields whose values are codes of a locale table (`from: 'enums.caseState'`). */
  enums?: Record<string, string>;
  hidden?: string[];
  /** Locale keys of field labels that differ from the shared `history.field.*`. */
  fields?: Record<string, string>;
  /** A field's value in words; undefined falls back to the default. */
  value?(key: string, value: unknown): string | undefined;
  /** Colour of an action's dot. */
  colors?: Record<string, string>;
}

function valueText(t: Translate, key: string, value: unknown, format?: HistoryFormat): string {
  const custom = format?.value?.(key, value);
  if (custom !== undefined) return custom;
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  const table = format?.enums?.[key] ?? ENUM_FIELDS[key];
  if (typeof value === 'string' && table) {
    const text = t(`${table}.${value}`);
    return text === `${table}.${value}` ? value : text;
  }
  if (key === 'certificate' && typeof value === 'object') {
    const c = value as { number?: string; validUntil?: string };
    return `${c.number ?? ''}（${t('history.field.validUntil')} ${c.validUntil ?? ''}）`;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function fieldLabel(t: Translate, key: string, format?: HistoryFormat): string {
  if (format?.fields?.[key]) return t(format.fields[key]);
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

export function HistoryTimeline({
  items,
  testId,
  format,
}: {
  items: HistoryItem[];
  testId?: string;
  format?: HistoryFormat;
}) {
  const { t } = useIntl();
  const hidden = new Set([...HIDDEN, ...(format?.hidden ?? [])]);
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;
  return (
    <Timeline
      data-testid={testId}
      items={items.map((h) => {
        const label = t(`history.action.${h.action}`);
        const fields = Object.entries(h.detail).filter(([k]) => !hidden.has(k));
        return {
          key: h.id,
          color: format?.colors?.[h.action] ?? COLORS[h.action] ?? 'blue',
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
                      <span className="wz-history-key">{fieldLabel(t, k, format)}</span>
                      {valueText(t, k, v, format)}
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
