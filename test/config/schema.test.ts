import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CONFIG_KEYS, parseConfig } from '../../server/src/engine/config';
import { knownRuleIds } from '../../server/src/engine/suppress';
import { KNOWN_TARGETS } from '../../server/src/engine/targets';
import { CONVENTIONS } from '../../server/src/engine/workspace';

interface Schema {
  properties: Record<string, { properties?: Record<string, unknown>; pattern?: string; oneOf?: { properties?: Record<string, { enum?: string[] }> }[] }>;
}
const schema = JSON.parse(readFileSync(new URL('../../schemas/lockstep.config.schema.json', import.meta.url), 'utf8')) as Schema;

test('the editor schema lists exactly the settings, rules and conventions the parser accepts', () => {
  assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
  assert.deepEqual(Object.keys(schema.properties.rules.properties ?? {}).sort(), knownRuleIds());
  const objectForm = schema.properties.migrations.oneOf?.find((o) => o.properties);
  assert.deepEqual(objectForm?.properties?.convention.enum, ['auto', ...CONVENTIONS]);
  const pattern = new RegExp(schema.properties.target.pattern ?? '');
  for (const t of KNOWN_TARGETS) assert.ok(pattern.test(t), t);
});

test('the examples in the schema parse cleanly', () => {
  for (const t of KNOWN_TARGETS) assert.deepEqual(parseConfig(JSON.stringify({ $schema: './schemas/lockstep.config.schema.json', target: t }), 'c.json').errors, []);
  const docsBase = (schema.properties as Record<string, { examples?: string[]; pattern?: string }>).docsBase;
  assert.ok(docsBase.examples && docsBase.examples.length > 0);
  for (const base of docsBase.examples) {
    assert.match(base, new RegExp(docsBase.pattern ?? ''));
    assert.deepEqual(parseConfig(JSON.stringify({ docsBase: base }), 'c.json').errors, [], base);
  }
});

test('devDatabase: the schema example parses; a password inside the URL is a config error that never repeats it', () => {
  const dev = (schema.properties as Record<string, { examples?: string[]; pattern?: string }>).devDatabase;
  assert.ok(dev.examples && dev.examples.length > 0);
  for (const url of dev.examples) {
    assert.match(url, new RegExp(dev.pattern ?? ''));
    const parsed = parseConfig(JSON.stringify({ devDatabase: url }), 'c.json');
    assert.deepEqual(parsed.errors, [], url);
    assert.equal(parsed.config.devDatabase, url);
  }
  const withPassword = parseConfig(JSON.stringify({ devDatabase: 'mysql://app:s3cr3t-pw@localhost/app' }), 'c.json');
  assert.equal(withPassword.config.devDatabase, undefined);
  assert.equal(withPassword.errors.length, 1);
  assert.equal(withPassword.errors[0].path, 'devDatabase');
  assert.match(withPassword.errors[0].message, /must not hold a password.*LOCKSTEP_DATABASE_PASSWORD/);
  assert.doesNotMatch(withPassword.errors[0].message, /s3cr3t/);
  assert.doesNotMatch('mysql://app:s3cr3t-pw@localhost/app', new RegExp(dev.pattern ?? ''));
  for (const bad of ['postgres://app@localhost/app', 'mysql://localhost/app', 'not a url', 42]) {
    assert.equal(parseConfig(JSON.stringify({ devDatabase: bad }), 'c.json').errors[0]?.path, 'devDatabase', String(bad));
  }
});
