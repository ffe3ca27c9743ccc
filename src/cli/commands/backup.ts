import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ValidationError } from '../../core/validation.js';
import { describeDatabase, openConfiguredDatabase, runtimeConfig } from '../config.js';
import { action, printJson } from '../io.js';

function defaultBackupName(): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `wenze-backup-${stamp}.wenze.gz`;
}

export function register(program: Command): void {
  program
    .command('backup')
    .description(
      '备份数据库（两种驱动通用的逻辑备份，gzip）。密钥不在备份中：请另行保管 WENZE_KEY_DIR（审计密钥、投诉人信息密钥）',
    )
    .argument('[FILE]', '备份文件（默认 ./wenze-backup-<时间>.wenze.gz）')
    .action(
      action(async (file: string | undefined) => {
        const { writeBackup } = await import('../../store/backup.js');
        const { activeKeyring } = await import('../../security/keys.js');
        const cfg = runtimeConfig();
        const target = resolve(file ?? defaultBackupName());
        const database = await openConfiguredDatabase(cfg);
        let summary: Awaited<ReturnType<typeof writeBackup>>;
        try {
          summary = await writeBackup(database, target, activeKeyring().fingerprint);
        } finally {
          await database.close();
        }
        printJson({
          file: summary.file,
          tables: summary.tables,
          rows: summary.rows,
          keyFingerprint: summary.header.keyFingerprint,
          migrations: summary.header.migrations.at(-1),
        });
        process.stderr.write(
          `${describeDatabase(cfg)}：已备份 ${summary.tables} 张表、${summary.rows} 行到 ${summary.file}\n` +
            `恢复时需要同一套密钥（指纹 ${summary.header.keyFingerprint}）：请把密钥目录 ${cfg.keyDir}` +
            '（或 WENZE_AUDIT_KEY / WENZE_PII_KEY）与备份分开保管在另一处。\n',
        );
      }),
    );

  program
    .command('restore')
    .description('用备份替换数据库的全部内容（先停止服务器；需要备份时的密钥）')
    .argument('<FILE>', 'wenze backup 生成的备份文件')
    .option('--yes', '确认替换数据库的全部内容')
    .option(
      '--allow-other-keys',
      '即使备份用的是另一套密钥也恢复（投诉人信息将无法解密、审计日志将无法校验）',
    )
    .action(
      action(async (file: string, opts: { yes?: boolean; allowOtherKeys?: boolean }) => {
        const { BackupError, readBackupHeader, restoreBackup } = await import('../../store/backup.js');
        const path = resolve(file);
        if (!existsSync(path)) {
          throw new ValidationError(`备份文件不存在：${file}`, [{ path: 'FILE', message: '文件不存在' }]);
        }
        const asInput = (e: unknown) =>
          e instanceof BackupError
            ? new ValidationError(e.message, [{ path: 'FILE', message: e.message }])
            : e;
        try {
          await readBackupHeader(path);
        } catch (e) {
          throw asInput(e);
        }
        if (!opts.yes) {
          throw new ValidationError('恢复将替换数据库的全部内容：加 --yes 确认', [
            { path: '--yes', message: '未确认' },
          ]);
        }
        const { activeKeyring } = await import('../../security/keys.js');
        const { archiveAnchors } = await import('../../security/anchors.js');
        const { anchorAuditHead, appendAudit } = await import('../../store/audit.repository.js');
        const { sealPendingIdentities } = await import('../../store/complainant-identity.js');
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        const keys = activeKeyring();
        let result: Awaited<ReturnType<typeof restoreBackup>>;
        let archived: string | null = null;
        try {
          try {
            result = await restoreBackup(database, path, {
              keyFingerprint: keys.fingerprint,
              allowOtherKeys: opts.allowOtherKeys,
            });
          } catch (e) {
            throw asInput(e);
          }
          await sealPendingIdentities(database.db);
          // The audit log went back in time on purpose: its anchors start a new series (the old
          // file is kept), from the restore's own entry.
          archived = archiveAnchors(keys, 'restore');
          await appendAudit(database.db, {
            regionCode: '000000',
            actorId: null,
            actorName: 'system',
            action: 'system.restore',
            objectType: 'system',
            objectId: 'database',
            detail: {
              backupCreatedAt: result.header.createdAt,
              backupDriver: result.header.driver,
              rows: result.rows,
              migratedAfter: result.migratedAfter,
            },
          });
          await anchorAuditHead(database.db, { force: true });
        } finally {
          await database.close();
        }
        printJson({
          tables: result.tables,
          rows: result.rows,
          backupCreatedAt: result.header.createdAt,
          migratedAfter: result.migratedAfter,
          archivedAnchors: archived,
        });
        process.stderr.write(
          `${describeDatabase(cfg)}：已从 ${path}（${result.header.createdAt}）恢复 ${result.tables} 张表、${result.rows} 行\n`,
        );
      }),
    );
}
