// 文书: the generated official documents (.docx) — 立案审批表, 调查报告, 处理决定书, 送达回证 —
// each with the SHA-256 kept with the case, so a downloaded copy can be checked.
import { FileWordOutlined } from '@ant-design/icons';
import { Empty, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { ResponsiveTable } from '../../../components/ListTable';
import { useIntl } from '../../../locales/intl';
import { documentUrl } from '../../../services/cases';
import { fileSize } from '../../../services/format';
import type { CaseDetail, CaseDocument } from '../../../types/case';
import { Sha } from './InvestigationTab';

export default function DocumentsTab({ c }: { c: CaseDetail }) {
  const { t } = useIntl();
  const kindLabel = (kind: string, fallback: string) => {
    const key = `pages.cases.documents.kind.${kind}`;
    const text = t(key);
    return text === key ? fallback : text;
  };
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('pages.cases.documents.hint')}</Typography.Text>
      <ResponsiveTable<CaseDocument>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={c.documents}
        scroll={{ x: 760 }}
        data-testid="documents"
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.cases.documents.none')} />
          ),
        }}
        columns={[
          {
            title: t('pages.cases.documents.title'),
            dataIndex: 'title',
            render: (title: string, d) => (
              <Flex vertical>
                <a href={documentUrl(c.id, d.id)} download={d.filename} data-testid={`document-${d.kind}`}>
                  <FileWordOutlined style={{ color: '#2b579a' }} /> {kindLabel(d.kind, title)}
                </a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.filename} · {fileSize(d.size)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            width: 300,
            render: (v: string, d) => (
              <span data-testid={`document-sha-${d.kind}`} data-sha={v}>
                <Sha value={v} />
              </span>
            ),
          },
          {
            title: t('pages.cases.documents.createdAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </Flex>
  );
}
