import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `set-not-null`.
export const setNotNull: Rule = {
  meta: {
    id: 'set-not-null',
    defaultSeverity: 'error',
    classes: ['FL', 'BC', 'RB'],
    description: '`MODIFY c INT NOT NULL` / `CHANGE` to NOT NULL',
    fixable: false,
  },
  check() {},
};
