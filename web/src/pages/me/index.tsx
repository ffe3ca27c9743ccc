// 我的档案: an officer's own record, read-only.
import { Empty } from 'antd';
import OfficerProfile from '../../components/OfficerProfile';
import { useIntl } from '../../locales/intl';
import { useUser } from '../../session';

export default function MyRecordPage() {
  const user = useUser();
  const { t } = useIntl();
  if (!user.officerId) return <Empty description={t('pages.exception.notFoundObject')} />;
  return <OfficerProfile id={user.officerId} />;
}
