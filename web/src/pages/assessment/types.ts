// The annual assessment as the API gives it (src/server/routes/assessment.ts).
import type {
  AssessmentGrade,
  AssessmentIndicator,
  AssessmentPart,
  SubjectKind,
} from '../../../../src/core/assessment/policy';

export type { AssessmentGrade, AssessmentIndicator, AssessmentPart, SubjectKind };

export interface Pursued {
  found: number;
  pursued: number;
  toleranceExempt: number;
  statutoryExempt: number;
  unpursued: number;
  rate: number | null;
  rateExcludingExemptions: number | null;
}

export interface SubjectSummary {
  kind: SubjectKind;
  id: string;
  name: string;
  agencyId: string | null;
  agencyName: string | null;
  total: number | null;
  grade: AssessmentGrade | null;
  gradeLabel: string | null;
  rank: number | null;
  agencyRank: number | null;
  parts: { part: AssessmentPart; label: string; weight: number; max: number; points: number }[];
  pursued: Pursued | null;
  flags: { kind: 'consecutive_fail'; action: string; cite: string; reason: string }[];
  trend: { year: number; total: number | null; grade: AssessmentGrade | null; pursuedRate: number | null }[];
}

type GradeCounts = Record<AssessmentGrade, number>;

export interface YearAssessment {
  year: number;
  regionCode: string;
  regionName: string;
  view: 'region' | 'agency';
  policy: {
    title: string;
    summary: boolean;
    source: string;
    weights: Record<AssessmentPart, number>;
    bands: { excellent: number; pass: number; basicPass: number };
  };
  pursued: Pursued;
  grades: { agency: GradeCounts; officer: GradeCounts };
  agencies: SubjectSummary[];
  officers: SubjectSummary[];
  flagged: SubjectSummary[];
  trends: {
    year: number;
    pursued: Pursued;
    kinds: Record<SubjectKind, { assessed: number; meanTotal: number | null; grades: GradeCounts }>;
  }[];
}

export interface Link {
  id: string;
  href: string;
}

export interface SubjectDetail extends SubjectSummary {
  year: number;
  reasons: string[];
  points: {
    indicator: AssessmentIndicator;
    label: string;
    part: AssessmentPart;
    applicable: boolean;
    value: number | null;
    max: number;
    points: number;
    explanation: string;
    links: { acts: Link[]; cases: Link[]; files: Link[] };
  }[];
}
