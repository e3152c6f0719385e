// A small TextMate tokenizer for testing Lockstep's injection grammars without vscode-textmate.
// It compiles each rule's Oniguruma regex as a JavaScript RegExp, so the grammars may only use
// the features both engines share. Rejected here: inline flags other than a leading `(?i)`,
// \G \A \z \Z \h \H, possessive quantifiers, atomic groups, absent operator, \k<…>/\g<…> calls,
// POSIX brackets, and named groups. The SQL grammar the rules are injected into is stood in for
// by `sqlSegments()`, which splits a line into code, comment and string parts.
import { readFileSync } from 'node:fs';

export interface GrammarRule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  endCaptures?: Record<string, { name: string }>;
  patterns?: GrammarRule[];
  include?: string;
}

export interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: GrammarRule[];
  repository?: Record<string, GrammarRule>;
}

export interface Token {
  text: string;
  scope: string;
}

const UNSUPPORTED: [RegExp, string][] = [
  [/\\[GAzZhH]/, 'anchor or class only Oniguruma knows'],
  [/[+*?}][+]/, 'possessive quantifier'],
  [/\(\?>/, 'atomic group'],
  [/\(\?~/, 'absent operator'],
  [/\\[kg]</, 'named backreference or subexpression call'],
  [/\[\[:/, 'POSIX bracket'],
  [/\(\?<[A-Za-z]/, 'named group'],
  [/.\(\?[imx-]+[):]/, 'inline flag group after the start'],
];

/** Compiles one grammar regex to a sticky-free global JS RegExp; throws on unshared features. */
export function compile(source: string): RegExp {
  for (const [pattern, what] of UNSUPPORTED) {
    if (pattern.test(source)) throw new Error(`grammar regex uses ${what}: ${source}`);
  }
  const caseless = source.startsWith('(?i)');
  return new RegExp(caseless ? source.slice(4) : source, caseless ? 'gid' : 'gd');
}

export function loadGrammar(path: string): Grammar {
  return JSON.parse(readFileSync(path, 'utf8')) as Grammar;
}

/** Every regex string in a grammar (match, begin, end), for compile checks. */
export function allRegexes(grammar: Grammar): string[] {
  const out: string[] = [];
  const visit = (rule: GrammarRule): void => {
    for (const key of ['match', 'begin', 'end'] as const) if (rule[key] !== undefined) out.push(rule[key]);
    rule.patterns?.forEach(visit);
  };
  grammar.patterns.forEach(visit);
  Object.values(grammar.repository ?? {}).forEach(visit);
  return out;
}

export class Tokenizer {
  private readonly grammars = new Map<string, Grammar>();

  add(grammar: Grammar): this {
    this.grammars.set(grammar.scopeName, grammar);
    return this;
  }

  /** Tokenizes `text` with the top-level patterns of `scopeName` under `baseScope`; unmatched text gets the base scope. */
  tokenize(scopeName: string, text: string, baseScope: string): Token[] {
    const grammar = this.grammar(scopeName);
    const tokens: Token[] = [];
    this.run(grammar, grammar.patterns, text, 0, text.length, baseScope, tokens, undefined);
    return merge(tokens);
  }

  private grammar(scopeName: string): Grammar {
    const grammar = this.grammars.get(scopeName);
    if (!grammar) throw new Error(`unknown grammar ${scopeName}`);
    return grammar;
  }

  private expand(grammar: Grammar, rules: GrammarRule[]): [Grammar, GrammarRule][] {
    const out: [Grammar, GrammarRule][] = [];
    for (const rule of rules) {
      if (rule.include === undefined) out.push([grammar, rule]);
      else if (rule.include.startsWith('#')) {
        const target = grammar.repository?.[rule.include.slice(1)];
        if (!target) throw new Error(`missing repository rule ${rule.include}`);
        out.push(...this.expand(grammar, [target]));
      } else {
        const other = this.grammar(rule.include);
        out.push(...this.expand(other, other.patterns));
      }
    }
    return out;
  }

  /** Scans [from, to); returns where it stopped (after `end` matched, or `to`). */
  private run(grammar: Grammar, rules: GrammarRule[], text: string, from: number, to: number, scope: string, tokens: Token[], end: RegExp | undefined): number {
    const candidates = this.expand(grammar, rules);
    let pos = from;
    while (pos <= to) {
      let best: { rule: GrammarRule; grammar: Grammar; m: RegExpExecArray; isEnd: boolean } | undefined;
      if (end) {
        end.lastIndex = pos;
        const m = end.exec(text.slice(0, to));
        if (m) best = { rule: {}, grammar, m, isEnd: true };
      }
      for (const [g, rule] of candidates) {
        const source = rule.match ?? rule.begin;
        if (source === undefined) continue;
        const re = compile(source);
        re.lastIndex = pos;
        const m = re.exec(text.slice(0, to));
        if (m && (!best || m.index < best.m.index)) best = { rule, grammar: g, m, isEnd: false };
      }
      if (!best || (best.m[0].length === 0 && !best.isEnd && best.rule.begin === undefined)) break;
      if (best.m.index > pos) tokens.push({ text: text.slice(pos, best.m.index), scope });
      if (best.isEnd) {
        pos = best.m.index + best.m[0].length;
        return pos;
      }
      const { rule } = best;
      const ruleScope = rule.name ? `${scope} ${rule.name}` : scope;
      pushCaptures(best.m, rule.match !== undefined ? rule.captures : (rule.beginCaptures ?? rule.captures), ruleScope, tokens);
      pos = best.m.index + best.m[0].length;
      if (rule.begin !== undefined) {
        const endSource = rule.end ?? '$';
        pos = this.run(best.grammar, rule.patterns ?? [], text, pos, to, ruleScope, tokens, compile(endSource));
      }
      if (pos >= to) break;
    }
    if (pos < to) tokens.push({ text: text.slice(pos, to), scope });
    return to;
  }
}

function pushCaptures(m: RegExpExecArray, captures: GrammarRule['captures'], scope: string, tokens: Token[]): void {
  const start = m.index;
  const whole = m[0];
  const named: { start: number; end: number; scope: string }[] = [];
  for (const [group, capture] of Object.entries(captures ?? {})) {
    const range = m.indices?.[Number(group)];
    if (range) named.push({ start: range[0], end: range[1], scope: `${scope} ${capture.name}` });
  }
  named.sort((a, b) => a.start - b.start);
  let pos = start;
  for (const c of named) {
    if (c.start < pos) continue; // nested captures are not used by these grammars
    if (c.start > pos) tokens.push({ text: whole.slice(pos - start, c.start - start), scope });
    if (c.end > c.start) tokens.push({ text: whole.slice(c.start - start, c.end - start), scope: c.scope });
    pos = c.end;
  }
  if (pos < start + whole.length) tokens.push({ text: whole.slice(pos - start), scope });
}

function merge(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && last.scope === t.scope) last.text += t.text;
    else if (t.text.length > 0) out.push({ ...t });
  }
  return out;
}

export interface Segment {
  kind: 'code' | 'comment' | 'string';
  text: string;
}

/** Splits one SQL line the way VS Code's SQL grammar scopes it: `--` and block comments, quoted strings and backticks, code. (`#` is left as code: that grammar does not scope it.) */
export function sqlSegments(line: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let code = '';
  const flush = (): void => {
    if (code) out.push({ kind: 'code', text: code });
    code = '';
  };
  while (i < line.length) {
    const rest = line.slice(i);
    if (rest.startsWith('--')) {
      flush();
      out.push({ kind: 'comment', text: rest });
      break;
    }
    if (rest.startsWith('/*')) {
      flush();
      const close = rest.indexOf('*/', 2);
      const len = close < 0 ? rest.length : close + 2;
      out.push({ kind: 'comment', text: rest.slice(0, len) });
      i += len;
      continue;
    }
    const quote = rest[0];
    if (quote === "'" || quote === '"' || quote === '`') {
      flush();
      const close = rest.indexOf(quote, 1);
      const len = close < 0 ? rest.length : close + 1;
      out.push({ kind: 'string', text: rest.slice(0, len) });
      i += len;
      continue;
    }
    code += rest[0];
    i++;
  }
  flush();
  return out;
}
