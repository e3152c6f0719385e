// The README's worked example (renaming person.last_name to surname in a Flyway project) is the
// tool's own output: every generated file appears in it verbatim.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lintPlan, mustPlan, type Fixture } from './harness';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

const example: Fixture = {
  files: { 'db/migration/V1__create_person.sql': 'CREATE TABLE person (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  first_name VARCHAR(100) NOT NULL,\n  last_name VARCHAR(100) NOT NULL\n);\n' },
  path: 'db/migration/V2__rename_last_name.sql',
  text: 'ALTER TABLE person RENAME COLUMN last_name TO surname;\n',
  target: 'mysql-8.0',
};

test('README worked example: each file the plan generates is shown verbatim, in release order', () => {
  const section = README.slice(README.indexOf('### Worked example: renaming `person.last_name` to `surname`'));
  assert.ok(section.length > 0, 'the README has the worked example');
  const plan = mustPlan(example);
  let from = 0;
  for (const release of plan.releases) {
    const title = section.indexOf(`**${release.title}**`, from);
    assert.ok(title >= from, `release "${release.title}" in order`);
    from = title;
    for (const file of release.files) {
      const shown = section.indexOf(`\`${file.path}\`:\n\n\`\`\`sql\n${file.content.trimEnd()}\n\`\`\``, from);
      assert.ok(shown >= from, `${file.path} shown verbatim after its release title`);
      from = shown;
    }
  }
  for (const linted of lintPlan(example, plan)) assert.deepEqual(linted.findings, [], linted.path);
});
