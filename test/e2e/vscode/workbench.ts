// Drives the VS Code workbench in Chromium the way a user would: Explorer, Problems, Ctrl+., hover.
import type { Locator, Page } from 'playwright-core';

/** Monaco renders spaces as U+00A0. */
export function plain(text: string | null): string {
  return (text ?? '').replaceAll('\u00a0', ' ');
}

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/** Expands the folders and double-clicks the file in the Explorer (Ctrl+P is unreliable before focus). */
export async function openFromExplorer(page: Page, path: string): Promise<void> {
  const parts = path.split('/');
  for (const [i, name] of parts.entries()) {
    const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(name) }) }).first();
    await row.waitFor({ timeout: 15_000 });
    if (i < parts.length - 1) {
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      await moveMouseAway(page); // a folder row's path tooltip would cover the rows below it
    } else {
      await row.dblclick();
    }
  }
  const tab = page.locator('.tabs-container .tab', { hasText: parts.at(-1) });
  await tab.waitFor({ timeout: 15_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Parks the mouse over the (empty or text) editor area, where it shows no tooltip. */
async function moveMouseAway(page: Page): Promise<void> {
  const box = await page.locator('.part.editor').boundingBox();
  if (box) await page.mouse.move(box.x + box.width - 20, box.y + box.height - 20);
}

/** The rendered editor line whose text contains `needle` (Monaco's DOM order is not line order). */
export function editorLine(page: Page, needle: string): Locator {
  return page.locator('.editor-instance .view-line').filter({ hasText: needle.replaceAll(' ', '\u00a0') }).first();
}

/** Clicks inside an editor line, just after the first occurrence of `text` begins (monospace font). */
export async function clickInLine(page: Page, needle: string, text: string, charsInto = 1): Promise<void> {
  const line = editorLine(page, needle);
  const content = line.locator(':scope > span').first();
  const box = await content.boundingBox();
  const full = plain(await content.textContent());
  const index = full.indexOf(text);
  if (!box || index < 0) throw new Error(`"${text}" not found in the editor line "${full}"`);
  const charWidth = box.width / full.length;
  await page.mouse.click(box.x + charWidth * (index + charsInto) + 1, box.y + box.height / 2);
}

export async function hoverInLine(page: Page, needle: string, text: string): Promise<string> {
  const line = editorLine(page, needle);
  const content = line.locator(':scope > span').first();
  const box = await content.boundingBox();
  const full = plain(await content.textContent());
  const index = full.indexOf(text);
  if (!box || index < 0) throw new Error(`"${text}" not found in the editor line "${full}"`);
  const charWidth = box.width / full.length;
  await page.mouse.move(box.x + charWidth * (index + 2), box.y + box.height / 2, { steps: 4 });
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  return plain(await hover.innerText());
}

export async function openProblems(page: Page): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  await page.keyboard.press('Control+Shift+M');
  try {
    await panel.waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    await page.locator('#status\\.problems a, #status\\.problems').first().click();
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
  }
  return panel;
}

/** Texts of the Problems rows (file rows and marker rows). */
export async function problemRows(page: Page): Promise<string[]> {
  const rows = page.locator('.markers-panel .monaco-list-row');
  return (await rows.allInnerTexts()).map((t) => plain(t).replace(/\s+/g, ' ').trim());
}

/** Ctrl+. at the cursor, then Enter on the first action whose label matches (the menu needs keys). */
export async function applyQuickFix(page: Page, label: RegExp, screenshot?: string): Promise<string[]> {
  const menu = page.locator('.action-widget');
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await menu.locator('.monaco-list-row.action').first().waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch {
      if (attempt === 1) throw new Error('the Quick Fix menu did not open');
      await page.keyboard.press('Escape');
    }
  }
  const items = (await menu.locator('.monaco-list-row.action').allInnerTexts()).map((t) => plain(t).trim());
  if (screenshot) await page.screenshot({ path: screenshot });
  const index = items.findIndex((t) => label.test(t));
  if (index < 0) throw new Error(`no quick fix matching ${label} among: ${items.join(' | ')}`);
  for (let i = 0; i < items.length; i++) {
    const focused = plain(await menu.locator('.monaco-list-row.action.focused').first().innerText().catch(() => '')).trim();
    if (label.test(focused)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: 5_000 });
  return items;
}

/** [token text, CSS colour] for each rendered token of the editor line containing `needle`. */
export async function tokenColors(page: Page, needle: string): Promise<[string, string][]> {
  const tokens = editorLine(page, needle).locator(':scope > span > span');
  const pairs = await tokens.evaluateAll((elements) =>
    elements.map((el) => [el.textContent ?? '', (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color] as [string, string]),
  );
  return pairs.map(([text, color]) => [plain(text), color]);
}

/** The colour of the token whose trimmed text is `text`; throws when no token is exactly that. */
export function colorOf(tokens: [string, string][], text: string): string {
  const hit = tokens.find(([t]) => t.trim() === text);
  if (!hit) throw new Error(`no token "${text}" among ${JSON.stringify(tokens.map(([t]) => t))}`);
  return hit[1];
}

/** F1, the command's title, Enter (the palette filters as it is typed) */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-box input').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(title);
  await widget.locator('.monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
}
