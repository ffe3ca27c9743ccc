// 执法监督统计: the accountability work in figures — leads found, cases registered and decided (by
// outcome), persons sanctioned (by form), tolerance granted and appeals decided — for a year or
// every year, by agency and by year; CSS bars and tables that read on a phone, the open data CSV,
// and the way to the annual report. Aggregate counts only: the server publishes no name.
import { useApi } from '../../hooks/useApi';
import { Bars, Figures, FigureTable } from '../charts';
import { t } from '../intl';
import { Link, navigate, useLocation } from '../router';
import { failure } from '../service';
import { type AccountabilityLine, getStatistics, statisticsCsvUrl } from '../statistics';
import { Alert, Card, Icon, Loading } from '../ui';

const LINE: (keyof AccountabilityLine)[] = [
  'found',
  'registered',
  'decided',
  'pursued',
  'sanctioned',
  'toleranceGranted',
  'appealsDecided',
];
const lineLabel = (k: keyof AccountabilityLine) => t(`portal.statistics.line.${k}`);

export default function Statistics() {
  const { query } = useLocation();
  const yearText = query.get('year') ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const res = useApi((signal) => getStatistics(year, signal), [year]);
  const s = res.data;
  const table = (rows: { key: string; name: string; line: AccountabilityLine }[], testId: string) => (
    <FigureTable
      testId={testId}
      head={[
        t('portal.statistics.name'),
        ...(['found', 'registered', 'pursued', 'sanctioned'] as const).map(lineLabel),
      ]}
      rows={rows.map((r) => ({
        key: r.key,
        cells: [r.name, r.line.found, r.line.registered, r.line.pursued, r.line.sanctioned],
      }))}
    />
  );
  return (
    <div data-testid="statistics-page">
      <Link to="/public" className="pp-back">
        <Icon name="back" /> {t('common.back')}
      </Link>
      <h1 className="pp-title">{t('portal.statistics.title')}</h1>
      <p className="pp-muted">{t('portal.statistics.intro')}</p>
      <fieldset className="pp-filters">
        <select
          className="pp-input pp-input-small"
          aria-label={t('portal.statistics.year')}
          value={yearText}
          onChange={(e) =>
            navigate(e.target.value ? `/public/statistics?year=${e.target.value}` : '/public/statistics', {
              replace: true,
            })
          }
          data-testid="statistics-year"
        >
          <option value="">{t('portal.statistics.allYears')}</option>
          {(s?.years ?? (year ? [year] : [])).map((y) => (
            <option key={y} value={y}>
              {t('portal.statistics.yearOption', { year: y })}
            </option>
          ))}
        </select>
        <Link to="/public/annual-report" className="pp-btn pp-btn-small" data-testid="statistics-report">
          {t('portal.report.title')}
        </Link>
      </fieldset>
      {res.error ? (
        <Alert type="error" title={failure(res.error)} />
      ) : !s ? (
        <Loading />
      ) : (
        <div className="pp-stack">
          <Figures
            testId="statistics-totals"
            items={LINE.map((k) => ({ key: k, label: lineLabel(k), n: s.totals[k] }))}
          />
          <Card title={t('portal.statistics.outcomes')}>
            <Bars
              items={s.outcomes}
              unit={t('portal.statistics.cases')}
              label={t('portal.statistics.outcomes')}
              testId="statistics-outcomes"
            />
          </Card>
          <Card title={t('portal.statistics.sanctions')}>
            <Bars
              items={s.sanctions}
              unit={t('portal.statistics.persons')}
              label={t('portal.statistics.sanctions')}
              testId="statistics-sanctions"
            />
          </Card>
          <Card title={t('portal.statistics.tolerance')}>
            <Bars
              items={s.tolerance}
              unit={t('portal.statistics.items')}
              label={t('portal.statistics.tolerance')}
              testId="statistics-tolerance"
            />
          </Card>
          <Card title={t('portal.statistics.appeals')}>
            <Bars
              items={s.appeals}
              unit={t('portal.statistics.items')}
              label={t('portal.statistics.appeals')}
              testId="statistics-appeals"
            />
          </Card>
          <Card title={t('portal.statistics.byAgency')}>
            {table(
              s.byAgency.map((g) => ({ key: g.agencyId ?? '-', name: g.agencyName, line: g })),
              'statistics-agencies',
            )}
          </Card>
          {year === null && (
            <Card title={t('portal.statistics.byYear')}>
              {table(
                s.byYear.map((y) => ({ key: String(y.year), name: String(y.year), line: y })),
                'statistics-years',
              )}
            </Card>
          )}
          <p className="pp-muted pp-small">
            {t('portal.statistics.note')}
            {s.refreshedAt && ` ${t('portal.statistics.refreshedAt', { at: s.refreshedAt.slice(0, 10) })}`}{' '}
            <a href={statisticsCsvUrl(year)} download data-testid="statistics-csv">
              {t('portal.statistics.csv')}
            </a>
          </p>
        </div>
      )}
    </div>
  );
}
