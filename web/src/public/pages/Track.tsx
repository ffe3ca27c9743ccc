// Track a complaint with its receipt code: where it stands in the process, the reply or the reasons
// for not opening a case, and the case number once a case is opened. The code is kept in the address
// (?receipt=) so the page can be bookmarked.
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { normalizeReceipt } from '../../../../src/core/complaints/receipt';
import { ApiError } from '../../services/request';
import { t } from '../intl';
import { Link, navigate, useLocation } from '../router';
import { failure, requestReexamination, trackComplaint } from '../service';
import type { ComplaintStatus, PublicStatus } from '../types';
import { Alert, Card, Field, Icon, Loading } from '../ui';

const STATUS_TONE: Record<PublicStatus, 'progress' | 'done' | 'stopped' | 'merged' | 'decided'> = {
  received: 'progress',
  registered: 'progress',
  investigating: 'progress',
  decided: 'decided',
  closed: 'done',
  dismissed: 'stopped',
  reexamining: 'progress',
  declined: 'stopped',
  merged: 'merged',
};

/** The public process in five steps, and where a status stands in it. */
export function progress(s: PublicStatus): { steps: string[]; current: number; stopped: boolean } {
  const steps = ['received', 'review', 'investigating', 'decided', 'closed'].map((k) =>
    t(`pages.public.track.step.${k}`),
  );
  const at: Record<PublicStatus, number> = {
    received: 1,
    registered: 2,
    investigating: 2,
    decided: 3,
    closed: 4,
    dismissed: 1,
    reexamining: 1,
    declined: 2,
    merged: 1,
  };
  const current = at[s];
  const stopped = s === 'dismissed' || s === 'declined';
  if (stopped) steps[current] = t('pages.public.track.step.notOpened');
  if (s === 'merged') steps[current] = t('pages.public.track.step.merged');
  return { steps: stopped || s === 'merged' ? steps.slice(0, current + 1) : steps, current, stopped };
}

/** 复查: a dismissed complaint may be re-examined once, at the complainant's request. */
function Reexamination({ c, onDone }: { c: ComplaintStatus; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [grounds, setGrounds] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const r = c.reexamination;
  if (r.requestedOn)
    return (
      <Alert
        type="info"
        title={t(c.status === 'reexamining' ? 'portal.reexamine.requested' : 'portal.reexamine.done', {
          on: r.requestedOn,
        })}
        data-testid="reexamine-requested"
      />
    );
  if (!r.available) return null;
  if (!open)
    return (
      <div className="pp-gap-top">
        <p className="pp-muted">{t('portal.reexamine.hint')}</p>
        <button type="button" className="pp-btn" onClick={() => setOpen(true)} data-testid="reexamine-open">
          {t('portal.reexamine.ask')}
        </button>
      </div>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Array.from(grounds.trim()).length < 10) {
      setError(t('portal.reexamine.groundsHint'));
      return;
    }
    setBusy(true);
    requestReexamination(c.receipt, grounds.trim())
      .then(onDone)
      .catch((x) => setError(x instanceof ApiError && x.fields[0] ? x.fields[0].message : failure(x)))
      .finally(() => setBusy(false));
  };
  return (
    <form onSubmit={submit} noValidate className="pp-form pp-gap-top" data-testid="reexamine-form">
      <Field
        label={t('portal.reexamine.grounds')}
        required
        error={error}
        hint={t('portal.reexamine.groundsHint')}
        count={{ value: grounds, max: 2000 }}
      >
        {(p) => (
          <textarea
            {...p}
            className="pp-input"
            rows={4}
            value={grounds}
            onChange={(e) => {
              setGrounds(e.target.value);
              setError(undefined);
            }}
            data-testid="reexamine-grounds"
          />
        )}
      </Field>
      <button
        type="submit"
        className="pp-btn pp-btn-primary pp-btn-block"
        disabled={busy}
        data-testid="reexamine-submit"
      >
        {t('portal.reexamine.submit')}
      </button>
    </form>
  );
}

function StatusCard({ c, onChange }: { c: ComplaintStatus; onChange(): void }) {
  const p = progress(c.status);
  const refused = c.status === 'dismissed' || c.status === 'declined';
  const rows: [string, ReactNode][] = [
    [t('pages.public.receipt.code'), <code key="r">{c.receipt}</code>],
    [t('pages.public.complaint.subject'), c.subject],
    [t('pages.public.track.filedOn'), c.filedOn],
    [
      t('pages.public.track.caseNumber'),
      c.caseNumber ? (
        <span key="n" data-testid="track-case-number">
          {c.caseNumber}
        </span>
      ) : (
        t('pages.public.track.noCase')
      ),
    ],
    [t('pages.public.receipt.attachments'), t('pages.public.track.attachments', { n: c.attachments })],
  ];
  return (
    <Card className="pp-gap-top" data-testid="track-result">
      <div className="pp-muted">{t('pages.public.track.status')}</div>
      <div
        className={`pp-tag pp-tag-${STATUS_TONE[c.status]}`}
        data-testid="track-status"
        data-status={c.status}
      >
        {c.statusLabel}
      </div>
      <ol className="pp-steps">
        {p.steps.map((s, i) => {
          const state =
            i < p.current || (i === p.current && c.status === 'closed')
              ? 'done'
              : i === p.current
                ? p.stopped
                  ? 'stopped'
                  : 'current'
                : 'todo';
          return (
            <li
              key={s}
              className={`pp-step pp-step-${state}`}
              aria-current={i === p.current ? 'step' : undefined}
            >
              {s}
            </li>
          );
        })}
      </ol>
      {c.reply && (
        <Alert
          type={refused ? 'warning' : 'info'}
          title={t(refused ? 'pages.public.track.reasons' : 'pages.public.track.reply')}
          data-testid="track-reply"
        >
          <span className="pp-pre">{c.reply}</span>
        </Alert>
      )}
      <Reexamination c={c} onDone={onChange} />
      <dl className="pp-rows">
        {rows.map(([k, value]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

type Result =
  | { state: 'idle' | 'loading' | 'notFound' }
  | { state: 'error'; message: string }
  | { state: 'found'; status: ComplaintStatus };

export default function Track() {
  const { query } = useLocation();
  const typed = query.get('receipt') ?? '';
  // As displayed or typed: spaces, hyphens, lower case and look-alike letters are accepted.
  const receipt = normalizeReceipt(typed) ?? typed.trim().toUpperCase();
  const [input, setInput] = useState(receipt);
  const [invalid, setInvalid] = useState<string | undefined>();
  const [result, setResult] = useState<Result>({ state: 'idle' });
  const [reload, setReload] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` fetches again after a 复查 request
  useEffect(() => {
    setInput(receipt);
    if (!receipt) {
      setResult({ state: 'idle' });
      return;
    }
    const abort = new AbortController();
    setResult({ state: 'loading' });
    trackComplaint(receipt, abort.signal)
      .then((status) => setResult({ state: 'found', status }))
      .catch((e) => {
        if ((e as Error).name === 'AbortError') return;
        if (e instanceof ApiError && e.status === 404) setResult({ state: 'notFound' });
        else setResult({ state: 'error', message: failure(e) });
      });
    return () => abort.abort();
  }, [receipt, reload]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = normalizeReceipt(input);
    if (!input.trim()) setInvalid(t('common.required', { field: t('pages.public.receipt.code') }));
    else if (!code) setInvalid(t('pages.public.track.invalid'));
    else {
      setInvalid(undefined);
      navigate(`/public/track?receipt=${code}`, { replace: Boolean(receipt) });
    }
  };

  return (
    <div data-testid="track-page">
      <Link to="/public" className="pp-back">
        <Icon name="back" /> {t('common.back')}
      </Link>
      <h1 className="pp-title">{t('pages.public.track.title')}</h1>
      <p className="pp-muted">{t('pages.public.track.intro')}</p>
      <Card>
        <form onSubmit={submit} noValidate className="pp-form">
          <Field label={t('pages.public.receipt.code')} required error={invalid}>
            {(p) => (
              <input
                {...p}
                className="pp-input pp-mono pp-receipt-input"
                value={input}
                onChange={(e) => {
                  setInput(e.target.value.toUpperCase());
                  setInvalid(undefined);
                }}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                placeholder={t('pages.public.track.placeholder')}
                data-testid="track-receipt"
              />
            )}
          </Field>
          <button type="submit" className="pp-btn pp-btn-primary pp-btn-block" data-testid="track-submit">
            <Icon name="search" /> {t('common.search')}
          </button>
        </form>
      </Card>
      {result.state === 'idle' && <p className="pp-empty">{t('pages.public.track.empty')}</p>}
      {result.state === 'loading' && (
        <Card className="pp-gap-top">
          <Loading />
        </Card>
      )}
      {result.state === 'notFound' && (
        <Card className="pp-gap-top pp-center" data-testid="track-not-found">
          <span className="pp-warn-icon">
            <Icon name="warn" size={44} />
          </span>
          <h2 className="pp-subtitle">{t('pages.public.track.notFound')}</h2>
          <p className="pp-muted">{t('pages.public.track.notFoundHint')}</p>
        </Card>
      )}
      {result.state === 'error' && (
        <div className="pp-gap-top">
          <Alert type="error" title={result.message} />
        </div>
      )}
      {result.state === 'found' && <StatusCard c={result.status} onChange={() => setReload((n) => n + 1)} />}
    </div>
  );
}
