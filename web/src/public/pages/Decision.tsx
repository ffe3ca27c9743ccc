// One published decision (双公示): its document number, name, category, content or facts, basis and
// result, the party as published (an organisation's name and credit code; a natural person masked),
// the deciding agency and the dates.
import { useApi } from '../../hooks/useApi';
import { getDecision } from '../decisions';
import { t } from '../intl';
import { Link, useLocation } from '../router';
import { failure } from '../service';
import { Alert, Card, Icon, Loading } from '../ui';

function Row({ label, value, testId }: { label: string; value: string | null | undefined; testId?: string }) {
  if (!value) return null;
  return (
    <div className="pp-kv" data-testid={testId}>
      <dt className="pp-muted">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export default function Decision() {
  const { query } = useLocation();
  const id = query.get('id') ?? '';
  const res = useApi((signal) => getDecision(id, signal), [id]);
  const d = res.data;
  const licensing = d?.category === 'licensing';
  return (
    <div data-testid="decision-page">
      <Link to="/public/decisions" className="pp-back">
        <Icon name="back" /> {t('portal.decisions.title')}
      </Link>
      {res.error ? (
        <Alert type="error" title={failure(res.error)} />
      ) : !d ? (
        <Loading />
      ) : (
        <>
          <h1 className="pp-title">{d.fields.itemName ?? d.categoryLabel}</h1>
          <p className="pp-muted">
            <span className="pp-chip">{d.categoryLabel}</span> {d.agency.name}
          </p>
          <Card>
            <dl className="pp-kvs">
              <Row
                label={t('portal.decisions.documentNo')}
                value={d.fields.documentNo}
                testId="decision-no"
              />
              <Row
                label={
                  licensing ? t('portal.decisions.licensingCategory') : t('portal.decisions.penaltyCategory')
                }
                value={d.fields.category}
              />
              <Row label={t('portal.decisions.content')} value={d.fields.content} />
              <Row label={t('portal.decisions.reason')} value={d.fields.reason} />
              <Row label={t('portal.decisions.basis')} value={d.fields.basis} />
              <Row label={t('portal.decisions.result')} value={d.fields.result} />
              <Row label={t('portal.decisions.party')} value={d.fields.party?.name} testId="decision-party" />
              <Row label={t('portal.decisions.creditCode')} value={d.fields.party?.creditCode} />
              <Row label={t('portal.decisions.agency')} value={d.agency.name} />
              <Row label={t('portal.decisions.decided')} value={d.decidedOn} />
              <Row label={t('portal.decisions.published')} value={d.publishedOn} />
            </dl>
          </Card>
          <p className="pp-muted pp-small pp-gap-top">{t('portal.decisions.privacy')}</p>
        </>
      )}
    </div>
  );
}
