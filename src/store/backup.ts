// `wenze backup` / `wenze restore`: a logical dump of every application table, the same for both
// drivers (so a backup of the embedded database restores into PostgreSQL and back), streamed
// through COPY and gzip.
//
// File (gzip): a JSON header line (format, time, driver, the migrations applied, the key
// fingerprint, the tables in dependency order with their columns); per table, frames of COPY
// text — a JSON line {"table","bytes"} and that many bytes — and a closing {"table","end","rows"};
// last, {"end":true,"sha256"} over everything before it. The dump is read in one snapshot
// (REPEATABLE READ). The keys are NOT in the backup: a stolen backup discloses no complainant and
// allows no re-forged audit log. The header's fingerprint names the keys it needs.
//
// Restore: the schema is rebuilt by this code's migrations up to the backup's level, the data is
// copied in, in one transaction with the sequences set past the restored ids, then the later
// migrations run. It replaces everything; an interrupted restore is simply run again.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { to as copyToStdout } from 'pg-copy-streams';
import type { Database, DriverKind } from './db.js';
import { withTransaction } from './driver.js';
import { migrateToLatest, migrations } from './migrate.js';

export const BACKUP_FORMAT = 'wenze-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  driver: DriverKind;
  migrations: string[];
  keyFingerprint: string;
  tables: { name: string; columns: string[] }[];
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  header: BackupHeader;
}

/** Frames stay below this size, so that a restore holds little in memory at a time. */
const FRAME_BYTES = 4 * 1024 * 1024;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The application's tables (not the migration bookkeeping), parents before children. */
async function tablesInOrder(q: (text: string) => Promise<Record<string, unknown>[]>) {
  const tables = (
    await q(`select tablename from pg_tables
      where schemaname = current_schema() and tablename not like 'kysely\\_%' order by tablename`)
  ).map((r) => String(r.tablename));
  const deps = await q(`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = current_schema()`);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  const bare = (s: unknown) => String(s).replace(/^.*\./, '').replace(/"/g, '');
  for (const d of deps) {
    const child = bare(d.child);
    const parent = bare(d.parent);
    if (child !== parent) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    path.delete(t);
    done.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  // Generated columns are computed again on restore; COPY cannot write them.
  const columns = await q(`select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_generated = 'NEVER'
    order by table_name, ordinal_position`);
  return ordered.map((name) => ({
    name,
    columns: columns.filter((c) => c.table_name === name).map((c) => String(c.column_name)),
  }));
}

async function appliedMigrations(q: (text: string) => Promise<Record<string, unknown>[]>): Promise<string[]> {
  const rows = await q('select name from kysely_migration order by name');
  return rows.map((r) => String(r.name));
}

/** Writes to a gzip file, hashing the uncompressed stream. */
class FrameWriter {
  private readonly hash = createHash('sha256');
  private readonly gzip = createGzip({ level: 6 });
  private readonly file: Writable;
  bytes = 0;
  constructor(path: string) {
    this.file = createWriteStream(path, { mode: 0o600 });
    this.gzip.pipe(this.file);
  }
  async write(data: Buffer | string) {
    const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.hash.update(b);
    this.bytes += b.length;
    if (!this.gzip.write(b)) await once(this.gzip, 'drain');
  }
  async line(value: unknown) {
    await this.write(`${JSON.stringify(value)}\n`);
  }
  async close() {
    const digest = this.hash.digest('hex');
    this.gzip.end(`${JSON.stringify({ end: true, sha256: digest })}\n`);
    await once(this.file, 'close');
  }
}

/** Dump the database into `path`. */
export async function writeBackup(
  database: Database,
  path: string,
  keyFingerprint: string,
): Promise<BackupSummary> {
  const out = new FrameWriter(path);
  let rows = 0;
  const dumpTables = async (
    q: (text: string) => Promise<Record<string, unknown>[]>,
    copyOut: (table: string, columns: string[], emit: (b: Buffer) => Promise<void>) => Promise<void>,
  ) => {
    const tables = await tablesInOrder(q);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      driver: database.kind,
      migrations: await appliedMigrations(q),
      keyFingerprint,
      tables,
    };
    await out.line(header);
    for (const t of tables) {
      let n = 0;
      await copyOut(t.name, t.columns, async (data) => {
        for (let i = 0; i < data.length; i++) if (data[i] === 10) n += 1;
        for (let at = 0; at < data.length; at += FRAME_BYTES) {
          const chunk = data.subarray(at, at + FRAME_BYTES);
          await out.line({ table: t.name, bytes: chunk.length });
          await out.write(chunk);
        }
      });
      await out.line({ table: t.name, end: true, rows: n });
      rows += n;
    }
    return header;
  };
  let header: BackupHeader;
  try {
    if (database.pglite) {
      const pglite = database.pglite;
      header = await pglite.transaction(async (tx) => {
        await tx.exec('set transaction isolation level repeatable read, read only');
        const q = async (text: string) => (await tx.query<Record<string, unknown>>(text)).rows;
        return dumpTables(q, async (table, columns, emit) => {
          const r = await tx.query(`copy ${ident(table)} (${columns.map(ident).join(', ')}) to '/dev/blob'`);
          if (r.blob && r.blob.size > 0) await emit(Buffer.from(await r.blob.arrayBuffer()));
        });
      });
    } else {
      if (!database.pool) throw new Error('database has no driver');
      const client = await database.pool.connect();
      try {
        await client.query('begin isolation level repeatable read read only');
        const q = async (text: string) => (await client.query(text)).rows as Record<string, unknown>[];
        header = await dumpTables(q, async (table, columns, emit) => {
          const stream = client.query(
            copyToStdout(`copy ${ident(table)} (${columns.map(ident).join(', ')}) to stdout`),
          ) as Readable;
          for await (const chunk of stream) await emit(chunk as Buffer);
        });
        await client.query('commit');
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    }
  } finally {
    await out.close();
  }
  return { file: path, tables: header.tables.length, rows, bytes: out.bytes, header };
}

/** Reads lines and byte runs from a gzip file, hashing what it reads. */
class FrameReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private readonly it: AsyncIterator<Buffer>;
  private readonly hash = createHash('sha256');
  private done = false;
  constructor(path: string) {
    this.it = createReadStream(path).pipe(createGunzip())[Symbol.asyncIterator]();
  }
  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const r = await this.it.next();
    if (r.done) {
      this.done = true;
      return false;
    }
    this.chunks.push(r.value);
    this.length += r.value.length;
    return true;
  }
  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }
  /** The next line, parsed (null at the end). The closing line is not part of the digest. */
  async line(): Promise<Record<string, unknown> | null> {
    let searched = 0;
    for (;;) {
      // Lines are short: look through what is buffered, merging as little as needed.
      let offset = 0;
      for (const c of this.chunks) {
        const from = Math.max(0, searched - offset);
        const nl = from < c.length ? c.indexOf(10, from) : -1;
        if (nl >= 0) {
          const text = this.take(offset + nl + 1);
          let value: Record<string, unknown>;
          try {
            value = JSON.parse(text.toString('utf8'));
          } catch {
            throw new BackupError('备份文件损坏：帧头不是 JSON');
          }
          if (!(value.end === true && value.table === undefined)) this.hash.update(text);
          return value;
        }
        offset += c.length;
      }
      searched = offset;
      if (this.length > 1 << 20) throw new BackupError('备份文件损坏：帧头过长');
      if (!(await this.fill())) {
        if (this.length) throw new BackupError('备份文件损坏：文件在一行中间结束');
        return null;
      }
    }
  }
  async bytes(n: number): Promise<Buffer> {
    while (this.length < n) {
      if (!(await this.fill())) throw new BackupError('备份文件损坏：文件被截断');
    }
    const out = this.take(n);
    this.hash.update(out);
    return out;
  }
  digest(): string {
    return this.hash.digest('hex');
  }
  /** Stop reading (closes the file). */
  async close(): Promise<void> {
    await this.it.return?.();
  }
}

export class BackupError extends Error {}

/** Only the header: what a backup holds and which keys it needs. */
export async function readBackupHeader(path: string): Promise<BackupHeader> {
  let header: Record<string, unknown> | null;
  const reader = new FrameReader(path);
  try {
    header = await reader.line();
  } catch (e) {
    throw new BackupError(`不是 Wenze 备份文件：${(e as Error).message}`);
  } finally {
    await reader.close().catch(() => undefined);
  }
  if (
    header?.format !== BACKUP_FORMAT ||
    !Array.isArray(header.tables) ||
    !Array.isArray(header.migrations)
  ) {
    throw new BackupError('不是 Wenze 备份文件');
  }
  if (header.version !== BACKUP_VERSION) throw new BackupError(`不支持的备份格式版本 ${header.version}`);
  return header as unknown as BackupHeader;
}

/**
 * Read the whole file once — structure, row counts and checksum — before anything is replaced.
 * Returns the header; throws BackupError for a damaged or truncated file.
 */
export async function verifyBackupFile(path: string): Promise<BackupHeader> {
  const header = await readBackupHeader(path);
  const reader = new FrameReader(path);
  try {
    await reader.line();
    for (const t of header.tables) {
      let rows = 0;
      for (;;) {
        const frame = await reader.line();
        if (!frame || frame.table !== t.name)
          throw new BackupError(`备份文件损坏：表 ${t.name} 的数据不完整`);
        if (frame.end) {
          if (frame.rows !== rows) throw new BackupError(`备份文件损坏：表 ${t.name} 的行数不符`);
          break;
        }
        const data = await reader.bytes(Number(frame.bytes));
        for (let i = 0; i < data.length; i++) if (data[i] === 10) rows += 1;
      }
    }
    const digest = reader.digest();
    const end = await reader.line();
    if (!end?.end || end.sha256 !== digest) throw new BackupError('备份文件损坏：校验和不符');
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`备份文件损坏：${(e as Error).message}`);
  } finally {
    await reader.close().catch(() => undefined);
  }
  return header;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  migratedAfter: string[];
  header: BackupHeader;
}

/**
 * Replace the database's content with the backup's. `keyFingerprint`: the keys in use; a backup
 * made under other keys is refused unless `allowOtherKeys` (its sealed data could not be opened
 * nor its audit log verified).
 */
export async function restoreBackup(
  database: Database,
  path: string,
  opts: { keyFingerprint: string; allowOtherKeys?: boolean },
): Promise<RestoreSummary> {
  const header = await verifyBackupFile(path);
  if (header.keyFingerprint !== opts.keyFingerprint && !opts.allowOtherKeys) {
    throw new BackupError(
      `备份是用另一套密钥（指纹 ${header.keyFingerprint}）做的，当前密钥指纹为 ${opts.keyFingerprint}：` +
        '请把备份时的密钥目录放回 WENZE_KEY_DIR（或设置对应的 WENZE_AUDIT_KEY / WENZE_PII_KEY）后再恢复。',
    );
  }
  const known = Object.keys(migrations);
  const level = header.migrations.at(-1);
  if (!level || header.migrations.some((m, i) => known[i] !== m)) {
    throw new BackupError(
      `备份的数据库结构（${level ?? '无'}）不是本版本的迁移序列所能重建的：请用不早于备份时的 Wenze 版本恢复。`,
    );
  }
  // Rebuild the schema as it was when the backup was made.
  const { rows: current } = await sql<{ s: string }>`select current_schema() as s`.execute(database.raw);
  const schema = sql.id(current[0]?.s ?? 'public');
  await sql`drop schema if exists ${schema} cascade`.execute(database.raw);
  await sql`create schema ${schema}`.execute(database.raw);
  const migrator = new Migrator({ db: database.raw, provider: new FixedProvider() });
  const { error } = await migrator.migrateTo(level);
  if (error) throw error instanceof Error ? error : new Error(String(error));

  const reader = new FrameReader(path);
  await reader.line(); // the header, read above
  let rows = 0;
  await withTransaction(database, async (tx) => {
    // The migrations' seed rows (calendar, settings) give way to the backup's.
    const names = header.tables.map((t) => ident(t.name)).join(', ');
    if (names) await tx.query(`truncate table ${names} restart identity cascade`);
    for (const t of header.tables) {
      const writer = tx.copyIn(`${ident(t.name)} (${t.columns.map(ident).join(', ')})`);
      let copied = 0;
      try {
        for (;;) {
          const frame = await reader.line();
          if (!frame || frame.table !== t.name)
            throw new BackupError(`备份文件损坏：表 ${t.name} 的数据不完整`);
          if (frame.end) {
            copied = await writer.end();
            if (copied !== frame.rows) {
              throw new BackupError(`备份文件损坏：表 ${t.name} 应有 ${frame.rows} 行，读到 ${copied} 行`);
            }
            break;
          }
          await writer.write(await reader.bytes(Number(frame.bytes)));
        }
      } catch (e) {
        await writer.abort();
        throw e;
      }
      rows += copied;
    }
    const digest = reader.digest();
    const end = await reader.line();
    if (!end?.end || end.sha256 !== digest) throw new BackupError('备份文件损坏：校验和不符');
    // Sequences continue after the restored ids.
    const serials = await tx.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = current_schema() and (column_default like 'nextval(%' or is_identity = 'YES')`,
    );
    for (const s of serials) {
      const t = ident(s.table_name);
      const c = ident(s.column_name);
      await tx.query(
        `select setval(pg_get_serial_sequence('${t}', '${s.column_name.replace(/'/g, "''")}'),
           coalesce((select max(${c}) from ${t}), 0) + 1, false)`,
      );
    }
  });
  await reader.close().catch(() => undefined);
  const migratedAfter = await migrateToLatest(database);
  return { tables: header.tables.length, rows, migratedAfter, header };
}

class FixedProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}
