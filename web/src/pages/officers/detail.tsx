import { useParams } from 'react-router-dom';
import OfficerProfile from '../../components/OfficerProfile';
import { useIntl } from '../../locales/intl';
import { LIST_SEARCH_KEY } from '../../types/officer';

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
