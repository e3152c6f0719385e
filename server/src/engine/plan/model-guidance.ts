// What an ORM user changes in the MODEL in each release of an expand/contract plan planned from a
// model finding. The model file being edited shows the end state (the last release); the earlier
// releases need an intermediate model that matches the database after their migrations, or the
// ORM's generator would write a migration that undoes the plan (Prisma Migrate, TypeORM
// migration:generate) or the application would use a column that is not there yet.
//
// GORM: AutoMigrate creates missing tables, columns and indexes and never drops an unused column
// (gorm.io/docs/migration.html: "It WON'T delete unused columns to protect your data"), so a
// contract step runs only from the plan's migration, which is what holds it back until its release.
import type { ModelChange } from '../orm/diff';
import type { ModelColumn, OrmKind } from '../orm/model';
import type { PlanKind } from './types';

export interface GuidanceInput {
  orm: OrmKind;
  kind: PlanKind;
  change: ModelChange;
  /** the model file's name, e.g. `schema.prisma` */
  file: string;
  beforeText: string;
  afterText: string;
  /** releases of the plan (guidance is per release, in order) */
  releases: number;
}

/** per release, the model steps to put first in its application steps */
export function modelGuidance(input: GuidanceInput): string[][] {
  const steps = stepsFor(input);
  const prefix = `In the model (${input.file}): `;
  return Array.from({ length: input.releases }, (_, i) => (steps[i] ?? []).map((s) => prefix + s));
}

function stepsFor(input: GuidanceInput): string[][] {
  const { change, kind } = input;
  if (kind === 'rename-column' && change.kind === 'rename-column') return rename(input, change.before, change.column);
  if (kind === 'drop-column' && change.kind === 'drop-column') return drop(input, change.before);
  if ((kind === 'not-null-without-default' && change.kind === 'add-column') || (kind === 'set-not-null' && change.kind === 'modify-column')) return requireLater(input, change.column);
  if ((kind === 'change-column-type' || kind === 'varchar-length-change' || kind === 'enum-set-change') && change.kind === 'modify-column') return retype(input, change.before, change.column);
  const generic = Array.from({ length: input.releases }, () => [] as string[]);
  if (input.releases > 1) generic[0].push('keep the model as the git base has it while the earlier releases ship.');
  generic[input.releases - 1].push('change the model as this file has it now, in this release.');
  return generic;
}

/** the declaration of a column in its text, on one line */
function declaration(text: string, column: ModelColumn): string {
  return text.slice(column.span.start, column.span.end).replace(/\s+/g, ' ').trim();
}

/** a Prisma field declaration made optional: `name String @db.VarChar(9)` → `name String? @db.VarChar(9)` */
function prismaOptional(decl: string): string {
  return decl.replace(/^(\w+\s+\w+(?:\([^)]*\))?)(\??)(?!\[)/, '$1?');
}

/** a Prisma field declaration with the column name made explicit */
function prismaMapped(decl: string, column: ModelColumn): string {
  return column.field === column.column || /@map\(/.test(decl) ? decl : `${decl} @map("${column.column}")`;
}

function rename(input: GuidanceInput, old: ModelColumn, now: ModelColumn): string[][] {
  const required = !now.nullable;
  switch (input.orm) {
    case 'prisma': {
      const added = prismaMapped(prismaOptional(declaration(input.afterText, now)), now);
      const kept = prismaMapped(prismaOptional(declaration(input.beforeText, old)), old);
      return [
        [`keep \`${old.field}\` and add \`${now.field}\` beside it, optional: \`${added}\`.`],
        [`read and write only \`${now.field}\`; keep \`${old.field}\` out of the client but in the schema (its column stays until release 3): \`${kept} @ignore\`.`],
        [`remove \`${old.field}\`${required ? ` and make \`${now.field}\` required (no \`?\`)` : ''}: the model as this file has it now.`],
      ];
    }
    case 'typeorm':
      return [
        [`keep the property \`${old.field}\` and add \`${now.field}\` beside it with \`@Column({ name: "${now.column}", nullable: true, … })\` (its type options as now, but nullable).`],
        [`read and write only \`${now.field}\`; keep \`${old.field}\` mapped but out of use, \`@Column({ name: "${old.column}", nullable: true, select: false, insert: false, update: false })\`, so migration:generate writes no DROP COLUMN for it yet.`],
        [`remove \`${old.field}\`${required ? ` and take \`nullable: true\` off \`${now.field}\`` : ''}: the entity as this file has it now.`],
      ];
    case 'gorm':
      return [
        [`keep \`${old.field}\` and add \`${now.field}\` with \`gorm:"column:${now.column}"\` as a pointer or sql.Null* type (nullable). Run this release's migrations before the new version starts, so AutoMigrate finds ${now.column} already there instead of adding it itself.`],
        [`read and write only \`${now.field}\`; remove \`${old.field}\` from the struct. AutoMigrate leaves the unused column ${old.column} in place (it never drops columns), so its data stays until release 3.`],
        [`${required ? `make \`${now.field}\` a non-pointer type with \`not null\` in its tag, as this file has it now` : 'no struct change'}. The DROP COLUMN of ${old.column} comes only from this release's migration (AutoMigrate never drops a column): run it yourself, and only once release 2 runs on every instance.`],
      ];
  }
}

function drop(input: GuidanceInput, old: ModelColumn): string[][] {
  // the plan makes a NOT NULL column without default NULL-able in release 1, so INSERTs without it work
  const relaxed = !old.nullable && old.default === undefined && !old.autoIncrement;
  switch (input.orm) {
    case 'prisma': {
      const decl = declaration(input.beforeText, old);
      return [
        [`keep \`${old.field}\` in the schema but out of the client (its column stays until release 2): \`${relaxed ? prismaOptional(decl) : decl} @ignore\`.`],
        [`remove \`${old.field}\`: the model as this file has it now.`],
      ];
    }
    case 'typeorm':
      return [
        [`keep the property \`${old.field}\` mapped but out of use, \`@Column({ name: "${old.column}"${relaxed ? ', nullable: true' : ''}, select: false, insert: false, update: false })\`, so migration:generate writes no DROP COLUMN yet.`],
        [`remove \`${old.field}\`: the entity as this file has it now.`],
      ];
    case 'gorm':
      return [
        [`remove \`${old.field}\` from the struct, as this file has it now: AutoMigrate leaves the unused column ${old.column} in place (it never drops columns).${relaxed ? ` Run this release's migration (${old.column} becomes NULL-able) before the new version starts, or its INSERTs fail.` : ''}`],
        [`no struct change. The DROP COLUMN comes only from this release's migration (AutoMigrate never drops a column): run it yourself, and only once release 1 runs on every instance.`],
      ];
  }
}

function requireLater(input: GuidanceInput, column: ModelColumn): string[][] {
  switch (input.orm) {
    case 'prisma':
      return [
        [`declare \`${column.field}\` optional for now, \`${prismaOptional(declaration(input.afterText, column))}\`, and set it on every create and update.`],
        [`make \`${column.field}\` required (no \`?\`): the model as this file has it now.`],
      ];
    case 'typeorm':
      return [
        [`declare \`${column.field}\` with \`nullable: true\` for now, and set it on every insert and update.`],
        [`take \`nullable: true\` off \`${column.field}\`: the entity as this file has it now.`],
      ];
    case 'gorm':
      return [
        [`declare \`${column.field}\` as a pointer or sql.Null* type without \`not null\` for now, so the struct matches the NULL-able column release 1 adds, and set it on every create and update.`],
        [`make \`${column.field}\` a non-pointer type with \`not null\`, as this file has it now, in the version that ships after this release's migrations ran.`],
      ];
  }
}

function retype(input: GuidanceInput, old: ModelColumn, now: ModelColumn): string[][] {
  const column = `${old.column}_new`.slice(0, 64);
  const map = { prisma: `@map("${column}")`, typeorm: `name: "${column}"`, gorm: `gorm:"column:${column}"` }[input.orm];
  const away = {
    prisma: `mark \`${old.field}\` \`@ignore\` (optional, as release 2 leaves its column)`,
    typeorm: `keep \`${old.field}\` mapped with \`select: false, insert: false, update: false\``,
    gorm: `remove \`${old.field}\` from the struct (AutoMigrate leaves its column in place)`,
  }[input.orm];
  return [
    [`keep \`${old.field}\`; add a field of the new type ${now.sqlType} for the new column ${column}, nullable, with \`${map}\`; write both.`],
    [`read and write only the new field; ${away}.`],
    [`remove \`${old.field}\` and give the new field its name, still mapped to ${column} with \`${map}\`${!now.nullable ? ' and required' : ''}: renaming the column back would be another rename.`],
  ];
}
