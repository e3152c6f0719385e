import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `column-reorder`.
export const columnReorder: Rule = {
  meta: {
    id: 'column-reorder',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: '`ADD c INT AFTER id`, `MODIFY c … FIRST`',
    fixable: false,
  },
  check() {},
};
