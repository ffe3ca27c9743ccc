// Text helpers of the documents: Chinese dates and numerals, full-width punctuation, citations.

/** A blank date to fill by hand. */
export const BLANK_DATE = '\u3000\u3000年\u3000\u3000月\u3000\u3000日';

/** null / undefined → '', anything else trimmed. */
export function str(value: string | null | undefined): string {
  return value == null ? '' : value.trim();
}

/** '2026-03-05' → '2026年3月5日'; blank → ''; anything unparseable as it is. */
export function zhDate(value: string | null | undefined): string {
  const v = str(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (!m) return v;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** zhDate, or a blank date to fill by hand. */
export function zhDateOrBlank(value: string | null | undefined): string {
  return zhDate(value) || BLANK_DATE;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 15 → 十五, 22 → 二十二 (1–99; other numbers in Arabic numerals). */
export function zhNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。' };

/**
 * Half-width punctuation next to Chinese text made full-width, as Chinese official documents write it:
 * '第十五条第(四)项' → '第十五条第（四）项', '经查,该局' → '经查，该局', '"罚款"' → '“罚款”'.
 * Punctuation between Latin letters or digits ('penalty.04', '3.5', 'a,b') is left alone.
 */
export function zhPunct(value: string | null | undefined): string {
  let s = str(value);
  if (!CJK.test(s)) return s;
  s = s.replace(/\(([^()]*)\)/g, (all, inner: string, at: number, whole: string) =>
    CJK.test(inner) || CJK.test(whole.charAt(at - 1)) || CJK.test(whole.charAt(at + all.length))
      ? `（${inner}）`
      : all,
  );
  s = s.replace(/"([^"]*)"/g, (all, inner: string) => (CJK.test(inner) ? `“${inner}”` : all));
  s = s.replace(/([,;:?!.]) ?/g, (all, p: string, at: number, whole: string) => {
    const before = whole.charAt(at - 1);
    const after = whole.charAt(at + all.length);
    if (p === '.') return CJK.test(before) && (after === '' || CJK.test(after)) ? '。' : all;
    return CJK.test(before) || (CJK.test(after) && !/[\dA-Za-z]/.test(before)) ? FULL[p]! : all;
  });
  return s;
}

/** Items joined the Chinese way: 'a、b、c'. */
export function enumerate(items: readonly string[]): string {
  return items.map(zhPunct).filter(Boolean).join('、');
}

/** The Measures' title in 《》 ('' when unknown). */
export function measuresRef(title: string | null | undefined): string {
  const t = str(title).replace(/^《|》$/g, '');
  return t ? `《${t}》` : '';
}

/**
 * Article citations with the Measures' title before them:
 * ['第十五条第（四）项', '第十九条'] → '《贵州省…办法》第十五条第（四）项、第十九条'.
 */
export function citations(basis: readonly string[], title: string | null | undefined): string {
  const list = enumerate(basis);
  return list ? `${measuresRef(title)}${list}` : '';
}

/** A sentence closed with '。' unless it already ends with closing punctuation. */
export function sentence(value: string): string {
  const s = zhPunct(value);
  if (!s) return '';
  return /[。！？；：”’]$/.test(s) ? s : `${s}。`;
}

/** A text's paragraphs: split on line breaks, blanks dropped. */
export function paragraphsOf(value: string | null | undefined): string[] {
  return str(value)
    .split(/\r?\n/)
    .map((l) => zhPunct(l))
    .filter(Boolean);
}
