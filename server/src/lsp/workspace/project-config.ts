// A config file's errors as diagnostics on the file itself (the server goes on with the defaults).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigError } from '../../engine';
import { indexText, spanToRange } from '../convert';

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
