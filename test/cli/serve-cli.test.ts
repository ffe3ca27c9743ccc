// The server as it runs in production: `npm start` stopped by its process manager (the signal
// reaches the server, which finishes what is in flight, closes the database and frees the port),
// demo accounts printed only for the demo city, and one process per embedded data directory.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { inContainer, runtimeConfig } from '../../src/cli/config.js';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import { readAnchors } from '../../src/security/anchors.js';
import { loadKeyring } from '../../src/security/keys.js';
import { openDatabase } from '../../src/store/db.js';

vi.setConfig({ testTimeout: 300_000 });

const dir = mkdtempSync(join(tmpdir(), 'wenze-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baseEnv = (dataDir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  WENZE_DATA_DIR: dataDir,
  DATABASE_URL: '',
  PORT: '0',
  HOST: '127.0.0.1',
});

function wenze(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: baseEnv(dataDir),
    timeout: 200_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A started server: its process, what it printed, its port, and its exit. */
async function started(child: ChildProcess) {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const port = await new Promise<number>((resolve, reject) => {
    const check = () => {
      const m = stdout.match(/已启动：http:\/\/[^:]+:(\d+)\//);
      if (m && stdout.includes('启动耗时')) resolve(Number(m[1]));
    };
    child.stdout?.on('data', () => setImmediate(check));
    exited.then(([code]) => reject(new Error(`exited ${code} before starting:\n${stdout}\n${stderr}`)));
  });
  return { child, port, exited, out: () => stdout, err: () => stderr };
}

const serve = (args: string[], dataDir: string) =>
  started(
    spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve', ...args], {
      env: baseEnv(dataDir),
    }),
  );

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.on('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', () => resolve(true));
  });

describe('wenze serve in production', () => {
  it('`npm start`: SIGTERM to npm reaches the server, which finishes the request in flight and exits', async () => {
    const dataDir = join(dir, 'npm-start');
    const npm = spawn('npm', ['start', '--silent', '--', '--no-demo'], {
      env: { ...baseEnv(dataDir), WENZE_SKIP_WEB_BUILD: '1' },
      detached: true, // its own process group: nothing but npm itself is signalled
    });
    const server = await started(npm);
    // A request in flight: headers and half of the body sent.
    const body = JSON.stringify({ username: 'nobody', password: 'wrong-Password-1' });
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const response = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 200));
    npm.kill('SIGTERM'); // to npm only, as a process manager or `docker stop` does
    await vi.waitFor(() => expect(server.err()).toContain('正在停止'), { timeout: 60_000, interval: 50 });
    req.end(body.slice(10));
    expect(await response).toBe(401);
    const [code] = await server.exited;
    expect(code, server.err()).toBe(0);
    expect(server.err()).toContain('已停止');
    // The port is free and the database closed: the data directory can be opened at once.
    await vi.waitFor(async () => expect(await refused(server.port)).toBe(true), { timeout: 10_000 });
    const database = await openDatabase({ dataDir });
    await database.close();
    expect(server.out()).not.toContain(DEMO_PASSWORD);
  });

  it('prints the demo password only for the demo city (npm start), never for `serve`', async () => {
    // `serve` on an empty data directory creates no account at all (and prints no password).
    const emptyDir = join(dir, 'empty');
    const bare = await serve([], emptyDir);
    expect(bare.out()).not.toContain(DEMO_PASSWORD);
    await stop(bare);
    const empty = await openDatabase({ dataDir: emptyDir });
    try {
      const users = await empty.db.selectFrom('users').select('username').execute();
      expect(users).toEqual([]);
    } finally {
      await empty.close();
    }
    const dataDir = join(dir, 'demo');
    // `--demo` (npm start) on an empty database loads the demo city, its accounts marked as such.
    const first = await serve(['--demo'], dataDir);
    expect(first.out()).toContain(DEMO_PASSWORD);
    await stop(first);
    // `serve` as production runs it, with or without --no-demo: no password, whatever the database holds.
    for (const args of [[], ['--no-demo']]) {
      const s = await serve(args, dataDir);
      expect(s.out(), args.join(' ')).not.toContain(DEMO_PASSWORD);
      expect(s.out()).not.toContain('演示账号');
      // A sign-in (audited) while the server runs: only the anchor written at shutdown covers it.
      const signIn = await fetch(`http://127.0.0.1:${s.port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'sfj', password: DEMO_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      await stop(s);
      // The anchor file's last (validly signed) entry is the newest audit row: that sign-in.
      const { newest, anchors } = await auditHeadAndAnchors(dataDir);
      expect(newest?.action).toBe('auth.login');
      expect(anchors.bad).toEqual([]);
      expect(anchors.anchors.at(-1)?.seq, args.join(' ')).toBe(Number(newest?.id));
    }
  });

  it('refuses a second process on the same data directory, naming the first', async () => {
    const dataDir = join(dir, 'locked');
    const database = await openDatabase({ dataDir });
    try {
      const r = wenze(['migrate'], dataDir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`the data directory is in use by process ${process.pid}`);
    } finally {
      await database.close();
    }
    expect(wenze(['migrate'], dataDir).code).toBe(0);
  });

  it('listens on 127.0.0.1 outside containers unless HOST says otherwise; proxies and limits from the environment', () => {
    expect(runtimeConfig({}, () => false).host).toBe('127.0.0.1');
    expect(runtimeConfig({}, () => true).host).toBe('0.0.0.0');
    expect(runtimeConfig({ HOST: '0.0.0.0' }, () => false).host).toBe('0.0.0.0');
    expect(inContainer({ container: 'podman' })).toBe(true);
    const cfg = runtimeConfig({
      WENZE_TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,loopback',
      WENZE_RATE_LIMIT_LOGIN: '5',
      WENZE_PUBLIC_URL: 'https://wenze.example.gov.cn',
    });
    expect(cfg.trustedProxies).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback']);
    expect(cfg.rateLimits).toEqual({ login: 5, public: undefined });
    expect(cfg.publicUrl).toBe('https://wenze.example.gov.cn/');
    expect(() => runtimeConfig({ WENZE_TRUSTED_PROXIES: '*' })).toThrow(/环境变量无效/);
    expect(() => runtimeConfig({ WENZE_RATE_LIMIT_PUBLIC: '0' })).toThrow(/环境变量无效/);
    expect(() => runtimeConfig({ WENZE_PUBLIC_URL: 'ftp://x' })).toThrow(/环境变量无效/);
    expect(runtimeConfig({}).trustedProxies).toEqual([]);
  });
});

/** The newest audit row of a stopped server's data directory, and its key directory's anchors. */
async function auditHeadAndAnchors(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    const newest = await database.db
      .selectFrom('auditLog')
      .select(['id', 'action'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const env = baseEnv(dataDir);
    const keys = loadKeyring({ dir: runtimeConfig(env).keyDir, env, generate: false });
    return { newest, anchors: readAnchors(keys) };
  } finally {
    await database.close();
  }
}

/** SIGTERM, as a process manager sends it: a clean exit. */
async function stop(s: Awaited<ReturnType<typeof started>>) {
  s.child.kill('SIGTERM');
  const [code] = await s.exited;
  expect(code, s.err()).toBe(0);
}
