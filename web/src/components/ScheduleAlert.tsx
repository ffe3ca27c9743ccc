// Warns administrators (and supervisors, who read the calendar) when the working-day calendar
// lacks the holiday schedule of this year, or — from 1 November — of next year: deadlines that
// run into such a year are counted on weekends alone and shown as provisional until it is loaded.
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { accessOf, canEditCalendar } from '../access';
import { useApi } from '../hooks/useApi';
import { useIntl } from '../locales/intl';
import { api } from '../services/request';
import { useUser } from '../session';

interface ScheduleStatus {
  today: string;
  coveredYears: number[];
  missingYear: number | null;
}

export function ScheduleAlert() {
  const { t } = useIntl();
  const user = useUser();
  const navigate = useNavigate();
  const shown = accessOf(user).calendar;
  const status = useApi(
    (signal) =>
      shown
        ? api.get<ScheduleStatus>('/api/v1/calendar/status', undefined, signal)
        : Promise.resolve(undefined),
    [shown],
  );
  const year = status.data?.missingYear;
  if (!year) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="schedule-alert"
      title={t('calendar.missing.title', { year })}
      description={t(canEditCalendar(user) ? 'calendar.missing.admin' : 'calendar.missing.reader', { year })}
      action={
        <Button size="small" onClick={() => navigate(`/calendar?year=${year}`)}>
          {t('calendar.missing.open', { year })}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
