import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `rename-column`.
export const renameColumn: Rule = {
  meta: {
    id: 'rename-column',
    defaultSeverity: 'error',
    classes: ['BC'],
    description: '`RENAME COLUMN a TO b`, `CHANGE a b …`',
    fixable: false,
  },
  check() {},
};
