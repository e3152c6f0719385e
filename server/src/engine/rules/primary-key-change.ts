import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `primary-key-change`.
export const primaryKeyChange: Rule = {
  meta: {
    id: 'primary-key-change',
    defaultSeverity: 'error',
    classes: ['RB'],
    description: '`DROP PRIMARY KEY, ADD PRIMARY KEY (a,b)`; `DROP PRIMARY KEY` alone',
    fixable: false,
  },
  check() {},
};
