// The enforcement-act exchange format (CONTRACTS.md §3): one act per JSON Lines line.
// Unknown fields are kept (loose objects). Optional fields may be omitted or null; the detection
// rules read a missing `procedure` of a penalty as 'ordinary' (summary procedure is the exception
// and must be declared) and a missing `extended` as false.
import { z } from 'zod';
import { isDateString } from '../calendar/day-number.js';
import { ACT_KINDS, PARTY_TYPES, PROCEDURES, REVIEW_RESULTS } from './codes.js';

export {
  ACT_KINDS,
  type ActKind,
  DATE_FIELDS,
  PARTY_TYPES,
  PAYMENT_METHODS,
  PROCEDURES,
  REVIEW_RESULTS,
  type ReviewResult,
} from './codes.js';

const DATE_MESSAGE = '须为 YYYY-MM-DD 格式的有效日期';
const isoDate = z.string().refine(isDateString, { message: DATE_MESSAGE });
const optionalDate = isoDate.nullable().optional();
const optionalText = z.string().nullable().optional();

export const officerSchema = z.looseObject({
  id: z.string().min(1),
  /** Enforcement certificate number (执法证号); missing or empty means none. */
  certificate: optionalText,
  /** Last valid day of the certificate. */
  validUntil: optionalDate,
});

export const actDatesSchema = z.looseObject({
  applied: optionalDate,
  accepted: optionalDate,
  filed: optionalDate,
  notified: optionalDate,
  decided: optionalDate,
  served: optionalDate,
  /** Licensing period extended by 10 working days with the head's approval (行政许可法第四十二条). */
  extended: z.boolean().nullable().optional(),
});

export const actSchema = z.looseObject({
  id: z.string().min(1),
  agency: z.string().min(1),
  kind: z.enum(ACT_KINDS),
  matter: optionalText,
  procedure: z.enum(PROCEDURES).nullable().optional(),
  party: z
    .looseObject({ type: z.enum(PARTY_TYPES), id: z.string().min(1) })
    .nullable()
    .optional(),
  officers: z.array(officerSchema),
  chain: z
    .looseObject({ handler: optionalText, reviewer: optionalText, approver: optionalText })
    .nullable()
    .optional(),
  violation: optionalText,
  incidentDate: optionalDate,
  dates: actDatesSchema,
  fine: z.number().nonnegative().nullable().optional(),
  payment: z
    .looseObject({ method: z.string().min(1), receipt: z.boolean() })
    .nullable()
    .optional(),
  hearing: z.looseObject({ requested: z.boolean(), held: z.boolean() }).nullable().optional(),
  criminal: z.looseObject({ suspected: z.boolean(), referred: z.boolean() }).nullable().optional(),
  review: z.enum(REVIEW_RESULTS).nullable().optional(),
});

export type Act = z.output<typeof actSchema>;
export type ActOfficer = z.output<typeof officerSchema>;
