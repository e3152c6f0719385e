// Diagnostics of the last publish that an edit only moved. After an edit that adds or removes no
// line break, every line after the edited one keeps its number and its text, so a finding lying
// wholly on those lines shows the same range as before, and the same diagnostic can be sent again
// instead of being converted anew (a big file's findings after the edit point are new objects on
// every keystroke, at offsets moved by the edit).
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding, Span } from '../engine';
import { firstAtOrAfter } from './sorted-findings';

export interface LastPublish {
  text: string;
  /** sorted by offset, as analyses return them */
  findings: readonly Finding[];
  /** aligned with `findings` */
  diagnostics: readonly Diagnostic[];
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * For findings of `text` that lie on the lines after the edit from `last.text`, the diagnostic of
 * the last publish showing the same finding (`prefix`: the texts' common prefix length). Empty when
 * the edit changed line breaks.
 */
export function movedDiagnostics(last: LastPublish, text: string, prefix: number, findings: readonly Finding[], relPath: string): Map<Finding, Diagnostic> {
  const out = new Map<Finding, Diagnostic>();
  const old = last.text;
  let suffix = 0;
  const max = Math.min(old.length, text.length) - prefix;
  while (suffix < max && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldEnd = old.length - suffix;
  const newEnd = text.length - suffix;
  if (hasLineBreak(old, prefix, oldEnd) || hasLineBreak(text, prefix, newEnd)) return out;
  const delta = newEnd - oldEnd;
  // the lines after the edited one start past its line break, in the common suffix
  const lineBreak = text.indexOf('\n', newEnd);
  if (lineBreak < 0) return out;
  const after = lineBreak + 1;
  /** a span of the new text shows the same range as `was` did in the old one */
  const sameRange = (now: Span, was: Span): boolean => {
    if (now.end <= prefix) return now.start === was.start && now.end === was.end;
    if (now.start >= after) return now.start - delta === was.start && now.end - delta === was.end;
    return false;
  };
  const same = (now: Finding, was: Finding): boolean => {
    if (now.rule !== was.rule || now.severity !== was.severity || now.message !== was.message || now.help !== was.help) return false;
    if (!sameRange(now.span, was.span)) return false;
    const a = now.related ?? [];
    const b = was.related ?? [];
    if (a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) {
      const r = a[k];
      const s = b[k];
      if (r.message !== s.message || r.path !== s.path) return false;
      if (r.path !== undefined && r.path !== relPath) return false;
      if ((r.span === undefined) !== (s.span === undefined)) return false;
      if (r.span && s.span && !sameRange(r.span, s.span)) return false;
    }
    return true;
  };
  // both lists are sorted by start: walk them together, matching findings that start at the same moved offset
  let i = firstAtOrAfter(last.findings, after - delta);
  let j = firstAtOrAfter(findings, after);
  while (i < last.findings.length && j < findings.length) {
    const was = last.findings[i].span.start;
    const now = findings[j].span.start - delta;
    if (was < now) i++;
    else if (was > now) j++;
    else {
      let iEnd = i;
      while (iEnd < last.findings.length && last.findings[iEnd].span.start === was) iEnd++;
      for (; j < findings.length && findings[j].span.start - delta === was; j++) {
        for (let k = i; k < iEnd; k++) {
          if (same(findings[j], last.findings[k])) {
            out.set(findings[j], last.diagnostics[k]);
            break;
          }
        }
      }
      i = iEnd;
    }
  }
  return out;
}
