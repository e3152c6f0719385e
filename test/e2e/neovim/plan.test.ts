// Neovim (headless, Debian's 0.7) applies "Rewrite as a safe multi-release sequence" on a Flyway
// rename of person.last_name: the workspace edit creates the plan's migrations (Neovim applies
// resource operations) and replaces the statement by a comment naming them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { neovimPrerequisite, runNeovimScript, type ScriptReport } from './harness';

interface PlanReport extends ScriptReport {
  line?: number;
  actions?: string[];
  created?: string[];
  /** absolute path → the content the edit inserts */
  contents?: Record<string, string>;
  lines?: string[];
}

const V1 = 'CREATE TABLE person (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  first_name VARCHAR(50) NOT NULL,\n  last_name VARCHAR(50) NOT NULL\n);\n';
const V2 = '-- the column gets its real name\nALTER TABLE person RENAME COLUMN last_name TO surname;\n';

const { missing, options } = neovimPrerequisite('the Neovim plan test');

test('Neovim: the rewrite code action creates the plan\'s migrations and replaces the statement', options, async () => {
  assert.equal(missing, undefined, `LOCKSTEP_REQUIRE_E2E=1 but ${missing}`);
  const scratch = mkdtempSync(join(tmpdir(), 'lockstep-nvim-plan-'));
  try {
    const workspace = join(scratch, 'workspace');
    const migrations = join(workspace, 'db', 'migration');
    mkdirSync(migrations, { recursive: true });
    writeFileSync(join(workspace, 'lockstep.config.json'), JSON.stringify({ target: 'mariadb-10.11' }));
    writeFileSync(join(migrations, 'V1__create_person.sql'), V1);
    writeFileSync(join(migrations, 'V2__rename_last_name.sql'), V2);
    const { report, status } = await runNeovimScript<PlanReport>('plan.lua', scratch, workspace, join(migrations, 'V2__rename_last_name.sql'));
    assert.ok(report.ok, report.message);
    assert.equal(status, 0);
    assert.equal(report.line, 1, 'the finding is on the RENAME COLUMN line');
    assert.ok(report.actions?.includes('Rewrite as a safe multi-release sequence (remove the statement)'), report.actions?.join(' | '));

    const created = report.created ?? [];
    assert.ok(created.length >= 2, `several migrations: ${created.join(', ')}`);
    const names = readdirSync(migrations).sort((a, b) => Number(/^V(\d+)/.exec(a)?.[1]) - Number(/^V(\d+)/.exec(b)?.[1]));
    assert.deepEqual(names.slice(0, 2), ['V1__create_person.sql', 'V2__rename_last_name.sql']);
    assert.deepEqual(names.slice(2), created.map((p) => p.slice(migrations.length + 1)), 'the files the edit created, and no others');
    for (const [i, name] of names.slice(2).entries()) assert.match(name, new RegExp(`^V${i + 3}__`), 'the next Flyway versions');
    for (const path of created) assert.equal(readFileSync(path, 'utf8'), report.contents?.[path], `${path} holds the plan's content, saved as is`);

    const v2 = readFileSync(join(migrations, 'V2__rename_last_name.sql'), 'utf8');
    assert.equal(v2.split('\n')[0], '-- the column gets its real name');
    assert.match(v2, /^-- Rewritten by Lockstep as \d releases \(rename-column\)/m);
    assert.doesNotMatch(v2, /^ALTER TABLE/m, 'the unsafe statement is gone (quoted in the comment only)');
    for (const path of created) assert.ok(v2.includes(path.slice(workspace.length + 1)), `the comment names ${path}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
