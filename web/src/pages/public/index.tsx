// The public landing page: file a complaint, or track one with its receipt code.
import { FormOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useIntl } from '../../locales/intl';

function EntryCard({
  to,
  icon,
  title,
  text,
  testId,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
  testId: string;
}) {
  return (
    <Link to={to} data-testid={testId} className="wz-public-entry">
      <Card variant="borderless" hoverable>
        <Flex align="center" gap={16}>
          <span className="wz-public-entry-icon">{icon}</span>
          <Flex vertical style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {title}
            </Typography.Text>
            <Typography.Text type="secondary">{text}</Typography.Text>
          </Flex>
          <RightOutlined style={{ color: '#8c8c8c' }} />
        </Flex>
      </Card>
    </Link>
  );
}

export default function PublicHomePage() {
  const { t } = useIntl();
  return (
    <div data-testid="public-home">
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {t('pages.public.home.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pages.public.home.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <EntryCard
          to="/public/complaint"
          icon={<FormOutlined />}
          title={t('pages.public.home.file')}
          text={t('pages.public.home.fileDesc')}
          testId="public-file"
        />
        <EntryCard
          to="/public/track"
          icon={<SearchOutlined />}
          title={t('pages.public.home.track')}
          text={t('pages.public.home.trackDesc')}
          testId="public-track"
        />
      </Flex>
      <Card
        variant="borderless"
        size="small"
        title={t('pages.public.home.noticeTitle')}
        style={{ marginTop: 24 }}
      >
        <ol className="wz-public-notice">
          <li>{t('pages.public.home.notice1')}</li>
          <li>{t('pages.public.home.notice2')}</li>
          <li>{t('pages.public.home.notice3')}</li>
          <li>{t('pages.public.home.notice4')}</li>
        </ol>
      </Card>
    </div>
  );
}
