import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgCode } from '../acts/generate-parts.js';
import { idNumberCheck, isResidentIdNumber, usccCheck } from './identifiers.js';
import {
  ACCOUNT_PATTERN,
  COMPOUND_SURNAMES,
  hasPersonalNumbers,
  ID_NUMBER_PATTERN,
  isMinor,
  LANDLINE_PATTERN,
  MASK_CHAR,
  MOBILE_PATTERN,
  maskAddress,
  maskBankAccount,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  publicParty,
  scrubText,
  surnameOf,
} from './mask.js';

const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const date = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** A valid 18-character ID number born on a given day. */
const idNumber = fc.tuple(digits(6), date, digits(3)).map(([region, born, seq]) => {
  const body = region + born.replaceAll('-', '') + seq;
  return body + idNumberCheck(body);
});
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([b, rest]) => `1${b}${rest}`);
const mobileWritten = fc
  .tuple(mobile, fc.constantFrom('', ' ', '-'), fc.constantFrom('', '+86', '+86 ', '86-'))
  .map(([m, sep, prefix]) => `${prefix}${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`);
const landline = fc
  .tuple(fc.constantFrom('010', '021', '0851', '0856'), fc.integer({ min: 2, max: 9 }), digits(7))
  .chain(([area, first, rest]) =>
    fc
      .constantFrom(`${area}-${first}${rest}`, `${area}${first}${rest}`, `(${area})${first}${rest}`)
      .map((s) => s),
  );
const account = fc.integer({ min: 16, max: 19 }).chain((n) =>
  fc.tuple(fc.constantFrom('62', '43', '95'), digits(n - 2), fc.boolean()).map(([head, rest, grouped]) => {
    const s = head + rest;
    return grouped ? (s.match(/.{1,4}/g) ?? []).join(' ') : s;
  }),
);
const filler = fc
  .array(
    fc.oneof(han, fc.constantFrom('，', '。', '：', '（', '）', ' ', '号', '电话', '身份证号', '账号')),
    {
      maxLength: 6,
    },
  )
  .map((a) => a.join(''));

describe('maskPersonName', () => {
  it('keeps the surname and replaces each further character by 某 (法释〔2016〕19号第九条)', () => {
    expect(maskPersonName('张三')).toBe('张某');
    expect(maskPersonName('张三丰')).toBe('张某某');
    expect(maskPersonName(' 王 小 明 ')).toBe('王某某');
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳某某');
    expect(maskPersonName('司马光')).toBe('司马某');
    expect(maskPersonName('诸葛亮')).toBe('诸葛某');
    // Two characters cannot be a compound surname and a given name: 司 is the surname.
    expect(maskPersonName('司马')).toBe('司某');
    expect(maskPersonName('张')).toBe('张某');
    expect(maskPersonName('买买提·艾力')).toBe('买某');
    expect(maskPersonName('阿不都热合曼')).toBe('阿某');
    expect(maskPersonName('约翰·史密斯')).toBe('约某');
    expect(maskPersonName('John Smith')).toBe('J');
    expect(maskPersonName("o'Brien")).toBe('O');
    expect(maskPersonName('')).toBe('');
    expect(surnameOf('上官婉儿')).toBe('上官');
  });

  it('never shows a character of the given name (property)', () => {
    const surname = fc.oneof(han, fc.constantFrom(...COMPOUND_SURNAMES));
    fc.assert(
      fc.property(surname, fc.array(han, { minLength: 1, maxLength: 4 - 1 }), (s, given) => {
        const name = s + given.join('');
        // A single-character surname followed by characters that read as a 复姓 is the 复姓.
        fc.pre(surnameOf(name) === s && Array.from(name).length <= 4);
        const masked = maskPersonName(name);
        expect(masked).toBe(s + MASK_CHAR.repeat(given.length));
        for (const c of given) if (!s.includes(c) && c !== MASK_CHAR) expect(masked).not.toContain(c);
      }),
    );
  });

  it('shows at most a surname or a first letter of any text, and is idempotent (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.array(han).map((a) => a.join('')),
        ),
        (name) => {
          const masked = maskPersonName(name);
          expect(maskPersonName(masked)).toBe(masked);
          const kept = Array.from(masked.replace(/某+$/u, ''));
          expect(kept.length).toBeLessThanOrEqual(2);
          const source = Array.from(name.normalize('NFC').replace(/\s+/g, ''));
          kept.forEach((c, i) => {
            expect([source[i], source[i]?.toUpperCase()]).toContain(c);
          });
        },
      ),
    );
  });
});

describe('numbers and addresses', () => {
  it('masks ID numbers, phones and accounts', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('+86 138-0013-8000')).toBe('138****8000');
    expect(maskPhone('0851-86123456')).toBe('0851-****3456');
    expect(maskPhone('(010)62345678')).toBe('010-****5678');
    expect(maskBankAccount('6222 0212 3456 7890 123')).toBe('**** **** **** ***0 123');
    expect(maskBankAccount('6222021234567890')).toBe('************7890');
  });

  it('keeps an address to its county or district (第十一条)', () => {
    expect(maskAddress('贵州省A市云岩区中华北路123号3单元501室')).toBe('贵州省A市云岩区***');
    expect(maskAddress('北京市朝阳区建国路88号')).toBe('北京市朝阳区***');
    expect(maskAddress('贵州省黔东南苗族侗族自治州凯里市北京东路1号')).toBe(
      '贵州省黔东南苗族侗族自治州凯里市***',
    );
    expect(maskAddress('浙江省杭州市西湖区文三路')).toBe('浙江省杭州市西湖区***');
    expect(maskAddress('云岩区幸福小区3栋')).toBe('云岩区***');
    expect(maskAddress('幸福小区3栋')).toBe('***');
    expect(maskAddress('贵州省A市南明区')).toBe('贵州省A市南明区');
  });

  it('never shows a number of the street, building or room (property)', () => {
    const admin = fc.constantFrom('', '贵州省', '贵州省A市', '贵州省A市云岩区', 'A市南明区', '花溪区');
    fc.assert(
      fc.property(
        admin,
        fc.array(han, { maxLength: 5 }),
        fc.integer({ min: 1, max: 99999 }),
        (a, street, n) => {
          const masked = maskAddress(`${a}${street.join('')}路${n}号`);
          expect(masked).not.toMatch(/\d/);
          expect(masked.startsWith(a)).toBe(true);
          expect(maskAddress(masked)).toBe(masked);
        },
      ),
    );
  });
});

describe('scrubText', () => {
  it('masks what it finds and keeps organisations’ codes and other numbers', () => {
    const code = orgCode('520100', 3);
    const text = `当事人张三（身份证号11010519491231002X，电话13800138000、0851-86123456），开户行账号6222 0212 3456 7890，A公司（统一社会信用代码${code}），罚款2000元，A市监罚〔2024〕123号。`;
    expect(scrubText(text)).toBe(
      `当事人张三（身份证号110105********002X，电话138****8000、0851-****3456），开户行账号**** **** **** 7890，A公司（统一社会信用代码${code}），罚款2000元，A市监罚〔2024〕123号。`,
    );
    // Full-width digits typed on a phone are numbers too.
    expect(scrubText('电话１３８００１３８０００')).toBe('电话138****8000');
    // Letters may touch a number; a code made mostly of digits stays whole.
    expect(scrubText('Tel13800138000')).toBe('Tel138****8000');
    const digitsCode = Array.from({ length: 100 }, (_, i) => `9152010012345${String(i).padStart(4, '0')}`)
      .map((b) => b + usccCheck(b))
      .find((c) => /[A-Z]$/.test(c));
    expect(scrubText(`代码${digitsCode}。`)).toBe(`代码${digitsCode}。`);
  });

  it('leaves no ID number, phone or account in text full of them, and is idempotent (property)', () => {
    const code = fc.tuple(digits(6), fc.nat(100_000)).map(([r, n]) => orgCode(r, n));
    const item = fc.oneof(
      idNumber.map((v) => ({ v, personal: true })),
      mobileWritten.map((v) => ({ v, personal: true })),
      landline.map((v) => ({ v, personal: true })),
      account.map((v) => ({ v, personal: true })),
      code.map((v) => ({ v, personal: false })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, item)), filler, (parts, tail) => {
        const text = parts.map(([f, i]) => f + i.v).join('') + tail;
        const out = scrubText(text);
        expect(scrubText(out)).toBe(out);
        expect(hasPersonalNumbers(out)).toBe(false);
        expect(out.match(ID_NUMBER_PATTERN)).toBeNull();
        expect(out.match(MOBILE_PATTERN)).toBeNull();
        expect(out.match(LANDLINE_PATTERN)).toBeNull();
        for (const [, i] of parts) {
          const bare = i.v.replace(/\D/g, '');
          // An item glued to the next one's digits is a longer number: masked all the same.
          if (i.personal) expect(out.replace(/\D/g, ' ')).not.toContain(bare.slice(-11));
        }
        for (const w of out.match(/\d{17}[\dXx]/g) ?? []) expect(isResidentIdNumber(w)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent and leaves nothing to find in any text (property)', () => {
    const dense = fc
      .array(
        fc.constantFrom(
          '1',
          '3',
          '8',
          '0',
          '5',
          '2',
          '9',
          'X',
          'x',
          '-',
          ' ',
          '(',
          ')',
          '+',
          'a',
          '号',
          '１',
        ),
        {
          maxLength: 60,
        },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(dense, fc.string({ unit: 'binary' })), (text) => {
        const out = scrubText(text);
        expect(scrubText(out)).toBe(out);
        expect(hasPersonalNumbers(out)).toBe(false);
        expect(out.match(ACCOUNT_PATTERN)?.every((m) => m.length === 18) ?? true).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isMinor', () => {
  const born = (iso: string) => {
    const body = `520102${iso.replaceAll('-', '')}001`;
    return body + idNumberCheck(body);
  };

  it('is under eighteen until the day after the eighteenth birthday (法释〔2006〕1号第二条)', () => {
    expect(isMinor(born('2008-03-15'), '2026-03-14')).toBe(true);
    expect(isMinor(born('2008-03-15'), '2026-03-15')).toBe(true);
    expect(isMinor(born('2008-03-15'), '2026-03-16')).toBe(false);
    expect(isMinor(born('1990-01-01'), '2026-03-16')).toBe(false);
    // 29 February: the birthday of a common year is 1 March.
    expect(isMinor(born('2008-02-29'), '2026-03-01')).toBe(true);
    expect(isMinor(born('2008-02-29'), '2026-03-02')).toBe(false);
    // A 15-digit number: born in the 1900s.
    expect(isMinor('520102900101001', '2026-01-01')).toBe(false);
  });

  it('fails closed: no readable date of birth counts as a minor', () => {
    expect(isMinor('not a number', '2026-01-01')).toBe(true);
    expect(isMinor('520102200813450011', '2026-01-01')).toBe(true);
  });

  it('once of age, of age on every later day (property)', () => {
    fc.assert(
      fc.property(idNumber, date, date, (id, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (!isMinor(id, early)) expect(isMinor(id, late)).toBe(false);
      }),
    );
  });
});

describe('publicParty', () => {
  it('publishes an organisation whole and a person masked, never a person’s number', () => {
    const code = orgCode('520100', 11);
    expect(publicParty({ type: 'org', name: ' A市某某有限公司 ', creditCode: code.toLowerCase() })).toEqual({
      type: 'org',
      name: 'A市某某有限公司',
      creditCode: code,
    });
    expect(publicParty({ type: 'org', name: 'B公司', creditCode: '123' }).creditCode).toBeNull();
    expect(publicParty({ type: 'person', name: '欧阳娜娜', creditCode: code })).toEqual({
      type: 'person',
      name: '欧阳某某',
      creditCode: null,
    });
    expect(publicParty({ type: 'person' }).name).toBeNull();
  });
});
