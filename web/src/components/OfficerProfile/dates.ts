// Calendar dates travel as YYYY-MM-DD; the date pickers work with dayjs.
import dayjs, { type Dayjs } from 'dayjs';

export const toDay = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);
export const fromDay = (d: Dayjs | null | undefined): string | undefined =>
  d ? d.format('YYYY-MM-DD') : undefined;
