// The dry-run panel's HTML (client/src/dryrun/html.ts, a pure function: no vscode here): every
// server string escaped, a strict CSP, the MDL timeline as inline SVG, errors as content.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderDryRunError, renderDryRunHtml } from '../../client/src/dryrun/html';
import { formatBytes, formatCount, formatSeconds } from '../../client/src/dryrun/format';
import type { DryRunReport, DryRunStatement } from '../../client/src/protocol';

const HOSTILE = '<img src=x onerror=alert(1)>';
const CSP_SOURCE = 'https://csp.example';

function statement(overrides: Partial<DryRunStatement> = {}): DryRunStatement {
  return {
    index: 1,
    range: { start: { line: 4, character: 0 }, end: { line: 4, character: 40 } },
    sql: 'ALTER TABLE users ADD COLUMN age INT NULL',
    table: 'users',
    measured: { algorithm: 'INSTANT', lock: 'NONE', rebuild: false, messages: [] },
    predicted: { algorithm: 'INSTANT', lock: 'NONE', rebuild: false },
    disagreement: null,
    tableFacts: { rows: 1234567, dataBytes: 5 * 1024 * 1024 * 1024, indexBytes: 300 * 1024 * 1024, rowFormat: 'Dynamic', engine: 'InnoDB', hasFulltext: false, totalRowVersions: null, estimatedRebuildSeconds: 125 },
    blockers: [],
    mdlPreview: null,
    error: null,
    ...overrides,
  };
}

function report(statements: DryRunStatement[], notes: string[] = []): DryRunReport {
  return { server: { flavor: 'mariadb', version: '10.11.19-MariaDB' }, mode: 'full', notes, statements };
}

const render = (r: DryRunReport): string => renderDryRunHtml(r, { cspSource: CSP_SOURCE, file: 'db/V2.sql', connection: 'root@127.0.0.1/app' });
/** the markup with its stylesheet removed, to look for tags */
const markup = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>/, '');

describe('the dry-run panel HTML', () => {
  it('escapes every string from the server: a hostile table name, SQL, messages and notes render as text', () => {
    const html = render(
      report(
        [
          statement({
            table: HOSTILE,
            sql: `ALTER TABLE \`${HOSTILE}\` ADD COLUMN x INT`,
            error: `refused: ${HOSTILE}`,
            disagreement: `"${HOSTILE}"`,
            measured: { algorithm: '<b>COPY</b>', lock: 'SHARED', rebuild: true, messages: [`1846 ${HOSTILE}`] },
            blockers: [{ connectionId: 7, user: '<u>', host: 'h"ost', transactionAgeSeconds: 40, lastStatement: `SELECT '${HOSTILE}'`, reason: 'open transaction', kill: 'KILL 7' }],
          }),
        ],
        [`note ${HOSTILE}`],
      ),
    );
    const body = markup(html);
    assert.ok(!body.includes('<img'), 'no img element');
    assert.ok(!body.includes('<b>COPY'), 'no markup from the algorithm');
    assert.ok(!body.includes('<u>'));
    assert.ok(body.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the table name is shown as text');
    assert.ok(body.includes('h&quot;ost'));
    assert.ok(!/<script/i.test(body), 'no script at all');
    assert.ok(!/\son\w+=/i.test(body.replace(/&lt;[^&]*&gt;/g, '')), 'no event handler attribute');
  });

  it('has a strict Content-Security-Policy: nothing by default, styles from the webview only, no scripts, no remote content', () => {
    const html = render(report([statement()]));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'the CSP meta is present');
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, new RegExp(`style-src ${CSP_SOURCE} 'unsafe-inline'`));
    assert.doesNotMatch(csp, /script-src|\*/);
    assert.doesNotMatch(markup(html), /(src|href)="https?:/, 'no remote content');
    assert.match(html, /var\(--vscode-editor-foreground\)/, 'themed with VS Code colours');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style>'), 'the policy comes before any content');
  });

  it('shows the measured result beside the prediction, and highlights a disagreement', () => {
    const agree = markup(render(report([statement()])));
    assert.match(agree, /<td class="measured">INSTANT<\/td><td>INSTANT<\/td>/);
    assert.doesNotMatch(agree, /class="differs"|disagrees/);
    const differ = markup(
      render(report([statement({ measured: { algorithm: 'COPY', lock: 'SHARED', rebuild: true, messages: ['1846 ALGORITHM=INPLACE is not supported'] }, predicted: { algorithm: 'INPLACE', lock: 'NONE', rebuild: true }, disagreement: 'the server copies the table' })])),
    );
    assert.match(differ, /class="card disagrees"/);
    assert.match(differ, /<tr class="differs"><th scope="row">Algorithm<\/th><td class="measured">COPY<\/td><td>INPLACE<\/td>/);
    assert.match(differ, /<tr><th scope="row">Rebuild<\/th><td class="measured">yes<\/td><td>yes<\/td>/, 'agreeing rows are not highlighted');
    assert.match(differ, /the server copies the table/);
    assert.match(differ, /1846 ALGORITHM=INPLACE is not supported/);
  });

  it('partition maintenance: re-created partitions agree with a prediction of those partitions only', () => {
    const measured = { algorithm: 'INPLACE', lock: 'NONE', rebuild: true, messages: [] };
    const html = markup(render(report([statement({ measured, predicted: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false, rewritesPartitions: ['p0', 'p1'] } })])));
    assert.match(html, /<tr><th scope="row">Rebuild<\/th><td class="measured">yes<\/td><td>partitions p0, p1 re-created<\/td>/);
    const none = markup(render(report([statement({ measured: { ...measured, rebuild: false }, predicted: { algorithm: 'INPLACE', lock: 'NONE', rebuild: false, rewritesPartitions: 'all' } })])));
    assert.match(none, /<tr class="differs"><th scope="row">Rebuild<\/th><td class="measured">no<\/td><td>every partition re-created<\/td>/);
  });

  it('gives the server version, notes, table facts in human units and blockers with their KILL text', () => {
    const html = markup(
      render(report([statement({ blockers: [{ connectionId: 42, user: 'app', host: '10.0.0.5', transactionAgeSeconds: 930, lastStatement: null, reason: 'a transaction open on the table', kill: 'KILL 42' }] })], ['performance_schema is off'])),
    );
    assert.match(html, /MariaDB 10\.11\.19-MariaDB/);
    assert.match(html, /root@127\.0\.0\.1\/app/);
    assert.match(html, /performance_schema is off/);
    assert.match(html, /1,234,567/);
    assert.match(html, /5\.0 GiB/);
    assert.match(html, /300 MiB/);
    assert.match(html, /about 2 min 5 s/);
    assert.match(html, /<code class="kill"[^>]*>KILL 42<\/code>/);
    assert.match(html, /line 5/);
  });

  it('draws the MDL preview as an inline SVG timeline, one chart per run', () => {
    const html = markup(
      render(
        report([
          statement({
            mdlPreview: {
              runs: [
                {
                  lockWaitTimeout: 31536000,
                  events: [
                    { atMs: 0, actor: 'holder', event: 'started' },
                    { atMs: 50, actor: 'ddl', event: 'waiting for metadata lock' },
                    { atMs: 80, actor: 'reader', event: 'waiting for metadata lock' },
                    { atMs: 90, actor: 'writer', event: 'waiting for metadata lock' },
                    { atMs: 2000, actor: 'holder', event: 'done' },
                    { atMs: 2010, actor: 'ddl', event: 'done' },
                    { atMs: 2015, actor: 'reader', event: 'done' },
                    { atMs: 2020, actor: 'writer', event: 'done' },
                  ],
                  readerWaitMs: 1935,
                  writerWaitMs: 1930,
                  ddlOutcome: 'done after the transaction ended',
                },
                {
                  lockWaitTimeout: 'NOWAIT',
                  events: [
                    { atMs: 0, actor: 'holder', event: 'started' },
                    { atMs: 5, actor: 'ddl', event: 'failed: 1205 Lock wait timeout exceeded' },
                    { atMs: 100, actor: 'holder', event: 'done' },
                  ],
                  readerWaitMs: 0,
                  writerWaitMs: 0,
                  ddlOutcome: 'failed fast',
                },
              ],
            },
          }),
        ]),
      ),
    );
    const charts = html.match(/<svg class="mdl-timeline"[\s\S]*?<\/svg>/g) ?? [];
    assert.equal(charts.length, 2);
    assert.match(charts[0], /class="mdl-waiting"/, 'the queue behind the DDL is drawn as waiting bars');
    assert.match(charts[0], />writer</);
    assert.match(charts[1], /class="mdl-failed"/);
    assert.match(html, /lock_wait_timeout = 31536000 s/);
    assert.match(html, /NOWAIT/);
    assert.match(html, /the reader waited 1\.9 s/);
  });

  it('shows an error as the panel\'s content, escaped', () => {
    const html = renderDryRunError(`Dry-run failed: connect ECONNREFUSED ${HOSTILE}`, { cspSource: CSP_SOURCE, connection: 'root@127.0.0.1:1/x' });
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /connect ECONNREFUSED &lt;img/);
    assert.ok(!markup(html).includes('<img'));
  });

  it('formats sizes, counts and durations for people', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(16384), '16 KiB');
    assert.equal(formatBytes(1.5 * 1024 * 1024), '1.5 MiB');
    assert.equal(formatCount(1000), '1,000');
    assert.equal(formatSeconds(0.25), '250 ms');
    assert.equal(formatSeconds(3725), '1 h 2 min');
  });
});
