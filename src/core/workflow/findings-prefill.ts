// What an investigator's findings start from when the case came from a detection lead: the lead
// knows the enforcement act and the catalogue item it breaches; the act knows its agency, its
// officers (and who handled, reviewed and approved it) and its dates. Only a suggestion — the
// investigator confirms or changes every part — and only before any facts are recorded.
import type { DecisionKind, Role } from '../rulebook/types.js';

/** The lead as the prefill reads it. */
export interface PrefillLead {
  id: string;
  source: string;
  actId: string | null;
  faultCode: string | null;
  rule: string | null;
  basis: string | null;
  occurredOn: string | null;
}

/** The parts of an enforcement act (its stored body, loosely read) the prefill uses. */
export interface PrefillActBody {
  officers?: readonly { id?: unknown; certificate?: unknown }[] | null;
  chain?: { handler?: unknown; reviewer?: unknown; approver?: unknown } | null;
  incidentDate?: unknown;
  dates?: Record<string, unknown> | null;
}

export interface PrefillAct {
  id: string;
  agencyId: string;
  agencyName: string | null;
  body: PrefillActBody;
}

/** An officer of the register (the officers API's agencyId/agencyName). */
export interface RegisterOfficer {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
}

export interface PrefillPerson {
  /** The officer id, as the determination request names people. */
  id: string;
  role: Role;
  certificate: string | null;
  /** From the register; null when the act names an officer the register does not know. */
  name: string | null;
  agencyId: string | null;
  agencyName: string | null;
  registered: boolean;
  /** The register puts the officer in another agency than the act's. */
  otherAgency: boolean;
}

export interface FindingsPrefill {
  leadId: string;
  actId: string;
  agency: { id: string; name: string | null };
  /** The catalogue item (empty when the lead's code is not in the case's catalogue). */
  faults: string[];
  fault: { code: string; text: string | null } | null;
  rule: string | null;
  ruleLabel: string | null;
  basis: string | null;
  /** The act's date (decided, else filed, accepted, applied, the incident), else the lead's. */
  occurredOn: string | null;
  decision: DecisionKind;
  people: PrefillPerson[];
  /** The sentence shown above the form (zh-CN). */
  note: string;
}

export interface PrefillInput {
  lead: PrefillLead | null | undefined;
  act: PrefillAct | null | undefined;
  /** Register entries of the act's officers (others may be absent). */
  officers: ReadonlyMap<string, RegisterOfficer>;
  /** The catalogue item's text in the case's rule pack, or undefined for an unknown code. */
  faultText(code: string): string | undefined;
  ruleLabel?(rule: string): string | undefined;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = (v: unknown): string | null => (typeof v === 'string' && DATE.test(v) ? v : null);

/** The officers of the act, in order, each once; the chain's handler first if the list lacks it. */
export function actOfficerIds(body: PrefillActBody): string[] {
  const ids: string[] = [];
  const add = (v: unknown) => {
    const id = text(v);
    if (id && !ids.includes(id)) ids.push(id);
  };
  for (const o of body.officers ?? []) add(o?.id);
  if (ids.length === 0) add(body.chain?.handler);
  return ids;
}

/** The role the act gives an officer: its place in the approval chain, else one of the handlers. */
export function roleOnAct(body: PrefillActBody, officerId: string): Role {
  const chain = body.chain ?? {};
  if (text(chain.handler) === officerId) return 'handler';
  if (text(chain.reviewer) === officerId) return 'reviewer';
  if (text(chain.approver) === officerId) return 'approver';
  return 'handler';
}

/** The act's date for `occurredOn`: as the acts table's act_on (decided, filed, accepted, applied, incident). */
export function actDate(body: PrefillActBody): string | null {
  const d = body.dates ?? {};
  return day(d.decided) ?? day(d.filed) ?? day(d.accepted) ?? day(d.applied) ?? day(body.incidentDate);
}

/** The prefill of a case opened from a detection lead on an act; null for any other case. */
export function findingsPrefill(input: PrefillInput): FindingsPrefill | null {
  const { lead, act } = input;
  if (lead?.source !== 'detection' || !lead.actId || act?.id !== lead.actId) return null;
  const code = text(lead.faultCode);
  const faultText = code ? (input.faultText(code) ?? null) : null;
  const people: PrefillPerson[] = actOfficerIds(act.body).map((id) => {
    const o = input.officers.get(id);
    const certificate = text((act.body.officers ?? []).find((x) => text(x?.id) === id)?.certificate);
    return {
      id,
      role: roleOnAct(act.body, id),
      certificate,
      name: o?.name ?? null,
      agencyId: o?.agencyId ?? null,
      agencyName: o?.agencyName ?? null,
      registered: o !== undefined,
      otherAgency: o !== undefined && o.agencyId !== act.agencyId,
    };
  });
  const chain = act.body.chain ?? {};
  const decision: DecisionKind = text(chain.reviewer) || text(chain.approver) ? 'approval' : 'direct';
  const ruleLabel = lead.rule ? (input.ruleLabel?.(lead.rule) ?? null) : null;
  const prefill: Omit<FindingsPrefill, 'note'> = {
    leadId: lead.id,
    actId: act.id,
    agency: { id: act.agencyId, name: act.agencyName },
    faults: code && faultText !== null ? [code] : [],
    fault: code ? { code, text: faultText } : null,
    rule: lead.rule,
    ruleLabel,
    basis: lead.basis,
    occurredOn: actDate(act.body) ?? day(lead.occurredOn),
    decision,
    people,
  };
  return { ...prefill, note: prefillNote(prefill) };
}

/** 已根据线索预填：违法事项 penalty.04（…）、执法行为 A-…、执法人员 张三（O-0001）、… */
export function prefillNote(p: Omit<FindingsPrefill, 'note'>): string {
  const parts: string[] = [];
  if (p.fault) parts.push(`违法事项 ${p.fault.code}${p.fault.text ? `（${p.fault.text}）` : ''}`);
  parts.push(`执法行为 ${p.actId}`);
  if (p.people.length > 0)
    parts.push(`执法人员 ${p.people.map((x) => (x.name ? `${x.name}（${x.id}）` : x.id)).join('、')}`);
  return `已根据线索预填：${parts.join('、')}`;
}
