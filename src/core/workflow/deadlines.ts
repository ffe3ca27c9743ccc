// The deadlines of a case, each with its due date on the working-day calendar, its source
// (the rule pack's procedure parameter), and a traffic light: green, yellow when near, red
// when past, done when the step is finished.
import type { Calendar } from '../calendar/calendar.js';
import { coversSpan, workingDaysBetween } from '../calendar/calendar.js';
import type { Deadline } from '../rulebook/packs/types.js';
import { type CaseProcedure, type CaseSnapshot, deadlineWords, dueDate, unitWords } from './case.js';

export type DeadlineStep = 'accept' | 'investigation' | 'statement' | 'appeal_window' | 'appeal_answer';
export type DeadlineStatus = 'ok' | 'near' | 'overdue' | 'done';

export interface CaseDeadline {
  step: DeadlineStep;
  label: string;
  startOn: string;
  dueOn: string;
  status: DeadlineStatus;
  /** Which pack parameter sets it, in words. */
  source: string;
  param: string;
  /**
   * The period runs into a year whose holiday schedule is not in the calendar: its end is
   * counted on weekends alone and may move when the schedule is loaded.
   */
  provisional: boolean;
}

/** Working days before the due date from which a deadline shows yellow. */
export const NEAR_WORKING_DAYS = 3;

const STATEMENT_DEFAULT: Deadline = { days: 5, unit: 'working_day' };

function status(cal: Calendar, today: string, dueOn: string, done: boolean): DeadlineStatus {
  if (done) return 'done';
  if (today > dueOn) return 'overdue';
  return workingDaysBetween(cal, today, dueOn) <= NEAR_WORKING_DAYS ? 'near' : 'ok';
}

const describe = (what: string, d: Deadline) => `${what}：${deadlineWords(d)}`;

export function caseDeadlines(
  s: CaseSnapshot,
  procedure: CaseProcedure,
  cal: Calendar,
  today: string,
  packLabel: string,
): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  const src = (what: string, d: Deadline) => `${packLabel} 程序参数 · ${describe(what, d)}`;
  const push = (d: Omit<CaseDeadline, 'provisional'>) =>
    out.push({ ...d, provisional: !coversSpan(cal, d.startOn, d.dueOn) });

  const accept = procedure.acceptComplaint;
  push({
    step: 'accept',
    label: '决定是否立案',
    startOn: s.registeredOn,
    dueOn: dueDate(cal, s.registeredOn, accept),
    status: status(cal, today, dueDate(cal, s.registeredOn, accept), s.state !== 'registered'),
    source: src('决定是否受理', accept),
    param: 'procedure.acceptComplaint',
  });

  if (s.investigationStartedOn) {
    let due = dueDate(cal, s.investigationStartedOn, procedure.investigation);
    for (const e of s.extensions) due = dueDate(cal, due, { days: e.days, unit: procedure.extension.unit });
    const ext = s.extensions.reduce((n, e) => n + e.days, 0);
    push({
      step: 'investigation',
      label: ext > 0 ? `调查终结（已延长 ${ext} ${unitWords(procedure.extension)}）` : '调查终结',
      startOn: s.investigationStartedOn,
      dueOn: due,
      status: status(cal, today, due, s.findingsRecorded),
      source: src('调查期限', procedure.investigation),
      param: 'procedure.investigation',
    });
  }

  if (s.statementNoticeOn) {
    const d = procedure.statementWithin ?? STATEMENT_DEFAULT;
    const due = dueDate(cal, s.statementNoticeOn, d);
    const heard = s.persons.filter((p) => p.liable).every((p) => p.statement || p.waived);
    push({
      step: 'statement',
      label: '陈述申辩',
      startOn: s.statementNoticeOn,
      dueOn: due,
      status: status(cal, today, due, heard || s.state !== 'statement'),
      source: src('陈述申辩期限', d),
      param: 'procedure.statementWithin',
    });
  }

  if (s.servedOn) {
    const due = dueDate(cal, s.servedOn, procedure.appealWithin);
    push({
      step: 'appeal_window',
      label: '申诉期限',
      startOn: s.servedOn,
      dueOn: due,
      // Informational for the supervisor: "done" once the window closed or an appeal came.
      status: s.appeal || today > due ? 'done' : status(cal, today, due, false),
      source: src('申诉期限（送达后）', procedure.appealWithin),
      param: 'procedure.appealWithin',
    });
  }

  if (s.appeal?.dueOn) {
    const due = s.appeal.dueOn;
    push({
      step: 'appeal_answer',
      label: '申诉处理',
      startOn: s.appeal.filedOn,
      dueOn: due,
      status: status(cal, today, due, s.appeal.result !== null),
      source: `${packLabel} 救济委员会参数 · 受理后作出申诉处理决定的期限（含延长）`,
      param: 'relief.decideWithin',
    });
  }
  return out;
}

/** The open deadline that matters now (the earliest not done), for lists and "due soon". */
export function currentDeadline(deadlines: CaseDeadline[]): CaseDeadline | null {
  const open = deadlines.filter((d) => d.status !== 'done' && d.step !== 'appeal_window');
  open.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return open[0] ?? null;
}

const URGENCY: Record<DeadlineStatus, number> = { overdue: 0, near: 1, ok: 2, done: 3 };

/**
 * Overdue first, then near, then the rest, each by due date; no open deadline last. Ties keep
 * their order (Array.prototype.sort is stable), so the newest case comes first among equals.
 */
export function byUrgency(
  a: Pick<CaseDeadline, 'status' | 'dueOn'> | null,
  b: Pick<CaseDeadline, 'status' | 'dueOn'> | null,
): number {
  const ua = a ? URGENCY[a.status] : 4;
  const ub = b ? URGENCY[b.status] : 4;
  if (ua !== ub) return ua - ub;
  return (a?.dueOn ?? '').localeCompare(b?.dueOn ?? '');
}
