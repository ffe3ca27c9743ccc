// Full-page states: loading, a failed load (404/403 explained), and the error boundary.
import { Button, Result, Spin } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useIntl } from '../locales/intl';
import { ApiError } from '../services/request';

export function PageLoading() {
  return (
    <div className="wz-page-loading" data-testid="page-loading">
      <Spin size="large" />
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useIntl();
  const status = error instanceof ApiError ? error.status : 500;
  if (status === 404 || status === 403) {
    return (
      <Result
        status={status === 404 ? '404' : '403'}
        title={status}
        subTitle={status === 404 ? t('pages.exception.notFoundObject') : t('pages.exception.403')}
        extra={
          <Link to="/home">
            <Button type="primary">{t('pages.exception.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  const message =
    error instanceof ApiError
      ? error.status === 0
        ? t('errors.network')
        : error.message
      : t('errors.server');
  return (
    <Result
      status="warning"
      title={t('errors.loadFailed')}
      subTitle={message}
      extra={onRetry && <Button onClick={onRetry}>{t('common.reload')}</Button>}
    />
  );
}

function Crash() {
  const { t } = useIntl();
  return (
    <Result
      status="500"
      title={t('pages.exception.500')}
      subTitle={t('pages.exception.500.desc')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.refresh')}
        </Button>
      }
    />
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }
  render() {
    return this.state.failed ? <Crash /> : this.props.children;
  }
}
