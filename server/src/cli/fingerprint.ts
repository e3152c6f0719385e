// Stable identity of a finding across runs: path + rule + the source text it points at (not its
// line), with a counter for identical repeats, so moving a statement keeps its fingerprint.
import { createHash } from 'node:crypto';
import type { Finding } from '../engine';
import { findingSnippet, type FileReport } from './report';

export function fingerprints(file: FileReport): Map<Finding, string> {
  const seen = new Map<string, number>();
  const out = new Map<Finding, string>();
  for (const finding of file.findings) {
    const key = `${file.path}\u0000${finding.rule}\u0000${findingSnippet(file, finding)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out.set(finding, createHash('md5').update(`${key}\u0000${n}`).digest('hex'));
  }
  return out;
}
