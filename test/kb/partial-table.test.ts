// Predictions for tables no migration creates, where an earlier ALTER of the file told the old
// definition of a column (a partial table in the catalog).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyStatement, emptyCatalog } from '../../server/src/engine/catalog/apply';
import { isGuessedPrediction, predict } from '../../server/src/engine/kb/predict';
import { initialSession } from '../../server/src/engine/session';
import { parseFile } from '../../server/src/engine/parse';
import { parseTarget } from '../../server/src/engine/targets';
import type { Prediction } from '../../server/src/engine/types';

const target = parseTarget('mysql-8.0')!;

/** the prediction of the file's last statement, after replaying the ones before it */
function predictLast(sql: string): Prediction | null {
  const catalog = emptyCatalog();
  const statements = parseFile(sql, { target });
  for (const st of statements.slice(0, -1)) applyStatement(catalog, st, 'V2.sql');
  return predict(statements[statements.length - 1], catalog, target, initialSession());
}

test('MODIFY … NOT NULL of a column the file added: an in-place rebuild, not an assumed type change', () => {
  const p = predictLast('ALTER TABLE orders ADD COLUMN note TEXT NULL;\nALTER TABLE orders MODIFY note TEXT NOT NULL;')!;
  assert.equal(p.algorithm, 'INPLACE');
  assert.equal(p.rebuild, true);
  assert.doesNotMatch(p.reason, /old definition unknown/);
});

test('MODIFY of a column the file never mentioned still assumes a type change and says it guessed', () => {
  const p = predictLast('ALTER TABLE orders ADD COLUMN note TEXT NULL;\nALTER TABLE orders MODIFY status VARCHAR(20) NOT NULL;')!;
  assert.equal(p.algorithm, 'COPY');
  assert.match(p.reason, /old definition unknown/);
  assert.ok(isGuessedPrediction(p));
});
