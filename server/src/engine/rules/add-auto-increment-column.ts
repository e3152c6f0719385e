import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `add-auto-increment-column`.
export const addAutoIncrementColumn: Rule = {
  meta: {
    id: 'add-auto-increment-column',
    defaultSeverity: 'error',
    classes: ['RB'],
    description: '`ADD id BIGINT AUTO_INCREMENT …`',
    fixable: false,
  },
  check() {},
};
