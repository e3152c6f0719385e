// What the language-server benchmarks (bench/lsp.ts, bench/lsp-typing.ts) measure with: the
// server process's RSS and CPU time from /proc, percentiles, and timed single-character edits.
import { readFileSync } from 'node:fs';
import type { Position } from 'vscode-languageserver-protocol';
import type { LspClient } from '../test/lsp/client';

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** VmRSS of a process in MB (Linux), from /proc/<pid>/status */
export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** user + system CPU time of a process in ms (Linux), from /proc/<pid>/stat */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** the line and UTF-16 character of `offset` in `text` */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export interface KeystrokeNumbers {
  /** didChange to the publishDiagnostics of that version, one per edit */
  latencies: number[];
  /** server CPU time (user + system) per edit: the work itself, however busy the machine is */
  cpuPerEditMs: number | undefined;
}

/**
 * `edits` single-character edits at `at`: the first half types a suffix (a, b, c, …), the second
 * half deletes it again, so the document ends as it started. Each is timed until its diagnostics.
 */
export async function timeKeystrokes(client: LspClient, uri: string, at: Position, edits: number, timeoutMs: number): Promise<KeystrokeNumbers> {
  const latencies: number[] = [];
  const cpuBefore = cpuMs(client.process.pid);
  for (let e = 0; e < edits; e++) {
    const typing = e < edits / 2;
    const k = typing ? e : edits - 1 - e;
    const pos = { line: at.line, character: at.character + k };
    const change = typing
      ? { range: { start: pos, end: pos }, text: String.fromCharCode(97 + (k % 26)) }
      : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
    const t0 = performance.now();
    const version = await client.change(uri, [change]);
    await client.diagnosticsFor(uri, version, timeoutMs);
    latencies.push(performance.now() - t0);
  }
  const cpuAfter = cpuMs(client.process.pid);
  return { latencies, cpuPerEditMs: cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / edits : undefined };
}
