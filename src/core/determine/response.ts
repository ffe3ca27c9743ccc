// Zod schema of the determination, for the HTTP API's response declaration and OpenAPI. Arrays
// are readonly because the engine shares frozen tables between determinations.
import { z } from 'zod';
import { jsonValueSchema } from '../json-value.js';
import {
  ADJUSTMENT_KINDS,
  AGENCY_MEASURES,
  OUTCOMES,
  REFERRALS,
  SANCTION_FORMS,
  SHARES,
} from '../rulebook/types.js';

export const basisSchema = z.union([
  z.object({ article: z.number().int(), clause: z.number().int().optional() }),
  z.object({ chapter: z.number().int(), item: z.number().int() }),
]);

const sanctionsSchema = z.object({
  article: z.number().int(),
  clause: z.number().int(),
  forms: z.array(z.enum(SANCTION_FORMS)).readonly(),
  recommended: z.enum(SANCTION_FORMS),
});

/** `to` is the whole new value at `path`, `from` the value there now. */
const changesSchema = z.array(z.object({ path: z.string(), from: jsonValueSchema, to: jsonValueSchema }));

export const determinationSchema = z.object({
  pack: z.string(),
  version: z.string(),
  faults: z.array(z.object({ code: z.string(), text: z.string() })).readonly(),
  persons: z.array(
    z.object({
      id: z.string(),
      liable: z.boolean(),
      outcome: z.enum(OUTCOMES),
      basis: z.array(basisSchema).readonly(),
      share: z.enum(SHARES),
      adjustments: z
        .array(
          z.object({
            kind: z.enum(ADJUSTMENT_KINDS),
            article: z.number().int(),
            clause: z.number().int().optional(),
            discretionary: z.boolean(),
          }),
        )
        .readonly(),
      sanctions: sanctionsSchema.optional(),
      referrals: z.array(z.enum(REFERRALS)).readonly(),
      whatIf: z
        .array(
          z.object({
            changes: changesSchema,
            outcome: z.enum(OUTCOMES),
            sanctions: sanctionsSchema.optional(),
            cite: basisSchema,
          }),
        )
        .optional(),
    }),
  ),
  agencies: z.array(
    z.object({
      id: z.string(),
      liable: z.boolean(),
      outcome: z.enum(OUTCOMES),
      basis: z.array(basisSchema).readonly(),
      measures: z.array(z.enum(AGENCY_MEASURES)).readonly(),
      whatIf: z
        .array(
          z.object({
            changes: changesSchema,
            outcome: z.enum(OUTCOMES),
            measures: z.array(z.enum(AGENCY_MEASURES)).readonly(),
            cite: basisSchema,
          }),
        )
        .optional(),
    }),
  ),
  explanation: z.array(z.string()),
  lines: z.array(
    z.object({ subject: z.string().nullable(), text: z.string(), cites: z.array(basisSchema).readonly() }),
  ),
});
