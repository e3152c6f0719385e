// Content from a migration or a command argument that tries to act on the editor: Markdown that
// would load a remote image in the hover, URIs and paths a docs command would open.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ExecuteCommandRequest, MarkupContent } from 'vscode-languageserver-protocol';
import { codeSpan } from '../../server/src/lsp/markdown';
import { ensureBundle, fileUri, LspClient, ROOT } from './client';
import { pathToFileURL } from 'node:url';

let workspace: string;
let client: LspClient;

before(async () => {
  await ensureBundle();
  workspace = mkdtempSync(join(tmpdir(), 'lockstep-lsp-hostile-'));
  client = await LspClient.start({ root: workspace });
});

after(async () => {
  await client?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

/** the Markdown outside code spans (CommonMark: a run of n backticks closes at the next run of exactly n) */
function outsideCode(md: string): string {
  let out = '';
  for (let i = 0; i < md.length; ) {
    if (md[i] === '\\') {
      out += md.slice(i, i + 2);
      i += 2;
      continue;
    }
    const run = /^`+/.exec(md.slice(i))?.[0];
    if (!run) {
      out += md[i++];
      continue;
    }
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = i + run.length;
    const m = close.exec(md);
    if (m) i = m.index + run.length;
    else {
      out += run;
      i += run.length;
    }
  }
  return out;
}

const unescapedImage = (md: string): boolean => /(^|[^\\])!\[/.test(outsideCode(md));

test('a code span is never closed from inside', () => {
  assert.equal(codeSpan('a``b'), '```a``b```');
  assert.equal(codeSpan('`x`'), '`` `x` ``');
  assert.ok(!unescapedImage(`x ${codeSpan('a`` ![t](https://example.test/t.png) `')} y`));
  assert.ok(unescapedImage('x `a` ![t](https://example.test/t.png) y'), 'the check sees the old injection');
});

test('hover: an identifier with backticks and image syntax renders no image', async () => {
  const uri = fileUri(join(workspace, 'inject.sql'));
  const sql = 'ALTER TABLE `a`` ![t](https://example.test/track.png) ``b` DROP COLUMN c;\n';
  await client.open(uri, sql);
  await client.diagnosticsFor(uri, 1);
  const hover = await client.hover(uri, { line: 0, character: 3 });
  assert.ok(hover && MarkupContent.is(hover.contents));
  const md = hover.contents.value;
  assert.match(md, /track\.png/, 'the identifier is shown');
  assert.ok(!unescapedImage(md), md);
});

const showDocs = (args: unknown[]): Promise<unknown> =>
  client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'lockstep.server.showRuleDocs', arguments: args });

test('lockstep.server.showRuleDocs opens only known rules, and only http(s) URLs or the shipped page', async () => {
  const shipped = pathToFileURL(join(ROOT, 'docs', 'rules', 'drop-column.md')).toString();
  assert.equal(await showDocs(['drop-column']), shipped);
  assert.equal(await showDocs(['unused-ignore']), pathToFileURL(join(ROOT, 'docs', 'rules', 'unused-ignore.md')).toString());
  assert.equal(await showDocs(['drop-column', 'https://docs.example.test/rules/drop-column.md']), 'https://docs.example.test/rules/drop-column.md');
  for (const url of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'file:///etc/passwd', 'https:no-host']) {
    assert.equal(await showDocs(['drop-column', url]), shipped, url);
  }
  assert.equal(await showDocs(['../../../../etc/passwd']), null);
  assert.equal(await showDocs(['no-such-rule', 'https://docs.example.test/x']), null);
  assert.ok(client.alive());
});
