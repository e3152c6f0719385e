import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `charset-conversion`.
export const charsetConversion: Rule = {
  meta: {
    id: 'charset-conversion',
    defaultSeverity: 'warning',
    classes: ['RB', 'BC'],
    description: '`CONVERT TO CHARACTER SET utf8mb4`, column charset/collation change',
    fixable: false,
  },
  check() {},
};
