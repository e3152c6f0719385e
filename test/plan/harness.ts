// Plans over in-memory projects, and the engine's findings for each generated file in a project
// holding the earlier migrations plus the plan's files.
import { analyzeFile, analyzeOptionsFrom, defaultConfig, memoryHost, parseTarget, planForStatement, Project, type Finding, type LockstepConfig, type Plan, type PlanOptions } from '../../server/src/engine';
import type { Convention } from '../../server/src/engine';

export const ROOT = '/project';
export const NOW = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));

export interface Fixture {
  /** relative path → text: the earlier migrations */
  files: Record<string, string>;
  /** the file holding the unsafe statement (relative) */
  path: string;
  text: string;
  convention?: Convention;
  target?: string;
  /** known row counts (the config's `tables`) */
  tables?: Record<string, number>;
}

export function configFor(fixture: Fixture): LockstepConfig {
  const base = defaultConfig();
  const target = parseTarget(fixture.target ?? 'mariadb-10.11');
  if (!target) throw new Error(`bad target ${fixture.target}`);
  const tables = Object.fromEntries(Object.entries(fixture.tables ?? {}).map(([name, rows]) => [name, { rows }]));
  return { ...base, target, tables, ...(fixture.convention ? { migrations: { ...base.migrations, convention: fixture.convention } } : {}) };
}

function projectOf(files: Record<string, string>, config: LockstepConfig): Project {
  const abs = Object.fromEntries(Object.entries(files).map(([rel, text]) => [`${ROOT}/${rel}`, text]));
  return new Project(memoryHost(abs), { root: ROOT, config });
}

export function planFixture(fixture: Fixture, options: PlanOptions = {}): ReturnType<typeof planForStatement> {
  const config = configFor(fixture);
  const project = projectOf({ ...fixture.files, [fixture.path]: fixture.text }, config);
  return planForStatement(project, `${ROOT}/${fixture.path}`, fixture.text, { now: NOW, ...options });
}

export function mustPlan(fixture: Fixture, options: PlanOptions = {}): Plan {
  const result = planFixture(fixture, options);
  if (!result.ok) throw new Error(`no plan: ${result.reason}`);
  return result.plan;
}

/**
 * Findings per generated up file, linted as the project would lint it: the earlier migrations, the
 * unsafe file with its statement replaced by a comment, and every plan file.
 */
export function lintPlan(fixture: Fixture, plan: Plan): { path: string; findings: Finding[] }[] {
  const config = configFor(fixture);
  const pointer = fixture.text.replace(/[^;]*;\s*$/, '-- replaced by a multi-release plan\n');
  const files: Record<string, string> = { ...fixture.files, [fixture.path]: pointer };
  const generated = plan.releases.flatMap((r) => r.files);
  for (const f of generated) files[f.path] = f.content;
  const project = projectOf(files, config);
  const options = analyzeOptionsFrom(config);
  return generated
    .filter((f) => f.direction === 'up')
    .map((f) => {
      const abs = `${ROOT}/${f.path}`;
      const context = project.fileContext(abs);
      const text = project.analyzedText(f.content, context);
      return { path: f.path, findings: analyzeFile(f.path, text, { ...options, catalog: context.catalog, newTables: context.newTables }).findings };
    });
}
