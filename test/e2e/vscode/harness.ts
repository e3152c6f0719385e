// The outer side of the VS Code end-to-end tests (suite/harness.ts is the side in the extension
// host): whether code-server and Chromium are there, packaging and bundling what is installed,
// code-server with the extension installed and Chromium on it, the extension-host suite through the
// `payload` route, polling.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ensureBundles } from './bundles';
import { installExtension, prepareDirs, RunningCodeServer, type CodeServerDirs, type CodeServerOptions } from './codeServer';
import { findTools, REPO_ROOT, type E2eTools } from './environment';
import type { SuiteReport } from './suite/harness';
import { waitForWorkbench } from './workbench';

export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');

export interface E2ePrerequisite {
  /** code-server and Chromium, or undefined with `missing` saying why */
  tools: E2eTools | undefined;
  missing: string;
  /** the describe's `skip`: the reason, unless LOCKSTEP_REQUIRE_E2E=1 makes a missing tool a failure */
  skip: string | false;
}

/** finds (or installs) the tools; prints why `what` is skipped when they are missing */
export function e2ePrerequisite(what: string): E2ePrerequisite {
  const required = process.env.LOCKSTEP_REQUIRE_E2E === '1';
  const found = findTools();
  if ('missing' in found) {
    const reason = `${found.missing}; set LOCKSTEP_REQUIRE_E2E=1 to fail instead`;
    if (!required) console.log(`# skipping ${what}: ${reason}`);
    return { tools: undefined, missing: found.missing, skip: required ? false : reason };
  }
  return { tools: found, missing: '', skip: false };
}

/** dist/ rebuilt when stale, then the extension packaged as `vsix` the way `npm run package` does */
export function packageExtension(vsix: string): void {
  if (ensureBundles()) console.log('# rebuilt dist/ (sources were newer than the bundles)');
  const args = [join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix];
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}\n${r.stderr}`);
}

/** where code-server installed the packaged extension */
export function installedExtensionDir(dirs: CodeServerDirs): string {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return join(dirs.extensions, `lockstep.lockstep-${version}`);
}

/** bundles suite/<name>.ts (CommonJS, `vscode` external) for the extension host to load as `outfile` */
export async function bundleSuite(name: string, outfile: string): Promise<void> {
  await build({ entryPoints: [join(import.meta.dirname, 'suite', `${name}.ts`)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
}

/** headless Chromium with its profile in `scratch`, in the environment code-server runs in */
export async function launchChromium(tools: E2eTools, scratch: string, dirs: CodeServerDirs): Promise<BrowserContext> {
  return chromium.launchPersistentContext(join(scratch, 'chromium-profile'), {
    executablePath: tools.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    env: dirs.env,
  });
}

/** a new window on `folder`, once the workbench shows the Explorer */
export async function openWindow(browser: BrowserContext, server: RunningCodeServer, folder: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
  await waitForWorkbench(page);
  return page;
}

export interface ExtensionHostRun {
  /** the exit code the suite reported through `codeAutomationExit` */
  code: number;
  logs: string[];
}

/**
 * Runs the bundled suite `suiteModule` in the extension host of a new window on `folder`, with the
 * extension in `extensionDir` under development: VS Code's `payload` route, which reports the exit
 * code and the console through functions the page exposes. Fails after 120 s without an exit code.
 */
export async function runExtensionHostSuite(browser: BrowserContext, server: RunningCodeServer, folder: string, extensionDir: string, suiteModule: string): Promise<ExtensionHostRun> {
  const page = await browser.newPage();
  const logs: string[] = [];
  const exitCode = new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    logs.push(`${type}: ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
  });
  const remote = (path: string): string => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionDir)],
    ['extensionTestsPath', remote(suiteModule)],
  ]);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no exit code after 120 s; log:\n${logs.join('\n')}`)), 120_000);
  });
  const code = await Promise.race([exitCode, timeout]).finally(() => clearTimeout(timer));
  await page.close();
  return { code, logs };
}

/** the results.json the suite wrote next to its module (it must have), each case printed as a `#` line */
export function readSuiteReport(suiteModule: string, run: ExtensionHostRun): SuiteReport {
  const reportPath = join(dirname(suiteModule), 'results.json');
  assert.ok(existsSync(reportPath), `the suite wrote no results (exit code ${run.code}); log:\n${run.logs.join('\n')}`);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as SuiteReport;
  for (const r of report.results) console.log(`# extension host: ${r.ok ? 'ok' : 'FAILED'} - ${r.name} (${r.ms} ms)${r.error ? `\n${r.error}` : ''}`);
  return report;
}

/**
 * Polls `probe` every `intervalMs` until it returns a value. After `ms` it fails with "timed out
 * waiting for `what`", or with what `what` returns when it is a function (say, the rows last seen).
 */
export async function until<T>(what: string | (() => Promise<string> | string), probe: () => Promise<T | undefined>, ms = 30_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(typeof what === 'string' ? `timed out waiting for ${what}` : await what());
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * One test file's code-server: its own scratch folder (user data, extensions, a free port no other
 * code-server uses), the packaged extension installed, and headless Chromium to drive it.
 */
export class CodeServerSession {
  private constructor(
    readonly scratch: string,
    readonly dirs: CodeServerDirs,
    readonly server: RunningCodeServer,
    readonly browser: BrowserContext,
  ) {}

  /** `prefix` names the scratch folder in the temporary directory */
  static async start(tools: E2eTools, prefix: string, options: CodeServerOptions = {}): Promise<CodeServerSession> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const scratch = mkdtempSync(join(tmpdir(), prefix));
    let server: RunningCodeServer | undefined;
    try {
      const dirs = prepareDirs(scratch, options);
      const vsix = join(scratch, 'lockstep.vsix');
      packageExtension(vsix);
      installExtension(tools.codeServer, dirs, vsix);
      server = await RunningCodeServer.start(tools.codeServer, dirs, options);
      return new CodeServerSession(scratch, dirs, server, await launchChromium(tools, scratch, dirs));
    } catch (error) {
      await server?.stop();
      rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
  }

  /** closes Chromium, stops code-server, keeps its log in test-artifacts/ as `logName`, removes the scratch folder */
  async close(logName: string): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    if (existsSync(this.dirs.log)) cpSync(this.dirs.log, join(ARTIFACTS, logName));
    rmSync(this.scratch, { recursive: true, force: true });
  }
}
