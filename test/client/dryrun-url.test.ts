// The dev database URL the Connect command accepts (client/src/dryrun/url.ts; no vscode here).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectionLabel, isLocalHost, parseDatabaseUrl } from '../../client/src/dryrun/url';

describe('the dev database URL', () => {
  it('accepts mysql://user@host:port/db and normalises it without a password', () => {
    const target = parseDatabaseUrl(' mysql://root@127.0.0.1:3306/app_dev ');
    assert.ok(!('error' in target));
    assert.deepEqual(target, { url: 'mysql://root@127.0.0.1:3306/app_dev', user: 'root', host: '127.0.0.1', port: 3306, database: 'app_dev' });
    assert.equal(connectionLabel(target), 'root@127.0.0.1/app_dev');
    const other = parseDatabaseUrl('mariadb://dev@db.test/shop');
    assert.ok(!('error' in other));
    assert.equal(other.url, 'mariadb://dev@db.test:3306/shop');
    assert.equal(connectionLabel({ ...other, port: 3307 }), 'dev@db.test:3307/shop');
  });

  it('refuses a password in the URL, and URLs without user, database or the mysql scheme', () => {
    for (const bad of ['mysql://root:secret@localhost/app', 'mysql://localhost/app', 'mysql://root@localhost/', 'postgres://u@h/db', 'root@localhost/app', '', 'mysql://root@localhost/app?ssl=1']) {
      const r = parseDatabaseUrl(bad);
      assert.ok('error' in r, bad);
    }
    const withPassword = parseDatabaseUrl('mysql://root:hunter2@localhost/app');
    assert.ok('error' in withPassword && !withPassword.error.includes('hunter2'));
  });

  it('knows the hosts the dry-run uses without asking', () => {
    for (const h of ['localhost', '127.0.0.1', '::1', 'db.local', 'mysql.test']) assert.ok(isLocalHost(h), h);
    for (const h of ['db.example.com', '10.0.0.5', 'prod-db']) assert.ok(!isLocalHost(h), h);
  });
});
