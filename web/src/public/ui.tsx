// The portal's few building blocks, plain elements styled by public.css: icons (inline SVG), cards,
// buttons, form fields with their hint, error and count, alerts and a loading placeholder.
import { Component, type ReactNode, useId } from 'react';
import { t } from './intl';

const ICONS = {
  back: 'M15 5l-7 7 7 7',
  right: 'M9 5l7 7-7 7',
  search: 'M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14zm5 12l4.5 4.5',
  form: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  check: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zM7.5 12.5l3 3 6-6.5',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  clip: 'M20 11.5l-8.5 8.5a5 5 0 0 1-7-7L13 4.5a3.3 3.3 0 0 1 4.7 4.7L9.3 17.6a1.7 1.7 0 0 1-2.4-2.4L15 7',
  upload: 'M12 16V4M7 9l5-5 5 5M4 17v3h16v-3',
  lock: 'M6 11h12v10H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  login: 'M14 4h5v16h-5M10 8l4 4-4 4M14 12H4',
  warn: 'M12 3l10 18H2zM12 10v5M12 18v.5',
  info: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zM12 11v6M12 7.5v.5',
} as const;

export type IconName = keyof typeof ICONS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="pp-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}

export function Card({
  title,
  children,
  className,
  ...rest
}: { title?: ReactNode; children: ReactNode; className?: string } & Record<`data-${string}`, string>) {
  return (
    <section className={`pp-card${className ? ` ${className}` : ''}`} {...rest}>
      {title && <h2 className="pp-card-title">{title}</h2>}
      {children}
    </section>
  );
}

export function Spinner() {
  return <span className="pp-spinner" aria-hidden="true" />;
}

export function Loading() {
  return (
    <div className="pp-loading" role="status" aria-live="polite">
      <span className="pp-skeleton" />
      <span className="pp-skeleton" />
      <span className="pp-skeleton pp-skeleton-short" />
      <span className="pp-visually-hidden">{t('portal.loading')}</span>
    </div>
  );
}

export function Alert({
  type,
  title,
  children,
  icon,
  ...rest
}: {
  type: 'info' | 'warning' | 'error' | 'success';
  title: ReactNode;
  children?: ReactNode;
  icon?: IconName;
} & Record<`data-${string}`, string>) {
  return (
    <div className={`pp-alert pp-alert-${type}`} role={type === 'error' ? 'alert' : undefined} {...rest}>
      <Icon name={icon ?? (type === 'info' || type === 'success' ? 'info' : 'warn')} />
      <div>
        <div className="pp-alert-title">{title}</div>
        {children && <div className="pp-alert-body">{children}</div>}
      </div>
    </div>
  );
}

/**
 * A labelled field: the control is given its id, its description (hint and error) and its invalid
 * state through the render function, so that screen readers read them with it.
 */
export function Field({
  label,
  required,
  hint,
  error,
  count,
  children,
}: {
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  /** Characters typed and allowed. */
  count?: { value: string; max: number };
  children(props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }): ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const length = count ? Array.from(count.value).length : 0;
  return (
    <div className={`pp-field${error ? ' pp-field-invalid' : ''}`}>
      <label className="pp-label" htmlFor={id}>
        {required && <span className="pp-required">*</span>}
        {label}
      </label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      <div className="pp-field-foot">
        <div>
          {error && (
            <div className="pp-error" id={`${id}-error`}>
              {error}
            </div>
          )}
          {hint && (
            <div className="pp-hint" id={`${id}-hint`}>
              {hint}
            </div>
          )}
        </div>
        {count && (
          <span className={`pp-count${length > count.max ? ' pp-count-over' : ''}`}>
            {length} / {count.max}
          </span>
        )}
      </div>
    </div>
  );
}

/** What a page shows instead of crashing the portal. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? <Alert type="error" title={t('portal.crashed')} /> : this.props.children;
  }
}
