import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `table-without-primary-key`.
export const tableWithoutPrimaryKey: Rule = {
  meta: {
    id: 'table-without-primary-key',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: '`CREATE TABLE log (msg TEXT)`',
    fixable: false,
  },
  check() {},
};
