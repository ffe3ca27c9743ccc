// What the server refused that names no field on the form, above the form: one as the alert's
// title, several as a list under "请修正以下问题" — or, `joined`, all on one line.
import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useIntl } from '../locales/intl';
import type { FieldError } from '../services/request';

export function ProblemsAlert({
  problems,
  testId,
  text = (p) => p.message,
  joined = false,
}: {
  problems: FieldError[];
  testId: string;
  /** How to say a problem (default: the server's message). */
  text?: (p: FieldError) => ReactNode;
  joined?: boolean;
}) {
  const { t } = useIntl();
  if (problems.length === 0) return null;
  if (joined)
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid={testId}
        title={problems.map((p) => p.message).join('；')}
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid={testId}
      title={
        problems.length === 1 ? (
          text(problems[0])
        ) : (
          <Typography.Text>{t('pages.cases.form.problems')}</Typography.Text>
        )
      }
      description={
        problems.length > 1 && (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {problems.map((p) => (
              <li key={`${p.path}-${p.message}`}>{text(p)}</li>
            ))}
          </ul>
        )
      }
    />
  );
}
