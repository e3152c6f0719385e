import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeOptionsFrom, applySeverityOverrides, defaultConfig, failsAt, migrationFilter, parseConfig } from '../../server/src/engine/config';
import type { Finding } from '../../server/src/engine/types';

test('a full config is read into typed settings', () => {
  const text = `{
    // comments and trailing commas are accepted, as in editor settings files
    "$schema": "./schemas/lockstep.config.schema.json",
    "target": "mariadb-10.11",
    "rules": { "drop-column": "warning", "missing-online-assertion": "error", "unused-ignore": "off" },
    "migrations": { "paths": ["db/migrations"], "convention": "flyway", "exclude": ["db/migrations/legacy/**"] },
    "baseline": "lockstep-baseline.json",
    "failOn": "warning",
    "tables": { "Orders": { "rows": 50000000 }, "events": 900 },
    "largeTableRows": 2000000,
    "serverDefaultCharset": "latin1",
    "docsBase": "https://docs.example.test/lockstep",
  }`;
  const { config, errors, given } = parseConfig(text, 'lockstep.config.json');
  assert.deepEqual(errors, []);
  assert.ok(given.has('target') && given.has('migrations.paths') && given.has('rules'));
  assert.equal(config.docsBase, 'https://docs.example.test/lockstep/');
  assert.equal(config.target.label, 'mariadb-10.11');
  assert.deepEqual(config.rules, { 'drop-column': 'warning', 'missing-online-assertion': 'error', 'unused-ignore': 'off' });
  assert.equal(config.migrations.convention, 'flyway');
  assert.equal(config.baseline, 'lockstep-baseline.json');
  assert.equal(config.failOn, 'warning');
  assert.deepEqual(config.tables, { orders: { rows: 50_000_000 }, events: { rows: 900 } });
  assert.equal(config.serverDefaultCharset, 'latin1');
  const options = analyzeOptionsFrom(config);
  assert.deepEqual(options.settings, { tableRows: { orders: 50_000_000, events: 900 }, largeTableRows: 2_000_000, serverDefaultCharset: 'latin1' });
  assert.equal(options.rules?.['drop-column'], 'warning');
});

test('an empty object gives the defaults', () => {
  const { config, errors, given } = parseConfig('{}', 'x.json');
  assert.deepEqual(errors, []);
  assert.equal(given.size, 0);
  assert.equal(config.docsBase, undefined);
  assert.deepEqual(config, defaultConfig());
  assert.equal(config.target.label, 'mysql-8.0');
  assert.equal(config.failOn, 'error');
});

test('invalid JSON: the message names the file, line and column', () => {
  const { errors } = parseConfig('{\n  "target": "mysql-8.0"\n  "rules": {}\n}', 'lockstep.config.json');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].line, 3);
  assert.equal(errors[0].column, 3);
  assert.match(errors[0].message, /^lockstep\.config\.json:3:3: invalid JSON: expected `,` or `}`/);
  assert.match(parseConfig('{"target": \'mysql-8.0\'}', 'c.json').errors[0].message, /double quotes/);
  assert.match(parseConfig('{"rules": {', 'c.json').errors[0].message, /end of file/);
});

test('unknown keys get a did-you-mean and the allowed list', () => {
  const { errors } = parseConfig('{"tagret": "mysql-8.0", "migrations": {"path": ["db"]}}', 'c.json');
  assert.equal(errors.length, 2);
  assert.match(errors[0].message, /unknown setting "tagret" \(did you mean "target"\?\)/);
  assert.equal(errors[0].path, 'tagret');
  assert.equal(errors[0].column, 2);
  assert.match(errors[1].message, /unknown migrations setting "path" \(did you mean "paths"\?\); allowed: paths, convention, exclude/);
});

test('unknown rule ids list the known ones; bad severities and targets are explained', () => {
  const { config, errors } = parseConfig('{"rules": {"drop-colum": "off", "add-index": "fatal"}, "target": "mysql-9.9.9.9"}', 'c.json');
  assert.match(errors[0].message, /unknown rule "drop-colum" \(did you mean "drop-column"\?\); known rules: add-auto-increment-column, .*volatile-default/);
  assert.equal(errors[0].path, 'rules.drop-colum');
  assert.match(errors[1].message, /severity of "add-index" must be one of "error", "warning", "info", "hint", "off"/);
  assert.match(errors[2].message, /unknown target "mysql-9\.9\.9\.9"; known targets: mysql-5\.7, mysql-8\.0, mysql-8\.4, mariadb-10\.6/);
  assert.deepEqual(config.rules, {}, 'invalid entries are left out');
  assert.equal(config.target.label, 'mysql-8.0', 'a bad target falls back to the default');
});

test('wrong value types and conventions are reported with their path', () => {
  const { errors } = parseConfig('{"failOn": "warn", "largeTableRows": -1, "migrations": {"convention": "flyaway", "paths": [1]}, "tables": {"t": {"row": 1}}, "serverDefaultCharset": "utf9"}', 'c.json');
  const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
  assert.match(byPath.failOn, /one of error, warning, info, hint, never/);
  assert.match(byPath.largeTableRows, /whole number/);
  assert.match(byPath['migrations.convention'], /did you mean "flyway"/);
  assert.match(byPath['migrations.paths[0]'], /non-empty string/);
  assert.match(byPath['tables.t.row'], /did you mean "rows"/);
  assert.match(byPath.serverDefaultCharset, /character set/);
  assert.match(parseConfig('[]', 'c.json').errors[0].message, /must be a JSON object/);
});

test('migration paths: folders, globs and excludes', () => {
  const { config } = parseConfig('{"migrations": {"paths": ["db/migrations", "sql/*.sql"], "exclude": ["**/legacy/**"]}}', 'c.json');
  const filter = migrationFilter(config);
  assert.ok(filter.included('db/migrations/V1__a.sql'));
  assert.ok(filter.included('db/migrations/sub/V2__b.sql'));
  assert.ok(filter.included('sql/001.sql'));
  assert.ok(!filter.included('sql/deep/001.sql'));
  assert.ok(!filter.included('seeds/x.sql'));
  assert.ok(filter.excluded('db/migrations/legacy/V0__old.sql'));
  assert.ok(filter.excluded('node_modules/pkg/x.sql'), 'node_modules is always excluded');
  const shorthand = parseConfig('{"migrations": ["prisma/migrations"]}', 'c.json').config;
  assert.deepEqual(shorthand.migrations.paths, ['prisma/migrations']);
});

test('severity overrides reach engine findings; failOn compares severities', () => {
  const findings: Finding[] = [
    { rule: 'unused-ignore', severity: 'warning', message: '', span: { start: 0, end: 1 } },
    { rule: 'unparsed-statement', severity: 'info', message: '', span: { start: 0, end: 1 } },
  ];
  const out = applySeverityOverrides(findings, { 'unused-ignore': 'off', 'unparsed-statement': 'error' });
  assert.deepEqual(out.map((f) => [f.rule, f.severity]), [['unparsed-statement', 'error']]);
  assert.ok(failsAt('error', 'error'));
  assert.ok(!failsAt('warning', 'error'));
  assert.ok(failsAt('warning', 'info'));
  assert.ok(!failsAt('error', 'never'));
});

test('never throws on odd input', () => {
  for (const text of ['', 'null', '{"rules": null}', '{"tables": []}', '\uFEFF{}', '{"a": "\\q"}', '/* x']) {
    assert.doesNotThrow(() => parseConfig(text, 'c.json'));
  }
  assert.deepEqual(parseConfig('\uFEFF{"target": "mysql-8.4"}', 'c.json').errors, [], 'a byte-order mark is fine');
});

test('docsBase must be an http(s) or file URL; an invalid one is located and left unset', () => {
  for (const base of ['https://x.test/docs/', 'http://intranet/lockstep', 'file:///opt/lockstep/docs/rules']) {
    const { config, errors } = parseConfig(JSON.stringify({ docsBase: base }), 'c.json');
    assert.deepEqual(errors, [], base);
    assert.ok(config.docsBase?.startsWith(base) && config.docsBase.endsWith('/'), config.docsBase);
  }
  const text = '{ "docsBase": "docs/rules" }';
  const { config, errors, given } = parseConfig(text, 'c.json');
  assert.equal(config.docsBase, undefined);
  assert.equal(given.has('docsBase'), false);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].path, 'docsBase');
  assert.equal(text.slice(errors[0].start, errors[0].end), '"docs/rules"');
  assert.match(errors[0].message, /^c\.json:1:15: /);
  assert.ok(!errors[0].detail.includes('c.json'), 'the detail has no location prefix');
});

test('every invalid glob is reported at its line and column and left out', () => {
  const text = `{
  "migrations": [{ "paths": ["db/a", "[z-a].sql"], "exclude": ["{x,y"], "schema": { "baseline": ["[z-a]"], "current": ["ok.sql"] } }],
  "schema": { "current": ["[9-0].sql"] },
  "orm": { "models": ["[b-a]/*.ts", "models/*.ts"] }
}`;
  const { config, errors } = parseConfig(text, 'lockstep.config.json');
  assert.deepEqual(
    errors.map((e) => `${e.line}:${e.column} ${e.path}`),
    ['2:38 migrations[0].paths[1]', '2:64 migrations[0].exclude[0]', '2:98 migrations[0].schema.baseline[0]', '3:27 schema.current[0]', '4:23 orm.models[0]'],
  );
  assert.match(errors[0].message, /^lockstep\.config\.json:2:38: invalid glob "\[z-a\]\.sql": Range out of order/);
  assert.deepEqual(config.sets?.[0].paths, ['db/a']);
  assert.deepEqual(config.sets?.[0].exclude, []);
  assert.deepEqual(config.orm.models, ['models/*.ts']);

  const flat = parseConfig('{ "migrations": { "paths": ["[z-a].sql"], "exclude": ["[z-a].sql"] } }', 'c.json');
  assert.equal(flat.errors.length, 2);
  assert.ok(!flat.config.migrations.exclude.includes('[z-a].sql'));
});

test('duplicate keys are reported at the repeated key with file:line:column, at any depth', () => {
  const text = '{\n  "target": "mysql-8.0",\n  "rules": { "drop-column": "off", "drop-column": "warning" },\n  "target": "mariadb-10.11"\n}\n';
  const { errors } = parseConfig(text, 'lockstep.config.json');
  assert.deepEqual(
    errors.map((e) => e.message),
    [
      'lockstep.config.json:3:36: duplicate key "drop-column" (first given at line 3, column 14): keep one',
      'lockstep.config.json:4:3: duplicate key "target" (first given at line 2, column 3): keep one',
    ],
  );
  assert.deepEqual(errors.map((e) => e.path), ['rules.drop-column', 'target']);
});
