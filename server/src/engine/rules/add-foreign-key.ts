import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `add-foreign-key`.
export const addForeignKey: Rule = {
  meta: {
    id: 'add-foreign-key',
    defaultSeverity: 'error',
    classes: ['RB', 'LK'],
    description: '`ADD FOREIGN KEY (u_id) REFERENCES u(id)`',
    fixable: false,
  },
  check() {},
};
