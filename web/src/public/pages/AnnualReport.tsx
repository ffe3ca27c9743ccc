// 行政执法年度报告: the year's penalties by category (行政处罚法第九条; a combined penalty once, under its
// heaviest category) with the fines in 万元, licensing by stage, each by agency, and the
// accountability work — out from 31 January of the year after; the same report as .docx.
import { useApi } from '../../hooks/useApi';
import { Bars, Figures, FigureTable } from '../charts';
import { t } from '../intl';
import { Link, navigate, useLocation } from '../router';
import { failure } from '../service';
import {
  annualReportDocxUrl,
  chinaToday,
  getAnnualReport,
  type LicensingStage,
  latestReportYear,
} from '../statistics';
import { Alert, Card, Icon, Loading } from '../ui';

const STAGES: LicensingStage[] = ['applied', 'accepted', 'granted', 'refused', 'revoked'];

export default function AnnualReport() {
  const { query } = useLocation();
  const latest = latestReportYear(chinaToday());
  const yearText = query.get('year') ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : latest;
  const res = useApi((signal) => getAnnualReport(year, signal), [year]);
  const r = res.data;
  const years = Array.from({ length: 5 }, (_, i) => latest - i);
  const stageLabel = (k: LicensingStage) => r?.licensing.byStage.find((s) => s.key === k)?.label ?? k;
  return (
    <div data-testid="report-page">
      <Link to="/public/statistics" className="pp-back">
        <Icon name="back" /> {t('portal.statistics.title')}
      </Link>
      <h1 className="pp-title">{r?.title ?? t('portal.report.title')}</h1>
      <p className="pp-muted">{t('portal.report.intro')}</p>
      <fieldset className="pp-filters">
        <select
          className="pp-input pp-input-small"
          aria-label={t('portal.statistics.year')}
          value={String(year)}
          onChange={(e) => navigate(`/public/annual-report?year=${e.target.value}`, { replace: true })}
          data-testid="report-year"
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {t('portal.statistics.yearOption', { year: y })}
            </option>
          ))}
        </select>
        {r && (
          <a
            className="pp-btn pp-btn-small pp-btn-primary"
            href={annualReportDocxUrl(year)}
            download
            data-testid="report-docx"
          >
            <Icon name="form" /> {t('portal.report.docx')}
          </a>
        )}
      </fieldset>
      {res.error ? (
        <Alert type="info" title={failure(res.error)} />
      ) : !r ? (
        <Loading />
      ) : (
        <div className="pp-stack" data-testid="report-body">
          <Card title={t('portal.report.penalties')}>
            <Figures
              testId="report-penalty-total"
              items={[
                { key: 'n', label: t('portal.report.penaltyCount'), n: r.penalties.total.n },
                { key: 'amount', label: t('portal.report.amount'), n: Number(r.penalties.total.amountWan) },
              ]}
            />
            <p className="pp-muted pp-small">{t('portal.report.heaviest')}</p>
            <Bars
              items={r.penalties.byCategory.map((c) => ({
                ...c,
                note: `${c.amountWan}${t('portal.report.wan')}`,
              }))}
              unit={t('portal.statistics.cases')}
              label={t('portal.report.penalties')}
              testId="report-penalties"
            />
            <FigureTable
              testId="report-penalty-agencies"
              head={[t('portal.statistics.name'), t('portal.report.penaltyCount'), t('portal.report.amount')]}
              rows={r.penalties.byAgency.map((g) => ({
                key: g.agencyId ?? '-',
                cells: [g.agencyName, g.n, g.amountWan],
              }))}
              foot={[t('portal.report.total'), r.penalties.total.n, r.penalties.total.amountWan]}
            />
          </Card>
          <Card title={t('portal.report.licensing')}>
            <Bars
              items={r.licensing.byStage}
              unit={t('portal.statistics.cases')}
              label={t('portal.report.licensing')}
              testId="report-licensing"
            />
            <FigureTable
              testId="report-licensing-agencies"
              head={[t('portal.statistics.name'), ...STAGES.map(stageLabel)]}
              rows={r.licensing.byAgency.map((g) => ({
                key: g.agencyId ?? '-',
                cells: [g.agencyName, ...STAGES.map((k) => g[k])],
              }))}
            />
          </Card>
          <Card title={t('portal.report.accountability')}>
            <Bars
              items={r.accountability.sanctions}
              unit={t('portal.statistics.persons')}
              label={t('portal.statistics.sanctions')}
              testId="report-sanctions"
            />
          </Card>
          <p className="pp-muted pp-small">{t('portal.report.published', { on: r.publishedOn })}</p>
        </div>
      )}
    </div>
  );
}
