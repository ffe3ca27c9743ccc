// The enforcement-act exchange format (CONTRACTS.md §3): one act per JSON Lines line.
// Unknown fields are kept (loose objects). Optional fields may be omitted or null; the detection
// rules read a missing `procedure` of a penalty as 'ordinary' (summary procedure is the exception
// and must be declared) and a missing `extended` as false.
import { z } from 'zod';
import { isDateString } from '../calendar/day-number.js';
import {
  ACT_KINDS,
  COERCION_MEASURES,
  LICENSING_DECISIONS,
  PARTY_TYPES,
  PROCEDURES,
  REVIEW_RESULTS,
  WITHHOLD_GROUNDS,
} from './codes.js';

export {
  ACT_KINDS,
  type ActKind,
  COERCION_MEASURES,
  type CoercionMeasure,
  DATE_FIELDS,
  LICENSING_DECISIONS,
  type LicensingDecision,
  PARTY_TYPES,
  PAYMENT_METHODS,
  PROCEDURES,
  REVIEW_RESULTS,
  type ReviewResult,
  WITHHOLD_GROUNDS,
  type WithholdGround,
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
  /** Coercion: the day property was sealed or seized (查封、扣押之日). */
  seized: optionalDate,
  /** Coercion: the day the seal or seizure was lifted (解除之日); absent while it lasts. */
  released: optionalDate,
});

export const actSchema = z.looseObject({
  id: z.string().min(1),
  agency: z.string().min(1),
  kind: z.enum(ACT_KINDS),
  matter: optionalText,
  procedure: z.enum(PROCEDURES).nullable().optional(),
  party: z
    .looseObject({
      type: z.enum(PARTY_TYPES),
      id: z.string().min(1),
      /** 相对人名称: an organisation's full name, a natural person's name (published masked). */
      name: optionalText,
      /** An organisation's unified social credit code (统一社会信用代码), published. */
      creditCode: optionalText,
      /** A natural person's ID number: stored sealed, never published, never kept in the body. */
      idNumber: optionalText,
    })
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
    .looseObject({
      method: z.string().min(1),
      receipt: z.boolean(),
      /** The day a fine was collected on site (当场收缴之日). */
      collectedOn: optionalDate,
      /** The day it was handed in (交至行政机关、缴付指定银行). */
      remittedOn: optionalDate,
    })
    .nullable()
    .optional(),
  hearing: z
    .looseObject({
      requested: z.boolean(),
      held: z.boolean(),
      /** The day the parties were notified of the hearing (听证通知之日). */
      noticedOn: optionalDate,
      /** The day it was held. */
      heldOn: optionalDate,
    })
    .nullable()
    .optional(),
  criminal: z.looseObject({ suspected: z.boolean(), referred: z.boolean() }).nullable().optional(),
  review: z.enum(REVIEW_RESULTS).nullable().optional(),
  /** Licensing: granted, refused or not accepted. */
  decision: z.enum(LICENSING_DECISIONS).nullable().optional(),
  /**
   * Licensing: the reason given for a refusal or non-acceptance; penalty: the 事由 (the facts of the
   * violation) as published in the 双公示.
   */
  reason: optionalText,
  /** Licensing: whether the written receipt of the application was issued; absent = unknown. */
  receiptIssued: z.boolean().nullable().optional(),
  /** Coercion: the measure taken. */
  measure: z.enum(COERCION_MEASURES).nullable().optional(),
  /** Coercion: extension of a seal or seizure (行政强制法第二十五条), approved or not, and when. */
  extension: z.looseObject({ approved: z.boolean(), on: optionalDate }).nullable().optional(),
  // 双公示 (国办发〔2018〕118号 and the 双公示 data standard): what a licensing or penalty decision
  // publishes besides the party, the agency and the date.
  /** 决定书文号. */
  documentNo: optionalText,
  /** Licensing 项目名称; penalty 处罚名称 (the case's name). */
  itemName: optionalText,
  /** Licensing 审批类别 (普通、特许、认可、核准、登记…); penalty 处罚类别 (警告、罚款…). */
  category: optionalText,
  /** Licensing 许可内容. */
  content: optionalText,
  /** Penalty 处罚依据. */
  basis: optionalText,
  /** Penalty 处罚结果. */
  result: optionalText,
  /** The day the agency published the decision (its own 公示), if it did. */
  publishedOn: optionalDate,
  /** A ground on which the decision is not to be published (do-not-publish rule). */
  withhold: z.enum(WITHHOLD_GROUNDS).nullable().optional(),
});

export type Act = z.output<typeof actSchema>;
export type ActOfficer = z.output<typeof officerSchema>;
