// Text → statements with operations. Owned by the parse layer; never throws.
// Pipeline: unwrap executable comments for the target → split → tokenize each statement →
// recogniser (node-sql-parser when it does not know the statement) → embedded DDL.
import type { Statement, StatementKind, Target } from '../types';
import { preparedStrings, preparedVariables, routineBodyStatements } from './embedded';
import type { DecodedSql } from './embedded';
import { unwrapExecutableComments } from './executable-comments';
import { parseWithNodeSqlParser } from './node-sql-parser-adapter';
import { recognize } from './recognizer';
import { leadingWords, splitStatements, type RawStatement, type Unclosed } from './splitter';
import type { Token } from './tokens';
import { MAX_TOKENS, tokenize } from './tokens';

export interface ParseOptions {
  target: Target;
}

export function parseFile(text: string, options: ParseOptions): Statement[] {
  try {
    return parseAll(text, options.target);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const safe = typeof text === 'string' ? text : '';
    return [unanalyzed(0, { start: 0, end: safe.length }, safe, 'other', 'top-level', `internal parser error: ${message}`)];
  }
}

interface Piece {
  /** the SQL analysed (tokens' localStart/localEnd index it) */
  sql: string;
  tokens: Token[];
  origin: Statement['origin'];
  parentIndex?: number;
}

function parseAll(text: string, target: Target): Statement[] {
  const unwrapped = unwrapExecutableComments(text, target);
  const raws = splitStatements(unwrapped);
  const prepared = preparedVariables(unwrapped);

  const out: Statement[] = [];
  for (const raw of raws) {
    if (raw.unclosed) {
      out.push(unclosedStatement(out.length, raw, raw.unclosed, unwrapped));
      continue;
    }
    const span = { start: raw.start, end: raw.end };
    const sql = unwrapped.slice(raw.start, raw.end);
    const before = out.length;
    try {
      analyzeTopLevel(unwrapped, span, sql, prepared, target, out);
    } catch (err) {
      // one statement's failure must not cost the others their analysis
      out.length = before;
      const message = err instanceof Error ? err.message : String(err);
      out.push(unanalyzed(out.length, span, sql, 'other', 'top-level', `internal parser error: ${message}`));
    }
  }
  return out;
}

/** one top-level statement and the statements embedded in it */
function analyzeTopLevel(unwrapped: string, span: Statement['span'], sql: string, prepared: ReadonlySet<string>, target: Target, out: Statement[]): void {
  // tokens live only while their statement is analysed: dumps can hold millions of them
  const tokens = tokenize(unwrapped, span.start, readableEnd(unwrapped, span.start, span.end));
  const top = analyzePiece({ sql: unwrapped, tokens, origin: 'top-level' }, out.length, target, span, sql);
  out.push(top);
  const compoundBlock = tokens[0]?.value === 'BEGIN' && tokens[1]?.value === 'NOT' && tokens[2]?.value === 'ATOMIC';
  if (top.kind !== 'create-routine' && !compoundBlock) {
    extractPrepared(tokens, top, prepared, out, target);
    return;
  }
  for (const [from, to] of routineBodyStatements(tokens)) {
    const leaf = tokens.slice(from, to);
    const leafSpan = { start: leaf[0].start, end: leaf[leaf.length - 1].end };
    const inner = analyzePiece({ sql: unwrapped, tokens: leaf, origin: 'routine-body', parentIndex: top.index }, out.length, target, leafSpan, unwrapped.slice(leafSpan.start, leafSpan.end));
    out.push(inner);
    extractPrepared(leaf, inner, prepared, out, target);
  }
}

const LONG_STATEMENT = 16_384;

/**
 * Where tokenizing a statement can stop: for a long `INSERT … VALUES (…), (…) …` nothing after
 * VALUES matters to the analysis, and seed files hold megabytes of rows.
 */
function readableEnd(text: string, start: number, end: number): number {
  if (end - start <= LONG_STATEMENT) return end;
  const verb = leadingWords(text, start, 1)[0];
  if (verb !== 'INSERT' && verb !== 'REPLACE') return end;
  const head = text.slice(start, start + LONG_STATEMENT);
  const values = /\bVALUES?\s*\(/i.exec(head);
  return values && !/\bSELECT\b/i.test(head.slice(0, values.index)) ? start + values.index + values[0].length - 1 : end;
}

function extractPrepared(tokens: Token[], container: Statement, prepared: ReadonlySet<string>, out: Statement[], target: Target): void {
  if (container.kind !== 'set' && container.kind !== 'prepare') return;
  for (const decoded of preparedStrings(tokens, prepared)) {
    if (!decoded.text) continue;
    const sqlTokens = tokenize(decoded.text, 0, decoded.text.length, { start: (k) => decoded.starts[k], end: (k) => decoded.ends[k] });
    if (sqlTokens.length === 0) continue;
    out.push(analyzePiece({ sql: decoded.text, tokens: sqlTokens, origin: 'prepared-string', parentIndex: container.index }, out.length, target, spanOf(decoded), decoded.text));
  }
}

function spanOf(d: DecodedSql): { start: number; end: number } {
  return { start: d.starts[0], end: d.ends[d.text.length - 1] };
}

function analyzePiece(piece: Piece, index: number, target: Target, span: Statement['span'], sql: string): Statement {
  const base = { index, span, sql, origin: piece.origin, ...(piece.parentIndex !== undefined ? { parentIndex: piece.parentIndex } : {}) };
  let recognizerError: string | undefined;
  try {
    const rec = recognize({ text: piece.sql, tokens: piece.tokens });
    if (rec) {
      return {
        ...base,
        kind: rec.kind,
        analyzed: true,
        parsedBy: 'recognizer',
        tables: [...new Set(rec.tables.filter(Boolean))],
        operations: rec.operations,
        ddlOptions: rec.ddlOptions,
        ...(rec.assignments ? { assignments: rec.assignments } : {}),
        ...(rec.dml ? { dml: rec.dml } : {}),
        problems: piece.tokens.length >= MAX_TOKENS ? [...rec.problems, `statement longer than ${MAX_TOKENS} tokens: only its beginning was read`] : rec.problems,
      };
    }
  } catch (err) {
    recognizerError = err instanceof Error ? err.message : String(err);
  }
  const guessed = guessKind(sql);
  const nsp = parseWithNodeSqlParser(sql, target.flavor);
  if (nsp.ok) {
    return { ...base, kind: nsp.kind === 'other' ? guessed : nsp.kind, analyzed: true, parsedBy: 'node-sql-parser', tables: nsp.tables, operations: [], ddlOptions: {}, problems: [] };
  }
  const reason = recognizerError ? `internal recogniser error: ${recognizerError}` : `not understood (${nsp.error})`;
  return unanalyzed(index, span, sql, guessed, piece.origin, reason, piece.parentIndex);
}

/**
 * What runs to the end of the file because it is never closed: one statement that was not analyzed,
 * from the opening quote or comment (or the statement the delimiter never ends) to the end of the
 * file. Its problem names what is open, never the text it swallowed.
 */
function unclosedStatement(index: number, raw: RawStatement, unclosed: Unclosed, text: string): Statement {
  const span = { start: unclosed.at, end: Math.max(unclosed.at, raw.end) };
  return unanalyzed(index, span, text.slice(span.start, span.end), 'other', 'top-level', unclosedProblem(unclosed, raw.delimiter));
}

const SWALLOWED = 'so the rest of the file reads as part of it and was not checked either';

function unclosedProblem(unclosed: Unclosed, delimiter: string): string {
  switch (unclosed.what) {
    case 'string':
      return `the string opened here is never closed, ${SWALLOWED}`;
    case 'identifier':
      return `the backtick-quoted name opened here is never closed, ${SWALLOWED}`;
    case 'comment':
      return `the /* comment opened here is never closed, ${SWALLOWED}`;
    case 'delimiter': {
      // the delimiter is the user's text: named only when short and printable
      const named = delimiter.length <= 16 && /^[\x21-\x7e]+$/.test(delimiter) ? `delimiter ${delimiter}` : 'custom delimiter';
      return `the ${named} never ends this statement, so the statements from here on (separated by ;) run together to the end of the file and were not checked (is a DELIMITER ; line missing?)`;
    }
  }
}

function unanalyzed(index: number, span: Statement['span'], sql: string, kind: StatementKind, origin: Statement['origin'], reason: string, parentIndex?: number): Statement {
  return {
    index,
    span,
    kind,
    sql,
    analyzed: false,
    parsedBy: 'none',
    origin,
    ...(parentIndex !== undefined ? { parentIndex } : {}),
    tables: [],
    operations: [],
    ddlOptions: {},
    problems: [reason],
  };
}

const MODIFIER_WORDS = new Set(['OR', 'REPLACE', 'ONLINE', 'OFFLINE', 'IGNORE', 'TEMPORARY', 'UNIQUE', 'FULLTEXT', 'SPATIAL']);

/** the statement kind from its leading words, for statements nothing could read */
function guessKind(sql: string): StatementKind {
  const all = leadingWords(sql, 0, 6);
  const words = [all[0], ...all.slice(1).filter((w) => !MODIFIER_WORDS.has(w))];
  const [verb, object] = words;
  const pair = `${verb} ${object ?? ''}`;
  if (pair === 'ALTER TABLE') return 'alter-table';
  if (pair === 'CREATE TABLE') return 'create-table';
  if (pair === 'CREATE INDEX') return 'create-index';
  if (pair === 'DROP INDEX') return 'drop-index';
  if (pair === 'DROP TABLE') return 'drop-table';
  if (verb === 'RENAME') return 'rename-table';
  if (verb === 'TRUNCATE') return 'truncate';
  if (verb === 'INSERT' || verb === 'REPLACE') return 'insert';
  if (verb === 'UPDATE') return 'update';
  if (verb === 'DELETE') return 'delete';
  if (verb === 'SELECT') return 'select';
  if (verb === 'SET') return 'set';
  return 'other';
}
