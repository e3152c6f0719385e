import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `ddl-with-dml`.
export const ddlWithDml: Rule = {
  meta: {
    id: 'ddl-with-dml',
    defaultSeverity: 'warning',
    classes: ['LK'],
    description: '`ALTER …; UPDATE t SET …;` in one migration',
    fixable: false,
  },
  check() {},
};
