// Finds the language server process among the extension host's children (Linux /proc).
import { readdirSync, readFileSync } from 'node:fs';

/** PIDs of direct children of `parent` whose command line contains `needle`. */
export function childProcesses(parent: number, needle: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(needle)) out.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}
