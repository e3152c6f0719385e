import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `add-check-constraint`.
export const addCheckConstraint: Rule = {
  meta: {
    id: 'add-check-constraint',
    defaultSeverity: 'warning',
    classes: ['FL'],
    description: '`ADD CONSTRAINT … CHECK (…)`',
    fixable: false,
  },
  check() {},
};
