import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import FileDrop from '../../../components/FileDrop';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { ApiError } from '../../../services/request';
import {
  ACTS_TEMPLATE_URL,
  type ImportResult,
  importProblems,
  uploadActs,
} from '../../../services/supervision';
import ActColumnsGuide from './ActColumnsGuide';

type Problem = ReturnType<typeof importProblems>[number];
type Outcome =
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'invalid'; message: string; problems: Problem[] };

export default function ImportActsModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose(): void;
  onImported(): void;
}) {
  const { t } = useIntl();
  const showError = useApiError();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const close = () => {
    setFile(null);
    setOutcome(null);
    onClose();
  };

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await uploadActs(file);
      setOutcome({ kind: 'imported', result });
      onImported();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        setOutcome({ kind: 'invalid', message: e.message, problems: importProblems(e) });
      } else showError(e);
    } finally {
      setBusy(false);
    }
  };

  const done = outcome?.kind === 'imported' ? outcome.result : null;
  return (
    <Modal
      open={open}
      title={t('pages.acts.import.title')}
      width={900}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
      footer={
        done
          ? [
              <Button key="close" type="primary" onClick={close} data-testid="acts-import-close">
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t('common.cancel')}
              </Button>,
              <Button
                key="submit"
                type="primary"
                disabled={!file}
                loading={busy}
                onClick={submit}
                data-testid="acts-import-submit"
              >
                {t('pages.acts.import.submit')}
              </Button>,
            ]
      }
    >
      {done ? (
        <Result
          status="success"
          title={t('pages.acts.import.done', { n: done.received })}
          data-testid="acts-import-done"
          extra={
            <Descriptions
              size="small"
              bordered
              column={2}
              items={[
                { key: 'inserted', label: t('pages.acts.import.inserted'), children: done.inserted },
                { key: 'updated', label: t('pages.acts.import.updated'), children: done.updated },
                { key: 'unchanged', label: t('pages.acts.import.unchanged'), children: done.unchanged },
                { key: 'findings', label: t('pages.acts.import.findings'), children: done.findings.created },
                { key: 'leads', label: t('pages.acts.import.leads'), children: done.leads },
                {
                  key: 'ms',
                  label: t('pages.acts.import.time'),
                  children: `${(done.ms / 1000).toFixed(1)} s`,
                },
              ]}
            />
          }
        />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title={t('pages.acts.import.rules')}
            description={
              <Space orientation="vertical" size={4}>
                <span>{t('pages.acts.import.rule1')}</span>
                <span>{t('pages.acts.import.rule2')}</span>
                <span>{t('pages.acts.import.rule3')}</span>
                <span>{t('pages.acts.import.rule4')}</span>
              </Space>
            }
            action={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={ACTS_TEMPLATE_URL}
                download
                data-testid="acts-import-template"
              >
                {t('pages.acts.import.template')}
              </Button>
            }
          />
          <FileDrop
            accept=".jsonl,.ndjson,.csv,.xlsx"
            file={file}
            onChange={(f) => {
              setFile(f);
              setOutcome(null);
            }}
            text={t('pages.acts.import.drop')}
            hint={t('pages.acts.import.dropHint')}
            testId="acts-import-file"
          />
          {outcome?.kind === 'invalid' && (
            <>
              <Alert type="error" showIcon title={outcome.message} data-testid="acts-import-invalid" />
              <Table<Problem>
                size="small"
                rowKey="key"
                dataSource={outcome.problems}
                pagination={outcome.problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
                data-testid="acts-import-problems"
                columns={[
                  {
                    title: t('pages.acts.import.line'),
                    dataIndex: 'line',
                    width: 90,
                    render: (n: number | null) => n ?? t('common.none'),
                  },
                  { title: t('pages.acts.import.field'), dataIndex: 'field', width: 160 },
                  {
                    title: t('pages.acts.import.problem'),
                    dataIndex: 'message',
                    render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text>,
                  },
                ]}
              />
            </>
          )}
          <ActColumnsGuide />
        </Space>
      )}
    </Modal>
  );
}
