// Every preferred fix of the invalid rule fixtures must run on a real MariaDB: the fixture's earlier
// migrations, then the fixed file, statement by statement, in a scratch schema.
// - fixtures that target MariaDB: their own findings' fixes;
// - fixtures that target MySQL: linted again for mariadb-10.11; used only when the unfixed file runs
//   on MariaDB as it is (otherwise it is MySQL-only SQL, or fails on purpose, and is skipped).
// Skips with a printed reason when the server is unreachable; fails instead with LOCKSTEP_REQUIRE_DB=1.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Connection } from 'mysql2/promise';
import { applyEdits } from '../../server/src/engine/fix/edits';
import { parseFile } from '../../server/src/engine/parse';
import { rules } from '../../server/src/engine/rules';
import { parseTarget } from '../../server/src/engine/targets';
import { connect, requireDbOrSkip } from '../helpers/db';
import { lintFixture, readFixture, type Fixture } from '../helpers/rule-fixtures';

const SCHEMA = 'lockstep_fixcheck';
const MARIADB_TARGET = 'mariadb-10.11';
const ids = rules.map((r) => r.meta.id);

interface Case {
  name: string;
  fixture: Fixture;
  fixed: string;
  /** the unfixed file must run first (fixtures written for MySQL) */
  needsOriginal: boolean;
}

/** the fixture's file with the preferred fix of every finding of its rule applied, or undefined when none is offered */
function fixedFile(fx: Fixture, ruleId: string, severity: (typeof rules)[number]['meta']['defaultSeverity']): string | undefined {
  const found = lintFixture(fx, ruleId, ids, severity).findings.filter((f) => f.rule === ruleId);
  const edits = found.flatMap((f) => (f.fixes ?? []).filter((x) => x.preferred).slice(0, 1)).flatMap((f) => f.edits);
  return edits.length > 0 ? applyEdits(fx.file, edits) : undefined;
}

function collectCases(): Case[] {
  const cases: Case[] = [];
  for (const rule of rules) {
    const dir = join(__dirname, rule.meta.id, 'invalid');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql') && !f.endsWith('.fixed.sql')).sort()) {
      const fx = readFixture(readFileSync(join(dir, name), 'utf8'));
      const mariadb = parseTarget(fx.target)?.flavor === 'mariadb';
      const asMariadb = mariadb ? fx : { ...fx, target: MARIADB_TARGET };
      const fixed = fixedFile(asMariadb, rule.meta.id, rule.meta.defaultSeverity);
      if (fixed !== undefined) cases.push({ name: `${rule.meta.id}/${name}${mariadb ? '' : ` (as ${MARIADB_TARGET})`}`, fixture: asMariadb, fixed, needsOriginal: !mariadb });
    }
  }
  return cases;
}

/** the file's top-level statements as the server takes them (no delimiters, DELIMITER lines dropped) */
function statementsOf(text: string, target: string): string[] {
  const t = parseTarget(target);
  if (!t) throw new Error(`unknown target ${target}`);
  return parseFile(text, { target: t })
    .filter((s) => s.origin === 'top-level')
    .map((s) => text.slice(s.span.start, s.span.end).trim())
    .filter((sql) => sql !== '' && !/^DELIMITER\b/i.test(sql));
}

/** runs SQL in a fresh scratch schema on a fresh session; the first error, or undefined */
async function runScript(parts: readonly string[], target: string): Promise<string | undefined> {
  const conn: Connection = await connect();
  try {
    await conn.query(`DROP DATABASE IF EXISTS ${SCHEMA}`);
    await conn.query(`CREATE DATABASE ${SCHEMA} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
    await conn.query(`USE ${SCHEMA}`);
    for (const part of parts) {
      for (const sql of statementsOf(part, target)) {
        try {
          await conn.query(sql);
        } catch (err) {
          return `${err instanceof Error ? err.message : String(err)}\n    in: ${sql.replace(/\s+/g, ' ').slice(0, 200)}`;
        }
      }
    }
    return undefined;
  } finally {
    await conn.end();
  }
}

test('preferred fixes of the invalid rule fixtures execute on MariaDB', async (t) => {
  const probe = await requireDbOrSkip(t);
  if (!probe) return;
  await probe.end();
  const cases = collectCases();
  assert.ok(cases.length > 0, 'no fixture offers a preferred fix');
  const failures: string[] = [];
  const skipped: string[] = [];
  let ran = 0;
  try {
    for (const c of cases) {
      if (c.needsOriginal) {
        const original = await runScript([c.fixture.earlier, c.fixture.file], c.fixture.target);
        if (original) {
          skipped.push(`${c.name}: the unfixed file does not run on MariaDB (${original.split('\n')[0]})`);
          continue;
        }
      } else {
        const earlier = await runScript([c.fixture.earlier], c.fixture.target);
        assert.equal(earlier, undefined, `${c.name}: the fixture's earlier migrations must run on MariaDB`);
      }
      ran++;
      const error = await runScript([c.fixture.earlier, c.fixed], c.fixture.target);
      if (error) failures.push(`${c.name}: ${error}`);
    }
  } finally {
    const conn = await connect();
    await conn.query(`DROP DATABASE IF EXISTS ${SCHEMA}`);
    await conn.end();
  }
  console.log(`# fixes executed: ${ran} fixtures, ${failures.length} failed, ${skipped.length} skipped as MySQL-only`);
  for (const s of skipped) console.log(`#   skipped ${s}`);
  assert.deepEqual(failures, [], 'fixed files that MariaDB rejects');
  assert.ok(ran * 2 > cases.length, `only ${ran} of ${cases.length} fixtures ran on MariaDB: the check would prove little`);
});
