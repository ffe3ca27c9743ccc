// What the public may see of a party (行政执法公示): natural persons' names with the given name
// replaced by 某, never their ID number, phone, address or bank account, minors not at all;
// organisations by full name and unified social credit code. `scrubText` is the safety net for free
// text (a decision's 事由, a reply): it finds ID numbers, phones and bank accounts and masks them.
//
// Sources:
// - 《最高人民法院关于人民法院在互联网公布裁判文书的规定》（法释〔2016〕19号）第九条 (keep the
//   surname, the given name replaced by 某; minority names keep the first character; foreign names
//   the first character of the translation, or the first Latin letter and nothing else), 第十条
//   (delete natural persons' address, contact, ID number, bank account, health; organisations' bank
//   accounts), 第十一条 (a natural person's domicile is kept to its county or district);
// - 《个人信息保护法》第二十八条 (sensitive personal information: financial accounts, health, the
//   personal information of minors); 《政府信息公开条例》第十五条 (personal privacy not disclosed);
// - 《未成年人保护法》第二条 (a minor is under eighteen) and 第一百零三条 (nothing that identifies a
//   minor in a case is disclosed); 《最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释》
//   （法释〔2006〕1号）第二条 (an age in 周岁 is reached on the day after the birthday);
// - 国办发〔2018〕118号 and the 双公示 data standard: organisations by name and credit code.
import type { PartyType } from '../acts/codes.js';
import { birthDateOf, isCreditCode, isResidentIdNumber } from './identifiers.js';

/** The character that replaces a masked given name, one per character (张三丰 → 张某某). */
export const MASK_CHAR = '某';

/** Two-character surnames (复姓) kept whole: 欧阳娜娜 → 欧阳某某. */
export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '东郭',
  '呼延',
  '钟离',
  '闻人',
  '赫连',
  '澹台',
  '公冶',
  '宗政',
  '濮阳',
  '太叔',
  '申屠',
  '公羊',
  '淳于',
  '单于',
  '仲孙',
  '万俟',
  '司空',
  '司寇',
  '亓官',
  '拓跋',
  '左丘',
  '梁丘',
  '东门',
  '第五',
  '羊舌',
  '微生',
  '谷梁',
  '段干',
  '乐正',
  '壤驷',
  '夹谷',
  '巫马',
  '公良',
  '漆雕',
  '鲜于',
  '闾丘',
  '子车',
  '颛孙',
  '公西',
  '司城',
] as const;
const COMPOUND = new Set<string>(COMPOUND_SURNAMES);

const HAN = /^[\p{Script=Han}]+$/u;
const LATIN_NAME = /^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'-]*$/;
/** Separators of minority and transliterated foreign names (买买提·艾力, 约翰·史密斯). */
const NAME_DOT = /[·•・‧.．]/;

/** The part of a Chinese name kept as published: its surname (one character, or a 复姓). */
export function surnameOf(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length >= 3 && COMPOUND.has(chars[0] + chars[1])) return chars[0] + chars[1];
  return chars[0] ?? '';
}

/**
 * A natural person's name as published (法释〔2016〕19号第九条): a Chinese name keeps its surname and
 * each further character becomes 某 (张三 → 张某, 张三丰 → 张某某, 欧阳娜娜 → 欧阳某某); a minority or
 * transliterated name (with ·, or longer than four characters) keeps its first character (买买提·艾力 →
 * 买某); a name in Latin letters keeps its first letter only (John Smith → J). Idempotent.
 */
export function maskPersonName(name: string): string {
  let n = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (n === '') return '';
  if (HAN.test(n.replace(/ /g, ''))) n = n.replace(/ /g, '');
  const chars = Array.from(n);
  if (chars.every((c) => c === MASK_CHAR)) return n;
  if (HAN.test(n) && chars.length <= 4) {
    const surname = surnameOf(n);
    const rest = chars.length - Array.from(surname).length;
    return surname + MASK_CHAR.repeat(Math.max(1, rest));
  }
  if (LATIN_NAME.test(n)) {
    const initial = n[0].toUpperCase();
    return initial.length === 1 && LATIN_NAME.test(initial) ? initial : n[0];
  }
  // Minority, transliterated or mixed names: the first character, if it is a letter, and 某.
  const first = chars[0];
  return /^\p{L}$/u.test(first) && !NAME_DOT.test(first) ? first + MASK_CHAR : MASK_CHAR;
}

/** An ID number as the exchange format carries it (first six and last four characters); never published. */
export function maskIdNumber(id: string): string {
  const v = id.trim().toUpperCase();
  if (v.length <= 10) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
}

/** A phone number with the middle digits hidden: 138****8000; a landline keeps its area code, 0851-****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const mobile = /^(?:0{0,2}86)?(1[3-9]\d{9})$/.exec(digits);
  if (mobile) return `${mobile[1].slice(0, 3)}****${mobile[1].slice(7)}`;
  const land = /^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$/.exec(digits);
  if (land) return `${land[1]}-${'*'.repeat(land[2].length - 4)}${land[2].slice(-4)}`;
  return digits.length > 4 ? '*'.repeat(digits.length - 4) + digits.slice(-4) : '*'.repeat(digits.length);
}

/** A bank account with every digit but the last four hidden, separators kept: **** **** **** 7890. */
export function maskBankAccount(account: string): string {
  let keep = 4;
  const out: string[] = [];
  for (const c of Array.from(account).reverse()) {
    if (/\d/.test(c) && keep-- <= 0) out.push('*');
    else out.push(c);
  }
  return out.reverse().join('');
}

// --- addresses -----------------------------------------------------------------------------------

const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
/** Characters that never occur in the name of a county or a city, but in streets and buildings. */
const NOT_ADMIN = '\\d０-９路街道巷弄号村镇乡组栋幢楼室单元';
const PROVINCE_UNIT = new RegExp(
  `^(?:${PROVINCES})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?`,
);
const CITY_UNIT = new RegExp(`^[^${NOT_ADMIN}市区县旗盟]{1,10}?(?:市|自治州|地区|盟|州(?![市县区]))`);
const COUNTY_UNIT = new RegExp(
  `^[^${NOT_ADMIN}市区县旗]{1,10}?(?:自治县|自治旗|县|旗|市|(?<![小社园景校厂矿])区)`,
);

/**
 * An address kept to its county or district (法释〔2016〕19号第十一条): 贵州省A市云岩区中华北路123号
 * → 贵州省A市云岩区***. What follows the county — street, number, building, room — is never shown;
 * an address without a recognisable province, city or county is `***`.
 */
export function maskAddress(address: string): string {
  let rest = address.normalize('NFC').trim().replace(/\s+/g, '');
  let kept = '';
  for (const unit of [PROVINCE_UNIT, CITY_UNIT, COUNTY_UNIT]) {
    const m = unit.exec(rest);
    if (!m) continue;
    kept += m[0];
    rest = rest.slice(m[0].length);
  }
  if (rest === '' && kept !== '') return kept;
  return `${kept}***`;
}

// --- free text -----------------------------------------------------------------------------------

/** Not part of a longer number (letters may touch it: "Tel13800138000" is a phone). */
const B = '(?<!\\d)';
const E = '(?!\\d)';
/** An 18-character ID number by its shape (a date of birth in 1800–2099), or a 15-digit one. */
const ID_SHAPE =
  '\\d{6}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]|\\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}';
const MOBILE_SHAPE = '(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}';
const LANDLINE_SHAPE = '(?:\\(0\\d{2,3}\\)|（0\\d{2,3}）|0\\d{2,3})[ -]?[2-9]\\d{6,7}';
/** A card or account number: 12 digits or more, plain or in groups of four (and any longer number). */
const ACCOUNT_SHAPE = '\\d{4}(?:[ -]\\d{4}){2,}(?:[ -]\\d{1,3})?|\\d{12,}';

/** Patterns of what `scrubText` hides, for tests and for checks of published pages. */
export const ID_NUMBER_PATTERN = new RegExp(`${B}(?:${ID_SHAPE})${E}`, 'g');
export const MOBILE_PATTERN = new RegExp(`${B}(?:${MOBILE_SHAPE})${E}`, 'g');
export const LANDLINE_PATTERN = new RegExp(`${B}(?:${LANDLINE_SHAPE})${E}`, 'g');
export const ACCOUNT_PATTERN = new RegExp(`${B}(?:${ACCOUNT_SHAPE})${E}`, 'g');

const PERSONAL = new RegExp(
  `${B}(?:(?<id>${ID_SHAPE})|(?<phone>${MOBILE_SHAPE}|${LANDLINE_SHAPE})|(?<account>${ACCOUNT_SHAPE}))${E}`,
  'g',
);

interface Found {
  at: number;
  text: string;
  kind: 'id' | 'phone' | 'account';
}

/**
 * The ID numbers, phones and accounts in a text (digits already half-width). A run of digits inside
 * an organisation's unified social credit code (the whole run of letters and digits around it is a
 * valid code with a letter in it) is the organisation's and public; an ID number's shape never is,
 * nor 18 digits alone, which may as well be a bank account that happens to pass the code's check.
 */
function personalNumbers(t: string): Found[] {
  const out: Found[] = [];
  for (const m of t.matchAll(PERSONAL)) {
    const at = m.index;
    const kind = m.groups?.id ? 'id' : m.groups?.phone ? 'phone' : 'account';
    if (kind !== 'id') {
      let from = at;
      let to = at + m[0].length;
      while (from > 0 && /[0-9A-Za-z]/.test(t[from - 1])) from--;
      while (to < t.length && /[0-9A-Za-z]/.test(t[to])) to++;
      const token = t.slice(from, to).toUpperCase();
      if (!/[ -]/.test(m[0]) && /[A-Z]/.test(token) && isCreditCode(token) && !isResidentIdNumber(token))
        continue;
    }
    out.push({ at, text: m[0], kind });
  }
  return out;
}

const MASKS = { id: maskIdNumber, phone: maskPhone, account: maskBankAccount };

/**
 * Free text with every ID number, mobile or landline number and bank account masked (each by its
 * mask above); full-width digits become ASCII ones. An organisation's unified social credit code
 * stays when it has a letter (most have) and could not be read as an ID number. Idempotent; what it returns carries nothing
 * `hasPersonalNumbers` finds.
 */
export function scrubText(text: string): string {
  let t = halfWidthDigits(text);
  // Until nothing is found: the digits a mask keeps (the last four of an account) may read as the
  // start of a phone number with what follows. Every round hides digits, so this ends.
  for (let found = personalNumbers(t); found.length > 0; found = personalNumbers(t)) {
    let out = '';
    let last = 0;
    for (const f of found) {
      out += t.slice(last, f.at) + MASKS[f.kind](f.text);
      last = f.at + f.text.length;
    }
    t = out + t.slice(last);
  }
  return t;
}

/** Whether the text still carries an ID number, a phone number or a bank account (as `scrubText` sees them). */
export function hasPersonalNumbers(text: string): boolean {
  return personalNumbers(halfWidthDigits(text)).length > 0;
}

/** Full-width digits (０-９) and Ｘ typed on a phone, as the ASCII ones (the same length in UTF-16). */
function halfWidthDigits(text: string): string {
  return text.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// --- minors and parties --------------------------------------------------------------------------

/**
 * Whether the holder of the ID number is a minor on `onDate` ('YYYY-MM-DD'): under eighteen, an age
 * reached on the day after the eighteenth birthday (a 29 February birthday falls on 1 March in other
 * years). Fails closed: a number without a readable date of birth counts as a minor's, so that it is
 * never published.
 */
export function isMinor(idNumber: string, onDate: string): boolean {
  const born = birthDateOf(idNumber);
  if (!born) return true;
  const [y, m, d] = born.split('-').map(Number);
  const eighteenth = new Date(Date.UTC(y + 18, m - 1, d)).toISOString().slice(0, 10);
  return onDate <= eighteenth;
}

export interface PartyIdentity {
  type: PartyType;
  name?: string | null;
  /** An organisation's unified social credit code. */
  creditCode?: string | null;
}

export interface PublicParty {
  type: PartyType;
  /** An organisation's full name; a natural person's masked name. */
  name: string | null;
  /** An organisation's credit code when it is a valid one; never anything for a natural person. */
  creditCode: string | null;
}

/**
 * What is published of a party (双公示 相对人名称与代码): an organisation by its full name and its
 * unified social credit code (null when the code is not a valid one), a natural person by the masked
 * name and nothing else. Whether a minor is published at all is the caller's `isMinor` check.
 */
export function publicParty(p: PartyIdentity): PublicParty {
  const name = p.name?.trim() ? p.name.trim() : null;
  if (p.type === 'org') {
    const code = p.creditCode?.trim().toUpperCase() ?? '';
    return { type: 'org', name, creditCode: isCreditCode(code) ? code : null };
  }
  return { type: 'person', name: name === null ? null : maskPersonName(name), creditCode: null };
}
