// Enforcement-act ids as the database keeps them: 1–64 characters, letters (any script) and digits
// with a few separators that case numbers use (`A-2024-000123`, `黔市监罚〔2024〕12号`), no spaces,
// controls, quotes or slashes. An id is a key in URLs, file names and audit entries.

/** The longest act id, in characters. */
export const ACT_ID_MAX = 64;

const ASCII_ID = /^[A-Za-z0-9][A-Za-z0-9._:#()[\]-]{0,63}$/;
const ANY_ID = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}._:#()[\]（）〔〕【】·-]*$/u;

/** Why an act id is not acceptable, or null when it is. */
export function actIdProblem(id: string): string | null {
  if (ASCII_ID.test(id)) return null;
  if ([...id].length > ACT_ID_MAX) return `编号过长（至多 ${ACT_ID_MAX} 个字符）`;
  if (ANY_ID.test(id)) return null;
  return '编号须以字母或数字开头，只含字母、数字和 - _ . : # ( ) [ ] （ ） 〔 〕 【 】 ·';
}
