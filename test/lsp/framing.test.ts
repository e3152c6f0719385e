// Bad LSP framing on stdin: the server says so on stderr and exits non-zero (the client restarts
// it) instead of staying up without ever answering again.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { before, test } from 'node:test';
import { FramingGuard, MAX_MESSAGE_BYTES } from '../../server/src/lsp/framing';
import { ensureBundle, SERVER } from './client';

before(async () => {
  await ensureBundle();
});

interface Ended {
  code: number | null;
  stderr: string;
}

/** spawns the server, writes `input`, and waits up to `ms` for it to exit */
function runServer(input: string, ms: number): Promise<Ended | 'still running'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.resume();
    const timer = setTimeout(() => {
      child.kill();
      resolve('still running');
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.write(input);
  });
}

const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const framed = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

const cases: Array<[string, string, RegExp]> = [
  ['a missing Content-Length', `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${initialize}`, /without Content-Length/],
  ['a non-numeric Content-Length', `Content-Length: abc\r\n\r\n${initialize}`, /not a byte count/],
  ['a negative Content-Length', `Content-Length: -5\r\n\r\n${initialize}`, /not a byte count/],
  ['a huge Content-Length', `Content-Length: 99999999999\r\n\r\n${initialize}`, /above the .*limit/],
];

for (const [name, input, message] of cases) {
  test(`${name} ends the server with a message on stderr`, async () => {
    const ended = await runServer(framed(initialize) + input, 5000);
    assert.notEqual(ended, 'still running', 'the server should exit');
    if (ended === 'still running') return;
    assert.notEqual(ended.code, 0);
    assert.match(ended.stderr, /bad LSP message framing/);
    assert.match(ended.stderr, message);
  });
}

test('the guard follows well-framed messages split anywhere', () => {
  const stream = Buffer.from(framed(initialize) + framed('{}') + `Content-Length: 0\r\n\r\n` + framed(initialize), 'utf8');
  for (const size of [1, 3, 7, 64, stream.length]) {
    const guard = new FramingGuard();
    for (let i = 0; i < stream.length; i += size) assert.equal(guard.push(stream.subarray(i, i + size)), undefined, `chunks of ${size}`);
  }
  assert.match(new FramingGuard().push(Buffer.from(`Content-Length: ${MAX_MESSAGE_BYTES + 1}\r\n\r\n`)) ?? '', /limit/);
});
