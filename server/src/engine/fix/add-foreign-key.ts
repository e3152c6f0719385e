// Fix builder for add-foreign-key: run the ALTER with foreign_key_checks=0 and ALGORITHM=INPLACE,
// after an orphan-row check written as a comment, and restore the setting afterwards.
import { delimiterAfter } from '../rules/util/lock-text';
import type { Fix, Operation, Statement, TextEdit } from '../types';
import { fix, insertLineBefore, replaceSpan } from './edits';

type AddFkOp = Extract<Operation, { kind: 'add-foreign-key' }>;

function quote(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** `SELECT COUNT(*) …` that counts child rows whose parent row is missing */
function orphanQuery(op: AddFkOp): string {
  const on = op.fk.columns.map((c, i) => `p.${quote(op.fk.refColumns[i] ?? c)} = c.${quote(c)}`).join(' AND ');
  const notNull = op.fk.columns.map((c) => `c.${quote(c)} IS NOT NULL`).join(' AND ');
  const missing = `p.${quote(op.fk.refColumns[0] ?? op.fk.columns[0])} IS NULL`;
  return `SELECT COUNT(*) FROM ${quote(op.table)} c LEFT JOIN ${quote(op.fk.refTable)} p ON ${on} WHERE ${notNull} AND ${missing}`;
}

export function addForeignKeyFix(text: string, statement: Statement, fks: readonly AddFkOp[]): Fix | undefined {
  if (statement.origin !== 'top-level' || statement.kind !== 'alter-table') return undefined;
  const { algorithm, algorithmSpan } = statement.ddlOptions;
  const delimiter = delimiterAfter(text, statement);
  const edits: TextEdit[] = [];
  const checks = fks.map((op) => `-- verify first that this returns 0: ${orphanQuery(op)}`);
  edits.push(insertLineBefore(text, statement, [...checks, `SET SESSION foreign_key_checks = 0${delimiter}`].join('\n')));
  let tail = '';
  if (algorithm === undefined) tail = ', ALGORITHM=INPLACE';
  else if (algorithm === 'COPY' || algorithm === 'DEFAULT') {
    if (!algorithmSpan) return undefined;
    edits.push(replaceSpan(algorithmSpan, 'ALGORITHM=INPLACE'));
  }
  edits.push({ span: { start: statement.span.end, end: statement.span.end }, newText: `${tail}${delimiter}\nSET SESSION foreign_key_checks = 1` });
  return fix('Add the foreign key with foreign_key_checks=0 and ALGORITHM=INPLACE (check for orphan rows first)', edits, true);
}
