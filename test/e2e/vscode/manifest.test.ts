// The extension manifest agrees with the code: targets, commands, engine range, packaged files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../../client/src/restartPolicy';
import { displayTarget, KNOWN_TARGETS as CLIENT_TARGETS } from '../../../client/src/targetLabels';
import { DEFAULT_TARGET, KNOWN_TARGETS } from '../../../server/src/engine/targets';
import { REPO_ROOT } from './environment';

interface Manifest {
  engines: { vscode: string };
  main: string;
  activationEvents: string[];
  contributes: {
    configuration: { properties: Record<string, { enum?: string[]; default?: unknown }> };
    commands: { command: string }[];
  };
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

function clientSources(dir = join(REPO_ROOT, 'client', 'src')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? clientSources(join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

describe('extension manifest', () => {
  it('offers exactly the targets the engine knows, with its default', () => {
    const target = manifest.contributes.configuration.properties['lockstep.target'];
    assert.deepEqual(target.enum, [...KNOWN_TARGETS]);
    assert.equal(target.default, DEFAULT_TARGET);
  });

  it('"Set Target" offers the same targets (the client keeps its own list: it imports no server code)', () => {
    assert.deepEqual([...CLIENT_TARGETS], [...KNOWN_TARGETS]);
  });

  it('contributes the commands the client registers, and no others', () => {
    const registered = [...clientSources().matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), registered);
  });

  it('stays installable in code-server 4.100 (VS Code 1.100)', () => {
    const m = /^\^1\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
    assert.ok(m && Number(m[1]) <= 100, manifest.engines.vscode);
    assert.ok(manifest.activationEvents.includes('onLanguage:sql'));
  });

  it('packages the two bundles, the grammars, the icon and the rule docs, and nothing from the sources', () => {
    const ignore = readFileSync(join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    assert.equal(ignore[0], '**', 'whitelist');
    for (const kept of ['!dist/extension.js', '!dist/server.js', '!syntaxes/*.tmLanguage.json', '!icons/lockstep.png', '!docs/rules/*.md']) assert.ok(ignore.includes(kept), kept);
    assert.ok(!ignore.some((l) => /src|node_modules|test/.test(l)));
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('names no repository (there is no public one) and ships an MIT LICENSE matching its license field', () => {
    const raw = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { repository?: unknown; license?: string; scripts: Record<string, string> };
    assert.equal(raw.repository, undefined);
    assert.equal(raw.license, 'MIT');
    assert.match(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} Lockstep contributors\n/);
    assert.ok(raw.scripts.package.includes('--allow-missing-repository') && !raw.scripts.package.includes('--skip-license'), raw.scripts.package);
  });
});

describe('client logic', () => {
  it('restarts a crashing server five times within three minutes, then stops until later', () => {
    const policy = new RestartPolicy();
    const t0 = 1_000_000;
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => policy.recordCrash(t0 + i * 1000)), [true, true, true, true, true]);
    assert.equal(policy.recordCrash(t0 + 6000), false);
    assert.equal(policy.recordCrash(t0 + 4 * 60_000), true, 'old crashes age out');
    policy.reset();
    assert.equal(policy.recordCrash(t0 + 4 * 60_000 + 1), true);
  });

  it('names targets the way the status bar shows them', () => {
    assert.equal(displayTarget('mariadb-10.11'), 'MariaDB 10.11');
    assert.equal(displayTarget('mysql-8.0'), 'MySQL 8.0');
    assert.equal(displayTarget('mysql-8.0.35'), 'MySQL 8.0.35');
    assert.equal(displayTarget('oracle-19'), 'oracle-19');
    for (const target of KNOWN_TARGETS) assert.match(displayTarget(target), /^(MySQL|MariaDB) \d+\.\d+$/);
  });
});
