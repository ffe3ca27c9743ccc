// Import officers from the .xlsx template: download the template, choose a file, check it
// (dry run, nothing written), see every problem by row and column, then import. The server
// writes all rows or none.
import { CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Result, Space, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import FileDrop from '../../../components/FileDrop';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { ApiError, importOfficers, importProblems, TEMPLATE_URL } from '../../../services/officers';
import type { ImportProblem } from '../../../types/officer';

interface Props {
  open: boolean;
  onClose(): void;
  onImported(count: number): void;
}

type Outcome =
  | { kind: 'checked'; rows: number }
  | { kind: 'invalid'; message: string; problems: ImportProblem[] }
  | { kind: 'imported'; rows: number };

export default function ImportModal({ open, onClose, onImported }: Props) {
  const { t } = useIntl();
  const showError = useApiError();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const reset = () => {
    setFile(null);
    setOutcome(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    try {
      const r = await importOfficers(file, dryRun);
      setOutcome({ kind: dryRun ? 'checked' : 'imported', rows: r.imported });
      if (!dryRun) onImported(r.imported);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        setOutcome({ kind: 'invalid', message: e.message, problems: importProblems(e) });
      } else showError(e);
    } finally {
      setBusy(null);
    }
  };

  const step = outcome?.kind === 'imported' ? 3 : outcome?.kind === 'checked' ? 2 : file ? 1 : 0;

  const footer =
    outcome?.kind === 'imported'
      ? [
          <Button key="close" type="primary" onClick={close}>
            {t('common.close')}
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={close}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="check"
            disabled={!file}
            loading={busy === 'check'}
            onClick={() => run(true)}
            data-testid="import-check"
          >
            {t('pages.officers.import.check')}
          </Button>,
          <Button
            key="import"
            type="primary"
            disabled={outcome?.kind !== 'checked'}
            loading={busy === 'import'}
            onClick={() => run(false)}
            data-testid="import-submit"
          >
            {t('pages.officers.import.submit')}
          </Button>,
        ];

  return (
    <Modal
      open={open}
      title={t('pages.officers.import.title')}
      width={760}
      onCancel={close}
      footer={footer}
      destroyOnHidden
      maskClosable={false}
    >
      <Steps
        size="small"
        current={step}
        style={{ margin: '8px 0 20px' }}
        items={[
          { title: t('pages.officers.import.step.template') },
          { title: t('pages.officers.import.step.file') },
          { title: t('pages.officers.import.step.check') },
          { title: t('pages.officers.import.step.done') },
        ]}
      />
      {outcome?.kind === 'imported' ? (
        <Result
          status="success"
          title={t('pages.officers.import.done', { n: outcome.rows })}
          subTitle={t('pages.officers.import.doneHint')}
          data-testid="import-done"
        />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title={t('pages.officers.import.rules')}
            description={
              <Space orientation="vertical" size={4}>
                <span>{t('pages.officers.import.rule1')}</span>
                <span>{t('pages.officers.import.rule2')}</span>
                <span>{t('pages.officers.import.rule3')}</span>
              </Space>
            }
            action={
              <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download data-testid="import-template">
                {t('pages.officers.import.template')}
              </Button>
            }
          />
          <FileDrop
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            file={file}
            onChange={(f) => {
              if (f) {
                setFile(f);
                setOutcome(null);
              } else reset();
            }}
            text={t('pages.officers.import.drop')}
            hint={t('pages.officers.import.dropHint')}
            testId="import-file"
          />
          {outcome?.kind === 'checked' && (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              title={t('pages.officers.import.checked', { n: outcome.rows })}
              data-testid="import-checked"
            />
          )}
          {outcome?.kind === 'invalid' && (
            <>
              <Alert
                type="error"
                showIcon
                title={outcome.message}
                description={t('pages.officers.import.fixHint')}
              />
              <Table<ImportProblem>
                size="small"
                rowKey="key"
                dataSource={outcome.problems}
                pagination={outcome.problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
                data-testid="import-problems"
                columns={[
                  {
                    title: t('pages.officers.import.row'),
                    dataIndex: 'row',
                    width: 90,
                    render: (r: number | null) =>
                      r === null ? t('common.none') : t('pages.officers.import.rowN', { n: r }),
                  },
                  { title: t('pages.officers.import.column'), dataIndex: 'column', width: 140 },
                  {
                    title: t('pages.officers.import.problem'),
                    dataIndex: 'message',
                    render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text>,
                  },
                ]}
              />
            </>
          )}
        </Space>
      )}
    </Modal>
  );
}
