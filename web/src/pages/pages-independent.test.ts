// Pages do not import one another: what several pages use lives in components/, hooks/,
// services/ or types/ (as in Ant Design Pro). And those shared modules do not import pages
// (only the router, App.tsx and routes.tsx, does).
import { describe, expect, it } from 'vitest';

const pages = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const shared = import.meta.glob<string>(
  [
    '../{components,hooks,services,types,layouts,locales}/**/*.{ts,tsx}',
    '../{access,session}.{ts,tsx}',
    '!../**/*.test.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** The relative specifiers of a module's imports, re-exports and dynamic imports. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /\b(?:from\s*|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]*)\1/g;
  for (const m of source.matchAll(re)) out.push(m[2]);
  return out;
}

/** `dir/../x/./y` → `x/y`, for paths relative to web/src; `..` above the root is kept. */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** A file of web/src (`pages/cases/index.tsx`) and a specifier → the path it names, from web/src. */
function resolveFrom(file: string, spec: string): string {
  return normalize(`${file.split('/').slice(0, -1).join('/')}/${spec}`);
}

/** The page folder a web/src path lies in (`cases` for `pages/cases/tabs/X.tsx`), or null. */
function pageOf(path: string): string | null {
  const m = /^pages\/([^/]+)\/./.exec(path);
  return m ? m[1] : null;
}

/** Every import from one page folder into another: `pages/a/x.tsx → '../b/y'`. */
function crossPageImports(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, source] of Object.entries(files)) {
    const from = pageOf(file);
    if (!from) continue;
    for (const spec of importsOf(source)) {
      const to = pageOf(resolveFrom(file, spec));
      if (to && to !== from) out.push(`${file} → '${spec}'`);
    }
  }
  return out.sort();
}

const fromSrc = (files: Record<string, string>, prefix: string) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [normalize(`${prefix}/${k}`), v]));

describe('page independence', () => {
  const pageFiles = fromSrc(pages, 'pages');
  const sharedFiles = fromSrc(shared, 'pages');

  it('scans the pages and the shared folders', () => {
    expect(Object.keys(pageFiles).length).toBeGreaterThan(50);
    expect(Object.keys(pageFiles)).toContain('pages/cases/index.tsx');
    expect(Object.keys(sharedFiles)).toContain('components/ListTable.tsx');
    expect(Object.keys(sharedFiles)).toContain('access.ts');
  });

  it('no page imports from another page folder', () => {
    expect(crossPageImports(pageFiles)).toEqual([]);
  });

  it('components, hooks, services, types and layouts do not import pages', () => {
    const offending = Object.entries(sharedFiles).flatMap(([file, source]) =>
      importsOf(source)
        .filter((spec) => pageOf(resolveFrom(file, spec)) !== null)
        .map((spec) => `${file} → '${spec}'`),
    );
    expect(offending).toEqual([]);
  });
});

describe('the import scanner', () => {
  it('finds static, type-only, multi-line, re-export and dynamic imports', () => {
    const source = [
      "import { a } from '../x/a';",
      "import type { B } from '../../y/b';",
      'import {\n  c,\n  d,\n} from "./c";',
      "export { e } from '../e';",
      "const F = lazy(() => import('../f'));",
      "import './side-effect.css';",
      "import dayjs from 'dayjs';",
      "import { g } from '../../../../src/core/g';",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      '../x/a',
      '../../y/b',
      './c',
      '../e',
      '../f',
      './side-effect.css',
      '../../../../src/core/g',
    ]);
  });

  it('resolves specifiers against the importing file', () => {
    expect(resolveFrom('pages/cases/tabs/FindingsTab.tsx', '../../simulator/codec')).toBe(
      'pages/simulator/codec',
    );
    expect(resolveFrom('pages/cases/index.tsx', './service')).toBe('pages/cases/service');
    expect(resolveFrom('pages/cases/index.tsx', '../../components/ListTable')).toBe('components/ListTable');
    expect(resolveFrom('pages/public/track.tsx', '../../../../src/core/x')).toBe('../../src/core/x');
  });

  it('reports an import from one page folder into another, and only those', () => {
    const files = {
      'pages/home/MyDeadlinesCard.tsx': "import { CaseStateTag } from '../cases/components/CaseTags';",
      'pages/cases/tabs/X.tsx': "import { y } from '../components/Y';\nimport { z } from '../../cases/z';",
      'pages/leads/index.tsx': "import { t } from '../../components/tags';\nimport x from './x';",
      'pages/users/service.ts': "import type { OfficerPage } from '../officers/types';",
      'components/Filters.tsx': "import { agencyOptions } from '../pages/agencies/service';",
    };
    expect(crossPageImports(files)).toEqual([
      "pages/home/MyDeadlinesCard.tsx → '../cases/components/CaseTags'",
      "pages/users/service.ts → '../officers/types'",
    ]);
  });
});
