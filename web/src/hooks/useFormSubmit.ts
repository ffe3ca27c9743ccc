// Sending a form's values, the same in every modal: `saving` while it runs; a 400 that names
// fields lands them on the form's fields (the first scrolled to, when asked) and what names no
// field is kept in `problems` (the message itself when nothing landed); any other failure goes
// to `onError` (most often useApiError's, with the form and a reload for a stale version).
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { landErrors, type NamePath } from '../services/fieldPaths';
import { ApiError, type FieldError } from '../services/request';

export function useFormSubmit(form: FormInstance, { scroll = false }: { scroll?: boolean } = {}) {
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const run = useCallback(
    async (send: () => Promise<void>, onError: (e: unknown) => void) => {
      setSaving(true);
      setProblems([]);
      try {
        await send();
      } catch (e) {
        if (e instanceof ApiError && e.status === 400 && e.fields.length > 0) {
          const registered = form.getFieldsError().map((f) => f.name as NamePath);
          const { landed, rest } = landErrors(e.fields, registered);
          form.setFields(landed);
          setProblems(rest.length === 0 && landed.length === 0 ? [{ path: '', message: e.message }] : rest);
          if (scroll && landed.length > 0) form.scrollToField(landed[0].name, { block: 'center' });
        } else {
          onError(e);
        }
      } finally {
        setSaving(false);
      }
    },
    [form, scroll],
  );
  return { saving, problems, setProblems, run };
}
