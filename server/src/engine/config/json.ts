// A small JSON reader that keeps source offsets, so config errors can point at a line and column.
// Accepts what editors accept in settings files: `//` and `/* */` comments and trailing commas.

export type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: JsonEntry[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'boolean'; start: number; end: number; value: boolean }
  | { kind: 'null'; start: number; end: number };

export interface JsonEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonSyntaxError {
  message: string;
  offset: number;
}

export type JsonResult = { ok: true; node: JsonNode } | { ok: false; error: JsonSyntaxError };

class Reader {
  i = 0;
  constructor(readonly text: string) {}

  fail(message: string, at = this.i): never {
    throw Object.assign(new Error(message), { offset: at });
  }

  skip(): void {
    const t = this.text;
    for (;;) {
      while (this.i < t.length && /\s/.test(t[this.i])) this.i++;
      if (t.startsWith('//', this.i)) {
        while (this.i < t.length && t[this.i] !== '\n') this.i++;
      } else if (t.startsWith('/*', this.i)) {
        const close = t.indexOf('*/', this.i + 2);
        if (close < 0) this.fail('unterminated comment');
        this.i = close + 2;
      } else {
        return;
      }
    }
  }

  describe(at: number): string {
    return at >= this.text.length ? 'end of file' : `\`${this.text[at]}\``;
  }

  value(): JsonNode {
    this.skip();
    const t = this.text;
    const start = this.i;
    const ch = t[this.i];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return { kind: 'string', start, value: this.string(), end: this.i };
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(t.slice(this.i));
      if (!m) this.fail(`unexpected ${this.describe(this.i)}`);
      this.i += m[0].length;
      return { kind: 'number', start, end: this.i, value: Number(m[0]) };
    }
    for (const [word, node] of [['true', { kind: 'boolean', value: true }], ['false', { kind: 'boolean', value: false }], ['null', { kind: 'null' }]] as const) {
      if (t.startsWith(word, this.i)) {
        this.i += word.length;
        return { ...node, start, end: this.i } as JsonNode;
      }
    }
    if (ch === "'") this.fail('strings must use double quotes');
    return this.fail(`expected a value but found ${this.describe(this.i)}`);
  }

  string(): string {
    const t = this.text;
    const start = this.i;
    this.i++;
    let out = '';
    while (this.i < t.length) {
      const ch = t[this.i];
      if (ch === '"') {
        this.i++;
        return out;
      }
      if (ch === '\n') break;
      if (ch === '\\') {
        const esc = t[this.i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc in simple) {
          out += simple[esc];
          this.i += 2;
          continue;
        }
        if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(t.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
          continue;
        }
        this.fail('invalid escape in string');
      }
      out += ch;
      this.i++;
    }
    return this.fail('unterminated string', start);
  }

  object(): JsonNode {
    const start = this.i;
    this.i++;
    const entries: JsonEntry[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.i] === '}') {
        this.i++;
        return { kind: 'object', start, end: this.i, entries };
      }
      if (this.text[this.i] !== '"') this.fail(this.i >= this.text.length ? 'unexpected end of file: missing `}`' : `expected a property name in double quotes but found ${this.describe(this.i)}`);
      const keyStart = this.i;
      const key = this.string();
      const keyEnd = this.i;
      this.skip();
      if (this.text[this.i] !== ':') this.fail(`expected \`:\` after "${key}" but found ${this.describe(this.i)}`);
      this.i++;
      entries.push({ key, keyStart, keyEnd, value: this.value() });
      this.skip();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.text[this.i] !== '}') this.fail(this.i >= this.text.length ? 'unexpected end of file: missing `}`' : `expected \`,\` or \`}\` but found ${this.describe(this.i)}`);
    }
  }

  array(): JsonNode {
    const start = this.i;
    this.i++;
    const items: JsonNode[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.i] === ']') {
        this.i++;
        return { kind: 'array', start, end: this.i, items };
      }
      if (this.i >= this.text.length) this.fail('unexpected end of file: missing `]`');
      items.push(this.value());
      this.skip();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.text[this.i] !== ']') this.fail(this.i >= this.text.length ? 'unexpected end of file: missing `]`' : `expected \`,\` or \`]\` but found ${this.describe(this.i)}`);
    }
  }
}

export function parseJson(text: string): JsonResult {
  const reader = new Reader(text.replace(/^\uFEFF/, ' '));
  try {
    const node = reader.value();
    reader.skip();
    if (reader.i < text.length) reader.fail(`unexpected ${reader.describe(reader.i)} after the end of the JSON value`);
    return { ok: true, node };
  } catch (err) {
    const offset = typeof (err as { offset?: unknown }).offset === 'number' ? (err as { offset: number }).offset : 0;
    return { ok: false, error: { message: err instanceof Error ? err.message : String(err), offset } };
  }
}

export interface DuplicateKey {
  /** where the object is: `rules`, `migrations.sets[1]`; '' for the top level */
  path: string;
  /** the repeated entry */
  entry: JsonEntry;
  /** the first entry with that key */
  first: JsonEntry;
}

/** every key given twice in one object, anywhere in the tree, in source order */
export function duplicateKeys(node: JsonNode, path = ''): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  if (node.kind === 'array') node.items.forEach((item, n) => out.push(...duplicateKeys(item, `${path}[${n}]`)));
  if (node.kind !== 'object') return out;
  const seen = new Map<string, JsonEntry>();
  for (const entry of node.entries) {
    const first = seen.get(entry.key);
    if (first) out.push({ path, entry, first });
    else seen.set(entry.key, entry);
    out.push(...duplicateKeys(entry.value, path ? `${path}.${entry.key}` : entry.key));
  }
  return out.sort((a, b) => a.entry.keyStart - b.entry.keyStart);
}

/** 1-based line and column of an offset */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** the plain JavaScript value of a node */
export function toValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.entries.map((e) => [e.key, toValue(e.value)]));
    case 'array':
      return node.items.map(toValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}
