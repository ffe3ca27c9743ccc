// "Do not reveal whether an account exists (same answer and timing)": rather than time the
// answers (machine speed), check that an unknown or disabled account performs the same argon2id
// verify as a known one — against a dummy hash of the same parameters.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => [] as string[]);
vi.mock('../../src/store/passwords.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/store/passwords.js')>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      calls.push(hash);
      return real.verifyPassword(hash, password);
    },
  };
});

const { DUMMY_HASH } = await import('../../src/server/auth.js');
const { createTestApp } = await import('../helpers/app.js');
const { drivers } = await import('../helpers/db.js');

describe.each(drivers)('sign-in does the same work for any name on %s', (driver) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t?.close());

  const attempt = async (username: string) => {
    calls.length = 0;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'Wrong#pass1' },
    });
    return { status: r.statusCode, message: r.json().error.message, hashes: [...calls] };
  };

  it('unknown, disabled and known accounts each verify one argon2id hash of the same cost', async () => {
    await t.database.db
      .updateTable('users')
      .set({ active: false })
      .where('username', '=', 'pingjia')
      .execute();
    const known = await attempt('sfj');
    const unknown = await attempt('nobody-here');
    const disabled = await attempt('pingjia');
    for (const a of [known, unknown, disabled]) {
      expect(a.status).toBe(401);
      expect(a.message).toBe(known.message);
      expect(a.hashes).toHaveLength(1);
    }
    expect(unknown.hashes[0]).toBe(DUMMY_HASH);
    expect(disabled.hashes[0]).toBe(DUMMY_HASH);
    const params = (h: string) => h.split('$').slice(1, 4).join('$');
    expect(params(DUMMY_HASH)).toBe(params(known.hashes[0]));
  });
});
