// Accounts under 等保2.0 level 3: the security and audit administrators (三权分立), demo
// accounts marked as such, two-factor sign-in (TOTP), failed sign-ins counted per account and
// address, the password policy's settings, and an audit log that cannot lose rows younger
// than six months. Frozen once landed: later changes go into new migrations.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint if exists users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in
    ('supervisor','agency_legal','officer','panel','discipline','evaluator','admin','security_admin','audit_admin'))`.execute(
    db,
  );
  await db.schema
    .alterTable('users')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    // Set when an administrator chose the password (a new account, a reset): its owner changes it
    // at the first sign-in.
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('totp_secret', 'text')
    .addColumn('totp_pending_secret', 'text')
    .addColumn('totp_enabled_at', 'timestamptz')
    .addColumn('totp_last_step', 'integer') // 30-second steps since 1970: 2^31 lasts 2,000 years
    .execute();

  // Keyed by the name as typed (lower case), known account or not, and the client address: a
  // stranger's failures lock nobody else out, and unknown names answer like known ones.
  await db.schema
    .createTable('login_failures')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failure_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('locked_until', 'timestamptz')
    .addPrimaryKeyConstraint('login_failures_pk', ['username', 'ip'])
    .execute();

  await db.schema
    .createTable('security_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('password_max_age_days', 'integer', (c) =>
      c.notNull().defaultTo(90).check(sql`password_max_age_days between 0 and 3650`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into security_settings (id) values (1)`.execute(db);

  // 网络安全法 Art. 21: logs kept at least six months. No row younger than that can be deleted.
  await sql`
    create or replace function audit_log_keep_six_months() returns trigger language plpgsql as $$
    begin
      if old.at > now() - interval '6 months' then
        raise exception 'audit records are kept at least six months (row %)', old.id;
      end if;
      return old;
    end $$`.execute(db);
  await sql`
    create trigger audit_log_keep_six_months before delete on audit_log
    for each row execute function audit_log_keep_six_months()`.execute(db);
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_at_idx').ifExists().execute();
  await sql`drop trigger if exists audit_log_keep_six_months on audit_log`.execute(db);
  await sql`drop function if exists audit_log_keep_six_months()`.execute(db);
  await db.schema.dropTable('security_settings').ifExists().execute();
  await db.schema.dropTable('login_failures').ifExists().execute();
  await db.schema
    .alterTable('users')
    .dropColumn('is_demo')
    .dropColumn('totp_secret')
    .dropColumn('totp_pending_secret')
    .dropColumn('totp_enabled_at')
    .dropColumn('totp_last_step')
    .execute();
  await sql`alter table users drop constraint if exists users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in
    ('supervisor','agency_legal','officer','panel','discipline','evaluator','admin'))`.execute(db);
}
