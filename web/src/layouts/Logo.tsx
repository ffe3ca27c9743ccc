// The product mark: a seal-red square with 问, and the name beside it.
import { Link } from 'react-router-dom';
import { useIntl } from '../locales/intl';

export function Seal({ size = 32 }: { size?: number }) {
  return (
    <span className="wz-seal" style={{ width: size, height: size, fontSize: size * 0.6 }} aria-hidden>
      问
    </span>
  );
}

export default function Logo({ collapsed }: { collapsed: boolean }) {
  const { t } = useIntl();
  return (
    <Link to="/home" className="wz-logo" data-testid="logo">
      <Seal />
      {!collapsed && (
        <span className="wz-logo-text">
          <span className="wz-logo-name">
            {t('app.name')} <span className="wz-logo-en">{t('app.nameEn')}</span>
          </span>
          <span className="wz-logo-sub">{t('app.shortFull')}</span>
        </span>
      )}
    </Link>
  );
}
