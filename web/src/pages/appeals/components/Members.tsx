// 委员库: the relief pool of the province, from which each appeal's panel is drawn — name, what the
// member is (法律专家, 律师, 专家学者, 其他机关资深执法人员, 行政执法监督员), expertise, the agency or
// supervision office they work in (neither sits on its own agency's or office's appeals), whether
// they are a serving enforcement officer (at most one sits on a panel) and whether they have an
// account to sign in and vote.
import { Flex, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/ListTable';
import { LoadError } from '../../../components/Status';
import { useApi } from '../../../hooks/useApi';
import { useIntl } from '../../../locales/intl';
import { reliefMembers } from '../../../services/appeals';
import type { ReliefMember } from '../../../types/appeal';

export default function Members() {
  const { t } = useIntl();
  const members = useApi((signal) => reliefMembers(signal), []);
  if (members.error) return <LoadError error={members.error} onRetry={members.reload} />;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('pages.appeals.members.hint')}</Typography.Text>
      <ResponsiveTable<ReliefMember>
        rowKey="id"
        size="middle"
        loading={members.loading}
        dataSource={members.data}
        pagination={false}
        scroll={{ x: 960 }}
        data-testid="relief-members"
        columns={[
          { title: t('pages.appeals.members.id'), dataIndex: 'id', width: 80 },
          {
            title: t('pages.appeals.members.name'),
            dataIndex: 'name',
            width: 110,
            render: (v: string, m) => (
              <Flex gap={6} align="center" wrap>
                <span data-testid="relief-member-name">{v}</span>
                {!m.active && <Tag style={{ marginInlineEnd: 0 }}>{t('pages.appeals.members.inactive')}</Tag>}
              </Flex>
            ),
          },
          {
            title: t('pages.appeals.members.kind'),
            dataIndex: 'kind',
            width: 170,
            render: (k: ReliefMember['kind']) => (
              <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
                {t(`enums.memberKind.${k}`)}
              </Tag>
            ),
          },
          { title: t('pages.appeals.members.expertise'), dataIndex: 'expertise', ellipsis: true },
          {
            title: t('pages.appeals.members.agency'),
            dataIndex: 'agencyName',
            width: 200,
            render: (v: string | null, m) =>
              v ?? (m.officeRegion ? t('pages.appeals.members.office', { region: m.officeRegion }) : none),
          },
          {
            title: t('pages.appeals.members.officer'),
            dataIndex: 'enforcementOfficer',
            width: 110,
            render: (v: boolean) => (v ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no')),
          },
          {
            title: t('pages.appeals.members.account'),
            dataIndex: 'hasAccount',
            width: 90,
            render: (v: boolean) => (v ? t('pages.appeals.members.hasAccount') : none),
          },
        ]}
        locale={{ emptyText: t('pages.appeals.members.empty') }}
      />
    </Flex>
  );
}
