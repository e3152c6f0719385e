// Robustness: ≥ 10,000 mutated real-looking inputs (deterministic seed) never make parseFile
// throw or spend more than a second on one input, and spans always stay inside the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFile } from '../server/src/engine/parse';
import { parseTarget } from '../server/src/engine/targets';
import type { Statement, Target } from '../server/src/engine/types';
import { mutate, rng, SEEDS } from './helpers/fuzz-inputs';

function checkSpans(text: string, statements: Statement[]): void {
  for (const st of statements) {
    assert.ok(st.span.start >= 0 && st.span.start <= st.span.end && st.span.end <= text.length, `statement span ${JSON.stringify(st.span)} outside text of ${text.length}`);
    for (const op of st.operations) {
      assert.ok(op.span.start >= 0 && op.span.start <= op.span.end && op.span.end <= text.length, `operation span outside text`);
    }
  }
}

const TARGETS: Target[] = ['mysql-8.0', 'mariadb-10.11', 'mysql-5.7'].map((l) => parseTarget(l)!);

test('10,000 mutated inputs: no exception, no input over 1 s, spans inside the text', () => {
  const random = rng(20240611);
  let slowest = 0;
  let slowestInput = '';
  for (let i = 0; i < 10_000; i++) {
    const input = mutate(SEEDS[i % SEEDS.length], random);
    const target = TARGETS[i % TARGETS.length];
    const started = performance.now();
    let statements: Statement[] = [];
    assert.doesNotThrow(() => {
      statements = parseFile(input, { target });
    }, `input #${i}: ${JSON.stringify(input.slice(0, 200))}`);
    const ms = performance.now() - started;
    if (ms > slowest) {
      slowest = ms;
      slowestInput = input;
    }
    checkSpans(input, statements);
  }
  assert.ok(slowest < 1000, `slowest input took ${slowest.toFixed(0)} ms: ${JSON.stringify(slowestInput.slice(0, 200))}`);
});

const MB = 1 << 20;
const HUGE: Array<[string, () => string]> = [
  ['a 1 MB INSERT line', () => `INSERT INTO t VALUES ${"(1,'x;y'),".repeat(MB / 10)}(2,'z');`],
  ['a 1 MB unterminated quote', () => `ALTER TABLE t ADD c VARCHAR(10) DEFAULT '${'a'.repeat(MB)}`],
  ['1 MB of nested parentheses', () => `ALTER TABLE t ADD c INT DEFAULT ${'('.repeat(MB / 2)}1${')'.repeat(MB / 2)};`],
  ['1 MB of BEGIN without END', () => `CREATE PROCEDURE p() ${'BEGIN '.repeat(MB / 6)}`],
  ['1 MB of statements each opening a routine body', () => 'CREATE PROCEDURE p() BEGIN SELECT 1;\n'.repeat(MB / 36)],
  ['a 1 MB ALTER with many clauses', () => `ALTER TABLE t ${Array.from({ length: MB / 32 }, (_, k) => `ADD COLUMN c${k} INT NOT NULL`).join(', ')};`],
  ['1 MB of comment openers', () => '/* -- # '.repeat(MB / 8)],
  ['1 MB of DELIMITER lines', () => 'DELIMITER $$\nDELIMITER ;\n'.repeat(MB / 26)],
];

for (const [name, make] of HUGE) {
  test(`${name}: parsed in under a second per statement, no exception`, () => {
    const input = make();
    const started = performance.now();
    let statements: Statement[] = [];
    assert.doesNotThrow(() => {
      statements = parseFile(input, { target: TARGETS[0] });
    });
    const ms = performance.now() - started;
    checkSpans(input, statements);
    assert.ok(ms < Math.max(1000, statements.length * 5), `${ms.toFixed(0)} ms for ${statements.length} statements`);
  });
}
