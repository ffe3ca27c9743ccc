// 外部评议 on a phone: reached by the QR code of an evaluation card (?code=…) or by typing the code.
// Shows the agency and the items, a 1–5 choice for each and a comment, and submits once; a used,
// expired or closed code is told plainly. The code is checked here first (its check symbol), then by
// the server, which keeps only its hash.
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { formatCode, normalizeCode } from '../../../../src/core/evaluation/code';
import { ApiError, request } from '../../services/request';
import { t } from '../intl';
import { navigate, useLocation } from '../router';
import { failure } from '../service';
import { Alert, Card, Field, Icon, Loading } from '../ui';

interface PublicForm {
  campaign: string;
  agency: string;
  audience: string;
  period: { from: string; to: string };
  expiresOn: string;
  items: { key: string; label: string; hint: string | null }[];
  scale: string[];
  commentMax: number;
}

const url = (code: string) => `/api/v1/public/evaluations/${encodeURIComponent(code)}`;

function CodeEntry({ initial, error }: { initial: string; error?: string }) {
  const [code, setCode] = useState(initial);
  const [invalid, setInvalid] = useState<string | undefined>(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = normalizeCode(code);
    if (!n) {
      setInvalid(t('portal.evaluate.codeInvalid'));
      return;
    }
    navigate(`/public/evaluate?code=${formatCode(n)}`);
  };
  return (
    <Card>
      <p className="pp-muted">{t('portal.evaluate.intro')}</p>
      <form onSubmit={submit} noValidate className="pp-form" data-testid="evaluate-code-form">
        <Field
          label={t('portal.evaluate.code')}
          required
          error={invalid}
          hint={t('portal.evaluate.codeHint')}
        >
          {(p) => (
            <input
              {...p}
              className="pp-input pp-mono pp-receipt-input"
              autoComplete="off"
              autoCapitalize="characters"
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                setInvalid(undefined);
              }}
              data-testid="evaluate-code"
            />
          )}
        </Field>
        <button type="submit" className="pp-btn pp-btn-primary pp-btn-block" data-testid="evaluate-open">
          {t('portal.evaluate.open')}
        </button>
      </form>
    </Card>
  );
}

function EvaluationForm({
  code,
  form,
  onDone,
}: {
  code: string;
  form: PublicForm;
  onDone(pending: boolean): void;
}) {
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = Object.fromEntries(
      form.items
        .filter((i) => scores[i.key] === undefined)
        .map((i) => [`scores.${i.key}`, t('portal.evaluate.scoreMissing', { item: i.label })]),
    );
    if (Array.from(comment.trim()).length > form.commentMax)
      missing.comment = `${t('portal.evaluate.comment')} ≤ ${form.commentMax}`;
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      setFailed(t('portal.fixErrors'));
      return;
    }
    setBusy(true);
    setFailed(undefined);
    request<{ moderation: 'none' | 'pending' }>(url(code), {
      method: 'POST',
      body: { scores, comment: comment.trim() || undefined },
      anonymous: true,
    })
      .then((r) => onDone(r.moderation === 'pending'))
      .catch((x) => {
        if (x instanceof ApiError && x.fields.length > 0)
          setErrors(Object.fromEntries(x.fields.map((f) => [f.path, f.message])));
        setFailed(failure(x));
      })
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} noValidate className="pp-form" data-testid="evaluate-form">
      <Card>
        <div className="pp-muted pp-small">{form.campaign}</div>
        <h2 className="pp-card-title" data-testid="evaluate-agency">
          {t('portal.evaluate.agency')}：{form.agency}
        </h2>
        <p className="pp-muted pp-small">
          {t('portal.evaluate.period', { from: form.period.from, to: form.period.to, date: form.expiresOn })}
        </p>
      </Card>
      <Card>
        <p className="pp-muted pp-small">{t('portal.evaluate.scoreHint')}</p>
        {form.items.map((item) => {
          const error = errors[`scores.${item.key}`];
          return (
            <fieldset
              key={item.key}
              className={`pp-scale${error ? ' pp-field-invalid' : ''}`}
              data-testid={`evaluate-item-${item.key}`}
            >
              <legend className="pp-label">
                <span className="pp-required">*</span>
                {item.label}
              </legend>
              {item.hint && <div className="pp-hint">{item.hint}</div>}
              <div className="pp-scale-options">
                {form.scale.map((word, i) => {
                  const n = i + 1;
                  return (
                    <label
                      key={n}
                      className={`pp-scale-option${scores[item.key] === n ? ' pp-scale-on' : ''}`}
                    >
                      <input
                        type="radio"
                        name={item.key}
                        value={n}
                        checked={scores[item.key] === n}
                        onChange={() => {
                          setScores((s) => ({ ...s, [item.key]: n }));
                          setFailed(undefined);
                          setErrors(({ [`scores.${item.key}`]: _, ...rest }) => rest);
                        }}
                        data-testid={`evaluate-${item.key}-${n}`}
                      />
                      <strong>{n}</strong>
                      <span>{word}</span>
                    </label>
                  );
                })}
              </div>
              {error && <div className="pp-error">{error}</div>}
            </fieldset>
          );
        })}
      </Card>
      <Card>
        <Field
          label={t('portal.evaluate.comment')}
          hint={t('portal.evaluate.commentHint')}
          error={errors.comment}
          count={{ value: comment, max: form.commentMax }}
        >
          {(p) => (
            <textarea
              {...p}
              className="pp-input pp-textarea"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="evaluate-comment"
            />
          )}
        </Field>
        {failed && <Alert type="error" title={failed} data-testid="evaluate-error" />}
        <button
          type="submit"
          className="pp-btn pp-btn-primary pp-btn-block pp-gap-top"
          disabled={busy}
          data-testid="evaluate-submit"
        >
          {t('portal.evaluate.submit')}
        </button>
      </Card>
    </form>
  );
}

export default function Evaluate() {
  const { query } = useLocation();
  const raw = query.get('code') ?? '';
  const code = normalizeCode(raw);
  const [form, setForm] = useState<PublicForm>();
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<{ pending: boolean }>();

  useEffect(() => {
    setForm(undefined);
    setProblem(undefined);
    setDone(undefined);
    if (!code) return;
    const ctrl = new AbortController();
    request<PublicForm>(url(code), { signal: ctrl.signal, anonymous: true })
      .then(setForm)
      .catch((e) => {
        if (!ctrl.signal.aborted) setProblem(failure(e));
      });
    return () => ctrl.abort();
  }, [code]);

  const another = (
    <button
      type="button"
      className="pp-btn pp-btn-block pp-gap-top"
      onClick={() => navigate('/public/evaluate')}
      data-testid="evaluate-another"
    >
      {t('portal.evaluate.another')}
    </button>
  );

  let body: ReactNode;
  if (!code) body = <CodeEntry initial={raw} error={raw ? t('portal.evaluate.codeInvalid') : undefined} />;
  else if (done)
    body = (
      <Card className="pp-center" data-testid="evaluate-done">
        <div className="pp-done-icon">
          <Icon name="check" size={48} />
        </div>
        <h2 className="pp-card-title">{t('portal.evaluate.thanks')}</h2>
        <p className="pp-muted">
          {t(done.pending ? 'portal.evaluate.thanksPending' : 'portal.evaluate.thanksDone')}
        </p>
      </Card>
    );
  else if (problem)
    body = (
      <>
        <Alert type="warning" title={problem} data-testid="evaluate-problem" />
        {another}
      </>
    );
  else if (!form) body = <Loading />;
  else body = <EvaluationForm code={code} form={form} onDone={(pending) => setDone({ pending })} />;

  return (
    <div data-testid="public-evaluate">
      <h1 className="pp-title">{t('portal.evaluate.title')}</h1>
      {body}
    </div>
  );
}
