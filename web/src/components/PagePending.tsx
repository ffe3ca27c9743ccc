// A detail page before its object is here: the page's frame (title, breadcrumb) around the load
// error with a retry, or a skeleton while it loads.
import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { type Crumb, PageContainer } from './PageContainer';
import { LoadError } from './Status';

export function PagePending({
  title,
  breadcrumb,
  error,
  onRetry,
}: {
  title: ReactNode;
  breadcrumb: Crumb[];
  error: unknown;
  onRetry(): void;
}) {
  return (
    <PageContainer title={title} breadcrumb={breadcrumb}>
      {error ? <LoadError error={error} onRetry={onRetry} /> : <Skeleton active paragraph={{ rows: 10 }} />}
    </PageContainer>
  );
}
