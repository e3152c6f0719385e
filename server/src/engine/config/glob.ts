// Glob matching for relative, forward-slash paths: `**` (any number of folders), `*` (within one
// folder), `?`, `[abc]`, `[!abc]`, `{a,b}`. A pattern without a slash matches the file name in any
// folder (`*.sql`); a pattern without glob characters also matches everything under that folder.
//
// picomatch compiles each folder segment; `**` segments are matched here by a table over
// (pattern segment × path segment), so hostile patterns such as `**/a/**/a/**/…` stay linear in
// both lengths instead of backtracking in one big regular expression. Within a folder segment,
// several `*` (`a*a*a*…b.sql`) backtrack in picomatch's expression too (time grows as the name
// length to the power of the number of stars), so such a segment is matched by the same kind of
// table over (glob atom × character), picomatch still deciding what a `[…]` class accepts; where
// braces, parentheses or other extended syntax make that impossible, at most MAX_BACKTRACKING_STARS.

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
    if (parts.some((s) => s.includes('/'))) return { kind: 'whole', test: picomatch(boundedStars(anchored), OPTIONS) };
    return { kind: 'segments', segments: parts.map((s): Segment => (s === '**' ? '**' : segmentTest(s))) };
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

/** at most this many `*` where picomatch's regular expression has to match them (it backtracks over each) */
const MAX_BACKTRACKING_STARS = 3;

function starCount(pattern: string): number {
  let n = 0;
  for (let i = 0; i < pattern.length; i++) if (pattern.charCodeAt(i) === 42) n++;
  return n;
}

/** the pattern, unless it holds more `*` than a regular expression can match in bounded time */
function boundedStars(pattern: string): string {
  if (starCount(pattern) > MAX_BACKTRACKING_STARS) {
    throw new Error(`more than ${MAX_BACKTRACKING_STARS} * alongside braces, parentheses or other extended glob syntax: matching it could take very long; split it into several patterns`);
  }
  return pattern;
}

/** the test of one folder segment: picomatch, or with several `*` the table below */
function segmentTest(segment: string): SegmentTest {
  const regex = picomatch(segment, OPTIONS); // validates every segment
  if (starCount(segment) < 2) return regex;
  const atoms = simpleAtoms(segment);
  if (!atoms) {
    boundedStars(segment);
    return regex;
  }
  // `.` and `..` are never matched by a leading `*` (picomatch decides, on two characters)
  return (part) => (part === '.' || part === '..' ? regex(part) : matchAtoms(atoms, part));
}

type Atom = { kind: 'char'; code: number } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; test: SegmentTest };

/** the segment as literal characters, `?`, `*` and `[…]` classes; undefined when it holds anything else picomatch gives a meaning */
function simpleAtoms(segment: string): Atom[] | undefined {
  const atoms: Atom[] = [];
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '*') atoms.push({ kind: 'star' });
    else if (ch === '?') atoms.push({ kind: 'any' });
    else if (ch === '[') {
      let end = i + 1;
      if (segment[end] === '!' || segment[end] === '^') end++;
      if (segment[end] === ']') end++;
      end = segment.indexOf(']', end);
      const cls = end < 0 ? '' : segment.slice(i, end + 1);
      if (!cls || cls.includes('[:')) return undefined;
      atoms.push({ kind: 'class', test: picomatch(cls, OPTIONS) });
      i = end;
    } else if ('{}()!+@|]'.includes(ch)) {
      return undefined;
    } else {
      atoms.push({ kind: 'char', code: segment.charCodeAt(i) });
    }
  }
  return atoms;
}

/** whether the atoms match the whole of `part`, in O(atoms × length): `reach[j]` = the atoms so far can consume `part[0..j)` */
function matchAtoms(atoms: readonly Atom[], part: string): boolean {
  const n = part.length;
  let reach = new Uint8Array(n + 1);
  reach[0] = 1;
  for (const atom of atoms) {
    const next = new Uint8Array(n + 1);
    if (atom.kind === 'star') {
      let on = 0;
      for (let j = 0; j <= n; j++) {
        on |= reach[j];
        next[j] = on;
      }
    } else {
      for (let j = 0; j < n; j++) {
        if (!reach[j]) continue;
        const ok = atom.kind === 'any' || (atom.kind === 'char' ? part.charCodeAt(j) === atom.code : atom.test(part[j]));
        if (ok) next[j + 1] = 1;
      }
    }
    reach = next;
  }
  return reach[n] === 1;
}
