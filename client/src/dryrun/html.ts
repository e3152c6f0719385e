// The dry-run panel's HTML: a pure function of the report (no vscode, unit-tested). Every string
// from the server is HTML-escaped; no script, no remote content, a strict Content-Security-Policy;
// colours come from VS Code's theme variables.
import type { Blocker, DryRunReport, DryRunStatement, MdlPreview, TableFacts } from '../protocol';
import { escapeHtml, formatBytes, formatCount, formatMs, formatSeconds } from './format';
import { renderMdlTimeline, runTitle } from './timeline';
import { PANEL_CSS } from './styles';

export interface RenderOptions {
  /** `webview.cspSource` */
  cspSource: string;
  /** what was dry-run, e.g. `db/migration/V2__add_age.sql` */
  file?: string;
  /** the connection, without password: `user@host/db` */
  connection?: string;
}

function page(options: RenderOptions, body: string): string {
  const csp = `default-src 'none'; style-src ${options.cspSource} 'unsafe-inline'; img-src ${options.cspSource} data:; font-src ${options.cspSource};`;
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/[&<>"]/g, (c) => escapeHtml(c))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Lockstep dry-run</title><style>${PANEL_CSS}</style></head><body>`,
    body,
    '</body></html>',
  ].join('');
}

function heading(options: RenderOptions): string {
  return `<h1>Dry-run${options.file ? ` of <span class="file">${escapeHtml(options.file)}</span>` : ''}</h1>`;
}

export function renderDryRunHtml(report: DryRunReport, options: RenderOptions): string {
  const flavor = report.server.flavor === 'mariadb' ? 'MariaDB' : 'MySQL';
  const meta = [`${flavor} ${report.server.version}`, options.connection, report.mode === 'read-only' ? 'read-only: facts and blockers only' : 'measured on scratch copies']
    .filter((s): s is string => typeof s === 'string' && s !== '')
    .map(escapeHtml)
    .join(' · ');
  const notes = report.notes.length > 0 ? `<ul class="notes">${report.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  const cards = report.statements.length > 0 ? report.statements.map(statementCard).join('') : '<p class="empty">No DDL statement to dry-run in this file.</p>';
  return page(options, `<header>${heading(options)}<p class="meta">${meta}</p>${notes}</header><main>${cards}</main>`);
}

/** the panel when the dry-run failed (cannot connect, no privilege …): the message, never a crash */
export function renderDryRunError(message: string, options: RenderOptions): string {
  const meta = options.connection ? `<p class="meta">${escapeHtml(options.connection)}</p>` : '';
  return page(options, `<header>${heading(options)}${meta}</header><main><section class="card failed"><h2>The dry-run did not run</h2><p class="error">${escapeHtml(message)}</p></section></main>`);
}

function statementCard(s: DryRunStatement): string {
  const classes = ['card', s.disagreement ? 'disagrees' : '', s.error ? 'failed' : ''].filter(Boolean).join(' ');
  const title = [`Statement ${s.index + 1}`, `line ${s.range.start.line + 1}`, s.table ? `<code>${escapeHtml(s.table)}</code>` : ''].filter(Boolean).join(' · ');
  return [
    `<section class="${classes}"><h2>${title}</h2>`,
    `<pre class="sql">${escapeHtml(s.sql)}</pre>`,
    s.error ? `<p class="error">${escapeHtml(s.error)}</p>` : '',
    comparison(s),
    s.tableFacts ? facts(s.tableFacts) : '',
    blockers(s.blockers),
    s.mdlPreview ? mdl(s.mdlPreview) : '',
    '</section>',
  ].join('');
}

function comparison(s: DryRunStatement): string {
  if (!s.measured && !s.predicted) return '';
  const row = (label: string, measured: string | undefined, predicted: string | undefined, agrees?: boolean): string => {
    const differs = measured !== undefined && predicted !== undefined && (agrees === undefined ? measured !== predicted : !agrees);
    return `<tr${differs ? ' class="differs"' : ''}><th scope="row">${label}</th><td class="measured">${escapeHtml(measured ?? 'not measured')}</td><td>${escapeHtml(predicted ?? '—')}</td></tr>`;
  };
  const yesNo = (b: boolean | undefined): string | undefined => (b === undefined ? undefined : b ? 'yes' : 'no');
  const m = s.measured ?? undefined;
  const p = s.predicted ?? undefined;
  const refused =
    m && m.messages.length > 0 ? `<details><summary>What the server refused (${m.messages.length})</summary><ul class="messages">${m.messages.map((x) => `<li><code>${escapeHtml(x)}</code></li>`).join('')}</ul></details>` : '';
  return [
    '<table class="compare"><thead><tr><th></th><th>Measured on the server</th><th>Predicted by the linter</th></tr></thead><tbody>',
    row('Algorithm', m?.algorithm, p?.algorithm),
    row('Lock', m?.lock, p?.lock),
    rebuildRow(row, yesNo(m?.rebuild), m?.rebuild, p),
    '</tbody></table>',
    s.disagreement ? `<p class="disagreement"><strong>Measured and predicted differ:</strong> ${escapeHtml(s.disagreement)}</p>` : '',
    refused,
  ].join('');
}

/**
 * Partition maintenance (TRUNCATE/REORGANIZE/REBUILD PARTITION, HASH ADD/COALESCE) re-creates
 * partitions without rebuilding the table; the measurement sees new InnoDB ids either way.
 */
function rebuildRow(
  row: (label: string, measured: string | undefined, predicted: string | undefined, agrees?: boolean) => string,
  measuredText: string | undefined,
  measured: boolean | undefined,
  p: DryRunStatement['predicted'] | undefined,
): string {
  const partitions = p?.rewritesPartitions;
  if (!p || p.rebuild || partitions === undefined || (partitions !== 'all' && partitions.length === 0)) return row('Rebuild', measuredText, p ? (p.rebuild ? 'yes' : 'no') : undefined);
  const predicted = partitions === 'all' ? 'every partition re-created' : `partitions ${partitions.join(', ')} re-created`;
  return row('Rebuild', measuredText, predicted, measured === true);
}

function facts(f: TableFacts): string {
  const items: [string, string][] = [
    ['Rows', formatCount(f.rows)],
    ['Data', formatBytes(f.dataBytes)],
    ['Indexes', formatBytes(f.indexBytes)],
    ['Engine', f.engine ?? '?'],
    ['Row format', f.rowFormat ?? '?'],
  ];
  if (f.hasFulltext) items.push(['Full-text index', 'yes']);
  if (f.totalRowVersions !== null) items.push(['Row versions', `${formatCount(f.totalRowVersions)} of 64`]);
  items.push(['Rebuild estimate', f.estimatedRebuildSeconds === null ? 'not measured' : `about ${formatSeconds(f.estimatedRebuildSeconds)}`]);
  return `<h3>Table</h3><dl class="facts">${items.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`;
}

function blockers(list: readonly Blocker[]): string {
  if (list.length === 0) return '<h3>Blockers</h3><p class="quiet">None found: no long or open transaction on the table, no metadata-lock holder.</p>';
  const rows = list.map((b) =>
    [
      '<tr>',
      `<td>${escapeHtml(b.connectionId)}</td>`,
      `<td>${escapeHtml(`${b.user}@${b.host}`)}</td>`,
      `<td>${b.transactionAgeSeconds === null ? '—' : escapeHtml(formatSeconds(b.transactionAgeSeconds))}</td>`,
      `<td>${escapeHtml(b.reason)}${b.lastStatement ? `<br><code class="last">${escapeHtml(b.lastStatement)}</code>` : ''}</td>`,
      `<td><code class="kill" title="Shown to copy; Lockstep never runs it">${escapeHtml(b.kill)}</code></td>`,
      '</tr>',
    ].join(''),
  );
  return [
    `<h3>Blockers (${list.length})</h3>`,
    '<table class="blockers"><thead><tr><th>Connection</th><th>User</th><th>Transaction open</th><th>Why it blocks</th><th>To end it (copy; never run by Lockstep)</th></tr></thead><tbody>',
    rows.join(''),
    '</tbody></table>',
  ].join('');
}

function mdl(preview: MdlPreview): string {
  const runs = preview.runs.map(
    (run) =>
      `<figure class="mdl-run"><figcaption>${escapeHtml(runTitle(run))}: ${escapeHtml(run.ddlOutcome)}; the reader waited ${escapeHtml(formatMs(run.readerWaitMs))}, the writer ${escapeHtml(formatMs(run.writerWaitMs))}</figcaption>${renderMdlTimeline(run)}<div class="legend"><span class="key active"></span>running <span class="key waiting"></span>waiting for the metadata lock <span class="key done"></span>done <span class="key failed"></span>failed</div></figure>`,
  );
  return `<h3>Metadata-lock preview</h3><p class="quiet">On the scratch copy, while a simulated open transaction holds the table.</p>${runs.join('')}`;
}
