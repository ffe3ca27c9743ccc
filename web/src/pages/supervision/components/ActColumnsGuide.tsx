// Every column of a CSV or Excel file of acts: name, required or not, meaning, allowed values and
// an example. The columns, values and examples come from the server's own source
// (src/core/acts/columns.ts), so the dialog says exactly what the import takes.
import { Collapse, Space, Table, Tag, Typography } from 'antd';
import {
  ACT_COLUMNS,
  type ActColumn,
  BOOLEAN_COLUMNS,
  BOOLEAN_LABELS,
  vocabularyOf,
} from '../../../../../src/core/acts/columns';
import { useIntl } from '../../../locales/intl';

/** The values a column takes, as `label code` pairs (empty for a free column). */
function valuesOf(name: string): { label: string; code: string }[] {
  if (BOOLEAN_COLUMNS.has(name))
    return [
      { label: BOOLEAN_LABELS.true, code: 'true' },
      { label: BOOLEAN_LABELS.false, code: 'false' },
    ];
  const v = vocabularyOf(name);
  return v ? v.codes.map((code) => ({ label: v.labels[code], code })) : [];
}

export default function ActColumnsGuide({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { t } = useIntl();
  const meaning = (name: string, fallback: string) => {
    const key = `pages.acts.column.${name}`;
    const text = t(key);
    return text === key ? fallback : text;
  };
  return (
    <Collapse
      size="small"
      data-testid="acts-import-columns"
      defaultActiveKey={defaultOpen ? ['columns'] : []}
      items={[
        {
          key: 'columns',
          label: t('pages.acts.import.columns'),
          children: (
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('pages.acts.import.columnsHint')}</Typography.Text>
              <Table<ActColumn>
                size="small"
                rowKey="name"
                dataSource={[...ACT_COLUMNS]}
                pagination={false}
                scroll={{ y: 360, x: 760 }}
                columns={[
                  {
                    title: t('pages.acts.import.col.name'),
                    dataIndex: 'name',
                    width: 150,
                    render: (name: string) => <Typography.Text code>{name}</Typography.Text>,
                  },
                  {
                    title: t('pages.acts.import.col.required'),
                    dataIndex: 'required',
                    width: 70,
                    render: (required: boolean) =>
                      required ? (
                        <Tag color="red">{t('pages.acts.import.required')}</Tag>
                      ) : (
                        <Typography.Text type="secondary">{t('pages.acts.import.optional')}</Typography.Text>
                      ),
                  },
                  {
                    title: t('pages.acts.import.col.meaning'),
                    dataIndex: 'meaning',
                    width: 200,
                    render: (m: string, c) => meaning(c.name, m),
                  },
                  {
                    title: t('pages.acts.import.col.values'),
                    key: 'values',
                    render: (_: unknown, c) => {
                      const values = valuesOf(c.name);
                      if (values.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
                      return (
                        <Space size={[4, 4]} wrap>
                          {values.map((v) => (
                            <Tag key={v.code}>
                              {v.label} <Typography.Text type="secondary">{v.code}</Typography.Text>
                            </Tag>
                          ))}
                          {vocabularyOf(c.name)?.open && (
                            <Typography.Text type="secondary">
                              {t('pages.acts.import.freeText')}
                            </Typography.Text>
                          )}
                        </Space>
                      );
                    },
                  },
                  {
                    title: t('pages.acts.import.col.example'),
                    dataIndex: 'example',
                    width: 170,
                    render: (e: string) => (
                      <Typography.Text style={{ wordBreak: 'break-all' }}>{e}</Typography.Text>
                    ),
                  },
                ]}
              />
            </Space>
          ),
        },
      ]}
    />
  );
}
