// The campaign's reviewer pool (评查组: leader and members, external lawyers among them). The office
// adds and removes reviewers — accounts of the city's supervision offices, external evaluators and
// other agencies' legal offices — and assigns the spot-check files to the groups automatically: a
// file never goes to a reviewer of its own agency (回避).
import { DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Input, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { textLimit } from '../../../components/textLimit';
import { useApi } from '../../../hooks/useApi';
import { useApiError } from '../../../hooks/useApiError';
import { useIntl } from '../../../locales/intl';
import { assignFiles, campaignReviewers, reviewerCandidates, setReviewers } from '../service';
import type { Campaign, Reviewer } from '../types';

export default function ReviewersCard({ campaign, onChanged }: { campaign: Campaign; onChanged(): void }) {
  const { t } = useIntl();
  const { message } = App.useApp();
  const showError = useApiError();
  const editable = campaign.office && campaign.state !== 'closed';
  const pool = useApi((signal) => campaignReviewers(campaign.id, signal), [campaign.id, campaign.version]);
  const candidates = useApi(
    (signal) => (editable ? reviewerCandidates(campaign.id, signal) : Promise.resolve({ items: [] })),
    [campaign.id, editable],
  );
  const [userId, setUserId] = useState<string>();
  const [group, setGroup] = useState('第一组');
  const [leader, setLeader] = useState(false);
  const [lawyer, setLawyer] = useState(false);
  const [busy, setBusy] = useState(false);
  const items = pool.data?.items ?? [];

  const save = async (next: Reviewer[]) => {
    setBusy(true);
    try {
      await setReviewers(
        campaign,
        next.map((r) => ({
          userId: r.userId,
          group: r.group,
          leader: r.leader,
          externalLawyer: r.externalLawyer,
        })),
      );
      onChanged();
    } catch (e) {
      showError(e, { onReload: onChanged });
    } finally {
      setBusy(false);
    }
  };

  const add = () => {
    const c = candidates.data?.items.find((x) => x.userId === userId);
    if (!c || !group.trim()) return;
    const next = [
      ...items.filter((r) => r.userId !== c.userId),
      { ...c, group: group.trim(), leader, externalLawyer: lawyer },
    ];
    setUserId(undefined);
    setLeader(false);
    setLawyer(false);
    void save(next);
  };

  const assign = async () => {
    setBusy(true);
    try {
      const r = await assignFiles(campaign);
      if (r.unassignable.length > 0)
        message.warning(
          t('pages.review.unassignable', { n: r.unassignable.length, acts: r.unassignable.join('、') }),
        );
      else message.success(t('pages.review.assigned', { n: r.assigned }));
      onChanged();
    } catch (e) {
      showError(e, { onReload: onChanged });
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<Reviewer> = [
    { title: t('pages.review.field.group'), dataIndex: 'group', width: 120 },
    {
      title: t('pages.review.field.reviewer'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Flex gap={4} wrap>
          {v}
          {r.leader && <Tag color="blue">{t('pages.review.leader')}</Tag>}
          {r.externalLawyer && <Tag color="purple">{t('pages.review.externalLawyer')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('pages.review.field.role'),
      dataIndex: 'role',
      width: 160,
      render: (v: string) => t(`enums.role.${v}`),
    },
    {
      title: t('pages.review.field.agency'),
      dataIndex: 'agencyName',
      width: 200,
      render: (v: string | null) => v ?? t('common.none'),
    },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, r: Reviewer) => (
              <Button
                type="link"
                danger
                size="small"
                icon={<DeleteOutlined />}
                disabled={busy}
                aria-label={t('pages.review.remove')}
                onClick={() => void save(items.filter((x) => x.userId !== r.userId))}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} data-testid="review-reviewers">
      {editable && (
        <Flex gap={8} wrap align="center">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('pages.review.pickReviewer')}
            value={userId}
            onChange={setUserId}
            loading={candidates.loading}
            style={{ width: 300 }}
            data-testid="review-reviewer-pick"
            options={(candidates.data?.items ?? [])
              .filter((c) => !items.some((r) => r.userId === c.userId))
              .map((c) => ({
                value: c.userId,
                label: `${c.name}（${c.agencyName ?? t(`enums.role.${c.role}`)}）`,
              }))}
          />
          <Input
            value={group}
            onChange={(e) => setGroup(e.target.value)}
            status={textLimit(40, t).over(group) ? 'error' : undefined}
            style={{ width: 120 }}
            aria-label={t('pages.review.field.group')}
            data-testid="review-reviewer-group"
          />
          <Checkbox checked={leader} onChange={(e) => setLeader(e.target.checked)}>
            {t('pages.review.leader')}
          </Checkbox>
          <Checkbox checked={lawyer} onChange={(e) => setLawyer(e.target.checked)}>
            {t('pages.review.externalLawyer')}
          </Checkbox>
          <Button
            icon={<PlusOutlined />}
            onClick={add}
            disabled={!userId || busy}
            data-testid="review-reviewer-add"
          >
            {t('pages.review.addReviewer')}
          </Button>
          <Button
            type="primary"
            icon={<TeamOutlined />}
            onClick={assign}
            loading={busy}
            disabled={campaign.state === 'draft' || campaign.unassigned === 0 || items.length === 0}
            data-testid="review-assign"
          >
            {t('pages.review.assign', { n: campaign.unassigned })}
          </Button>
        </Flex>
      )}
      {editable && <Alert type="info" showIcon title={t('pages.review.assignHint')} />}
      <Table<Reviewer>
        rowKey="userId"
        size="small"
        columns={columns}
        dataSource={items}
        loading={pool.loading}
        pagination={false}
        locale={{ emptyText: t('pages.review.noReviewers') }}
      />
    </Flex>
  );
}
