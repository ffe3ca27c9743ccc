// What the lead of a case knows, as a starting point for the findings (GET /cases/:id/lead-facts):
// for a case opened from a detection lead, the catalogue item, the enforcement act's officers
// (matched to the register, flagged when of another agency than the act's), its date and the
// decision kind its approval chain implies. Read-only; the case's supervisor and investigators
// read it, whatever their jurisdiction over the act itself (the case gives it to them).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseActorKinds } from '../../core/policies/case.js';
import { CATALOGUE } from '../../core/rulebook/catalogue.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import { DECISION_KINDS, ROLES } from '../../core/rulebook/types.js';
import {
  actDate,
  actOfficerIds,
  findingsPrefill,
  type PrefillActBody,
  type RegisterOfficer,
} from '../../core/workflow/findings-prefill.js';
import { findActWithAgency } from '../../store/acts.repository.js';
import { loadCase } from '../../store/cases.repository.js';
import { RULE_LABELS } from '../../store/detect-sql.js';
import { findLead } from '../../store/leads.repository.js';
import { registerOfficersByIds } from '../../store/officers.repository.js';
import { caseRefOf } from '../cases/actions.js';
import { notFound } from '../errors.js';
import { errors } from '../schemas.js';
import { actorOf } from '../types.js';

const params = z.object({ id: z.uuid({ message: '案件编号无效' }) });

const prefillSchema = z.object({
  leadId: z.string(),
  actId: z.string(),
  agency: z.object({ id: z.string(), name: z.string().nullable() }),
  faults: z.array(z.string()),
  fault: z.object({ code: z.string(), text: z.string().nullable() }).nullable(),
  rule: z.string().nullable(),
  ruleLabel: z.string().nullable(),
  basis: z.string().nullable(),
  occurredOn: z.string().nullable(),
  decision: z.enum(DECISION_KINDS),
  people: z.array(
    z.object({
      id: z.string(),
      role: z.enum(ROLES),
      certificate: z.string().nullable(),
      name: z.string().nullable(),
      agencyId: z.string().nullable(),
      agencyName: z.string().nullable(),
      registered: z.boolean(),
      otherAgency: z.boolean().describe('登记册中该人员所属机关与执法行为的实施机关不同'),
    }),
  ),
  note: z.string(),
});

const responseSchema = z.object({
  /** Whether findings are already recorded (the form then starts from them, not from the lead). */
  recorded: z.boolean(),
  prefill: prefillSchema.nullable(),
});

const BASE_TEXT = new Map(CATALOGUE.map((i) => [i.code, i.text]));

/** The catalogue item's text in the case's pack on the act's date, else the Measures' own. */
function catalogueText(pack: string, on: string | null, code: string): string | undefined {
  if (on) {
    try {
      const item = selectPack(pack, on).catalogue.find((i) => i.code === code);
      if (item) return item.text;
    } catch {
      // No version of the pack in force that day: the Measures' text below.
    }
  }
  return BASE_TEXT.get(code);
}

export default async function caseLeadRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get(
    '/cases/:id/lead-facts',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['cases'],
        summary: '线索预填的调查事实（检测线索：违法事项、执法行为、执法人员、日期）',
        params,
        response: { 200: responseSchema, ...errors },
      },
    },
    async (req) => {
      const c = await loadCase(db(), req.params.id);
      const kinds = c ? caseActorKinds(actorOf(req), caseRefOf(c)) : [];
      if (!c || !kinds.some((k) => k === 'supervisor' || k === 'investigator')) throw notFound('案件');
      const recorded = c.facts !== null && c.facts !== undefined;
      const lead = c.leadId ? await findLead(db(), c.leadId) : undefined;
      if (lead?.source !== 'detection' || !lead.actId) return { recorded, prefill: null };
      const act = await findActWithAgency(db(), lead.actId);
      if (!act) return { recorded, prefill: null };
      const body = (act.body ?? {}) as PrefillActBody;
      const ids = actOfficerIds(body);
      const rows = await registerOfficersByIds(db(), ids);
      const officers = new Map<string, RegisterOfficer>(rows.map((o) => [o.id, o]));
      const on = actDate(body) ?? lead.occurredOn;
      const prefill = findingsPrefill({
        lead,
        act: { id: act.id, agencyId: act.agencyId, agencyName: act.agencyName, body },
        officers,
        faultText: (code) => catalogueText(c.pack, on, code),
        ruleLabel: (rule) => RULE_LABELS[rule as keyof typeof RULE_LABELS],
      });
      return { recorded, prefill };
    },
  );
}
