import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `unbatched-dml`.
export const unbatchedDml: Rule = {
  meta: {
    id: 'unbatched-dml',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: '`UPDATE t SET c = …` / `DELETE FROM t …` without WHERE or without a bounded key range',
    fixable: false,
  },
  check() {},
};
