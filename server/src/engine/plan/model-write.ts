// A plan from a model finding that has no SQL migration chain to join (TypeORM, GORM, a Prisma
// schema without a migrations folder): its migrations rendered as plain SQL files under a
// `lockstep-plan/` folder next to the model, for showing only — nothing writes them.
import type { PlanDraft } from './draft';
import { renderMigration } from './conventions';
import { fileHeader } from './header';
import type { Plan, PlanFile } from './types';
import { slugOf } from './write';

/** `modelDir`: the model file's folder relative to the project root ('' or '.' for the root) */
export function showOnlyPlan(draft: PlanDraft, modelDir: string): Plan {
  const folder = modelDir === '' || modelDir === '.' ? 'lockstep-plan' : `${modelDir}/lockstep-plan`;
  const releases = draft.releases.map((r) => ({ title: r.title, appSteps: r.appSteps, verify: r.verify, files: [] as PlanFile[] }));
  let n = 0;
  draft.releases.forEach((r, ri) => {
    for (const m of r.migrations) {
      n++;
      const rendered = renderMigration('plain', m, fileHeader(draft, r, ri, 'up'), fileHeader(draft, r, ri, 'down'), `${slugOf(draft.slug)}-${n}`);
      releases[ri].files.push({ path: `${folder}/${String(n).padStart(2, '0')}_${slugOf(m.name)}.sql`, direction: 'up', content: rendered.up });
    }
  });
  return { kind: draft.kind, convention: 'plain', summary: draft.summary, releases, ...(draft.notes && draft.notes.length > 0 ? { notes: [...draft.notes] } : {}) };
}
