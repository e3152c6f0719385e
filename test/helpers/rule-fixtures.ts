// Fixture format for rule tests (test/rules/<rule-id>/{valid,invalid}/*.sql):
//   -- @target mariadb-10.11          target (default mysql-8.0)
//   -- @rows users=5000000            known table sizes (rows)
//   ...earlier migrations...           everything above a line `-- @migration` is replayed into
//   -- @migration                      the catalog as earlier migrations (tables there EXIST);
//   ...the file under test...          everything below is analyzed as the migration file.
// Without `-- @migration` the whole fixture is the file under test.
import { analyzeFile, type FileAnalysis } from '../../server/src/engine/analyze';
import { applyStatement, emptyCatalog } from '../../server/src/engine/catalog/apply';
import { parseFile } from '../../server/src/engine/parse';
import { parseTarget } from '../../server/src/engine/targets';
import type { Finding, SeveritySetting } from '../../server/src/engine/types';

export interface Fixture {
  earlier: string;
  file: string;
  target: string;
  tableRows: Record<string, number>;
}

const MARKER = /^--[ \t]*@migration[ \t]*$/m;

export function readFixture(source: string): Fixture {
  const target = /^--[ \t]*@target[ \t]+(\S+)/m.exec(source)?.[1] ?? 'mysql-8.0';
  const tableRows: Record<string, number> = {};
  const rows = /^--[ \t]*@rows[ \t]+(.+)$/m.exec(source)?.[1];
  for (const pair of rows?.split(/\s+/) ?? []) {
    const [name, n] = pair.split('=');
    if (name && n) tableRows[name.toLowerCase()] = Number(n);
  }
  const m = MARKER.exec(source);
  if (!m) return { earlier: '', file: source, target, tableRows };
  const cut = m.index + m[0].length + 1;
  return { earlier: source.slice(0, m.index), file: source.slice(cut), target, tableRows };
}

/** analyze the fixture's file under test with only `ruleId` enabled (at warning when it is off by default) */
export function lintFixture(fx: Fixture, ruleId: string, allRuleIds: readonly string[], defaultSeverity: SeveritySetting): FileAnalysis {
  const target = parseTarget(fx.target);
  if (!target) throw new Error(`fixture target ${fx.target} is not a known target`);
  const catalog = emptyCatalog();
  for (const st of parseFile(fx.earlier, { target })) applyStatement(catalog, st, 'earlier.sql');
  const rules: Record<string, SeveritySetting> = {};
  for (const id of allRuleIds) rules[id] = 'off';
  rules[ruleId] = defaultSeverity === 'off' ? 'warning' : defaultSeverity;
  return analyzeFile('migration.sql', fx.file, { target, catalog, rules, settings: { tableRows: fx.tableRows } });
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${col}`;
}

/** a reviewable text rendering of findings: position, severity, rule, message, help, the spanned text, fixes */
export function renderFindings(text: string, findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const lines = [`${position(text, f.span.start)}-${position(text, f.span.end)} ${f.severity} ${f.rule}`, `  message: ${f.message}`];
      if (f.help) lines.push(`  help: ${f.help}`);
      const excerpt = text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ').trim();
      lines.push(`  text: ${excerpt.length > 120 ? `${excerpt.slice(0, 117)}...` : excerpt}`);
      for (const fix of f.fixes ?? []) lines.push(`  fix${fix.preferred ? '*' : ''}: ${fix.title}`);
      return lines.join('\n');
    })
    .join('\n\n') + '\n';
}
