import { useParams } from 'react-router-dom';
import { useIntl } from '../../locales/intl';
import OfficerProfile from './components/OfficerProfile';
import { LIST_SEARCH_KEY } from './types';

export default function OfficerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useIntl();
  return (
    <OfficerProfile
      id={id}
      parent={{ title: t('menu.officers'), to: `/officers${sessionStorage.getItem(LIST_SEARCH_KEY) ?? ''}` }}
    />
  );
}
