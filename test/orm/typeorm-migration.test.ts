// TypeORM migration classes: the SQL strings of queryRunner.query() in up() are linted, with the
// findings' ranges inside the string literals; down() is not; `//` ignore comments work.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFile, parseTarget, typeormMigrationSql, type Target } from '../../server/src/engine';
import { runCli } from '../cli/harness';
import { parseReport } from '../cli/json-report';
import { gitFixture } from './git-fixture';

const target = parseTarget('mysql-8.0') as Target;

const MIGRATION = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class RenameName1700000000000 implements MigrationInterface {
  name = 'RenameName1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE \\\`user\\\` DROP COLUMN \\\`name\\\`\`);
    await queryRunner.query("ALTER TABLE \`user\` ADD \`fullName\` varchar(255) NOT NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE \\\`user\\\` DROP COLUMN \\\`fullName\\\`\`);
  }
}
`;

test('the SQL view keeps every offset: findings sit inside the up() strings, none in down()', () => {
  const sql = typeormMigrationSql(MIGRATION);
  assert.ok(sql);
  assert.equal(sql.length, MIGRATION.length);
  const schema = 'CREATE TABLE `user` (id INT PRIMARY KEY, name VARCHAR(255) NOT NULL);';
  const catalog = analyzeFile('init.sql', schema, { target }).catalogAfter;
  const findings = analyzeFile('m.ts', sql, { target, catalog, rules: { 'missing-lock-wait-timeout': 'off' } }).findings;
  const at = findings.map((f) => [f.rule, MIGRATION.slice(f.span.start, f.span.end)]);
  assert.deepEqual(at, [
    // the escaped closing backtick reads as a backtick and a space: the range ends before the space
    ['drop-column', 'DROP COLUMN \\`name\\'],
    ['drop-and-add-column', 'ADD `fullName` varchar(255) NOT NULL'],
    ['not-null-without-default', 'ADD `fullName` varchar(255) NOT NULL'],
  ]);
  assert.equal(typeormMigrationSql('export class User {}\n'), undefined);
});

test('lockstep lint checks a migration class named by the config, with a `//` ignore comment honoured', () => {
  const ignored = MIGRATION.replace('    await queryRunner.query("ALTER', '    // lockstep-disable-next-line not-null-without-default -- backfilled before release\n    await queryRunner.query("ALTER');
  const dir = gitFixture(
    { 'lockstep.config.json': JSON.stringify({ migrations: { paths: ['src/migrations/*.ts'] } }), 'src/migrations/1700000000000-RenameName.ts': ignored },
    {},
  );
  const r = runCli(['lint', '--format', 'json', '.'], { cwd: dir });
  const file = parseReport(r.stdout).files.find((f) => f.path === 'src/migrations/1700000000000-RenameName.ts');
  assert.deepEqual(file?.findings.map((f) => [f.rule, f.range.start.line]), [
    ['missing-lock-wait-timeout', 6],
    ['drop-column', 6],
    ['drop-and-add-column', 8],
  ]);
});
