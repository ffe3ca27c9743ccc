// Keys kept outside the database: the audit chain's hashing scheme per row (1: SHA-256 as
// before, 2: HMAC-SM3 under the audit key), and the complainant's identity sealed with SM4 +
// HMAC-SM3 (name, phone, ID number) with keyed blind indexes for lookups by phone or ID number.
// Only columns here: sealing the existing plaintext needs the key, which a migration never sees,
// so the server does it at start (src/store/complainant-identity.ts) and then empties the
// plaintext columns. Frozen once landed: later changes go into new migrations.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Existing rows are scheme 1; new rows must name their scheme.
  await sql`alter table audit_log add column scheme smallint not null default 1`.execute(db);
  await sql`alter table audit_log alter column scheme drop default`.execute(db);
  await sql`alter table audit_log add constraint audit_log_scheme_ck check (scheme in (1, 2))`.execute(db);

  await db.schema
    .alterTable('complaints')
    .addColumn('contact_name_enc', 'bytea')
    .addColumn('contact_phone_enc', 'bytea')
    .addColumn('contact_id_enc', 'bytea')
    // The version of the key the values are sealed with (to find those a rotation must re-seal).
    .addColumn('contact_key_version', 'smallint')
    .addColumn('contact_phone_bidx', 'text')
    .addColumn('contact_id_bidx', 'text')
    .execute();
  await sql`create index complaints_phone_bidx_idx on complaints (contact_phone_bidx)
    where contact_phone_bidx is not null`.execute(db);
  await sql`create index complaints_id_bidx_idx on complaints (contact_id_bidx)
    where contact_id_bidx is not null`.execute(db);
  // A named complaint has a name and a phone: sealed, or (until the server seals them) plain.
  await sql`alter table complaints drop constraint if exists complaints_contact_ck`.execute(db);
  await sql`alter table complaints add constraint complaints_contact_ck check (
    anonymous
    or (contact_name_enc is not null and contact_phone_enc is not null)
    or (contact_name is not null and contact_phone is not null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table complaints drop constraint if exists complaints_contact_ck`.execute(db);
  await sql`alter table complaints add constraint complaints_contact_ck check (
    anonymous or (contact_name is not null and contact_phone is not null)) not valid`.execute(db);
  await sql`drop index if exists complaints_phone_bidx_idx`.execute(db);
  await sql`drop index if exists complaints_id_bidx_idx`.execute(db);
  await db.schema
    .alterTable('complaints')
    .dropColumn('contact_name_enc')
    .dropColumn('contact_phone_enc')
    .dropColumn('contact_id_enc')
    .dropColumn('contact_key_version')
    .dropColumn('contact_phone_bidx')
    .dropColumn('contact_id_bidx')
    .execute();
  await sql`alter table audit_log drop constraint if exists audit_log_scheme_ck`.execute(db);
  await sql`alter table audit_log drop column if exists scheme`.execute(db);
}
