// Runs the built CLI as a separate process, under GNU time when the machine has it, and reads the
// wall time, CPU time and peak memory of that process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';

export interface CliRun {
  wallMs: number;
  /** user + system CPU time of the process */
  cpuMs?: number;
  rssKb?: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

export const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true']).status === 0;

export function runCli(cli: string, args: string[]): CliRun {
  const node = process.execPath;
  const [cmd, argv] = hasGnuTime ? [GNU_TIME, ['-v', node, cli, ...args]] : [node, [cli, ...args]];
  const start = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, LOCKSTEP_REPORT_RSS: hasGnuTime ? '' : '1', NO_COLOR: '1' } });
  const wallMs = performance.now() - start;
  const rss = hasGnuTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr) : /lockstep: max-rss-kb (\d+)/.exec(r.stderr);
  return { wallMs, cpuMs: cpuOf(r.stderr), rssKb: rss ? Number(rss[1]) : undefined, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cpuOf(stderr: string): number | undefined {
  if (hasGnuTime) {
    const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    return user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : undefined;
  }
  const own = /lockstep: .*cpu-ms (\d+)/.exec(stderr);
  return own ? Number(own[1]) : undefined;
}

