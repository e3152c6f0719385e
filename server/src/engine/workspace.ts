// Migration conventions and ordering: which files are migrations and in what order they run.
// Pure: works on relative paths (forward slashes); the CLI and the LSP read the files.
import { naturalCompare } from './project/paths';
import type { Span } from './types';

export type Convention = 'flyway' | 'golang-migrate' | 'prisma' | 'liquibase' | 'dbmate' | 'sql-migrate' | 'goose' | 'numbered' | 'timestamped';

export const CONVENTIONS: readonly Convention[] = ['flyway', 'golang-migrate', 'prisma', 'liquibase', 'dbmate', 'sql-migrate', 'goose', 'numbered', 'timestamped'];

/** a file's text, when the caller has it (detection by header lines, up sections) */
export type TextOf = (path: string) => string | undefined;

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}


// ---------------------------------------------------------------------------------------------
// File names

// any extension: the config's globs decide which files are migrations (`.sql`, `.mysql`, `.ddl`…)
const FLYWAY = /^([VRU])(?:(\d+(?:[._]\d+)*))?__(.+)\.[A-Za-z0-9]+$/;
const GOLANG_MIGRATE = /^(\d+)_(.*)\.(up|down)\.[A-Za-z0-9]+$/i;
const PRISMA = /(?:^|\/)(\d{8,})_[^/]*\/migration\.sql$/i;
const NUMBER_PREFIX = /^(\d+)(?:[_\-.]|$)/;
const TIMESTAMP_PREFIX = /^((?:19|20)\d{2}[_\-.]?\d{2}[_\-.]?\d{2}(?:[_\-.]?\d{2,6})*)(?:[_\-.]|$)/;

interface FlywayName {
  type: 'V' | 'R' | 'U';
  version: number[];
  description: string;
}

function flywayName(path: string): FlywayName | undefined {
  const m = FLYWAY.exec(baseName(path));
  if (!m) return undefined;
  const type = m[1] as FlywayName['type'];
  if ((type === 'R') !== (m[2] === undefined)) return undefined; // versioned files need a version, repeatables have none
  return { type, version: m[2] ? m[2].split(/[._]/).map(Number) : [], description: m[3] };
}

const HEADERS: { convention: Convention; pattern: RegExp }[] = [
  { convention: 'liquibase', pattern: /^\s*--\s*liquibase formatted sql/im },
  { convention: 'dbmate', pattern: /^--\s*migrate:up\b/im },
  { convention: 'sql-migrate', pattern: /^--\s*\+migrate\s+up\b/im },
  { convention: 'goose', pattern: /^--\s*\+goose\s+up\b/im },
];

/** Guess the convention from the migration paths (and, when given, their text); undefined when no convention fits. */
export function detectConvention(paths: readonly string[], textOf?: TextOf): Convention | undefined {
  const votes = new Map<Convention, number>();
  const vote = (c: Convention) => votes.set(c, (votes.get(c) ?? 0) + 1);
  for (const path of paths) {
    const text = textOf?.(path);
    const header = text !== undefined ? HEADERS.find((h) => h.pattern.test(text.slice(0, 64 * 1024))) : undefined;
    const name = baseName(path);
    if (header) vote(header.convention);
    else if (flywayName(path)) vote('flyway');
    else if (GOLANG_MIGRATE.test(name)) vote('golang-migrate');
    else if (PRISMA.test(path)) vote('prisma');
    else if (TIMESTAMP_PREFIX.test(name) && digitsOf(TIMESTAMP_PREFIX.exec(name)![1]).length >= 8) vote('timestamped');
    else if (NUMBER_PREFIX.test(name)) vote('numbered');
  }
  let best: Convention | undefined;
  let bestVotes = 0;
  for (const c of CONVENTIONS) {
    const n = votes.get(c) ?? 0;
    if (n > bestVotes) {
      best = c;
      bestVotes = n;
    }
  }
  // numbered and timestamped files mix in practice (001_…, then 20240101_…): one ordering covers both
  if ((best === 'numbered' || best === 'timestamped') && (votes.get('numbered') ?? 0) > 0 && (votes.get('timestamped') ?? 0) > 0) return 'numbered';
  return best;
}

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** true when the convention runs this file as an "up" migration */
export function isUpMigration(path: string, convention: Convention | undefined): boolean {
  return sortKey(path, convention) !== undefined;
}

type Key = (bigint | string)[];

/** the ordering key of an up migration; undefined when the convention does not run the file */
function sortKey(path: string, convention: Convention | undefined): Key | undefined {
  const name = baseName(path);
  switch (convention) {
    case 'flyway': {
      const f = flywayName(path);
      if (!f || f.type === 'U') return undefined;
      // versioned first (1.2 == 1.2.0), then repeatables by description
      if (f.type === 'V') return [0n, ...padVersion(f.version)];
      return [1n, f.description];
    }
    case 'golang-migrate': {
      const m = GOLANG_MIGRATE.exec(name);
      return m && m[3].toLowerCase() === 'up' ? [BigInt(m[1])] : undefined;
    }
    case 'prisma': {
      const m = PRISMA.exec(path);
      return m ? [folderOf(path)] : undefined;
    }
    case 'dbmate':
    case 'goose': {
      const m = NUMBER_PREFIX.exec(name);
      return m ? [BigInt(m[1])] : undefined;
    }
    case 'sql-migrate': {
      // sql-migrate: numeric prefixes compare as numbers, other names as strings
      const m = NUMBER_PREFIX.exec(name);
      return m ? [0n, BigInt(m[1]), name] : [1n, name];
    }
    case 'numbered':
    case 'timestamped': {
      const ts = TIMESTAMP_PREFIX.exec(name);
      if (ts && digitsOf(ts[1]).length >= 8) return [1n, BigInt(digitsOf(ts[1]).padEnd(14, '0').slice(0, 20))];
      const m = NUMBER_PREFIX.exec(name);
      return m ? [0n, BigInt(m[1])] : undefined;
    }
    case 'liquibase':
      return [name];
    case undefined:
      return []; // no convention: natural order of the paths (`4.9/schema.sql` before `4.10/schema.sql`)
  }
}

function padVersion(version: number[]): bigint[] {
  const parts = version.map((n) => BigInt(n));
  while (parts.length > 1 && parts[parts.length - 1] === 0n) parts.pop();
  return parts;
}

function folderOf(path: string): string {
  const parts = path.split('/');
  return parts.length >= 2 ? parts[parts.length - 2] : path;
}

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'bigint' && typeof y === 'bigint') {
      if (x !== y) return x < y ? -1 : 1;
    } else if (String(x) !== String(y)) {
      return String(x) < String(y) ? -1 : 1;
    }
  }
  return 0;
}

/** orders two up migrations of one convention (ties: by path) */
export function compareMigrations(a: string, b: string, convention: Convention | undefined): number {
  const ka = sortKey(a, convention);
  const kb = sortKey(b, convention);
  if (ka && kb) return compareKeys(ka, kb) || naturalCompare(a, b);
  if (ka) return -1;
  if (kb) return 1;
  return naturalCompare(a, b);
}

export interface OrderOptions {
  /** Liquibase: the master changelog (XML, YAML or JSON) whose includes give the order */
  liquibaseMaster?: { path: string; text: string };
}

/** The paths that are "up" migrations, in the order the framework would run them. */
export function orderMigrations(paths: readonly string[], convention: Convention | undefined, options: OrderOptions = {}): string[] {
  const up = paths.filter((p) => isUpMigration(p, convention));
  if (convention === 'liquibase' && options.liquibaseMaster) return orderByMaster(up, options.liquibaseMaster);
  return up.sort((a, b) => compareMigrations(a, b, convention));
}

// ---------------------------------------------------------------------------------------------
// Liquibase

export interface Changeset {
  author: string;
  id: string;
  /** from the `--changeset` line to the next changeset (or the end of the file) */
  span: Span;
}

/** `--changeset author:id` sections of a Liquibase formatted SQL file, in file order */
export function liquibaseChangesets(text: string): Changeset[] {
  const heads = [...text.matchAll(/^[ \t]*--[ \t]*changeset[ \t]+([^:\s]+):(\S+)/gim)];
  return heads.map((m, n) => ({ author: m[1], id: m[2], span: { start: m.index, end: heads[n + 1]?.index ?? text.length } }));
}

/** the usual names of a Liquibase master changelog (`db.changelog-master.xml`, `changelog.yaml`, …) */
export function isLiquibaseMaster(path: string): boolean {
  return /^(?:db\.)?changelog(?:[-_.]master)?\.(?:xml|ya?ml|json)$/i.test(baseName(path)) || /^master\.(?:xml|ya?ml|json)$/i.test(baseName(path));
}

/** the files a master changelog includes, in order; `includeAll` directories expand to their files sorted by name */
function orderByMaster(paths: string[], master: { path: string; text: string }): string[] {
  const masterDir = master.path.includes('/') ? master.path.slice(0, master.path.lastIndexOf('/') + 1) : '';
  const includes = [...master.text.matchAll(/\b(includeAll|include)\b[^]*?\b(file|path)\b["']?\s*[:=]\s*["']?([^"'\s>,}]+)/g)].map((m) => ({ all: m[1] === 'includeAll', target: normalizeInclude(m[3]) }));
  const ordered: string[] = [];
  const taken = new Set<string>();
  const matches = (path: string, target: string) => path === target || path.endsWith(`/${target}`) || path === masterDir + target;
  for (const inc of includes) {
    const found = inc.all
      ? paths.filter((p) => !taken.has(p) && (p.startsWith(inc.target) || p.includes(`/${inc.target}`) || p.startsWith(masterDir + inc.target))).sort()
      : paths.filter((p) => !taken.has(p) && matches(p, inc.target));
    for (const p of found) {
      ordered.push(p);
      taken.add(p);
    }
  }
  return [...ordered, ...paths.filter((p) => !taken.has(p)).sort()];
}

function normalizeInclude(target: string): string {
  let t = target.replace(/\\/g, '/').replace(/^classpath\*?:/, '').replace(/^\.\//, '').replace(/^\/+/, '');
  if (!t.toLowerCase().endsWith('.sql') && !t.endsWith('/')) t += t.includes('.') ? '' : '/';
  return t;
}

// ---------------------------------------------------------------------------------------------
// Up sections: the part of a file the runner executes as the migration

const SECTION_MARKERS: Partial<Record<Convention, { up: RegExp; down: RegExp }>> = {
  dbmate: { up: /^--\s*migrate:up\b.*$/gim, down: /^--\s*migrate:down\b.*$/gim },
  'sql-migrate': { up: /^--\s*\+migrate\s+up\b.*$/gim, down: /^--\s*\+migrate\s+down\b.*$/gim },
  goose: { up: /^--\s*\+goose\s+up\b.*$/gim, down: /^--\s*\+goose\s+down\b.*$/gim },
};

/**
 * Spans of the text that run as the "up" migration: for dbmate (`-- migrate:up` / `-- migrate:down`),
 * sql-migrate (`-- +migrate Up` / `Down`) and goose (`-- +goose Up` / `Down`) the parts after an up
 * marker up to the next down marker; the whole text otherwise, or when the file has no markers.
 */
export function upSections(text: string, convention: Convention | undefined): Span[] {
  const markers = convention && SECTION_MARKERS[convention] ? SECTION_MARKERS[convention] : convention === undefined || convention === 'numbered' || convention === 'timestamped' ? sectionMarkersInText(text) : undefined;
  if (!markers) return [{ start: 0, end: text.length }];
  const events = [
    ...[...text.matchAll(markers.up)].map((m) => ({ up: true, start: m.index, end: m.index + m[0].length })),
    ...[...text.matchAll(markers.down)].map((m) => ({ up: false, start: m.index, end: m.index + m[0].length })),
  ].sort((a, b) => a.start - b.start);
  if (events.length === 0) return [{ start: 0, end: text.length }];
  const spans: Span[] = [];
  let open: number | undefined;
  for (const e of events) {
    if (open !== undefined && !e.up) {
      spans.push({ start: open, end: e.start });
      open = undefined;
    } else if (open === undefined && e.up) {
      open = e.end;
    }
  }
  if (open !== undefined) spans.push({ start: open, end: text.length });
  return spans;
}

/** a file named only by number or timestamp may still be a dbmate / sql-migrate / goose file: its markers tell */
function sectionMarkersInText(text: string): { up: RegExp; down: RegExp } | undefined {
  const family = HEADERS.find((h) => h.convention !== 'liquibase' && h.pattern.test(text));
  return family ? SECTION_MARKERS[family.convention] : undefined;
}

/**
 * The text with everything outside `spans` blanked (line breaks kept, so offsets and lines stay
 * valid). File-wide `lockstep-disable` comment lines are kept so they still apply.
 */
export function maskOutside(text: string, spans: readonly Span[]): string {
  if (spans.length === 1 && spans[0].start === 0 && spans[0].end >= text.length) return text;
  const keep = new Uint8Array(text.length);
  for (const s of spans) keep.fill(1, Math.max(0, s.start), Math.min(text.length, s.end));
  for (const m of text.matchAll(/^[ \t]*(?:--|#)[ \t]*lockstep-disable(?=\s|$).*$/gm)) keep.fill(1, m.index, m.index + m[0].length);
  let out = '';
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && keep[i] === keep[from]) continue;
    const chunk = text.slice(from, i);
    out += keep[from] ? chunk : chunk.replace(/[^\r\n]/g, ' ');
    from = i;
  }
  return out;
}

/** the text the linter should analyze for this file: only its up sections */
export function migrationText(text: string, convention: Convention | undefined): string {
  return maskOutside(text, upSections(text, convention));
}

// ---------------------------------------------------------------------------------------------
// New migration names (for generated expand/contract plans)

export interface NewMigrationOptions {
  /** the existing migrations of the set, any order */
  existing: readonly string[];
  /** the directory for new files (defaults to the directory of the last existing migration) */
  dir?: string;
  /** used for timestamped conventions */
  now: Date;
}

/**
 * Paths for the `count` next migrations of a set, in run order: the next Flyway version, the next
 * golang-migrate number (up and down files), a new Prisma folder, a later timestamp…
 * Each entry lists the files of one migration (golang-migrate: `.up.sql` then `.down.sql`).
 */
export function nextMigrationPaths(convention: Convention | undefined, description: string, count: number, options: NewMigrationOptions): string[][] {
  const ordered = orderMigrations(options.existing, convention);
  const last = ordered[ordered.length - 1];
  const dir = options.dir ?? (last ? parentDir(convention === 'prisma' ? parentDir(last) : last) : '');
  const prefix = dir ? `${dir}/` : '';
  const slug = description.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'migration';
  const out: string[][] = [];
  for (let n = 1; n <= count; n++) {
    const name = `${slug}${count > 1 ? `_${n}` : ''}`;
    switch (convention) {
      case 'flyway': {
        const versions = ordered.map(flywayName).filter((f): f is FlywayName => !!f && f.type === 'V');
        const major = versions.reduce((max, f) => Math.max(max, f.version[0] ?? 0), 0);
        out.push([`${prefix}V${major + n}__${name}.sql`]);
        break;
      }
      case 'golang-migrate': {
        const nums = ordered.map((p) => GOLANG_MIGRATE.exec(baseName(p))?.[1]).filter((s): s is string => !!s);
        const width = nums.length > 0 ? nums[nums.length - 1].length : 6;
        const stamp = nums.some((s) => s.length >= 14) ? timestamp(options.now, n - 1) : String(nums.reduce((max, s) => Math.max(max, Number(s)), 0) + n).padStart(width, '0');
        out.push([`${prefix}${stamp}_${name}.up.sql`, `${prefix}${stamp}_${name}.down.sql`]);
        break;
      }
      case 'prisma':
        out.push([`${prefix}${timestamp(options.now, n - 1)}_${name}/migration.sql`]);
        break;
      case 'numbered':
      case 'sql-migrate':
      case 'goose': {
        const nums = ordered.map((p) => NUMBER_PREFIX.exec(baseName(p))?.[1]).filter((s): s is string => !!s);
        const lastNum = nums[nums.length - 1];
        if (lastNum && lastNum.length >= 12) {
          out.push([`${prefix}${timestamp(options.now, n - 1)}_${name}.sql`]);
        } else {
          const width = lastNum?.length ?? 3;
          out.push([`${prefix}${String(nums.reduce((max, s) => Math.max(max, Number(s)), 0) + n).padStart(width, '0')}_${name}.sql`]);
        }
        break;
      }
      case 'dbmate':
      case 'timestamped':
      case 'liquibase':
      case undefined:
        out.push([`${prefix}${timestamp(options.now, n - 1)}_${name}.sql`]);
        break;
    }
  }
  return out;
}

function parentDir(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** yyyymmddhhmmss of `now` plus `seconds` (UTC) */
function timestamp(now: Date, seconds: number): string {
  const d = new Date(now.getTime() + seconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}

