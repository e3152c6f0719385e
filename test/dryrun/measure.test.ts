// The measured algorithms are what the server does: each statement's measured ALGORITHM/LOCK is
// accepted when run directly on an independent copy of the table, and the next better algorithm is
// refused there. The user's real table is untouched (checksum + SHOW CREATE TABLE) and no scratch
// schema is left, also when a statement of the file fails.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type { Connection } from 'mysql2/promise';
import { DryRunError, runDryRun } from '../../server/src/dryrun';
import { fingerprint, leftovers, rows, scratchFromProgress, userDb } from './fixture';

const TABLE = 'CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, a INT NOT NULL, b VARCHAR(40) NOT NULL, pid INT NULL, CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id)) ENGINE=InnoDB';
const SETUP = [
  'CREATE TABLE p (id INT PRIMARY KEY) ENGINE=InnoDB',
  'INSERT INTO p VALUES (1), (2)',
  TABLE,
  "INSERT INTO t (a, b, pid) SELECT seq, CONCAT('row ', seq), 1 + seq % 2 FROM seq_1_to_2500",
];

// [statement, expected on MariaDB 10.11 (algorithm, lock, rebuild)]
const CASES: [string, string, string, boolean][] = [
  ['ALTER TABLE t ADD COLUMN c INT NULL', 'INSTANT', 'NONE', false],
  ['ALTER TABLE t ADD INDEX idx_a (a)', 'NOCOPY', 'NONE', false],
  ['ALTER TABLE t MODIFY b VARCHAR(20) NOT NULL', 'COPY', 'SHARED', true],
  ['ALTER TABLE t FORCE', 'INPLACE', 'NONE', true],
  ['CREATE INDEX idx_b ON t (b)', 'NOCOPY', 'NONE', false],
  ['ALTER TABLE t DROP FOREIGN KEY fk_p', 'INSTANT', 'NONE', false],
];
const ORDER = ['INSTANT', 'NOCOPY', 'INPLACE', 'COPY'];

function clause(sql: string, algorithm: string, lock: string): string {
  return /^CREATE INDEX/i.test(sql) ? `${sql} ALGORITHM=${algorithm} LOCK=${lock}` : `${sql}, ALGORITHM=${algorithm}, LOCK=${lock}`;
}

/** `truth` rebuilt as t was before statement i (the earlier statements applied), then `sql` on it */
async function onTruth(conn: Connection, before: string[], sql: string): Promise<{ ok: boolean; errno?: number }> {
  await conn.query('SET SESSION foreign_key_checks = 0');
  await conn.query('DROP TABLE IF EXISTS truth');
  await conn.query(TABLE.replace('CREATE TABLE t ', 'CREATE TABLE truth ').replace('CONSTRAINT fk_p', 'CONSTRAINT fk_truth'));
  await conn.query('INSERT INTO truth SELECT id, a, b, pid FROM t');
  await conn.query('SET SESSION foreign_key_checks = 1');
  const onTable = (s: string) => s.replace(/\bt\b/, 'truth').replace('fk_p', 'fk_truth');
  for (const s of before) await conn.query(onTable(s));
  try {
    await conn.query(onTable(sql));
    return { ok: true };
  } catch (err) {
    return { ok: false, errno: (err as { errno?: number }).errno };
  }
}

test('measured algorithm, lock and rebuild equal what the server does; the real table is untouched', async (t) => {
  const db = await userDb(t, SETUP);
  if (!db) return;
  const before = await fingerprint(db.conn, db.name, 't');
  const text = `${CASES.map((c) => `${c[0]};`).join('\n')}\nALTER TABLE t DROP COLUMN no_such_column;\nALTER TABLE t ADD COLUMN after_failure INT NULL;\n`;
  const started = Date.now();
  const report = await runDryRun({ connection: { url: db.url }, text, path: 'm.sql' });
  t.diagnostic(`dry-run of ${CASES.length + 2} statements: ${Date.now() - started} ms`);

  assert.equal(report.server.flavor, 'mariadb');
  assert.equal(report.mode, 'full');
  assert.equal(report.statements.length, CASES.length + 2);
  assert.deepEqual(await fingerprint(db.conn, db.name, 't'), before, 'the real table changed');
  assert.ok(report.scratchSchema);
  assert.deepEqual(await leftovers(db.conn, report.scratchSchema), [], 'scratch schema left behind');

  // the independent check: on a copy of its own, the server accepts the measured clause and refuses the better algorithm
  for (const [i, [sql, algorithm, lock, rebuild]] of CASES.entries()) {
    const s = report.statements[i];
    assert.equal(s.error, null, `${sql}: ${s.error}`);
    assert.deepEqual(s.measured && { algorithm: s.measured.algorithm, lock: s.measured.lock, rebuild: s.measured.rebuild }, { algorithm, lock, rebuild }, sql);
    assert.equal(s.disagreement, null, `${sql}: ${s.disagreement}`);
    assert.deepEqual(s.predicted, { algorithm, lock, rebuild }, sql);
    const earlier = CASES.slice(0, i).map((c) => c[0]);
    assert.ok((await onTruth(db.conn, earlier, clause(sql, algorithm, lock))).ok, `server refuses ${algorithm}/${lock} for ${sql}`);
    const better = ORDER[ORDER.indexOf(algorithm) - 1];
    if (better) {
      const refused = await onTruth(db.conn, earlier, clause(sql, better, 'NONE'));
      assert.equal(refused.ok, false, `server accepts ${better} for ${sql}`);
      assert.ok(s.measured?.messages.some((m) => m.includes(`ALGORITHM=${better}`) || m.startsWith(String(refused.errno))), `${sql}: the refusal message is reported`);
    }
  }
  await db.conn.query('DROP TABLE truth');

  const failing = report.statements[CASES.length];
  assert.match(failing.error ?? '', /1091|no_such_column/);
  assert.equal(failing.measured, null);
  const after = report.statements[CASES.length + 1];
  assert.equal(after.error, null, 'the statement after a failing one still runs');
  assert.equal(after.measured?.algorithm, 'INSTANT');
  const facts = report.statements[0].tableFacts;
  assert.ok(facts);
  assert.equal(facts.rows, 2500);
  assert.equal(facts.engine, 'InnoDB');
  assert.equal(facts.hasFulltext, false);
  assert.equal(facts.totalRowVersions, null);
  assert.ok(facts.estimatedRebuildSeconds !== null && facts.estimatedRebuildSeconds > 0);
  assert.ok(report.notes.some((n) => /performance_schema/.test(n)), 'the note on performance_schema');
});

test('a file that creates a table runs in order on the scratch copies; a statement naming another schema is refused', async (t) => {
  const db = await userDb(t, ['CREATE TABLE t (id INT PRIMARY KEY)']);
  if (!db) return;
  const text = [
    'SET GLOBAL max_connections = 1;',
    'CREATE TABLE fresh (id INT PRIMARY KEY, v INT) ENGINE=InnoDB;',
    'INSERT INTO fresh VALUES (1, 1);',
    'ALTER TABLE fresh ADD COLUMN w INT NULL;',
    `ALTER TABLE ${db.name}.t ADD COLUMN q INT NULL;`,
    'ALTER TABLE mysql.user ADD COLUMN evil INT;',
  ].join('\n');
  const report = await runDryRun({ connection: { url: db.url }, text, sampleRows: 0 });
  const [create, alter, qualified, other] = report.statements;
  assert.equal(create.error, null);
  assert.equal(alter.measured?.algorithm, 'INSTANT');
  assert.equal(qualified.error, null, 'the user database qualifier is dropped');
  assert.equal(qualified.measured?.algorithm, 'INSTANT');
  assert.match(other.error ?? '', /names the schema `mysql`/);
  assert.equal(other.measured, null);
  assert.ok(report.notes.some((n) => /SET GLOBAL/.test(n)), 'SET GLOBAL is not run');
  const cols = await rows(db.conn, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 't'", [db.name]);
  assert.deepEqual(cols.map((c) => c.COLUMN_NAME), ['id']);
  const tables = await rows(db.conn, 'SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [db.name]);
  assert.deepEqual(tables.map((r) => r.TABLE_NAME), ['t'], 'nothing created in the user database');
  assert.deepEqual(await leftovers(db.conn, report.scratchSchema ?? ''), []);
});

test("scratch schemas of crashed runs (older than a few minutes) are dropped at the next connect; a running one's are not", async (t) => {
  const db = await userDb(t, ['CREATE TABLE t (id INT PRIMARY KEY)']);
  if (!db) return;
  const hex = () => randomBytes(4).toString('hex');
  const old = `lockstep_dryrun_${Math.floor(Date.now() / 1000 - 3600).toString(36)}_${hex()}`;
  const recent = `lockstep_dryrun_${Math.floor(Date.now() / 1000 - 30).toString(36)}_${hex()}`;
  for (const s of [old, `${old}_try`, recent]) await db.conn.query(`CREATE DATABASE \`${s}\``);
  db.cleanup(() => db.conn.query(`DROP DATABASE IF EXISTS \`${recent}\``));
  const report = await runDryRun({ connection: { url: db.url }, text: 'ALTER TABLE t ADD c INT;' });
  assert.deepEqual(await leftovers(db.conn, old), []);
  assert.deepEqual(await leftovers(db.conn, recent), [recent], 'a concurrent run is left alone');
  assert.ok(report.notes.some((n) => n.includes(old) && /interrupted dry-run/.test(n)), report.notes.join('\n'));
  assert.deepEqual(await rows(db.conn, 'SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [db.name]).then((r) => r.length), 1, 'the test database is not a leftover');
});

test('an aborted dry-run rejects as cancelled and still drops its scratch schemas', async (t) => {
  const db = await userDb(t, ['CREATE TABLE t (id INT PRIMARY KEY, a INT)']);
  if (!db) return;
  const controller = new AbortController();
  const progress: string[] = [];
  const run = runDryRun(
    { connection: { url: db.url }, text: 'ALTER TABLE t ADD c INT;\nALTER TABLE t MODIFY a BIGINT;' },
    {
      signal: controller.signal,
      onProgress: (m) => {
        progress.push(m);
        if (/measuring/.test(m)) controller.abort();
      },
    },
  );
  await assert.rejects(run, (err: unknown) => err instanceof DryRunError && err.kind === 'cancelled');
  const scratch = scratchFromProgress(progress);
  assert.ok(scratch);
  assert.deepEqual(await leftovers(db.conn, scratch), []);
});

test('partition maintenance: re-created partitions agree with a prediction of partitions only, and dropping a RANGE partition re-creates none', async (t) => {
  const db = await userDb(t, [
    'CREATE TABLE ev (id INT NOT NULL, y INT NOT NULL, PRIMARY KEY (id, y)) ENGINE=InnoDB PARTITION BY RANGE (y) (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN (3000), PARTITION p2 VALUES LESS THAN (4000))',
    'INSERT INTO ev SELECT seq, 1500 + seq % 2000 FROM seq_1_to_600',
  ]);
  if (!db) return;
  const text = ['ALTER TABLE ev TRUNCATE PARTITION p0;', 'ALTER TABLE ev REBUILD PARTITION p1;', 'ALTER TABLE ev DROP PARTITION p2;'].join('\n');
  const report = await runDryRun({ connection: { url: db.url }, text, path: 'm.sql' });
  const [truncate, rebuild, drop] = report.statements;
  for (const [s, names] of [[truncate, ['p0']], [rebuild, ['p1']]] as const) {
    assert.equal(s.error, null, s.error ?? '');
    assert.equal(s.measured?.rebuild, true, 'the partition gets a new InnoDB table id');
    assert.equal(s.predicted?.rebuild, false, 'the table itself is not rebuilt');
    assert.deepEqual(s.predicted?.rewritesPartitions, names);
    assert.doesNotMatch(s.disagreement ?? '', /differs in .*(rebuil|partition)/, 'the re-created partitions are what was predicted');
  }
  // REBUILD PARTITION refuses every alter_algorithm but DEFAULT: run as written, only the rebuild measured
  assert.equal(rebuild.measured?.algorithm, 'DEFAULT');
  assert.ok(rebuild.measured?.messages.some((m) => /takes no ALGORITHM or LOCK/.test(m)));
  assert.equal(drop.error, null, drop.error ?? '');
  assert.equal(drop.measured?.rebuild, false);
  assert.doesNotMatch(drop.disagreement ?? '', /differs in .*(rebuil|partition)/);
  assert.deepEqual(await leftovers(db.conn, report.scratchSchema ?? ''), []);
});
