// Baselines: accepted findings of legacy migrations, so a project can adopt Lockstep and fail only
// on new problems. A finding's fingerprint is rule + path + a hash of its statement's text with
// comments and whitespace normalised, not its line, so edits elsewhere in the file keep it valid.
// Identical findings (same fingerprint) are counted.
import type { Finding, Span } from '../types';
import { parseJson, toValue, type JsonNode } from './json';
import { scanComments } from './sqlComments';

export interface BaselineEntry {
  rule: string;
  path: string;
  fingerprint: string;
  /** how many identical findings are accepted */
  count: number;
  /** for humans reading the file; not used for matching */
  message?: string;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export interface BaselineFile {
  /** relative path, forward slashes */
  path: string;
  text: string;
  findings: readonly Finding[];
  /** statement index → span, to fingerprint a finding by its whole statement */
  statementSpans?: ReadonlyMap<number, Span>;
}

export function statementSpanMap(statements: readonly { index: number; span: Span }[]): Map<number, Span> {
  return new Map(statements.map((s) => [s.index, s.span]));
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** statement text without comments, whitespace collapsed, lower-cased */
export function normalizeStatementText(sql: string): string {
  const { comments } = scanComments(sql);
  let out = '';
  let from = 0;
  for (const c of comments) {
    out += `${sql.slice(from, c.start)} `;
    from = c.end;
  }
  out += sql.slice(from);
  return out.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** 64-bit FNV-1a as 16 hex digits (two 32-bit lanes) */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 0x400) >>> 0;
    b = (b ^ (a >>> 7)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export function findingFingerprint(rule: string, path: string, statementText: string): string {
  return hashText(`${rule}\u0000${normalizePath(path)}\u0000${normalizeStatementText(statementText)}`);
}

/** the text a finding is identified by: its statement when known, else its own span (or its line when empty) */
function identifyingText(file: BaselineFile, finding: Finding): string {
  const statement = finding.statementIndex !== undefined ? file.statementSpans?.get(finding.statementIndex) : undefined;
  const span = statement ?? finding.span;
  if (span.end > span.start) return file.text.slice(span.start, span.end);
  const lineStart = file.text.lastIndexOf('\n', span.start - 1) + 1;
  const lineEnd = file.text.indexOf('\n', span.start);
  return file.text.slice(lineStart, lineEnd < 0 ? file.text.length : lineEnd);
}

export function fingerprintFindings(file: BaselineFile): string[] {
  return file.findings.map((f) => findingFingerprint(f.rule, file.path, identifyingText(file, f)));
}

export function createBaseline(files: readonly BaselineFile[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const file of files) {
    const prints = fingerprintFindings(file);
    file.findings.forEach((f, n) => {
      const key = `${f.rule}\u0000${normalizePath(file.path)}\u0000${prints[n]}`;
      const entry = entries.get(key);
      if (entry) entry.count++;
      else entries.set(key, { rule: f.rule, path: normalizePath(file.path), fingerprint: prints[n], count: 1, message: f.message });
    });
  }
  const sorted = [...entries.values()].sort((x, y) => x.path.localeCompare(y.path) || x.rule.localeCompare(y.rule) || x.fingerprint.localeCompare(y.fingerprint));
  return { version: 1, entries: sorted };
}

/** stable, diff-friendly JSON with a trailing newline */
export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export function parseBaseline(jsonText: string): { baseline: Baseline; errors: string[] } {
  const empty: Baseline = { version: 1, entries: [] };
  const parsed = parseJson(jsonText);
  if (!parsed.ok) return { baseline: empty, errors: [`invalid baseline JSON: ${parsed.error.message}`] };
  const value = toValue(parsed.node) as { version?: unknown; entries?: unknown } | null;
  if (!value || typeof value !== 'object' || !Array.isArray(value.entries)) return { baseline: empty, errors: ['a baseline is an object with an `entries` array'] };
  if (value.version !== 1) return { baseline: empty, errors: [`unsupported baseline version ${JSON.stringify(value.version)} (expected 1)`] };
  const errors: string[] = [];
  const entries: BaselineEntry[] = [];
  value.entries.forEach((raw: unknown, n: number) => {
    const e = raw as Partial<BaselineEntry> | null;
    if (!e || typeof e.rule !== 'string' || typeof e.path !== 'string' || typeof e.fingerprint !== 'string') {
      errors.push(`entries[${n}]: needs string \`rule\`, \`path\` and \`fingerprint\``);
      return;
    }
    const count = e.count === undefined ? 1 : e.count;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
      errors.push(`entries[${n}]: \`count\` must be a whole number of at least 1, not ${sourceOf(parsed.node, jsonText, ['entries', n, 'count'])}`);
      return;
    }
    entries.push({ rule: e.rule, path: normalizePath(e.path), fingerprint: e.fingerprint, count, message: typeof e.message === 'string' ? e.message : undefined });
  });
  return { baseline: { version: 1, entries }, errors };
}

/** the source text of the value at a path (the last of repeated keys, as `toValue` keeps) */
function sourceOf(node: JsonNode | undefined, text: string, path: Array<string | number>): string {
  for (const step of path) {
    if (typeof step === 'number') node = node?.kind === 'array' ? node.items[step] : undefined;
    else node = node?.kind === 'object' ? node.entries.filter((e) => e.key === step).pop()?.value : undefined;
  }
  return node ? text.slice(node.start, node.end).slice(0, 80) : '?';
}

export interface BaselineFilterResult {
  kept: Finding[];
  /** findings hidden by the baseline */
  baselined: number;
}

/** Hides findings of this file that the baseline accepts (each entry up to its count). */
export function filterByBaseline(file: BaselineFile, baseline: Baseline): BaselineFilterResult {
  const path = normalizePath(file.path);
  const budget = new Map<string, number>();
  for (const e of baseline.entries) if (e.path === path) budget.set(`${e.rule}\u0000${e.fingerprint}`, (budget.get(`${e.rule}\u0000${e.fingerprint}`) ?? 0) + e.count);
  if (budget.size === 0) return { kept: [...file.findings], baselined: 0 };
  const prints = fingerprintFindings(file);
  const kept: Finding[] = [];
  let baselined = 0;
  file.findings.forEach((f, n) => {
    const key = `${f.rule}\u0000${prints[n]}`;
    const left = budget.get(key) ?? 0;
    if (left > 0) {
      budget.set(key, left - 1);
      baselined++;
    } else {
      kept.push(f);
    }
  });
  return { kept, baselined };
}
