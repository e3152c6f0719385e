// When the extension tells the language server about the connected dev database (`lockstep/devDatabase`):
// after Connect, when the server (re)starts with a URL remembered, when the workspace becomes trusted,
// and `null` on Disconnect. Never in an untrusted workspace, never while the server is not running.
// No vscode here: extension.ts wires the events, test/client/dev-database-sync.test.ts the logic.
import type { DevDatabaseParams, DryRunConnection } from '../protocol';

export interface DevDatabaseSyncDeps {
  /** the workspace is trusted (Restricted Mode: nothing is sent) */
  trusted(): boolean;
  /** the language server is running: a notification now reaches it */
  running(): boolean;
  /** the remembered connection with its password from secret storage; undefined when not connected */
  connection(): Promise<DryRunConnection | undefined>;
  send(params: DevDatabaseParams): Promise<void>;
  /** a failed send (never given the connection) */
  failed(error: unknown): void;
}

export class DevDatabaseSync {
  /** one step at a time, in the order of the events: a Disconnect never overtakes the Connect before it */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: DevDatabaseSyncDeps) {}

  /** the user connected (or switched) to a database */
  connected(): Promise<void> {
    return this.enqueue(() => this.sendRemembered());
  }

  /** the user disconnected: the server forgets the database */
  disconnected(): Promise<void> {
    return this.enqueue(async () => {
      if (this.deps.trusted() && this.deps.running()) await this.deps.send({ connection: null });
    });
  }

  /** a new server (start-up or restart) knows no database: tell it the remembered one */
  serverStarted(): Promise<void> {
    return this.enqueue(() => this.sendRemembered());
  }

  /** the workspace was trusted: the remembered database may be used now */
  trustGranted(): Promise<void> {
    return this.enqueue(() => this.sendRemembered());
  }

  private async sendRemembered(): Promise<void> {
    if (!this.deps.trusted() || !this.deps.running()) return;
    const connection = await this.deps.connection();
    // the state may have changed while the password was read
    if (connection && this.deps.trusted() && this.deps.running()) await this.deps.send({ connection });
  }

  /** always runs after the caller's synchronous code (e.g. after the client's `initialized`) */
  private enqueue(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step).catch((error: unknown) => this.deps.failed(error));
    return this.queue;
  }
}
