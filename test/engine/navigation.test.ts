// The navigation index: identities across renames, names as the catalog keys them (case, backticks,
// schema qualifiers), spans of the identifiers, and re-parsing only the files whose text changed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mutate, rng, SEEDS } from '../helpers/fuzz-inputs';
import {
  definitionOf,
  describeColumn,
  describeTable,
  emptyCatalog,
  applyStatement,
  findEntities,
  lastChangeBefore,
  nameBefore,
  occurrenceAt,
  parseFile,
  parseTarget,
  referencesOf,
  SchemaNavigator,
  type ChainNavigation,
  type Occurrence,
  type Target,
} from '../../server/src/engine';

const TARGET = parseTarget('mysql-8.0') as Target;

function index(files: Record<string, string>): { nav: ChainNavigation; files: Record<string, string> } {
  const nav = new SchemaNavigator(TARGET, 'flyway').index(Object.entries(files).map(([path, text]) => ({ path, text })));
  return { nav, files };
}

/** the occurrence on the `nth` occurrence of `needle` in `path` */
function occ(chain: { nav: ChainNavigation; files: Record<string, string> }, path: string, needle: string, nth = 0): Occurrence {
  const text = chain.files[path];
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} in ${path}`);
  const file = chain.nav.files.find((f) => f.path === path);
  assert.ok(file);
  const o = occurrenceAt(file, offset + 1);
  assert.ok(o, `an occurrence at ${needle} (#${nth}) in ${path}`);
  return o;
}

const show = (chain: { nav: ChainNavigation; files: Record<string, string> }, o: Occurrence): string => {
  const path = chain.nav.files[o.file].path;
  const text = o.span ? chain.files[path].slice(o.span.start, o.span.end) : '?';
  return `${path}:${o.kind}${o.defines ? '*' : ''}:${text}`;
};

describe('navigation index', () => {
  test('a column keeps one identity across RENAME COLUMN and CHANGE; definition and references follow it', () => {
    const chain = index({
      'V1.sql': 'CREATE TABLE users (id INT PRIMARY KEY, last_name VARCHAR(50), KEY ix (last_name));',
      'V2.sql': "UPDATE users SET last_name = 'x' WHERE last_name IS NULL;",
      'V3.sql': 'ALTER TABLE users RENAME COLUMN last_name TO surname;',
      'V4.sql': 'ALTER TABLE users MODIFY surname VARCHAR(100);\nALTER TABLE users CHANGE surname family_name VARCHAR(100);',
      'V5.sql': 'ALTER TABLE users DROP COLUMN family_name;',
    });
    const first = occ(chain, 'V1.sql', 'last_name');
    assert.deepEqual(referencesOf(first.entity).map((o) => show(chain, o)), [
      'V1.sql:create*:last_name',
      'V1.sql:index:last_name',
      'V2.sql:dml-write:last_name',
      'V2.sql:dml-write:last_name',
      'V3.sql:rename:last_name',
      'V3.sql:rename*:surname',
      'V4.sql:alter*:surname',
      'V4.sql:rename:surname',
      'V4.sql:rename*:family_name',
      'V5.sql:drop:family_name',
    ]);
    assert.equal(show(chain, definitionOf(occ(chain, 'V4.sql', 'surname')) as Occurrence), 'V3.sql:rename*:surname', 'a MODIFY points back at what it redefines');
    assert.equal(show(chain, definitionOf(occ(chain, 'V4.sql', 'surname', 1)) as Occurrence), 'V4.sql:alter*:surname', 'the MODIFY before it redefined it');
    assert.equal(show(chain, definitionOf(occ(chain, 'V2.sql', 'last_name')) as Occurrence), 'V1.sql:create*:last_name');
    assert.equal(show(chain, lastChangeBefore(first.entity, 3, 1) as Occurrence), 'V4.sql:alter*:surname');
    assert.equal(nameBefore(first.entity, 3, 0, '?'), 'surname');
    assert.equal(nameBefore(first.entity, 2, 0, '?'), 'last_name', 'before the RENAME statement');
    assert.equal(findEntities(chain.nav, 'name').length, 0, 'dropped: not in the schema after the chain');
  });

  test('a table keeps its identity across RENAME TABLE and ALTER … RENAME TO; drop and re-create is a new identity', () => {
    const chain = index({
      'V1.sql': 'CREATE TABLE t (a INT);',
      'V2.sql': 'RENAME TABLE t TO u;',
      'V3.sql': 'ALTER TABLE u ADD COLUMN b INT, RENAME TO v;',
      'V4.sql': 'INSERT INTO v (a, b) VALUES (1, 2);\nDROP TABLE v;\nCREATE TABLE v (c INT);',
    });
    const t = occ(chain, 'V1.sql', 't');
    assert.deepEqual(referencesOf(t.entity).map((o) => show(chain, o)), [
      'V1.sql:create*:t',
      'V2.sql:rename:t',
      'V2.sql:rename*:u',
      'V3.sql:alter:u', // the header names the table being renamed: one occurrence
      'V3.sql:rename*:v',
      'V4.sql:dml-write:v',
      'V4.sql:drop:v',
    ]);
    const a = occ(chain, 'V4.sql', 'a');
    assert.equal(show(chain, definitionOf(a) as Occurrence), 'V1.sql:create*:a', 'the column came along with the renames');
    const again = occ(chain, 'V4.sql', 'v', 2);
    assert.notEqual(again.entity, t.entity);
    assert.equal(show(chain, definitionOf(again) as Occurrence), 'V4.sql:create*:v');
  });

  test('names as the catalog keys them: case, backticks and schema qualifiers; quoted text is not a name', () => {
    const chain = index({
      'V1.sql': 'CREATE TABLE `app`.`Order Items` (`Qty` INT, note TEXT DEFAULT (\'qty\'));',
      'V2.sql': "ALTER TABLE app.`order items` MODIFY `QTY` BIGINT COMMENT 'Qty';\n-- qty in a comment\nALTER TABLE `ORDER ITEMS` ADD INDEX qty (qty);",
    });
    const table = occ(chain, 'V1.sql', 'Order Items');
    assert.equal(chain.files['V1.sql'].slice(table.span?.start, table.span?.end), '`Order Items`');
    assert.deepEqual(referencesOf(table.entity).map((o) => show(chain, o)), ['V1.sql:create*:`Order Items`', 'V2.sql:alter:`order items`', 'V2.sql:index:`ORDER ITEMS`']);
    const qty = occ(chain, 'V1.sql', 'Qty');
    assert.deepEqual(referencesOf(qty.entity).map((o) => show(chain, o)), ['V1.sql:create*:`Qty`', 'V2.sql:alter*:`QTY`', 'V2.sql:index:qty']);
    const v2 = chain.nav.files[1];
    const comment = chain.files['V2.sql'].indexOf('qty in');
    assert.equal(occurrenceAt(v2, comment + 1), undefined);
    const literal = chain.files['V2.sql'].indexOf("'Qty'");
    assert.equal(occurrenceAt(v2, literal + 2), undefined);
    const keyName = chain.files['V2.sql'].indexOf('INDEX qty') + 7;
    assert.equal(occurrenceAt(v2, keyName), undefined, 'the index name is no column');
  });

  test('a table no migration creates gets one identity at its first use', () => {
    const chain = index({ 'V1.sql': 'ALTER TABLE legacy ADD COLUMN x INT;', 'V2.sql': 'UPDATE legacy SET x = 1;' });
    const legacy = occ(chain, 'V2.sql', 'legacy');
    assert.equal(legacy.entity.external, true);
    assert.equal(definitionOf(legacy), undefined);
    assert.equal(show(chain, definitionOf(occ(chain, 'V2.sql', 'x')) as Occurrence), 'V1.sql:create*:x');
  });

  test('describes one table and one column of a catalog', () => {
    const catalog = emptyCatalog();
    for (const s of parseFile('CREATE TABLE p (id INT PRIMARY KEY);\nCREATE TABLE c (id INT PRIMARY KEY, p_id INT, KEY ix (p_id), CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id));', { target: TARGET })) applyStatement(catalog, s, 'V1.sql');
    const table = describeTable(catalog, 'C', TARGET);
    assert.ok(table);
    assert.match(table.sql, /^CREATE TABLE `c` \(/);
    assert.match(table.sql, /ALTER TABLE `c` ADD CONSTRAINT `fk` FOREIGN KEY/);
    assert.doesNotMatch(table.sql, /CREATE TABLE `p`/);
    const column = describeColumn(catalog, 'c', 'P_ID', TARGET);
    assert.ok(column);
    assert.match(column.definition, /^`p_id` int/);
    assert.deepEqual(column.keys, ['KEY `ix` (`p_id`)', 'CONSTRAINT `fk` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`)']);
  });

  test('an edit re-parses only the edited file (its timing is in npm run bench)', () => {
    const texts = Array.from({ length: 100 }, (_, i) =>
      i === 0
        ? 'CREATE TABLE big (id INT PRIMARY KEY, c0 INT);'
        : `ALTER TABLE big ADD COLUMN c${i} INT, ADD INDEX ix${i} (c${i});\nUPDATE big SET c${i} = c${i - 1} + 1 WHERE id > ${i};\n`,
    );
    const navigator = new SchemaNavigator(TARGET, 'flyway');
    const sources = texts.map((text, i) => ({ path: `V${i + 1}.sql`, text }));
    navigator.index(sources);
    assert.equal(navigator.parsedFiles, 100);
    for (let round = 0; round < 5; round++) {
      const edited = sources.map((s, i) => (i === 50 ? { ...s, text: `${s.text}-- edit ${round}\n` } : s));
      const nav = navigator.index(edited);
      const o = occurrenceAt(nav.files[99], edited[99].text.indexOf('c99') + 1) as Occurrence;
      assert.ok(definitionOf(o));
      assert.ok(referencesOf(nav.live.get('big')?.columns.get('c0') as Occurrence['entity']).length > 0);
    }
    assert.equal(navigator.parsedFiles, 105, 'one file parsed per edit');
  });

  test('on mutated SQL it never throws, and every span holds the name it records', () => {
    const random = rng(7);
    const texts = [...SEEDS, ...Array.from({ length: 300 }, () => mutate(SEEDS[Math.floor(random() * SEEDS.length)], random))];
    const navigator = new SchemaNavigator(TARGET, undefined);
    const nav = navigator.index(texts.map((text, i) => ({ path: `V${i + 1}.sql`, text })));
    let checked = 0;
    for (const [i, file] of nav.files.entries()) {
      for (const o of file.occurrences) {
        const span = o.span as { start: number; end: number };
        const raw = texts[i].slice(span.start, span.end);
        const name = raw.startsWith('`') ? raw.slice(1, -1).replace(/``/g, '`') : raw;
        assert.equal(name, o.written, `${file.path} ${JSON.stringify(texts[i])} at ${span.start}`);
        checked++;
      }
    }
    assert.ok(checked > 300, `${checked} spans checked`);
  });
});
