// Show an API failure the same way everywhere: field errors onto the form, 409 as a
// "reload" prompt, the server's message otherwise. 401 is the session's business.
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useIntl } from '../locales/intl';
import { ApiError } from '../services/request';

export interface ShowErrorOptions {
  form?: FormInstance;
  /** Offered when someone else changed the record (409). */
  onReload?: () => void;
}

const toNamePath = (path: string) => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export function useApiError() {
  const { message, modal } = App.useApp();
  const { t } = useIntl();
  return useCallback(
    (err: unknown, opts: ShowErrorOptions = {}) => {
      if (!(err instanceof ApiError)) {
        if ((err as Error)?.name !== 'AbortError') {
          console.error(err);
          message.error(t('errors.server'));
        }
        return;
      }
      if (err.status === 401) return;
      if (err.status === 0) {
        message.error(t('errors.network'));
        return;
      }
      if (err.status === 409) {
        modal.warning({
          title: t('errors.conflictTitle'),
          content: err.message || t('errors.conflict'),
          okText: t('common.reload'),
          onOk: opts.onReload,
        });
        return;
      }
      if (opts.form && err.fields.length > 0) {
        const known = new Set(opts.form.getFieldsError().map((f) => f.name.join('.')));
        const mapped = err.fields.filter((f) => known.has(f.path));
        opts.form.setFields(mapped.map((f) => ({ name: toNamePath(f.path), errors: [f.message] })));
        const rest = err.fields.filter((f) => !known.has(f.path));
        const detail = rest.map((f) => `${f.path}：${f.message}`).join('；');
        message.error(detail ? `${err.message}（${detail}）` : err.message);
        return;
      }
      message.error(err.status >= 500 ? t('errors.server') : err.message);
    },
    [message, modal, t],
  );
}
