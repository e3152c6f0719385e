import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `drop-default`.
export const dropDefault: Rule = {
  meta: {
    id: 'drop-default',
    defaultSeverity: 'warning',
    classes: ['BC'],
    description: '`ALTER c DROP DEFAULT` on a NOT NULL column',
    fixable: false,
  },
  check() {},
};
