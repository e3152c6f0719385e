// DDL/DML hidden inside other statements: the leaf statements of a routine body
// (CREATE PROCEDURE … BEGIN … END) and SQL held in string literals that are PREPARE'd.
import type { Token } from './tokens';
import { decodeWithMap } from './tokens';

/** verbs worth extracting: schema and data changes, and what builds prepared statements */
const EXTRACT_VERBS = new Set(['ALTER', 'CREATE', 'DROP', 'RENAME', 'TRUNCATE', 'OPTIMIZE', 'INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'SET', 'PREPARE']);
const STRING_SQL_VERBS = /^\s*(ALTER|CREATE|DROP|RENAME|TRUNCATE|OPTIMIZE|INSERT|REPLACE|UPDATE|DELETE)\b/i;

/** token ranges [from, to) of the extractable leaf statements in a routine's body */
export function routineBodyStatements(tokens: readonly Token[]): Array<[number, number]> {
  const start = bodyStart(tokens);
  if (start < 0) return [];
  const out: Array<[number, number]> = [];
  const n = tokens.length;
  let k = start;
  let atStatementStart = true;
  while (k < n) {
    const t = tokens[k];
    if (t.kind === 'punct' && t.value === ';') {
      atStatementStart = true;
      k++;
      continue;
    }
    if (!atStatementStart) {
      k++;
      continue;
    }
    const w = t.kind === 'word' ? t.value : '';
    const next = tokens[k + 1];
    if ((t.kind === 'word' || t.kind === 'ident') && next && next.kind === 'punct' && next.value === ':') {
      k += 2; // label
      continue;
    }
    if (w === 'BEGIN') {
      k++;
      if (tokens[k]?.value === 'NOT' && tokens[k + 1]?.value === 'ATOMIC') k += 2;
      continue;
    }
    if (w === 'ELSE' || w === 'LOOP' || w === 'REPEAT' || w === 'DO') {
      k++;
      continue;
    }
    if (w === 'IF' || w === 'ELSEIF' || w === 'WHEN') {
      k = afterWord(tokens, k + 1, 'THEN');
      continue;
    }
    if (w === 'WHILE') {
      k = afterWord(tokens, k + 1, 'DO');
      continue;
    }
    if (w === 'CASE') {
      // CASE [operand] WHEN …: resume at the first WHEN
      let j = k + 1;
      while (j < n && !(tokens[j].kind === 'word' && tokens[j].value === 'WHEN')) j++;
      k = j;
      continue;
    }
    if (w === 'UNTIL') {
      k = afterWord(tokens, k + 1, 'END') - 1;
      continue;
    }
    if (w === 'END') {
      k++;
      atStatementStart = false;
      continue;
    }
    const end = statementEnd(tokens, k);
    if (EXTRACT_VERBS.has(w)) out.push([k, end]);
    k = end;
    atStatementStart = false;
  }
  return out;
}

/** the first token of the body: after the top-level BEGIN, after FOR EACH ROW, or after DO */
function bodyStart(tokens: readonly Token[]): number {
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if (t.value === '(') depth++;
      else if (t.value === ')') depth--;
      continue;
    }
    if (depth !== 0 || t.kind !== 'word') continue;
    if (t.value === 'BEGIN') return k;
    if (t.value === 'ROW' && tokens[k - 1]?.value === 'EACH') {
      let j = k + 1;
      if (tokens[j]?.value === 'FOLLOWS' || tokens[j]?.value === 'PRECEDES') j += 2;
      return j;
    }
    if (t.value === 'DO' && k > 2) return k + 1;
  }
  return singleStatementProcedureBody(tokens);
}

const ROUTINE_CHARACTERISTICS = new Set(['LANGUAGE', 'SQL', 'NOT', 'DETERMINISTIC', 'CONTAINS', 'NO', 'READS', 'MODIFIES', 'DATA', 'SECURITY', 'DEFINER', 'INVOKER']);

/** `CREATE PROCEDURE p(…) [characteristics] ALTER TABLE …`: a body of one statement, no BEGIN */
function singleStatementProcedureBody(tokens: readonly Token[]): number {
  const at = tokens.findIndex((t) => t.kind === 'word' && t.value === 'PROCEDURE');
  if (at < 0) return -1;
  let k = at + 2;
  if (tokens[k]?.value === '.') k += 2;
  if (tokens[k]?.value !== '(') return -1;
  let depth = 0;
  for (; k < tokens.length; k++) {
    if (tokens[k].value === '(') depth++;
    else if (tokens[k].value === ')' && --depth === 0) break;
  }
  k++;
  while (k < tokens.length) {
    const t = tokens[k];
    if (t.kind === 'word' && t.value === 'COMMENT') k += 2;
    else if (t.kind === 'word' && ROUTINE_CHARACTERISTICS.has(t.value)) k++;
    else break;
  }
  return k < tokens.length && EXTRACT_VERBS.has(tokens[k].value) ? k : -1;
}

/** index after `word` at paren depth 0 and outside CASE … END (or the end) */
function afterWord(tokens: readonly Token[], from: number, word: string): number {
  let depth = 0;
  let caseDepth = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'punct') {
      if (t.value === '(') depth++;
      else if (t.value === ')') depth--;
      else if (t.value === ';' && depth <= 0) return k;
      continue;
    }
    if (t.kind !== 'word' || depth > 0) continue;
    if (t.value === 'CASE') caseDepth++;
    else if (t.value === 'END' && caseDepth > 0 && word !== 'END') caseDepth--;
    else if (t.value === word && caseDepth === 0) return k + 1;
  }
  return tokens.length;
}

/** index of the `;` that ends the leaf statement starting at `from` (or the end) */
function statementEnd(tokens: readonly Token[], from: number): number {
  let depth = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.value === '(') depth++;
    else if (t.value === ')') depth--;
    else if (t.value === ';' && depth <= 0) return k;
  }
  return tokens.length;
}

/**
 * Names of user variables that some `PREPARE s FROM @v` or `EXECUTE IMMEDIATE @v` uses, read from
 * the whole text with a pattern so that no statement has to be tokenized twice (a match inside a
 * comment only makes extraction look at one more variable).
 */
export function preparedVariables(text: string): Set<string> {
  const names = new Set<string>();
  const pattern = /\b(?:PREPARE\s+[`\w$]+\s+FROM|EXECUTE\s+IMMEDIATE)\s+@(?:`([^`]+)`|'([^']+)'|"([^"]+)"|([\w$]+))/gi;
  for (const m of text.matchAll(pattern)) names.add((m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').toLowerCase());
  return names;
}

/** SQL decoded from string literals, with the file offsets where every character starts and ends */
export interface DecodedSql {
  text: string;
  starts: number[];
  ends: number[];
}

/**
 * The SQL strings of a SET @v = … (for a PREPARE'd @v), PREPARE s FROM '…' or EXECUTE IMMEDIATE '…':
 * CONCAT of literals is joined; otherwise each literal that starts like a schema/data change.
 */
export function preparedStrings(tokens: readonly Token[], prepared: ReadonlySet<string>): DecodedSql[] {
  const first = tokens[0];
  if (!first || first.kind !== 'word') return [];
  if (first.value === 'PREPARE') {
    const lit = tokens[3];
    if (tokens[2]?.value === 'FROM' && lit?.kind === 'string') return sqlLiterals(tokens, 3, 4);
    return [];
  }
  if (first.value === 'EXECUTE' && tokens[1]?.value === 'IMMEDIATE') {
    // MariaDB: EXECUTE IMMEDIATE 'ALTER …' / CONCAT('…', '…')
    const joined = concatOfLiterals(tokens, 2, tokens.length);
    if (joined) return STRING_SQL_VERBS.test(joined.text) ? [trimDecoded(joined)] : [];
    return sqlLiterals(tokens, 2, tokens.length);
  }
  if (first.value !== 'SET') return [];
  const out: DecodedSql[] = [];
  let k = 1;
  while (k < tokens.length) {
    const v = tokens[k];
    const eq = tokens[k + 1];
    if (v.kind === 'variable' && !v.text.startsWith('@@') && eq && eq.kind === 'punct' && (eq.value === '=' || eq.value === ':=')) {
      const end = assignmentEnd(tokens, k + 2);
      if (prepared.has(v.value.toLowerCase())) {
        const joined = concatOfLiterals(tokens, k + 2, end);
        if (joined && STRING_SQL_VERBS.test(joined.text)) out.push(trimDecoded(joined));
        else if (!joined) out.push(...sqlLiterals(tokens, k + 2, end));
      }
      k = end + 1;
      continue;
    }
    k++;
  }
  return out;
}

function assignmentEnd(tokens: readonly Token[], from: number): number {
  let depth = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.value === '(') depth++;
    else if (t.value === ')') depth--;
    else if (t.value === ',' && depth === 0) return k;
  }
  return tokens.length;
}

function decodeToken(t: Token): DecodedSql {
  const { value, starts, ends } = decodeWithMap(t.text);
  return { text: value, starts: starts.map((o) => t.start + o), ends: ends.map((o) => t.start + o) };
}

/** literals that hold a whole statement; pieces of a CONCAT with non-literal parts are only fragments */
function sqlLiterals(tokens: readonly Token[], from: number, to: number): DecodedSql[] {
  const out: DecodedSql[] = [];
  const callStack: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' && t.value === '(') {
      const prev = tokens[k - 1];
      callStack.push(prev && prev.kind === 'word' ? prev.value : '');
    } else if (t.kind === 'punct' && t.value === ')') callStack.pop();
    else if (t.kind === 'string' && STRING_SQL_VERBS.test(t.value) && !callStack.some((f) => f === 'CONCAT' || f === 'CONCAT_WS')) {
      out.push(trimDecoded(decodeToken(t)));
    }
  }
  return out;
}

/** `CONCAT('a', 'b', …)` (optionally parenthesised) with only literal arguments → joined */
function concatOfLiterals(tokens: readonly Token[], from: number, to: number): DecodedSql | undefined {
  let s = from;
  let e = to;
  while (tokens[s]?.value === '(' && tokens[e - 1]?.value === ')') {
    s++;
    e--;
  }
  if (!(tokens[s]?.kind === 'word' && tokens[s].value === 'CONCAT' && tokens[s + 1]?.value === '(' && tokens[e - 1]?.value === ')')) return undefined;
  const joined: DecodedSql = { text: '', starts: [], ends: [] };
  for (let k = s + 2; k < e - 1; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' && t.value === ',') continue;
    if (t.kind !== 'string') return undefined;
    const piece = decodeToken(t);
    joined.text += piece.text;
    joined.starts.push(...piece.starts);
    joined.ends.push(...piece.ends);
  }
  return joined;
}

function trimDecoded(d: DecodedSql): DecodedSql {
  let s = 0;
  let e = d.text.length;
  while (s < e && /[\s;]/.test(d.text[s])) s++;
  while (e > s && /[\s;]/.test(d.text[e - 1])) e--;
  return { text: d.text.slice(s, e), starts: d.starts.slice(s, e), ends: d.ends.slice(s, e) };
}
