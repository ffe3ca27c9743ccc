// An enforcement body as the public sees it before it acts (事前公开): who it is, and three tabs —
// 权责清单 (its duty list in force: 职责、权限、依据、程序、办结时限, searchable), 执法人员 (its officers
// with a valid certificate: name, certificate number, validity) and 救济渠道 (reconsideration,
// litigation and complaints, with where, when and the legal source). The agency and the tab are in
// the address (?id=…&tab=…) so a page can be shared.
import { useState } from 'react';
import { useApi } from '../../hooks/useApi';
import {
  type AgencyDisclosure,
  agencyDisclosure,
  agencyDuties,
  agencyOfficers,
  agencyPath,
  type PublicDutyItem,
  type PublicOfficer,
  type ReliefChannel,
} from '../agencies';
import { ListFoot, SearchForm, usePagedList } from '../disclosure-ui';
import { t } from '../intl';
import { Link, navigate, useLocation } from '../router';
import { failure } from '../service';
import { Alert, Card, Icon, Loading } from '../ui';

const TABS = ['duties', 'officers', 'relief'] as const;
type Tab = (typeof TABS)[number];

function DutyCard({ item }: { item: PublicDutyItem }) {
  return (
    <Card className="pp-duty" data-testid="duty-item">
      <div className="pp-duty-head">
        <strong>{item.name}</strong>
        <span className={`pp-chip${item.role === 'assist' ? ' pp-chip-muted' : ''}`}>
          {item.typeLabel} · {t(`portal.disclosure.role.${item.role}`)}
        </span>
      </div>
      <dl className="pp-rows">
        <div>
          <dt>{t('portal.disclosure.code')}</dt>
          <dd className="pp-mono">{item.code}</dd>
        </div>
        {item.unit && (
          <div>
            <dt>{t('portal.disclosure.unit')}</dt>
            <dd>{item.unit}</dd>
          </div>
        )}
        <div>
          <dt>{t('portal.disclosure.basis')}</dt>
          <dd>{item.basis ?? t('portal.disclosure.none')}</dd>
        </div>
        <div>
          <dt>{t('portal.disclosure.timeLimit')}</dt>
          <dd>{item.timeLimit ?? t('portal.disclosure.none')}</dd>
        </div>
        {item.procedure.length > 0 && (
          <div>
            <dt>{t('portal.disclosure.procedure')}</dt>
            <dd>
              {/* Folded: a list's stages run long on a phone. */}
              <details className="pp-details">
                <summary>{t('portal.disclosure.stages', { n: item.procedure.length })}</summary>
                <ol className="pp-procedure">
                  {item.procedure.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the stages are in order and may repeat
                    <li key={i}>{p}</li>
                  ))}
                </ol>
              </details>
            </dd>
          </div>
        )}
      </dl>
    </Card>
  );
}

function DutiesTab({ agency }: { agency: AgencyDisclosure }) {
  const [q, setQ] = useState('');
  const list = usePagedList((p, signal) => agencyDuties(agency.id, { ...p, q: q || undefined }, signal), q);
  return (
    <div data-testid="agency-duties">
      <SearchForm
        value={q}
        label={t('portal.disclosure.searchDuties')}
        placeholder={t('portal.disclosure.searchDuties')}
        onSearch={setQ}
        testId="duties-search"
      />
      {list.total !== null && (
        <p className="pp-muted pp-small">
          {t('portal.disclosure.dutyCount', { n: list.total, on: agency.on })}
        </p>
      )}
      {list.total === 0 && <p className="pp-empty">{t('portal.disclosure.noDuties')}</p>}
      <div className="pp-stack">
        {list.items.map((item) => (
          // One code may be on a list twice (led and assisted, or from two dates).
          <DutyCard key={`${item.code}/${item.role}/${item.effectiveFrom}`} item={item} />
        ))}
      </div>
      <ListFoot list={list} testId="duties" />
    </div>
  );
}

function OfficersTab({ agency }: { agency: AgencyDisclosure }) {
  const [q, setQ] = useState('');
  const list = usePagedList((p, signal) => agencyOfficers(agency.id, { ...p, q: q || undefined }, signal), q);
  return (
    <div data-testid="agency-officers">
      <p className="pp-muted pp-small">{t('portal.disclosure.officersIntro')}</p>
      <SearchForm
        value={q}
        label={t('portal.disclosure.searchOfficers')}
        placeholder={t('portal.disclosure.searchOfficers')}
        onSearch={setQ}
        testId="officers-search"
      />
      {list.total !== null && (
        <p className="pp-muted pp-small">{t('portal.disclosure.officerCount', { n: list.total })}</p>
      )}
      {list.total === 0 && <p className="pp-empty">{t('portal.disclosure.noOfficers')}</p>}
      {list.items.length > 0 && (
        <Card>
          <ul className="pp-officers">
            {list.items.map((o: PublicOfficer) => (
              <li key={o.certificateNumber} data-testid="officer-item">
                <strong>{o.name}</strong>
                <span className="pp-small">
                  {t('portal.disclosure.certificate')} <span className="pp-mono">{o.certificateNumber}</span>
                </span>
                <span className="pp-small pp-muted">
                  {t('portal.disclosure.validUntil', { on: o.validUntil })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <ListFoot list={list} testId="officers" />
    </div>
  );
}

/** The sources as one line, each instrument once with its articles: 《…》第十九条、第二十条第一款；《…》 */
function bySource(sources: ReliefChannel['sources']): string {
  const laws = new Map<string, string[]>();
  for (const s of sources) {
    const articles = laws.get(s.law) ?? [];
    if (s.article) articles.push(s.article);
    laws.set(s.law, articles);
  }
  return [...laws].map(([law, articles]) => law + articles.join('、')).join('；');
}

function ReliefTab({ channels }: { channels: ReliefChannel[] }) {
  return (
    <div className="pp-stack" data-testid="agency-relief">
      {channels.map((c) => (
        <Card key={c.kind} title={c.title} data-testid={`relief-${c.kind}`}>
          <dl className="pp-rows">
            <div>
              <dt>{t('portal.disclosure.where')}</dt>
              <dd>{c.where}</dd>
            </div>
            <div>
              <dt>{t('portal.disclosure.period')}</dt>
              <dd>{c.period}</dd>
            </div>
          </dl>
          {c.notes.map((n) => (
            <p key={n} className="pp-small">
              {n}
            </p>
          ))}
          <p className="pp-small pp-muted">
            {t('portal.disclosure.sources')}
            {bySource(c.sources)}
          </p>
          {c.kind === 'complaint' && (
            <Link to="/public/complaint" className="pp-btn pp-btn-primary pp-btn-block">
              {t('pages.public.home.file')}
            </Link>
          )}
        </Card>
      ))}
    </div>
  );
}

export default function Agency() {
  const { query } = useLocation();
  const id = query.get('id') ?? '';
  const tab: Tab = TABS.includes(query.get('tab') as Tab) ? (query.get('tab') as Tab) : 'duties';
  const agency = useApi((signal) => agencyDisclosure(id, signal), [id]);
  const a = agency.data;
  return (
    <div data-testid="agency-page">
      <Link to="/public/agencies" className="pp-back">
        <Icon name="back" /> {t('portal.disclosure.agencies')}
      </Link>
      {agency.error ? (
        <Alert type="error" title={failure(agency.error)} />
      ) : !a ? (
        <Loading />
      ) : (
        <>
          <h1 className="pp-title" data-testid="agency-name">
            {a.name}
          </h1>
          <p className="pp-muted">
            {a.regionName} · {a.kindLabel}
            {a.entrustedBy && ` · ${t('portal.disclosure.entrustedBy', { agency: a.entrustedBy })}`}
          </p>
          <div className="pp-tabs" role="tablist" aria-label={a.name}>
            {TABS.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`tab-${k}`}
                aria-selected={tab === k}
                aria-controls={`panel-${k}`}
                className={`pp-tab${tab === k ? ' pp-tab-active' : ''}`}
                onClick={() => navigate(agencyPath(a.id, k === 'duties' ? undefined : k), { replace: true })}
                data-testid={`agency-tab-${k}`}
              >
                {t(`portal.disclosure.tab.${k}`)}
                {k === 'duties' && a.duties.total > 0 && (
                  <span className="pp-tab-count">{a.duties.total}</span>
                )}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'duties' && <DutiesTab agency={a} />}
            {tab === 'officers' && <OfficersTab agency={a} />}
            {tab === 'relief' && <ReliefTab channels={a.relief} />}
          </div>
        </>
      )}
    </div>
  );
}
