// Cuts a file into independently parseable chunks, one per top-level statement (as the engine's
// splitter sees them), so unchanged chunks keep their parse results across edits. A chunk is
// parsed with the context the whole file would give it:
// - executable comments resolved as in the whole file: the parser gets the chunk's text with the
//   markers the whole-file unwrapping blanked already blanked (a chunk may start inside
//   `/*!50001 …` and hold its `*/`, or hold a `/*!` nested inside an earlier one);
// - the delimiter in force (a `DELIMITER d` line is put in front of it when that is not `;`);
// - the user variables some `PREPARE s FROM @v` (or `EXECUTE IMMEDIATE @v`) anywhere in the file
//   runs (the parser only looks inside `SET @v = '…'` strings for those): `PREPARE` statements
//   naming them are put in front of it (the parser collects them from anywhere in its input; in
//   front, an unterminated statement at the chunk's end cannot swallow them).
// A chunk that does not split alone into exactly the statement the whole file has there (it
// depends on more of the text before it) is parsed with all the text before it instead.
// Statements that come from the added text are dropped by the caller (they start past the chunk).
import type { Span, Target } from '../types';
import { preparedVariables } from '../parse/embedded';
import { unwrapExecutableComments } from '../parse/executable-comments';
import { splitStatements, type RawStatement } from '../parse/splitter';

export interface Chunk extends Span {
  /** the text given to the parser: [prepared-variable context] [prefix] chunk text */
  input: string;
  /** where the chunk's own text starts inside `input` */
  offset: number;
  /** where its statement ends in the text (its delimiter and trailing trivia follow) */
  statementEnd: number;
  /** parsed after all the text before it: its input changes with any edit before it */
  contextual: boolean;
  /** the delimiter in force at its start */
  delimiter: string;
}

interface Plan {
  text: string;
  target: string;
  chunks: Chunk[];
  prepared: string[];
}

const EXECUTABLE_COMMENT = /\/\*M?!/;

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
    const unwrapped = unwrapExecutableComments(text, target);
    const raws = splitStatements(unwrapped);
    if (raws.length === 0) return [withContext(text, unwrapped, { start: 0, end: text.length }, 0, ';', [])];
    const spans = raws.map((raw, i) => ({ start: i === 0 ? 0 : raw.start, end: i + 1 < raws.length ? raws[i + 1].start : text.length }));
    const seen = new Set<string>();
    const prepared = new Set<string>();
    for (const span of spans) {
      const chunkText = unwrapped.slice(span.start, span.end);
      seen.add(chunkText);
      for (const v of this.preparedIn(chunkText)) prepared.add(v);
    }
    this.forgetUnseen(seen);
    const names = [...prepared].sort();
    if (this.last) this.last.prepared = names;
    else this.last = { text, target: target.label, chunks: [], prepared: names };
    return raws.map((raw, i) => {
      const chunk = withContext(text, unwrapped, spans[i], raw.end, raw.delimiter, names);
      return splitsAlone(chunk, raw, target) ? chunk : withContext(text, unwrapped, spans[i], raw.end, raw.delimiter, names, true);
    });
  }

  /**
   * Re-splits only a window around the changed region (one chunk either side) and keeps the rest
   * of the previous plan, moved by the length change. Undefined when that cannot be trusted.
   */
  private replan(last: Plan, text: string): Chunk[] | undefined {
    const old = last.text;
    if (last.chunks.length < 4 || last.chunks.some((c) => c.contextual)) return undefined;
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
    // the window may close an executable comment opened before it (the chunks after it would change)
    if (EXECUTABLE_COMMENT.test(text) && (text.slice(Math.max(0, from - 1), to + 1).includes('*/') || old.slice(Math.max(0, from - 1), to - delta + 1).includes('*/'))) {
      return undefined;
    }
    const delimiter = chunks[a].delimiter;
    if (b < chunks.length && chunks[b].delimiter !== delimiter) return undefined;
    const prefix = delimiter === ';' ? '' : `DELIMITER ${delimiter}\n`;
    // the window split together with the chunk after it: that one must still be the same statement
    // (else the window's last statement runs on into it, e.g. when its delimiter was commented out)
    const next = b < chunks.length ? chunks[b] : undefined;
    const nextEnd = b + 1 < chunks.length ? chunks[b + 1].start + delta : text.length;
    const split = splitStatements(prefix + text.slice(from, next ? nextEnd : to)).map((r) => ({ start: r.start - prefix.length + from, end: r.end - prefix.length + from }));
    const raws = next ? split.slice(0, -1) : split;
    if (next) {
      const moved = split[split.length - 1];
      if (!moved || moved.start !== next.start + delta || moved.end !== next.statementEnd + delta || raws.some((r) => r.end > to)) return undefined;
    }
    if (raws.length > 0 && a > 0 && raws[0].start !== from) return undefined;
    // the window must end between statements: nothing after its last statement but the delimiter and trivia
    const tail = text.slice(raws.length > 0 ? raws[raws.length - 1].end : from, to);
    if (raws.length > 0 && raws[raws.length - 1].end >= to && b < chunks.length) return undefined;
    if (!/^\s*(?:;|\S{0,8})?(?:\s|--[^\n]*(?:\n|$)|#[^\n]*(?:\n|$)|\/\*(?:[^*]|\*(?!\/))*\*\/)*$/.test(tail) || /['"`]/.test(tail)) return undefined;

    const out = chunks.slice(0, a);
    // no executable comment starts or ends in the window: its text is what the whole-file parse sees
    const windowChunks = raws.map((raw, i) =>
      withContext(text, text, { start: i === 0 ? from : raw.start, end: i + 1 < raws.length ? raws[i + 1].start : to }, raw.end, delimiter, last.prepared),
    );
    if (!windowChunks.every((chunk, i) => splitsAlone(chunk, { ...raws[i], delimiter }, undefined))) return undefined;
    if (raws.length === 0 && windowText.length > 0) {
      if (out.length === 0) return undefined;
      // only trivia left in the window: it joins the chunk before, as a whole-file split would
      const before = out.pop() as Chunk;
      if (before.contextual || EXECUTABLE_COMMENT.test(text)) return undefined;
      out.push(withContext(text, text, { start: before.start, end: to }, before.statementEnd, before.delimiter, last.prepared));
    }
    out.push(...windowChunks);
    for (let i = b; i < chunks.length; i++) out.push({ ...chunks[i], start: chunks[i].start + delta, end: chunks[i].end + delta, statementEnd: chunks[i].statementEnd + delta });
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

/**
 * The chunk as the parser gets it. `unwrapped` is the text with the executable comments the
 * whole-file parse runs already unwrapped (same offsets); `contextual`: parse it after all the
 * text before it rather than after a DELIMITER line.
 */
function withContext(text: string, unwrapped: string, span: Span, statementEnd: number, delimiter: string, prepared: readonly string[], contextual = false): Chunk {
  const chunkText = contextual ? text.slice(span.start, span.end) : unwrapped.slice(span.start, span.end);
  const lead = contextual ? text.slice(0, span.start) : delimiter === ';' ? '' : `DELIMITER ${delimiter}\n`;
  const context = prepared.length > 0 && chunkText.includes('@') ? preparedContext(prepared) : '';
  return { ...span, input: context + lead + chunkText, offset: context.length + lead.length, statementEnd, contextual, delimiter };
}

/** statements that PREPARE from each variable (with the default delimiter: they come first) */
function preparedContext(names: readonly string[]): string {
  let out = '';
  for (const name of names) {
    const variable = /^[\w$]+$/.test(name) ? name : !name.includes('`') ? `\`${name}\`` : !name.includes("'") ? `'${name}'` : undefined;
    if (variable !== undefined) out += `PREPARE lockstep_context FROM @${variable};\n`;
  }
  return out;
}

/**
 * Whether the parser, given the chunk alone, reads the one statement the whole file has there:
 * no executable comment left to unwrap (`target` undefined: none in the text), and the same split.
 */
function splitsAlone(chunk: Chunk, raw: RawStatement, target: Target | undefined): boolean {
  const { input } = chunk;
  if (target && EXECUTABLE_COMMENT.test(input) && unwrapExecutableComments(input, target) !== input) return false;
  const alone = splitStatements(input).filter((r) => r.end > chunk.offset);
  const shift = chunk.offset - chunk.start;
  return alone.length === 1 && alone[0].start === raw.start + shift && alone[0].end === raw.end + shift && alone[0].delimiter === raw.delimiter;
}
