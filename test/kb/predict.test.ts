// Unit tests of predict() on hand-built statements: the cases the live oracle cannot reach
// (other targets, session settings, missing catalog entries, inputs that must not throw).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { predict } from '../../server/src/engine/kb/predict';
import { analyzeFile } from '../../server/src/engine/analyze';
import { applyStatement, emptyCatalog } from '../../server/src/engine/catalog/apply';
import { parseFile } from '../../server/src/engine/parse/index';
import { initialSession } from '../../server/src/engine/session';
import { parseTarget } from '../../server/src/engine/targets';
import type { SessionState, Target } from '../../server/src/engine/types';
import { alter, catalog, column, index, op, statement, table, type } from './build';

const MARIA = parseTarget('mariadb-10.11')!;
const MARIA_114 = parseTarget('mariadb-11.4')!;
const MARIA_103 = parseTarget('mariadb-10.3')!;
const MYSQL = parseTarget('mysql-8.0')!;
const SESSION = initialSession();

const users = table('t', [column('id', type('INT'), { nullable: false }), column('a', type('INT')), column('name', type('VARCHAR', { length: 63 }))], {
  indexes: [index('PRIMARY', ['id'], 'primary')],
  options: { CHARSET: 'utf8mb4' },
});
const CAT = catalog(users);

function run(st: ReturnType<typeof alter>, target: Target = MARIA, session: SessionState = SESSION) {
  return predict(st, CAT, target, session);
}

test('no prediction for CREATE TABLE, DROP TABLE, DML and unparsed statements', () => {
  const create = statement('create-table', [op({ kind: 'create-table', columns: [], indexes: [], foreignKeys: [], checks: [], options: {}, ifNotExists: false, temporary: false, asSelect: false, partitioned: false })]);
  assert.equal(run(create), null);
  assert.equal(run(statement('drop-table', [op({ kind: 'drop-table', ifExists: false, temporary: false })])), null);
  assert.equal(run(statement('update', [])), null);
  assert.equal(run({ ...alter([op({ kind: 'force' })]), analyzed: false }), null);
  assert.equal(run(alter([])), null);
});

test('does not throw on a malformed operation', () => {
  const broken = op({ kind: 'modify-column', column: 'a', def: { name: 'a' } as never, via: 'modify' });
  assert.doesNotThrow(() => run(alter([broken])));
});

test('MariaDB 11.2+ runs COPY without a lock; 10.11 needs LOCK=SHARED', () => {
  const change = alter([op({ kind: 'modify-column', column: 'a', def: column('a', type('BIGINT')), via: 'modify' })]);
  assert.deepEqual([run(change)?.algorithm, run(change)?.lock], ['COPY', 'SHARED']);
  assert.deepEqual([run(change, MARIA_114)?.algorithm, run(change, MARIA_114)?.lock], ['COPY', 'NONE']);
  assert.equal(run(alter(change.operations, { algorithm: 'COPY', lock: 'NONE' }), MARIA_114)?.rejected, undefined);
  assert.match(run(alter(change.operations, { algorithm: 'COPY', lock: 'NONE' }))?.rejected ?? '', /^1846 LOCK=NONE/);
});

test('MariaDB 10.3 adds columns instantly only at the end', () => {
  const last = alter([op({ kind: 'add-column', column: column('c', type('INT')) })]);
  const first = alter([op({ kind: 'add-column', column: column('c', type('INT')), position: { first: true } })]);
  assert.equal(run(last, MARIA_103)?.algorithm, 'INSTANT');
  assert.deepEqual([run(first, MARIA_103)?.algorithm, run(first, MARIA_103)?.rebuild], ['INPLACE', true]);
  assert.equal(run(first)?.algorithm, 'INSTANT');
});

test("session alter_algorithm acts as the statement's ALGORITHM on MariaDB", () => {
  const addIndex = alter([op({ kind: 'add-index', index: index('ia', ['a']), via: 'alter' })]);
  assert.match(run(addIndex, MARIA, { ...SESSION, alterAlgorithm: 'INSTANT' })?.rejected ?? '', /^1846 ALGORITHM=INSTANT .*ADD INDEX/);
  assert.equal(run(addIndex, MARIA, { ...SESSION, alterAlgorithm: 'NOCOPY' })?.rejected, undefined);
  const rename = statement('rename-table', [op({ kind: 'rename-table', newName: 't2' })]);
  assert.equal(run(rename, MARIA, { ...SESSION, alterAlgorithm: 'INSTANT' })?.rejected, undefined, 'RENAME TABLE ignores alter_algorithm');
  const partition = alter([op({ kind: 'partition', action: 'drop', names: ['p0'] })]);
  assert.match(run(partition, MARIA, { ...SESSION, alterAlgorithm: 'INPLACE' })?.rejected ?? '', /Partition specific operations/);
  assert.equal(run(addIndex, MYSQL, { ...SESSION, alterAlgorithm: 'INSTANT' })?.rejected, undefined, 'MySQL has no alter_algorithm');
});

test('VARCHAR length bytes follow the character set', () => {
  const widen = (chars: number) => alter([op({ kind: 'modify-column', column: 'name', def: column('name', type('VARCHAR', { length: chars })), via: 'modify' })]);
  // utf8mb4: 63 chars = 252 bytes; 64 chars = 256 bytes crosses the 1-byte length prefix
  assert.equal(run(widen(63 + 0), MYSQL)?.algorithm, 'INSTANT', 'unchanged');
  assert.deepEqual([run(widen(64), MYSQL)?.algorithm, run(widen(64))?.algorithm], ['COPY', 'COPY']);
  const latin1 = catalog(table('t', [column('s', type('VARCHAR', { length: 255 }))], { options: { CHARSET: 'latin1' } }));
  const grow = (chars: number) => alter([op({ kind: 'modify-column', column: 's', def: column('s', type('VARCHAR', { length: chars })), via: 'modify' })]);
  assert.equal(predict(grow(255), latin1, MYSQL, SESSION)?.algorithm, 'INSTANT');
  assert.equal(predict(grow(256), latin1, MYSQL, SESSION)?.algorithm, 'COPY');
  assert.equal(predict(grow(254), latin1, MYSQL, SESSION)?.algorithm, 'COPY', 'shrinking');
});

test('a table missing from the catalog is predicted from the statement and says so', () => {
  const p = predict(alter([op({ kind: 'modify-column', table: 'ghost', column: 'a', def: column('a', type('INT')), via: 'modify' })]), CAT, MARIA, SESSION);
  assert.equal(p?.algorithm, 'COPY');
  assert.match(p?.reason ?? '', /not in the catalog/);
});

test('the reason names the operation that decides', () => {
  const st = alter([op({ kind: 'add-column', column: column('c', type('INT')) }), op({ kind: 'add-index', index: index('ic', ['c']), via: 'alter' }), op({ kind: 'set-default', column: 'a', default: { kind: 'literal', text: '1' } })]);
  const p = run(st);
  assert.deepEqual([p?.algorithm, p?.rebuild], ['INPLACE', true]);
  assert.match(p?.reason ?? '', /ADD COLUMN `c`.*ADD INDEX `ic`/);
});

test('foreign key checks decide how ADD FOREIGN KEY runs', () => {
  const fk = alter([op({ kind: 'add-foreign-key', fk: { columns: ['a'], refTable: 'p', refColumns: ['id'] } })]);
  assert.equal(run(fk)?.algorithm, 'COPY');
  assert.equal(run(fk, MARIA, { ...SESSION, foreignKeyChecks: false })?.algorithm, 'NOCOPY', 'creates the index');
  assert.equal(run(fk, MYSQL, { ...SESSION, foreignKeyChecks: false })?.algorithm, 'INPLACE');
});

test('the reason warns when the written algorithm is silently not what happens', () => {
  const partitionBy = alter([op({ kind: 'partition', action: 'partition-by' })], { algorithm: 'INSTANT' });
  const p = run(partitionBy);
  assert.equal(p?.rejected, undefined, 'MariaDB accepts ALGORITHM=INSTANT for PARTITION BY');
  assert.match(p?.reason ?? '', /copied anyway/);
  const addColumn = alter([op({ kind: 'add-column', column: column('c', type('INT')) })]);
  assert.match(run(addColumn, MARIA, { ...SESSION, alterAlgorithm: 'COPY' })?.reason ?? '', /alter_algorithm=COPY/);
});

test('the implicit clustered index: the prediction rebuilds where the drop-index finding says so', () => {
  for (const target of [MARIA, MYSQL]) {
    const earlier = 'CREATE TABLE s (token CHAR(64) NOT NULL, user_id INT, UNIQUE KEY uq_token (token), KEY idx_user (user_id));';
    const cat = emptyCatalog();
    for (const st of parseFile(earlier, { target })) applyStatement(cat, st, 'earlier.sql');
    const file = 'ALTER TABLE s DROP INDEX uq_token;\nALTER TABLE s DROP INDEX idx_user;\n';
    const result = analyzeFile('m.sql', file, { target, catalog: cat, rules: { 'drop-index': 'warning' }, settings: { tableRows: {} } });
    const [clustered, secondary] = result.statements.map((s) => s.prediction);
    const findings = result.findings.filter((f) => f.rule === 'drop-index');
    assert.match(findings[0].message, /clustered key/);
    assert.equal(clustered?.rebuild, true, target.label);
    assert.equal(clustered?.algorithm, 'COPY', target.label);
    assert.doesNotMatch(findings[1].message, /clustered/);
    assert.equal(secondary?.rebuild, false, target.label);
  }
});

test('MariaDB ORDER BY copies the table whatever ALGORITHM is asked for (measured); INPLACE and LOCK=NONE are refused', () => {
  const order = (ddl = {}) => alter([op({ kind: 'unknown-clause', text: 'ORDER BY a' })], ddl);
  const plain = run(order());
  assert.deepEqual([plain?.algorithm, plain?.lock, plain?.rebuild, plain?.rejected], ['COPY', 'SHARED', true, undefined]);
  assert.equal(run(order({ algorithm: 'INSTANT' }))?.rejected, undefined);
  assert.match(run(order({ algorithm: 'INSTANT' }))?.reason ?? '', /copied anyway/);
  assert.match(run(order({ algorithm: 'INPLACE' }))?.rejected ?? '', /^1845 ALGORITHM=INPLACE is not supported for this operation\. Try ALGORITHM=COPY/);
  assert.match(run(order({ lock: 'NONE' }))?.rejected ?? '', /^1846 LOCK=NONE/);
});

test('MariaDB DISCARD / IMPORT TABLESPACE: no rebuild, exclusive lock, and any ALGORITHM/LOCK clause is a syntax error', () => {
  const discard = alter([op({ kind: 'unknown-clause', text: 'DISCARD TABLESPACE' })]);
  const imported = alter([op({ kind: 'unknown-clause', text: 'IMPORT  TABLESPACE' })]);
  assert.deepEqual([run(discard)?.algorithm, run(discard)?.lock, run(discard)?.rebuild], ['INSTANT', 'EXCLUSIVE', false]);
  assert.match(run(discard)?.reason ?? '', /deletes the table's data file/);
  assert.deepEqual([run(imported)?.algorithm, run(imported)?.lock, run(imported)?.rebuild], ['INPLACE', 'EXCLUSIVE', false]);
  assert.match(run(alter(discard.operations, { algorithm: 'INPLACE' }))?.rejected ?? '', /^1064 /);
  // other text stays the conservative unknown clause
  assert.match(run(alter([op({ kind: 'unknown-clause', text: 'DISCARD PARTITION p0 TABLESPACE' })]))?.reason ?? '', /unrecognised clause/);
});
