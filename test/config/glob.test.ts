import assert from 'node:assert/strict';
import { test } from 'node:test';
import { globError, matchesGlob } from '../../server/src/engine/config/glob';

test('glob patterns', () => {
  const yes: [string, string][] = [
    ['db/migrations/V1__a.sql', 'db/**/*.sql'],
    ['db/V1__a.sql', 'db/**/*.sql'],
    ['a/b/c.sql', '**/*.sql'],
    ['c.sql', '**/*.sql'],
    ['x/y/c.sql', '*.sql'],
    ['db/V1__a.sql', 'db/V?__*.sql'],
    ['db/V1__a.sql', 'db/V[0-9]__*.sql'],
    ['db/a.up.sql', 'db/*.{up,down}.sql'],
    ['db/migrations/x/y.sql', 'db/migrations'],
    ['db/migrations/x/y.sql', './db/migrations/'],
    ['db\\migrations\\y.sql', 'db/migrations/*.sql'],
  ];
  const no: [string, string][] = [
    ['db/sub/V1__a.sql', 'db/*.sql'],
    ['db/a.sql', 'db/??.sql'],
    ['db/a.txt', '**/*.sql'],
    ['dbx/a.sql', 'db'],
    ['db/a.side.sql', 'db/*.{up,down}.sql'],
    ['a.sql', ''],
  ];
  for (const [path, pattern] of yes) assert.ok(matchesGlob(path, pattern), `${pattern} should match ${path}`);
  for (const [path, pattern] of no) assert.ok(!matchesGlob(path, pattern), `${pattern} should not match ${path}`);
});

test('an invalid glob matches nothing and says why, never throws', () => {
  assert.match(globError('[z-a].sql') ?? '', /Range out of order/);
  assert.equal(globError('db/**/*.sql'), undefined);
  assert.equal(matchesGlob('db/a.sql', '[z-a].sql'), false);
});

test('`[!…]` negates; braces may hold slashes; dot files match `*`', () => {
  assert.ok(matchesGlob('db/Va.sql', 'db/V[!0-9]*.sql'));
  assert.ok(!matchesGlob('db/V1.sql', 'db/V[!0-9]*.sql'));
  assert.ok(matchesGlob('db/b/x.sql', '{db/a,db/b}/*.sql'));
  assert.ok(matchesGlob('x/.hidden.sql', '*.sql'));
});

test('many `**` segments on a path that does not match finish (no exponential backtracking)', () => {
  const deep = `${'a/'.repeat(30)}x.sql`;
  assert.equal(matchesGlob(deep, `${'**/'.repeat(20)}nomatch.sql`), false);
  assert.equal(matchesGlob(deep, `${'**/a/'.repeat(20)}nomatch.sql`), false);
  assert.equal(matchesGlob(deep, `${'**/a/'.repeat(20)}*.sql`), true);
});
