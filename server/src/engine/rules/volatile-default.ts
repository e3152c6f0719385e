import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `volatile-default`.
export const volatileDefault: Rule = {
  meta: {
    id: 'volatile-default',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: '`ADD c CHAR(36) DEFAULT (UUID())`',
    fixable: false,
  },
  check() {},
};
