// The determination request (CONTRACTS.md §2): its zod schema, and the checks that need the rule
// pack (catalogue codes) or the whole request (unique ids, agency references, conduct vs role).
// All of this runs once at the edge; the engine itself trusts its input.
import { z } from 'zod';
import { CATALOGUE_CODES } from '../rulebook/catalogue.js';
import { isCalendarDate } from '../rulebook/day.js';
import type { ResolvedPack } from '../rulebook/packs/types.js';
import {
  ACT_CIRCUMSTANCES,
  AGENCY_TRIGGERS,
  CONDUCT_CODES,
  DECISION_KINDS,
  HARMS,
  IMPACTS,
  NATURES,
  PERSONAL_CIRCUMSTANCES,
  ROLES,
  SHARES,
} from '../rulebook/types.js';
import { CONDUCT, HARM_LABELS, IMPACT_LABELS, NATURE_LABELS, ROLE_LABELS } from '../rulebook/vocabulary.js';
import type { FieldError } from '../validation.js';

/** "missing field" instead of the generic type error when a required field is absent. */
const required = {
  error: (iss: { input?: unknown }) => (iss.input === undefined ? '缺少必填字段' : undefined),
};
const date = z.string(required).refine(isCalendarDate, { message: '日期格式应为 YYYY-MM-DD 且为有效日期' });
const id = z.string(required).trim().min(1).max(100);
/** Catalogue codes are fixed by the contract, so every pack knows the same ones. */
const faultCode = z
  .string(required)
  .refine((c) => CATALOGUE_CODES.has(c), { message: '未知的过错行为代码（见 wenze catalog）' });

export const historyEntrySchema = z.strictObject({
  date,
  fault: faultCode,
  sanctioned: z.boolean().default(false),
});

export const personSchema = z.strictObject({
  id,
  role: z.enum(ROLES, required),
  agency: id.optional(),
  conduct: z.array(z.enum(CONDUCT_CODES)).default([]),
  share: z.enum(SHARES).default('main'),
  circumstances: z.array(z.enum(PERSONAL_CIRCUMSTANCES)).default([]),
  history: z.array(historyEntrySchema).max(1000).default([]),
});

export const agencySchema = z.strictObject({
  id,
  triggers: z.array(z.enum(AGENCY_TRIGGERS)).default([]),
});

export const severitySchema = z.strictObject(
  {
    nature: z.enum(NATURES, required),
    harm: z.enum(HARMS, required),
    impact: z.enum(IMPACTS, required),
  },
  required,
);

export const determinationRequestSchema = z.strictObject({
  pack: z.string().min(1).optional(),
  occurredOn: date,
  faults: z.array(faultCode, required).min(1),
  decision: z.enum(DECISION_KINDS, required),
  people: z.array(personSchema, required).max(200),
  agencies: z.array(agencySchema).max(50).optional(),
  circumstances: z.array(z.enum(ACT_CIRCUMSTANCES)).default([]),
  severity: severitySchema,
  suspected: z
    .strictObject({ discipline: z.boolean().default(false), crime: z.boolean().default(false) })
    .default({ discipline: false, crime: false }),
});

/** A request as callers write it (optional fields may be left out). */
export type DeterminationRequestInput = z.input<typeof determinationRequestSchema>;
/** A request after validation: defaults filled in. The engine takes only this. */
export type DeterminationRequest = z.output<typeof determinationRequestSchema>;
export type PersonInput = DeterminationRequest['people'][number];
export type AgencyInput = NonNullable<DeterminationRequest['agencies']>[number];

/** Checks that need the pack or the whole request. Returns every problem, naming its field. */
export function checkRequest(req: DeterminationRequest, pack: ResolvedPack): FieldError[] {
  const errors: FieldError[] = [];
  const codes = new Set(pack.catalogue.map((i) => i.code));
  const unknownFault = (code: string) => `未知的过错行为代码：${code}（规则包 ${pack.name} ${pack.version}）`;

  const seenFaults = new Set<string>();
  req.faults.forEach((code, i) => {
    if (!codes.has(code)) errors.push({ path: `faults[${i}]`, message: unknownFault(code) });
    else if (seenFaults.has(code))
      errors.push({ path: `faults[${i}]`, message: `重复的过错行为代码：${code}` });
    seenFaults.add(code);
  });

  const agencyIds = new Set<string>();
  req.agencies?.forEach((a, i) => {
    if (agencyIds.has(a.id)) errors.push({ path: `agencies[${i}].id`, message: `机关编号重复：${a.id}` });
    agencyIds.add(a.id);
  });

  if (req.people.length === 0 && (req.agencies?.length ?? 0) === 0) {
    errors.push({ path: 'people', message: '至少需要一名人员或一个机关' });
  }

  const personIds = new Set<string>();
  req.people.forEach((p, i) => {
    if (personIds.has(p.id)) errors.push({ path: `people[${i}].id`, message: `人员编号重复：${p.id}` });
    personIds.add(p.id);
    if (req.agencies && p.agency !== undefined && !agencyIds.has(p.agency)) {
      errors.push({ path: `people[${i}].agency`, message: `机关 ${p.agency} 未在 agencies 中列出` });
    }
    p.conduct.forEach((c, j) => {
      if (!CONDUCT[c].roles.includes(p.role)) {
        const allowed = CONDUCT[c].roles.map((r) => `${ROLE_LABELS[r]}（${r}）`).join('、');
        errors.push({
          path: `people[${i}].conduct[${j}]`,
          message: `行为 ${c} 不适用于角色 ${ROLE_LABELS[p.role]}（${p.role}），仅适用于：${allowed}`,
        });
        return;
      }
      // Art. 18: a reviewer is the "上级" only of a decision it made without referral (15(6)).
      const needs = CONDUCT[c].needs?.[p.role];
      if (needs !== undefined && !p.conduct.includes(needs)) {
        errors.push({
          path: `people[${i}].conduct[${j}]`,
          message: `${ROLE_LABELS[p.role]}记录 ${c}（${CONDUCT[c].label}），须同时记录 ${needs}（${CONDUCT[needs].label}）：审核人仅在未报请批准而直接作出决定时，才是第十八条所称的上级`,
        });
      }
    });
    const prevented = p.circumstances.indexOf('remedied_harm_prevented');
    const occurred = p.circumstances.indexOf('remedied_harm_occurred');
    if (prevented >= 0 && occurred >= 0) {
      errors.push({
        path: `people[${i}].circumstances[${Math.max(prevented, occurred)}]`,
        message: 'remedied_harm_prevented 与 remedied_harm_occurred 不能同时成立',
      });
    }
    p.history.forEach((h, k) => {
      if (!codes.has(h.fault))
        errors.push({ path: `people[${i}].history[${k}].fault`, message: unknownFault(h.fault) });
    });
  });
  // Art. 23 "情节、危害后果显著轻微" contradicts an egregious nature, a large harm or a large impact.
  const trivial = req.circumstances.indexOf('trivial');
  if (trivial >= 0) {
    const { nature, harm, impact } = req.severity;
    const against = [
      ...(nature === 'egregious' ? [{ path: 'severity.nature', label: `性质${NATURE_LABELS[nature]}` }] : []),
      ...(harm === 'large' ? [{ path: 'severity.harm', label: `危害后果${HARM_LABELS[harm]}` }] : []),
      ...(impact === 'large' ? [{ path: 'severity.impact', label: `社会影响${IMPACT_LABELS[impact]}` }] : []),
    ];
    if (against.length > 0) {
      const labels = against.map((a) => a.label).join('、');
      errors.push({
        path: `circumstances[${trivial}]`,
        message: `情节、危害后果显著轻微（trivial，第二十三条）与${labels}相矛盾`,
      });
      for (const a of against)
        errors.push({ path: a.path, message: `${a.label}与情节、危害后果显著轻微（第二十三条）相矛盾` });
    }
  }
  return errors;
}
