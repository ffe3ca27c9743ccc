import type { Command } from 'commander';
import { runtimeConfig } from '../config.js';
import { action, printJson } from '../io.js';

export function register(program: Command): void {
  const keys = program.command('keys').description('数据库之外的密钥（审计密钥、投诉人信息密钥）');
  keys
    .command('init')
    .description('在 WENZE_KEY_DIR（默认 <WENZE_DATA_DIR>-keys）生成尚不存在的密钥文件；已有的不会被覆盖')
    .action(
      action(async () => {
        const { initKeyFiles, loadKeyring } = await import('../../security/keys.js');
        const cfg = runtimeConfig();
        const created = initKeyFiles(cfg.keyDir);
        const keyring = loadKeyring({ dir: cfg.keyDir, generate: false, env: {} });
        printJson({ dir: cfg.keyDir, created, fingerprint: keyring.fingerprint });
        process.stderr.write(
          created.length
            ? `已生成 ${created.join('、')}。请将密钥目录与数据库备份分开保管：丢失密钥即无法解密投诉人信息、无法校验审计日志。\n`
            : `${cfg.keyDir} 中的密钥文件已存在，未作改动。\n`,
        );
      }),
    );
}
