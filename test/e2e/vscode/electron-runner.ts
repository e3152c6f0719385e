// Runs the extension-host suite (suite/index.ts) in a desktop VS Code downloaded by
// @vscode/test-electron. Needs internet access for the download, so CI here uses code-server
// instead (vscode.test.ts); see README.md. Run: node --import tsx test/e2e/vscode/electron-runner.ts
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { REPO_ROOT } from './environment';
import type { SuiteReport } from './suite/harness';

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'lockstep-electron-'));
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('build failed');
  const suite = join(scratch, 'suite', 'index.js');
  await build({ entryPoints: [join(import.meta.dirname, 'suite', 'index.ts')], outfile: suite, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
  const workspace = join(scratch, 'workspace');
  cpSync(join(import.meta.dirname, 'fixture'), workspace, { recursive: true });
  let failed = false;
  try {
    await runTests({
      version: process.env.LOCKSTEP_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data')],
    });
  } catch {
    failed = true;
  }
  const report = JSON.parse(readFileSync(join(scratch, 'suite', 'results.json'), 'utf8')) as SuiteReport;
  for (const r of report.results) console.log(`${r.ok ? 'ok' : 'not ok'} - ${r.name} (${r.ms} ms)${r.error ? `\n${r.error}` : ''}`);
  console.log(`metrics: ${JSON.stringify(report.metrics)}`);
  if (failed || report.results.some((r) => !r.ok)) process.exit(1);
}

void main();
