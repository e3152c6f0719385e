import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `table-rebuild`.
export const tableRebuild: Rule = {
  meta: {
    id: 'table-rebuild',
    defaultSeverity: 'warning',
    classes: ['RB'],
    description: '`ENGINE=InnoDB`, `FORCE`, `OPTIMIZE TABLE`, `ROW_FORMAT=`, `PARTITION BY`, `REMOVE PARTITIONING`',
    fixable: false,
  },
  check() {},
};
