// Writes a plan's migrations as files in the project's convention: Flyway `V<n>__x.sql`,
// golang-migrate `.up.sql` + `.down.sql`, Prisma `<ts>_<name>/migration.sql`, Liquibase formatted
// SQL changesets, dbmate / goose / sql-migrate up and down sections, plain numbered files.
//
// Compound statements (a procedure body) are delimited as each runner needs: `DELIMITER` for the
// mysql client and Flyway, which split on `;`; goose and sql-migrate `StatementBegin`/`End`;
// a changeset with `splitStatements:false` for Liquibase; nothing for golang-migrate, dbmate and
// Prisma, which send the whole file as one multi-statement query that the server splits itself.
import type { Convention } from '../workspace';
import type { MigrationDraft, Step } from './draft';

export type PlanConvention = Convention | 'plain';

/** conventions whose runner splits the file on `;` on the client side (the mysql client, Flyway) */
function usesDelimiter(c: PlanConvention): boolean {
  return c === 'flyway' || c === 'plain' || c === 'numbered' || c === 'timestamped';
}

const SECTIONS: Partial<Record<PlanConvention, { up: string; down: string; begin?: string; end?: string }>> = {
  dbmate: { up: '-- migrate:up', down: '-- migrate:down' },
  goose: { up: '-- +goose Up', down: '-- +goose Down', begin: '-- +goose StatementBegin', end: '-- +goose StatementEnd' },
  'sql-migrate': { up: '-- +migrate Up', down: '-- +migrate Down', begin: '-- +migrate StatementBegin', end: '-- +migrate StatementEnd' },
};

function stepLines(step: Step, c: PlanConvention): string[] {
  const out: string[] = [];
  if (step.note) out.push(`-- ${step.note}`);
  if (step.allow) out.push(`-- lockstep-disable-next-line ${step.allow.rules.join(', ')} -- ${step.allow.reason}`);
  const sections = SECTIONS[c];
  if (step.compound && usesDelimiter(c)) out.push('DELIMITER //', `${step.sql} //`, 'DELIMITER ;');
  else if (step.compound && sections?.begin && sections.end) out.push(sections.begin, `${step.sql};`, sections.end);
  else out.push(`${step.sql};`);
  return out;
}

function stepsText(steps: readonly Step[], c: PlanConvention): string {
  return steps.map((s) => stepLines(s, c).join('\n')).join('\n\n');
}

export interface RenderedMigration {
  up: string;
  /** a separate down file (golang-migrate) */
  down?: string;
}

/** the file text(s) of one migration; `header` lines (comments) go first, after any required first line */
export function renderMigration(c: PlanConvention, m: MigrationDraft, upHeader: string[], downHeader: string[], changesetId: string): RenderedMigration {
  const up = stepsText(m.up, c);
  const sections = SECTIONS[c];
  const nothing = m.irreversible ? '-- cannot be undone: the data it dropped is gone (restore it from a backup)' : '-- nothing to undo: this migration only copies data';
  if (c === 'golang-migrate') {
    const down = m.down.length > 0 ? stepsText(m.down, c) : `${nothing}\nDO 0;`;
    return { up: `${upHeader.join('\n')}\n\n${up}\n`, down: `${downHeader.join('\n')}\n\n${down}\n` };
  }
  if (sections) {
    const down = m.down.length > 0 ? `\n\n${sections.down}\n${stepsText(m.down, c)}` : `\n\n${sections.down}\n${nothing}`;
    return { up: `${upHeader.join('\n')}\n\n${sections.up}\n${up}${down}\n` };
  }
  if (c === 'liquibase') return { up: liquibase(m, upHeader, changesetId) };
  return { up: `${upHeader.join('\n')}\n\n${up}\n` };
}

/** one changeset per statement (a procedure body must not be split); the last one rolls the whole migration back */
function liquibase(m: MigrationDraft, header: string[], id: string): string {
  const parts = ['-- liquibase formatted sql', '', ...header, ''];
  m.up.forEach((step, n) => {
    const last = n === m.up.length - 1;
    parts.push(`-- changeset lockstep:${id}-${n + 1}${step.compound ? ' splitStatements:false' : ''}`);
    if (step.note) parts.push(`-- ${step.note}`);
    if (step.allow) parts.push(`-- lockstep-disable-next-line ${step.allow.rules.join(', ')} -- ${step.allow.reason}`);
    parts.push(`${step.sql};`);
    if (!last || m.down.length === 0) parts.push('-- rollback empty');
    else for (const d of m.down) for (const line of `${d.sql};`.split('\n')) parts.push(`-- rollback ${line}`);
    parts.push('');
  });
  return `${parts.join('\n').trimEnd()}\n`;
}
