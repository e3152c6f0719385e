// Runs code-server in its own process group with every state directory in a scratch folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface CodeServerDirs {
  userData: string;
  extensions: string;
  log: string;
  env: NodeJS.ProcessEnv;
}

export interface CodeServerOptions {
  /** Workspace Trust on (a folder opens in Restricted Mode until trusted); off by default */
  workspaceTrust?: boolean;
}

/** Fresh user-data/extensions dirs and XDG_* / TMPDIR under `scratch`, plus user settings for quiet UI tests. */
export function prepareDirs(scratch: string, options: CodeServerOptions = {}): CodeServerDirs {
  const dir = (name: string): string => {
    const path = join(scratch, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const userData = dir('user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'files.hotExit': 'off',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'security.workspace.trust.enabled': options.workspaceTrust === true,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      'git.enabled': false,
      'editor.hover.delay': 200,
      'chat.disableAIFeatures': true,
    }),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: dir('xdg-config'),
    XDG_DATA_HOME: dir('xdg-data'),
    XDG_CACHE_HOME: dir('xdg-cache'),
    TMPDIR: dir('tmp'),
  };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;
  return { userData, extensions: dir('extensions'), log: join(scratch, 'code-server.log'), env };
}

function dirArgs(dirs: CodeServerDirs): string[] {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

export function installExtension(codeServer: string, dirs: CodeServerDirs, vsix: string): void {
  const r = spawnSync(codeServer, [...dirArgs(dirs), '--install-extension', vsix, '--force'], { env: dirs.env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server --install-extension failed: ${r.stderr || r.stdout}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class RunningCodeServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(codeServer: string, dirs: CodeServerDirs, options: CodeServerOptions = {}): Promise<RunningCodeServer> {
    const port = await freePort();
    const log = openSync(dirs.log, 'a');
    const args = [
      codeServer,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--disable-proxy',
      ...dirArgs(dirs),
    ];
    // setsid: code-server, its extension hosts and the language server share one process group.
    const child = spawn('setsid', args, { env: dirs.env, stdio: ['ignore', log, log] });
    const running = new RunningCodeServer(child, port);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${dirs.log}`);
      try {
        const response = await fetch(`${running.url}/healthz`);
        if (response.ok) return running;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await running.stop();
        throw new Error(`code-server did not answer /healthz within 60 s; see ${dirs.log}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Kills the whole process group (an extension host lingers otherwise). */
  async stop(): Promise<void> {
    const pgid = this.child.pid;
    if (pgid === undefined) return;
    const signal = (sig: NodeJS.Signals | 0): boolean => {
      try {
        process.kill(-pgid, sig);
        return true;
      } catch {
        return false; // the group is gone
      }
    };
    if (!signal('SIGTERM')) return;
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 100));
      if (!signal(0)) return;
    }
    signal('SIGKILL');
  }
}
