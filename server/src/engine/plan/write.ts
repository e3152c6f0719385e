// A drafted plan → files: names from the project's next migration paths, text in its convention.
import type { Chain, Project } from '../project';
import type { PlanDraft } from './draft';
import { renderMigration, type PlanConvention } from './conventions';
import { fileHeader } from './header';
import type { Plan, PlanFile } from './types';

/** a stand-in description replaced by each migration's own name (nextMigrationPaths numbers one description) */
const PLACEHOLDER = 'lockstepplanfile';

export function slugOf(description: string): string {
  return description.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'migration';
}

export function writePlan(project: Project, chain: Chain, draft: PlanDraft, now: Date, statementIndex?: number): Plan {
  const convention: PlanConvention = chain.convention ?? 'plain';
  const migrations = draft.releases.flatMap((r, ri) => r.migrations.map((m) => ({ release: ri, m })));
  const paths = project.nextMigrationPaths(chain, PLACEHOLDER, migrations.length, now);
  const releases = draft.releases.map((r) => ({ title: r.title, appSteps: r.appSteps, verify: r.verify, files: [] as PlanFile[] }));
  migrations.forEach(({ release, m }, n) => {
    const slug = slugOf(m.name);
    const named = paths[n].map((abs) => project.rel(abs).replace(migrations.length > 1 ? `${PLACEHOLDER}_${n + 1}` : PLACEHOLDER, slug));
    const r = draft.releases[release];
    const rendered = renderMigration(convention, m, fileHeader(draft, r, release, 'up'), fileHeader(draft, r, release, 'down'), `${slugOf(draft.slug)}-${n + 1}`);
    releases[release].files.push({ path: named[0], direction: 'up', content: rendered.up });
    if (rendered.down !== undefined && named[1]) releases[release].files.push({ path: named[1], direction: 'down', content: rendered.down });
  });
  const notes = [...(draft.notes ?? []), ...conventionNotes(convention)];
  return { kind: draft.kind, convention, summary: draft.summary, releases, ...(statementIndex !== undefined ? { statementIndex } : {}), ...(notes.length > 0 ? { notes } : {}) };
}

/** what the convention's runner needs besides the files */
function conventionNotes(convention: PlanConvention): string[] {
  if (convention === 'liquibase') return ['Include the new files in the master changelog (an includeAll of their folder picks them up in name order).'];
  if (convention === 'prisma') return ['Change schema.prisma with each release (e.g. @map for a renamed column), or the next `prisma migrate dev` will generate a migration that undoes these.'];
  if (convention === 'golang-migrate') return ['The files hold several statements: add multiStatements=true to the mysql:// database URL golang-migrate runs with.'];
  if (convention === 'plain') return ['No migration convention was detected: the files are named by timestamp; set "convention" in lockstep.config.json to name them like your tool.'];
  return [];
}
