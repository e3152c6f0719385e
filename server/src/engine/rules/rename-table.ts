import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `rename-table`.
export const renameTable: Rule = {
  meta: {
    id: 'rename-table',
    defaultSeverity: 'error',
    classes: ['BC'],
    description: '`RENAME TABLE a TO b`, `ALTER TABLE a RENAME TO b`',
    fixable: false,
  },
  check() {},
};
