// 导入: the template, then a list file checked first (a dry run: the report, nothing written) and
// imported after — all or nothing; a bad file lists each problem by row and column.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import FileDrop from '../../../components/FileDrop';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { ApiError } from '../../../services/request';
import { DUTY_TEMPLATE_URL, importDutyList } from '../service';
import type { DutyImportResult } from '../types';
import ReportSections from './ReportSections';

interface Problem {
  key: number;
  row: number | null;
  column: string;
  message: string;
}

/** The server's errors ("第 5 行 职权类型") as table rows. */
export function dutyProblems(err: ApiError): Problem[] {
  return err.fields.map((f, i) => {
    const m = /^第 (\d+) 行 (.*)$/.exec(f.path);
    return { key: i, row: m ? Number(m[1]) : null, column: m ? m[2] : f.path, message: f.message };
  });
}

type Outcome =
  | { kind: 'checked' | 'imported'; result: DutyImportResult }
  | { kind: 'invalid'; message: string; problems: Problem[] };

export default function ImportTab({ onImported }: { onImported(): void }) {
  const { t } = useIntl();
  const showError = useApiError();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    try {
      const result = await importDutyList(file, dryRun);
      setOutcome({ kind: dryRun ? 'checked' : 'imported', result });
      if (!dryRun) onImported();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.status === 403) && e.fields.length > 0) {
        setOutcome({ kind: 'invalid', message: e.message, problems: dutyProblems(e) });
      } else showError(e);
    } finally {
      setBusy(null);
    }
  };
  const reset = () => {
    setFile(null);
    setOutcome(null);
  };

  const result = outcome && outcome.kind !== 'invalid' ? outcome.result : null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={t('pages.duties.import.rules')}
        description={
          <Space orientation="vertical" size={4}>
            <span>{t('pages.duties.import.rule1')}</span>
            <span>{t('pages.duties.import.rule2')}</span>
            <span>{t('pages.duties.import.rule3')}</span>
            <span>{t('pages.duties.import.rule4')}</span>
          </Space>
        }
        action={
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={DUTY_TEMPLATE_URL}
            download
            data-testid="duty-import-template"
          >
            {t('pages.duties.import.template')}
          </Button>
        }
      />
      {outcome?.kind === 'imported' ? (
        <Result
          status="success"
          data-testid="duty-import-done"
          title={t('pages.duties.import.done', {
            n: outcome.result.report.items,
            id: outcome.result.importId ?? '',
          })}
          subTitle={<AgencyLines result={outcome.result} />}
          extra={
            <Button type="primary" onClick={reset}>
              {t('pages.duties.import.another')}
            </Button>
          }
        />
      ) : (
        <>
          <FileDrop
            accept=".xlsx,.csv"
            file={file}
            onChange={(f) => {
              setFile(f);
              setOutcome(null);
            }}
            text={t('pages.duties.import.drop')}
            hint={t('pages.duties.import.dropHint')}
            testId="duty-import-file"
          />
          <Flex gap={8}>
            <Button
              disabled={!file}
              loading={busy === 'check'}
              onClick={() => run(true)}
              data-testid="duty-import-check"
            >
              {t('pages.duties.import.check')}
            </Button>
            <Button
              type="primary"
              disabled={!file || outcome?.kind !== 'checked'}
              loading={busy === 'import'}
              onClick={() => run(false)}
              data-testid="duty-import-submit"
            >
              {t('pages.duties.import.submit')}
            </Button>
          </Flex>
        </>
      )}
      {outcome?.kind === 'invalid' && (
        <>
          <Alert
            type="error"
            showIcon
            title={outcome.message}
            description={t('pages.duties.import.invalid')}
            data-testid="duty-import-invalid"
          />
          <Table<Problem>
            size="small"
            rowKey="key"
            dataSource={outcome.problems}
            pagination={outcome.problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
            data-testid="duty-import-problems"
            columns={[
              {
                title: t('pages.duties.import.row'),
                dataIndex: 'row',
                width: 80,
                render: (n: number | null) => n ?? t('pages.duties.none'),
              },
              { title: t('pages.duties.import.column'), dataIndex: 'column', width: 140 },
              {
                title: t('pages.duties.import.problem'),
                dataIndex: 'message',
                render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text>,
              },
            ]}
          />
        </>
      )}
      {result && outcome?.kind === 'checked' && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="duty-import-preview">
          <Alert
            type="warning"
            showIcon
            title={t('pages.duties.import.preview', { n: result.report.items })}
            description={<AgencyLines result={result} />}
          />
          <ReportSections
            testId="duty-import-report"
            report={{
              overlaps: result.report.overlaps,
              gaps: result.report.gaps,
              incomplete: result.report.incomplete.map((i) => ({ ...i, key: `${i.row}/${i.code}` })),
            }}
          />
        </Space>
      )}
    </Space>
  );
}

function AgencyLines({ result }: { result: DutyImportResult }) {
  const { t } = useIntl();
  return (
    <Flex vertical gap={2}>
      {result.agencies.map((a) => (
        <span key={a.agencyId}>
          {t('pages.duties.import.agencyLine', {
            agency: a.agencyName,
            version: a.version,
            items: a.items,
            from: a.from,
          })}
          {a.superseded > 0 && `；${t('pages.duties.import.superseded', { n: a.superseded })}`}
        </span>
      ))}
    </Flex>
  );
}
