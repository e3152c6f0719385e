// The will-fail rule against the live MariaDB: every MariaDB-targeted will-fail fixture runs on a
// scratch schema. An invalid fixture's flagged statement must fail with the error number its
// finding names (everything before it must succeed); a valid fixture must run without an error.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Connection } from 'mysql2/promise';
import { parseFile } from '../../server/src/engine/parse/index';
import { rules } from '../../server/src/engine/rules';
import { parseTarget } from '../../server/src/engine/targets';
import { requireDbOrSkip } from '../helpers/db';
import { lintFixture, readFixture, type Fixture } from '../helpers/rule-fixtures';

const DIR = join(__dirname, '..', 'rules', 'will-fail');
const SCHEMA = `lockstep_will_fail_${process.pid}`;
const ids = rules.map((r) => r.meta.id);

interface Case { name: string; fx: Fixture; valid: boolean }

function cases(): Case[] {
  const out: Case[] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    for (const name of readdirSync(join(DIR, kind)).filter((f) => f.endsWith('.sql')).sort()) {
      const fx = readFixture(readFileSync(join(DIR, kind, name), 'utf8'));
      if (fx.target.startsWith('mariadb')) out.push({ name: `${kind}/${name}`, fx, valid: kind === 'valid' });
    }
  }
  return out;
}

function statementTexts(text: string, target: string): { sql: string; start: number; end: number }[] {
  return parseFile(text, { target: parseTarget(target)! }).filter((s) => s.origin === 'top-level').map((s) => ({ sql: text.slice(s.span.start, s.span.end), start: s.span.start, end: s.span.end }));
}

async function run(conn: Connection, sql: string): Promise<number | undefined> {
  try {
    await conn.query(sql);
    return undefined;
  } catch (err) {
    return (err as { errno?: number }).errno ?? -1;
  }
}

/** what went wrong with one fixture on the server, or '' when it behaved as the fixture says */
async function check(conn: Connection, c: Case): Promise<string> {
  await conn.query(`DROP DATABASE IF EXISTS ${SCHEMA}`);
  await conn.query(`CREATE DATABASE ${SCHEMA} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await conn.query(`USE ${SCHEMA}`);
  await conn.query("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
  await conn.query("SET SESSION alter_algorithm = 'DEFAULT'");
  await conn.query('SET SESSION foreign_key_checks = 1');
  for (const s of statementTexts(c.fx.earlier, c.fx.target)) {
    const e = await run(conn, s.sql);
    if (e !== undefined) return `setup statement failed with ${e}: ${s.sql}`;
  }
  const findings = c.valid ? [] : lintFixture(c.fx, 'will-fail', ids, 'error').findings.filter((f) => f.rule === 'will-fail');
  const flagged = findings[0];
  const expected = flagged ? Number(/\berror (\d{4})/i.exec(flagged.message)?.[1]) : undefined;
  for (const s of statementTexts(c.fx.file, c.fx.target)) {
    const e = await run(conn, s.sql);
    const isFlagged = flagged !== undefined && flagged.span.start >= s.start && flagged.span.end <= s.end;
    if (isFlagged) return e === expected ? '' : `the server answered ${e ?? 'ok'}, the finding names ${expected}: ${s.sql}`;
    if (e !== undefined) return `unflagged statement failed with ${e}: ${s.sql}`;
  }
  return flagged ? 'the flagged statement was not found' : '';
}

test('will-fail fixtures fail (or succeed) on the live MariaDB as the rule says', { timeout: 120_000 }, async (t) => {
  const conn = await requireDbOrSkip(t);
  if (!conn) return;
  const all = cases();
  const problems: string[] = [];
  try {
    for (const c of all) {
      const why = await check(conn, c);
      if (why) problems.push(`${c.name}: ${why}`);
    }
  } finally {
    await conn.query(`DROP DATABASE IF EXISTS ${SCHEMA}`).catch(() => undefined);
    await conn.end();
  }
  const refused = all.filter((c) => !c.valid).length;
  console.log(`# will-fail oracle: ${all.length} fixtures on MariaDB (${refused} refused with the named error, ${all.length - refused} accepted), ${all.length - problems.length} agree`);
  assert.deepEqual(problems, []);
});
