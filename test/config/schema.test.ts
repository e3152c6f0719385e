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
