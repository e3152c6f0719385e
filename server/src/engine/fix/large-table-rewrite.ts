// Command lines for online schema change tools that run an ALTER without blocking writes.
import type { Operation, Statement, Target } from '../types';

/** the ALTER clause list of a statement as an online schema change tool takes it (no ALGORITHM/LOCK) */
export function alterClauses(text: string, statement: Statement, ops: readonly Operation[]): string {
  if (statement.kind === 'optimize-table') return 'ENGINE=InnoDB';
  const parts = ops.map((op) => {
    if (statement.kind === 'create-index' && op.kind === 'add-index') {
      const kind = op.index.kind === 'unique' ? 'UNIQUE INDEX' : op.index.kind === 'fulltext' ? 'FULLTEXT INDEX' : op.index.kind === 'spatial' ? 'SPATIAL INDEX' : 'INDEX';
      const cols = op.index.columns.map((c) => (c.expression ? `(${c.expression})` : `${c.name}${c.length ? `(${c.length})` : ''}`)).join(', ');
      return `ADD ${kind}${op.index.name ? ` ${op.index.name}` : ''} (${cols})`;
    }
    if (op.kind === 'force') return 'ENGINE=InnoDB'; // the tools' spelling of a null rebuild
    return text.slice(op.span.start, op.span.end).replace(/\s+/g, ' ').trim();
  });
  return parts.join(', ');
}

function shellQuote(s: string): string {
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * One command per tool that supports the target and the table, best first. gh-ost and spirit do not
 * support tables with foreign keys (on either side); pt-online-schema-change does.
 */
export function toolCommands(table: string, schema: string | undefined, alter: string, target: Target, foreignKeys: 'none' | 'own' | 'referenced'): string[] {
  const db = schema ?? '<database>';
  const gh = `gh-ost --host=<host> --database=${db} --table=${table} --alter=${shellQuote(alter)} --execute`;
  const pt = `pt-online-schema-change --alter ${shellQuote(alter)} D=${db},t=${table} --execute`;
  const spirit = `spirit migrate --host=<host:port> --database=${db} --table=${table} --alter=${shellQuote(alter)}`;
  // child tables pointing at this one need their constraints moved to the new copy
  if (foreignKeys === 'referenced') return [pt.replace(' --execute', ' --alter-foreign-keys-method=auto --execute')];
  if (foreignKeys === 'own') return [pt];
  if (target.flavor === 'mariadb') return [pt, gh];
  if (target.version[0] < 8) return [gh, pt];
  return [gh, pt, spirit];
}
