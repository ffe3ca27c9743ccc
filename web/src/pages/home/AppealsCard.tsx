// 申诉与救济 on the home page: the appeals open in the reader's remit (a panel member's: those they
// sit on), those past the panel's due date, and a member's votes still to cast.
import { FlagOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useIntl } from '../../locales/intl';
import type { HomeStats } from './types';

export default function AppealsCard({
  appeals,
  member,
}: {
  appeals: NonNullable<HomeStats['appeals']>;
  member: boolean;
}) {
  const { t } = useIntl();
  return (
    <Card
      variant="borderless"
      data-testid="home-appeals"
      title={
        <span>
          <FlagOutlined /> {t('menu.appeals')}
        </span>
      }
      extra={<Link to="/appeals">{t('common.view')}</Link>}
    >
      <Row gutter={16}>
        <Col span={member ? 8 : 12}>
          <Statistic title={t('pages.home.appeals.open')} value={appeals.open} />
        </Col>
        <Col span={member ? 8 : 12}>
          <Statistic
            title={t('pages.home.appeals.overdue')}
            value={appeals.overdue}
            valueStyle={appeals.overdue > 0 ? { color: '#cf1322' } : undefined}
          />
        </Col>
        {member && (
          <Col span={8}>
            <Statistic
              title={t('pages.home.appeals.toVote')}
              value={appeals.toVote}
              valueStyle={appeals.toVote > 0 ? { color: '#d46b08' } : undefined}
            />
          </Col>
        )}
      </Row>
    </Card>
  );
}
