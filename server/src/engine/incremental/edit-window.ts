// Where one run's text and statements differ from the previous run's: the changed text range and
// the changed run of statements (by memo key), so cached results outside it can be moved instead
// of recomputed.

export interface EditWindow {
  /** the changed text in the previous run: [start, oldEnd); in this run it ends at oldEnd + delta */
  start: number;
  oldEnd: number;
  delta: number;
  /** the edit added or removed a line break, so line numbers after it moved */
  linesChanged: boolean;
  /** this run's statements [first, endNew) replace the previous run's [first, endOld) */
  first: number;
  endNew: number;
  endOld: number;
}

/** common suffix length, not reaching into the first `prefix` characters of either */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** `start`: the length of the texts' common prefix */
export function editWindow(previousText: string, text: string, start: number, previousKeys: readonly string[], keys: readonly string[]): EditWindow {
  const suffix = commonSuffix(previousText, text, start);
  const oldEnd = previousText.length - suffix;
  const newEnd = text.length - suffix;
  let first = 0;
  while (first < keys.length && first < previousKeys.length && keys[first] === previousKeys[first]) first++;
  let same = 0;
  while (same < keys.length - first && same < previousKeys.length - first && keys[keys.length - 1 - same] === previousKeys[previousKeys.length - 1 - same]) same++;
  return {
    start,
    oldEnd,
    delta: newEnd - oldEnd,
    linesChanged: hasLineBreak(previousText, start, oldEnd) || hasLineBreak(text, start, newEnd),
    first,
    endNew: keys.length - same,
    endOld: previousKeys.length - same,
  };
}

/**
 * A position of the previous run's text in this run's, for positions outside the edit; undefined
 * inside it. `isEnd`: the position ends a span (an end at the edit's start stays before it).
 */
export function movePosition(w: EditWindow, position: number, isEnd: boolean): number | undefined {
  if (position < w.start || (isEnd && position === w.start)) return position;
  if (position >= w.oldEnd) return position + w.delta;
  return undefined;
}
