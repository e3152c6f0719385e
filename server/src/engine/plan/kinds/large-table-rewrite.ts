// large-table-rewrite: the change runs through an online schema change tool (gh-ost or
// pt-online-schema-change, with their safety flags), then a migration records it for the migration
// tool and for Lockstep's replay: a procedure that checks information_schema and, when the change
// is already there, does nothing. When it is not, its ALTER asserts ALGORITHM=INSTANT, which the
// server refuses for a rebuild — the migration stops instead of rewriting the table.
import { findTable } from '../../catalog/lookup';
import { alterClauses, toolCommands } from '../../fix/large-table-rewrite';
import { parseFile } from '../../parse';
import { predict } from '../../kb/predict';
import { initialSession } from '../../session';
import type { ColumnDef, Operation } from '../../types';
import { procedureName } from '../backfill';
import type { Builder, PlanBuild } from '../build';
import { quoteId } from '../sql';

const FILE_RULES = new Set(['missing-lock-wait-timeout', 'ddl-with-dml', 'multiple-alters-same-table', 'unused-ignore', 'locking-algorithm', 'missing-online-assertion']);

/** SQL string literal */
function lit(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function columnIs(table: string, column: ColumnDef): string {
  const name = column.type.name.toUpperCase();
  const conds = [`TABLE_SCHEMA = DATABASE()`, `TABLE_NAME = ${lit(table)}`, `COLUMN_NAME = ${lit(column.name)}`];
  if ((name === 'VARCHAR' || name === 'CHAR') && column.type.length !== undefined) conds.push(`DATA_TYPE = ${lit(name.toLowerCase())}`, `CHARACTER_MAXIMUM_LENGTH = ${column.type.length}`);
  else if (name === 'DECIMAL' && column.type.length !== undefined) conds.push(`DATA_TYPE = 'decimal'`, `NUMERIC_PRECISION = ${column.type.length}`, `NUMERIC_SCALE = ${column.type.scale ?? 0}`);
  else if (name === 'ENUM' || name === 'SET') conds.push(`COLUMN_TYPE = ${lit(`${name.toLowerCase()}(${(column.type.values ?? []).map(lit).join(',')})`)}`);
  else conds.push(`DATA_TYPE = ${lit(name.toLowerCase())}`);
  if (column.nullable === false) conds.push(`IS_NULLABLE = 'NO'`);
  else if (column.nullable === true) conds.push(`IS_NULLABLE = 'YES'`);
  return `EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE ${conds.join(' AND ')})`;
}

function columnExists(table: string, column: string): string {
  return `EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${lit(table)} AND COLUMN_NAME = ${lit(column)})`;
}

function indexExists(table: string, index: string): string {
  return `EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${lit(table)} AND INDEX_NAME = ${lit(index)})`;
}

/** a condition true once the operation is applied; undefined when information_schema cannot tell */
function appliedCheck(op: Operation): string | undefined {
  switch (op.kind) {
    case 'add-column':
      return columnExists(op.table, op.column.name);
    case 'drop-column':
      return `NOT ${columnExists(op.table, op.column)}`;
    case 'modify-column':
      return columnIs(op.table, { ...op.def, name: op.newName ?? op.column });
    case 'add-index':
      return op.index.name ? indexExists(op.table, op.index.name) : undefined;
    case 'drop-index':
      return `NOT ${indexExists(op.table, op.name)}`;
    default:
      return undefined;
  }
}

/** gh-ost and pt-online-schema-change with the flags that keep them from hurting production */
function withSafetyFlags(command: string): string {
  if (command.startsWith('gh-ost')) {
    return command.replace(' --execute', ' --max-load=Threads_running=25 --critical-load=Threads_running=60 --chunk-size=1000 --max-lag-millis=1500 --exact-rowcount --concurrent-rowcount --default-retries=120 --cut-over=default --execute');
  }
  if (command.startsWith('pt-online-schema-change')) {
    return command.replace(' --execute', ' --max-load Threads_running=25 --critical-load Threads_running=60 --chunk-size 1000 --max-lag 1 --set-vars lock_wait_timeout=5 --tries create_triggers:5:1,drop_triggers:5:1,swap_tables:5:1 --execute');
  }
  return command;
}

export const planLargeTableRewrite: Builder = (build: PlanBuild) => {
  const st = build.statement;
  if (st.kind !== 'alter-table' && st.kind !== 'create-index' && st.kind !== 'optimize-table') return 'only an ALTER TABLE, CREATE INDEX or OPTIMIZE TABLE can run through an online schema change tool';
  const ops = st.operations.filter((op) => op.kind !== 'create-table');
  const tableName = ops[0]?.table;
  const table = tableName ? findTable(build.catalog, tableName) : undefined;
  if (!table || !tableName) return 'the table of the statement is not known from the earlier migrations';
  const alter = alterClauses(build.source.text, st, ops);
  const referenced = [...build.catalog.tables.values()].some((t) => t.foreignKeys.some((fk) => fk.refTable.toLowerCase() === table.name.toLowerCase()));
  const own = ops.some((op) => op.kind === 'add-foreign-key') || table.foreignKeys.length > 0;
  const commands = toolCommands(table.name, ops[0].schema, alter, build.target, referenced ? 'referenced' : own ? 'own' : 'none').filter((c) => !c.startsWith('spirit')).map(withSafetyFlags);
  const checks = ops.map(appliedCheck);
  const rows = build.source.tableRows[table.name.toLowerCase()];
  const about = rows !== undefined ? ` (about ${rows.toLocaleString('en-US')} rows)` : '';
  const runTool = [
    `Run the change with ${commands.length > 1 ? 'one of these tools' : 'this tool'} first (try it with --dry-run / without --execute, then for real), and let it cut over:`,
    ...commands.map((c) => `\`${c}\``),
  ];
  const rebuildOnly = ops.every((op) => op.kind === 'force' || op.kind === 'optimize-table' || (op.kind === 'table-options' && Object.keys(op.options).every((k) => k === 'ENGINE')));
  if (rebuildOnly) {
    return {
      kind: 'large-table-rewrite',
      summary: `rebuild ${table.name}${about} online with an online schema change tool`,
      slug: `rebuild ${table.name}`,
      releases: [{ title: `Release 1 — rebuild ${table.name} online`, appSteps: [...runTool, 'No migration file: a rebuild changes no schema, so there is nothing to record.'], verify: [], migrations: [] }],
    };
  }
  if (checks.some((c) => c === undefined)) return 'the statement makes a change information_schema cannot confirm (only columns and named indexes can be checked): run it with an online schema change tool by hand';
  const applied = checks.join(' AND ');
  // the recorded ALTER may only ever run instantly: anything else the server refuses
  const inner = `ALTER TABLE ${quoteId(table.name)} ${alter}, ALGORITHM=INSTANT`;
  const [parsed] = parseFile(inner, { target: build.target });
  const prediction = parsed ? predict(parsed, build.catalog, build.target, initialSession()) : null;
  const refused = prediction?.rejected !== undefined;
  // the findings of the statement itself, not those about the file it sat in
  const statementRules = build.source.rules.filter((r) => !FILE_RULES.has(r));
  const allowed = [...new Set([...statementRules, ...(refused ? ['locking-algorithm'] : [])])].sort();
  const name = quoteId(procedureName(`record_${table.name}_change`));
  const body = [
    `  IF NOT (${applied}) THEN`,
    `    -- lockstep-disable-next-line ${allowed.join(', ')} -- runs only if the online schema change tool did not apply the change, and then fails instead of rewriting the table`,
    `    ${inner};`,
    '  END IF;',
  ].join('\n');
  build.plain(inner); // the working schema follows the recorded change
  return {
    kind: 'large-table-rewrite',
    summary: `change ${table.name}${about} online with an online schema change tool, then record the change`,
    slug: `osc ${table.name}`,
    releases: [{
      title: `Release 1 — change ${table.name} online, then record it`,
      appSteps: [
        ...runTool,
        'Then deploy the migration: it finds the change applied and only records it. If the change is missing it stops with an error instead of rewriting the table.',
        'The application must work with the table before and after the change (the tool swaps the tables at cut-over).',
      ],
      verify: [`SELECT NOT (${applied})`],
      migrations: [{
        name: `record ${table.name} change`,
        up: [
          build.lockWait(),
          { sql: `DROP PROCEDURE IF EXISTS ${name}`, note: `records the change made by the online schema change tool${about}` },
          { sql: `CREATE PROCEDURE ${name}()\nBEGIN\n${body}\nEND`, compound: true },
          { sql: `CALL ${name}()` },
          { sql: `DROP PROCEDURE ${name}` },
        ],
        down: [],
      }],
    }],
    notes: ['gh-ost needs row-based binary logs and no foreign keys on the table; pt-online-schema-change works through triggers and handles foreign keys (--alter-foreign-keys-method).'],
  };
};
