// A read position over a statement's tokens, with the small vocabulary the recogniser needs.
import type { Span } from '../types';
import type { Token } from './tokens';

export class Cursor {
  pos: number;
  constructor(
    readonly tokens: readonly Token[],
    from = 0,
    readonly limit = tokens.length,
  ) {
    this.pos = from;
  }

  get done(): boolean {
    return this.pos >= this.limit;
  }

  peek(offset = 0): Token | undefined {
    const k = this.pos + offset;
    return k < this.limit ? this.tokens[k] : undefined;
  }

  /** upper-cased word at the position (words only), or '' */
  word(offset = 0): string {
    const t = this.peek(offset);
    return t && t.kind === 'word' ? t.value : '';
  }

  isWord(...words: string[]): boolean {
    return words.includes(this.word());
  }

  isPunct(p: string, offset = 0): boolean {
    const t = this.peek(offset);
    return !!t && t.kind === 'punct' && t.value === p;
  }

  next(): Token | undefined {
    const t = this.peek();
    if (t) this.pos++;
    return t;
  }

  /** consumes the word sequence if all of it is there */
  accept(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.word(k) !== words[k]) return false;
    this.pos += words.length;
    return true;
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.pos++;
    return true;
  }

  /** `IF NOT EXISTS` */
  acceptIfNotExists(): boolean {
    return this.accept('IF', 'NOT', 'EXISTS');
  }

  acceptIfExists(): boolean {
    return this.accept('IF', 'EXISTS');
  }

  /** an identifier: a word, a back-quoted name or (in name positions) a quoted string */
  identifier(): string | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.kind === 'word' || t.kind === 'ident' || t.kind === 'string' || t.kind === 'number') {
      this.pos++;
      return t.kind === 'word' || t.kind === 'number' ? t.text : t.value;
    }
    return undefined;
  }

  /** `name` or `schema.name` */
  qualifiedName(): { schema?: string; name: string } | undefined {
    const first = this.identifier();
    if (first === undefined) return undefined;
    if (this.isPunct('.')) {
      this.pos++;
      const second = this.identifier();
      if (second === undefined) return { name: first };
      if (this.isPunct('.')) {
        // db.table.column style: keep the last two parts
        this.pos++;
        const third = this.identifier();
        if (third !== undefined) return { schema: second, name: third };
      }
      return { schema: first, name: second };
    }
    return { name: first };
  }

  /** skips one balanced parenthesised group starting at the position; returns the index after `)` */
  skipParens(): number {
    if (!this.isPunct('(')) return this.pos;
    let depth = 0;
    while (this.pos < this.limit) {
      const t = this.tokens[this.pos++];
      if (t.kind !== 'punct') continue;
      if (t.value === '(') depth++;
      else if (t.value === ')') {
        depth--;
        if (depth === 0) break;
      }
    }
    return this.pos;
  }

  /** `=` is optional after option keywords */
  acceptEquals(): void {
    if (this.isPunct('=')) this.pos++;
  }

  spanFrom(startIndex: number): Span {
    const first = this.tokens[startIndex];
    const last = this.tokens[Math.max(startIndex, Math.min(this.pos, this.limit) - 1)];
    return { start: first.start, end: last.end };
  }
}

/** ranges [from, to) of the tokens between top-level commas in [from, to) */
export function splitTopLevel(tokens: readonly Token[], from: number, to: number, separator = ','): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.value === '(') depth++;
    else if (t.value === ')') depth = Math.max(0, depth - 1);
    else if (t.value === separator && depth === 0) {
      parts.push([start, k]);
      start = k + 1;
    }
  }
  parts.push([start, to]);
  return parts.filter(([s, e]) => e > s);
}

/** index of the `)` matching the `(` at `open` (or `to` when unbalanced) */
export function matchingParen(tokens: readonly Token[], open: number, to: number): number {
  let depth = 0;
  for (let k = open; k < to; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.value === '(') depth++;
    else if (t.value === ')') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return to;
}

/** text of tokens [from, to) as written, from the text that was tokenized */
export function textOf(source: string, tokens: readonly Token[], from: number, to: number): string {
  if (to <= from) return '';
  return source.slice(tokens[from].localStart, tokens[to - 1].localEnd);
}
