// MySQL `/*!NNNNN … */` and MariaDB `/*M!NNNNNN … */` comments: the content runs when the server's
// version is at least NNNNN. For the target we unwrap those that would run by blanking only the
// markers, so every offset in the result equals the offset in the original text.
import type { Target } from '../types';
import { commentEnd, isQuote, skipQuoted } from './lexer';

export function unwrapExecutableComments(text: string, target: Target): string {
  if (!text.includes('/*!') && !text.includes('/*M!')) return text;
  const targetNumber = versionNumber(target);
  const blanks: Array<[number, number]> = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isQuote(c)) {
      i = skipQuoted(text, i);
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const marker = executableMarker(text, i);
      if (marker && (marker.mariadbOnly ? target.flavor === 'mariadb' : true) && marker.minVersion <= targetNumber) {
        blanks.push([i, marker.contentStart]);
        const close = closingMarker(text, marker.contentStart);
        if (close < 0) {
          i = n;
        } else {
          blanks.push([close, close + 2]);
          i = close + 2;
        }
        continue;
      }
    }
    const end = commentEnd(text, i);
    i = end >= 0 ? end : i + 1;
  }
  if (blanks.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [s, e] of blanks) {
    out += text.slice(last, s) + ' '.repeat(e - s);
    last = e;
  }
  return out + text.slice(last);
}

function versionNumber(target: Target): number {
  const [major, minor, patch] = target.version;
  return major * 10000 + minor * 100 + Math.min(patch, 99);
}

interface Marker {
  mariadbOnly: boolean;
  minVersion: number;
  contentStart: number;
}

function executableMarker(text: string, i: number): Marker | undefined {
  let j = i + 2;
  let mariadbOnly = false;
  if (text[j] === 'M' && text[j + 1] === '!') {
    mariadbOnly = true;
    j += 2;
  } else if (text[j] === '!') {
    j += 1;
  } else {
    return undefined;
  }
  let digits = '';
  while (digits.length < 6 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) digits += text[j++];
  // five digits is the usual form (50003); six only when the version has a two-digit major (100100)
  if (digits.length === 6 && !mariadbOnly && digits[0] !== '1') {
    digits = digits.slice(0, 5);
    j -= 1;
  }
  return { mariadbOnly, minVersion: digits ? Number(digits) : 0, contentStart: j };
}

/** the `*\/` that closes an executable comment, skipping quoted text inside it */
function closingMarker(text: string, from: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isQuote(c)) {
      i = skipQuoted(text, i);
      continue;
    }
    if (c === 42 && text.charCodeAt(i + 1) === 47) return i;
    i++;
  }
  return -1;
}
