// Names inside a statement's text, with their offsets: what the navigation index points at when an
// operation carries no span for an identifier (table names never have one). Built on the parse
// layer's tokenizer, so quotes, backticks and comments are read exactly as the parser reads them.
import { tokenize } from '../parse/tokens';
import type { Span } from '../types';

export interface NameToken {
  /** the name as written, unquoted */
  name: string;
  /** the name, unquoted, lower-cased */
  lower: string;
  start: number;
  end: number;
  /** written in backticks (never a keyword) */
  quoted: boolean;
  /** `x.` follows: a qualifier (schema or table), not the name itself */
  qualifier: boolean;
  /** an opening parenthesis comes right before it (the first name of a list) */
  afterParen: boolean;
}

/** words and backticked identifiers of `text` within `span` (`text`: executable comments already unwrapped) */
export function nameTokens(text: string, span: Span): NameToken[] {
  const tokens = tokenize(text, span.start, Math.min(span.end, text.length));
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' && t.kind !== 'ident') continue;
    const next = tokens[i + 1];
    const qualifier = next !== undefined && next.kind === 'punct' && next.text === '.' && next.start === t.end;
    const previous = tokens[i - 1];
    const afterParen = previous !== undefined && previous.kind === 'punct' && previous.text === '(';
    const name = t.kind === 'ident' ? t.value : t.text;
    out.push({ name, lower: name.toLowerCase(), start: t.start, end: t.end, quoted: t.kind === 'ident', qualifier, afterParen });
  }
  return out;
}

/** the first token in [from, to) naming `lower` (not as a qualifier) */
export function findName(tokens: readonly NameToken[], lower: string, from: number, to: number): NameToken | undefined {
  for (const t of tokens) {
    if (t.start < from) continue;
    if (t.end > to) return undefined;
    if (t.lower === lower && !t.qualifier) return t;
  }
  return undefined;
}

/** the first token in [from, to) after the leading keywords in `skip` (unquoted), when it names `lower` */
export function nameAfter(tokens: readonly NameToken[], lower: string, from: number, to: number, skip: ReadonlySet<string>): NameToken | undefined {
  for (const t of tokens) {
    if (t.start < from) continue;
    if (t.end > to) return undefined;
    if (!t.quoted && skip.has(t.lower) && t.lower !== lower) continue;
    if (t.qualifier) continue;
    return t.lower === lower ? t : findName(tokens, lower, from, to);
  }
  return undefined;
}

/** the first token in [from, to) after the unquoted keyword `word`, when it names `lower` */
export function nameAfterWord(tokens: readonly NameToken[], word: string, lower: string, from: number, to: number): NameToken | undefined {
  const at = tokens.find((t) => t.start >= from && t.end <= to && !t.quoted && t.lower === word);
  return at ? findName(tokens, lower, at.end, to) : undefined;
}
