import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `change-column-type`.
export const changeColumnType: Rule = {
  meta: {
    id: 'change-column-type',
    defaultSeverity: 'error',
    classes: ['RB', 'LK', 'BC'],
    description: '`MODIFY price DECIMAL(12,2)` (was INT), INT→BIGINT, signed→unsigned',
    fixable: false,
  },
  check() {},
};
