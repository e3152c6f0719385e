// Reads `lockstep.config.json` (or `.lockstep.json`) at a workspace folder root.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeveritySetting } from '../../engine';
import type { RuleSettings } from '../../engine/rules/rule';
import type { Convention } from '../../engine/workspace';

export const CONFIG_FILE_NAMES = ['lockstep.config.json', '.lockstep.json'] as const;

export interface FileConfig {
  /** the file it came from; undefined when the folder has none */
  source?: string;
  target?: string;
  rules?: Record<string, SeveritySetting>;
  migrations?: string[];
  exclude?: string[];
  convention?: Convention;
  settings?: Partial<RuleSettings>;
  /** what was wrong with the file (shown to the user once) */
  problems: string[];
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export async function readFileConfig(root: string): Promise<FileConfig> {
  for (const name of CONFIG_FILE_NAMES) {
    const source = join(root, name);
    let text: string;
    try {
      text = await readFile(source, 'utf8');
    } catch {
      continue;
    }
    return { source, ...interpretConfig(text) };
  }
  return { problems: [] };
}

export function interpretConfig(text: string): Omit<FileConfig, 'source'> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { problems: [`not valid JSON (${err instanceof Error ? err.message : String(err)})`] };
  }
  if (!isRecord(raw)) return { problems: ['expected a JSON object'] };
  const problems: string[] = [];
  const config: Omit<FileConfig, 'source'> = { problems };
  if (typeof raw.target === 'string') config.target = raw.target;
  if (isRecord(raw.rules)) {
    config.rules = {};
    for (const [id, value] of Object.entries(raw.rules)) {
      const severity = typeof value === 'string' ? value : isRecord(value) && typeof value.severity === 'string' ? value.severity : undefined;
      if (severity && SEVERITIES.has(severity)) config.rules[id] = severity as SeveritySetting;
      else problems.push(`rules.${id}: expected one of error, warning, info, hint, off`);
    }
  }
  const migrations = isRecord(raw.migrations) ? raw.migrations.globs ?? raw.migrations.include : raw.migrations;
  if (isStringArray(migrations)) config.migrations = migrations;
  else if (typeof migrations === 'string') config.migrations = [migrations];
  const convention = isRecord(raw.migrations) ? raw.migrations.convention ?? raw.convention : raw.convention;
  if (typeof convention === 'string') config.convention = convention as Convention;
  if (isStringArray(raw.exclude)) config.exclude = raw.exclude;
  const settings: Partial<RuleSettings> = {};
  const tableRows = raw.tableRows ?? (isRecord(raw.tables) ? raw.tables.rows : undefined);
  if (isRecord(tableRows)) {
    settings.tableRows = Object.fromEntries(Object.entries(tableRows).filter((e): e is [string, number] => typeof e[1] === 'number'));
  }
  if (typeof raw.largeTableRows === 'number') settings.largeTableRows = raw.largeTableRows;
  if (Object.keys(settings).length > 0) config.settings = settings;
  return config;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
