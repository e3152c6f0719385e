// The migration plan in a real VS Code (code-server 4.100.3 driven by Chromium): extension tests
// through the `payload` route (suite/plan.ts), then as a user on a Flyway migration that renames
// person.last_name: "Lockstep: Show Migration Plan" opens the plan as a read-only Markdown document
// and writes nothing; the Quick Fix "Rewrite as a safe multi-release sequence" opens the refactor
// preview, Apply creates the migrations, and the Problems panel then shows no error. Screenshots go
// to test-artifacts/.
// Skips with a reason when code-server or Chromium is unavailable, unless LOCKSTEP_REQUIRE_E2E=1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ensureBundles } from './bundles';
import { installExtension, prepareDirs, RunningCodeServer, type CodeServerDirs } from './codeServer';
import { findTools, REPO_ROOT, type E2eTools } from './environment';
import type { SuiteReport } from './suite/harness';
import { applyQuickFix, clickInLine, editorLine, openFromExplorer, openProblems, plain, problemRows, runFromPalette, waitForWorkbench } from './workbench';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
const MIGRATIONS = 'db/migration';
const RENAME = `${MIGRATIONS}/V2__rename_last_name.sql`;
const V1 = 'CREATE TABLE person (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  first_name VARCHAR(50) NOT NULL,\n  last_name VARCHAR(50) NOT NULL\n);\n';
const V2 = '-- the column gets its real name\nALTER TABLE person RENAME COLUMN last_name TO surname;\n';

const required = process.env.LOCKSTEP_REQUIRE_E2E === '1';
const found = findTools();
const tools: E2eTools | undefined = 'missing' in found ? undefined : found;
const skipReason = 'missing' in found ? `${found.missing}; set LOCKSTEP_REQUIRE_E2E=1 to fail instead` : false;
if (skipReason && !required) console.log(`# skipping the VS Code migration plan tests: ${skipReason}`);

/** polls `probe` until it returns a value, or fails with `what` and the last value seen */
async function until<T>(page: Page, what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(200);
  }
}

describe('the migration plan in VS Code (code-server + Chromium)', { skip: required ? false : skipReason, timeout: 300_000 }, () => {
  let scratch = '';
  let dirs: CodeServerDirs;
  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;
  let workspace = '';
  let extensionDir = '';
  let suiteModule = '';
  const migrations = (): string[] => readdirSync(join(workspace, MIGRATIONS)).sort((a, b) => version(a) - version(b));

  before(async () => {
    assert.ok(tools, `VS Code end-to-end tests required but ${'missing' in found ? found.missing : ''}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    scratch = mkdtempSync(join(tmpdir(), 'lockstep-e2e-plan-'));
    dirs = prepareDirs(scratch);
    const vsix = join(scratch, 'lockstep.vsix');
    if (ensureBundles()) console.log('# rebuilt dist/ (sources were newer than the bundles)');
    run(process.execPath, [join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix]);
    installExtension(tools.codeServer, dirs, vsix);
    extensionDir = join(dirs.extensions, `lockstep.lockstep-${packageVersion()}`);
    suiteModule = join(scratch, 'suite-plan', 'plan.js');
    await build({ entryPoints: [join(import.meta.dirname, 'suite', 'plan.ts')], outfile: suiteModule, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
    workspace = flywayWorkspace(join(scratch, 'workspace-plan'));
    server = await RunningCodeServer.start(tools.codeServer, dirs);
    browser = await chromium.launchPersistentContext(join(scratch, 'chromium-profile'), {
      executablePath: tools.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
      env: dirs.env,
    });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (scratch && existsSync(dirs.log)) cpSync(dirs.log, join(ARTIFACTS, 'code-server-plan.log'));
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('extension tests of the plan pass in the extension host (payload route)', async () => {
    assert.ok(browser && server);
    const api = await browser.newPage();
    const logs: string[] = [];
    const exitCode = new Promise<number>((resolve) => {
      void api.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await api.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      logs.push(`${type}: ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
    });
    const remote = (path: string): string => `vscode-remote://127.0.0.1:${server?.port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extensionDir)],
      ['extensionTestsPath', remote(suiteModule)],
    ]);
    await api.goto(`${server.url}/?folder=${encodeURIComponent(flywayWorkspace(join(scratch, 'workspace-plan-api')))}&payload=${encodeURIComponent(payload)}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no exit code after 120 s; log:\n${logs.join('\n')}`)), 120_000);
    });
    const code = await Promise.race([exitCode, timeout]).finally(() => clearTimeout(timer));
    const reportPath = join(scratch, 'suite-plan', 'results.json');
    assert.ok(existsSync(reportPath), `the suite wrote no results (exit code ${code}); log:\n${logs.join('\n')}`);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as SuiteReport;
    for (const r of report.results) console.log(`# extension host: ${r.ok ? 'ok' : 'FAILED'} - ${r.name} (${r.ms} ms)${r.error ? `\n${r.error}` : ''}`);
    assert.deepEqual(report.results.filter((r) => !r.ok).map((r) => r.name), []);
    assert.equal(code, 0);
    await api.close();
  });

  it('the Problems panel shows the rename-column error', async () => {
    assert.ok(browser && server);
    page = await browser.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await waitForWorkbench(page);
    await openFromExplorer(page, RENAME);
    await openProblems(page);
    const rows = await until(page, 'the rename-column row', async () => {
      const texts = await problemRows(page);
      return texts.some((t) => t.includes('rename-column')) ? texts : undefined;
    });
    assert.match(rows.find((t) => t.includes('rename-column')) ?? '', /last_name/);
  });

  it('"Lockstep: Show Migration Plan" opens the plan of the statement at the cursor as read-only Markdown and writes nothing', async () => {
    await clickInLine(page, 'RENAME COLUMN', 'RENAME');
    await runFromPalette(page, 'Lockstep: Show Migration Plan');
    const tab = page.locator('.tabs-container .tab', { hasText: 'Plan for V2__rename_last_name.sql line 2 (rename-column).md' }).first();
    await tab.waitFor({ timeout: 15_000 });
    await editorLine(page, '# Migration plan').waitFor({ timeout: 10_000 });
    const active = page.locator('.editor-group-container.active');
    const text = (await active.locator('.view-line').allInnerTexts()).map(plain).join('\n');
    assert.match(text, /Release 1/);
    assert.match(text, /surname/);
    assert.match(plain(await page.locator('.statusbar').innerText()), /\bMarkdown\b/, 'in Markdown mode');
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-plan-document.png') });
    await active.locator('.view-line', { hasText: 'Migration plan' }).first().click();
    await page.keyboard.type('x');
    await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).first().waitFor({ timeout: 5_000 });
    assert.deepEqual(migrations(), ['V1__create_person.sql', 'V2__rename_last_name.sql'], 'nothing written');
    assert.equal(readFileSync(join(workspace, RENAME), 'utf8'), V2);
    await page.keyboard.press('Escape'); // the read-only message would cover the tab's close button
    await page.locator('.monaco-editor-overlaymessage').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await tab.locator('.codicon-close').click();
    await tab.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('the rewrite Quick Fix opens the refactor preview; Apply creates the migrations and replaces the statement', async () => {
    await clickInLine(page, 'RENAME COLUMN', 'RENAME');
    const items = await applyQuickFix(page, /^Rewrite as a safe multi-release sequence$/, join(ARTIFACTS, 'vscode-plan-quick-fix-menu.png'));
    assert.ok(items.includes('Rewrite as a safe multi-release sequence (remove the statement)'), items.join(' | '));
    const preview = page.locator('.bulk-edit-panel');
    await preview.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 15_000 });
    const rows = await until(page, 'the preview rows', async () => {
      const texts = (await preview.locator('.monaco-list-row').allInnerTexts()).map((t) => plain(t).replace(/\s+/g, ' ').trim());
      return texts.some((t) => t.includes('V3__')) ? texts : undefined;
    });
    assert.ok(rows.some((t) => t.includes('V2__rename_last_name.sql')), `the migration itself is in the preview: ${rows.join(' | ')}`);
    assert.ok(rows.filter((t) => t.includes('(creating)')).length >= 2, `the new files are marked as created: ${rows.join(' | ')}`);
    // every change needs confirmation: each starts unchecked, and the user ticks the files after reading them
    await runFromPalette(page, 'View: Toggle Maximized Panel');
    const boxes = preview.locator('input.edit-checkbox');
    await until(page, 'every row of the preview rendered', async () => ((await preview.locator('.monaco-list-row').count()) >= rows.length ? true : undefined));
    assert.deepEqual([...new Set(await boxes.evaluateAll((els) => els.map((el) => (el as unknown as { checked: boolean }).checked)))], [false], 'nothing is checked before the user does');
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-plan-refactor-preview.png') });
    const states = async (): Promise<boolean[]> => boxes.evaluateAll((els) => els.map((el) => (el as unknown as { checked: boolean }).checked));
    for (let i = 0; i < (await boxes.count()); i++) {
      if ((await states())[i] === false) await boxes.nth(i).click();
      await page.waitForTimeout(100);
    }
    assert.deepEqual([...new Set(await states())], [true], 'every change checked');
    assert.deepEqual(migrations(), ['V1__create_person.sql', 'V2__rename_last_name.sql'], 'nothing written before Apply');

    await preview.locator('.buttons .monaco-button', { hasText: /^Apply$/ }).first().click();
    await preview.locator('.monaco-list-row').first().waitFor({ state: 'hidden', timeout: 15_000 });
    await runFromPalette(page, 'View: Toggle Maximized Panel');
    const created = await until(page, 'the new migrations on disk', async () => {
      const names = migrations().slice(2);
      return names.length >= 2 && names.every((n) => statSync(join(workspace, MIGRATIONS, n)).size > 0) ? names : undefined;
    });
    for (const [i, name] of created.entries()) assert.match(name, new RegExp(`^V${i + 3}__\\w+\\.sql$`), 'the next Flyway versions');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('S'); // Save All: the rewritten migration too, unless refactorings saved it already
    const rewritten = await until(page, 'the rewritten migration on disk', async () => {
      const text = readFileSync(join(workspace, RENAME), 'utf8');
      return text.includes('Rewritten by Lockstep') ? text : undefined;
    });
    assert.doesNotMatch(rewritten, /^ALTER TABLE/m, 'the unsafe statement is replaced');
    for (const name of created) assert.ok(rewritten.includes(`${MIGRATIONS}/${name}`), `the comment names ${name}`);
    const first = readFileSync(join(workspace, MIGRATIONS, created[0] ?? ''), 'utf8');
    assert.match(first, /ADD COLUMN `surname`/);
  });

  it('the Problems panel then shows no error, for the migration or the new files', async () => {
    // the folder is expanded (and shown compact, `db / migration`): the new files are rows of the Explorer
    for (const name of migrations().slice(2)) {
      await page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first().dblclick();
      await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: 15_000 });
    }
    await openProblems(page);
    await until(page, 'the rename-column error to go', async () => ((await problemRows(page)).some((t) => t.includes('rename-column')) ? undefined : true));
    await page.waitForTimeout(2_000); // the new files' analyses
    const errors = await page.locator('.markers-panel .monaco-list-row .codicon-error').count();
    const rows = await problemRows(page);
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-plan-problems-after.png') });
    assert.equal(errors, 0, `no error in the Problems panel: ${rows.join(' | ')}`);
    const status = plain(await page.locator('#status\\.problems').first().getAttribute('aria-label'));
    assert.match(status, /^(No Problems|Errors: 0\b)/, status);
  });
});

/** a Flyway project: V1 creates person, V2 renames its last_name */
function flywayWorkspace(root: string): string {
  mkdirSync(join(root, MIGRATIONS), { recursive: true });
  writeFileSync(join(root, 'lockstep.config.json'), `${JSON.stringify({ target: 'mariadb-10.11' }, null, 2)}\n`);
  writeFileSync(join(root, MIGRATIONS, 'V1__create_person.sql'), V1);
  writeFileSync(join(root, RENAME), V2);
  return root;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function version(name: string): number {
  return Number(/^V(\d+)__/.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);
}

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}
