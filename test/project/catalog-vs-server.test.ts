// "What Lockstep believes the schema is" must be what the server has. For every migration chain
// under test/fixtures/schema-chains (one per convention): the up migrations run on a scratch
// MariaDB database, information_schema is read into the SchemaJson shape and compared with the
// engine's replay; then `schemaToSql` runs on a second scratch database, which must read back the
// same. A mariadb-dump of a chain's database (schema only, and with data) must load into the
// engine as the same schema, without noisy findings.
// Skips with a printed reason when the server is unreachable; fails instead with LOCKSTEP_REQUIRE_DB=1.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { Connection } from 'mysql2/promise';
import { analyzeFile } from '../../server/src/engine/analyze';
import { applyStatement, emptyCatalog } from '../../server/src/engine/catalog/apply';
import { runCli } from '../cli/harness';
import { normalizeExpression, normalizeServerDefault, schemaToJson, type ColumnJson, type ForeignKeyJson, type IndexJson, type SchemaJson, type SchemaJsonOptions, type TableJson } from '../../server/src/engine/catalog/schema-json';
import { parseFile } from '../../server/src/engine/parse';
import { parseTarget } from '../../server/src/engine/targets';
import type { ReferentialAction } from '../../server/src/engine/types';
import { detectConvention, migrationText, orderMigrations } from '../../server/src/engine/workspace';
import { dbRequired, requireDbOrSkip, TEST_DB } from '../helpers/db';

const CHAINS = join(__dirname, '..', 'fixtures', 'schema-chains');
const TARGET = parseTarget('mariadb-10.11')!;
/** every scratch database is created with these defaults, so the engine is told them */
const DB_CHARSET = 'utf8mb4';
const DB_COLLATION = 'utf8mb4_general_ci';
const OPTIONS: SchemaJsonOptions = { serverDefaultCharset: DB_CHARSET, serverDefaultCollation: DB_COLLATION };

function chainFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(dir, p).split('\\').join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/**
 * What Lockstep believes the chain's schema is, as a user asks it: `lockstep schema` in the chain's
 * folder (one chain each), as JSON or as the SQL that recreates it.
 */
function lockstepSchema(chainDir: string, format: 'json' | 'sql'): string {
  const r = runCli(['schema', '.', '--target', TARGET.label, '--format', format], { cwd: chainDir });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function lockstepSchemaJson(chainDir: string): SchemaJson {
  const out = JSON.parse(lockstepSchema(chainDir, 'json')) as { chains: { schema: SchemaJson }[] };
  assert.equal(out.chains.length, 1, `${chainDir} is one migration chain`);
  return out.chains[0].schema;
}

/** the chain's up migrations in run order, split into statements the server takes one by one */
function upStatements(chainDir: string): string[] {
  const files = chainFiles(chainDir);
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const convention = detectConvention([...texts.keys()], (p) => texts.get(p));
  return orderMigrations([...texts.keys()], convention).flatMap((path) => statementsOf(migrationText(texts.get(path) ?? '', convention)));
}

function statementsOf(text: string): string[] {
  return parseFile(text, { target: TARGET })
    .filter((s) => s.origin === 'top-level')
    .map((s) => text.slice(s.span.start, s.span.end).trim())
    .filter((sql) => sql !== '');
}

// ---------------------------------------------------------------------------------------------
// information_schema → SchemaJson

type Row = Record<string, string | number | null>;

async function rows(conn: Connection, sql: string, params: unknown[]): Promise<Row[]> {
  const [result] = await conn.query(sql, params);
  return result as Row[];
}

function str(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

async function serverSchemaJson(conn: Connection, db: string): Promise<SchemaJson> {
  const tables = await rows(conn, "SELECT TABLE_NAME, ENGINE, TABLE_COLLATION, CREATE_OPTIONS, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", [db]);
  const columns = await rows(
    conn,
    'SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, GENERATION_EXPRESSION, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION',
    [db],
  );
  const stats = await rows(conn, 'SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, IGNORED FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX', [db]);
  const keys = await rows(
    conn,
    `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
      WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    [db],
  );
  const out: TableJson[] = tables.map((t) => {
    const name = str(t.TABLE_NAME);
    return {
      name,
      engine: str(t.ENGINE),
      collation: str(t.TABLE_COLLATION),
      comment: str(t.TABLE_COMMENT),
      partitioned: /\bpartitioned\b/i.test(str(t.CREATE_OPTIONS)),
      columns: columns.filter((c) => c.TABLE_NAME === name).map(serverColumn),
      indexes: serverIndexes(stats.filter((s) => s.TABLE_NAME === name)),
      foreignKeys: serverForeignKeys(keys.filter((k) => k.TABLE_NAME === name)),
    };
  });
  out.sort((a, b) => byName(a.name, b.name));
  return { format: 'lockstep-schema/1', target: TARGET.label, tables: out };
}

function serverColumn(c: Row): ColumnJson {
  const extra = str(c.EXTRA);
  const generated = /\b(VIRTUAL|STORED) GENERATED\b/i.exec(extra);
  return {
    name: str(c.COLUMN_NAME),
    type: str(c.COLUMN_TYPE),
    nullable: c.IS_NULLABLE === 'YES',
    default: normalizeServerDefault(c.COLUMN_DEFAULT === null ? null : str(c.COLUMN_DEFAULT)),
    charset: c.CHARACTER_SET_NAME === null ? null : str(c.CHARACTER_SET_NAME),
    collation: c.COLLATION_NAME === null ? null : str(c.COLLATION_NAME),
    generated: generated ? { expression: normalizeExpression(str(c.GENERATION_EXPRESSION)), stored: generated[1].toUpperCase() === 'STORED' } : null,
    autoIncrement: /\bauto_increment\b/i.test(extra),
    onUpdate: /\bon update (\S+)/i.exec(extra)?.[1] ?? null,
    comment: str(c.COLUMN_COMMENT),
    invisible: /\bINVISIBLE\b/i.test(extra),
  };
}

function serverIndexes(stats: Row[]): IndexJson[] {
  const out = new Map<string, IndexJson>();
  for (const s of stats) {
    const name = str(s.INDEX_NAME);
    const type = str(s.INDEX_TYPE).toUpperCase();
    const kind: IndexJson['kind'] = name === 'PRIMARY' ? 'primary' : type === 'FULLTEXT' ? 'fulltext' : type === 'SPATIAL' ? 'spatial' : Number(s.NON_UNIQUE) === 0 ? 'unique' : 'index';
    const index = out.get(name) ?? { name, kind, columns: [], ignored: s.IGNORED === 'YES' };
    index.columns.push({ name: str(s.COLUMN_NAME), length: s.SUB_PART === null ? null : Number(s.SUB_PART) });
    out.set(name, index);
  }
  return [...out.values()].sort((a, b) => (a.kind === 'primary' ? -1 : b.kind === 'primary' ? 1 : byName(a.name, b.name)));
}

function serverForeignKeys(keys: Row[]): ForeignKeyJson[] {
  const out = new Map<string, ForeignKeyJson>();
  for (const k of keys) {
    const name = str(k.CONSTRAINT_NAME);
    const fk = out.get(name) ?? { name, columns: [], refTable: str(k.REFERENCED_TABLE_NAME), refColumns: [], onDelete: str(k.DELETE_RULE) as ReferentialAction, onUpdate: str(k.UPDATE_RULE) as ReferentialAction };
    fk.columns.push(str(k.COLUMN_NAME));
    fk.refColumns.push(str(k.REFERENCED_COLUMN_NAME));
    out.set(name, fk);
  }
  return [...out.values()].sort((a, b) => byName(a.name, b.name));
}

// ---------------------------------------------------------------------------------------------
// Scratch databases and comparison

/** one leaf value (string, number, boolean, null) of the JSON = one fact */
function countFacts(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countFacts(v), 0);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + countFacts(v), 0);
  return 1;
}

function factsOf(schema: SchemaJson): number {
  return countFacts(schema.tables);
}

function scratchName(): string {
  return `lockstep_schema_${randomBytes(5).toString('hex')}`;
}

async function createScratch(conn: Connection, dbs: string[]): Promise<string> {
  const db = scratchName();
  dbs.push(db);
  await conn.query(`CREATE DATABASE \`${db}\` CHARACTER SET ${DB_CHARSET} COLLATE ${DB_COLLATION}`);
  await conn.query(`USE \`${db}\``);
  return db;
}

async function run(conn: Connection, statements: readonly string[], where: string): Promise<void> {
  for (const sql of statements) {
    try {
      await conn.query(sql);
    } catch (err) {
      throw new Error(`${where}: the server refused\n  ${sql.replace(/\s+/g, ' ').slice(0, 300)}\n  ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** the schema without the facts schemaToSql cannot recreate (partition definitions) */
function withoutPartitioning(schema: SchemaJson): SchemaJson {
  return { ...schema, tables: schema.tables.map((t) => ({ ...t, partitioned: false })) };
}

const chains = readdirSync(CHAINS).filter((n) => statSync(join(CHAINS, n)).isDirectory()).sort();

test('the engine replays every chain to the schema MariaDB has, and schemaToSql recreates it', { timeout: 120_000 }, async (t) => {
  const conn = await requireDbOrSkip(t, { multipleStatements: false });
  if (!conn) return;
  const dbs: string[] = [];
  let total = 0;
  try {
    assert.ok(chains.length >= 9, `only ${chains.length} chains`);
    for (const chain of chains) {
      await t.test(chain, async () => {
        const dir = join(CHAINS, chain);
        const files = chainFiles(dir);
        const texts = new Map(files.map((f) => [f.path, f.text]));
        assert.equal(detectConvention([...texts.keys()], (p) => texts.get(p)), chain, `${chain}: the folder name is the convention it is written for`);

        const db = await createScratch(conn, dbs);
        await run(conn, upStatements(dir), chain);
        const server = await serverSchemaJson(conn, db);
        const engine = lockstepSchemaJson(dir);
        assert.deepEqual(engine, server, `${chain}: the engine's schema differs from information_schema`);

        const sql = lockstepSchema(dir, 'sql');
        const db2 = await createScratch(conn, dbs);
        await run(conn, statementsOf(sql), `${chain} (schemaToSql)`);
        const recreated = await serverSchemaJson(conn, db2);
        assert.deepEqual(recreated, withoutPartitioning(server), `${chain}: schemaToSql does not recreate the schema\n${sql}`);

        const facts = factsOf(server);
        total += facts * 2;
        console.log(`# ${chain}: ${server.tables.length} tables, ${facts} facts compared with the engine and ${facts} with the schemaToSql copy`);
      });
    }
    console.log(`# catalog vs server: ${chains.length} chains, ${total} facts compared`);
  } finally {
    for (const db of dbs) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``).catch(() => undefined);
    await conn.end();
  }
});

// ---------------------------------------------------------------------------------------------
// mariadb-dump: how users hand Lockstep their current schema

const execFileAsync = promisify(execFile);

/** chains loaded together into the dumped database: FKs and renames, charsets, partitions, defaults, JSON and timestamps */
const DUMP_CHAINS = ['numbered', 'golang-migrate', 'liquibase', 'dbmate', 'timestamped'];
const DUMP_ROWS = [
  "INSERT INTO clients (name, reference) VALUES ('Ada', 'A-1'), ('Bob', 'B-2')",
  'INSERT INTO bills (client_id, customer_ref, amount) VALUES (1, NULL, 10.50), (2, NULL, 3)',
  "INSERT INTO events (id, happened_at, kind) VALUES (1, '2023-05-01', 'a'), (2, '2024-05-01', 'b')",
  "INSERT INTO accounts (plan) VALUES ('pro')",
  "INSERT INTO sessions (id, token, payload) VALUES ('s1', x'00ff', '{\"a\": 1}')",
];

/**
 * Findings a dump could legitimately get: run as a migration, it drops and recreates every table,
 * so these rules would speak the truth. (Today neither fires: each DROP TABLE IF EXISTS names a
 * table the empty catalog does not know yet.) Anything else at error or warning level is noise.
 */
const LEGITIMATE_DUMP_FINDINGS = new Set([
  'destructive-statement', // DROP TABLE IF EXISTS before every CREATE TABLE
  'drop-table', // the same DROP TABLE IF EXISTS
]);

async function dump(args: string[]): Promise<string> {
  const base = ['-h', String(TEST_DB.host), '-P', String(TEST_DB.port), '-u', String(TEST_DB.user)];
  if (TEST_DB.password) base.push(`-p${String(TEST_DB.password)}`);
  const { stdout } = await execFileAsync('mariadb-dump', [...base, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

test('a mariadb-dump of a chain loads into the engine as the schema the server has', { timeout: 120_000 }, async (t) => {
  const conn = await requireDbOrSkip(t);
  if (!conn) return;
  const probe = await dump(['--version']).catch((err: unknown) => err);
  if (typeof probe !== 'string') {
    const reason = `mariadb-dump not runnable: ${probe instanceof Error ? probe.message : String(probe)}`;
    await conn.end();
    if (dbRequired()) throw new Error(`${reason} (LOCKSTEP_REQUIRE_DB=1)`);
    console.log(`# skipped: ${reason}`);
    t.skip(reason);
    return;
  }
  const dbs: string[] = [];
  try {
    const db = await createScratch(conn, dbs);
    for (const chain of DUMP_CHAINS) await run(conn, upStatements(join(CHAINS, chain)), chain);
    await run(conn, DUMP_ROWS, 'dump rows');
    const server = await serverSchemaJson(conn, db);
    let total = 0;
    for (const [label, args] of [
      ['schema-only dump', ['--no-data', db]],
      ['full dump', [db]],
    ] as const) {
      const text = await dump([...args]);
      assert.match(text, label === 'full dump' ? /LOCK TABLES/ : /CREATE TABLE/, `${label}: unexpected dump`);
      const catalog = emptyCatalog();
      for (const st of parseFile(text, { target: TARGET })) applyStatement(catalog, st, 'dump.sql');
      assert.deepEqual(schemaToJson(catalog, TARGET, OPTIONS), server, `${label}: the engine reads the dump as another schema`);

      const analysis = analyzeFile('dump.sql', text, { target: TARGET });
      const noisy = analysis.findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !LEGITIMATE_DUMP_FINDINGS.has(f.rule));
      const show = (f: (typeof noisy)[number]) => `${f.rule} (${f.severity}): ${f.message} | ${text.slice(f.span.start, Math.min(f.span.end, f.span.start + 120)).replace(/\s+/g, ' ')}`;
      assert.deepEqual(noisy.map(show), [], `${label}: findings that are noise on a dump`);
      const unparsed = analysis.findings.filter((f) => f.rule === 'unparsed-statement');
      assert.deepEqual(unparsed.map(show), [], `${label}: statements the engine did not understand`);
      total += factsOf(server);
      console.log(`# ${label}: ${factsOf(server)} facts compared, ${analysis.findings.length} findings (${analysis.findings.filter((f) => LEGITIMATE_DUMP_FINDINGS.has(f.rule)).length} legitimate warnings/errors)`);
    }
    console.log(`# mariadb-dump vs server: ${total} facts compared`);
  } finally {
    for (const db of dbs) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``).catch(() => undefined);
    await conn.end();
  }
});
