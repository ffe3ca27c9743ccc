// 403 and 404 inside the console frame.
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useIntl } from '../../locales/intl';

function BackHome() {
  const { t } = useIntl();
  return (
    <Link to="/home">
      <Button type="primary">{t('pages.exception.backHome')}</Button>
    </Link>
  );
}

export function Forbidden() {
  const { t } = useIntl();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('pages.exception.403')}
      extra={<BackHome />}
      data-testid="forbidden"
    />
  );
}

export function NotFound() {
  const { t } = useIntl();
  return <Result status="404" title="404" subTitle={t('pages.exception.404')} extra={<BackHome />} />;
}
