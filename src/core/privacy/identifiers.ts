// Identifiers of parties: the resident ID number of a natural person (公民身份号码, GB 11643-1999)
// and the unified social credit code of an organisation (统一社会信用代码, GB 32100-2015), with
// their check characters. One place for both: complaints validate ID numbers with it, the act
// generator makes credit codes with it, the privacy masking reads birth dates from it.

// --- 公民身份号码 (GB 11643-1999) ---------------------------------------------------------------

/** Weights of the 17 body digits, 2^(17-i) mod 11 (GB 11643-1999 §8.2, ISO 7064 MOD 11-2). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for each remainder 0…10 ('X' stands for 10). */
const ID_CHECK = '10X98765432';

/** The check character of the 17 body digits of an ID number. */
export function idNumberCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Whether `s` (upper or lower case x) is a well-formed 18-character ID number: shape and check character. */
export function isResidentIdNumber(s: string): boolean {
  const v = s.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  return idNumberCheck(v) === v[17];
}

/**
 * The date of birth an ID number carries, 'YYYY-MM-DD': characters 7–14 of the 18-character number
 * (GB 11643-1999 §5.2), or 7–12 as YYMMDD of a first-generation 15-digit number (all born in the
 * 1900s). Null when there is no real calendar date there. The check character is not required: a
 * mistyped number still identifies a person.
 */
export function birthDateOf(idNumber: string): string | null {
  const v = idNumber.trim().toUpperCase();
  let ymd: string;
  if (/^\d{17}[\dX]$/.test(v)) ymd = v.slice(6, 14);
  else if (/^\d{15}$/.test(v)) ymd = `19${v.slice(6, 12)}`;
  else return null;
  const iso = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return null;
  return iso;
}

// --- 统一社会信用代码 (GB 32100-2015) ------------------------------------------------------------

/** The code's 31 characters (digits and capital letters without I, O, Z, S, V), valued 0…30. */
export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of the 17 body characters, 3^(i) mod 31 (GB 32100-2015 §4.3). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a unified social credit code's 17 body characters (GB 32100-2015). */
export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/**
 * Whether `s` is a unified social credit code: 18 characters of the code's alphabet (capitals), the
 * registering authority and the kind of organisation (positions 1–2), the six-digit administrative
 * division (3–8), and the check character (GB 32100-2015 §4).
 */
export function isCreditCode(s: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return false;
  return usccCheck(s) === s[17];
}
