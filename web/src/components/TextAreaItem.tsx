// A required text area on a form (a reason, an opinion, the grounds): at least `min` characters
// when more than one, at most `max` as the server counts them (textLimit), shown as "n / N".
import { Form, type FormRule, Input } from 'antd';
import type { ReactNode } from 'react';
import { type Translate, useIntl } from '../locales/intl';
import { textLength, textLimit } from './textLimit';

/** Refuses a non-empty value shorter than `min` characters (an empty one is `required`'s). */
export function minCharsRule(min: number, t: Translate): FormRule {
  return {
    validator: (_r, v: string | undefined) =>
      textLength(v ?? '') === 0 || textLength(v ?? '') >= min
        ? Promise.resolve()
        : Promise.reject(new Error(t('pages.cases.form.minChars', { n: min }))),
  };
}

export function TextAreaItem({
  name,
  label,
  testId,
  min = 1,
  max = 2000,
  optional = false,
  rows = 3,
  maxRows = 12,
  placeholder,
  extra,
}: {
  name: string;
  label: string;
  testId: string;
  min?: number;
  max?: number;
  optional?: boolean;
  rows?: number;
  maxRows?: number;
  placeholder?: string;
  extra?: ReactNode;
}) {
  const { t } = useIntl();
  const limit = textLimit(max, t);
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[
        ...(optional
          ? []
          : [{ required: true, whitespace: true, message: t('common.required', { field: label }) }]),
        ...(min > 1 ? [minCharsRule(min, t)] : []),
        limit.rule,
      ]}
    >
      <Input.TextArea
        count={limit.count}
        autoSize={{ minRows: rows, maxRows }}
        placeholder={placeholder}
        data-testid={testId}
      />
    </Form.Item>
  );
}
