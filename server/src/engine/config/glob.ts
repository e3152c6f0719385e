// A tiny glob matcher for relative, forward-slash paths: `**` (any number of folders), `*` (within
// one folder), `?`, `[abc]`, `{a,b}`. A pattern without a slash matches the file name in any
// folder (`*.sql`); a pattern without glob characters also matches everything under that folder.

const cache = new Map<string, RegExp>();

export function matchesGlob(path: string, pattern: string): boolean {
  const p = normalize(pattern);
  if (p === '') return false;
  return compile(p).test(normalize(path));
}

export function matchesAny(path: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesGlob(path, p));
}

function normalize(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

function compile(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const hasGlob = /[*?[{]/.test(pattern);
  const anchored = pattern.includes('/') ? pattern : `**/${pattern}`;
  let body = '';
  for (let i = 0; i < anchored.length; i++) {
    const ch = anchored[i];
    if (ch === '*' && anchored[i + 1] === '*') {
      const slashAfter = anchored[i + 2] === '/';
      body += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (ch === '*') {
      body += '[^/]*';
    } else if (ch === '?') {
      body += '[^/]';
    } else if (ch === '[') {
      const close = anchored.indexOf(']', i + 1);
      if (close < 0) {
        body += '\\[';
      } else {
        const inner = anchored.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        body += `[${inner}]`;
        i = close;
      }
    } else if (ch === '{') {
      const close = anchored.indexOf('}', i + 1);
      if (close < 0) {
        body += '\\{';
      } else {
        body += `(?:${anchored.slice(i + 1, close).split(',').map(escape).join('|')})`;
        i = close;
      }
    } else {
      body += escape(ch);
    }
  }
  // a plain folder name also covers the files below it
  const re = new RegExp(`^${body}${hasGlob ? '' : '(?:/.*)?'}$`);
  cache.set(pattern, re);
  return re;
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}
