// Blockers and the MDL impact preview against a real open transaction, and cleanup when the
// dry-run's connection is killed in the middle of the preview.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DryRunError, runDryRun } from '../../server/src/dryrun';
import { connect } from '../helpers/db';
import { fingerprint, leftovers, rows, scratchFromProgress, userDb } from './fixture';

const SETUP = ['CREATE TABLE t (id INT PRIMARY KEY, a INT) ENGINE=InnoDB', 'INSERT INTO t SELECT seq, seq FROM seq_1_to_200'];

test('an open transaction on the table is a blocker with its KILL, and the preview shows the queue it causes', async (t) => {
  const db = await userDb(t, SETUP);
  if (!db) return;
  const holder = await connect({ database: db.name });
  t.after(() => holder.destroy());
  await holder.query('START TRANSACTION');
  await holder.query('SELECT * FROM t LIMIT 1');
  const before = await fingerprint(db.conn, db.name, 't');

  const started = Date.now();
  const report = await runDryRun({ connection: { url: db.url }, text: 'ALTER TABLE t ADD COLUMN z INT NULL;', mdlPreview: true, lockWaitTimeout: 2 });
  t.diagnostic(`dry-run with MDL preview: ${Date.now() - started} ms`);
  const [s] = report.statements;

  const blocker = s.blockers.find((b) => b.connectionId === holder.threadId);
  assert.ok(blocker, `the holder ${holder.threadId} is listed: ${JSON.stringify(s.blockers)}`);
  assert.equal(blocker.kill, `KILL ${holder.threadId}`);
  assert.match(blocker.reason, /open transaction|metadata lock/);
  assert.ok(blocker.transactionAgeSeconds !== null && blocker.transactionAgeSeconds >= 0);
  // the dry-run's own connections are never listed
  assert.ok(s.blockers.every((b) => !/lockstep_dryrun_/.test(b.lastStatement ?? '')));

  assert.ok(s.mdlPreview, s.error ?? 'no preview');
  const [withUser, short, nowait] = s.mdlPreview.runs;
  assert.equal(withUser.lockWaitTimeout, 2);
  assert.match(withUser.ddlOutcome, /1205/);
  assert.ok(withUser.readerWaitMs >= 1000 && withUser.writerWaitMs >= 1000, `the reader and writer queued: ${withUser.readerWaitMs}/${withUser.writerWaitMs} ms`);
  for (const actor of ['ddl', 'reader', 'writer']) {
    assert.ok(withUser.events.some((e) => e.actor === actor && e.event === 'waiting for metadata lock'), `${actor} seen waiting`);
  }
  assert.ok(withUser.events.some((e) => e.actor === 'holder' && e.event === 'committed'));
  assert.equal(short.lockWaitTimeout, 1);
  assert.ok(short.readerWaitMs < withUser.readerWaitMs, 'a shorter lock_wait_timeout bounds the queue');
  assert.equal(nowait.lockWaitTimeout, 'NOWAIT');
  assert.match(nowait.ddlOutcome, /failed/);
  assert.ok(nowait.readerWaitMs < 500 && nowait.writerWaitMs < 500, 'NOWAIT: no queue');

  // the real table and the user's transaction are untouched
  await holder.query('SELECT * FROM t LIMIT 1');
  await holder.query('COMMIT');
  assert.deepEqual(await fingerprint(db.conn, db.name, 't'), before);
  assert.deepEqual(await leftovers(db.conn, report.scratchSchema ?? ''), []);
});

test('killing the dry-run connection mid-run still drops the scratch schemas and closes every connection', async (t) => {
  const db = await userDb(t, SETUP);
  if (!db) return;
  const before = await fingerprint(db.conn, db.name, 't');
  const progress: string[] = [];
  let killed: Promise<unknown> | undefined;
  const run = runDryRun(
    { connection: { url: db.url }, text: 'ALTER TABLE t ADD INDEX ia (a);', mdlPreview: true, lockWaitTimeout: 3 },
    {
      onProgress: (m) => {
        progress.push(m);
        if (/MDL impact preview/.test(m)) {
          const id = Number(/connection (\d+)/.exec(progress[0])?.[1]);
          // while the preview's DDL waits behind its holder
          killed = new Promise((resolve) => setTimeout(resolve, 600)).then(() => db.conn.query(`KILL ${id}`));
        }
      },
    },
  );
  await assert.rejects(run, (err: unknown) => err instanceof DryRunError && err.kind === 'connection' && /lost|killed|closed/i.test(err.message));
  await killed;
  const scratch = scratchFromProgress(progress);
  assert.ok(scratch, progress.join('\n'));
  assert.deepEqual(await leftovers(db.conn, scratch), []);
  const sessions = await rows(db.conn, 'SELECT ID FROM information_schema.PROCESSLIST WHERE DB LIKE ?', [`${scratch}%`]);
  assert.deepEqual(sessions, [], 'no connection of the dry-run is left');
  assert.deepEqual(await fingerprint(db.conn, db.name, 't'), before);
});
