import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `drop-index`.
export const dropIndex: Rule = {
  meta: {
    id: 'drop-index',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: '`DROP INDEX i ON t`',
    fixable: false,
  },
  check() {},
};
