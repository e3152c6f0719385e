// The language server over stdio on a git fixture (git-fixture.ts: the base committed, the working
// tree on top), started before a test file's tests and stopped after them.
import { after, before } from 'node:test';
import { ensureBundle, LspClient } from '../lsp/client';
import { gitFixture } from './git-fixture';

export interface LspOnFixture {
  dir: string;
  client: LspClient;
}

export function lspOnGitFixture(base: Record<string, string>, working: Record<string, string> = {}): LspOnFixture {
  const fixture = {} as LspOnFixture;
  before(async () => {
    await ensureBundle();
    fixture.dir = gitFixture(base, working);
    fixture.client = await LspClient.start({ root: fixture.dir });
  });
  after(async () => {
    await fixture.client?.stop();
  });
  return fixture;
}

/** each published diagnostic as [rule, line] */
export function rulesAndLines(p: { diagnostics: { code?: number | string; range: { start: { line: number } } }[] }): (string | number | undefined)[][] {
  return p.diagnostics.map((d) => [d.code, d.range.start.line]);
}
