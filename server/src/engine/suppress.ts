// Inline ignore directives: `-- lockstep-disable-next-line r1, r2 -- reason`, trailing
// `-- lockstep-disable-line r`, file-wide `-- lockstep-disable r` (also `#` and `/* */` forms).
//
// Matching: a finding is suppressed when its span starts on the directive's target line (or, when
// statement spans are given, when its statement starts there), or anywhere for file-wide ones.
// The target of `disable-line` is the line the comment starts on. The target of
// `disable-next-line` is the next line that holds code: blank lines and comment-only lines are
// skipped, so stacked directives above one statement all apply to it.
// A directive without a rule list disables every rule. Rule ids are separated by commas or spaces;
// a reason follows ` -- `.
import { scanComments, type CommentScan, type SqlComment } from './config/sqlComments';
import { lineOf, lineStartsOf } from './text/lines';
import { rules } from './rules';
import type { Finding, Fix, Span, TextEdit } from './types';

export interface Directive {
  kind: 'next-line' | 'line' | 'file';
  /** rule ids; empty = all rules */
  rules: string[];
  reason?: string;
  /** the directive comment's range */
  span: Span;
  /** zero-based line the directive applies to (next-line / line); undefined when no code line follows */
  line?: number;
  /** range of each rule id in `rules` */
  ruleSpans?: Span[];
  /** where a rule id may be appended (after the last id, or after the directive keyword) */
  insertAt?: number;
}

/** findings the engine itself reports: valid in directives and in the config next to the registry's rules */
export const ENGINE_RULE_IDS = ['internal-error', 'unparsed-statement', 'unused-ignore'] as const;

export const UNUSED_IGNORE = 'unused-ignore';

export function knownRuleIds(): string[] {
  return [...rules.map((r) => r.meta.id), ...ENGINE_RULE_IDS].sort();
}

const DIRECTIVE = /^(\s*)lockstep-disable(-next-line|-line)?(?=\s|$)/;

type Lines = Pick<CommentScan, 'lineStarts'>;

export function findDirectives(text: string): Directive[] {
  try {
    const scan = scanComments(text);
    return scan.comments.map((c) => toDirective(text, c, scan)).filter((d): d is Directive => d !== undefined);
  } catch {
    return [];
  }
}

function toDirective(text: string, comment: SqlComment, scan: CommentScan): Directive | undefined {
  const body = text.slice(comment.bodyStart, comment.bodyEnd);
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const kind: Directive['kind'] = m[2] === '-next-line' ? 'next-line' : m[2] === '-line' ? 'line' : 'file';
  const listStart = comment.bodyStart + m[0].length;
  const rest = text.slice(listStart, comment.bodyEnd);
  const reasonAt = rest.search(/(^|\s)--(\s|$)/);
  const list = reasonAt < 0 ? rest : rest.slice(0, reasonAt);
  const reason = reasonAt < 0 ? undefined : rest.slice(reasonAt).replace(/^\s*--/, '').trim() || undefined;

  const ids: string[] = [];
  const ruleSpans: Span[] = [];
  const token = /[^\s,]+/g;
  for (let t = token.exec(list); t; t = token.exec(list)) {
    ids.push(t[0]);
    ruleSpans.push({ start: listStart + t.index, end: listStart + t.index + t[0].length });
  }
  const insertAt = ruleSpans.length > 0 ? ruleSpans[ruleSpans.length - 1].end : listStart;
  const directive: Directive = { kind, rules: ids, reason, span: { start: comment.start, end: comment.end }, ruleSpans, insertAt };
  if (kind === 'line') directive.line = lineOf(scan.lineStarts, comment.start);
  if (kind === 'next-line') directive.line = nextCodeLine(scan, lineOf(scan.lineStarts, Math.max(comment.start, comment.end - 1)));
  return directive;
}

function nextCodeLine(scan: CommentScan, after: number): number | undefined {
  for (let l = after + 1; l < scan.codeLines.length; l++) if (scan.codeLines[l]) return l;
  return undefined;
}

/**
 * Drops suppressed findings; returns the kept ones and `unused-ignore` findings for directives
 * that matched nothing or name unknown rules. `statementSpans` (statement index → span) lets a
 * directive above a multi-line statement cover findings on its later lines.
 */
export function applyDirectives(text: string, findings: Finding[], directives: Directive[], statementSpans?: ReadonlyMap<number, Span>): Finding[] {
  if (directives.length === 0) return findings;
  try {
    return applyChecked(text, findings, directives, statementSpans);
  } catch {
    return findings;
  }
}

function applyChecked(text: string, findings: Finding[], directives: Directive[], statementSpans?: ReadonlyMap<number, Span>): Finding[] {
  const scan = { lineStarts: lineStartsOf(text) };
  const used = directives.map(() => new Set<string>());
  const fileWide: number[] = [];
  const byLine = new Map<number, number[]>();
  directives.forEach((d, n) => {
    if (d.kind === 'file') fileWide.push(n);
    else if (d.line !== undefined) byLine.set(d.line, [...(byLine.get(d.line) ?? []), n]);
  });
  const kept: Finding[] = [];
  for (const finding of findings) {
    const lines = new Set([lineOf(scan.lineStarts, finding.span.start)]);
    const statement = finding.statementIndex !== undefined ? statementSpans?.get(finding.statementIndex) : undefined;
    if (statement) lines.add(lineOf(scan.lineStarts, statement.start));
    const candidates = [...fileWide, ...[...lines].flatMap((l) => byLine.get(l) ?? [])];
    let suppressed = false;
    for (const n of candidates) {
      const d = directives[n];
      const match = d.rules.length === 0 ? '*' : d.rules.find((r) => r === finding.rule);
      if (match === undefined) continue;
      used[n].add(match);
      suppressed = true;
    }
    if (!suppressed) kept.push(finding);
  }
  const known = new Set(knownRuleIds());
  // `unused-ignore` itself can be disabled; such a token is never reported as unused
  directives.forEach((_, n) => used[n].add(UNUSED_IGNORE));
  const problems = directives.flatMap((d, n) => directiveProblems(text, scan, d, used[n], known));
  const silencers = directives.filter((d) => d.rules.includes(UNUSED_IGNORE));
  const silencedLines = new Set(silencers.map((d) => d.line));
  const silencedFile = silencers.some((d) => d.kind === 'file');
  for (const p of problems) {
    if (!silencedFile && !silencedLines.has(lineOf(scan.lineStarts, p.span.start))) kept.push(p);
  }
  return kept;
}

function directiveProblems(text: string, scan: Lines, d: Directive, used: ReadonlySet<string>, known: ReadonlySet<string>): Finding[] {
  const name = `lockstep-disable${d.kind === 'file' ? '' : `-${d.kind}`}`;
  const where = d.kind === 'file' ? 'in this file' : d.line === undefined ? 'after it' : `on line ${d.line + 1}`;
  const deleteFix = (): Fix => ({ title: `Remove the unused ${name} comment`, edits: [deleteDirectiveEdit(text, scan, d)], preferred: true });
  if (d.rules.length === 0) {
    if (used.has('*')) return [];
    return [{ rule: UNUSED_IGNORE, severity: 'warning', message: `Unused ignore: ${name} suppresses nothing ${where}.`, span: d.span, help: 'Remove the comment.', fixes: [deleteFix()] }];
  }
  const out: Finding[] = [];
  const spans = d.ruleSpans ?? [];
  const unknown = d.rules.filter((r) => !known.has(r));
  const unused = d.rules.filter((r) => known.has(r) && !used.has(r));
  if (unknown.length + unused.length === d.rules.length && unknown.length === 0) {
    const list = unused.map((r) => `\`${r}\``).join(', ');
    return [{ rule: UNUSED_IGNORE, severity: 'warning', message: `Unused ignore: no ${list} finding ${where} to suppress.`, span: d.span, help: 'Remove the comment.', fixes: [deleteFix()] }];
  }
  d.rules.forEach((rule, n) => {
    const isUnknown = !known.has(rule);
    if (!isUnknown && used.has(rule)) return;
    const span = spans[n] ?? d.span;
    const remaining = d.rules.filter((_, m) => m !== n);
    const fixes: Fix[] = [];
    if (isUnknown) {
      const guess = closest(rule, [...known]);
      if (guess) fixes.push({ title: `Change to \`${guess}\``, edits: [{ span, newText: guess }], preferred: true });
    }
    fixes.push(remaining.length > 0 ? { title: `Remove \`${rule}\` from the ${name} comment`, edits: [rewriteListEdit(d, remaining)], preferred: !isUnknown } : deleteFix());
    const message = isUnknown
      ? `Unknown rule \`${rule}\` in ${name}${closest(rule, [...known]) ? ` (did you mean \`${closest(rule, [...known])}\`?)` : ''}.`
      : `Unused ignore: no \`${rule}\` finding ${where} to suppress.`;
    out.push({ rule: UNUSED_IGNORE, severity: 'warning', message, span, help: isUnknown ? 'Use a rule id from the documentation.' : `Remove \`${rule}\` from the comment.`, fixes });
  });
  return out;
}

function rewriteListEdit(d: Directive, remaining: string[]): TextEdit {
  const spans = d.ruleSpans ?? [];
  return { span: { start: spans[0].start, end: spans[spans.length - 1].end }, newText: remaining.join(', ') };
}

/** deletes the directive; the whole line when the comment is alone on it */
function deleteDirectiveEdit(text: string, scan: Lines, d: Directive): TextEdit {
  const first = lineOf(scan.lineStarts, d.span.start);
  const last = lineOf(scan.lineStarts, Math.max(d.span.start, d.span.end - 1));
  const lineStart = scan.lineStarts[first];
  const nextLineStart = scan.lineStarts[last + 1] ?? text.length;
  const before = text.slice(lineStart, d.span.start);
  const after = text.slice(d.span.end, nextLineStart);
  if (before.trim() === '' && after.trim() === '') return { span: { start: lineStart, end: nextLineStart }, newText: '' };
  let start = d.span.start;
  while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { span: { start, end: d.span.end }, newText: '' };
}

/** the closest id by edit distance, when close enough to be a typo */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

// ---------------------------------------------------------------------------------------------
// Edits that add directives (code actions "disable for this line / for this file")

/** Inserts `-- lockstep-disable-next-line <rule>` above the finding's line, or adds the rule to a directive already aimed at that line. */
export function disableNextLineEdit(text: string, findingSpan: Span, rule: string): TextEdit[] {
  const scan = { lineStarts: lineStartsOf(text) };
  const line = lineOf(scan.lineStarts, findingSpan.start);
  const existing = findDirectives(text).filter((d) => d.kind === 'next-line' && d.line === line);
  const merged = mergeInto(existing[existing.length - 1], rule);
  if (merged) return merged;
  const lineStart = scan.lineStarts[line];
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return [{ span: { start: lineStart, end: lineStart }, newText: `${indent}-- lockstep-disable-next-line ${rule}${eol(text)}` }];
}

/** Adds `-- lockstep-disable <rule>` at the top of the file (after a runner's header line), or to the file's existing directive. */
export function disableFileEdit(text: string, rule: string): TextEdit[] {
  const merged = mergeInto(findDirectives(text).find((d) => d.kind === 'file'), rule);
  if (merged) return merged;
  const at = fileDirectiveOffset(text);
  const lead = at === text.length && at > 0 && !/[\r\n]$/.test(text) ? eol(text) : '';
  return [{ span: { start: at, end: at }, newText: `${lead}-- lockstep-disable ${rule}${eol(text)}` }];
}

/** edits that add `rule` to an existing directive; [] when it already covers it; undefined when there is none */
function mergeInto(d: Directive | undefined, rule: string): TextEdit[] | undefined {
  if (!d) return undefined;
  if (d.rules.length === 0 || d.rules.includes(rule)) return [];
  const at = d.insertAt ?? d.span.end;
  return [{ span: { start: at, end: at }, newText: `, ${rule}` }];
}

const HEADER_LINES = [/^--\s*liquibase formatted sql/i, /^--\s*migrate:up\b/i, /^--\s*\+migrate up\b/i, /^--\s*\+goose up\b/i];

/** after a leading runner header (`--liquibase formatted sql`, `-- migrate:up`, `-- +migrate Up`, `-- +goose Up`), else 0 */
function fileDirectiveOffset(text: string): number {
  const scan = scanComments(text);
  for (let l = 0; l < scan.lineStarts.length; l++) {
    if (scan.codeLines[l]) break;
    const start = scan.lineStarts[l];
    const end = scan.lineStarts[l + 1] ?? text.length;
    const content = text.slice(start, end).trim();
    if (HEADER_LINES.some((h) => h.test(content))) {
      return l + 1 < scan.lineStarts.length ? scan.lineStarts[l + 1] : text.length;
    }
  }
  return 0;
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
