// The project configuration of a workspace folder: `lockstep.config.json` (or `.lockstep.json`) at
// its root, parsed by the engine's parser — the same semantics as `lockstep lint` — and its errors
// as diagnostics on the file itself.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES, parseConfig, type ConfigError, type ParsedConfig } from '../../engine/config';
import { indexText, spanToRange } from '../convert';

export interface ProjectConfig {
  /** absolute path of the config file */
  source: string;
  /** the file's settings (defaults where it has none or an invalid one) and its errors */
  parsed: ParsedConfig;
  /** the errors as diagnostics on the file */
  diagnostics: Diagnostic[];
}

/** the folder's config file, or undefined when it has none */
export async function readProjectConfig(root: string): Promise<ProjectConfig | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const source = join(root, name);
    let text: string;
    try {
      text = await readFile(source, 'utf8');
    } catch {
      continue;
    }
    const parsed = parseConfig(text, name);
    return { source, parsed, diagnostics: configDiagnostics(text, parsed.errors) };
  }
  return undefined;
}

export function configDiagnostics(text: string, errors: readonly ConfigError[]): Diagnostic[] {
  if (errors.length === 0) return [];
  const index = indexText(text);
  return errors.map((e) => ({
    range: spanToRange(index, { start: e.start ?? 0, end: e.end ?? e.start ?? 0 }),
    severity: DiagnosticSeverity.Error,
    code: 'invalid-config',
    source: 'lockstep',
    message: e.path === '' ? `${e.detail}. Lockstep uses its default settings until this is fixed.` : `${e.detail}. This setting is ignored.`,
  }));
}
