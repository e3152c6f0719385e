// Cuts a file into independently parseable chunks, one per top-level statement (as the engine's
// splitter sees them), so unchanged chunks keep their parse results across edits. A chunk is
// parsed with the context the whole file would give it:
// - the delimiter in force (a `DELIMITER d` line is put in front of it when that is not `;`);
// - the user variables some `PREPARE s FROM @v` anywhere in the file runs (the parser only looks
//   inside `SET @v = '…'` strings for those): `PREPARE` statements naming them are put after it.
// Statements that come from the added text are dropped by the caller (they start past the chunk).
import type { Span, Target } from '../../engine';
import { preparedVariables } from '../../engine/parse/embedded';
import { unwrapExecutableComments } from '../../engine/parse/executable-comments';
import { splitStatements } from '../../engine/parse/splitter';
import { tokenize } from '../../engine/parse/tokens';

export interface Chunk extends Span {
  /** the text given to the parser: [prefix] chunk text [suffix] */
  input: string;
  /** where the chunk's own text starts inside `input` */
  offset: number;
  /** the input without the prepared-variable suffix, for when the suffix does not parse apart */
  plainInput: string;
}

export class ChunkPlanner {
  private readonly preparedByText = new Map<string, string[]>();
  private seen = new Set<string>();

  plan(text: string, target: Target): Chunk[] {
    if (text.length === 0) return [];
    const raws = splitStatements(unwrapExecutableComments(text, target));
    if (raws.length === 0) return [whole(text)];
    const bounds: { span: Span; delimiter: string; after: string }[] = raws.map((raw, i) => ({
      span: { start: i === 0 ? 0 : raw.start, end: i + 1 < raws.length ? raws[i + 1].start : text.length },
      delimiter: raw.delimiter,
      after: i + 1 < raws.length ? raws[i + 1].delimiter : raw.delimiter,
    }));

    const seen = new Set<string>();
    const prepared = new Set<string>();
    for (const b of bounds) {
      const chunkText = text.slice(b.span.start, b.span.end);
      seen.add(chunkText);
      for (const v of this.preparedIn(chunkText)) prepared.add(v);
    }
    this.forgetUnseen(seen);

    const names = [...prepared].sort();
    return bounds.map((b) => {
      const chunkText = text.slice(b.span.start, b.span.end);
      const prefix = b.delimiter === ';' ? '' : `DELIMITER ${b.delimiter}\n`;
      const plainInput = prefix + chunkText;
      const needsContext = names.length > 0 && chunkText.includes('@');
      const suffix = needsContext ? `\n${b.after}\n${names.map((n) => `PREPARE lockstep_context FROM @${n}${b.after}`).join('\n')}\n` : '';
      return { ...b.span, input: plainInput + suffix, offset: prefix.length, plainInput };
    });
  }

  /** variables `PREPARE … FROM @v` uses in this text (cached per text) */
  private preparedIn(chunkText: string): string[] {
    let names = this.preparedByText.get(chunkText);
    if (!names) {
      names = [];
      if (/PREPARE/i.test(chunkText)) {
        const into = new Set<string>();
        preparedVariables(tokenize(chunkText, 0, chunkText.length), into);
        names = [...into];
      }
      this.preparedByText.set(chunkText, names);
    }
    return names;
  }

  private forgetUnseen(seen: Set<string>): void {
    for (const key of this.preparedByText.keys()) if (!seen.has(key) && !this.seen.has(key)) this.preparedByText.delete(key);
    this.seen = seen;
  }
}

function whole(text: string): Chunk {
  return { start: 0, end: text.length, input: text, offset: 0, plainInput: text };
}
