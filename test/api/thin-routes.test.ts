// Routes are thin (issue #8): every query lives in a repository (src/store/*.repository.ts and the
// like), so no route file starts a Kysely query or writes raw SQL. A route may still open a
// transaction (`db().transaction()`) and pass `trx` on: a write and its audit entry commit together.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROUTES = join(import.meta.dirname, '../../src/server/routes');

/** The query builder's entry points. */
const ENTRY_POINTS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom']);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return routeFiles(path);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `sql`, `sql<T>` (the type argument is not part of the tag) and `kysely.sql` as a template tag. */
function isSqlTag(tag: ts.Expression): boolean {
  return (
    (ts.isIdentifier(tag) && tag.text === 'sql') ||
    (ts.isPropertyAccessExpression(tag) && tag.name.text === 'sql')
  );
}

/** What a route file must not contain, as `line: text` (comments and strings do not count). */
function queryBuilderUses(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && ENTRY_POINTS.has(node.name.text)) {
      report(node.name, `.${node.name.text}`);
    } else if (
      ts.isElementAccessExpression(node) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      ENTRY_POINTS.has(node.argumentExpression.text)
    ) {
      report(node.argumentExpression, `['${node.argumentExpression.text}']`);
    } else if (ts.isTaggedTemplateExpression(node) && isSqlTag(node.tag)) {
      report(node, 'sql`…`');
    } else if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      node.moduleSpecifier.text === 'kysely' &&
      !node.importClause?.isTypeOnly
    ) {
      // Types from kysely are fine; a value import (sql, CompiledQuery, expressionBuilder…) is a
      // way around the scan.
      const named = node.importClause?.namedBindings;
      const values =
        named && ts.isNamedImports(named)
          ? named.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text)
          : ['*'];
      if (node.importClause?.name) values.push(node.importClause.name.text);
      if (values.length > 0) report(node, `import { ${values.join(', ')} } from 'kysely'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('route files are thin over services and repositories', () => {
  it('the scan finds each forbidden form, and allows transactions, types and comments', () => {
    const bad = [
      "import { sql } from 'kysely';",
      "const a = await db().selectFrom('agencies').selectAll().execute();",
      "await trx.insertInto('cases').values(row).execute();",
      "await trx\n  .updateTable('leads')\n  .set({ caseId }).execute();",
      "await trx['deleteFrom']('calendarOverrides').execute();",
      'await sql`select 1`.execute(db);',
      'const c = sql<boolean>`true`;',
    ].join('\n');
    expect(queryBuilderUses('bad.ts', bad)).toEqual([
      "1: import { sql } from 'kysely'",
      '2: .selectFrom',
      '3: .insertInto',
      '5: .updateTable',
      "7: ['deleteFrom']",
      '8: sql`…`',
      '9: sql`…`',
    ]);
    const fine = [
      "import type { Kysely } from 'kysely';",
      "import { type Transaction } from 'kysely';",
      '// no selectFrom here, nor sql`select 1`',
      "const s = 'insertInto';",
      'await db().transaction().execute(async (trx) => insertAgency(trx, agency));',
      'const t = html`<p>hello</p>`;',
    ].join('\n');
    expect(queryBuilderUses('fine.ts', fine)).toEqual([]);
  });

  it('no file in src/server/routes uses the query builder or raw SQL', () => {
    const files = routeFiles(ROUTES);
    expect(files.length).toBeGreaterThan(5);
    const offences = files.flatMap((path) =>
      queryBuilderUses(path, readFileSync(path, 'utf8')).map(
        (use) => `${relative(ROUTES, path)}:${use} — move the query into a repository in src/store`,
      ),
    );
    expect(offences).toEqual([]);
  });
});
