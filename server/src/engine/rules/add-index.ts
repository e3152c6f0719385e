import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `add-index`.
export const addIndex: Rule = {
  meta: {
    id: 'add-index',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: '`CREATE INDEX i ON t(c)`, `ADD INDEX` on an existing table',
    fixable: false,
  },
  check() {},
};
