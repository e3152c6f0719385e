// Glob matching for relative, forward-slash paths: `**` (any number of folders), `*` (within one
// folder), `?`, `[abc]`, `[!abc]`, `{a,b}`. A pattern without a slash matches the file name in any
// folder (`*.sql`); a pattern without glob characters also matches everything under that folder.
//
// picomatch compiles each folder segment; `**` segments are matched here by a table over
// (pattern segment × path segment), so hostile patterns such as `**/a/**/a/**/…` stay linear in
// both lengths instead of backtracking in one big regular expression.

import picomatch from 'picomatch/posix';

type SegmentTest = (part: string) => boolean;
/** `'**'` for a globstar segment, else the test of one path segment */
type Segment = '**' | SegmentTest;
type Compiled = { kind: 'plain'; path: string } | { kind: 'segments'; segments: Segment[] } | { kind: 'whole'; test: SegmentTest } | { kind: 'invalid'; error: string };

// dot: `*` matches dot files, as before; posix: `[!abc]` negates
const OPTIONS: picomatch.PicomatchOptions = { dot: true, posix: true, debug: true };
const cache = new Map<string, Compiled>();

export function matchesGlob(path: string, pattern: string): boolean {
  const p = normalize(pattern);
  if (p === '') return false;
  const c = compile(p);
  const target = normalize(path);
  switch (c.kind) {
    case 'plain':
      return target === c.path || target.startsWith(`${c.path}/`);
    case 'whole':
      return c.test(target);
    case 'segments':
      return matchSegments(c.segments, target.split('/'));
    case 'invalid':
      return false;
  }
}

export function matchesAny(path: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesGlob(path, p));
}

/** why a pattern is not a valid glob, or undefined when it is one */
export function globError(pattern: string): string | undefined {
  const c = compile(normalize(pattern));
  return c.kind === 'invalid' ? c.error : undefined;
}

function normalize(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

function compile(pattern: string): Compiled {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const c = build(pattern);
  cache.set(pattern, c);
  return c;
}

function build(pattern: string): Compiled {
  if (!/[*?[{]/.test(pattern)) return { kind: 'plain', path: pattern };
  const anchored = pattern.includes('/') ? pattern : `**/${pattern}`;
  try {
    const parts = splitSegments(anchored);
    // a `/` inside braces (`{db/a,db/b}/*.sql`) cannot be split: one regular expression then
    if (parts.some((s) => s.includes('/'))) return { kind: 'whole', test: picomatch(anchored, OPTIONS) };
    return { kind: 'segments', segments: parts.map((s): Segment => (s === '**' ? '**' : picomatch(s, OPTIONS))) };
  } catch (e) {
    return { kind: 'invalid', error: e instanceof Error ? e.message : String(e) };
  }
}

/** the pattern split at the slashes outside `{…}` and `[…]` */
function splitSegments(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = pattern.indexOf(']', i + 1) > i;
    else if (ch === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (ch === '/' && depth === 0) {
      out.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  out.push(pattern.slice(start));
  // consecutive `**` segments mean the same as one
  return out.filter((s, n) => !(s === '**' && out[n - 1] === '**'));
}

/** whether the segments match the whole path: `reach[j]` = the segments so far can consume `parts[0..j)` */
function matchSegments(segments: readonly Segment[], parts: readonly string[]): boolean {
  let reach = new Uint8Array(parts.length + 1);
  reach[0] = 1;
  for (const seg of segments) {
    const next = new Uint8Array(parts.length + 1);
    if (seg === '**') {
      let on = 0;
      for (let j = 0; j <= parts.length; j++) {
        on |= reach[j];
        next[j] = on;
      }
    } else {
      for (let j = 0; j < parts.length; j++) if (reach[j] && seg(parts[j])) next[j + 1] = 1;
    }
    reach = next;
  }
  return reach[parts.length] === 1;
}
