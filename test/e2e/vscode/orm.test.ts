// A Prisma model edit in a real VS Code (code-server 4.100.3 driven by Chromium). The test makes a
// git repository with a committed prisma/schema.prisma, opens it from the Explorer (no Prisma
// extension is installed: it is Plain Text, and the client sends it by its name), renames a field
// by typing, finds rename-column on the field's line in the Problems panel, applies the Prisma
// quick fix `@map("email")` with Ctrl+., and sees the problem go. Then lockstep.config.json's
// `orm.models` names src/db/*.ts: a TypeORM entity there, which no naming convention calls a model,
// is sent to the server and its renamed property reported. Screenshots go to test-artifacts/.
// Skips with a reason when code-server or Chromium is unavailable, unless LOCKSTEP_REQUIRE_E2E=1.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningCodeServer } from './codeServer';
import { ARTIFACTS, CodeServerSession, e2ePrerequisite, openWindow, until } from './harness';
import { applyQuickFix, clickInLine, editorLine, openFromExplorer, openProblems, plain, problemRows } from './workbench';

const SCHEMA = 'prisma/schema.prisma';
const COMMITTED = [
  'datasource db {',
  '  provider = "mysql"',
  '  url      = env("DATABASE_URL")',
  '}',
  '',
  'model User {',
  '  id    Int    @id @default(autoincrement())',
  '  email String @db.VarChar(191)',
  '}',
  '',
].join('\n');
const FIELD_LINE = 8; // 1-based: the `email` field
// a TypeORM entity in a folder no naming convention calls a model folder: `orm.models` names it
const ENTITY = 'src/db/user-profile.ts';
const ENTITY_TEXT = [
  "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';",
  '',
  '@Entity()',
  'export class UserProfile {',
  '  @PrimaryGeneratedColumn()',
  '  id: number;',
  '',
  '  @Column({ length: 100 })',
  '  name: string;',
  '}',
  '',
].join('\n');
const DECORATOR_LINE = 8; // 1-based: `@Column({ length: 100 })` above `name`
const FIX = 'Keep the column email: map contact to it with @map("email")';

const { tools, missing, skip } = e2ePrerequisite('the VS Code ORM model tests');

describe('ORM model diagnostics in VS Code (code-server + Chromium)', { skip, timeout: 300_000 }, () => {
  let session: CodeServerSession | undefined;
  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;
  let workspace = '';

  before(async () => {
    assert.ok(tools, `VS Code end-to-end tests required but ${missing}`);
    session = await CodeServerSession.start(tools, 'lockstep-e2e-orm-');
    ({ server, browser } = session);
    workspace = prismaRepository(join(session.scratch, 'workspace-orm'));
  });

  after(() => session?.close('code-server-orm.log'));

  it('the committed schema.prisma opens as Plain Text with no problem', async () => {
    assert.ok(browser && server);
    page = await openWindow(browser, server, workspace);
    await openFromExplorer(page, SCHEMA);
    assert.match(plain(await page.locator('.statusbar').innerText()), /\bPlain Text\b/, 'no Prisma extension: the file has no language of its own');
    await openProblems(page);
    await page.waitForTimeout(1_500); // the model diff of the unchanged file
    assert.deepEqual((await problemRows(page)).filter((t) => t.includes('lockstep')), []);
  });

  it('renaming a field in the editor shows rename-column on the field\'s line in the Problems panel', async () => {
    await clickInLine(page, 'email String', 'email', 0);
    await page.keyboard.press('Control+Shift+ArrowRight'); // selects `email`
    await page.keyboard.type('contact');
    const rows = await until('the rename-column row', async () => {
      const texts = await problemRows(page);
      return texts.some((t) => t.includes('rename-column')) ? texts : undefined;
    });
    const row = rows.find((t) => t.includes('rename-column')) ?? '';
    assert.match(row, /Probable rename: field email \(column email\) was removed and contact/);
    assert.match(row, new RegExp(`\\[Ln ${FIELD_LINE}, Col 3\\]`), row);
    assert.ok(rows.some((t) => t.startsWith('schema.prisma')), `the file row names schema.prisma: ${rows.join(' | ')}`);
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-orm-prisma-rename.png') });
    assert.equal(readFileSync(join(workspace, SCHEMA), 'utf8'), COMMITTED, 'nothing is written before the user saves');
  });

  it('the @map quick fix keeps the column; the problem goes and the saved model maps the field', async () => {
    await clickInLine(page, 'contact String', 'contact');
    const items = await applyQuickFix(page, new RegExp(`^${FIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), join(ARTIFACTS, 'vscode-orm-prisma-quick-fix-menu.png'));
    assert.ok(items.includes('Disable rename-column for this line'), items.join(' | '));
    await until('the rename-column row to go', async () => ((await problemRows(page)).some((t) => t.includes('rename-column')) ? undefined : true));
    await page.keyboard.press('Control+S');
    const saved = await until('the saved model', async () => {
      const text = readFileSync(join(workspace, SCHEMA), 'utf8');
      return text !== COMMITTED ? text : undefined;
    });
    assert.match(saved, /^ {2}contact String @db\.VarChar\(191\) @map\("email"\)$/m);
    await page.waitForTimeout(1_500); // a save reads the git base again and re-runs the diff
    const rows = await problemRows(page);
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-orm-prisma-fixed.png') });
    assert.deepEqual(rows.filter((t) => t.includes('lockstep')), [], rows.join(' | '));
  });

  it('a file the config\'s orm.models names is sent and checked as a model, whatever its name', async () => {
    writeFileSync(join(workspace, 'lockstep.config.json'), `${JSON.stringify({ orm: { models: ['src/db/*.ts'] } }, null, 2)}\n`);
    await openFromExplorer(page, ENTITY);
    await editorLine(page, 'name: string').waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(500); // TypeScript's colouring re-renders the lines once
    await clickInLine(page, 'name: string', 'name', 0);
    await page.keyboard.press('Control+Shift+ArrowRight'); // selects `name`
    await page.keyboard.type('displayName');
    await page.keyboard.press('Escape'); // TypeScript's suggestions
    await openProblems(page);
    const rows = await until('the rename-column row on the entity', async () => {
      const texts = await problemRows(page);
      return texts.some((t) => t.includes('rename-column') && t.includes('displayName')) ? texts : undefined;
    });
    const row = rows.find((t) => t.includes('rename-column')) ?? '';
    assert.match(row, /Probable rename: field name \(column name\) was removed and displayName/);
    assert.match(row, new RegExp(`\\[Ln ${DECORATOR_LINE}, Col \\d+\\]`), row);
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-orm-models-config.png') });
  });
});

/** a git repository whose HEAD has prisma/schema.prisma and the entity, the working tree equal to it */
function prismaRepository(root: string): string {
  mkdirSync(dirname(join(root, SCHEMA)), { recursive: true });
  writeFileSync(join(root, SCHEMA), COMMITTED);
  mkdirSync(dirname(join(root, ENTITY)), { recursive: true });
  writeFileSync(join(root, ENTITY), ENTITY_TEXT);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  git('config', 'commit.gpgsign', 'false');
  git('add', '-A');
  git('commit', '-q', '-m', 'the User model');
  return root;
}
