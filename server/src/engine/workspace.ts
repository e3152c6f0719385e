// Migration conventions and ordering: which files are migrations and in what order they run.
// Pure: works on relative paths (forward slashes); the CLI and the LSP read the files.

export type Convention = 'flyway' | 'golang-migrate' | 'prisma' | 'liquibase' | 'dbmate' | 'sql-migrate' | 'numbered' | 'timestamped';

/** Guess the convention from the migration paths; undefined when no convention fits. */
export function detectConvention(paths: readonly string[]): Convention | undefined {
  void paths;
  return undefined; // TODO(catalog helper)
}

/** The paths that are "up" migrations, in the order the framework would run them. */
export function orderMigrations(paths: readonly string[], convention: Convention | undefined): string[] {
  void convention;
  return [...paths].sort(); // TODO(catalog helper)
}
