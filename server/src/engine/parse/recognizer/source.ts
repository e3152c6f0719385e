// What every recogniser module works on: the statement's tokens and the text they came from.
import type { Token } from '../tokens';
import { textOf } from '../cursor';

export interface StatementSource {
  /** the text the tokens were read from (their localStart/localEnd index it) */
  text: string;
  tokens: Token[];
}

export function sourceText(src: StatementSource, from: number, to: number): string {
  return textOf(src.text, src.tokens, from, to);
}

/** lower-cased, unqualified */
export function tableKey(name: string): string {
  return name.toLowerCase();
}
