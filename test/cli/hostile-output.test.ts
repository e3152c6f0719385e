// JSON and SARIF reports larger than the longest string the runtime can build (~512 MB) are
// written as they are produced instead of crashing with `RangeError: Invalid string length`, and
// stay byte for byte what JSON.stringify(…, null, 2) writes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { Finding, StatementResult } from '../../server/src/engine';
import { parseTarget } from '../../server/src/engine';
import { fileReport, type LintReport } from '../../server/src/cli/report';
import { writeReport } from '../../server/src/cli/reporters';
import { cliBundle, runCli, scratchDir } from './harness';

/**
 * Checks a pretty-printed JSON document read piece by piece, never holding it whole: each element
 * of an array nested four levels deep (statements and findings of a file, results of a SARIF run)
 * is parsed on its own, and the rest of the document (the skeleton, those arrays left empty) is
 * parsed at the end. Counts the elements by the key of their array.
 */
class ElementwiseJson {
  /** the document without the elements */
  skeleton = '';
  readonly counts = new Map<string, number>();
  private pending = '';
  private element: string | undefined;
  private array = '';
  private lastHadComma = false;

  feed(chunk: string): void {
    const lines = (this.pending + chunk).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  /** the skeleton, parsed, once everything has been fed */
  end(): unknown {
    assert.equal(this.pending, '', 'the document ends with a newline');
    assert.equal(this.element, undefined, 'an element is left open');
    return JSON.parse(this.skeleton);
  }

  private line(line: string): void {
    const ELEMENT = '        {';
    if (this.element !== undefined) {
      if (line === '        }' || line === '        },') {
        JSON.parse(`${this.element}}`);
        this.counts.set(this.array, (this.counts.get(this.array) ?? 0) + 1);
        this.lastHadComma = line.endsWith(',');
        this.element = undefined;
      } else {
        this.element += `${line}\n`;
      }
      return;
    }
    if (line === ELEMENT) {
      assert.ok((this.counts.get(this.array) ?? 0) === 0 || this.lastHadComma, `no comma before an element of ${this.array}`);
      this.element = '{\n';
      return;
    }
    const opens = /^ {6}"(\w+)": \[$/.exec(line);
    if (opens) {
      this.array = opens[1];
      this.lastHadComma = false;
    } else if (/^ {6}\]/.test(line)) {
      assert.ok(!this.lastHadComma, `a comma after the last element of ${this.array}`);
    }
    this.skeleton += `${line}\n`;
  }
}

test('--format json on 600,000 statements (8 MB) streams a report that parses, with every statement and finding', { timeout: 600_000 }, async () => {
  const dir = scratchDir();
  mkdirSync(join(dir, 'migrations'));
  const count = 600_000;
  writeFileSync(join(dir, 'migrations', 'V1__drop.sql'), 'DROP TABLE a;\n'.repeat(count));
  const child = spawn(process.execPath, [cliBundle(), 'lint', 'migrations', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const json = new ElementwiseJson();
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => json.feed(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(status, 1, stderr);
  const skeleton = json.end() as { files: Array<{ path: string }>; summary: { statements: number; analyzed: number; findings: { error: number } } };
  assert.deepEqual(skeleton.files.map((f) => f.path), ['migrations/V1__drop.sql']);
  assert.equal(json.counts.get('statements'), count);
  assert.equal(json.counts.get('findings'), skeleton.summary.findings.error + 1);
  assert.deepEqual([skeleton.summary.statements, skeleton.summary.analyzed, skeleton.summary.findings.error], [count, count, count]);
});

test('--format sarif writes 600,000 results as they are produced', { timeout: 300_000 }, async () => {
  const count = 600_000;
  const text = 'DROP TABLE a;\n'.repeat(count);
  const message = 'Dropping table a deletes its data and breaks the running app version, which still reads and writes it.';
  const findings: Finding[] = Array.from({ length: count }, (_, k) => ({ rule: 'drop-table', severity: 'error', message, help: 'Release 1: stop every read and write of a (optionally RENAME TABLE a TO a_old and wait); release 2: drop it.', span: { start: k * 14, end: k * 14 + 12 }, statementIndex: k }));
  const statements: StatementResult[] = [];
  const report: LintReport = { target: parseTarget('mysql-8.0')!, files: [fileReport('migrations/V1__drop.sql', text, statements, findings)] };
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const sarif = new ElementwiseJson();
  let bytes = 0;
  out.setEncoding('utf8').on('data', (chunk: string) => {
    bytes += chunk.length;
    sarif.feed(chunk);
  });
  await writeReport('sarif', report, { color: false }, out);
  out.end();
  const skeleton = sarif.end() as { version: string; runs: Array<{ results: unknown[] }> };
  assert.equal(skeleton.version, '2.1.0');
  assert.equal(sarif.counts.get('results'), count);
  assert.ok(bytes > 2 ** 29, `only ${bytes} characters: not past the longest string`);
});

for (const format of ['json', 'sarif']) {
  test(`--format ${format} is exactly JSON.stringify(…, null, 2) of what it holds`, () => {
    const r = runCli(['lint', 'shop', '--format', format, '--fail-on', 'never']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
  });
}
