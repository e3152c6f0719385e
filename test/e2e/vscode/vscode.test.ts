// The packaged extension in a real VS Code (code-server 4.100.3 driven by Chromium): extension
// tests through the `payload` route, then what a user sees — Problems, Quick Fix, hover, schema
// navigation (a column's hover, the Outline, the schema before a migration).
// Skips with a reason when code-server or Chromium is unavailable, unless LOCKSTEP_REQUIRE_E2E=1.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { installExtension, prepareDirs, RunningCodeServer, type CodeServerDirs } from './codeServer';
import { ARTIFACTS, bundleSuite, e2ePrerequisite, installedExtensionDir, launchChromium, openWindow, packageExtension, readSuiteReport, runExtensionHostSuite } from './harness';
import { applyQuickFix, clickInLine, colorOf, editorLine, hoverInLine, openFromExplorer, openProblems, plain, problemRows, runFromPalette, tokenColors } from './workbench';
import { connect, requireDbOrSkip, TEST_DB } from '../../helpers/db';

const UNSAFE = 'db/migration/V2__unsafe_changes.sql';
// fixture-mysql: its lockstep.config.json names `upgrade/**/*.mysql` as the migrations, for MariaDB 10.11
const MYSQL_MIGRATION = 'upgrade/4.1/schema.mysql';
const { tools, missing, skip } = e2ePrerequisite('the VS Code end-to-end tests');

const timings: Record<string, number> = {};
async function timed<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[name] = Date.now() - started;
  }
}

describe('VS Code end to end (code-server + Chromium)', { skip, timeout: 300_000 }, () => {
  const stepStarted = Date.now();
  let scratch = '';
  let dirs: CodeServerDirs;
  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  let extensionDir = '';
  let suiteModule = '';
  let dryRunDb: string | undefined;

  /** the dev database of the dry-run test: the fixture's `users` table (skipped when the server is unreachable) */
  async function dryRunDatabase(t: TestContext): Promise<string | undefined> {
    const conn = await requireDbOrSkip(t);
    if (!conn) return undefined;
    try {
      const name = `lockstep_e2e_dryrun_${randomBytes(4).toString('hex')}`;
      await conn.query(`CREATE DATABASE \`${name}\``);
      dryRunDb = name;
      await conn.query(`CREATE TABLE \`${name}\`.users (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL, legacy_flag TINYINT NULL) ENGINE=InnoDB`);
      await conn.query(`INSERT INTO \`${name}\`.users (email) VALUES ('a@example.test'), ('b@example.test')`);
      return name;
    } finally {
      await conn.end();
    }
  }

  before(async () => {
    assert.ok(tools, `VS Code end-to-end tests required but ${missing}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    scratch = mkdtempSync(join(tmpdir(), 'lockstep-e2e-'));
    dirs = prepareDirs(scratch);
    const vsix = join(scratch, 'lockstep.vsix');
    await timed('buildAndPackageMs', () => packageExtension(vsix));
    timings.vsixBytes = statSync(vsix).size;
    // bundles only: about 2.1 MB with the TypeScript compiler that reads TypeORM entities (loaded
    // lazily from dist/typescript.js); node_modules would be tens of MB
    assert.ok(timings.vsixBytes < 3_000_000, `the .vsix stays small (bundles only, no node_modules): ${timings.vsixBytes} bytes`);
    await timed('installExtensionMs', () => installExtension(tools.codeServer, dirs, vsix));
    extensionDir = installedExtensionDir(dirs);
    assert.ok(existsSync(join(extensionDir, 'dist', 'server.js')), 'the installed extension carries the language server bundle');
    suiteModule = join(scratch, 'suite', 'index.js');
    await bundleSuite('index', suiteModule);
    for (const name of ['workspace-api', 'workspace-ui']) cpSync(join(import.meta.dirname, 'fixture'), join(scratch, name), { recursive: true });
    cpSync(join(import.meta.dirname, 'fixture-mysql'), join(scratch, 'workspace-mysql'), { recursive: true });
    server = await timed('codeServerStartMs', () => RunningCodeServer.start(tools.codeServer, dirs));
    browser = await launchChromium(tools, scratch, dirs);
  });

  after(async () => {
    if (dryRunDb) {
      const conn = await connect();
      await conn.query(`DROP DATABASE IF EXISTS \`${dryRunDb}\``);
      await conn.end();
    }
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (scratch && existsSync(dirs.log)) cpSync(dirs.log, join(ARTIFACTS, 'code-server.log'));
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    timings.wholeStepMs = Date.now() - stepStarted;
    console.log(`# VS Code e2e timings: ${JSON.stringify(timings)}`);
  });

  it('extension tests pass in the extension host (payload route)', async () => {
    assert.ok(browser && server);
    const [context, running] = [browser, server]; // narrowed for the closure
    const run = await timed('extensionTestsMs', () => runExtensionHostSuite(context, running, join(scratch, 'workspace-api'), extensionDir, suiteModule));
    const report = readSuiteReport(suiteModule, run);
    Object.assign(timings, report.metrics);
    assert.deepEqual(report.results.filter((r) => !r.ok).map((r) => r.name), []);
    assert.equal(run.code, 0);
  });

  /** a new window on `folder`, once the workbench shows the Explorer */
  function openWindowOn(folder: string): Promise<Page> {
    assert.ok(browser && server);
    return openWindow(browser, server, folder);
  }

  describe('what a user sees', () => {
    let page: Page;
    const workspace = (): string => join(scratch, 'workspace-ui');

    before(async () => {
      page = await timed('workbenchLoadMs', () => openWindowOn(workspace()));
      await openFromExplorer(page, UNSAFE);
    });

    after(() => page?.close());

    it('the Problems panel lists the rule ids, without the suppressed one', async () => {
      await openProblems(page);
      const rows = await timed('problemsVisibleMs', async () => {
        const deadline = Date.now() + 30_000;
        for (;;) {
          const texts = await problemRows(page);
          if (['not-null-without-default', 'drop-column'].every((id) => texts.some((t) => t.includes(id)))) return texts;
          if (Date.now() > deadline) throw new Error(`Problems rows: ${texts.join(' | ')}`);
          await page.waitForTimeout(250);
        }
      });
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-problems.png') });
      const notNull = rows.find((t) => t.includes('not-null-without-default'));
      assert.match(notNull ?? '', /age/, 'the message names the column');
      assert.ok(!rows.some((t) => /lockstep\((add-index|unused-ignore)\)/.test(t)), `add-index is suppressed by the comment, which is used: ${rows.join(' | ')}`);
      const status = plain(await page.locator('.statusbar').innerText());
      assert.match(status, /MySQL 8\.0/, 'the status bar shows the target');
    });

    it('the injected grammars colour online-DDL keywords and the ignore directive', async () => {
      const dropColumn = await tokenColors(page, 'legacy_flag');
      const directive = await tokenColors(page, 'lockstep-disable-next-line');
      const plainColor = colorOf(dropColumn, 'users');
      assert.notEqual(colorOf(dropColumn, 'ALGORITHM'), plainColor);
      assert.notEqual(colorOf(dropColumn, 'INSTANT'), plainColor);
      const commentColor = colorOf(directive, '-- users holds a few hundred rows');
      assert.notEqual(colorOf(directive, 'lockstep-disable-next-line'), commentColor);
      assert.notEqual(colorOf(directive, 'add-index'), commentColor);
    });

    it('a quick fix chosen with Ctrl+. rewrites the migration on disk', async () => {
      await clickInLine(page, 'ADD COLUMN age', 'NOT NULL', 2);
      const items = await applyQuickFix(page, /^Make age nullable/, join(ARTIFACTS, 'vscode-quick-fix-menu.png'));
      assert.ok(items.some((t) => /disable/i.test(t)), `a "disable" action is offered too: ${items.join(' | ')}`);
      await page.keyboard.press('Control+S');
      const file = join(workspace(), UNSAFE);
      const deadline = Date.now() + 10_000;
      while (!readFileSync(file, 'utf8').includes('ADD COLUMN age INT NULL;') && Date.now() < deadline) await page.waitForTimeout(100);
      const lines = readFileSync(file, 'utf8').split('\n');
      assert.equal(lines[1], 'ALTER TABLE users ADD COLUMN age INT NULL;');
      assert.equal(lines.length, 6, 'nothing else changed');
      const deadline2 = Date.now() + 10_000;
      while ((await problemRows(page)).some((t) => t.includes('not-null-without-default')) && Date.now() < deadline2) await page.waitForTimeout(100);
      const rows = await problemRows(page);
      assert.ok(!rows.some((t) => t.includes('not-null-without-default')), `the fixed finding leaves the Problems panel: ${rows.join(' | ')}`);
      assert.ok(rows.some((t) => t.includes('drop-column')), 'the other finding stays');
    });

    it('hovering a DDL statement shows the predicted algorithm and lock', async () => {
      const text = await hoverInLine(page, 'idx_users_email', 'CREATE');
      await page.waitForTimeout(500); // let the hover finish fading in before the screenshot
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-hover.png') });
      assert.match(text, /mysql-8\.0/, 'for the target');
      assert.match(text, /INPLACE\s+NONE\s+no/, 'algorithm, lock, rebuild');
      await page.keyboard.press('Escape');
    });

    it('hovering a column name shows its definition from the earlier migration', async () => {
      const text = await timed('navigationHoverMs', () => hoverInLine(page, 'ON users (email)', '(email'));
      await page.waitForTimeout(500); // let the hover finish fading in before the screenshot
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-hover-column.png') });
      assert.match(text, /column users\.email/);
      assert.match(text, /`email` varchar\(255\)[^\n]*NOT NULL/i, 'the definition V1 gave it');
      assert.match(text, /db\/migration\/V1__create_users\.sql line 1/, 'and the migration that made it so');
      await page.keyboard.press('Escape');
    });

    it('the Outline view lists the statements grouped by table', async () => {
      const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /outline/i }) }).locator('.monaco-list-row');
      const rows = await timed('navigationOutlineMs', async () => {
        await runFromPalette(page, 'Explorer: Focus on Outline View');
        const deadline = Date.now() + 15_000;
        for (;;) {
          const texts = await outline.evaluateAll((els) => els.map((el) => `${el.getAttribute('aria-level') ?? '?'} ${el.querySelector('.label-name')?.textContent ?? ''} · ${el.querySelector('.label-description')?.textContent ?? ''}`));
          if (texts.some((t) => t.includes('CREATE INDEX'))) return texts.map(plain);
          if (Date.now() > deadline) throw new Error(`Outline rows: ${texts.join(' | ')}`);
          await page.waitForTimeout(200);
        }
      });
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-outline.png') });
      assert.deepEqual(rows, [
        '1 SET SESSION lock_wait_timeout = 5 · set',
        '1 users · table',
        '2 ALTER TABLE users ADD COLUMN age INT NULL · alters',
        '2 ALTER TABLE users DROP COLUMN legacy_flag, ALGORITHM=INSTANT · alters',
        '2 CREATE INDEX idx_users_email ON users (email) · keys',
      ]);
    });

    it('"Show Schema Before This Migration" opens the replayed schema as a read-only SQL document', async () => {
      await clickInLine(page, 'ADD COLUMN age', 'ADD');
      const tab = page.locator('.tabs-container .tab', { hasText: 'Schema before V2__unsafe_changes.sql' }).first();
      await timed('navigationSchemaBeforeMs', async () => {
        await runFromPalette(page, 'Lockstep: Show Schema Before This Migration');
        await tab.waitFor({ timeout: 15_000 });
        await editorLine(page, 'CREATE TABLE `users`').waitFor({ timeout: 10_000 });
      });
      const active = page.locator('.editor-group-container.active');
      const lines = (await active.locator('.view-line').allInnerTexts()).map(plain).join('\n');
      assert.match(lines, /-- before db\/migration\/V2__unsafe_changes\.sql \(chain db\/migration, flyway\): after 1 migration/);
      assert.match(lines, /`legacy_flag` tinyint NULL/, 'the column V2 drops is still there');
      assert.doesNotMatch(lines, /`age`/, 'V2\'s own ADD COLUMN is not');
      assert.match(plain(await page.locator('.statusbar').innerText()), /\bSQL\b/, 'in SQL mode');
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-schema-before.png') });
      await active.locator('.view-line', { hasText: 'CREATE' }).first().click();
      await page.keyboard.type('x');
      await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).first().waitFor({ timeout: 5_000 });
      assert.doesNotMatch((await active.locator('.view-line').allInnerTexts()).map(plain).join('\n'), /xCREATE|CREATEx/, 'nothing was typed');
      await tab.locator('.codicon-close').click();
      await tab.waitFor({ state: 'detached', timeout: 5_000 });
      await clickInLine(page, 'ADD COLUMN age', 'ADD');
    });

    it('clicking the target in the status bar picks another one, saved in the workspace settings', async () => {
      await page.locator('.statusbar-item', { hasText: 'MySQL 8.0' }).first().click();
      const picker = page.locator('.quick-input-widget');
      await picker.locator('.monaco-list-row', { hasText: 'MariaDB 10.11' }).first().waitFor({ state: 'visible', timeout: 10_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-set-target.png') });
      await page.keyboard.type('MariaDB 10.11');
      await page.keyboard.press('Enter');
      await page.locator('.statusbar-item', { hasText: 'MariaDB 10.11' }).first().waitFor({ timeout: 10_000 });
      const settings = JSON.parse(readFileSync(join(workspace(), '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
      assert.equal(settings['lockstep.target'], 'mariadb-10.11');
      const text = await hoverInLine(page, 'idx_users_email', 'CREATE');
      assert.match(text, /mariadb-10\.11/, 'the server analyzes for the new target');
    });

    it('connects to the dev database, then the "Dry-run on dev database" lens opens the panel with the measured algorithm', async (t) => {
      const database = await dryRunDatabase(t);
      if (!database) return;
      await timed('dryRunUiMs', async () => {
        await runFromPalette(page, 'Lockstep: Connect to Database');
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(`mysql://${TEST_DB.user}@${TEST_DB.host}:${TEST_DB.port}/${database}`);
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible', timeout: 10_000 });
        if (TEST_DB.password) await page.keyboard.type(String(TEST_DB.password));
        await page.keyboard.press('Enter'); // the test server's root has no password: the input accepts empty
        await page.locator('.statusbar-item', { hasText: `dev: ${TEST_DB.user}@${TEST_DB.host}/${database}` }).first().waitFor({ timeout: 10_000 });

        // the topmost lens: above `ALTER TABLE users ADD COLUMN age INT NULL;` (the quick fix made it nullable)
        const lenses = page.locator('.codelens-decoration a', { hasText: 'Dry-run on dev database' });
        await lenses.first().waitFor({ timeout: 15_000 });
        const tops = await lenses.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
        await lenses.nth(tops.indexOf(Math.min(...tops))).click();

        const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        const measured = panel.locator('td.measured').first();
        await measured.waitFor({ timeout: 30_000 });
        assert.equal(plain(await measured.innerText()).trim(), 'INSTANT');
        const body = plain(await panel.locator('body').innerText());
        assert.match(body, /ADD COLUMN age INT NULL/);
        assert.match(body, /MariaDB \d+\.\d+/, 'the server version');
        assert.match(body, /Predicted by the linter/);
        await page.keyboard.press('Control+J'); // hide the Problems panel: more room for the dry-run panel
        await page.waitForTimeout(300); // let the progress notification fade before the screenshot
        await page.screenshot({ path: join(ARTIFACTS, 'vscode-dry-run-panel.png') });

        // the opt-in MDL impact preview of the statement under the cursor (still on the ADD COLUMN line)
        await clickInLine(page, 'ADD COLUMN age', 'ADD');
        await runFromPalette(page, 'Lockstep: Dry-run with Metadata-Lock Preview');
        const chart = panel.locator('svg.mdl-timeline').first();
        await chart.waitFor({ timeout: 30_000 });
        assert.ok((await panel.locator('svg.mdl-timeline').count()) >= 1, 'one chart per run');
        assert.match(plain(await panel.locator('body').innerText()), /Metadata-lock preview/i);
        await chart.scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(ARTIFACTS, 'vscode-dry-run-mdl-preview.png') });
      });
    });
  });

  describe('a migration with another extension, named by the config file\'s globs', () => {
    it('is analyzed although VS Code opens it as plain text; the status bar shows the config file\'s target', async () => {
      const page = await timed('mysqlWorkbenchLoadMs', () => openWindowOn(join(scratch, 'workspace-mysql')));
      await timed('mysqlOpenMs', () => openFromExplorer(page, MYSQL_MIGRATION));
      await openProblems(page);
      const rows = await timed('mysqlProblemsVisibleMs', async () => {
        const deadline = Date.now() + 30_000;
        for (;;) {
          const texts = await problemRows(page);
          if (texts.some((t) => t.includes('drop-column'))) return texts;
          if (Date.now() > deadline) throw new Error(`Problems rows: ${texts.join(' | ')}`);
          await page.waitForTimeout(250);
        }
      });
      const target = page.locator('.statusbar-item', { hasText: 'MariaDB 10.11' }).first();
      await target.waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-mysql-extension.png') });
      assert.ok(rows.some((t) => t.includes('schema.mysql')), `the file row names the .mysql file: ${rows.join(' | ')}`);
      assert.match(rows.find((t) => t.includes('drop-column')) ?? '', /legacy/, 'the finding names the column');
      const status = plain(await page.locator('.statusbar').innerText());
      assert.match(status, /Plain Text/, 'VS Code has no SQL mode for .mysql: the client sent it because the server\'s globs match');
      assert.match(plain(await target.getAttribute('aria-label')), /Lockstep target MariaDB 10\.11/);
      await page.close();
    });
  });
});
