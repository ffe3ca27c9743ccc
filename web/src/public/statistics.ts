// 执法监督统计 and 年度报告 on the portal (issue 15): aggregate counts only, read from the server's
// precomputed figures (src/server/routes/public-statistics.ts).
import { api } from '../services/request';

export interface KeyCount {
  key: string;
  label: string;
  n: number;
}

export interface AccountabilityLine {
  found: number;
  registered: number;
  decided: number;
  pursued: number;
  sanctioned: number;
  toleranceGranted: number;
  appealsDecided: number;
}

export interface PublicStatistics {
  year: number | null;
  years: number[];
  refreshedAt: string | null;
  totals: AccountabilityLine;
  outcomes: KeyCount[];
  sanctions: KeyCount[];
  tolerance: KeyCount[];
  appeals: KeyCount[];
  byAgency: ({ agencyId: string | null; agencyName: string } & AccountabilityLine)[];
  byYear: ({ year: number } & AccountabilityLine)[];
}

export type LicensingStage = 'applied' | 'accepted' | 'granted' | 'refused' | 'revoked';

export interface AnnualReport {
  year: number;
  regionName: string;
  title: string;
  publishedOn: string;
  refreshedAt: string | null;
  penalties: {
    byCategory: (KeyCount & { amountWan: string })[];
    total: { n: number; amountWan: string };
    byAgency: { agencyId: string | null; agencyName: string; n: number; amountWan: string }[];
  };
  licensing: {
    byStage: KeyCount[];
    byAgency: ({ agencyId: string | null; agencyName: string } & Record<LicensingStage, number>)[];
  };
  accountability: AccountabilityLine & { sanctions: KeyCount[]; outcomes: KeyCount[] };
}

const base = '/api/v1/public';

export const getStatistics = (year: number | null, signal?: AbortSignal) =>
  api.get<PublicStatistics>(`${base}/statistics`, year === null ? undefined : { year }, signal);

export const getAnnualReport = (year: number, signal?: AbortSignal) =>
  api.get<AnnualReport>(`${base}/annual-report/${year}`, undefined, signal);

export const annualReportDocxUrl = (year: number) => `${base}/annual-report/${year}.docx`;
export const statisticsCsvUrl = (year: number | null) =>
  `${base}/open-data/statistics.csv${year === null ? '' : `?year=${year}`}`;

/** The latest year whose report is out on `today` (from 31 January of the year after). */
export function latestReportYear(today: string): number {
  const y = Number(today.slice(0, 4));
  return today.slice(5) >= '01-31' ? y - 1 : y - 2;
}

/** Today's date in China (UTC+8, no daylight saving), as the server counts the report's day. */
export const chinaToday = (now = Date.now()) => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
