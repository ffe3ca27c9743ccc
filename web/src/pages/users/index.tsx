// Users and roles (administrator): accounts with their role and jurisdiction; create, edit,
// reset password, unlock after repeated failures, enable and disable.
import { LockOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Dropdown,
  Flex,
  Popconfirm,
  Select,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { SearchFilter } from '../../components/Filters';
import ListTable from '../../components/ListTable';
import { PageContainer } from '../../components/PageContainer';
import { ActiveBadge, RoleTag } from '../../components/tags';
import { useApi } from '../../hooks/useApi';
import { useApiError } from '../../hooks/useApiError';
import { useRegions } from '../../hooks/useRegions';
import { useSearchState } from '../../hooks/useSearchState';
import { useIntl } from '../../locales/intl';
import { agencyOptions } from '../../services/agencies';
import { ROLES } from '../../services/auth';
import { useUser } from '../../session';
import ResetPasswordModal from './components/ResetPasswordModal';
import UserForm from './components/UserForm';
import { listUsers, updateUser } from './service';
import { ADMIN_ROLES, type Role, type UserAccount, type UserPatch } from './types';

export default function UsersPage() {
  const { t } = useIntl();
  const { message } = App.useApp();
  const me = useUser();
  const showError = useApiError();
  const regions = useRegions();
  const { values, update, page, pageSize } = useSearchState();
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<UserAccount | undefined>();
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const query = { q: values.q, role: values.role as Role | undefined, page, pageSize };
  const list = useApi((signal) => listUsers(query, signal), [JSON.stringify(query)]);
  const agencies = useApi(() => agencyOptions(), []);
  const agencyName = useMemo(
    () => new Map((agencies.data ?? []).map((a) => [a.id, a.name])),
    [agencies.data],
  );
  const filtered = Boolean(values.q || values.role);
  // 三权分立: the system administrator keeps accounts, the security administrator their roles,
  // locks, passwords and second factors.
  const isSystemAdmin = me.role === 'admin';
  const isSecurityAdmin = me.role === 'security_admin';

  const patch = async (u: UserAccount, p: UserPatch, done: string) => {
    try {
      await updateUser(u.id, u.version, p);
      message.success(done);
      list.reload();
    } catch (e) {
      showError(e, { onReload: list.reload });
    }
  };

  const columns: TableColumnsType<UserAccount> = [
    {
      title: t('pages.users.field.username'),
      dataIndex: 'username',
      width: 200,
      render: (_, u) => (
        <Flex vertical>
          <Typography.Text strong data-testid="user-row-username">
            {u.username}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.displayName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.users.field.role'),
      dataIndex: 'role',
      width: 150,
      render: (r: Role) => <RoleTag role={r} />,
    },
    {
      title: t('pages.users.field.region'),
      dataIndex: 'regionCode',
      width: 110,
      render: (c: string) => regions.nameOf(c),
    },
    {
      title: t('pages.users.field.agency'),
      dataIndex: 'agencyId',
      ellipsis: true,
      render: (id: string | null, u) =>
        id ? (
          <span>
            {agencyName.get(id) ?? id}
            {u.officerId && <Typography.Text type="secondary"> · {u.officerId}</Typography.Text>}
          </span>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 140,
      render: (_, u) => (
        <Flex gap={6} align="center">
          <ActiveBadge active={u.active} />
          {u.locked && (
            <Tag color="red" icon={<LockOutlined />} data-testid="user-locked">
              {t('pages.users.locked')}
            </Tag>
          )}
          {u.totpEnabled && <Tag color="blue">{t('pages.users.totp')}</Tag>}
          {u.isDemo && <Tag>{t('pages.users.demo')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('pages.users.field.passwordChangedAt'),
      dataIndex: 'passwordChangedAt',
      width: 150,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_, u) => {
        const self = u.id === me.id;
        return (
          <Flex gap={12} align="center">
            <Typography.Link
              onClick={() => {
                setEditing(u);
                setFormOpen(true);
              }}
              data-testid="user-edit"
            >
              {t('common.edit')}
            </Typography.Link>
            {u.locked && isSecurityAdmin && (
              <Popconfirm
                title={t('pages.users.unlockConfirm', { username: u.username })}
                onConfirm={() => patch(u, { unlock: true }, t('pages.users.unlocked'))}
              >
                <Typography.Link data-testid="user-unlock">{t('pages.users.unlock')}</Typography.Link>
              </Popconfirm>
            )}
            <Dropdown
              menu={{
                // The administrator accounts are the operator's: changed on the server only (wenze user set).
                items: ADMIN_ROLES.includes(u.role)
                  ? [{ key: 'operator', disabled: true, label: t('pages.users.commandLineOnly') }]
                  : [
                      ...(isSecurityAdmin ? [{ key: 'reset', label: t('pages.users.resetPassword') }] : []),
                      ...(isSecurityAdmin && u.totpEnabled
                        ? [{ key: 'resetTotp', danger: true, label: t('pages.users.resetTotp') }]
                        : []),
                      ...(isSystemAdmin
                        ? [
                            {
                              key: 'toggle',
                              danger: u.active,
                              disabled: self,
                              label: (
                                <Tooltip title={self ? t('pages.users.cannotDisableSelf') : undefined}>
                                  {u.active ? t('pages.users.disable') : t('pages.users.enable')}
                                </Tooltip>
                              ),
                            },
                          ]
                        : []),
                    ],
                onClick: (e) => {
                  if (e.key === 'reset') setResetting(u);
                  else if (e.key === 'resetTotp') confirmResetTotp(u);
                  else confirmToggle(u);
                },
              }}
            >
              <Typography.Link data-testid="user-more">{t('common.more')}</Typography.Link>
            </Dropdown>
          </Flex>
        );
      },
    },
  ];

  const { modal } = App.useApp();
  const confirmResetTotp = (u: UserAccount) => {
    modal.confirm({
      title: t('pages.users.resetTotpConfirm', { username: u.username }),
      content: t('pages.users.resetTotpHint'),
      okButtonProps: { danger: true },
      okText: t('pages.users.resetTotp'),
      onOk: () => patch(u, { resetTotp: true }, t('pages.users.totpResetDone')),
    });
  };
  const confirmToggle = (u: UserAccount) => {
    modal.confirm({
      title: u.active
        ? t('pages.users.disableConfirm', { username: u.username })
        : t('pages.users.enableConfirm', { username: u.username }),
      content: u.active ? t('pages.users.disableHint') : undefined,
      okButtonProps: { danger: u.active },
      okText: u.active ? t('pages.users.disable') : t('pages.users.enable'),
      onOk: () =>
        patch(
          u,
          { active: !u.active },
          u.active ? t('pages.users.disabledDone') : t('pages.users.enabledDone'),
        ),
    });
  };

  return (
    <PageContainer
      testId="users-page"
      title={t('menu.users')}
      subTitle={t('pages.users.subtitle')}
      extra={
        isSystemAdmin && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(undefined);
              setFormOpen(true);
            }}
            data-testid="user-create"
          >
            {t('pages.users.create')}
          </Button>
        )
      }
    >
      <Card variant="borderless">
        <Flex gap={12} wrap className="wz-toolbar">
          <SearchFilter
            value={values.q}
            onSearch={(q) => update({ q })}
            placeholder={t('pages.users.searchPlaceholder')}
            testId="user-search"
          />
          <Select
            allowClear
            placeholder={t('pages.users.field.role')}
            value={values.role}
            onChange={(role) => update({ role })}
            options={ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
            style={{ width: 180 }}
            data-testid="filter-role"
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
        </Flex>
        <ListTable<UserAccount>
          rowKey="id"
          columns={columns}
          scroll={{ x: 1000 }}
          data-testid="user-table"
          list={list}
          page={page}
          pageSize={pageSize}
          onPageChange={(p, ps) => update({ page: p, pageSize: ps }, { resetPage: false })}
          filtered={filtered}
          emptyText={t('common.empty')}
        />
      </Card>
      <UserForm
        open={formOpen}
        user={editing}
        onClose={() => setFormOpen(false)}
        onReload={() => {
          setFormOpen(false);
          list.reload();
        }}
        onSaved={() => {
          setFormOpen(false);
          list.reload();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onSaved={() => {
          setResetting(null);
          list.reload();
        }}
        onReload={() => {
          setResetting(null);
          list.reload();
        }}
      />
    </PageContainer>
  );
}
