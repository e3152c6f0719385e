// The schema a migration file starts from: the replay of the migrations that run before it in its
// set (its folder, or the parent of Prisma's per-migration folders), ordered by the convention.
// Replays are cached per file by text and by the catalog they started from, so an edit to one
// migration replays only it and the files after it.
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { analyzeFile, emptyCatalog, rules, type Catalog, type SeveritySetting, type Target } from '../../engine';
import { detectConvention, orderMigrations, type Convention } from '../../engine/workspace';
import { hashText } from '../incremental/hash';
import { matchesAny } from './glob';

export interface ChainSettings {
  root: string;
  target: Target;
  convention?: Convention;
  /** when non-empty, only files matching these are migrations */
  globs: RegExp[];
  exclude: RegExp[];
}

export interface CatalogBefore {
  catalog: Catalog;
  /** changes whenever the catalog's content may have changed */
  version: string;
  /** the migrations replayed, in order (absolute paths) */
  earlier: string[];
  /** true when the file belongs to a migration set */
  isMigration: boolean;
}

interface Replay {
  key: string;
  catalogAfter: Catalog;
  version: string;
}

const ALL_RULES_OFF: Record<string, SeveritySetting> = Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const]));

export function relativePath(root: string, abs: string): string {
  const rel = relative(root, abs);
  return (sep === '/' ? rel : rel.split(sep).join('/')) || basename(abs);
}

function isPerFolderMigration(abs: string): boolean {
  return basename(abs).toLowerCase() === 'migration.sql';
}

export function setDirOf(abs: string): string {
  return isPerFolderMigration(abs) ? dirname(dirname(abs)) : dirname(abs);
}

export class CatalogChains {
  private readonly listings = new Map<string, Promise<string[]>>();
  private readonly replays = new Map<string, Replay>();

  /** `readText` gives the open document's text, else the file's (undefined when unreadable, too large or binary) */
  constructor(private readonly readText: (abs: string) => Promise<string | undefined>) {}

  /** a file was created or deleted: list its folder again */
  forgetListing(abs: string): void {
    this.listings.delete(dirname(abs));
    this.listings.delete(setDirOf(abs));
  }

  /** the migrations that run before `abs`, in order; [] when it is not a migration */
  async earlierMigrations(abs: string, settings: ChainSettings): Promise<{ earlier: string[]; isMigration: boolean }> {
    const rel = relativePath(settings.root, abs);
    if (matchesAny(rel, settings.exclude)) return { earlier: [], isMigration: false };
    if (settings.globs.length > 0 && !matchesAny(rel, settings.globs)) return { earlier: [], isMigration: false };
    const members = (await this.members(abs)).filter((m) => {
      const r = relativePath(settings.root, m);
      return !matchesAny(r, settings.exclude) && (settings.globs.length === 0 || matchesAny(r, settings.globs));
    });
    if (!members.includes(abs)) members.push(abs);
    const byRel = new Map(members.map((m) => [relativePath(settings.root, m), m]));
    const rels = [...byRel.keys()];
    const convention = settings.convention ?? detectConvention(rels);
    const ordered = orderMigrations(rels, convention).map((r) => byRel.get(r)).filter((m): m is string => m !== undefined);
    const at = ordered.indexOf(abs);
    if (at >= 0) return { earlier: ordered.slice(0, at), isMigration: true };
    // not an up migration: a down migration runs after its up one; anything else after what sorts before it
    const up = abs.replace(/\.down\.sql$/i, '.up.sql');
    const upAt = up !== abs ? ordered.indexOf(up) : -1;
    if (upAt >= 0) return { earlier: ordered.slice(0, upAt + 1), isMigration: true };
    return { earlier: ordered.filter((m) => m < abs), isMigration: ordered.length > 0 };
  }

  async catalogBefore(abs: string, settings: ChainSettings, isCancelled?: () => boolean): Promise<CatalogBefore | undefined> {
    const { earlier, isMigration } = await this.earlierMigrations(abs, settings);
    let catalog = emptyCatalog();
    let version = `empty:${settings.target.label}`;
    for (const file of earlier) {
      const text = await this.readText(file);
      if (isCancelled?.()) return undefined;
      if (text === undefined) continue;
      const key = `${hashText(text)}|${version}`;
      let replay = this.replays.get(file);
      if (!replay || replay.key !== key) {
        const analysis = analyzeFile(relativePath(settings.root, file), text, { target: settings.target, catalog, rules: ALL_RULES_OFF });
        replay = { key, catalogAfter: analysis.catalogAfter, version: hashText(key) };
        this.replays.set(file, replay);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      catalog = replay.catalogAfter;
      version = replay.version;
    }
    return { catalog, version, earlier, isMigration };
  }

  private members(abs: string): Promise<string[]> {
    const dir = setDirOf(abs);
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = listSqlMembers(dir, isPerFolderMigration(abs));
      this.listings.set(dir, listing);
    }
    return listing.then((m) => [...m]);
  }
}

async function listSqlMembers(dir: string, perFolder: boolean): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    if (perFolder) return entries.filter((e) => e.isDirectory()).map((e) => join(dir, e.name, 'migration.sql'));
    return entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.sql')).map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}
