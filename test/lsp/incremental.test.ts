// The language server's incremental analysis must report exactly what the engine's analyzeFile
// (and so the CLI) reports, after any sequence of edits, while reusing unchanged statements.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFile, IncrementalAnalyzer, parseTarget, type AnalyzeOptions, type Catalog, type FileAnalysis } from '../../server/src/engine';
import { generateMigration } from '../../bench/generate';
import { ChunkPlanner } from '../../server/src/engine/incremental/chunks';

const target = parseTarget('mysql-8.0')!;

const FILE = [
  'CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL);',
  "-- the login table; 'quoted; semicolon' in a comment",
  'ALTER TABLE users ADD COLUMN nickname VARCHAR(40) NOT NULL;',
  'SET SESSION lock_wait_timeout = 5;',
  'ALTER TABLE users DROP COLUMN legacy;',
  "INSERT INTO accounts VALUES (1, 'a;b');",
  'UPDATE users SET nickname = name;',
  'ALTER TABLE accounts ADD COLUMN created DATETIME NOT NULL;',
  'CREATE INDEX idx_email ON users (email);',
  'ALTER TABLE users MODIFY name VARCHAR(300);',
  'ALTER TABLE users ADD CONSTRAINT fk_a FOREIGN KEY (account_id) REFERENCES accounts (id);',
  'DROP TABLE old_sessions;',
  'CREATE TABLE logs (msg TEXT);',
  '',
].join('\n');

function comparable(a: FileAnalysis): unknown {
  return {
    findings: a.findings,
    statements: a.statements.map((s) => ({ span: s.statement.span, kind: s.statement.kind, index: s.statement.index, prediction: s.prediction })),
    tables: [...a.catalogAfter.tables.keys()].sort(),
  };
}

async function assertSame(analyzer: IncrementalAnalyzer, text: string, options: AnalyzeOptions, catalogVersion = 'v0') {
  const incremental = await analyzer.analyze({ path: 'db/V2__change.sql', text, options, catalogVersion });
  assert.ok(incremental, 'the analysis was not cancelled');
  const full = analyzeFile('db/V2__change.sql', text, options);
  assert.deepEqual(comparable(incremental), comparable(full));
  return incremental;
}

test('a file is cut into one chunk per statement, each parsed with the delimiter in force', () => {
  const text = "SELECT 'a;b'; -- c;d\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN ALTER TABLE t ADD c INT; END $$\nDELIMITER ;\nSELECT 1";
  const chunks = new ChunkPlanner().plan(text, target);
  assert.deepEqual(
    chunks.map((c) => text.slice(c.start, c.end)),
    ["SELECT 'a;b'; -- c;d\nDELIMITER $$\n", 'CREATE PROCEDURE p() BEGIN ALTER TABLE t ADD c INT; END $$\nDELIMITER ;\n', 'SELECT 1'],
  );
  assert.equal(chunks[1].input.slice(0, chunks[1].offset), 'DELIMITER $$\n');
  assert.equal(chunks[2].offset, 0);
});

test('incremental analysis equals analyzeFile on a fresh file and after edits', async () => {
  const analyzer = new IncrementalAnalyzer();
  const options: AnalyzeOptions = { target };
  const first = await assertSame(analyzer, FILE, options);
  assert.ok(first.findings.length > 0, 'the sample file has findings');
  assert.equal(first.reusedStatements, 0);

  // a character typed in the middle: everything else is reused
  const mid = FILE.indexOf('nickname = name');
  const typed = `${FILE.slice(0, mid)}x${FILE.slice(mid)}`;
  const second = await assertSame(analyzer, typed, options);
  assert.ok(second.reusedStatements >= second.statements.length - 2, `reused ${second.reusedStatements} of ${second.statements.length}`);

  // a statement inserted at the top moves every offset; a table created earlier changes later verdicts
  await assertSame(analyzer, `CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(100), account_id BIGINT, legacy INT);\n${typed}`, options);
  // the session setting removed: statements after it see a different session
  await assertSame(analyzer, typed.replace('SET SESSION lock_wait_timeout = 5;', ''), options);
  // a comment opened and never closed swallows the rest of the file
  await assertSame(analyzer, typed.replace('DROP TABLE', '/* DROP TABLE'), options);
  await assertSame(analyzer, typed, options);
  // and back to empty
  await assertSame(analyzer, '', options);
});

test('incremental analysis equals analyzeFile against a catalog of earlier migrations', async () => {
  const earlier = analyzeFile('db/V1__init.sql', 'CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(100), legacy INT, account_id BIGINT);', { target });
  const catalog: Catalog = earlier.catalogAfter;
  const analyzer = new IncrementalAnalyzer();
  await assertSame(analyzer, FILE, { target, catalog }, 'v1');
  await assertSame(analyzer, FILE.replace('VARCHAR(300)', 'VARCHAR(30)'), { target, catalog }, 'v1');
  // the earlier migration changed: same text, another catalog
  const changed = analyzeFile('db/V1__init.sql', 'CREATE TABLE users (id INT PRIMARY KEY, name TEXT);', { target }).catalogAfter;
  await assertSame(analyzer, FILE, { target, catalog: changed }, 'v2');
});

test('rule severities and the target are honoured, and changing them re-checks everything', async () => {
  const analyzer = new IncrementalAnalyzer();
  await assertSame(analyzer, FILE, { target, rules: { 'drop-column': 'off', 'add-index': 'error' } });
  await assertSame(analyzer, FILE, { target: parseTarget('mariadb-10.11')!, rules: { 'drop-column': 'off' } });
});

test('statements inside routine bodies and PREPARE strings are analyzed like the CLI does', async () => {
  const text = [
    'DELIMITER $$',
    'CREATE PROCEDURE upgrade() BEGIN',
    '  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = "c") THEN',
    '    ALTER TABLE users ADD COLUMN c INT NOT NULL;',
    '  END IF;',
    'END $$',
    'DELIMITER ;',
    "SET @s = 'ALTER TABLE users DROP COLUMN d';",
    'PREPARE stmt FROM @s;',
    'EXECUTE stmt;',
  ].join('\n');
  const analyzer = new IncrementalAnalyzer();
  await assertSame(analyzer, text, { target });
  await assertSame(analyzer, text.replace('DROP COLUMN d', 'DROP COLUMN e'), { target });
});

test('the benchmark migration (routines, PREPARE, DML) stays equal through random edits', async () => {
  let text = generateMigration(300);
  const analyzer = new IncrementalAnalyzer();
  await assertSame(analyzer, text, { target });
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const inserts = ['x', ' ', ';', "'", '\n', 'NOT NULL', '/*', '*/', 'DELIMITER $$\n', 'END', 'ALTER TABLE table_1 ADD COLUMN z INT;'];
  for (let e = 0; e < 25; e++) {
    const at = random(text.length);
    text = e % 4 === 3 ? text.slice(0, at) + text.slice(at + random(40)) : text.slice(0, at) + inserts[random(inserts.length)] + text.slice(at);
    await assertSame(analyzer, text, { target });
  }
});

test('a cancelled analysis returns nothing and leaves the caches usable', async () => {
  const analyzer = new IncrementalAnalyzer();
  const big = Array.from({ length: 400 }, (_, i) => `ALTER TABLE t${i % 7} ADD COLUMN c${i} INT;`).join('\n');
  const cancelled = await analyzer.analyze({ path: 'a.sql', text: big, options: { target }, catalogVersion: 'v', isCancelled: () => true, sliceMs: 0 });
  assert.equal(cancelled, undefined);
  await assertSame(analyzer, big, { target }, 'v');
});
