// 公民身份号码 (GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2, 'X' for 10).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Whether `s` (upper or lower case x) is a well-formed 18-character ID number. */
export function isResidentIdNumber(s: string): boolean {
  const v = s.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * WEIGHTS[i];
  return CHECK[sum % 11] === v[17];
}
