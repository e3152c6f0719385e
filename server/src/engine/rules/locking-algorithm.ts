import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `locking-algorithm`.
export const lockingAlgorithm: Rule = {
  meta: {
    id: 'locking-algorithm',
    defaultSeverity: 'error',
    classes: ['LK'],
    description: '`ALGORITHM=COPY`, `LOCK=SHARED`/`EXCLUSIVE`, `ALGORITHM=INSTANT, LOCK=NONE` (error 1221 on MySQL)',
    fixable: false,
  },
  check() {},
};
