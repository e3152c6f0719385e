import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `missing-lock-wait-timeout`.
export const missingLockWaitTimeout: Rule = {
  meta: {
    id: 'missing-lock-wait-timeout',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: 'DDL on an existing table with no `SET SESSION lock_wait_timeout = n` before it (or MariaDB `WAIT n`/`NOWAIT`)',
    fixable: false,
  },
  check() {},
};
