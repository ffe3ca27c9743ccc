// Article texts: the doc comment above each rule file and the pack's text are the same words,
// Art. 15–23 as in the seed (22–23 in simplified characters), 24–25 flagged as summaries.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTICLES } from './rules.js';
import { fullArticleText } from './structure.js';
import { articleLabel } from './zh.js';

const here = dirname(fileURLToPath(import.meta.url));
// A copy of the seed text (shared/seeds/004_ff0fd7cf4fc5206d.txt), kept in the repository.
const SEED = fileURLToPath(new URL('./fixtures/seed-004.txt', import.meta.url));

/** The article's text in the file's leading doc comment: the lines up to its first blank line. */
function docText(article: number): string {
  const src = readFileSync(join(here, `art-${article}.ts`), 'utf8');
  const lines = src
    .slice(src.indexOf('/**') + 3, src.indexOf('*/'))
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, '').trimEnd());
  const first = lines.findIndex((l) => l !== '');
  const end = lines.indexOf('', first);
  return lines.slice(first, end).join('\n');
}

describe.each(ARTICLES.map((a) => [a.number, a] as const))('Art. %i text', (number, article) => {
  it('the doc comment carries the same text as the pack', () => {
    const doc = docText(number);
    const label = articleLabel(number);
    expect(doc.startsWith(label)).toBe(true);
    // Summaries announce themselves in the comment: "第二十四条（摘要，…）".
    const body = doc.replace(/^第[^条]+条(（[^）]*）)?\s*/, '');
    expect(body).toBe(fullArticleText(article));
  });
});

describe('sources', () => {
  it('Art. 24 and 25 are summaries, 15–23 are not', () => {
    expect(ARTICLES.filter((a) => a.summary).map((a) => a.number)).toEqual([24, 25]);
  });
  it('Art. 22–23 are in simplified characters', () => {
    const text = ARTICLES.filter((a) => a.number >= 22 && a.number <= 23)
      .map(fullArticleText)
      .join('');
    expect(text).not.toMatch(/[條執機關擔過錯責為產當衛緊險對後顯輕與項]/u);
    expect(text).toContain('因正当防卫、紧急避险等原因产生的行政执法过错行为；');
  });
  it('Art. 15–21 occur verbatim in the seed (bold marks and line breaks removed)', () => {
    const seed = readFileSync(SEED, 'utf8')
      .replaceAll('**', '')
      .replace(/ {2}\n/g, '');
    for (const a of ARTICLES.filter((x) => x.number <= 21)) {
      expect(seed, `Art. ${a.number}`).toContain(a.intro);
      for (const c of a.clauses) expect(seed, `Art. ${a.number}(${c.number})`).toContain(c.text);
    }
  });
});
