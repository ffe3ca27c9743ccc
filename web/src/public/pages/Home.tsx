// The public landing page: file a complaint, track one with its receipt code, or look up the
// enforcement bodies (事前公开: their duty lists, officers and relief channels).
import { t } from '../intl';
import { Link } from '../router';
import { Card, Icon, type IconName } from '../ui';

function Entry({
  to,
  icon,
  title,
  text,
  testId,
}: {
  to: string;
  icon: IconName;
  title: string;
  text: string;
  testId: string;
}) {
  return (
    <Link to={to} className="pp-entry" data-testid={testId}>
      <span className="pp-entry-icon">
        <Icon name={icon} size={26} />
      </span>
      <span className="pp-entry-text">
        <strong>{title}</strong>
        <span className="pp-muted">{text}</span>
      </span>
      <Icon name="right" />
    </Link>
  );
}

export default function Home() {
  return (
    <div data-testid="public-home">
      <h1 className="pp-title">{t('pages.public.home.title')}</h1>
      <p className="pp-muted">{t('pages.public.home.intro')}</p>
      <div className="pp-stack">
        <Entry
          to="/public/complaint"
          icon="form"
          title={t('pages.public.home.file')}
          text={t('pages.public.home.fileDesc')}
          testId="public-file"
        />
        <Entry
          to="/public/track"
          icon="search"
          title={t('pages.public.home.track')}
          text={t('pages.public.home.trackDesc')}
          testId="public-track"
        />
        <Entry
          to="/public/agencies"
          icon="info"
          title={t('portal.disclosure.agencies')}
          text={t('portal.disclosure.homeDesc')}
          testId="public-agencies"
        />
        <Entry
          to="/public/decisions"
          icon="check"
          title={t('portal.decisions.title')}
          text={t('portal.decisions.homeDesc')}
          testId="public-decisions"
        />
        <Entry
          to="/public/statistics"
          icon="info"
          title={t('portal.statistics.title')}
          text={t('portal.statistics.homeDesc')}
          testId="public-statistics"
        />
        <Entry
          to="/public/evaluate"
          icon="check"
          title={t('portal.evaluate.title')}
          text={t('portal.evaluate.homeDesc')}
          testId="public-evaluate"
        />
      </div>
      <Card title={t('pages.public.home.noticeTitle')} className="pp-gap-top">
        <ol className="pp-notice">
          <li>{t('pages.public.home.notice1')}</li>
          <li>{t('pages.public.home.notice2')}</li>
          <li>{t('pages.public.home.notice3')}</li>
          <li>{t('pages.public.home.notice4')}</li>
        </ol>
      </Card>
    </div>
  );
}
