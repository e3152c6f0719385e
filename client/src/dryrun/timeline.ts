// The MDL impact preview of one run as a small inline SVG: a row per actor (the open transaction,
// the DDL, a reader, a writer), bars over time — running, waiting for the metadata lock — and a
// mark where it ended. Pure (no vscode); every text is escaped.
import type { MdlEvent, MdlRun } from '../protocol';
import { escapeHtml, formatMs } from './format';

const ACTORS: readonly MdlEvent['actor'][] = ['holder', 'ddl', 'reader', 'writer'];
const ACTOR_LABELS: Record<MdlEvent['actor'], string> = { holder: 'open trx', ddl: 'DDL', reader: 'reader', writer: 'writer' };
const WIDTH = 640;
const LABEL_WIDTH = 72;
const RIGHT_PAD = 16;
const ROW = 24;
const BAR = 12;
const AXIS = 22;

type State = 'active' | 'waiting';

function isEnd(event: string): boolean {
  return /^(done|failed|finished|committed|rolled back|timed out|killed|error)/i.test(event.trim());
}

function stateOf(event: string): State {
  return /wait/i.test(event) ? 'waiting' : 'active';
}

export function runTitle(run: MdlRun): string {
  return run.lockWaitTimeout === 'NOWAIT' ? 'DDL with NOWAIT' : `DDL with lock_wait_timeout = ${run.lockWaitTimeout} s`;
}

export function renderMdlTimeline(run: MdlRun): string {
  const actors = ACTORS.filter((a) => run.events.some((e) => e.actor === a));
  const endMs = Math.max(1, ...run.events.map((e) => e.atMs));
  const chartWidth = WIDTH - LABEL_WIDTH - RIGHT_PAD;
  const x = (ms: number): number => LABEL_WIDTH + (Math.max(0, ms) / endMs) * chartWidth;
  const height = actors.length * ROW + AXIS;
  const parts: string[] = [];
  actors.forEach((actor, row) => {
    const y = row * ROW + (ROW - BAR) / 2;
    parts.push(`<text class="mdl-label" x="0" y="${y + BAR - 2}">${escapeHtml(ACTOR_LABELS[actor])}</text>`);
    const events = run.events.filter((e) => e.actor === actor).sort((a, b) => a.atMs - b.atMs);
    events.forEach((event, i) => {
      const at = `${escapeHtml(event.event)} at ${escapeHtml(formatMs(event.atMs))}`;
      if (isEnd(event.event)) {
        const failed = /fail|error|timed out|killed/i.test(event.event);
        parts.push(`<rect class="${failed ? 'mdl-failed' : 'mdl-done'}" x="${(x(event.atMs) - 2).toFixed(1)}" y="${y - 2}" width="4" height="${BAR + 4}"><title>${ACTOR_LABELS[actor]}: ${at}</title></rect>`);
        return;
      }
      const next = events[i + 1];
      const until = next ? next.atMs : endMs;
      const width = Math.max(2, x(until) - x(event.atMs));
      const state = stateOf(event.event);
      parts.push(
        `<rect class="mdl-${state}" x="${x(event.atMs).toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" rx="2"><title>${ACTOR_LABELS[actor]}: ${at}${next ? ` until ${escapeHtml(formatMs(until))}` : ''}</title></rect>`,
      );
    });
  });
  const axisY = actors.length * ROW + 4;
  parts.push(`<line class="mdl-axis" x1="${LABEL_WIDTH}" y1="${axisY}" x2="${LABEL_WIDTH + chartWidth}" y2="${axisY}"/>`);
  parts.push(`<text class="mdl-tick" x="${LABEL_WIDTH}" y="${axisY + 14}">0</text>`);
  parts.push(`<text class="mdl-tick" x="${LABEL_WIDTH + chartWidth}" y="${axisY + 14}" text-anchor="end">${escapeHtml(formatMs(endMs))}</text>`);
  const label = `${runTitle(run)}: metadata-lock queue over ${formatMs(endMs)}`;
  return `<svg class="mdl-timeline" role="img" aria-label="${escapeHtml(label)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(label)}</title>${parts.join('')}</svg>`;
}
