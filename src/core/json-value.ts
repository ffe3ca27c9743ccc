// Any JSON value, as one named schema: the OpenAPI document declares it once
// (components.schemas.JsonValue) wherever a value's shape is open by nature (an audit entry's
// detail, the old and new value of a what-if change).
import { z } from 'zod';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const jsonValueSchema: z.ZodType<JsonValue> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(jsonValueSchema),
      z.record(z.string(), jsonValueSchema),
    ]),
  )
  .meta({ id: 'JsonValue', description: '任意 JSON 值' });
