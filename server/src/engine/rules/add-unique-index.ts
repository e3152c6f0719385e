import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `add-unique-index`.
export const addUniqueIndex: Rule = {
  meta: {
    id: 'add-unique-index',
    defaultSeverity: 'error',
    classes: ['FL', 'BC', 'DL'],
    description: '`ADD UNIQUE (email)`',
    fixable: false,
  },
  check() {},
};
