// The incremental analyzer (what the language server runs on every keystroke) must report exactly
// what the batch `analyzeFile` (what the CLI runs) reports. Checked on every rule fixture under
// test/rules/<rule-id>/{valid,invalid}/ — with the target, catalog, rule severities and settings
// the rule driver (test/rules/driver.test.ts) uses, and again with every rule at its default — by
// a fresh analyzer and by one that first analyzed other versions of the text (a statement
// removed, a comment inserted at the top), so the reuse paths run too. Then on mutated fuzz
// inputs, and on inputs that once disagreed.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  analyzeFile,
  IncrementalAnalyzer,
  parseFile,
  parseTarget,
  rules,
  type AnalyzeOptions,
  type FileAnalysis,
  type SeveritySetting,
  type Target,
} from '../../server/src/engine';
import { applyStatement, emptyCatalog } from '../../server/src/engine/catalog/apply';
import { mutate, rng, SEEDS } from '../helpers/fuzz-inputs';
import { readFixture, type Fixture } from '../helpers/rule-fixtures';

const RULES_DIR = join(__dirname, '..', 'rules');
/** the path the rule driver analyzes fixtures under */
const PATH = 'migration.sql';

/**
 * what a finding shows a user: everything but the statement index (compared separately, as the
 * statement list); and the schema after the file (what navigation and later files use), spans included
 */
function comparable(a: FileAnalysis): unknown {
  return {
    findings: a.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, help: f.help, span: f.span, fixes: f.fixes, related: f.related, statementIndex: f.statementIndex })),
    statements: a.statements.map((s) => ({ index: s.statement.index, span: s.statement.span, kind: s.statement.kind, prediction: s.prediction })),
    catalogAfter: [...a.catalogAfter.tables.entries()].sort(([x], [y]) => x.localeCompare(y)),
  };
}

interface Case {
  name: string;
  text: string;
  options: AnalyzeOptions;
}

/** the options `lintFixture` (test/helpers/rule-fixtures.ts) builds: only `ruleId` on */
function driverOptions(fx: Fixture, ruleId: string, defaultSeverity: SeveritySetting): AnalyzeOptions {
  const target = parseTarget(fx.target);
  if (!target) throw new Error(`fixture target ${fx.target} is not a known target`);
  const catalog = emptyCatalog();
  for (const st of parseFile(fx.earlier, { target })) applyStatement(catalog, st, 'earlier.sql');
  const severities: Record<string, SeveritySetting> = {};
  for (const r of rules) severities[r.meta.id] = 'off';
  severities[ruleId] = defaultSeverity === 'off' ? 'warning' : defaultSeverity;
  return { target, catalog, rules: severities, settings: { tableRows: fx.tableRows } };
}

/** the rule driver's cases: every fixture's file under test (and its fixed version, which the driver lints too) */
function fixtureCases(): Case[] {
  const cases: Case[] = [];
  for (const rule of rules) {
    const id = rule.meta.id;
    for (const kind of ['valid', 'invalid']) {
      const dir = join(RULES_DIR, id, kind);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
        const fx = readFixture(readFileSync(join(dir, name), 'utf8'));
        const options = driverOptions(fx, id, rule.meta.defaultSeverity);
        cases.push({ name: `${id}/${kind}/${name}`, text: fx.file, options });
        // every rule at its default, same target, catalog and settings
        cases.push({ name: `${id}/${kind}/${name} (all rules)`, text: fx.file, options: { ...options, rules: undefined } });
      }
    }
  }
  return cases;
}

/** other versions of the text to analyze first: one top-level statement removed, a comment on top, a character typed */
function variants(text: string, target: Target): string[] {
  const top = parseFile(text, { target }).filter((s) => s.origin === 'top-level');
  const out: string[] = [];
  if (top.length > 0) {
    const k = Math.floor(top.length / 2);
    const end = k + 1 < top.length ? top[k + 1].span.start : text.length;
    out.push(text.slice(0, top[k].span.start) + text.slice(end));
    const typed = top[k].span.end;
    out.push(`${text.slice(0, typed)} ${text.slice(typed)}`);
  }
  out.push(`/* lockstep: a comment on top */\n${text}`);
  return out;
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text);
}

/** undefined when the incremental analysis equals the batch one, else what differs */
async function disagreement(c: Case, batch: FileAnalysis, analyzer: IncrementalAnalyzer, how: string): Promise<string | undefined> {
  const got = await analyzer.analyze({ path: PATH, text: c.text, options: c.options, catalogVersion: 'fixture' });
  if (!got) return `${c.name} (${how}): cancelled`;
  if (!got.complete) return `${c.name} (${how}): incomplete`;
  try {
    assert.deepEqual(comparable(got), comparable(batch));
    return undefined;
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n').slice(0, 40).join('\n') : String(err);
    return `${c.name} (${how}) on ${quoted(c.text)}:\n${detail}`;
  }
}

/** a fresh analyzer; one that saw a variant first; one that walks through all variants and back */
async function checkCase(c: Case, failures: string[]): Promise<void> {
  const note = (d: string | undefined): void => {
    if (d !== undefined) failures.push(d);
  };
  const batch = analyzeFile(PATH, c.text, c.options);
  note(await disagreement(c, batch, new IncrementalAnalyzer(), 'fresh'));
  const walker = new IncrementalAnalyzer();
  for (const [v, text] of variants(c.text, c.options.target).entries()) {
    const warm = new IncrementalAnalyzer();
    const before: Case = { ...c, name: `${c.name} variant ${v}`, text };
    const variantBatch = analyzeFile(PATH, text, c.options);
    note(await disagreement(before, variantBatch, warm, 'fresh'));
    note(await disagreement(c, batch, warm, `after variant ${v}`));
    note(await disagreement(before, variantBatch, walker, `walk to variant ${v}`));
    note(await disagreement(c, batch, walker, `walk back from variant ${v}`));
  }
}

function assertNone(failures: readonly string[]): void {
  assert.equal(failures.length, 0, `${failures.length} disagreements:\n\n${failures.slice(0, 8).join('\n\n')}`);
}

test('incremental analysis equals analyzeFile on every rule fixture', async () => {
  const cases = fixtureCases();
  const fixtures = new Set(cases.map((c) => c.name.replace(/ \(all rules\)$/, '')));
  assert.ok(fixtures.size > 100, `found only ${fixtures.size} fixtures`);
  const failures: string[] = [];
  for (const c of cases) await checkCase(c, failures);
  console.log(`incremental equivalence: ${fixtures.size} rule fixtures compared (${cases.length} cases, each fresh and after other texts)`);
  assertNone(failures);
});

/** an analyzer taken through `texts` in order, compared with analyzeFile at each */
async function checkWalk(name: string, texts: readonly string[], options: AnalyzeOptions, failures: string[]): Promise<void> {
  const analyzer = new IncrementalAnalyzer();
  for (const [k, text] of texts.entries()) {
    const d = await disagreement({ name, text, options }, analyzeFile(PATH, text, options), analyzer, `edit ${k}`);
    if (d !== undefined) failures.push(d);
  }
}

const SIX = ['a', 'b', 'c', 'd', 'e', 'f'].map((t, k) => `ALTER TABLE ${t} ADD c${k} INT;`);
const DUMP = [
  '/*!40101 SET NAMES utf8 */;',
  '/*!50001 CREATE VIEW v AS SELECT 1 */;',
  'ALTER TABLE a ADD c1 INT;',
  '/*!40101 SET @x = 1; ALTER TABLE b ADD c2 INT NOT NULL; ALTER TABLE c ADD c3 INT NOT NULL; ALTER TABLE d DROP COLUMN e */;',
  'ALTER TABLE f ADD c4 INT;',
  'ALTER TABLE g ADD c5 INT;',
  '',
].join('\n');

test('incremental analysis equals analyzeFile on inputs that once disagreed', async () => {
  const target = parseTarget('mysql-8.0')!;
  const mariadb = parseTarget('mariadb-10.11')!;
  const inputs: Array<[string, Target]> = [
    // two unterminated executable comments: the second is inside the first, not unwrapped again
    ['SELECT 1; /*!x /*!DROP TABLE users', target],
    ['SELECT 1; /*!50000 ALTER TABLE t ADD c INT; SELECT 2 /*!DROP TABLE users', target],
    // mysqldump style: a chunk starts inside `/*!50001 …` and holds its `*/`
    ['/*!40101 SET NAMES utf8 */;\n/*!50001 CREATE VIEW v AS SELECT 1 */;\n/*!40000 ALTER TABLE t DISABLE KEYS */;', target],
    // an executable comment spanning statements
    ['/*!40101 SET @a = 1; ALTER TABLE t ADD COLUMN c INT NOT NULL */;\nSELECT 1;', target],
    ["/*!50000 SELECT 1; ALTER TABLE t DROP COLUMN 'x */' */; DROP TABLE t;", target],
    ['/*M!100100 ALTER TABLE t ADD c INT; ALTER TABLE t DROP COLUMN d */;', mariadb],
    [DUMP, target],
    // a statement that splits differently alone (`--no` is no comment; USE then is no statement start)
    ['INSERT INTO t VALUES (1); --no space\nUSE db\nSELECT 1;', target],
    // a PREPARE'd variable set by an unterminated statement at the end of the file
    ["PREPARE s FROM @q;\nSET @q = 'ALTER TABLE o DROP COLUMN x", target],
    // a directive above a multi-line statement covers findings on its later lines
    ['-- lockstep-disable-next-line drop-column\nALTER TABLE users\n  DROP COLUMN legacy;\n', target],
    // a quote, backtick or comment never closed, and a custom delimiter never ended, run to the end of the file
    ["ALTER TABLE t ADD c INT;\nSELECT 'abc;\nDROP TABLE users;\n", target],
    ['ALTER TABLE t ADD c INT;\nSELECT "abc\\";\nDROP TABLE users;', target],
    ['ALTER TABLE t ADD c INT;\nDROP TABLE `users;\nDROP TABLE x;\n', target],
    ['ALTER TABLE t ADD c INT;\n/* oops\nDROP TABLE users;\n', target],
    ['ALTER TABLE t ADD c INT /* oops\nDROP TABLE users;', target],
    ['ALTER TABLE t ADD c INT;\nDELIMITER $$\nDROP TABLE users;\nDROP TABLE x;\n', target],
    ['DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nALTER TABLE t ADD c INT;\nDROP TABLE x; /* end\n', target],
    ["/*!40101 SET NAMES utf8 */;\n/*!50001 CREATE VIEW v AS SELECT 'x */;\nDROP TABLE users;", target],
    ['SELECT 1; /*!99999 DROP TABLE users;', target],
  ];
  const failures: string[] = [];
  for (const [text, t] of inputs) await checkCase({ name: 'regression', text, options: { target: t } }, failures);

  const six = `${SIX.slice(0, 3).join('\n')}\nUSE db\n${SIX.slice(3).join('\n')}\n`;
  const edits: Array<[string, string[]]> = [
    // a `#` comments out a delimiter: the statement runs on past the re-split window
    ['comment hides a delimiter', [six, six.replace('c2 INT;', 'c2 INT#;')]],
    ['comment hides a delimiter and back', [six, six.replace('c2 INT;', 'c2 INT -- ;'), six]],
    // edits in a dump: inside, removing and adding the closing marker of a multi-statement executable comment
    ['typed in an executable comment', [DUMP, DUMP.replace('ADD c3', 'ADD  c3')]],
    ['closing marker removed and added', [DUMP, DUMP.replace('e */;', 'e ;'), DUMP]],
    ['closing marker typed', [DUMP, DUMP.replace('c2 INT', 'c2 */ INT')]],
    // a quote, backtick or comment typed and closed again in the middle of a file
    ['quote typed and closed', [six, six.replace('c2 INT;', "c2 INT DEFAULT 'x;"), six.replace('c2 INT;', "c2 INT DEFAULT 'x';")]],
    ['backtick typed and closed', [six, six.replace('TABLE c', 'TABLE `c'), six.replace('TABLE c', 'TABLE `c`'), six]],
    ['comment opened and closed', [six, six.replace('USE db', '/* USE db'), six.replace('USE db', '/* USE db */'), six]],
  ];
  for (const [name, texts] of edits) await checkWalk(name, texts, { target }, failures);
  assertNone(failures);
});

test('incremental analysis equals analyzeFile through random edits of a mixed file', async () => {
  const random = rng(11);
  const pieces = ["'", '"', '`', ';', '\n', '-- ', '#', '/*', '*/', '/*!50000 ', '*/;', 'BEGIN ', 'END;', 'DELIMITER $$\n', '\nDELIMITER ;\n', 'USE db\n', '\\G', 'x', ' ', 'ALTER TABLE t1 ADD COLUMN z INT NOT NULL;', "SET @v = 'ALTER TABLE t1 DROP COLUMN c';", 'PREPARE s FROM @v;', '-- lockstep-disable-next-line\n'];
  const failures: string[] = [];
  let edits = 0;
  for (const [r, label] of ['mysql-8.0', 'mariadb-10.11', 'mysql-5.7', 'mysql-8.0'].entries()) {
    const options: AnalyzeOptions = { target: parseTarget(label)! };
    let text = Array.from({ length: 12 }, (_, k) => SEEDS[(r * 5 + k * 7) % SEEDS.length]).join('\n');
    const texts = [text];
    for (let e = 0; e < 30; e++) {
      const at = Math.floor(random() * (text.length + 1));
      text = random() < 0.25 ? text.slice(0, at) + text.slice(at + Math.floor(random() * 30)) : text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
      texts.push(text);
    }
    edits += texts.length;
    await checkWalk(`random edits ${r} (${label})`, texts, options, failures);
  }
  console.log(`incremental equivalence: ${edits} texts compared along edit sequences`);
  assertNone(failures);
});

test('incremental analysis equals analyzeFile on mutated fuzz inputs', async () => {
  const random = rng(7_3_2024);
  const targets = ['mysql-8.0', 'mariadb-10.11', 'mysql-5.7'].map((l) => parseTarget(l)!);
  // one analyzer per target through all its inputs: each analysis reuses what the previous left
  const walkers = targets.map(() => new IncrementalAnalyzer());
  const count = 600;
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = mutate(SEEDS[i % SEEDS.length], random);
    const options: AnalyzeOptions = { target: targets[i % targets.length] };
    const c: Case = { name: `fuzz #${i}`, text, options };
    const batch = analyzeFile(PATH, text, options);
    for (const d of [await disagreement(c, batch, new IncrementalAnalyzer(), 'fresh'), await disagreement(c, batch, walkers[i % targets.length], 'after the previous input')]) {
      if (d !== undefined) failures.push(d);
    }
  }
  console.log(`incremental equivalence: ${count} fuzz inputs compared`);
  assertNone(failures);
});

test('incremental analysis equals analyzeFile where one statement text occurs many times, through edits', async () => {
  // the same UPDATE and ALTER in many places, each under another session setting and table state:
  // every occurrence is cached on its own, and edits anywhere shift which occurrence is which
  const repeated = ['UPDATE orders SET status = 1 WHERE status IS NULL;', 'ALTER TABLE orders ADD INDEX idx_status (status);', 'ALTER TABLE orders DROP COLUMN legacy;'];
  const parts: string[] = ['CREATE TABLE orders (id INT PRIMARY KEY, status INT, legacy INT);'];
  for (let k = 0; k < 12; k++) {
    parts.push(repeated[k % repeated.length]);
    if (k % 4 === 1) parts.push(`SET SESSION lock_wait_timeout = ${k + 1};`);
    if (k % 5 === 2) parts.push(`ALTER TABLE orders ADD COLUMN legacy INT, ADD COLUMN c${k} INT NOT NULL;`);
    if (k % 3 === 0) parts.push('-- a comment between statements');
  }
  const base = `${parts.join('\n')}\n`;
  const options: AnalyzeOptions = { target: parseTarget('mysql-8.0')! };
  const random = rng(42);
  const pieces = ['x', ';', '\n', '-- ', repeated[0], repeated[1], 'SET SESSION lock_wait_timeout = 3;', 'ALTER TABLE orders ADD COLUMN legacy INT;\n'];
  const texts = [base];
  let text = base;
  for (let e = 0; e < 40; e++) {
    const at = Math.floor(random() * (text.length + 1));
    text = random() < 0.3 ? text.slice(0, at) + text.slice(at + Math.floor(random() * 20)) : text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
    texts.push(text);
  }
  texts.push(base);
  const failures: string[] = [];
  await checkWalk('repeated statements', texts, options, failures);
  assertNone(failures);
});

test('incremental analysis equals analyzeFile through edits to what whole-file rules look at elsewhere', async () => {
  // rules whose findings depend on other statements (a column added earlier, the ADD COLUMN that
  // follows a DROP COLUMN, the first rewrite of a table and whether the two can be merged) are
  // reused while what they read there is unchanged: edits here add, remove, move and change those
  // other statements, and the lines and text between them
  const target = parseTarget('mysql-8.0')!;
  const catalog = emptyCatalog();
  const schema = [
    'CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(100), legacy INT, age INT);',
    'CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, total INT, note TEXT, FOREIGN KEY (user_id) REFERENCES users (id));',
  ].join('\n');
  for (const st of parseFile(schema, { target })) applyStatement(catalog, st, 'V0__schema.sql');
  const base = [
    'ALTER TABLE users MODIFY COLUMN name VARCHAR(20);',
    'ALTER TABLE users DROP COLUMN legacy;',
    'ALTER TABLE orders MODIFY COLUMN note VARCHAR(200);',
    'ALTER TABLE users ADD COLUMN legacy BIGINT;',
    'ALTER TABLE users RENAME COLUMN email TO mail;',
    'ALTER TABLE orders CHANGE COLUMN total amount INT;',
    'ALTER TABLE users MODIFY COLUMN age BIGINT;',
    'ALTER TABLE orders DROP COLUMN note, ADD COLUMN memo TEXT;',
    'ALTER TABLE users ADD COLUMN nick VARCHAR(10);',
    '',
  ].join('\n');
  const options: AnalyzeOptions = { target, catalog };
  const scripted = [
    base,
    // an earlier ADD of the renamed and dropped columns
    base.replace('ALTER TABLE users DROP COLUMN legacy;', 'ALTER TABLE users ADD COLUMN mail2 INT;\nALTER TABLE users DROP COLUMN legacy;'),
    base.replace('ALTER TABLE users MODIFY COLUMN name', 'ALTER TABLE users ADD COLUMN email2 INT;\nALTER TABLE users MODIFY COLUMN name'),
    // a statement on the table between the first and the second rewrite (no merge fix then)
    base.replace('ALTER TABLE users RENAME', "UPDATE users SET name = 'x' WHERE id = 1;\nALTER TABLE users RENAME"),
    // lines added above the first rewrite, and between the two
    `-- header\n\n${base}`,
    base.replace('ALTER TABLE orders MODIFY', '\n\nALTER TABLE orders MODIFY'),
    // the matching ADD COLUMN gets another type, another name, a default; moves; goes away
    base.replace('ADD COLUMN legacy BIGINT', 'ADD COLUMN legacy INT DEFAULT 0'),
    base.replace('ADD COLUMN legacy BIGINT', 'ADD COLUMN legacy_v2 INT'),
    base.replace('ALTER TABLE users ADD COLUMN legacy BIGINT;\n', '').replace('ADD COLUMN nick', 'ADD COLUMN legacy BIGINT, ADD COLUMN nick'),
    base.replace('ALTER TABLE users ADD COLUMN legacy BIGINT;\n', ''),
    // a later ADD COLUMN of the same length becomes one of the dropped column's type
    base.replace('ALTER TABLE users ADD COLUMN legacy BIGINT;\n', '').replace('nick VARCHAR(10)', 'nick BIT'),
    base.replace('ALTER TABLE users ADD COLUMN legacy BIGINT;\n', '').replace('nick VARCHAR(10)', 'nick INT'),
    // the first rewrite removed, then made instant
    base.replace('ALTER TABLE users MODIFY COLUMN name VARCHAR(20);\n', ''),
    base.replace('MODIFY COLUMN name VARCHAR(20)', 'ADD COLUMN name2 INT'),
    base,
  ];
  const random = rng(2026);
  const pieces = ['x', ' ', '\n', '-- c\n', 'ALTER TABLE users ADD COLUMN legacy INT;\n', 'ALTER TABLE users MODIFY COLUMN age INT;\n', 'ALTER TABLE users ADD COLUMN mail INT;\n', "UPDATE users SET age = 1;\n", 'users', 'orders'];
  const texts = [...scripted];
  let text = base;
  for (let e = 0; e < 40; e++) {
    const at = Math.floor(random() * (text.length + 1));
    text = random() < 0.25 ? text.slice(0, at) + text.slice(at + Math.floor(random() * 15)) : text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
    texts.push(text);
  }
  texts.push(base);
  const failures: string[] = [];
  await checkWalk('whole-file rule dependencies', texts, options, failures);
  // the same walk where the rules see the tables as created in this file's release
  await checkWalk('whole-file rule dependencies, new tables', texts, { ...options, newTables: new Set(['orders']) }, failures);
  // each finding these rules report shows up at least once along the walk, so their reuse is exercised
  const seen = new Set(texts.flatMap((t) => analyzeFile(PATH, t, options).findings.map((f) => f.rule)));
  for (const id of ['drop-column', 'rename-column', 'drop-and-add-column', 'multiple-alters-same-table']) assert.ok(seen.has(id), `no ${id} finding along the walk`);
  assertNone(failures);
});
