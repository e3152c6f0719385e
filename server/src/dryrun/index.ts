// The dry-run: runs a migration's DDL on scratch copies of a development database's tables and
// reports what the server really does. Imports the engine only through engine/index.
export { runDryRun, type DryRunOptions } from './run';
export { parseConnectionUrl, redact, redactUrl, hostAllowed, DryRunError, DEFAULT_ALLOW_HOSTS, type ConnectionTarget } from './connection';
export { SCRATCH_PREFIX } from './scratch';
export { withClause, withoutClauses } from './sql';
export { wasRebuilt } from './measure';
export { readDatabaseSchema, type DatabaseSchema } from './schema-source';
export type * from './types';
