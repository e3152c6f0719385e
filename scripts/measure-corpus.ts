// Measures the parse layer on a folder of real migration files:
//   node --import tsx scripts/measure-corpus.ts <dir> [--target mysql-8.0] [--compare] [--show N]
// Reports the share of DDL statements analyzed, statements/s, and the top reasons for the rest.
// --compare also runs node-sql-parser alone on every top-level DDL statement.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFile } from '../server/src/engine/parse';
import { parseTarget } from '../server/src/engine/targets';
import type { Statement, StatementKind } from '../server/src/engine/types';

const DDL_KINDS = new Set<StatementKind>([
  'alter-table', 'create-table', 'create-index', 'drop-index', 'drop-table', 'rename-table', 'truncate', 'create-database',
  'drop-database', 'create-view', 'drop-view', 'create-routine', 'drop-routine', 'optimize-table',
]);

/** node-sql-parser keeps type aliases as written */
const NSP_TYPE_ALIASES: Record<string, string> = { INTEGER: 'INT', BOOLEAN: 'TINYINT', BOOL: 'TINYINT', NUMERIC: 'DECIMAL', DEC: 'DECIMAL', REAL: 'DOUBLE', CHARACTER: 'CHAR' };

function sqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    const st = statSync(p);
    return st.isDirectory() ? sqlFiles(p) : name.toLowerCase().endsWith('.sql') ? [p] : [];
  });
}

function arg(name: string): string | undefined {
  const k = process.argv.indexOf(name);
  return k > 0 ? process.argv[k + 1] : undefined;
}

/** a reason with names and quoted text removed, so that similar problems group */
function reasonKey(problem: string): string {
  return problem.replace(/'[^']*'/g, "'…'").replace(/line \d+ column \d+/gi, 'line N column N').replace(/but ".*" found/, 'but … found').slice(0, 120);
}

const dir = process.argv[2];
if (!dir || dir.startsWith('--')) {
  console.error('usage: measure-corpus.ts <dir> [--target mysql-8.0] [--compare] [--show N]');
  process.exit(2);
}
const target = parseTarget(arg('--target') ?? 'mysql-8.0');
if (!target) throw new Error('unknown target');
const show = Number(arg('--show') ?? 0);

const files = sqlFiles(dir).sort();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const started = process.hrtime.bigint();
const parsed = texts.map((t) => parseFile(t, { target }));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const all: Array<{ file: string; s: Statement }> = [];
parsed.forEach((list, k) => list.forEach((s) => all.push({ file: relative(dir, files[k]), s })));
const ddl = all.filter(({ s }) => DDL_KINDS.has(s.kind));
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(2)}%`);
const line = (label: string, list: typeof all) => {
  const ok = list.filter(({ s }) => s.analyzed).length;
  console.log(`${label.padEnd(34)} ${String(list.length).padStart(7)}  analyzed ${pct(ok, list.length).padStart(8)}`);
};

console.log(`files ${files.length}, ${(texts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1)} MB, target ${target.label}`);
line('all statements', all);
line('top-level', all.filter(({ s }) => s.origin === 'top-level'));
line('DDL statements', ddl);
line('DDL top-level', ddl.filter(({ s }) => s.origin === 'top-level'));
line('DDL in routine bodies', ddl.filter(({ s }) => s.origin === 'routine-body'));
line('DDL in PREPARE strings', ddl.filter(({ s }) => s.origin === 'prepared-string'));
for (const kind of [...DDL_KINDS]) {
  const list = ddl.filter(({ s }) => s.kind === kind);
  if (list.length) line(`  ${kind}`, list);
}
const byParser = new Map<string, number>();
for (const { s } of all) byParser.set(s.parsedBy, (byParser.get(s.parsedBy) ?? 0) + 1);
console.log(`parsed by: ${[...byParser].map(([k, v]) => `${k} ${v}`).join(', ')}`);
const unknownClauses = all.flatMap(({ s }) => s.operations.filter((o) => o.kind === 'unknown-clause'));
const ops = all.reduce((n, { s }) => n + s.operations.length, 0);
console.log(`operations ${ops}, unknown-clause ${unknownClauses.length} (${pct(unknownClauses.length, ops)})`);
console.log(`speed: ${all.length} statements in ${seconds.toFixed(2)} s = ${Math.round(all.length / seconds)} statements/s (whole files, incl. splitting)`);

const reasons = new Map<string, number>();
for (const { s } of ddl) if (!s.analyzed) for (const p of s.problems.slice(0, 1)) reasons.set(reasonKey(p), (reasons.get(reasonKey(p)) ?? 0) + 1);
const partly = new Map<string, number>();
for (const { s } of all) if (s.analyzed) for (const p of s.problems) partly.set(reasonKey(p), (partly.get(reasonKey(p)) ?? 0) + 1);
console.log('\ntop reasons for unanalyzed DDL:');
for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${String(n).padStart(5)}  ${r}`);
console.log('\ntop problems in analyzed statements:');
for (const [r, n] of [...partly].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${String(n).padStart(5)}  ${r}`);
if (show > 0) {
  console.log('\nexamples of unanalyzed statements:');
  for (const { file, s } of all.filter(({ s }) => !s.analyzed).slice(0, show)) console.log(`--- ${file} [${s.kind}] ${s.problems[0]}\n${s.sql.slice(0, 300)}`);
}

if (process.argv.includes('--compare')) {
  // node-sql-parser alone, statement by statement, on the same top-level DDL
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(target.flavor === 'mariadb' ? 'node-sql-parser/build/mariadb' : 'node-sql-parser/build/mysql') as { Parser: new () => { astify(sql: string, o: object): unknown } };
  const parser = new mod.Parser();
  const top = ddl.filter(({ s }) => s.origin === 'top-level');
  let ok = 0;
  const accepted: Array<{ s: Statement; ast: unknown }> = [];
  const t0 = process.hrtime.bigint();
  for (const { s } of top) {
    try {
      const ast = parser.astify(s.sql, { database: target.flavor === 'mariadb' ? 'MariaDB' : 'MySQL' });
      ok++;
      accepted.push({ s, ast });
    } catch {
      // counted as a failure
    }
  }
  const nspSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const agreement = crossCheckColumnClauses(accepted);
  console.log(`column clauses of ALTERs both accept: ${agreement.total}, same facts (action, column, new name, NULL/NOT NULL, DEFAULT written, FIRST/AFTER) ${pct(agreement.same, agreement.total)}; ${agreement.skipped} statements skipped (clause counts differ)`);
  for (const d of agreement.differences.slice(0, show)) console.log(`  differs: ${d}`);
  const columns = crossCheckCreateColumns(accepted);
  console.log(`CREATE TABLE columns both read: ${columns.total}, same (name, type, length, scale, UNSIGNED, NULL/NOT NULL, DEFAULT written, AUTO_INCREMENT) ${pct(columns.same, columns.total)}; ${columns.skipped} statements skipped`);
  for (const d of columns.differences.slice(0, show)) console.log(`  differs: ${d}`);
  const recognizerOk = top.filter(({ s }) => s.parsedBy === 'recognizer').length;
  const t1 = process.hrtime.bigint();
  for (const { s } of top) parseFile(s.sql, { target });
  const ownSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
  console.log(`\nnode-sql-parser alone on ${top.length} top-level DDL: accepted ${pct(ok, top.length)}, ${Math.round(top.length / nspSeconds)} statements/s`);
  console.log(`recogniser (parseFile) on the same, one by one: understood ${pct(recognizerOk, top.length)}, ${Math.round(top.length / ownSeconds)} statements/s`);
}

interface NspColumnRef {
  column?: string | { expr?: { value?: string } };
}
interface NspAlterExpr {
  action?: string;
  resource?: string;
  column?: NspColumnRef;
  old_column?: NspColumnRef;
  nullable?: { type?: string };
  default_val?: unknown;
  suffix?: { keyword?: string; expr?: NspColumnRef } | null;
}

function refName(ref: NspColumnRef | undefined): string {
  const c = ref?.column;
  return (typeof c === 'string' ? c : c?.expr?.value ?? '').toLowerCase();
}

/** the linter's column facts from both parsers, clause by clause */
function crossCheckColumnClauses(accepted: Array<{ s: Statement; ast: unknown }>): { total: number; same: number; skipped: number; differences: string[] } {
  let total = 0;
  let same = 0;
  let skipped = 0;
  const differences: string[] = [];
  for (const { s, ast } of accepted) {
    if (s.kind !== 'alter-table') continue;
    const first = (Array.isArray(ast) ? ast[0] : ast) as { expr?: NspAlterExpr[] };
    const theirs = (first.expr ?? []).filter((e) => e.resource === 'column' && ['add', 'drop', 'modify', 'change', 'rename'].includes(e.action ?? ''));
    const ours = s.operations.filter((o) => ['add-column', 'drop-column', 'modify-column', 'rename-column'].includes(o.kind));
    if (theirs.length !== ours.length) {
      skipped++;
      continue;
    }
    theirs.forEach((e, k) => {
      const o = ours[k];
      const nspFacts = {
        action: e.action === 'change' || e.action === 'modify' ? 'modify-column' : `${e.action}-column`,
        column: e.action === 'change' || e.action === 'rename' ? refName(e.old_column) : refName(e.column),
        newName: e.action === 'change' || e.action === 'rename' ? refName(e.column) : '',
        nullable: e.nullable?.type === 'not null' ? false : e.nullable?.type === 'null' ? true : undefined,
        hasDefault: e.default_val !== undefined && e.default_val !== null,
        position: e.suffix?.keyword?.toUpperCase() === 'FIRST' ? 'FIRST' : e.suffix?.keyword?.toUpperCase() === 'AFTER' ? `AFTER ${refName(e.suffix.expr)}` : '',
      };
      const def = o.kind === 'add-column' ? o.column : o.kind === 'modify-column' ? o.def : undefined;
      const position = o.kind === 'add-column' || o.kind === 'modify-column' ? o.position : undefined;
      const ourFacts = {
        action: o.kind,
        column: (o.kind === 'add-column' ? o.column.name : o.kind === 'drop-column' || o.kind === 'modify-column' || o.kind === 'rename-column' ? o.column : '').toLowerCase(),
        newName: (o.kind === 'rename-column' ? o.newName : o.kind === 'modify-column' && o.via === 'change' ? o.newName ?? o.def.name : '').toLowerCase(),
        nullable: def?.nullable,
        hasDefault: def?.default !== undefined,
        position: position && 'first' in position ? 'FIRST' : position && 'after' in position ? `AFTER ${position.after.toLowerCase()}` : '',
      };
      total++;
      if (JSON.stringify(nspFacts) === JSON.stringify(ourFacts)) same++;
      else differences.push(`${JSON.stringify(nspFacts)} vs ${JSON.stringify(ourFacts)} in ${s.sql.slice(0, 120)}`);
    });
  }
  return { total, same, skipped, differences };
}

interface NspColumnDefinition {
  resource?: string;
  column?: NspColumnRef;
  definition?: { dataType?: string; length?: number | null; scale?: number | null; suffix?: string[] | null };
  nullable?: { type?: string };
  default_val?: unknown;
  auto_increment?: string;
}

/** column facts of CREATE TABLE from both parsers */
function crossCheckCreateColumns(accepted: Array<{ s: Statement; ast: unknown }>): { total: number; same: number; skipped: number; differences: string[] } {
  let total = 0;
  let same = 0;
  let skipped = 0;
  const differences: string[] = [];
  for (const { s, ast } of accepted) {
    const create = s.operations.find((o) => o.kind === 'create-table');
    if (!create || create.kind !== 'create-table') continue;
    const first = (Array.isArray(ast) ? ast[0] : ast) as { create_definitions?: NspColumnDefinition[] | null };
    const theirs = (first.create_definitions ?? []).filter((d) => d.resource === 'column');
    if (theirs.length !== create.columns.length) {
      skipped++;
      continue;
    }
    theirs.forEach((d, k) => {
      const c = create.columns[k];
      const rawType = (d.definition?.dataType ?? '').toUpperCase();
      const nspFacts = {
        name: refName(d.column),
        type: NSP_TYPE_ALIASES[rawType] ?? rawType,
        length: d.definition?.length ?? undefined,
        scale: d.definition?.scale ?? undefined,
        unsigned: (d.definition?.suffix ?? []).some((x) => String(x).toUpperCase() === 'UNSIGNED') || undefined,
        nullable: d.nullable?.type === 'not null' ? false : d.nullable?.type === 'null' ? true : undefined,
        hasDefault: d.default_val !== undefined && d.default_val !== null,
        autoIncrement: d.auto_increment ? true : undefined,
      };
      const ourFacts = {
        name: c.name.toLowerCase(),
        type: c.type.name,
        length: rawType === 'BOOLEAN' || rawType === 'BOOL' ? undefined : c.type.length,
        scale: c.type.scale,
        unsigned: c.type.unsigned || undefined,
        nullable: c.nullable,
        hasDefault: c.default !== undefined,
        autoIncrement: c.autoIncrement,
      };
      total++;
      if (JSON.stringify(nspFacts) === JSON.stringify(ourFacts)) same++;
      else differences.push(`${JSON.stringify(nspFacts)} vs ${JSON.stringify(ourFacts)}`);
    });
  }
  return { total, same, skipped, differences };
}
