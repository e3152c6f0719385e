// The statement rewriting for the scratch schema and the clauses the measurement adds (no database).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFile, parseTarget, type Statement, type Target } from '../../server/src/engine';
import { withClause, withoutClauses } from '../../server/src/dryrun';
import { scratchSql, withNowait } from '../../server/src/dryrun/sql';

const TARGET = parseTarget('mariadb-10.11') as Target;

function statement(sql: string): Statement {
  return parseFile(sql, { target: TARGET })[0];
}

test('qualifiers naming the user database are dropped; any other schema is refused', () => {
  assert.deepEqual(scratchSql(statement('ALTER TABLE app.t ADD COLUMN c INT'), 'app'), { sql: 'ALTER TABLE t ADD COLUMN c INT' });
  assert.deepEqual(scratchSql(statement('INSERT INTO `app`.t SELECT * FROM app.u'), 'app'), { sql: 'INSERT INTO t SELECT * FROM u' });
  assert.deepEqual(scratchSql(statement('UPDATE t JOIN u ON t.id = u.id SET t.a = 1'), 'app'), { sql: 'UPDATE t JOIN u ON t.id = u.id SET t.a = 1' });
  for (const sql of ['ALTER TABLE other.t ADD c INT', 'CREATE INDEX i ON other.t (a)', 'RENAME TABLE t TO other.t', 'ALTER TABLE t RENAME TO other.t', 'INSERT INTO t SELECT * FROM other.u', 'CREATE TABLE c (p INT, FOREIGN KEY (p) REFERENCES other.p (id))']) {
    const r = scratchSql(statement(sql), 'app');
    assert.ok('error' in r && /names the schema `other`/.test(r.error), sql);
  }
});

test('ALGORITHM/LOCK clauses: the statement own ones are replaced, placed where the server takes them', () => {
  assert.equal(withClause('ALTER TABLE t ADD c INT', 'ALGORITHM=INSTANT, LOCK=NONE'), 'ALTER TABLE t ADD c INT, ALGORITHM=INSTANT, LOCK=NONE');
  assert.equal(withClause('ALTER TABLE t ADD c INT, ALGORITHM=COPY, LOCK=SHARED', 'ALGORITHM=INSTANT, LOCK=NONE'), 'ALTER TABLE t ADD c INT, ALGORITHM=INSTANT, LOCK=NONE');
  assert.equal(withClause('ALTER TABLE t ALGORITHM=INPLACE, ADD c INT', 'ALGORITHM=NOCOPY, LOCK=NONE'), 'ALTER TABLE t  ADD c INT, ALGORITHM=NOCOPY, LOCK=NONE');
  assert.equal(withClause('ALTER ONLINE TABLE t ADD c INT', 'ALGORITHM=COPY, LOCK=SHARED'), 'ALTER TABLE t ADD c INT, ALGORITHM=COPY, LOCK=SHARED');
  assert.equal(withClause('CREATE INDEX i ON t (a) LOCK=NONE', 'ALGORITHM=INPLACE, LOCK=SHARED'), 'CREATE INDEX i ON t (a) ALGORITHM=INPLACE  LOCK=SHARED');
  assert.equal(withClause('ALTER TABLE t PARTITION BY HASH(id) PARTITIONS 2', 'ALGORITHM=COPY, LOCK=SHARED'), 'ALTER TABLE t ALGORITHM=COPY, LOCK=SHARED PARTITION BY HASH(id) PARTITIONS 2');
  assert.equal(withoutClauses('ALTER TABLE t ADD `lock` INT, LOCK = NONE'), 'ALTER TABLE t ADD `lock` INT');
});

test('NOWAIT goes where MariaDB takes it', () => {
  const nowait = (sql: string) => withNowait(statement(sql), sql);
  assert.equal(nowait('ALTER TABLE t ADD c INT'), 'ALTER TABLE t NOWAIT ADD c INT');
  assert.equal(nowait('CREATE UNIQUE INDEX i ON t (a)'), 'CREATE UNIQUE INDEX i NOWAIT ON t (a)');
  assert.equal(nowait('DROP INDEX i ON t'), 'DROP INDEX i ON t NOWAIT');
  assert.equal(nowait('ALTER TABLE t WAIT 5 ADD c INT'), undefined);
});
