// An officer's deadlines on the home page: each open case concerning them, the step it is at
// and its current deadline in its colour (to state a defence, to appeal).
import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { CaseStateTag } from '../../components/CaseTags';
import { DeadlineTag } from '../../components/DeadlineTag';
import { LoadError } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { useIntl } from '../../locales/intl';
import { listCases } from '../../services/cases';

export default function MyDeadlinesCard() {
  const { t } = useIntl();
  const navigate = useNavigate();
  const cases = useApi((signal) => listCases({ page: 1, pageSize: 50 }, signal), []);
  const open = (cases.data?.items ?? []).filter((c) => c.state !== 'closed' && c.state !== 'declined');
  return (
    <Card
      variant="borderless"
      title={
        <span>
          <ClockCircleOutlined /> {t('pages.home.myDeadlines')}
        </span>
      }
      extra={
        <Button type="link" onClick={() => navigate('/my-cases')}>
          {t('menu.myCases')}
        </Button>
      }
      data-testid="my-deadlines"
    >
      {cases.error ? (
        <LoadError error={cases.error} onRetry={cases.reload} />
      ) : !cases.data ? (
        <Skeleton active />
      ) : open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pages.home.noDeadlines')} />
      ) : (
        <List
          size="small"
          dataSource={open}
          renderItem={(c) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8} wrap>
                  <Link to={`/my-cases/${encodeURIComponent(c.id)}`} data-testid="my-deadline-case">
                    {c.number}
                  </Link>
                  <CaseStateTag state={c.state} />
                </Flex>
                <Typography.Text type="secondary" ellipsis>
                  {c.subject}
                </Typography.Text>
                {c.currentDeadline && (
                  <span>
                    <DeadlineTag deadline={c.currentDeadline} />
                  </span>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
