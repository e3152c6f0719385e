import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `enum-set-change`.
export const enumSetChange: Rule = {
  meta: {
    id: 'enum-set-change',
    defaultSeverity: 'error',
    classes: ['BC', 'DL'],
    description: '`MODIFY s ENUM(\'b\',\'a\')`',
    fixable: false,
  },
  check() {},
};
