import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `multiple-alters-same-table`.
export const multipleAltersSameTable: Rule = {
  meta: {
    id: 'multiple-alters-same-table',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: 'two `ALTER TABLE t …` in one file',
    fixable: false,
  },
  check() {},
};
