// The frame of every page: a white header with breadcrumb, title, actions and an optional
// description, then the content on the grey canvas.
import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export interface Crumb {
  title: ReactNode;
  to?: string;
}

interface Props {
  title: ReactNode;
  subTitle?: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
  breadcrumb?: Crumb[];
  description?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
  testId?: string;
}

export function PageContainer({
  title,
  subTitle,
  tags,
  extra,
  breadcrumb,
  description,
  footer,
  children,
  testId,
}: Props) {
  return (
    <div className="wz-page" data-testid={testId}>
      <div className="wz-page-header">
        {breadcrumb && breadcrumb.length > 0 && (
          <Breadcrumb
            className="wz-page-breadcrumb"
            items={breadcrumb.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
          />
        )}
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Flex align="center" gap={12} wrap style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
              {title}
            </Typography.Title>
            {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
            {tags}
          </Flex>
          {extra && (
            <Flex gap={8} wrap>
              {extra}
            </Flex>
          )}
        </Flex>
        {description && <div className="wz-page-description">{description}</div>}
        {footer}
      </div>
      <div className="wz-page-content">{children}</div>
    </div>
  );
}
