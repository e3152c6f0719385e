// CREATE [OR REPLACE] [TEMPORARY] TABLE [IF NOT EXISTS] t (…) [options] [PARTITION BY …] [AS SELECT …] | LIKE other
import type { CheckDef, ColumnDef, ForeignKeyDef, IndexDef, TableOptions } from '../../types';
import { Cursor, matchingParen, splitTopLevel } from '../cursor';
import { parseColumnDefinition } from './column-def';
import { parseTableElement, startsTableElement } from './index-def';
import { readPartitioning } from './partitioning';
import type { Recognized } from './result';
import { recognized } from './result';
import type { StatementSource } from './source';
import { tableKey } from './source';
import { selectTables } from './statements';
import { readTableOptions } from './table-options';

export function recognizeCreateTable(src: StatementSource): Recognized | undefined {
  const c = new Cursor(src.tokens);
  if (!c.accept('CREATE')) return undefined;
  c.accept('OR', 'REPLACE');
  const temporary = c.accept('TEMPORARY');
  if (!c.accept('TABLE')) return undefined;
  const ifNotExists = c.acceptIfNotExists();
  const name = c.qualifiedName();
  if (!name) return undefined;
  const span = { start: src.tokens[0].start, end: src.tokens[src.tokens.length - 1].end };
  const columns: ColumnDef[] = [];
  const indexes: IndexDef[] = [];
  const foreignKeys: ForeignKeyDef[] = [];
  const checks: CheckDef[] = [];
  const options: TableOptions = {};
  const result = recognized('create-table', { tables: [tableKey(name.name)] });
  let likeTable: string | undefined;
  const likeForm = c.isWord('LIKE') || (c.isPunct('(') && c.word(1) === 'LIKE');
  if (likeForm) {
    c.acceptPunct('(');
    c.accept('LIKE');
    likeTable = c.qualifiedName()?.name;
    if (likeTable) result.tables.push(tableKey(likeTable));
    c.acceptPunct(')');
  } else if (c.isPunct('(') && !(c.word(1) === 'SELECT' || c.word(1) === 'WITH')) {
    const open = c.pos;
    const close = matchingParen(src.tokens, open, src.tokens.length);
    for (const [s, e] of splitTopLevel(src.tokens, open + 1, close)) {
      const inner = new Cursor(src.tokens, s, e);
      if (startsTableElement(inner)) {
        const element = parseTableElement(src, s, e);
        if (!element) result.problems.push(`could not read the table element '${src.tokens[s].text} …'`);
        else if (element.type === 'index') indexes.push(element.index);
        else if (element.type === 'foreign-key') foreignKeys.push(element.fk);
        else checks.push(element.check);
        continue;
      }
      if (inner.isWord('PERIOD') && inner.word(1) === 'FOR') continue;
      const col = parseColumnDefinition(src, s, e);
      if (!col) {
        result.problems.push(`could not read the column definition '${src.tokens[s].text} …'`);
        continue;
      }
      result.problems.push(...col.problems);
      columns.push(col.def);
      if (col.def.references) result.tables.push(tableKey(col.def.references.table));
    }
    c.pos = Math.min(close + 1, src.tokens.length);
  }
  readTableOptions(c, options);
  const partitioned = c.isWord('PARTITION') && c.word(1) === 'BY';
  const partitioning = partitioned ? readPartitioning(new Cursor(src.tokens, c.pos)) : undefined;
  // CREATE TABLE … [IGNORE|REPLACE] [AS] SELECT …: partition definitions never contain SELECT
  const asSelect = src.tokens.slice(c.pos).some((t) => t.kind === 'word' && t.value === 'SELECT');
  if (asSelect) result.tables.push(...selectTables(src, c.pos));
  for (const fk of foreignKeys) result.tables.push(tableKey(fk.refTable));
  result.tables = [...new Set(result.tables)];
  result.operations.push({
    kind: 'create-table',
    table: name.name,
    ...(name.schema ? { schema: name.schema } : {}),
    span,
    columns,
    indexes,
    foreignKeys,
    checks,
    options,
    ifNotExists,
    temporary,
    ...(likeTable ? { likeTable } : {}),
    asSelect,
    partitioned,
    ...(partitioning ? { partitioning } : {}),
  });
  return result;
}
