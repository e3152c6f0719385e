import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `drop-column`.
export const dropColumn: Rule = {
  meta: {
    id: 'drop-column',
    defaultSeverity: 'error',
    classes: ['BC', 'DL'],
    description: '`ALTER TABLE u DROP COLUMN c`',
    fixable: false,
  },
  check() {},
};
