// `lockstep lint --url`: the development database read as a `current` schema source. Loaded on
// demand (it pulls in the database driver); every failure is a one-line usage error, exit code 2,
// that never holds the password.
import { DryRunError, readDatabaseSchema } from '../dryrun';
import { UsageError } from './errors';
import type { LintDatabase } from './lint';

export async function readLintDatabase(url: string, env: NodeJS.ProcessEnv, confirmedHost: boolean): Promise<LintDatabase> {
  const password = env.LOCKSTEP_DATABASE_PASSWORD !== undefined && env.LOCKSTEP_DATABASE_PASSWORD !== '' ? env.LOCKSTEP_DATABASE_PASSWORD : undefined;
  try {
    const schema = await readDatabaseSchema({ url, password, confirmedHost });
    return { rel: schema.rel, text: schema.text, tableRows: schema.tableRows, rowVersions: schema.rowVersions, notes: schema.notes };
  } catch (err) {
    if (err instanceof DryRunError) throw new UsageError(`--url: ${err.message}`);
    throw err;
  }
}
