import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `drop-table`.
export const dropTable: Rule = {
  meta: {
    id: 'drop-table',
    defaultSeverity: 'error',
    classes: ['BC', 'DL'],
    description: '`DROP TABLE t`',
    fixable: false,
  },
  check() {},
};
