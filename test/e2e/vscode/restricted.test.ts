// Restricted Mode in a real VS Code (code-server 4.100.3 with Workspace Trust on, driven by
// Chromium): a folder the user does not trust is linted, but "Connect to Database…" and the
// dry-run only tell the user to trust it, and nothing reaches the database until they do; once
// trusted, connecting and the dry-run work against the test database.
// Skips with a reason when code-server or Chromium is unavailable, unless LOCKSTEP_REQUIRE_E2E=1.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { RunningCodeServer } from './codeServer';
import { ARTIFACTS, CodeServerSession, e2ePrerequisite, until } from './harness';
import { CountingDbProxy } from './restrictedDbProxy';
import { clickInLine, openFromExplorer, openProblems, plain, problemRows, runFromPalette, waitForWorkbench } from './workbench';
import { dropDatabase, requireDbOrSkip, TEST_DB } from '../../helpers/db';

const MIGRATION = 'db/migration/V2__drop_legacy_flag.sql';
const PROJECT: Record<string, string> = {
  'db/migration/V1__create_users.sql':
    'CREATE TABLE users (\n  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  email VARCHAR(255) NOT NULL,\n  legacy_flag TINYINT NULL\n) ENGINE=InnoDB;\n',
  [MIGRATION]: 'ALTER TABLE users DROP COLUMN legacy_flag;\n',
};
/** what the extension says when a database feature is used before the workspace is trusted */
const ASKS_FOR_TRUST = /Lockstep connects to a database and dry-runs migrations only in a trusted workspace/;
const DRY_RUN_LENS = 'Dry-run on dev database';

const { tools, missing, skip } = e2ePrerequisite('the Restricted Mode end-to-end tests');

describe('VS Code Restricted Mode end to end (code-server with Workspace Trust)', { skip, timeout: 300_000 }, () => {
  let session: CodeServerSession | undefined;
  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  let proxy: CountingDbProxy | undefined;
  let page: Page;
  let project = '';
  /** the test database the trusted window connected to (dropped at the end) */
  let connectedDb: string | undefined;

  before(async () => {
    assert.ok(tools, `VS Code end-to-end tests required but ${missing}`);
    session = await CodeServerSession.start(tools, 'lockstep-e2e-restricted-', { workspaceTrust: true });
    ({ server, browser } = session);
    project = join(session.scratch, 'downloaded-project');
    for (const [path, text] of Object.entries(PROJECT)) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    // every connection of the extension or its language server to this port is counted
    proxy = await CountingDbProxy.start(String(TEST_DB.host), Number(TEST_DB.port));
    page = await browser.newPage();
  });

  after(async () => {
    if (connectedDb) await dropDatabase(connectedDb);
    await session?.close('code-server-restricted.log');
    await proxy?.stop();
  });

  it('the folder opens in Restricted Mode and its migration is linted', async () => {
    assert.ok(server);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(project)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // the trust prompt of a folder opened for the first time: the user declines
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(plain(await dialog.innerText()), /trust the authors/i);
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-restricted-trust-prompt.png') });
    await dialog.locator('.monaco-button', { hasText: /No, I don.t trust/i }).first().click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 15_000 });

    await openFromExplorer(page, MIGRATION);
    await openProblems(page);
    const rows = await until(async () => `Problems rows: ${(await problemRows(page)).join(' | ')}`, async () => {
      const texts = await problemRows(page);
      return texts.some((t) => t.includes('drop-column')) ? texts : undefined;
    }, 30_000, 250);
    assert.match(rows.find((t) => t.includes('drop-column')) ?? '', /legacy_flag/, 'the finding names the column');
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-restricted-problems.png') });
  });

  it('"Connect to Database…" asks for trust instead of a URL, and connects to nothing', async () => {
    await runFromPalette(page, 'Lockstep: Connect to Database');
    const toast = await restrictedNotification(page);
    assert.equal(await page.locator('.quick-input-widget .quick-input-box input').isVisible(), false, 'no URL is asked for');
    await page.waitForTimeout(500); // let the notification finish sliding in before the screenshot
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-restricted-connect.png') });
    await dismiss(toast);
    assert.doesNotMatch(plain(await page.locator('.statusbar').innerText()), /\bdev: /, 'no database in the status bar');
    assert.equal(proxy?.connections, 0, 'no connection reached the database');
  });

  it('the dry-run lens asks for trust instead of running, and connects to nothing', async () => {
    const lens = page.locator('.codelens-decoration a', { hasText: DRY_RUN_LENS }).first();
    await lens.waitFor({ timeout: 15_000 });
    await lens.click();
    const toast = await restrictedNotification(page);
    await page.waitForTimeout(1_000); // a dry-run would open its panel (and a progress notification) by now
    assert.equal(await page.locator('iframe.webview').count(), 0, 'no dry-run panel');
    assert.equal(await page.locator('.notification-toast', { hasText: 'Lockstep dry-run' }).count(), 0, 'no dry-run in progress');
    await dismiss(toast);
    assert.equal(proxy?.connections, 0, 'no connection reached the database');
  });

  it('after the user trusts the folder from the notification, Connect and the dry-run reach the database', async (t) => {
    const conn = await requireDbOrSkip(t);
    if (!conn) return;
    const database = `lockstep_e2e_restricted_${randomBytes(4).toString('hex')}`;
    try {
      await conn.query(`CREATE DATABASE \`${database}\``);
      connectedDb = database;
      await conn.query(`CREATE TABLE \`${database}\`.users (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL, legacy_flag TINYINT NULL) ENGINE=InnoDB`);
    } finally {
      await conn.end();
    }

    // the notification's button opens the Workspace Trust editor; the user trusts the folder there
    await runFromPalette(page, 'Lockstep: Connect to Database');
    const toast = await restrictedNotification(page);
    await toast.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).first().click();
    const trustEditor = page.locator('.workspace-trust-editor');
    const trustButton = trustEditor.locator('.monaco-button', { hasText: /^Trust/ }).first();
    await trustButton.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-restricted-trust-editor.png') });
    await trustButton.click();
    await until(() => 'the status bar still shows Restricted Mode', async () => ((await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).count()) === 0 ? true : undefined), 15_000, 250);
    await page.keyboard.press('Control+W'); // close the trust editor
    await clickInLine(page, 'DROP COLUMN', 'DROP');

    // the same command now asks for the URL and the password, and connects through the counting relay
    await runFromPalette(page, 'Lockstep: Connect to Database');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`mysql://${TEST_DB.user}@${TEST_DB.host}:${proxy?.port}/${database}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible', timeout: 10_000 });
    if (TEST_DB.password) await page.keyboard.type(String(TEST_DB.password));
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: `dev: ${TEST_DB.user}@${TEST_DB.host}` }).first().waitFor({ timeout: 10_000 });

    const lens = page.locator('.codelens-decoration a', { hasText: DRY_RUN_LENS }).first();
    await lens.click();
    const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const measured = panel.locator('td.measured').first();
    await measured.waitFor({ timeout: 30_000 });
    const body = plain(await panel.locator('body').innerText());
    assert.match(body, /DROP COLUMN legacy_flag/);
    assert.match(body, /MariaDB \d+\.\d+/, 'the server version, read from the database');
    assert.ok((proxy?.connections ?? 0) > 0, 'the dry-run connected through the URL the user gave');
    await page.waitForTimeout(300); // let the progress notification fade before the screenshot
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-restricted-trusted-dry-run.png') });
  });

  it('when the user takes the trust back, the window reloads in Restricted Mode and the remembered database is left alone', async (t) => {
    if (!connectedDb || !proxy) return void t.skip('needs the connection made in the trusted window');
    const connectionsBefore = proxy.connections;
    await runFromPalette(page, 'View: Close All Editors'); // the trust editor gets the whole width
    await runFromPalette(page, 'Workspaces: Manage Workspace Trust');
    // the folder is trusted through its entry in the editor's list of trusted folders: the user removes it
    const entry = page.locator('.workspace-trust-editor .monaco-table-tr', { hasText: 'downloaded-project' }).first();
    await entry.waitFor({ timeout: 15_000 });
    await entry.scrollIntoViewIfNeeded();
    await entry.hover();
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-restricted-trusted-folders.png') });
    const reloaded = page.waitForEvent('domcontentloaded', { timeout: 60_000 });
    await entry.locator('.action-label[aria-label="Delete Path"]').first().click();
    await reloaded;
    // the window reloads in Restricted Mode; a new language server starts with the URL still remembered
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 60_000 });
    await waitForWorkbench(page);
    // the Explorer comes back with db/migration expanded (one compact row): the file's row is there already
    const fileRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'V2__drop_legacy_flag.sql' }).first();
    await fileRow.waitFor({ timeout: 15_000 });
    await fileRow.dblclick();
    const lens = page.locator('.codelens-decoration a', { hasText: DRY_RUN_LENS }).first();
    await lens.waitFor({ timeout: 30_000 });
    await lens.click();
    const toast = await restrictedNotification(page);
    await page.waitForTimeout(2_000); // time enough for a schema read or a dry-run to reach the relay
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-restricted-after-untrust.png') });
    await dismiss(toast);
    assert.equal(proxy.connections, connectionsBefore, 'neither the language server nor the dry-run connected');
  });
});

/** the extension's Restricted Mode warning, once it is shown */
async function restrictedNotification(page: Page): Promise<Locator> {
  const toast = page.locator('.notification-toast', { hasText: ASKS_FOR_TRUST }).first();
  await toast.waitFor({ state: 'visible', timeout: 10_000 });
  assert.ok(await toast.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).count(), 'the warning offers to manage trust');
  return toast;
}

async function dismiss(toast: Locator): Promise<void> {
  await toast.hover();
  await toast.locator('.codicon-notifications-clear').first().click();
  await toast.waitFor({ state: 'hidden', timeout: 5_000 });
}
