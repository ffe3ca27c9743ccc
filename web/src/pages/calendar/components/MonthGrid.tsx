// One month as a week grid (Monday first): weekends grey, statutory holidays red (休),
// make-up working days blue (班), days an administrator set outlined.
import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useIntl } from '../../../locales/intl';
import type { SpecialDay } from '../types';

interface Props {
  year: number;
  month: number;
  special: Map<string, SpecialDay>;
  today: string;
  onPick?(day: string): void;
}

export default function MonthGrid({ year, month, special, today, onPick }: Props) {
  const { t } = useIntl();
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7;
  const days = first.daysInMonth();
  const cells: (number | null)[] = [
    ...Array(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weekdays = t('pages.calendar.weekdays').split(',');
  return (
    <div className="wz-month" data-testid={`month-${month + 1}`}>
      <div className="wz-month-title">{first.format(t('pages.calendar.monthFormat'))}</div>
      <div className="wz-month-grid">
        {weekdays.map((w) => (
          <div key={w} className="wz-month-head">
            {w}
          </div>
        ))}
        {cells.map((d, i) => {
          // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have nothing but their place
          if (d === null) return <div key={`blank-${i}`} />;
          const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const s = special.get(iso);
          const weekend = i % 7 >= 5;
          const cls = [
            'wz-day',
            s?.kind === 'holiday'
              ? 'wz-day-holiday'
              : s?.kind === 'workday'
                ? 'wz-day-workday'
                : weekend
                  ? 'wz-day-weekend'
                  : '',
            s?.source === 'admin' ? 'wz-day-admin' : '',
            iso === today ? 'wz-day-today' : '',
            onPick ? 'wz-clickable' : '',
          ]
            .filter(Boolean)
            .join(' ');
          const cell = (
            <button
              key={iso}
              type="button"
              className={cls}
              onClick={onPick ? () => onPick(iso) : undefined}
              disabled={!onPick}
              data-testid={`day-${iso}`}
              data-kind={s?.kind ?? (weekend ? 'weekend' : 'working')}
              data-source={s?.source}
            >
              <span>{d}</span>
              {s && <small>{s.kind === 'holiday' ? t('pages.calendar.off') : t('pages.calendar.on')}</small>}
            </button>
          );
          return s ? (
            <Tooltip
              key={iso}
              title={`${iso} ${t(`pages.calendar.kind.${s.kind}`)} · ${t(`pages.calendar.source.${s.source}`)}${s.note ? ` · ${s.note}` : ''}`}
            >
              {cell}
            </Tooltip>
          ) : (
            <span key={iso}>{cell}</span>
          );
        })}
      </div>
    </div>
  );
}
