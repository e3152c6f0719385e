// The online-DDL oracle: every case runs through the engine (parse → catalog replay → predict for
// mariadb-10.11) and against the live MariaDB, and the prediction must match what the server did.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFile } from '../../server/src/engine/parse/index';
import { applyStatement, emptyCatalog, snapshotCatalog } from '../../server/src/engine/catalog/apply';
import { findTable } from '../../server/src/engine/catalog/lookup';
import { initialSession, nextSession } from '../../server/src/engine/session';
import { parseTarget } from '../../server/src/engine/targets';
import { predict } from '../../server/src/engine/kb/predict';
import type { Prediction, SessionState } from '../../server/src/engine/types';
import { requireDbOrSkip } from '../helpers/db';
import { measure, openSchema, oracleSchema, withClause } from './oracle-measure';
import type { Measured, OracleCase } from './oracle-measure';
import { ORACLE_CASES } from './oracle-cases';

const TARGET = parseTarget('mariadb-10.11')!;

interface EnginePrediction {
  prediction: Prediction | null;
  /** the partitions the catalog says the table has after the statement */
  partitionsAfter: string[];
  /** fixed mode: the prediction under `SET alter_algorithm = 'INPLACE'` */
  underAlterAlgorithm?: Prediction | null;
}

function runEngine(c: OracleCase): EnginePrediction {
  const statementSql = c.clause ? withClause(c.sql, c.clause) : c.sql;
  const text = [...c.setup, ...(c.session ?? []), statementSql].map((s) => `${s};`).join('\n');
  const statements = parseFile(text, { target: TARGET });
  const catalog = emptyCatalog();
  let session: SessionState = initialSession();
  const last = statements[statements.length - 1];
  for (const st of statements.slice(0, -1)) {
    applyStatement(catalog, st, 'setup.sql');
    session = nextSession(session, st);
  }
  const prediction = predict(last, catalog, TARGET, session);
  const after = snapshotCatalog(catalog);
  applyStatement(after, last, 'case.sql');
  const table = last.operations[0] ? findTable(after, last.operations[0].table) : undefined;
  const partitionsAfter = table?.partitioning?.names.map((n) => n.toLowerCase()) ?? [];
  if (c.mode !== 'fixed') return { prediction, partitionsAfter };
  const clauseless = { ...last, ddlOptions: {} };
  return { prediction, partitionsAfter, underAlterAlgorithm: predict(clauseless, catalog, TARGET, { ...session, alterAlgorithm: 'INPLACE' }) };
}

/** what the engine says is re-created: 'all' (a rebuild, or every partition the table keeps), these partitions, or nothing */
function predictedRewrites(p: Prediction, partitionsAfter: string[]): string[] | 'all' {
  if (p.rebuild || p.rewritesPartitions === 'all') return 'all';
  const named = (p.rewritesPartitions ?? []).map((n) => n.toLowerCase()).sort();
  return partitionsAfter.length > 0 && partitionsAfter.every((n) => named.includes(n)) ? 'all' : named;
}

function sameRewrites(a: string[] | 'all', b: string[] | 'all'): boolean {
  return a === 'all' || b === 'all' ? a === b : a.join(',') === b.join(',');
}

function showRewrites(r: string[] | 'all'): string {
  return r === 'all' ? 'all' : r.length === 0 ? 'nothing' : r.join(', ');
}

function errno(message: string | undefined): string | undefined {
  return message?.match(/^\d{4}/)?.[0];
}

function disagreements(c: OracleCase, engine: EnginePrediction, server: Measured): string[] {
  const p = engine.prediction;
  if (c.mode === 'none') {
    const out = p ? [`engine predicted ${p.algorithm} for a statement without an algorithm`] : [];
    return server.rejected ? [...out, `server refused the SQL: ${server.rejected}`] : out;
  }
  if (!p) return ['engine: no prediction'];
  const out: string[] = [];
  if (server.algorithm && p.algorithm !== server.algorithm) out.push(`algorithm ${p.algorithm} ≠ server ${server.algorithm}`);
  if (server.lock && p.lock !== server.lock) out.push(`lock ${p.lock} ≠ server ${server.lock}`);
  // a rebuild re-creates the table (every partition); partition maintenance re-creates only some partitions
  const rewrites = predictedRewrites(p, engine.partitionsAfter);
  if (!sameRewrites(rewrites, server.rewritten)) out.push(`re-creates ${showRewrites(rewrites)} ≠ server ${showRewrites(server.rewritten)}`);
  if (!!p.rejected !== !!server.rejected || errno(p.rejected) !== errno(server.rejected)) {
    out.push(`rejected ${p.rejected ?? 'no'} ≠ server ${server.rejected ?? 'no'}`);
  }
  if (c.mode === 'fixed' && server.refusesAlterAlgorithm !== undefined) {
    const predicted = !!engine.underAlterAlgorithm?.rejected;
    if (predicted !== server.refusesAlterAlgorithm) out.push(`alter_algorithm=INPLACE refused: engine ${predicted} ≠ server ${server.refusesAlterAlgorithm}`);
  }
  return out;
}

const WORKERS = 3;

test('online-DDL predictions agree with the live MariaDB', { timeout: 300_000 }, async (t) => {
  const first = await requireDbOrSkip(t);
  if (!first) return;
  const conns = [first, ...(await Promise.all(Array.from({ length: WORKERS - 1 }, () => requireDbOrSkip(t))))].filter((c) => c !== undefined);
  const started = Date.now();
  const failures: string[] = new Array(ORACLE_CASES.length).fill('');
  let next = 0;
  try {
    const [[version]] = (await first.query('SELECT VERSION() AS v')) as unknown as [{ v: string }[]];
    await Promise.all(
      conns.map(async (conn, worker) => {
        const schema = oracleSchema(worker);
        await openSchema(conn, schema);
        while (next < ORACLE_CASES.length) {
          const i = next++;
          const c = ORACLE_CASES[i];
          const engine = runEngine(c);
          const server = await measure(conn, schema, c);
          const diff = disagreements(c, engine, server);
          if (diff.length > 0) {
            failures[i] = `${c.name} [${c.covers}]: ${diff.join('; ')}\n    engine: ${engine.prediction?.reason ?? '-'} ${engine.prediction?.rejected ?? ''}\n    server: ${server.tries.join(' | ')}`;
          }
        }
      }),
    );
    const failed = failures.filter((f) => f !== '');
    const agreed = ORACLE_CASES.length - failed.length;
    const pct = ((100 * agreed) / ORACLE_CASES.length).toFixed(1);
    console.log(`# oracle: ${ORACLE_CASES.length} cases on ${version.v}, ${agreed} agree (${pct}%), ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await Promise.all(conns.map((conn, worker) => conn.query(`DROP DATABASE IF EXISTS ${oracleSchema(worker)}`).catch(() => undefined)));
    await Promise.all(conns.map((conn) => conn.end()));
  }
  const gaps = failures.filter((f, i) => f !== '' && ORACLE_CASES[i].todo);
  const failed = failures.filter((f, i) => f !== '' && !ORACLE_CASES[i].todo);
  assert.deepEqual(failed, [], failed.join('\n'));
  const todo = gaps.length > 0 ? gaps.map((g) => g.split('\n')[0]).join('; ') : false;
  await t.test('known disagreements caused outside the knowledge base', { todo }, () => {
    assert.deepEqual(gaps, []);
  });
});
