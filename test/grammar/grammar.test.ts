// The injected TextMate grammars: what a user sees highlighted in SQL files.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRegexes, compile, loadGrammar, sqlSegments, Tokenizer, type Token } from './textmate';

const root = join(import.meta.dirname, '..', '..');
const directives = loadGrammar(join(root, 'syntaxes', 'lockstep-directives.tmLanguage.json'));
const onlineDdl = loadGrammar(join(root, 'syntaxes', 'lockstep-online-ddl.tmLanguage.json'));
const tokenizer = new Tokenizer().add(directives).add(onlineDdl);

/** Highlights one SQL line; returns only the tokens a Lockstep grammar scoped, as [text, last scope]. */
function highlight(line: string): [string, string][] {
  const tokens: Token[] = [];
  for (const segment of sqlSegments(line)) {
    if (segment.kind === 'code') tokens.push(...tokenizer.tokenize(onlineDdl.scopeName, segment.text, 'source.sql'));
    else if (segment.kind === 'comment') tokens.push(...tokenizer.tokenize(directives.scopeName, segment.text, 'source.sql comment.line.double-dash.sql'));
  }
  return tokens.filter((t) => /lockstep|number-sign/.test(t.scope)).map((t) => [t.text, t.scope.split(' ').at(-1) ?? '']);
}

describe('grammar files', () => {
  it('use only regex features Oniguruma and JavaScript share', () => {
    for (const g of [directives, onlineDdl]) for (const source of allRegexes(g)) assert.doesNotThrow(() => compile(source), source);
    assert.throws(() => compile('\\Gfoo'), /Oniguruma/);
    assert.throws(() => compile('a(?i)b'), /inline flag/);
  });

  it('are contributed as injections into source.sql with matching scope names', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] } };
    const contributed = manifest.contributes.grammars;
    assert.deepEqual(contributed.map((g) => g.scopeName).sort(), [directives.scopeName, onlineDdl.scopeName].sort());
    for (const g of contributed) {
      assert.ok(existsSync(join(root, g.path)), g.path);
      assert.equal(loadGrammar(join(root, g.path)).scopeName, g.scopeName);
      assert.deepEqual(g.injectTo, ['source.sql']);
    }
    assert.match(directives.injectionSelector, /^L:source\.sql comment$/);
    assert.match(onlineDdl.injectionSelector, /-comment -string/);
  });
});

describe('online-DDL keywords', () => {
  it('scopes ALGORITHM and LOCK clauses, telling blocking values from non-blocking ones', () => {
    assert.deepEqual(highlight('ALTER TABLE users ADD INDEX i (email), ALGORITHM=INPLACE, LOCK=NONE;'), [
      ['ALGORITHM', 'keyword.other.online-ddl.lockstep'],
      ['=', 'keyword.operator.assignment.lockstep'],
      ['INPLACE', 'constant.language.online-ddl.nonblocking.lockstep'],
      ['LOCK', 'keyword.other.online-ddl.lockstep'],
      ['=', 'keyword.operator.assignment.lockstep'],
      ['NONE', 'constant.language.online-ddl.nonblocking.lockstep'],
    ]);
    assert.deepEqual(highlight('alter table t force, algorithm = copy, lock shared'), [
      ['algorithm', 'keyword.other.online-ddl.lockstep'],
      ['=', 'keyword.operator.assignment.lockstep'],
      ['copy', 'constant.language.online-ddl.blocking.lockstep'],
      ['lock', 'keyword.other.online-ddl.lockstep'],
      ['shared', 'constant.language.online-ddl.blocking.lockstep'],
    ]);
    const values = ['INSTANT', 'NOCOPY', 'DEFAULT', 'EXCLUSIVE'].map((v) => highlight(`ALTER TABLE t ADD c INT, ${v === 'EXCLUSIVE' ? 'LOCK' : 'ALGORITHM'}=${v}`).at(-1));
    assert.deepEqual(values.map((v) => v?.[1].split('.')[3]), ['nonblocking', 'nonblocking', 'default', 'blocking']);
  });

  it('scopes lock_wait_timeout, NOWAIT, WAIT n and ALTER ONLINE', () => {
    assert.deepEqual(highlight('SET SESSION lock_wait_timeout = 5;'), [['lock_wait_timeout', 'variable.language.lock-wait-timeout.lockstep']]);
    assert.deepEqual(highlight('SET @@session.LOCK_WAIT_TIMEOUT=5'), [['LOCK_WAIT_TIMEOUT', 'variable.language.lock-wait-timeout.lockstep']]);
    assert.deepEqual(highlight('ALTER TABLE t WAIT 10 ADD c INT'), [
      ['WAIT', 'keyword.other.online-ddl.lockstep'],
      ['10', 'constant.numeric.wait-seconds.lockstep'],
    ]);
    assert.deepEqual(highlight('ALTER TABLE t NOWAIT DROP INDEX i'), [['NOWAIT', 'keyword.other.online-ddl.lockstep']]);
    assert.deepEqual(highlight('ALTER ONLINE IGNORE TABLE t ADD c INT'), [['ONLINE', 'keyword.other.online-ddl.lockstep']]);
  });

  it('leaves look-alikes, strings and comments alone', () => {
    assert.deepEqual(highlight('LOCK TABLES t WRITE; SELECT * FROM t LOCK IN SHARE MODE;'), []);
    assert.deepEqual(highlight('SET GLOBAL innodb_lock_wait_timeout = 50;'), []);
    assert.deepEqual(highlight('UPDATE jobs SET status_lock = none_left, waiting = 1'), []);
    assert.deepEqual(highlight("INSERT INTO notes VALUES ('ALGORITHM=COPY', `lock_wait_timeout`);"), []);
    assert.deepEqual(highlight('SELECT 1; -- ALGORITHM=COPY is slow'), []);
    assert.deepEqual(highlight('SELECT online FROM t'), []);
  });
});

describe('ignore directives', () => {
  it('scopes the directive and its rule ids, not the reason', () => {
    assert.deepEqual(highlight('-- lockstep-disable-next-line drop-column, add-index -- dropped in release 3'), [
      ['lockstep-disable-next-line', 'keyword.control.directive.lockstep'],
      ['drop-column, add-index', 'entity.name.type.rule-id.lockstep'],
    ]);
    assert.deepEqual(highlight('ALTER TABLE t DROP COLUMN c; -- lockstep-disable-line drop-column'), [
      ['lockstep-disable-line', 'keyword.control.directive.lockstep'],
      ['drop-column', 'entity.name.type.rule-id.lockstep'],
    ]);
    assert.deepEqual(highlight('/* lockstep-disable table-rebuild */'), [
      ['lockstep-disable', 'keyword.control.directive.lockstep'],
      ['table-rebuild', 'entity.name.type.rule-id.lockstep'],
    ]);
    assert.deepEqual(highlight('-- lockstep-disable'), [['lockstep-disable', 'keyword.control.directive.lockstep']]);
  });

  it('makes # lines comments (the SQL grammar does not) and finds directives in them', () => {
    assert.deepEqual(highlight('# lockstep-disable-next-line drop-table'), [
      ['#', 'punctuation.definition.comment.sql'],
      [' ', 'comment.line.number-sign.sql'],
      ['lockstep-disable-next-line', 'keyword.control.directive.lockstep'],
      [' ', 'comment.line.number-sign.sql'],
      ['drop-table', 'entity.name.type.rule-id.lockstep'],
    ]);
    assert.deepEqual(highlight('DROP TABLE t; # ALGORITHM=COPY stays a comment'), [
      ['#', 'punctuation.definition.comment.sql'],
      [' ALGORITHM=COPY stays a comment', 'comment.line.number-sign.sql'],
    ]);
  });

  it('ignores words that only look like directives', () => {
    assert.deepEqual(highlight('-- lockstep-disabled here, my-lockstep-disable, lockstep-disable-lines'), []);
    assert.deepEqual(highlight("SELECT '-- lockstep-disable drop-table'"), []);
  });
});
