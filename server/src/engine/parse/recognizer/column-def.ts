// Column definitions: `name type [attributes…]` → ColumnDef, plus FIRST / AFTER for ALTER.
import type { ColumnDef, ColumnPosition, DataType, DefaultValue, ReferentialAction } from '../../types';
import { Cursor, matchingParen, splitTopLevel } from '../cursor';
import type { StatementSource } from './source';
import { sourceText } from './source';

const TYPE_ALIASES: Record<string, string> = {
  INTEGER: 'INT',
  INT4: 'INT',
  INT1: 'TINYINT',
  INT2: 'SMALLINT',
  INT3: 'MEDIUMINT',
  MIDDLEINT: 'MEDIUMINT',
  INT8: 'BIGINT',
  BOOL: 'TINYINT',
  BOOLEAN: 'TINYINT',
  DEC: 'DECIMAL',
  NUMERIC: 'DECIMAL',
  FIXED: 'DECIMAL',
  REAL: 'DOUBLE',
  FLOAT8: 'DOUBLE',
  FLOAT4: 'FLOAT',
  CHARACTER: 'CHAR',
  NCHAR: 'CHAR',
  NVARCHAR: 'VARCHAR',
  VARCHARACTER: 'VARCHAR',
  SERIAL: 'BIGINT',
};

/** functions whose value differs per row: an expression default using one forces a table copy */
const VOLATILE_FUNCTIONS = /\b(UUID|UUID_SHORT|SYS_GUID|RAND|SYSDATE|RANDOM_BYTES|CONNECTION_ID|UNIX_TIMESTAMP)\s*\(/i;
const CURRENT_TIMESTAMP_WORDS = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP']);
const REFERENTIAL: Record<string, ReferentialAction> = { RESTRICT: 'RESTRICT', CASCADE: 'CASCADE', 'SET NULL': 'SET NULL', 'NO ACTION': 'NO ACTION', 'SET DEFAULT': 'SET DEFAULT' };

export interface ParsedColumn {
  def: ColumnDef;
  position?: ColumnPosition;
  problems: string[];
}

/** `from` points at the column name; the definition runs to `to` */
export function parseColumnDefinition(src: StatementSource, from: number, to: number): ParsedColumn | undefined {
  const c = new Cursor(src.tokens, from, to);
  const nameToken = c.peek();
  const name = c.identifier();
  if (name === undefined || !nameToken) return undefined;
  const type = parseDataType(src, c);
  if (!type) return undefined;
  const def: ColumnDef = { name, type, span: { start: nameToken.start, end: src.tokens[to - 1].end } };
  const problems: string[] = [];
  if (type.name === 'BIGINT' && /^serial$/i.test(type.text)) {
    type.unsigned = true;
    def.nullable = false;
    def.autoIncrement = true;
    def.unique = true;
  }
  let position: ColumnPosition | undefined;
  while (!c.done) {
    const start = c.pos;
    const w = c.word();
    if (applyTypeAttribute(c, type)) continue;
    if (c.accept('NOT', 'NULL')) def.nullable = false;
    else if (c.accept('NULL')) def.nullable = true;
    else if (c.accept('DEFAULT')) {
      const d = parseDefaultValue(src, c);
      if (d) def.default = d;
      else problems.push('unrecognised DEFAULT value');
    } else if (c.accept('AUTO_INCREMENT')) def.autoIncrement = true;
    else if (c.accept('PRIMARY', 'KEY') || (w === 'KEY' && c.accept('KEY'))) def.primaryKey = true;
    else if (c.accept('UNIQUE')) {
      c.accept('KEY');
      def.unique = true;
    } else if (c.accept('COMMENT')) {
      const t = c.next();
      if (t && t.kind === 'string') def.comment = t.value;
    } else if (c.accept('ON', 'UPDATE')) {
      const s = c.pos;
      c.next();
      if (c.isPunct('(')) c.skipParens();
      def.onUpdate = sourceText(src, s, c.pos);
    } else if (c.accept('GENERATED', 'ALWAYS', 'AS') || c.accept('AS')) {
      if (c.accept('ROW')) {
        c.next(); // MariaDB system-versioning columns: AS ROW START / AS ROW END
      } else if (c.isPunct('(')) {
        const close = matchingParen(src.tokens, c.pos, to);
        def.generated = { expression: sourceText(src, c.pos + 1, close), stored: false };
        c.pos = close + 1;
      } else {
        problems.push(`generated column ${name} without an expression`);
        break;
      }
    } else if (c.accept('STORED') || c.accept('PERSISTENT')) {
      if (def.generated) def.generated.stored = true;
    } else if (c.accept('VIRTUAL')) {
      if (def.generated) def.generated.stored = false;
    } else if (w === 'REFERENCES') {
      const refStart = c.pos;
      c.next();
      const table = c.qualifiedName();
      const columns = c.isPunct('(') ? identifierList(src, c) : [];
      skipReferenceActions(c);
      def.references = { table: table?.name ?? '', columns, span: c.spanFrom(refStart) };
    } else if (c.accept('INVISIBLE')) def.invisible = true;
    else if (c.accept('VISIBLE')) def.invisible = false;
    else if (c.accept('FIRST')) position = { first: true };
    else if (c.accept('AFTER')) {
      const after = c.identifier();
      if (after !== undefined) position = { after };
    } else if (c.accept('CONSTRAINT')) {
      if (!c.isWord('CHECK')) c.identifier();
    } else if (c.accept('CHECK')) {
      c.skipParens();
      c.accept('NOT');
      c.accept('ENFORCED');
    } else if (c.accept('COLUMN_FORMAT') || c.accept('STORAGE')) c.next();
    else if (c.accept('SRID')) {
      const t = c.next();
      if (t && /^\d+$/.test(t.value)) type.srid = Number(t.value);
    }
    else if (c.accept('ENGINE_ATTRIBUTE') || c.accept('SECONDARY_ENGINE_ATTRIBUTE') || c.accept('COMPRESSED')) {
      c.acceptEquals();
      if (c.peek()?.kind === 'string' || c.peek()?.kind === 'word') c.next();
    } else if (c.accept('WITH', 'SYSTEM', 'VERSIONING') || c.accept('WITHOUT', 'SYSTEM', 'VERSIONING')) {
      // MariaDB per-column versioning: no schema effect the rules look at
    } else if (c.accept('PERIOD', 'FOR')) c.pos = to;
    if (c.pos === start) {
      problems.push(`unrecognised column attribute '${c.peek()?.text ?? ''}' in column ${name}`);
      break;
    }
  }
  return { def, position, problems };
}

/** consumes a data type at the cursor */
export function parseDataType(src: StatementSource, c: Cursor): DataType | undefined {
  const first = c.peek();
  if (!first || first.kind !== 'word') return undefined;
  const start = c.pos;
  let name = first.value;
  c.next();
  if (name === 'DOUBLE' && c.accept('PRECISION')) name = 'DOUBLE';
  else if (name === 'NATIONAL') {
    const next = c.word();
    c.next();
    name = next === 'VARCHAR' ? 'VARCHAR' : 'CHAR';
    if (c.accept('VARYING')) name = 'VARCHAR';
  } else if ((name === 'CHARACTER' || name === 'CHAR' || name === 'NCHAR') && c.accept('VARYING')) name = 'VARCHAR';
  else if (name === 'NCHAR' && c.accept('VARCHAR')) name = 'VARCHAR';
  else if (name === 'LONG') {
    if (c.accept('VARBINARY')) name = 'MEDIUMBLOB';
    else {
      c.accept('VARCHAR') || c.accept('CHAR', 'VARYING');
      name = 'MEDIUMTEXT';
    }
  }
  const base = TYPE_ALIASES[name] ?? name;
  const type: DataType = { name: base, text: '' };
  if (name === 'BOOL' || name === 'BOOLEAN') type.length = 1;
  // NATIONAL CHAR / NCHAR / NVARCHAR: the national character set, utf8 (3 bytes)
  if (first.value === 'NATIONAL' || first.value === 'NCHAR' || first.value === 'NVARCHAR') type.charset = 'utf8mb3';
  if (c.isPunct('(')) {
    const open = c.pos;
    const close = matchingParen(src.tokens, open, c.limit);
    const args = splitTopLevel(src.tokens, open + 1, close);
    if (base === 'ENUM' || base === 'SET') {
      type.values = args.map(([s, e]) => {
        const t = src.tokens[s];
        return e - s === 1 && t.kind === 'string' ? t.value : sourceText(src, s, e);
      });
    } else {
      const nums = args.map(([s, e]) => (e - s === 1 && src.tokens[s].kind === 'number' ? Number(src.tokens[s].value) : NaN));
      if (nums[0] !== undefined && !Number.isNaN(nums[0])) type.length = nums[0];
      if (nums[1] !== undefined && !Number.isNaN(nums[1])) type.scale = nums[1];
    }
    c.pos = close + 1;
  }
  while (applyTypeAttribute(c, type)) {
    // UNSIGNED ZEROFILL, CHARACTER SET x COLLATE y …
  }
  type.text = sourceText(src, start, c.pos);
  return type;
}

/** UNSIGNED / SIGNED / ZEROFILL / BINARY / CHARACTER SET / COLLATE …; false when none is at the cursor */
function applyTypeAttribute(c: Cursor, type: DataType): boolean {
  if (c.accept('UNSIGNED')) type.unsigned = true;
  else if (c.accept('SIGNED')) type.unsigned = false;
  else if (c.accept('ZEROFILL')) {
    type.zerofill = true;
    type.unsigned = true;
  } else if (c.accept('BINARY')) {
    type.binary = true; // VARCHAR(…) BINARY: a _bin collation of the charset
  } else if (c.accept('ASCII') || c.accept('UNICODE') || c.accept('BYTE')) {
    // charset shorthands the knowledge base does not distinguish
  } else if (c.accept('CHARACTER', 'SET') || c.accept('CHARSET') || c.accept('CHAR', 'SET')) {
    c.acceptEquals();
    const v = c.identifier();
    if (v !== undefined) type.charset = v.toLowerCase();
  } else if (c.accept('COLLATE')) {
    c.acceptEquals();
    const v = c.identifier();
    if (v !== undefined) type.collation = v.toLowerCase();
  } else return false;
  return true;
}

/** the value after DEFAULT */
export function parseDefaultValue(src: StatementSource, c: Cursor): DefaultValue | undefined {
  const t = c.peek();
  if (!t) return undefined;
  const start = c.pos;
  if (t.kind === 'punct' && t.value === '(') {
    const close = matchingParen(src.tokens, c.pos, c.limit);
    const text = sourceText(src, c.pos + 1, close);
    c.pos = close + 1;
    return { kind: 'expression', text, volatile: VOLATILE_FUNCTIONS.test(text) };
  }
  if (t.kind === 'word' && t.value === 'NULL') {
    c.next();
    return { kind: 'null' };
  }
  if (t.kind === 'word' && CURRENT_TIMESTAMP_WORDS.has(t.value)) {
    c.next();
    if (c.isPunct('(')) c.skipParens();
    return { kind: 'current-timestamp', text: sourceText(src, start, c.pos) };
  }
  if (t.kind === 'punct' && (t.value === '-' || t.value === '+')) {
    c.next();
    c.next();
    return { kind: 'literal', text: sourceText(src, start, c.pos) };
  }
  if (t.kind === 'number' || t.kind === 'string') {
    c.next();
    return { kind: 'literal', text: t.text };
  }
  if (t.kind === 'word') {
    c.next();
    const next = c.peek();
    // introducers and bit/hex literals: _utf8mb4'x', N'x', b'1', x'ff'
    if (next && next.kind === 'string' && next.start === t.end) {
      c.next();
      return { kind: 'literal', text: sourceText(src, start, c.pos) };
    }
    if (c.isPunct('(')) {
      c.skipParens();
      const text = sourceText(src, start, c.pos);
      return { kind: 'expression', text, volatile: VOLATILE_FUNCTIONS.test(text) };
    }
    if (t.value === 'TRUE' || t.value === 'FALSE' || /^0X[0-9A-F]+$|^0B[01]+$/.test(t.value)) return { kind: 'literal', text: t.text };
    if (t.value === 'CURRENT_DATE' || t.value === 'CURRENT_TIME' || t.value === 'CURRENT_USER') return { kind: 'expression', text: t.text, volatile: false };
    return { kind: 'literal', text: t.text };
  }
  return undefined;
}

/** `(a, b, c)` at the cursor → names; consumes the group */
export function identifierList(src: StatementSource, c: Cursor): string[] {
  if (!c.isPunct('(')) return [];
  const open = c.pos;
  const close = matchingParen(src.tokens, open, c.limit);
  const names: string[] = [];
  for (const [s, e] of splitTopLevel(src.tokens, open + 1, close)) {
    const t = src.tokens[s];
    if (t.kind === 'word' || t.kind === 'ident' || t.kind === 'string') names.push(t.kind === 'word' ? t.text : t.value);
    else names.push(sourceText(src, s, e));
  }
  c.pos = Math.min(close + 1, c.limit);
  return names;
}

/** [MATCH …] [ON DELETE a] [ON UPDATE a] */
export function skipReferenceActions(c: Cursor): { onDelete?: ReferentialAction; onUpdate?: ReferentialAction } {
  const out: { onDelete?: ReferentialAction; onUpdate?: ReferentialAction } = {};
  for (;;) {
    if (c.accept('MATCH')) {
      c.next();
      continue;
    }
    if (c.isWord('ON') && (c.word(1) === 'DELETE' || c.word(1) === 'UPDATE')) {
      const which = c.word(1);
      c.pos += 2;
      const action = referentialAction(c);
      if (action) {
        if (which === 'DELETE') out.onDelete = action;
        else out.onUpdate = action;
      }
      continue;
    }
    return out;
  }
}

function referentialAction(c: Cursor): ReferentialAction | undefined {
  const one = c.word();
  const two = `${one} ${c.word(1)}`;
  if (REFERENTIAL[two]) {
    c.pos += 2;
    return REFERENTIAL[two];
  }
  if (REFERENTIAL[one]) {
    c.pos += 1;
    return REFERENTIAL[one];
  }
  return undefined;
}
