// A throw-away git repository: the before-version of each file committed, the after-version in
// the working tree, as a developer has it while editing a model.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding, TextEdit } from '../../server/src/engine';

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `before`: committed on main; `after`: written over it in the working tree (not committed) */
export function gitFixture(before: Record<string, string>, after: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lockstep-orm-')));
  made.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'dev@example.com');
  git(dir, 'config', 'user.name', 'Dev');
  git(dir, 'config', 'commit.gpgsign', 'false');
  write(dir, before);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'before');
  write(dir, after);
  return dir;
}

export function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** 1-based line of an offset */
export function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** rule id → the trimmed text of the line each of its findings sits on */
export function findingLines(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule} @ ${text.split('\n')[lineAt(text, f.span.start) - 1].trim()}`);
}

/** applies the preferred (else first) fix of every finding that has one */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const chosen = f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0];
    if (chosen) edits.push(...chosen.edits);
  }
  const unique = [...new Map(edits.map((e) => [`${e.span.start}:${e.span.end}:${e.newText}`, e])).values()];
  unique.sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of unique) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
