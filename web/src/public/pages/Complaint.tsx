// File a complaint (no login): which agency and officer if known, what happened, when, and either
// a contact or anonymity. The receipt code is the only way back to the complaint, so the page ends
// on it; attachments are uploaded against the receipt afterwards.
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { chinaToday } from '../../services/dates';
import { ApiError } from '../../services/request';
import {
  type ComplaintField,
  type ComplaintValues,
  complaintErrors,
  complaintInput,
  EMPTY_COMPLAINT,
  earliestDay,
  LIMITS,
} from '../complaint-form';
import { t } from '../intl';
import { Link } from '../router';
import { failure, fileComplaint, newIdempotencyKey, publicAgencies } from '../service';
import type { PublicAgency } from '../types';
import { Alert, Card, Field, Icon, Spinner } from '../ui';
import Receipt from './Receipt';

type Errors = Partial<Record<ComplaintField, string>>;

export default function Complaint() {
  const [v, setV] = useState<ComplaintValues>(EMPTY_COMPLAINT);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [agencies, setAgencies] = useState<PublicAgency[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [receipt, setReceipt] = useState<string | null>(null);
  // One key per complaint: a retry after a lost answer gets the same receipt, not a duplicate.
  const key = useRef(newIdempotencyKey());
  const form = useRef<HTMLFormElement>(null);
  const today = chinaToday();

  useEffect(() => {
    publicAgencies()
      .then(setAgencies)
      .catch(() => setAgencies([]));
  }, []);

  const groups = useMemo(() => {
    const byRegion = new Map<string, PublicAgency[]>();
    for (const a of agencies ?? []) byRegion.set(a.regionName, [...(byRegion.get(a.regionName) ?? []), a]);
    return [...byRegion];
  }, [agencies]);

  const set =
    <K extends keyof ComplaintValues>(k: K, field?: ComplaintField) =>
    (value: ComplaintValues[K]) => {
      setV((old) => ({ ...old, [k]: value }));
      if (field && errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
    };

  const showErrors = (found: Errors) => {
    setErrors(found);
    // The first field in error, in the form's order, gets the focus (and is scrolled to).
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const found = complaintErrors(v, today, t);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setSubmitting(true);
    try {
      const r = await fileComplaint(complaintInput(v), key.current);
      setReceipt(r.receipt);
      window.scrollTo(0, 0);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : [];
      if (fields.length > 0) {
        showErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
        setProblem(t('portal.fixErrors'));
      } else setProblem(failure(err));
    } finally {
      setSubmitting(false);
    }
  };

  const another = () => {
    key.current = newIdempotencyKey();
    setV(EMPTY_COMPLAINT);
    setErrors({});
    setReceipt(null);
  };

  if (receipt) return <Receipt receipt={receipt} onAnother={another} />;

  const label = (k: string) => t(`pages.public.complaint.${k}`);
  return (
    <div data-testid="complaint-page">
      <Link to="/public" className="pp-back">
        <Icon name="back" /> {t('common.back')}
      </Link>
      <h1 className="pp-title">{label('title')}</h1>
      <p className="pp-muted">{label('intro')}</p>
      <Card>
        <form ref={form} onSubmit={submit} noValidate className="pp-form">
          <Field label={label('agency')} hint={label('agencyHint')} error={errors.agency}>
            {(p) => (
              <select
                {...p}
                className="pp-input"
                value={v.agency}
                onChange={(e) => set('agency', 'agency')(e.target.value)}
                data-testid="complaint-agency"
              >
                <option value="">
                  {agencies === null ? t('portal.loading') : t('portal.agencyPlaceholder')}
                </option>
                {groups.map(([region, list]) => (
                  <optgroup key={region} label={region}>
                    {list.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={label('officer')}
            error={errors.officer}
            count={{ value: v.officer, max: LIMITS.officer }}
          >
            {(p) => (
              <input
                {...p}
                className="pp-input"
                value={v.officer}
                onChange={(e) => set('officer', 'officer')(e.target.value)}
                placeholder={label('officerPlaceholder')}
                data-testid="complaint-officer"
              />
            )}
          </Field>
          <Field
            label={label('subject')}
            required
            error={errors.subject}
            count={{ value: v.subject, max: LIMITS.subject }}
          >
            {(p) => (
              <input
                {...p}
                className="pp-input"
                value={v.subject}
                onChange={(e) => set('subject', 'subject')(e.target.value)}
                placeholder={label('subjectPlaceholder')}
                data-testid="complaint-subject"
              />
            )}
          </Field>
          <Field
            label={label('narrative')}
            required
            error={errors.narrative}
            count={{ value: v.narrative, max: LIMITS.narrative }}
          >
            {(p) => (
              <textarea
                {...p}
                className="pp-input pp-textarea"
                rows={7}
                value={v.narrative}
                onChange={(e) => set('narrative', 'narrative')(e.target.value)}
                placeholder={label('narrativePlaceholder')}
                data-testid="complaint-narrative"
              />
            )}
          </Field>
          <Field label={label('occurredOn')} hint={label('occurredOnPlaceholder')} error={errors.occurredOn}>
            {(p) => (
              <input
                {...p}
                type="date"
                className="pp-input"
                min={earliestDay(today)}
                max={today}
                value={v.occurredOn}
                onChange={(e) => set('occurredOn', 'occurredOn')(e.target.value)}
                data-testid="complaint-occurred-on"
              />
            )}
          </Field>
          <div className="pp-field">
            <label className="pp-switch">
              <input
                type="checkbox"
                role="switch"
                aria-checked={v.anonymous}
                checked={v.anonymous}
                onChange={(e) => set('anonymous')(e.target.checked)}
                data-testid="complaint-anonymous"
              />
              <span className="pp-switch-track" aria-hidden="true" />
              <span className="pp-label">{label('anonymous')}</span>
            </label>
            <div className="pp-hint">{v.anonymous ? label('anonymousOn') : label('anonymousOff')}</div>
          </div>
          {!v.anonymous && (
            <>
              <Field
                label={label('contactName')}
                required
                error={errors['contact.name']}
                count={{ value: v.name, max: LIMITS.name }}
              >
                {(p) => (
                  <input
                    {...p}
                    className="pp-input"
                    autoComplete="name"
                    value={v.name}
                    onChange={(e) => set('name', 'contact.name')(e.target.value)}
                    data-testid="complaint-contact-name"
                  />
                )}
              </Field>
              <Field label={label('contactPhone')} required error={errors['contact.phone']}>
                {(p) => (
                  <input
                    {...p}
                    type="tel"
                    className="pp-input"
                    inputMode="tel"
                    autoComplete="tel"
                    value={v.phone}
                    onChange={(e) => set('phone', 'contact.phone')(e.target.value)}
                    data-testid="complaint-contact-phone"
                  />
                )}
              </Field>
              <Field
                label={label('contactIdNumber')}
                hint={label('contactIdNumberHint')}
                error={errors['contact.idNumber']}
              >
                {(p) => (
                  <input
                    {...p}
                    className="pp-input pp-mono"
                    autoComplete="off"
                    spellCheck={false}
                    value={v.idNumber}
                    onChange={(e) => set('idNumber', 'contact.idNumber')(e.target.value.toUpperCase())}
                    data-testid="complaint-contact-id"
                  />
                )}
              </Field>
              <Alert type="info" icon="lock" title={label('privacy')} />
            </>
          )}
          <p className="pp-muted pp-small">{label('attachmentsLater')}</p>
          {problem && <Alert type="error" title={problem} data-testid="complaint-error" />}
          <button
            type="submit"
            className="pp-btn pp-btn-primary pp-btn-block"
            disabled={submitting}
            aria-busy={submitting}
            data-testid="complaint-submit"
          >
            {submitting && <Spinner />}
            {label('submit')}
          </button>
        </form>
      </Card>
    </div>
  );
}
