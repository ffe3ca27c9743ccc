// The act's record as imported (read-only): every field of the exchange format the act has, in the
// template's order, under the column's meaning; codes in words.
import { Descriptions, Typography } from 'antd';
import { ACT_COLUMNS, BOOLEAN_COLUMNS, vocabularyOf } from '../../../../../src/core/acts/columns';
import { useIntl } from '../../../locales/intl';

function valueAt(body: Record<string, unknown>, path: string): unknown {
  let v: unknown = body;
  for (const p of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

export default function ActRecord({ body }: { body: Record<string, unknown> }) {
  const { t } = useIntl();
  const text = (name: string, v: unknown): string => {
    if (name === 'officers' && Array.isArray(v))
      return v
        .map((o: { id?: string; certificate?: string; validUntil?: string }) =>
          [o.id, o.certificate, o.validUntil].filter(Boolean).join(' · '),
        )
        .join('；');
    if (typeof v === 'boolean' || BOOLEAN_COLUMNS.has(name)) return v ? t('common.yes') : t('common.no');
    if (name === 'kind' && typeof v === 'string') return t(`enums.actKind.${v}`);
    const vocab = vocabularyOf(name);
    if (vocab && typeof v === 'string') return vocab.labels[v] ?? v;
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  const rows = ACT_COLUMNS.map((c) => ({ c, v: valueAt(body, c.name) })).filter(
    ({ v }) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      data-testid="review-act-record"
      styles={{ label: { width: 180 } }}
      items={rows.map(({ c, v }) => ({
        key: c.name,
        label: t(`pages.acts.column.${c.name}`),
        children: <Typography.Text data-field={c.name}>{text(c.name, v)}</Typography.Text>,
      }))}
    />
  );
}
