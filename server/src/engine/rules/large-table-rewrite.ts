import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `large-table-rewrite`.
export const largeTableRewrite: Rule = {
  meta: {
    id: 'large-table-rewrite',
    defaultSeverity: 'error',
    classes: ['LK'],
    description: 'any RB/COPY statement on a table above a size threshold (connected DB or configured sizes)',
    fixable: false,
  },
  check() {},
};
