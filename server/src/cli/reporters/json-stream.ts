// JSON written piece by piece, byte for byte what `JSON.stringify(value, null, 2)` gives: a report
// with hundreds of thousands of findings is larger than the longest string the runtime can build,
// so the big arrays are serialized one element at a time and written as they are produced.
// `writeChunks` sends any reporter's pieces to a stream, waiting whenever the stream is full.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** a part of the document produced lazily (big arrays, and the objects holding them) */
export interface Streamed {
  readonly chunks: (depth: number) => Iterable<string>;
}

const INDENT = '  ';

function isStreamed(value: unknown): value is Streamed {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Streamed>).chunks === 'function';
}

/** what JSON.stringify leaves out of an object (and writes as null in an array) */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** `value` as JSON.stringify(value, null, 2) writes it at `depth` levels of nesting */
function* valueChunks(value: unknown, depth: number): Iterable<string> {
  if (isStreamed(value)) {
    yield* value.chunks(depth);
    return;
  }
  const text = JSON.stringify(value, null, 2) ?? 'null';
  yield depth === 0 || !text.includes('\n') ? text : text.replace(/\n/g, `\n${INDENT.repeat(depth)}`);
}

/** an array whose elements are made (by `each`) only when they are written */
export function streamedArray<T>(items: Iterable<T>, each: (item: T) => unknown): Streamed {
  return {
    *chunks(depth: number) {
      const inner = INDENT.repeat(depth + 1);
      let first = true;
      for (const item of items) {
        yield first ? `[\n${inner}` : `,\n${inner}`;
        first = false;
        const value = each(item);
        yield* valueChunks(omitted(value) ? null : value, depth + 1);
      }
      yield first ? '[]' : `\n${INDENT.repeat(depth)}]`;
    },
  };
}

/** an object whose field values may be streamed; fields are written in the order given */
export function streamedObject(fields: ReadonlyArray<readonly [string, unknown]>): Streamed {
  return {
    *chunks(depth: number) {
      const inner = INDENT.repeat(depth + 1);
      let first = true;
      for (const [key, value] of fields) {
        if (omitted(value)) continue;
        yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
        first = false;
        yield* valueChunks(value, depth + 1);
      }
      yield first ? '{}' : `\n${INDENT.repeat(depth)}}`;
    },
  };
}

/** the whole document and a final newline, as the reporters print it */
export function* documentChunks(document: Streamed): Iterable<string> {
  yield* document.chunks(0);
  yield '\n';
}

const FLUSH_AT = 64 * 1024;

/** writes the chunks in pieces of about 64 KB to a stream such as process.stdout, waiting for `drain` whenever it asks to */
export async function writeChunks(chunks: Iterable<string>, sink: Writable): Promise<void> {
  let pending = '';
  const flush = async (): Promise<void> => {
    const full = !sink.write(pending);
    pending = '';
    if (full) await once(sink, 'drain');
  };
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= FLUSH_AT) await flush();
  }
  if (pending.length > 0) await flush();
}
