// The password policy (等保2.0 身份鉴别): at least 8 characters of three of the four classes
// (lower case, upper case, digits, symbols), not the username, not a published or demo
// password, not a common password, no control characters. Pure: the caller hashes.
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

/** Passwords published with this system: the demo accounts' (README). */
export const PUBLISHED_PASSWORDS: readonly string[] = ['Wenze@2026'];

// Common passwords: the list of zxcvbn-ts (about 49,000 entries, lower case), and the ones
// common in China that it lacks (pinyin and number patterns).
const COMMON_CN = [
  'woaini1314',
  'woaini520',
  'woaini123',
  '5201314',
  'iloveyou1314',
  'a123456',
  'aa123456',
  'a123456789',
  'qq123456',
  'abc123456',
  'zhang123',
  'wang123456',
  'li123456',
  'admin123',
  'admin@123',
  'admin888',
  'root1234',
  'p@ssw0rd',
  'passw0rd',
  'qwe123',
  'qwe123456',
  'qweasdzxc',
  '1qaz2wsx',
  '1qaz@wsx',
  '1q2w3e4r',
  'zaq12wsx',
  'asd123456',
  'abcd1234',
  'abc@123',
  'a1234567',
  'a12345678',
];
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set([...(dictionary['passwords-common'] as string[]), ...COMMON_CN]);
  return common;
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return true;
  // "Password1!" and "Abc12345@" are the list's entries with a capital and a symbol added.
  const stripped = lower.replace(/[^a-z0-9]+$/, '').replace(/^[^a-z0-9]+/, '');
  return stripped !== lower && commonPasswords().has(stripped);
}

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
}

/** Why a password is refused, or null. `username` is the account's (also refused reversed). */
export function passwordProblem(password: string, username?: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(password)) return '密码不能包含控制字符';
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码至多 ${PASSWORD_MAX_LENGTH} 位`;
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) {
    return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  }
  const lower = password.toLowerCase();
  if (username) {
    const u = username.toLowerCase();
    if (u.length >= 3 && (lower.includes(u) || lower.includes([...u].reverse().join('')))) {
      return '密码不能包含用户名';
    }
  }
  if (PUBLISHED_PASSWORDS.some((p) => p.toLowerCase() === lower)) return '不能使用公开的或演示用的密码';
  if (isCommonPassword(password)) return '该密码过于常见，请换一个';
  return null;
}

/**
 * Failed sign-ins of one account from one address: free attempts, then a lock that doubles with
 * every further failure, up to a day. Counts reset after a day without failures.
 */
export const LOCKOUT = {
  freeAttempts: 5,
  firstLockMinutes: 15,
  maxLockMinutes: 24 * 60,
  resetAfterHours: 24,
};

export function lockMinutesAfter(failures: number, policy = LOCKOUT): number {
  if (failures < policy.freeAttempts) return 0;
  return Math.min(policy.firstLockMinutes * 2 ** (failures - policy.freeAttempts), policy.maxLockMinutes);
}
