// Migration sets: which files are migrations of which database, from the config. The single-set
// form (`migrations: { paths }`) keeps one chain per folder (Prisma: per parent of its per-migration
// folders), as every framework runs one folder; the list form (`migrations: [{ name, paths, schema }]`)
// makes each set one chain across its folders (e.g. `upgrade/<version>/schema.mysql`).
import { matchesAny } from '../config/glob';
import type { LockstepConfig, SchemaSourcesConfig } from '../config';
import type { Convention } from '../workspace';

export interface SetSpec {
  /** position in the config's list (0 for the single-set form) */
  index: number;
  name: string;
  /** globs relative to the project root */
  paths: string[];
  /** every exclude that applies: the defaults, the config's, the set's, and the schema source files */
  exclude: string[];
  convention?: Convention;
  schema: SchemaSourcesConfig;
  /** one chain per folder (single-set form), else one chain for the whole set */
  byFolder: boolean;
}

export function setSpecs(config: LockstepConfig): SetSpec[] {
  const schemaFiles = (s: SchemaSourcesConfig): string[] => [...s.baseline, ...s.current];
  if (config.sets && config.sets.length > 0) {
    const allSchemaFiles = config.sets.flatMap((s) => schemaFiles(s.schema));
    return config.sets.map((s, index) => ({
      index,
      name: s.name,
      paths: s.paths,
      exclude: [...config.migrations.exclude, ...s.exclude, ...allSchemaFiles],
      convention: s.convention,
      schema: s.schema,
      byFolder: false,
    }));
  }
  return [
    {
      index: 0,
      name: 'migrations',
      paths: config.migrations.paths,
      exclude: [...config.migrations.exclude, ...schemaFiles(config.schema)],
      convention: config.migrations.convention,
      schema: config.schema,
      byFolder: true,
    },
  ];
}

/** the set's globs include the path (relative to the root) */
export function setIncludes(spec: SetSpec, rel: string): boolean {
  return matchesAny(rel, spec.paths);
}

export function setExcludes(spec: SetSpec, rel: string): boolean {
  return matchesAny(rel, spec.exclude);
}

/** Prisma keeps one `migration.sql` per folder: its chain is the folder's parent */
export function isFolderPerMigration(path: string): boolean {
  return /(?:^|\/)migration\.sql$/i.test(path);
}
