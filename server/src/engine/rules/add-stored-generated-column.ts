import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `add-stored-generated-column`.
export const addStoredGeneratedColumn: Rule = {
  meta: {
    id: 'add-stored-generated-column',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: '`ADD c INT AS (a+b) STORED`',
    fixable: false,
  },
  check() {},
};
