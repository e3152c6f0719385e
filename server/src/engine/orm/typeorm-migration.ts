// TypeORM migration classes: the SQL of the `queryRunner.query("…")` calls in `up()`, as a SQL text
// of the same length as the TypeScript file, every string at its own offsets (so findings and
// fixes land inside the string literals), `;` where each string closes, `//` comments turned into
// SQL comments (ignore directives work) and everything else blank. `down()` is not linted: it
// runs only to roll back, as a SQL file's down section.
import type * as TS from 'typescript';
import { commentRanges } from './source-text';
import { typescript } from './typeorm';

/** the SQL view of a migration class; undefined when the file holds no `up()` with queries */
export function typeormMigrationSql(text: string): string | undefined {
  if (!/\bqueryRunner\b|\bMigrationInterface\b/.test(text)) return undefined; // cheap: no compiler for other files
  const ts = typescript();
  const source = ts.createSourceFile('migration.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: (TS.StringLiteral | TS.NoSubstitutionTemplateLiteral)[] = [];
  const visit = (node: TS.Node, inUp: boolean): void => {
    if (ts.isMethodDeclaration(node) && node.name.getText(source) === 'down') return;
    const up = inUp || (ts.isMethodDeclaration(node) && node.name.getText(source) === 'up');
    if (up && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'query') {
      const [sql] = node.arguments;
      if (sql && (ts.isStringLiteral(sql) || ts.isNoSubstitutionTemplateLiteral(sql))) found.push(sql);
    }
    ts.forEachChild(node, (child) => visit(child, up));
  };
  visit(source, false);
  if (found.length === 0) return undefined;

  const out = text.replace(/[^\r\n]/g, ' ').split('');
  for (const c of commentRanges(text)) {
    for (let i = c.start; i < c.end; i++) if (text[i] !== '\n' && text[i] !== '\r') out[i] = text[i];
    if (c.line) [out[c.start], out[c.start + 1]] = ['#', ' '];
  }
  for (const literal of found) {
    const start = literal.getStart(source);
    const end = literal.getEnd();
    // an escape keeps its offsets: an escaped quote that opens becomes ` ``, one that closes
    // `` ` `` (the space outside the quotes); `\n`, `\t` become two spaces
    const open = new Set<string>();
    for (let i = start + 1; i < end - 1; i++) {
      const ch = text[i];
      if (ch === '\\' && i + 1 < end - 1) {
        const next = text[i + 1];
        if (next === '`' || next === '"' || next === "'") {
          const opening = !open.has(next);
          [out[i], out[i + 1]] = opening ? [' ', next] : [next, ' '];
          if (opening) open.add(next);
          else open.delete(next);
        } else [out[i], out[i + 1]] = [' ', /[nrt]/.test(next) ? ' ' : next];
        i++;
        continue;
      }
      out[i] = ch;
      if (ch === '`' || ch === '"' || ch === "'") {
        if (open.has(ch)) open.delete(ch);
        else open.add(ch);
      }
    }
    out[end - 1] = ';';
  }
  return out.join('');
}

