// A figure card (home page, supervision dashboard), optionally a link to the list behind it.
import { Card, Col, type ColProps, Flex, Row, Statistic } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

export interface StatProps {
  title: string;
  value: number;
  icon: ReactNode;
  color: string;
  to?: string;
  testId: string;
  suffix?: string;
  precision?: number;
}

export function StatCard({ title, value, icon, color, to, testId, suffix, precision }: StatProps) {
  const navigate = useNavigate();
  return (
    <Card
      className={`wz-stat-card${to ? ' wz-link' : ''}`}
      variant="borderless"
      onClick={to ? () => navigate(to) : undefined}
      data-testid={testId}
    >
      <Flex justify="space-between" align="center">
        <Statistic
          title={title}
          value={value}
          suffix={suffix}
          precision={precision}
          styles={{ content: { fontWeight: 600 } }}
        />
        <span className="wz-stat-icon" style={{ color, background: `${color}14` }}>
          {icon}
        </span>
      </Flex>
    </Card>
  );
}

/** A row of figure cards, each in a column of `span` (false entries are left out). */
export function StatGrid({
  cards,
  span,
  style,
}: {
  cards: (StatProps | false | undefined)[];
  span: ColProps;
  style?: CSSProperties;
}) {
  return (
    <Row gutter={[16, 16]} style={style}>
      {cards
        .filter((c): c is StatProps => Boolean(c))
        .map((c) => (
          <Col key={c.testId} {...span}>
            <StatCard {...c} />
          </Col>
        ))}
    </Row>
  );
}
