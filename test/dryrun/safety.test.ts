// Safety: hosts outside the allow-list are refused before any connection; the password never shows
// up in reports, CLI output, progress or errors; a user without CREATE gets a read-only dry-run.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { DryRunError, hostAllowed, parseConnectionUrl, redact, runDryRun } from '../../server/src/dryrun';
import { runCli, scratchDir } from '../cli/harness';
import { dbUrl, leftovers, userDb } from './fixture';

test('a host outside the allow-list is refused without any connection attempt', async (t) => {
  let connections = 0;
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    connections++;
    sockets.push(socket); // never answers the handshake
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  const port = (server.address() as { port: number }).port;
  const url = `mysql://root@127.0.0.1:${port}/test`;

  // 127.0.0.1 is made "remote" by an allow-list without it
  await assert.rejects(runDryRun({ connection: { url, allowHosts: ['localhost'] }, text: 'ALTER TABLE t ADD c INT;' }), (err: unknown) => err instanceof DryRunError && err.kind === 'refused-host' && /allow-list/.test(err.message));
  await assert.rejects(runDryRun({ connection: { url: 'mysql://root@db.example.com/test' }, text: 'ALTER TABLE t ADD c INT;' }), (err: unknown) => err instanceof DryRunError && err.kind === 'refused-host' && /db\.example\.com/.test(err.message));
  assert.equal(connections, 0);

  // confirmed: the same host is tried (the fake server never answers, so it times out)
  await assert.rejects(runDryRun({ connection: { url, allowHosts: ['localhost'], confirmedHost: true, connectTimeoutMs: 300 }, text: 'ALTER TABLE t ADD c INT;' }), (err: unknown) => err instanceof DryRunError && err.kind === 'connection');
  assert.equal(connections, 1);

  assert.ok(hostAllowed('dev.local') && hostAllowed('db.test') && hostAllowed('::1') && hostAllowed('LOCALHOST'));
  assert.ok(!hostAllowed('local') && !hostAllowed('db.example.com') && !hostAllowed('evil.test.com'));
});

test('URL parsing and redaction', () => {
  assert.deepEqual(parseConnectionUrl('mysql://app:p%40ss@db.local:3307/shop'), { user: 'app', password: 'p@ss', host: 'db.local', port: 3307, database: 'shop' });
  assert.deepEqual(parseConnectionUrl('mysql://root@[::1]/x'), { user: 'root', password: undefined, host: '::1', port: 3306, database: 'x' });
  assert.throws(() => parseConnectionUrl('mysql://root:hunter2@localhost'), (err: unknown) => err instanceof DryRunError && err.kind === 'usage');
  assert.throws(() => parseConnectionUrl('postgres://u:hunter2@localhost/x'), (err: unknown) => err instanceof Error && !err.message.includes('hunter2'));
  assert.throws(() => parseConnectionUrl('not a url :hunter2@'), (err: unknown) => err instanceof Error && !err.message.includes('hunter2'));
  assert.equal(redact('user p@ss and p%40ss', ['p@ss']), 'user *** and ***');
});

test('the password never appears in the report, the progress, the CLI output or error messages', async (t) => {
  const db = await userDb(t, ['CREATE TABLE t (id INT PRIMARY KEY, a INT)', 'INSERT INTO t VALUES (1, 1)']);
  if (!db) return;
  const user = `lsdr_pw_${randomBytes(3).toString('hex')}`;
  const password = `Pw-${randomBytes(6).toString('hex')}-s3cret`;
  await db.conn.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
  db.cleanup(() => db.conn.query(`DROP USER IF EXISTS '${user}'@'%'`));
  await db.conn.query(`GRANT ALL ON \`${db.name}\`.* TO '${user}'@'%'`);
  await db.conn.query(`GRANT ALL ON \`lockstep\\_dryrun\\_%\`.* TO '${user}'@'%'`);
  await db.conn.query(`GRANT PROCESS ON *.* TO '${user}'@'%'`);

  const seen: string[] = [];
  const text = 'ALTER TABLE t ADD COLUMN b INT NULL;\n';
  const report = await runDryRun({ connection: { url: dbUrl(db.name, user), password }, text }, { onProgress: (m) => seen.push(m) });
  assert.equal(report.mode, 'full');
  assert.equal(report.statements[0].measured?.algorithm, 'INSTANT');
  assert.ok(!JSON.stringify(report).includes(password));
  // in the URL instead of the request
  const viaUrl = await runDryRun({ connection: { url: dbUrl(db.name, user, password) }, text }, { onProgress: (m) => seen.push(m) });
  assert.ok(!JSON.stringify(viaUrl).includes(password));
  assert.ok(seen.length > 0 && seen.every((m) => !m.includes(password)));
  assert.deepEqual(await leftovers(db.conn, report.scratchSchema ?? ''), []);

  // errors: a wrong password, an unreachable port with the password in the URL
  const wrong = `${password}x`;
  for (const [url, pw] of [
    [dbUrl(db.name, user), wrong],
    [dbUrl(db.name, user, password).replace(/:\d+\//, ':1/'), undefined],
  ] as const) {
    await assert.rejects(runDryRun({ connection: { url, password: pw }, text }), (err: unknown) => err instanceof DryRunError && !err.message.includes(password) && !err.message.includes(wrong));
  }

  // the CLI, password from LOCKSTEP_DATABASE_PASSWORD and from the URL, text and json
  const dir = scratchDir();
  writeFileSync(join(dir, 'V1__b.sql'), text);
  for (const format of ['text', 'json']) {
    const fromEnv = runCli(['dry-run', '--url', dbUrl(db.name, user), 'V1__b.sql', '--format', format], { cwd: dir, env: { LOCKSTEP_DATABASE_PASSWORD: password } });
    assert.equal(fromEnv.status, 0, fromEnv.stderr);
    assert.ok(!`${fromEnv.stdout}${fromEnv.stderr}`.includes(password));
    const fromUrl = runCli(['dry-run', 'V1__b.sql', '--format', format], { cwd: dir, env: { LOCKSTEP_DATABASE_URL: dbUrl(db.name, user, password) } });
    assert.equal(fromUrl.status, 0, fromUrl.stderr);
    assert.ok(!`${fromUrl.stdout}${fromUrl.stderr}`.includes(password));
  }
  const bad = runCli(['dry-run', '--url', dbUrl(db.name, user, wrong), 'V1__b.sql'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /Access denied/);
  assert.ok(!`${bad.stdout}${bad.stderr}`.includes(wrong) && !bad.stderr.includes(password));
});

test('a user without CREATE gets a read-only dry-run: facts and blockers, with a clear note', async (t) => {
  const db = await userDb(t, ['CREATE TABLE t (id INT PRIMARY KEY, a INT)', 'INSERT INTO t SELECT seq, seq FROM seq_1_to_321']);
  if (!db) return;
  const user = `lsdr_ro_${randomBytes(3).toString('hex')}`;
  await db.conn.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'ro-pass-1'`);
  db.cleanup(() => db.conn.query(`DROP USER IF EXISTS '${user}'@'%'`));
  await db.conn.query(`GRANT SELECT ON \`${db.name}\`.* TO '${user}'@'%'`);

  const report = await runDryRun({ connection: { url: dbUrl(db.name, user), password: 'ro-pass-1' }, text: 'ALTER TABLE t ADD COLUMN b INT NULL;\nALTER TABLE t MODIFY a BIGINT;\n' });
  assert.equal(report.mode, 'read-only');
  assert.equal(report.scratchSchema, undefined);
  assert.ok(report.notes.some((n) => /^read-only: .*may not create the scratch schema/.test(n)), report.notes.join('\n'));
  assert.ok(report.notes.some((n) => /PROCESS privilege/.test(n)), 'no PROCESS: blockers not listed, said so');
  assert.equal(report.statements.length, 2);
  for (const s of report.statements) {
    assert.equal(s.measured, null);
    assert.equal(s.tableFacts?.rows, 321);
    assert.ok(s.predicted);
  }
  assert.equal(report.statements[1].predicted?.algorithm, 'COPY', 'the prediction uses the real table definition');
  assert.ok(!JSON.stringify(report).includes('ro-pass-1'));
});

test('a user with the scratch grants but without PROCESS: measured, with notes on what it cannot see', async (t) => {
  const db = await userDb(t, ['CREATE TABLE t (id INT PRIMARY KEY, a INT)', 'INSERT INTO t VALUES (1, 1)']);
  if (!db) return;
  const user = `lsdr_np_${randomBytes(3).toString('hex')}`;
  await db.conn.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'np-pass-1'`);
  db.cleanup(() => db.conn.query(`DROP USER IF EXISTS '${user}'@'%'`));
  await db.conn.query(`GRANT SELECT ON \`${db.name}\`.* TO '${user}'@'%'`);
  await db.conn.query(`GRANT ALL ON \`lockstep\\_dryrun\\_%\`.* TO '${user}'@'%'`);

  const report = await runDryRun({ connection: { url: dbUrl(db.name, user), password: 'np-pass-1' }, text: 'ALTER TABLE t MODIFY a BIGINT;\n' });
  assert.equal(report.mode, 'full');
  const [s] = report.statements;
  assert.equal(s.measured?.algorithm, 'COPY');
  assert.ok(s.measured?.messages.some((m) => /rebuild not measured: .*PROCESS/.test(m)), JSON.stringify(s.measured));
  assert.ok(report.notes.some((n) => /PROCESS privilege/.test(n)));
  assert.deepEqual(await leftovers(db.conn, report.scratchSchema ?? ''), []);
});
