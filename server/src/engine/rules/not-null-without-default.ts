import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `not-null-without-default`.
export const notNullWithoutDefault: Rule = {
  meta: {
    id: 'not-null-without-default',
    defaultSeverity: 'error',
    classes: ['BC'],
    description: '`ALTER TABLE u ADD c INT NOT NULL` on an existing table',
    fixable: false,
  },
  check() {},
};
