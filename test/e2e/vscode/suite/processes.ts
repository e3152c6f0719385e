// Finds the language server process among the extension host's children: /proc on Linux, `ps` elsewhere.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** PIDs of direct children of `parent` whose command line contains `needle`. */
export function childProcesses(parent: number, needle: string): number[] {
  return existsSync('/proc/self/stat') ? fromProc(parent, needle) : fromPs(parent, needle);
}

function fromProc(parent: number, needle: string): number[] {
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

function fromPs(parent: number, needle: string): number[] {
  const lines = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n');
  return lines
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === parent && m[3].includes(needle))
    .map((m) => Number(m[1]));
}
