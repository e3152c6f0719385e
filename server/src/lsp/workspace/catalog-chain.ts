// The schema a migration file starts from: the replay of the migrations that run before it in its
// set (its folder, or the parent of Prisma's per-migration folders), in the convention's order —
// the same sets, order and up sections as `lockstep lint`. Replays are cached per file by its text
// and the catalog it started from, so an edit to one migration replays only it and what follows.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { emptyCatalog, type Catalog, type Target } from '../../engine';
import { replayMigration } from '../../engine/analyze';
import { detectConvention, orderMigrations, type Convention } from '../../engine/workspace';
import { DEFAULT_MAX_FILE_BYTES } from '../limits';

export interface ChainSettings {
  root: string;
  target: Target;
  convention?: Convention;
  /** which paths (relative to `root`) are migrations: the config's `migrations.paths` and `exclude` */
  filter: { included(relPath: string): boolean; excluded(relPath: string): boolean };
}

export interface CatalogBefore {
  catalog: Catalog;
  /** changes whenever the catalog's content may have changed */
  version: string;
  /** the migrations replayed, in order (absolute paths) */
  earlier: string[];
  /** true when the file belongs to a migration set */
  isMigration: boolean;
  convention?: Convention;
}

interface Replay {
  text: string;
  baseVersion: string;
  catalogAfter: Catalog;
  version: string;
}

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
  private readonly diskTexts = new Map<string, Promise<string | undefined>>();
  private readonly replays = new Map<string, Replay>();
  private readonly conventions = new Map<string, { members: string[]; texts: (string | undefined)[]; convention: Convention | undefined }>();
  private replayCount = 0;

  /** `openText` gives an open document's text (undefined when the file is not open) */
  constructor(private readonly openText: (abs: string) => string | undefined) {}

  /** a file changed on disk (or was created or deleted) */
  fileChanged(abs: string, listingChanged: boolean): void {
    this.diskTexts.delete(abs);
    if (listingChanged) this.listings.delete(setDirOf(abs));
  }

  async catalogBefore(abs: string, settings: ChainSettings, isCancelled?: () => boolean): Promise<CatalogBefore | undefined> {
    const rel = relativePath(settings.root, abs);
    const standalone: CatalogBefore = { catalog: emptyCatalog(), version: 'empty', earlier: [], isMigration: false };
    const isMember = (r: string): boolean => settings.filter.included(r) && !settings.filter.excluded(r);
    if (!isMember(rel)) return standalone;

    const members = (await this.members(abs)).filter((m) => isMember(relativePath(settings.root, m)));
    if (!members.includes(abs)) members.push(abs);
    const texts = new Map<string, string | undefined>();
    for (const m of members) texts.set(relativePath(settings.root, m), await this.text(m));
    if (isCancelled?.()) return undefined;
    const byRel = new Map(members.map((m) => [relativePath(settings.root, m), m]));
    const convention = settings.convention ?? this.detect(setDirOf(abs), members, [...texts.values()], () => detectConvention([...byRel.keys()], (r) => texts.get(r)));
    const ordered = orderMigrations([...byRel.keys()], convention).map((r) => byRel.get(r) as string);
    const earlier = earlierThan(abs, ordered);

    let catalog = emptyCatalog();
    let version = `empty:${settings.target.label}`;
    for (const file of earlier) {
      const text = texts.get(relativePath(settings.root, file));
      if (text === undefined) continue;
      let replay = this.replays.get(file);
      if (!replay || replay.baseVersion !== version || replay.text !== text) {
        replay = { text, baseVersion: version, catalogAfter: replayMigration(catalog, relativePath(settings.root, file), text, { target: settings.target, convention }), version: `r${++this.replayCount}` };
        this.replays.set(file, replay);
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (isCancelled?.()) return undefined;
      }
      catalog = replay.catalogAfter;
      version = replay.version;
    }
    return { catalog, version, earlier, isMigration: ordered.length > 1 || convention !== undefined, convention };
  }

  /** detection reads every member's header: redo it only when a member or its text changed */
  private detect(dir: string, members: string[], texts: (string | undefined)[], run: () => Convention | undefined): Convention | undefined {
    const cached = this.conventions.get(dir);
    if (cached && cached.members.length === members.length && cached.members.every((m, i) => m === members[i]) && cached.texts.every((t, i) => t === texts[i])) {
      return cached.convention;
    }
    const convention = run();
    this.conventions.set(dir, { members, texts, convention });
    return convention;
  }

  private async text(abs: string): Promise<string | undefined> {
    const open = this.openText(abs);
    if (open !== undefined) return open;
    let text = this.diskTexts.get(abs);
    if (!text) {
      text = readMigration(abs);
      this.diskTexts.set(abs, text);
    }
    return text;
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

/** an up migration: those before it; a down migration: up to its up one; anything else: what sorts before it */
function earlierThan(abs: string, ordered: readonly string[]): string[] {
  const at = ordered.indexOf(abs);
  if (at >= 0) return ordered.slice(0, at);
  const up = abs.replace(/\.down\.sql$/i, '.up.sql');
  const upAt = up !== abs ? ordered.indexOf(up) : -1;
  if (upAt >= 0) return ordered.slice(0, upAt + 1);
  return ordered.filter((m) => m < abs);
}

async function readMigration(abs: string): Promise<string | undefined> {
  try {
    if ((await stat(abs)).size > DEFAULT_MAX_FILE_BYTES) return undefined;
    const text = await readFile(abs, 'utf8');
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
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
