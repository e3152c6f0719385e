// Groups files into migration sets (the files whose order defines one schema history) and
// orders each set by its framework convention.
import { basename, dirname, join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { detectConvention, orderMigrations, type Convention } from '../engine/workspace';
import { migrationSiblings, relativePath, type PathFilter } from './files';

export interface MigrationSet {
  /** the directory holding the set */
  dir: string;
  /** every migration of the set (absolute), linted or not */
  members: string[];
}

/** Prisma keeps one `migration.sql` per folder: the set is the folder's parent */
function isFolderPerMigration(abs: string): boolean {
  return basename(abs).toLowerCase() === 'migration.sql';
}

export function setDirOf(abs: string): string {
  return isFolderPerMigration(abs) ? dirname(dirname(abs)) : dirname(abs);
}

function folderPerMigrationMembers(dir: string, root: string, filter: PathFilter): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => join(dir, n, 'migration.sql'))
    .filter((abs) => {
      const rel = relativePath(root, abs);
      return existsSync(abs) && filter.included(rel) && !filter.excluded(rel);
    });
}

/** the sets the linted files belong to, each with all its members */
export function migrationSets(linted: readonly string[], root: string, filter: PathFilter): MigrationSet[] {
  const byDir = new Map<string, Set<string>>();
  for (const abs of linted) {
    const dir = setDirOf(abs);
    let members = byDir.get(dir);
    if (!members) {
      members = new Set(isFolderPerMigration(abs) ? folderPerMigrationMembers(dir, root, filter) : migrationSiblings(dir, root, filter));
      byDir.set(dir, members);
    }
    members.add(abs);
  }
  return [...byDir]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dir, members]) => ({ dir, members: [...members].sort() }));
}

export interface OrderedSet {
  convention: Convention | undefined;
  /** up migrations in the order they run */
  ordered: string[];
  /** members the convention does not order (down migrations, strays), each with the ordered member it follows */
  unordered: { path: string; after?: string }[];
}

/** `textOf(abs)` gives a member's text when readable (conventions recognised by header lines) */
export function orderSet(set: MigrationSet, root: string, configured: Convention | undefined, textOf: (abs: string) => string | undefined): OrderedSet {
  const relToAbs = new Map(set.members.map((abs) => [relativePath(root, abs), abs]));
  const rels = [...relToAbs.keys()];
  const convention = configured ?? detectConvention(rels, (rel) => {
    const abs = relToAbs.get(rel);
    return abs === undefined ? undefined : textOf(abs);
  });
  const ordered = orderMigrations(rels, convention)
    .map((r) => relToAbs.get(r))
    .filter((a): a is string => a !== undefined);
  const inOrder = new Set(ordered);
  const unordered = set.members
    .filter((m) => !inOrder.has(m))
    .map((path) => ({ path, after: followedMember(path, ordered) }));
  return { convention, ordered, unordered };
}

/** a down migration runs after its up migration; anything else follows the last member sorting before it */
function followedMember(path: string, ordered: readonly string[]): string | undefined {
  const up = path.replace(/\.down\.sql$/i, '.up.sql');
  if (up !== path && ordered.includes(up)) return up;
  let last: string | undefined;
  for (const m of ordered) if (m <= path) last = m;
  return last;
}
