import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `destructive-statement`.
export const destructiveStatement: Rule = {
  meta: {
    id: 'destructive-statement',
    defaultSeverity: 'error',
    classes: ['DL'],
    description: '`TRUNCATE t`, `DROP DATABASE`, `DROP PARTITION`, `TRUNCATE PARTITION`',
    fixable: false,
  },
  check() {},
};
