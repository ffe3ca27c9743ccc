// The annual report's content (行政执法年度报告, issue 15) from the precomputed figures of its year:
// penalties by category with the fines in 万元, licensing by stage, each also per agency, and the
// year's accountability work. Pure: the portal's page shows it, src/documents/annual-report.ts
// renders the same object as .docx.
import { annualReportOn, LICENSING_STAGES, type LicensingStage, wanYuan } from './report.js';
import {
  type AccountabilityLine,
  accountabilityLine,
  countsByKey,
  type FigureRow,
  groupRows,
} from './statistics.js';

export interface ReportCount {
  key: string;
  label: string;
  n: number;
}

export interface AnnualReport {
  year: number;
  /** The day it is published (31 January of the year after). */
  publishedOn: string;
  penalties: {
    byCategory: (ReportCount & { amountWan: string })[];
    total: { n: number; amountWan: string };
    byAgency: { agencyId: string | null; agencyName: string; n: number; amountWan: string }[];
  };
  licensing: {
    byStage: ReportCount[];
    byAgency: ({ agencyId: string | null; agencyName: string } & Record<LicensingStage, number>)[];
  };
  accountability: AccountabilityLine & { sanctions: ReportCount[]; outcomes: ReportCount[] };
}

type NamedRow = FigureRow & { agencyName: string | null };

const nameOf = (rows: readonly NamedRow[]) => rows[0]?.agencyName ?? rows[0]?.agencyId ?? '其他';

/** The report of `year` from its figures (rows of other years are ignored). */
export function annualReportOf(year: number, all: readonly NamedRow[]): AnnualReport {
  const rows = all.filter((r) => r.year === year);
  const penalty = rows.filter((r) => r.measure === 'penalty');
  const licensing = rows.filter((r) => r.measure === 'licensing');
  const byName = <T extends { agencyName: string }>(list: T[]) =>
    list.sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'zh-CN'));
  const penaltyFen = penalty.reduce((s, r) => s + r.amountFen, 0);
  const strip = ({ key, label, n }: ReportCount) => ({ key, label, n });
  return {
    year,
    publishedOn: annualReportOn(year),
    penalties: {
      byCategory: countsByKey(penalty, 'penalty').map((c) => ({
        ...strip(c),
        amountWan: wanYuan(c.amountFen),
      })),
      total: { n: penalty.reduce((s, r) => s + r.n, 0), amountWan: wanYuan(penaltyFen) },
      byAgency: byName(
        [...groupRows(penalty, (r) => r.agencyId)].map(([agencyId, list]) => ({
          agencyId,
          agencyName: nameOf(list),
          n: list.reduce((s, r) => s + r.n, 0),
          amountWan: wanYuan(list.reduce((s, r) => s + r.amountFen, 0)),
        })),
      ),
    },
    licensing: {
      byStage: countsByKey(licensing, 'licensing').map(strip),
      byAgency: byName(
        [...groupRows(licensing, (r) => r.agencyId)].map(([agencyId, list]) => {
          const stages = Object.fromEntries(
            LICENSING_STAGES.map((s) => [s, list.reduce((n, r) => (r.key === s ? n + r.n : n), 0)]),
          ) as Record<LicensingStage, number>;
          return { agencyId, agencyName: nameOf(list), ...stages };
        }),
      ),
    },
    accountability: {
      ...accountabilityLine(rows),
      sanctions: countsByKey(rows, 'sanction').map(strip),
      outcomes: countsByKey(rows, 'case_decided').map(strip),
    },
  };
}
