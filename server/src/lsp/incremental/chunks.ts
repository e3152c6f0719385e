// Cuts a file into independently parseable chunks, one per top-level statement (as the engine's
// splitter sees them), so unchanged chunks keep their parse results across edits. A chunk is
// parsed with the context the whole file would give it:
// - the delimiter in force (a `DELIMITER d` line is put in front of it when that is not `;`);
// - the user variables some `PREPARE s FROM @v` (or `EXECUTE IMMEDIATE @v`) anywhere in the file
//   runs (the parser only looks inside `SET @v = '…'` strings for those): `PREPARE` statements
//   naming them are put after it.
// Statements that come from the added text are dropped by the caller (they start past the chunk).
import type { Span, Target } from '../../engine';
import { preparedVariables } from '../../engine/parse/embedded';
import { unwrapExecutableComments } from '../../engine/parse/executable-comments';
import { splitStatements } from '../../engine/parse/splitter';

export interface Chunk extends Span {
  /** the text given to the parser: [prefix] chunk text [suffix] */
  input: string;
  /** where the chunk's own text starts inside `input` */
  offset: number;
  /** the input without the prepared-variable suffix, for when the suffix does not parse apart */
  plainInput: string;
  /** the delimiter in force at its start and at its end */
  delimiter: string;
  after: string;
}

interface Plan {
  text: string;
  target: string;
  chunks: Chunk[];
  prepared: string[];
}

/** edits that may change how the text around them splits: re-plan the whole file */
const SPLIT_CONTEXT = /DELIMITER|BEGIN|PREPARE|EXECUTE|\/\*!|\/\*M!/i;

export class ChunkPlanner {
  private readonly preparedByText = new Map<string, string[]>();
  private seen = new Set<string>();
  private last: Plan | undefined;

  plan(text: string, target: Target): Chunk[] {
    const chunks = (this.last && this.last.target === target.label && this.replan(this.last, text)) || this.planWhole(text, target);
    this.last = { text, target: target.label, chunks, prepared: this.last?.prepared ?? [] };
    return chunks;
  }

  private planWhole(text: string, target: Target): Chunk[] {
    if (text.length === 0) return [];
    const raws = splitStatements(unwrapExecutableComments(text, target));
    if (raws.length === 0) return [withContext(text, { start: 0, end: text.length }, ';', ';', [])];
    const seen = new Set<string>();
    const prepared = new Set<string>();
    for (let i = 0; i < raws.length; i++) {
      const chunkText = text.slice(i === 0 ? 0 : raws[i].start, i + 1 < raws.length ? raws[i + 1].start : text.length);
      seen.add(chunkText);
      for (const v of this.preparedIn(chunkText)) prepared.add(v);
    }
    this.forgetUnseen(seen);
    const names = [...prepared].sort();
    if (this.last) this.last.prepared = names;
    else this.last = { text, target: target.label, chunks: [], prepared: names };
    return raws.map((raw, i) =>
      withContext(
        text,
        { start: i === 0 ? 0 : raw.start, end: i + 1 < raws.length ? raws[i + 1].start : text.length },
        raw.delimiter,
        i + 1 < raws.length ? raws[i + 1].delimiter : raw.delimiter,
        names,
      ),
    );
  }

  /**
   * Re-splits only a window around the changed region (one chunk either side) and keeps the rest
   * of the previous plan, moved by the length change. Undefined when that cannot be trusted.
   */
  private replan(last: Plan, text: string): Chunk[] | undefined {
    const old = last.text;
    if (last.chunks.length < 4) return undefined;
    let p = 0;
    const max = Math.min(old.length, text.length);
    while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
    let q = 0;
    while (q < max - p && old.charCodeAt(old.length - 1 - q) === text.charCodeAt(text.length - 1 - q)) q++;
    const delta = text.length - old.length;
    const chunks = last.chunks;
    let a = 0;
    while (a + 1 < chunks.length && chunks[a + 1].start <= p) a++;
    a = Math.max(0, a - 1);
    let b = a + 1;
    while (b < chunks.length && chunks[b].start < old.length - q) b++;
    b = Math.min(chunks.length, b + 1);
    const from = chunks[a].start;
    const to = b < chunks.length ? chunks[b].start + delta : text.length;
    if (to <= from) return undefined;
    const windowText = text.slice(from, to);
    const oldWindow = old.slice(from, b < chunks.length ? chunks[b].start : old.length);
    if (SPLIT_CONTEXT.test(windowText) || SPLIT_CONTEXT.test(oldWindow)) return undefined;
    const delimiter = chunks[a].delimiter;
    if (b < chunks.length && chunks[b].delimiter !== delimiter) return undefined;
    const prefix = delimiter === ';' ? '' : `DELIMITER ${delimiter}\n`;
    const raws = splitStatements(prefix + windowText).map((r) => ({ start: r.start - prefix.length + from, end: r.end - prefix.length + from }));
    if (raws.length > 0 && a > 0 && raws[0].start !== from) return undefined;
    // the window must end between statements: nothing after its last statement but the delimiter and trivia
    const tail = text.slice(raws.length > 0 ? raws[raws.length - 1].end : from, to);
    if (raws.length > 0 && raws[raws.length - 1].end >= to && b < chunks.length) return undefined;
    if (!/^\s*(?:;|\S{0,8})?(?:\s|--[^\n]*(?:\n|$)|#[^\n]*(?:\n|$)|\/\*(?:[^*]|\*(?!\/))*\*\/)*$/.test(tail) || /['"`]/.test(tail)) return undefined;

    const out = chunks.slice(0, a);
    const windowChunks = raws.map((raw, i) =>
      withContext(text, { start: i === 0 ? from : raw.start, end: i + 1 < raws.length ? raws[i + 1].start : to }, delimiter, delimiter, last.prepared),
    );
    if (raws.length === 0 && windowText.length > 0) {
      if (out.length === 0) return undefined;
      // only trivia left in the window: it joins the chunk before, as a whole-file split would
      const before = out.pop() as Chunk;
      out.push(withContext(text, { start: before.start, end: to }, before.delimiter, delimiter, last.prepared));
    }
    out.push(...windowChunks);
    for (let i = b; i < chunks.length; i++) out.push({ ...chunks[i], start: chunks[i].start + delta, end: chunks[i].end + delta });
    return out;
  }
  /** variables `PREPARE … FROM @v` uses in this text (cached per text) */
  private preparedIn(chunkText: string): string[] {
    let names = this.preparedByText.get(chunkText);
    if (!names) {
      names = [];
      if (/PREPARE|EXECUTE/i.test(chunkText)) names = [...preparedVariables(chunkText)];
      this.preparedByText.set(chunkText, names);
    }
    return names;
  }

  private forgetUnseen(seen: Set<string>): void {
    for (const key of this.preparedByText.keys()) if (!seen.has(key) && !this.seen.has(key)) this.preparedByText.delete(key);
    this.seen = seen;
  }
}

function withContext(text: string, span: Span, delimiter: string, after: string, prepared: readonly string[]): Chunk {
  const chunkText = text.slice(span.start, span.end);
  const prefix = delimiter === ';' ? '' : `DELIMITER ${delimiter}\n`;
  const plainInput = prefix + chunkText;
  const needsContext = prepared.length > 0 && chunkText.includes('@');
  const suffix = needsContext ? `\n${after}\n${prepared.map((n) => `PREPARE lockstep_context FROM @${n}${after}`).join('\n')}\n` : '';
  return { ...span, input: plainInput + suffix, offset: prefix.length, plainInput, delimiter, after };
}
