// Partial indexes for the detection rules of issue 16 (the rules read the new exchange-format
// fields from the act's body). As in 0003, each index predicate is the part of its rule that
// depends neither on the as-of date nor on the calendar, stated verbatim in the rule's statement
// (src/store/detect-sql.ts), so that a full scan reads only the acts that may fire; fine-outside-range
// and fine-outlier read the fines from one covering index. fine-outlier gathers each month's window
// (the twelve months before) with a moving concatenation of the months' arrays of fines.
// Frozen once landed: later changes go into new migrations.
import { type Kysely, sql } from 'kysely';

const PARTIAL: [string, string][] = [
  [
    'acts_remit_idx',
    `kind = 'penalty' and payment_method = 'onsite' and (body -> 'payment' ->> 'collectedOn') is not null`,
  ],
  [
    'acts_hearing_notice_idx',
    `kind = 'penalty' and hearing_held and (body -> 'hearing' ->> 'noticedOn') is not null
     and (body -> 'hearing' ->> 'heldOn') is not null`,
  ],
  [
    'acts_seizure_idx',
    `kind = 'coercion' and (body ->> 'measure') in ('seal', 'seize') and (body -> 'dates' ->> 'seized') is not null`,
  ],
  [
    'acts_refusal_idx',
    `kind = 'licensing' and (body ->> 'decision') in ('refused', 'not_accepted')
     and coalesce(rtrim(body ->> 'reason', ' '), '') = ''`,
  ],
  ['acts_application_receipt_idx', `kind = 'licensing' and (body -> 'receiptIssued') = 'false'::jsonb`],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, where] of PARTIAL) {
    await sql.raw(`create index ${name} on acts (id) where ${where}`).execute(db);
  }
  // Every fine with what fine-outside-range and fine-outlier read, one index for both rules
  // (index-only). Keyed by id like the others (see 0003): an import appends to it, where a key of
  // violation, agency and date would be written all over the index (a million-act import spent
  // some 2 s more on that key than on this one); the rules read it whole.
  await sql`
    create index acts_fine_amount_idx on acts (id) include (violation, agency_id, decided, fine)
    where kind = 'penalty' and fine > 0`.execute(db);
  await sql`
    create aggregate wenze_array_cat_agg(anycompatiblearray) (sfunc = array_cat, stype = anycompatiblearray)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop aggregate if exists wenze_array_cat_agg(anycompatiblearray)`.execute(db);
  for (const name of [...PARTIAL.map(([n]) => n), 'acts_fine_amount_idx']) {
    await sql.raw(`drop index if exists ${name}`).execute(db);
  }
}
