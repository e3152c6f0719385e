// `lockstep lsp --stdio` starts the language server: it answers `initialize` over stdin/stdout.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { cliBundle, FIXTURES } from './harness';

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

test('lsp --stdio answers initialize with its capabilities, then exits on shutdown/exit', async () => {
  const child = spawn(process.execPath, [cliBundle(), 'lsp', '--stdio'], { cwd: FIXTURES, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const initialized = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no initialize response; got: ${out.slice(0, 500)}`)), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/"id":1,"result"|"result".*"id":1/.test(out) && out.includes('capabilities')) {
        clearTimeout(timer);
        resolve(out);
      }
    });
  });
  child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  const response = await initialized;
  assert.match(response, /"hoverProvider":true/);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdin.write(frame({ id: 2, method: 'shutdown' }));
  child.stdin.write(frame({ method: 'exit' }));
  assert.equal(await exited, 0);
});

test('lsp without a transport is a usage error', async () => {
  const child = spawn(process.execPath, [cliBundle(), 'lsp'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 2);
  assert.match(err, /--stdio/);
});
