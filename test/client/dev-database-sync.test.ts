// When the extension sends `lockstep/devDatabase` (client/src/dryrun/devDatabaseSync.ts, no vscode
// here): after Connect, at start-up and after a restart with a URL remembered, null on Disconnect;
// never in an untrusted workspace or while the server is not running; in the order of the events.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DevDatabaseSync } from '../../client/src/dryrun/devDatabaseSync';
import type { DevDatabaseParams, DryRunConnection } from '../../client/src/protocol';

const URL = 'mysql://root@127.0.0.1:3306/app_dev';

function harness(options: { trusted?: boolean; running?: boolean; remembered?: DryRunConnection; readDelayMs?: number } = {}) {
  const state = { trusted: options.trusted ?? true, running: options.running ?? true, remembered: options.remembered, sendFails: false };
  const sent: DevDatabaseParams[] = [];
  const failures: unknown[] = [];
  const sync = new DevDatabaseSync({
    trusted: () => state.trusted,
    running: () => state.running,
    connection: async () => {
      if (options.readDelayMs) await new Promise((r) => setTimeout(r, options.readDelayMs));
      return state.remembered;
    },
    send: async (params) => {
      if (state.sendFails) throw new Error('connection closed');
      sent.push(params);
    },
    failed: (error) => failures.push(error),
  });
  return { state, sent, failures, sync };
}

describe('the dev database sync', () => {
  it('sends the connection with its password after Connect, and null after Disconnect', async () => {
    const h = harness();
    h.state.remembered = { url: URL, password: 's3cret' };
    await h.sync.connected();
    h.state.remembered = undefined;
    await h.sync.disconnected();
    assert.deepEqual(h.sent, [{ connection: { url: URL, password: 's3cret' } }, { connection: null }]);
  });

  it('tells a started or restarted server the remembered database; nothing when none is remembered', async () => {
    const h = harness({ remembered: { url: URL, confirmedHost: true } });
    await h.sync.serverStarted();
    await h.sync.serverStarted();
    assert.deepEqual(h.sent, [{ connection: { url: URL, confirmedHost: true } }, { connection: { url: URL, confirmedHost: true } }]);
    const none = harness();
    await none.sync.serverStarted();
    assert.deepEqual(none.sent, []);
  });

  it('never sends in an untrusted workspace, not even null; once trusted, the remembered database goes', async () => {
    const h = harness({ trusted: false, remembered: { url: URL } });
    await h.sync.serverStarted();
    await h.sync.connected();
    await h.sync.disconnected();
    assert.deepEqual(h.sent, []);
    h.state.trusted = true;
    await h.sync.trustGranted();
    assert.deepEqual(h.sent, [{ connection: { url: URL } }]);
  });

  it('sends nothing while the server is not running (its start sends it later)', async () => {
    const h = harness({ running: false, remembered: { url: URL } });
    await h.sync.connected();
    await h.sync.disconnected();
    assert.deepEqual(h.sent, []);
    h.state.running = true;
    await h.sync.serverStarted();
    assert.deepEqual(h.sent, [{ connection: { url: URL } }]);
  });

  it('keeps the order of the events while the password is being read: Disconnect never overtakes Connect', async () => {
    const h = harness({ remembered: { url: URL }, readDelayMs: 30 });
    const connecting = h.sync.connected();
    const disconnecting = h.sync.disconnected();
    await Promise.all([connecting, disconnecting]);
    assert.deepEqual(h.sent, [{ connection: { url: URL } }, { connection: null }]);
  });

  it('runs after the caller\'s synchronous code (the client sends `initialized` right after the Running event)', async () => {
    const h = harness({ remembered: { url: URL } });
    const order: string[] = [];
    const pending = h.sync.serverStarted().then(() => order.push('devDatabase'));
    order.push('initialized');
    await pending;
    assert.deepEqual(order, ['initialized', 'devDatabase']);
  });

  it('a failed send is reported and later events still go', async () => {
    const h = harness({ remembered: { url: URL } });
    h.state.sendFails = true;
    await h.sync.connected();
    assert.equal(h.failures.length, 1);
    h.state.sendFails = false;
    await h.sync.disconnected();
    assert.deepEqual(h.sent, [{ connection: null }]);
  });
});
