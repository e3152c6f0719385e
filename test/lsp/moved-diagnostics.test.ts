// Diagnostics an edit only moved are sent again as they were: after a single-character edit
// anywhere in a findings-heavy migration, every diagnostic taken over from the last publish equals
// the one converting the new finding gives (range, message, related locations), most findings
// after the edited line are taken over, and an edit that adds a line break takes over none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { generateFindingsMigration } from '../../bench/generate-findings';
import { analyzeFile, parseTarget, type Finding } from '../../server/src/engine';
import { indexText, spanToRange } from '../../server/src/lsp/convert';
import { movedDiagnostics, type LastPublish } from '../../server/src/lsp/moved-diagnostics';

const PATH = 'V1__release.sql';
const target = parseTarget('mysql-8.0');
if (!target) throw new Error('mysql-8.0 is a target');
const options = { target };

function convert(text: string, findings: readonly Finding[]): Diagnostic[] {
  const index = indexText(text);
  return findings.map((f) => ({
    range: spanToRange(index, f.span),
    severity: f.severity === 'error' ? 1 : 2,
    code: f.rule,
    message: f.help ? `${f.message}\n${f.help}` : f.message,
    relatedInformation: (f.related ?? []).map((r) => ({ location: { uri: r.path ?? PATH, range: spanToRange(index, r.span ?? f.span) }, message: r.message })),
  }));
}

function publish(text: string): LastPublish {
  const findings = analyzeFile(PATH, text, options).findings;
  return { text, findings, diagnostics: convert(text, findings) };
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

const text = generateFindingsMigration(300);
const before = publish(text);

test('after single-character edits, every diagnostic taken over equals a fresh conversion, and most later ones are taken over', () => {
  // edits spread over the file: inside names, comments, clauses (typed and deleted)
  let checked = 0;
  for (let at = 200; at < text.length - 200; at += Math.floor(text.length / 23)) {
    for (const edited of [text.slice(0, at) + 'x' + text.slice(at), text.slice(0, at) + text.slice(at + 1)]) {
      if (edited.slice(at - 1, at + 2).includes('\n') || text.slice(at - 1, at + 2).includes('\n')) continue;
      const after = publish(edited);
      const moved = movedDiagnostics(before, edited, commonPrefix(text, edited), after.findings, PATH);
      const fresh = new Map(after.findings.map((f, k) => [f, after.diagnostics[k]]));
      for (const [finding, diagnostic] of moved) assert.deepEqual(diagnostic, fresh.get(finding), `edit at ${at}: ${finding.rule} at ${finding.span.start}`);
      const lineEnd = edited.indexOf('\n', at + 1);
      const later = after.findings.filter((f) => f.span.start > lineEnd && (f.related ?? []).every((r) => r.span === undefined || r.span.start > lineEnd || r.span.end < at));
      assert.ok(moved.size >= later.length * 0.9, `edit at ${at}: ${moved.size} of ${later.length} later findings taken over`);
      checked++;
    }
  }
  assert.ok(checked > 20);
});

test('an edit that adds or removes a line break takes over nothing', () => {
  const at = text.indexOf('\n', Math.floor(text.length / 2));
  for (const edited of [text.slice(0, at) + '\n' + text.slice(at), text.slice(0, at) + text.slice(at + 1)]) {
    const after = publish(edited);
    assert.equal(movedDiagnostics(before, edited, commonPrefix(text, edited), after.findings, PATH).size, 0);
  }
});
