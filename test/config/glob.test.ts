import assert from 'node:assert/strict';
import { test } from 'node:test';
import picomatch from 'picomatch/posix';
import { parseConfig } from '../../server/src/engine/config';
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

test('many `*` in one folder level on a long name that does not match finish (no backtracking per star)', () => {
  const name = `${'a'.repeat(200)}.sql`;
  assert.equal(matchesGlob(name, `${'a*'.repeat(15)}b.sql`), false);
  assert.equal(matchesGlob(`db/${name}`, `db/${'*a'.repeat(15)}*.sql`), true);
  assert.equal(matchesGlob(`db/V1__${name}`, 'db/V[0-9]*__*a*a*.sql'), true);
  assert.equal(matchesGlob(`db/V1__${name}`, 'db/V[!0-9]*__*a*a*.sql'), false);
});

test('several `*` in one folder level match exactly what picomatch matches', () => {
  // a fixed-seed generator: short patterns and names, where picomatch's own matching is quick
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = (items: readonly string[]): string => items[Math.floor(random() * items.length)];
  const atoms = ['a', 'b', '.', '*', '*', '?', '[ab]', '[!a]', '[a-c]', '[]a]', '_', '[^b]', '[.]'];
  const chars = ['a', 'b', 'c', '.', '_', ']'];
  let compared = 0;
  for (let k = 0; k < 5000; k++) {
    const pattern = `d/${Array.from({ length: 2 + Math.floor(random() * 6) }, () => pick(atoms)).join('')}`;
    if ((pattern.match(/\*/g) ?? []).length < 2) continue;
    const path = `d/${Array.from({ length: 1 + Math.floor(random() * 7) }, () => pick(chars)).join('')}`;
    assert.equal(matchesGlob(path, pattern), picomatch(pattern, { dot: true, posix: true })(path), `${pattern} on ${path}`);
    compared++;
  }
  assert.ok(compared > 500, `only ${compared} patterns with several stars`);
});

test('more than three `*` together with braces or parentheses is refused at the config line and column', () => {
  assert.match(globError('{a,b}*a*a*a*.sql') ?? '', /more than 3 \* alongside braces/);
  assert.match(globError('{db/a,db/b}/*a*a*a*.sql') ?? '', /more than 3 \* alongside braces/);
  assert.equal(globError('{a,b}*a*a*.sql'), undefined);
  assert.equal(globError(`${'a*'.repeat(15)}b.sql`), undefined);
  assert.equal(matchesGlob('a.sql', '{a,b}*a*a*a*.sql'), false);
  const { errors } = parseConfig('{\n  "migrations": { "paths": ["db/{a,b}*a*a*a*.sql"] }\n}', 'lockstep.config.json');
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /^lockstep\.config\.json:2:29: invalid glob "db\/\{a,b\}\*a\*a\*a\*\.sql": more than 3 \* alongside braces/);
});
