// The migration plan in a real VS Code (code-server 4.100.3 driven by Chromium): extension tests
// through the `payload` route (suite/plan.ts), then as a user on a Flyway migration that renames
// person.last_name: "Lockstep: Show Migration Plan" opens the plan as a read-only Markdown document
// and writes nothing; the Quick Fix "Rewrite as a safe multi-release sequence" opens the refactor
// preview, Apply creates the migrations, and the Problems panel then shows no error. Screenshots go
// to test-artifacts/.
// Skips with a reason when code-server or Chromium is unavailable, unless LOCKSTEP_REQUIRE_E2E=1.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningCodeServer } from './codeServer';
import { ARTIFACTS, bundleSuite, CodeServerSession, e2ePrerequisite, installedExtensionDir, openWindow, readSuiteReport, runExtensionHostSuite, until } from './harness';
import { applyQuickFix, clickInLine, editorLine, openFromExplorer, openProblems, plain, problemRows, runFromPalette } from './workbench';

const MIGRATIONS = 'db/migration';
const RENAME = `${MIGRATIONS}/V2__rename_last_name.sql`;
const V1 = 'CREATE TABLE person (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  first_name VARCHAR(50) NOT NULL,\n  last_name VARCHAR(50) NOT NULL\n);\n';
const V2 = '-- the column gets its real name\nALTER TABLE person RENAME COLUMN last_name TO surname;\n';

const { tools, missing, skip } = e2ePrerequisite('the VS Code migration plan tests');

describe('the migration plan in VS Code (code-server + Chromium)', { skip, timeout: 300_000 }, () => {
  let session: CodeServerSession | undefined;
  let scratch = '';
  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;
  let workspace = '';
  let extensionDir = '';
  let suiteModule = '';
  const migrations = (): string[] => readdirSync(join(workspace, MIGRATIONS)).sort((a, b) => version(a) - version(b));

  before(async () => {
    assert.ok(tools, `VS Code end-to-end tests required but ${missing}`);
    session = await CodeServerSession.start(tools, 'lockstep-e2e-plan-');
    ({ scratch, server, browser } = session);
    extensionDir = installedExtensionDir(session.dirs);
    suiteModule = join(scratch, 'suite-plan', 'plan.js');
    await bundleSuite('plan', suiteModule);
    workspace = flywayWorkspace(join(scratch, 'workspace-plan'));
  });

  after(() => session?.close('code-server-plan.log'));

  it('extension tests of the plan pass in the extension host (payload route)', async () => {
    assert.ok(browser && server);
    const run = await runExtensionHostSuite(browser, server, flywayWorkspace(join(scratch, 'workspace-plan-api')), extensionDir, suiteModule);
    const report = readSuiteReport(suiteModule, run);
    assert.deepEqual(report.results.filter((r) => !r.ok).map((r) => r.name), []);
    assert.equal(run.code, 0);
  });

  it('the Problems panel shows the rename-column error', async () => {
    assert.ok(browser && server);
    page = await openWindow(browser, server, workspace);
    await openFromExplorer(page, RENAME);
    await openProblems(page);
    const rows = await until('the rename-column row', async () => {
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
    const rows = await until('the preview rows', async () => {
      const texts = (await preview.locator('.monaco-list-row').allInnerTexts()).map((t) => plain(t).replace(/\s+/g, ' ').trim());
      return texts.some((t) => t.includes('V3__')) ? texts : undefined;
    });
    assert.ok(rows.some((t) => t.includes('V2__rename_last_name.sql')), `the migration itself is in the preview: ${rows.join(' | ')}`);
    assert.ok(rows.filter((t) => t.includes('(creating)')).length >= 2, `the new files are marked as created: ${rows.join(' | ')}`);
    // every change needs confirmation: each starts unchecked, and the user ticks the files after reading them
    await runFromPalette(page, 'View: Toggle Maximized Panel');
    const boxes = preview.locator('input.edit-checkbox');
    await until('every row of the preview rendered', async () => ((await preview.locator('.monaco-list-row').count()) >= rows.length ? true : undefined));
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
    const created = await until('the new migrations on disk', async () => {
      const names = migrations().slice(2);
      return names.length >= 2 && names.every((n) => statSync(join(workspace, MIGRATIONS, n)).size > 0) ? names : undefined;
    });
    for (const [i, name] of created.entries()) assert.match(name, new RegExp(`^V${i + 3}__\\w+\\.sql$`), 'the next Flyway versions');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('S'); // Save All: the rewritten migration too, unless refactorings saved it already
    const rewritten = await until('the rewritten migration on disk', async () => {
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
    await until('the rename-column error to go', async () => ((await problemRows(page)).some((t) => t.includes('rename-column')) ? undefined : true));
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

function version(name: string): number {
  return Number(/^V(\d+)__/.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);
}
