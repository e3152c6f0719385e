import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `varchar-length-change`.
export const varcharLengthChange: Rule = {
  meta: {
    id: 'varchar-length-change',
    defaultSeverity: 'warning',
    classes: ['DL'],
    description: '`MODIFY name VARCHAR(300)` (was 200)',
    fixable: false,
  },
  check() {},
};
