// Text helpers for running a migration's statement on the scratch copies: identifier quoting,
// schema qualifiers, and the ALGORITHM/LOCK/NOWAIT clauses the measurement adds.
import type { Statement } from '../engine';

export function ident(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

const IDENT = '(?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+)';
// a table reference qualified by a schema, in the places a table name can follow
const QUALIFIED = new RegExp(`(\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TABLES|EXISTS|REFERENCES|LIKE|ON|TO|VIEW|INDEX)\\s+)(${IDENT})\\s*\\.\\s*(?=${IDENT})`, 'gi');

function unquote(name: string): string {
  return name.startsWith('`') ? name.slice(1, -1).replace(/``/g, '`') : name;
}

/**
 * The statement's SQL for the scratch schema (run there with `USE`): qualifiers naming the user's
 * database are dropped; a qualifier naming any other schema makes it refused (an error message).
 */
export function scratchSql(statement: Statement, userDb: string): { sql: string } | { error: string } {
  for (const op of statement.operations) {
    if (op.schema !== undefined && op.schema.toLowerCase() !== userDb.toLowerCase()) {
      return { error: `not run: it names the schema \`${op.schema}\`; the dry-run only works on copies of \`${userDb}\`'s tables` };
    }
  }
  let refused: string | undefined;
  const sql = statement.sql.replace(QUALIFIED, (whole: string, lead: string, schema: string) => {
    const name = unquote(schema);
    if (name.toLowerCase() === userDb.toLowerCase()) return lead;
    // `ON a.id = b.id` is a join condition (CREATE INDEX … ON db.t is checked through the operations)
    if (/^ON\s/i.test(lead)) return whole;
    refused ??= name;
    return whole;
  });
  if (refused !== undefined) return { error: `not run: it names the schema \`${refused}\`; the dry-run only works on copies of \`${userDb}\`'s tables` };
  return { sql };
}

const CLAUSE_VALUE = '(?:DEFAULT|INSTANT|NOCOPY|INPLACE|COPY|NONE|SHARED|EXCLUSIVE)';

/** the statement without its own ALGORITHM= / LOCK= clauses and without ALTER ONLINE */
export function withoutClauses(sql: string): string {
  let out = sql.replace(new RegExp(`\\b(?:ALGORITHM|LOCK)\\s*=?\\s*${CLAUSE_VALUE}\\b`, 'gi'), '');
  out = out.replace(/^(\s*ALTER\s+)ONLINE\s+/i, '$1');
  // tidy the commas the removed clauses leave behind
  out = out.replace(/,(\s*,)+/g, ',').replace(new RegExp(`^(\\s*ALTER\\s+(?:IGNORE\\s+)?TABLE\\s+${IDENT}(?:\\s*\\.\\s*${IDENT})?\\s*),`, 'i'), '$1');
  return out.replace(/[\s,]+$/, '');
}

/** the statement with an ALGORITHM/LOCK clause where the server expects it */
export function withClause(sql: string, clause: string): string {
  const base = withoutClauses(sql);
  const leading = new RegExp(`^(\\s*ALTER\\s+(?:IGNORE\\s+)?TABLE\\s+${IDENT}(?:\\s*\\.\\s*${IDENT})?\\s+)((?:PARTITION\\s+BY|REMOVE\\s+PARTITIONING)\\b[\\s\\S]*)$`, 'i').exec(base);
  if (leading) return `${leading[1]}${clause} ${leading[2]}`;
  if (/^\s*(create|drop)\s+(online\s+)?(unique\s+|fulltext\s+|spatial\s+)?index\b/i.test(base)) return `${base} ${clause.replace(/,/g, ' ')}`;
  // an ALTER with no clause at all (`ALTER TABLE t`) takes the options alone
  if (new RegExp(`^\\s*ALTER\\s+(?:IGNORE\\s+)?TABLE\\s+${IDENT}(?:\\s*\\.\\s*${IDENT})?\\s*$`, 'i').test(base)) return `${base} ${clause}`;
  return `${base}, ${clause}`;
}

/** MariaDB `NOWAIT` placed where the statement takes it; undefined when the statement has no place for it */
export function withNowait(statement: Statement, sql: string): string | undefined {
  if (statement.ddlOptions.wait) return undefined;
  if (statement.kind === 'alter-table') {
    const m = new RegExp(`^(\\s*ALTER\\s+(?:ONLINE\\s+)?(?:IGNORE\\s+)?TABLE\\s+(?:IF\\s+EXISTS\\s+)?${IDENT}(?:\\s*\\.\\s*${IDENT})?)`, 'i').exec(sql);
    return m ? `${m[1]} NOWAIT${sql.slice(m[1].length)}` : undefined;
  }
  if (statement.kind === 'create-index') {
    const m = new RegExp(`^(\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:ONLINE\\s+)?(?:UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?${IDENT})`, 'i').exec(sql);
    return m ? `${m[1]} NOWAIT${sql.slice(m[1].length)}` : undefined;
  }
  if (statement.kind === 'drop-index') return `${sql.replace(/[\s;]+$/, '')} NOWAIT`;
  return undefined;
}
